"""The instructor's secret: where hidden seeds come from.

Hidden tests use seeds derived (HMAC-SHA256) from a course-local secret, so nobody who only
has the package can predict the hidden data. The secret is read on the grading host only,
from ``AUTOGRADER_SECRET`` or else from the file ``.autograder_secret`` in the current folder
or one above it (the course folder; ``scripts/setup.sh`` creates it and git ignores it). The
student's kernel never sees it: its environment drops the variable and the sandbox hides the
course folder. Without a secret (self-study) the package's default seeds apply.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENV = "AUTOGRADER_SECRET"
FILE = ".autograder_secret"

_key: bytes | None = None


def find(start: Path | None = None) -> bytes | None:
    """The secret from the environment or the nearest ``.autograder_secret``, or None."""
    value = os.environ.get(ENV, "").strip()
    if value:
        return value.encode()
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / FILE
        try:
            text = path.read_text(encoding="utf-8").strip()
        except OSError:
            continue
        if text:
            return text.encode()
    return None


def load(start: Path | None = None) -> bytes | None:
    """Read the secret once for this host process and make it the current one."""
    global _key
    _key = find(start)
    return _key


def use(key: bytes | None) -> None:
    global _key
    _key = key


def current() -> bytes | None:
    return _key


def create(folder: Path) -> Path:
    """Write a fresh secret into ``folder`` unless one is there (for ``scripts/setup.sh``)."""
    path = folder / FILE
    if not path.exists():
        path.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
        path.chmod(0o600)
    return path


if __name__ == "__main__":
    print(create(Path.cwd()))
