"""``02_ikili_siniflandirma``: binary classification (circles and moons).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(data and reference models, both sides), ``messages``. The notebooks import the checks from
here: ``from autograder.assignments.ikili_siniflandirma import check_data``.
"""

from autograder.assignments.ikili_siniflandirma.checks import *  # noqa: F403
from autograder.assignments.ikili_siniflandirma.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("ikili_siniflandirma")
