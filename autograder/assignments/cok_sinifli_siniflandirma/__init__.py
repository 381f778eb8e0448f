"""``03_cok_sinifli_siniflandirma``: multiclass classification (blobs, spirals, metrics).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(data, reference model and metrics, both sides), ``messages``. The notebooks import the checks
from here: ``from autograder.assignments.cok_sinifli_siniflandirma import check_blob_data``.
"""

from autograder.assignments.cok_sinifli_siniflandirma.checks import *  # noqa: F403
from autograder.assignments.cok_sinifli_siniflandirma.checks import ASSIGNMENT  # noqa: F401
from autograder.hints import ipucu_for

ipucu = ipucu_for("cok_sinifli_siniflandirma")
