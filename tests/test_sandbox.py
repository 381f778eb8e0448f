"""What a student's kernel can see and do inside the bubblewrap sandbox (real bwrap, real kernel)."""

from __future__ import annotations

import json
import os

import nbformat
import pytest
from helpers import ROOT

from autograder import sandbox
from autograder.runner import open_session

pytestmark = pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not available here")

PROBE = r'''
import json, os, resource, socket
def attempt(fn):
    try:
        fn()
        return True
    except Exception:
        return False
def write(path, size=1):
    with open(path, "wb") as f:
        f.write(b"0" * size)
facts = {
    "course_listing": sorted(os.listdir(COURSE)) if os.path.isdir(COURSE) else [],
    "secret_file_readable": attempt(lambda: open(COURSE + "/.autograder_secret").read()),
    "secret_env": os.environ.get("AUTOGRADER_SECRET"),
    "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
    "network": attempt(lambda: socket.create_connection(("1.1.1.1", 80), timeout=2)),
    "root_writable": attempt(lambda: write("/x")),
    "usr_writable": attempt(lambda: write("/usr/x")),
    "package_writable": attempt(lambda: write(PACKAGE + "/x.py")),
    "work_writable": attempt(lambda: write("mine.txt")),
    "work_capped": not attempt(lambda: write("big.bin", 1100 * 2**20)),
    "tmp_capped": not attempt(lambda: write("/tmp/big.bin", 600 * 2**20)),
    "raise_nproc": attempt(lambda: resource.setrlimit(resource.RLIMIT_NPROC, (10**6, 10**6))),
    "uid": os.getuid(),
}
os.remove("big.bin") if os.path.exists("big.bin") else None
print("FACTS" + json.dumps(facts))
'''


def test_the_kernel_sees_only_its_own_world(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOGRADER_SECRET", "do-not-leak")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        f"COURSE = {str(ROOT)!r}\nPACKAGE = {str(ROOT / 'autograder')!r}\n" + PROBE)])
    with open_session(nb=nb, assignment="02_ikili_siniflandirma", notebook="x.ipynb", device="cpu",
                      sandbox_mode="on") as session:
        session.grade(selected=set(), run_all=True)
        text = "".join(o.get("text", "") for o in session.records[0].outputs)
    facts = json.loads(text.split("FACTS", 1)[1])
    # The course folder holds only the mount points of the package (and of a venv inside it).
    assert set(facts["course_listing"]) <= {"autograder", ".venv"} and facts["secret_file_readable"] is False
    assert facts["secret_env"] is None
    assert len(facts["pids"]) < 10 and os.getpid() not in facts["pids"][3:]  # its own pid namespace
    assert facts["network"] is False
    assert not facts["root_writable"] and not facts["usr_writable"] and not facts["package_writable"]
    assert facts["work_writable"] and facts["work_capped"] and facts["tmp_capped"]
    assert facts["raise_nproc"] is False and facts["uid"] != 0


def test_processes_die_with_the_kernel(tmp_path):
    marker = "987650123"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        f"import subprocess\nsubprocess.Popen(['sleep', '{marker}'], start_new_session=True)\n"
        f"import os\nif os.fork() == 0:\n    os.setsid()\n    os.execvp('sleep', ['sleep', '{marker}1'])")])
    with open_session(nb=nb, assignment="02_ikili_siniflandirma", notebook="x.ipynb", device="cpu",
                      sandbox_mode="on") as session:
        session.grade(selected=set(), run_all=True)
    import subprocess
    import time

    time.sleep(1)
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
    assert left == []
