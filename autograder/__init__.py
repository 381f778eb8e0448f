"""PyTorch Eğitimi otomatik notlandırıcısı (autograder).

The same check functions serve nbgrader test cells (``from autograder.assignments...
import check_...``) and the pytest/CLI path (``autograder check NOTEBOOK``).
"""

__version__ = "0.1.0"
