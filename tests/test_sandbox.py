"""What a student's kernel can see and do inside the bubblewrap sandbox (real bwrap, real kernel)."""

from __future__ import annotations

import json
import os

import nbformat
import pytest
from helpers import ROOT

from autograder import sandbox
from autograder.runner import open_session, prepare

pytestmark = pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not available here")

def sandboxed(nb):
    """A notebook of 02 prepared for a session on the CPU with the sandbox on."""
    return prepare("x.ipynb", nb=nb, assignment="02_ikili_siniflandirma", device="cpu", sandbox_mode="on")


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
    with open_session(sandboxed(nb)) as session:
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
    with open_session(sandboxed(nb)) as session:
        session.grade(selected=set(), run_all=True)
    import subprocess
    import time

    time.sleep(1)
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
    assert left == []


def test_the_sandbox_as_a_whole_is_capped(tmp_path):
    """Where the grader may make a control group (root here, as in Docker): at most 256 processes and
    the memory cap for the whole sandbox, forked children and tmpfs included; the kernel that breaks the memory
    cap dies alone and the next cell runs in a fresh one."""
    from autograder import cgroup

    probe = cgroup.create(64, 8)
    if probe is None:
        pytest.skip("no control groups can be made here: the rlimits alone apply")
    probe.close()
    forks = ("import os, time\nkids = 0\nfor i in range(400):\n    try:\n        pid = os.fork()\n"
             "    except OSError:\n        break\n    if pid == 0:\n        time.sleep(5)\n        os._exit(0)\n"
             "    kids += 1\nprint('FORKED', kids)")
    memory = ("blobs = []\nfor i in range(12):\n    blobs.append(bytearray(512 * 2**20))\n"
              "    for j in range(0, len(blobs[-1]), 4096):\n        blobs[-1][j] = 1\nprint('ALL')")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(forks), nbformat.v4.new_code_cell(memory),
                                         nbformat.v4.new_code_cell("print('alive')")])
    with open_session(sandboxed(nb)) as session:
        session.grade(selected=set(), run_all=True)
        records = session.records
        folders = list(session.group.folders)
    forked = int("".join(o.get("text", "") for o in records[0].outputs).split("FORKED")[1])
    assert 100 < forked < 256
    # Stopped by the per-process data cap (MemoryError) or by the group's cap (the kernel dies).
    assert records[1].status == "dead" or (records[1].status, records[1].ename) == ("error", "MemoryError")
    assert records[2].status == "ok" and "alive" in "".join(o.get("text", "") for o in records[2].outputs)
    assert not any(folder.exists() for folder in folders)  # the groups are gone with the session
