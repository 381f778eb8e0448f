"""A control group around each sandboxed kernel: one cap on memory (its tmpfs included) and on the
number of processes for the whole sandbox, which per-process rlimits cannot give (a grader that
runs as root, as in Docker or here, is exempt from ``RLIMIT_NPROC``; ``RLIMIT_DATA`` counts each
forked child separately).

Used where the grader may create control groups (root, with the cgroup v1 ``memory`` and ``pids``
hierarchies, or a delegated cgroup v2 folder); elsewhere the rlimits alone apply and the threat
model says so. The kernel's launcher joins the group before it starts bubblewrap, so every
process of the sandbox is in it; :meth:`Group.close` ends what is left and removes the group.
"""

from __future__ import annotations

import os
import secrets
import signal
import time
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")


class Group:
    def __init__(self, folders: list[Path]):
        self.folders = folders

    def join_command(self) -> list[str]:
        """A launcher prefix: the shell writes its pid into the group, then becomes the command."""
        writes = " && ".join(f"echo $$ > '{folder / 'cgroup.procs'}'" for folder in self.folders)
        return ["/bin/sh", "-c", f'{writes} && exec "$0" "$@"']

    def pids(self) -> set[int]:
        found: set[int] = set()
        for folder in self.folders:
            try:
                found.update(int(p) for p in (folder / "cgroup.procs").read_text().split())
            except (OSError, ValueError):
                pass
        return found

    def close(self) -> None:
        """End every process left in the group, then remove it (a group empties only once its
        processes have been reaped: retried for up to 5 s)."""
        folders = list(self.folders)
        for _ in range(250):
            for pid in self.pids():
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            for folder in list(folders):
                try:
                    folder.rmdir()
                    folders.remove(folder)
                except FileNotFoundError:
                    folders.remove(folder)
                except OSError:
                    pass
            if not folders:
                return
            time.sleep(0.02)


def _v1(name: str, memory_bytes: int | None, processes: int | None) -> Group | None:
    memory, pids = ROOT / "memory", ROOT / "pids"
    if not (os.access(memory, os.W_OK) and os.access(pids, os.W_OK)):
        return None
    made = []
    try:
        for base in (memory, pids):
            folder = base / name
            folder.mkdir()
            made.append(folder)
        if memory_bytes:
            (memory / name / "memory.limit_in_bytes").write_text(str(memory_bytes))
            swap = memory / name / "memory.memsw.limit_in_bytes"
            if swap.exists():
                swap.write_text(str(memory_bytes))
        if processes:
            (pids / name / "pids.max").write_text(str(processes))
    except OSError:
        Group(made).close()
        return None
    return Group(made)


def _v2(name: str, memory_bytes: int | None, processes: int | None) -> Group | None:
    controllers = ROOT / "cgroup.controllers"
    try:
        own = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    line = next((entry for entry in own if entry.startswith("0::")), None)
    if line is None or not controllers.exists():
        return None
    parent = ROOT / line[3:].lstrip("/")
    try:
        if not {"memory", "pids"} <= set((parent / "cgroup.subtree_control").read_text().split()):
            return None
        folder = parent / name
        folder.mkdir()
    except OSError:
        return None
    try:
        if memory_bytes:
            (folder / "memory.max").write_text(str(memory_bytes))
            swap = folder / "memory.swap.max"
            if swap.exists():
                swap.write_text("0")
        if processes:
            (folder / "pids.max").write_text(str(processes))
    except OSError:
        Group([folder]).close()
        return None
    return Group([folder])


def _sweep(bases: list[Path]) -> None:
    """Remove the empty groups that a killed grader process left behind (its pid is in the name)."""
    for base in bases:
        for folder in base.glob("autograder-*-*"):
            try:
                owner = int(folder.name.split("-")[1])
                os.kill(owner, 0)
            except ProcessLookupError:
                try:
                    folder.rmdir()
                except OSError:
                    pass
            except (ValueError, OSError):
                pass


def create(memory_mb: int | None, processes: int | None) -> Group | None:
    """A new group with these caps, or None where the grader may not make one."""
    if os.name != "posix" or not ROOT.is_dir():
        return None
    _sweep([ROOT / "memory", ROOT / "pids"])
    name = f"autograder-{os.getpid()}-{secrets.token_hex(4)}"
    memory_bytes = memory_mb * 2**20 if memory_mb else None
    return _v2(name, memory_bytes, processes) or _v1(name, memory_bytes, processes)
