"""The sandbox around every student kernel: bubblewrap (``bwrap``).

What the kernel gets: its own pid, network, IPC, UTS and user namespaces (it cannot see or
signal the grader, and has no network), no capabilities, a read-only view of the system
(``/usr``, ``/etc``), of Python and its packages and of the ``autograder`` package itself,
a private ``/tmp``, and write access to one folder: its own temporary work copy. The course
folder, ``submitted/``, results, ``--out``, ``gradebook.db`` and the instructor's secret are
simply not there. ``--die-with-parent`` and the pid namespace end every process the notebook
started when the kernel goes; hard rlimits (``prlimit``) cap memory, processes, file size and
CPU time, and the student cannot raise them.

Where bubblewrap is missing (macOS, no user namespaces), ``check`` runs unsandboxed with a
one-line Turkish warning; ``grade`` and nbgrader refuse unless the instructor says
``--sandbox off`` (``AUTOGRADER_SANDBOX=off``).
"""

from __future__ import annotations

import functools
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

from autograder.errors import BadInput

MODES = ("auto", "on", "off")
PACKAGE_DIR = Path(__file__).resolve().parent
ENV = "AUTOGRADER_SANDBOX"


def bwrap_path() -> str | None:
    """The bubblewrap program (``AUTOGRADER_BWRAP`` names another one, e.g. for tests)."""
    return shutil.which(os.environ.get("AUTOGRADER_BWRAP", "bwrap"))


def mode(preference: str | None = None) -> str:
    value = (preference or os.environ.get(ENV) or "auto").strip().lower()
    if value not in MODES:
        raise BadInput("bad_sandbox_mode", mode=value)
    return value


@functools.cache
def available() -> bool:
    """bubblewrap is installed and can make the namespaces here (tried once per process)."""
    bwrap = bwrap_path()
    if not bwrap:
        return False
    try:
        proc = subprocess.run([bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
                              capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


def decide(preference: str | None, *, required: bool) -> bool:
    """Whether to sandbox: ``on`` needs bubblewrap, ``off`` never, ``auto`` when available.
    ``required`` (grade, nbgrader) turns a missing bubblewrap under ``auto`` into an error."""
    chosen = mode(preference)
    if chosen == "off":
        return False
    if available():
        return True
    if chosen == "on" or required:
        raise BadInput("sandbox_missing")
    return False


def _read_only_roots() -> list[str]:
    """``/usr``, ``/etc``, the interpreter, its packages and the ``autograder`` package: never a
    folder that holds the current (course) folder or the package's parent (a development
    checkout is a course folder too)."""
    roots = {"/usr", "/etc", sys.prefix, sys.base_prefix, str(PACKAGE_DIR),
             str(Path(os.path.realpath(sys.executable)).parent.parent)}
    roots.update(p for p in site.getsitepackages() if p)  # not sys.path: it may name course folders
    hidden = [Path.cwd().resolve(), PACKAGE_DIR.parent]
    kept = set()
    for root in roots:
        path = Path(root).resolve()
        if path.is_dir() and not any(h == path or path in h.parents for h in hidden):
            kept.add(str(path))
    # A folder inside another bound one is already there.
    return sorted(r for r in kept if not any(r.startswith(o.rstrip("/") + "/") for o in kept if o != r))


SHARED = (".ipc", ".autograder")  # in the work folder: the kernel's sockets, the host's questions and answers
WORK = "work"                     # in the work folder: the kernel's own files (a capped tmpfs inside)


def layout(workdir: str) -> str:
    """Make the work folder's parts; return the kernel's working directory."""
    for name in (*SHARED, WORK):
        os.makedirs(os.path.join(workdir, name), exist_ok=True)
    return os.path.join(workdir, WORK)


def command(argv: list[str], workdir: str, limits: dict) -> list[str]:
    """``argv`` (the kernel's command) run inside the sandbox. What it may write: the two shared
    folders of ``workdir`` (sockets; questions and answers), and size-capped memory file systems
    for its own files (``workdir/work``), ``/tmp`` and ``/dev/shm``; everything else is read-only."""
    bwrap = bwrap_path() or "bwrap"
    work_mb = int(os.environ.get("AUTOGRADER_WORK_MB") or 1024)
    args = [bwrap, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
            "--uid", "65534", "--gid", "65534", "--hostname", "sandbox",
            "--proc", "/proc", "--dev", "/dev", "--size", str(256 * 2**20), "--tmpfs", "/dev/shm",
            "--remount-ro", "/dev", "--size", str(512 * 2**20), "--tmpfs", "/tmp"]
    for root in _read_only_roots():
        args += ["--ro-bind", root, root]
    for link, target in (("/bin", "usr/bin"), ("/lib", "usr/lib"), ("/lib64", "usr/lib64"), ("/sbin", "usr/sbin")):
        if os.path.islink(link):
            args += ["--symlink", target, link]
        elif os.path.isdir(link):
            args += ["--ro-bind", link, link]
    args += ["--ro-bind-try", "/dev/null", "/etc/shadow"]
    for device in sorted(Path("/dev").glob("nvidia*")):  # CUDA needs its device nodes
        args += ["--dev-bind-try", str(device), str(device)]
    for name in SHARED:
        shared = os.path.join(workdir, name)
        args += ["--bind", shared, shared]
    work = os.path.join(workdir, WORK)
    # ipykernel would take its parent (the sandbox's pid 1) for a dead one; --die-with-parent covers that.
    args += ["--size", str(work_mb * 2**20), "--tmpfs", work, "--chdir", work, "--setenv", "HOME", work,
             "--setenv", "JPY_PARENT_PID", "1", "--remount-ro", "/"]
    return [*_prlimit(limits), *args, "--", *argv]


def gpu_possible(device: str) -> bool:
    """Whether the kernel may use a GPU, whose driver maps large private areas (no data cap then)."""
    if device == "cpu":
        return False
    return device in ("cuda", "mps") or Path("/dev/nvidiactl").exists() or sys.platform == "darwin"


def _prlimit(limits: dict) -> list[str]:
    """Hard limits set before bubblewrap starts (inherited by everything inside, not raisable)."""
    prlimit = shutil.which("prlimit")
    if not prlimit:
        return []
    caps = []
    if limits.get("memory_mb") and not gpu_possible(limits.get("device", "cpu")):
        caps.append(f"--data={limits['memory_mb'] * 2**20}")
    if limits.get("processes"):
        caps.append(f"--nproc={limits['processes']}")
    if limits.get("file_mb"):
        caps.append(f"--fsize={limits['file_mb'] * 2**20}")
    if limits.get("cpu_seconds"):
        caps.append(f"--cpu={limits['cpu_seconds']}")
    return [prlimit, *caps, "--"] if caps else []
