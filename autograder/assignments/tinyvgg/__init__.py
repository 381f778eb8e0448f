"""``04_tinyvgg``: computer vision with a CNN (TinyVGG on offline handwritten digits).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(data and reference pieces, both sides; the TinyVGG and steps of :mod:`autograder.vision`),
``messages``. The notebooks import the checks from here:
``from autograder.assignments.tinyvgg import check_tinyvgg_model``.
"""

from autograder.assignments.tinyvgg.checks import *  # noqa: F403
from autograder.assignments.tinyvgg.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("tinyvgg")
