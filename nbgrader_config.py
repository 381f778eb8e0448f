"""nbgrader configuration of the PyTorch Eğitimi course (this folder is the course directory)."""

import os

# One compute thread per kernel (the workbook's models are small; two kernels with two
# threads each on a 2-core machine thrash). The kernels nbgrader starts inherit this.
os.environ.setdefault("OMP_NUM_THREADS", os.environ.get("AUTOGRADER_THREADS", "1"))

c = get_config()  # noqa: F821 - provided by nbgrader/traitlets

c.CourseDirectory.course_id = "pytorch-egitimi"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# Turkish stubs in the student's release cells. ExerciseStubs (nbgrader's ClearSolutions, which it
# replaces below) puts "Alıştırma N (cell) henüz çözülmedi: …" in place of {exercise}.
c.ClearSolutions.code_stub = {"python": '# KODUNUZU BURAYA YAZIN\nraise NotImplementedError("{exercise}")'}
c.ClearSolutions.text_stub = "YANITINIZI BURAYA YAZIN"
# ipucu("...") in the released notebooks; False for graded releases (the hints only say they are off).
c.ExerciseStubs.hints = True

from nbgrader.preprocessors import (  # noqa: E402
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    ComputeChecksums,
    IncludeHeaderFooter,
    InstantiateTests,
    LockCells,
    SaveCells,
)

from autograder.nbgrader_release import ExerciseStubs  # noqa: E402

c.GenerateAssignment.preprocessors = [IncludeHeaderFooter, InstantiateTests, LockCells, ExerciseStubs, ClearOutput,
                                      CheckCellMetadata, ComputeChecksums, SaveCells, ClearHiddenTests,
                                      ClearMarkScheme, ComputeChecksums, CheckCellMetadata]

# Autograding runs through the workbook's own engine: a sandboxed kernel that only answers,
# and judgements on this host (autograder/nbgrader_preprocessor.py). It takes the place of
# nbgrader's Execute; the notebooks' check_* cells are for students' self-checking only.
# Without bubblewrap it refuses to grade: set c.SandboxedGrading.sandbox = "off" to allow it.
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import AssignLatePenalties, IgnorePattern, LimitOutput, SaveAutoGrades  # noqa: E402

from autograder.nbgrader_preprocessor import SandboxedGrading  # noqa: E402

c.Autograde.autograde_preprocessors = [SandboxedGrading, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
# Used where nbgrader still executes notebooks itself (e.g. validate): training cells take seconds.
c.Execute.timeout = 300
