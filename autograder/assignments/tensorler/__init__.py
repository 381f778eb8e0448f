"""``00_tensorler``: tensors (creation, dtypes, operations, reshaping, indexing, NumPy, seeds, devices).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(the notebook's given tensors, rebuilt; both sides), ``messages``. The notebooks import the
checks from here: ``from autograder.assignments.tensorler import check_dtypes``.
"""

from autograder.assignments.tensorler.checks import *  # noqa: F403
from autograder.assignments.tensorler.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("tensorler")
