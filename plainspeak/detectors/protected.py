"""Find the spans no rule may touch: quotations, URLs, e-mail addresses, code."""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["literal_ranges", "quotations"]

# Quotations: straight or curly double quotes, and curly single quotes, that open after a
# space, a bracket or the start (so the inch mark in 12" and the apostrophe in "council’s"
# are not taken for a quote's start).
_QUOTES = re.compile(r'(?<![\w])(?:"[^"\n]{1,2000}"|“[^”\n]{1,2000}”|‘[^’\n]{1,2000}’(?!\w))')
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.IGNORECASE)


def literal_ranges(doc: Doc, text: str, extra: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and the caller's own ranges (code): not words a reader reads."""
    ranges = [m.span() for m in _URL.finditer(text)]
    ranges += [(t.idx, t.idx + len(t)) for t in doc if t.like_url or t.like_email]
    return ranges + (extra or [])


def quotations(text: str) -> list[tuple[int, int]]:
    """Someone's own words: never rewritten."""
    return [m.span() for m in _QUOTES.finditer(text)]
