"""``09_deney_takibi``: experiment tracking (TensorBoard's ``SummaryWriter``, a grid of runs, the best model).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``events`` (event files:
collected in the kernel, read on the host with TensorBoard's reader), ``reference`` (data and reference
pieces, both sides), ``messages``, ``hints``. The notebooks import the checks from here:
``from autograder.assignments.deney_takibi import check_create_writer``.
"""

from autograder.assignments.deney_takibi.checks import *  # noqa: F403
from autograder.assignments.deney_takibi.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("deney_takibi")
