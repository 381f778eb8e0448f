"""``05_ozel_veri_setleri``: custom datasets (folders, Dataset, transforms, DataLoader, TinyVGG).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(the grader's folders, images and models, both sides), ``messages``. The notebooks import the
checks from here: ``from autograder.assignments.ozel_veri_setleri import check_find_classes``.
"""

from autograder.assignments.ozel_veri_setleri.checks import *  # noqa: F403
from autograder.assignments.ozel_veri_setleri.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("ozel_veri_setleri")
