"""Message language (Turkish by default, English with ``--lang en``)."""

from __future__ import annotations

import os

LANGS = ("tr", "en")
_current: str | None = None


def get_lang() -> str:
    if _current:
        return _current
    lang = os.environ.get("AUTOGRADER_LANG", "tr").strip().lower()
    return lang if lang in LANGS else "tr"


def set_lang(lang: str | None) -> None:
    global _current
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGS}")
    _current = lang


def render(entry: dict[str, str], lang: str | None = None, **params) -> str:
    """Pick the language's text from ``{"tr": ..., "en": ...}`` and fill in the params."""
    text = entry.get(lang or get_lang()) or entry["tr"]
    return text.format(**params) if params else text
