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
    roots.update(p for p in (*site.getsitepackages(), *sys.path) if p)
    hidden = [Path.cwd().resolve(), PACKAGE_DIR.parent]
    kept = set()
    for root in roots:
        path = Path(root).resolve()
        if path.is_dir() and not any(h == path or path in h.parents for h in hidden):
            kept.add(str(path))
    # A folder inside another bound one is already there.
    return sorted(r for r in kept if not any(r.startswith(o.rstrip("/") + "/") for o in kept if o != r))


def command(argv: list[str], workdir: str, limits: dict) -> list[str]:
    """``argv`` (the kernel's command) run inside the sandbox, ``workdir`` its only writable folder."""
    bwrap = bwrap_path() or "bwrap"
    args = [bwrap, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
            "--uid", "65534", "--gid", "65534", "--hostname", "sandbox",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
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
    # ipykernel would take its parent (the sandbox's pid 1) for a dead one; --die-with-parent covers that.
    args += ["--bind", workdir, workdir, "--chdir", workdir, "--setenv", "HOME", workdir,
             "--setenv", "JPY_PARENT_PID", "1"]
    return [*_prlimit(limits), *args, "--", *argv]


def _prlimit(limits: dict) -> list[str]:
    """Hard limits set before bubblewrap starts (inherited by everything inside, not raisable)."""
    prlimit = shutil.which("prlimit")
    if not prlimit:
        return []
    caps = []
    if limits.get("memory_mb"):
        caps.append(f"--data={limits['memory_mb'] * 2**20}")
    if limits.get("processes"):
        caps.append(f"--nproc={limits['processes']}")
    if limits.get("file_mb"):
        caps.append(f"--fsize={limits['file_mb'] * 2**20}")
    if limits.get("cpu_seconds"):
        caps.append(f"--cpu={limits['cpu_seconds']}")
    return [prlimit, *caps, "--"] if caps else []
