"""Exceptions that carry a Turkish/English message from the catalogue."""

from __future__ import annotations

from autograder.i18n import get_lang, render
from autograder.messages import MESSAGES


class GraderMessage(Exception):
    """Base: an exception whose text is a catalogue entry rendered in the current language."""

    def __init__(self, key: str, *, hint: str | None = None, **params):
        self.key = key
        self.hint = hint  # an optional second catalogue key, e.g. "hint_device"
        self.params = params
        super().__init__(key)

    def message(self, lang: str | None = None) -> str:
        text = render(MESSAGES[self.key], lang, **self.params)
        if self.hint:
            text += "\n" + render(MESSAGES[self.hint], lang)
        return text

    def __str__(self) -> str:
        return self.message(get_lang())

    # IPython shows this instead of a long traceback in the notebook.
    def _render_traceback_(self) -> list[str]:
        return ["✗ " + self.message()]


class CheckFailure(GraderMessage, AssertionError):
    """A check did not pass; the message names the likely mistake and the fix."""


class BadInput(GraderMessage):
    """The grader cannot grade this input (not a notebook, unknown assignment, ...): exit code 2."""


class CheckTimeout(BaseException):
    """A test's time ran out while the host waited for the kernel. A BaseException, so that no
    judgement's error handling turns it into a student error; the session reports it."""
