"""Find the spans no rule may touch: quotations, URLs, e-mail addresses."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .base import Protected

__all__ = ["find_protected"]

# Quotations: straight or curly double quotes, and curly single quotes that open after a
# space or bracket (so the apostrophe in "council’s" is not taken for a quote).
_QUOTES = re.compile(r'"[^"\n]{1,2000}"|“[^”\n]{1,2000}”|(?<![\w])‘[^’\n]{1,2000}’(?!\w)')
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.IGNORECASE)


def find_protected(doc: Doc, text: str, extra: list[tuple[int, int]] | None = None) -> Protected:
    ranges = [m.span() for m in _QUOTES.finditer(text)]
    ranges += [m.span() for m in _URL.finditer(text)]
    ranges += [(t.idx, t.idx + len(t)) for t in doc if t.like_url or t.like_email]
    ranges += extra or []
    return Protected.from_ranges(ranges)
