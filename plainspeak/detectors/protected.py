"""Find the spans no rule may touch: quotations, URLs, e-mail addresses, code."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .base import Protected

__all__ = ["find_literal", "find_protected"]

# Quotations: straight or curly double quotes, and curly single quotes, that open after a
# space, a bracket or the start (so the inch mark in 12" and the apostrophe in "council’s"
# are not taken for a quote's start).
_QUOTES = re.compile(r'(?<![\w])(?:"[^"\n]{1,2000}"|“[^”\n]{1,2000}”|‘[^’\n]{1,2000}’(?!\w))')
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.IGNORECASE)


def find_literal(doc: Doc, text: str, extra: list[tuple[int, int]] | None = None) -> Protected:
    """URLs, e-mail addresses and the caller's own ranges (code): not words a reader reads."""
    ranges = [m.span() for m in _URL.finditer(text)]
    ranges += [(t.idx, t.idx + len(t)) for t in doc if t.like_url or t.like_email]
    return Protected.from_ranges(ranges + (extra or []))


def find_protected(literal: Protected, text: str) -> Protected:
    """The literal ranges and quotations: someone's own words are never rewritten."""
    quoted = [m.span() for m in _QUOTES.finditer(text)]
    return Protected.from_ranges([*zip(literal.starts, literal.ends), *quoted])
