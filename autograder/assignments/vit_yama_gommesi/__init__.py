"""``07_vit_yama_gommesi``: replicating ViT, from the patch embedding up to a small ViT.

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(the grader's reference modules and data, both sides), ``messages``. The notebooks import the
checks from here: ``from autograder.assignments.vit_yama_gommesi import check_vit``.
"""

from autograder.assignments.vit_yama_gommesi.checks import *  # noqa: F403
from autograder.assignments.vit_yama_gommesi.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("vit_yama_gommesi")
