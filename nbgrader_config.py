"""nbgrader configuration of the PyTorch Eğitimi course (this folder is the course directory)."""

import os

# One compute thread per kernel (the workbook's models are small; two kernels with two
# threads each on a 2-core machine thrash). The kernels nbgrader starts inherit this.
os.environ.setdefault("OMP_NUM_THREADS", os.environ.get("AUTOGRADER_THREADS", "1"))

c = get_config()  # noqa: F821 - provided by nbgrader/traitlets

c.CourseDirectory.course_id = "pytorch-egitimi"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# Turkish stubs in the student's release cells.
c.ClearSolutions.code_stub = {"python": "# KODUNUZU BURAYA YAZIN\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YANITINIZI BURAYA YAZIN"

# Training cells take a few seconds on a 2-core CPU; the grader's checks train small models too.
c.Execute.timeout = 300
# The checks write nothing to stderr themselves; keep torch/matplotlib quiet in the kernel too.
c.Execute.extra_arguments = []
