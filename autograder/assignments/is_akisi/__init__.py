"""``01_is_akisi``: the PyTorch workflow (linear regression end to end, saving and loading).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(data, reference models and the training check's instruments, both sides), ``messages``. The
notebooks import the checks from here: ``from autograder.assignments.is_akisi import check_data``.
"""

from autograder.assignments.is_akisi.checks import *  # noqa: F403
from autograder.assignments.is_akisi.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("is_akisi")
