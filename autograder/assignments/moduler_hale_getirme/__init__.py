"""``08_moduler_hale_getirme``: going modular (scripts written from the notebook, training from the shell).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side: the student's files read afresh,
``train.py`` run as a subprocess), ``reference`` (data and reference pieces, both sides; the TinyVGG and
steps of :mod:`autograder.vision`), ``messages``, ``hints``. The notebook imports the checks from here:
``from autograder.assignments.moduler_hale_getirme import check_data_setup``.
"""

from autograder.assignments.moduler_hale_getirme.checks import *  # noqa: F403
from autograder.assignments.moduler_hale_getirme.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("moduler_hale_getirme")
