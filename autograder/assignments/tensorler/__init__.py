"""``00_tensorler``: tensors (creation, dtypes, operations, reshaping, indexing, NumPy, seeds, devices).

``checks`` (host judgements and ``ASSIGNMENT``), ``probes`` (kernel side), ``reference``
(the notebook's given tensors, rebuilt; both sides), ``messages``. The notebooks import the
checks from here: ``from autograder.assignments.tensorler import check_dtypes``.
"""

from autograder.assignments.tensorler.checks import *  # noqa: F403
from autograder.assignments.tensorler.checks import ASSIGNMENT  # noqa: F401
from autograder.assignments.tensorler.reference import (  # noqa: F401
    EXPECTED_SEED,
    IMAGE_SEED,
    MATMUL_SEED,
    given_array,
    given_base,
    given_dtypes,
    given_grid,
    given_image,
    given_numbers,
    given_probabilities,
    given_products,
    seeded_matmul,
    seeded_random,
)
