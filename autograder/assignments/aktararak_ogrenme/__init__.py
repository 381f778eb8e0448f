"""``06_aktararak_ogrenme``: transfer learning with the project's offline pretrained CNN.

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(the grader's data and models, both sides), ``messages``. The notebooks import the checks from
here: ``from autograder.assignments.aktararak_ogrenme import check_load_pretrained``.
"""

from autograder.assignments.aktararak_ogrenme.checks import *  # noqa: F403
from autograder.assignments.aktararak_ogrenme.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("aktararak_ogrenme")
