"""Acronyms used with no expansion nearby. Known ones come from the `acronyms` rule set."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Token

from ..rulesets.loader import LoadedRule
from ..types import Flag
from .base import Context, detector, flag_for
from ..frequency import zipf

__all__ = ["acronyms", "acronym_rule"]

_SHAPE = re.compile(r"[A-Z][A-Z0-9&]{1,9}")


def acronym_rule(ctx: Context, text: str) -> tuple[str, LoadedRule | None] | None:
    """(acronym, its rule) when `text` is an acronym, known or not; plurals count."""
    for candidate in (text, text[:-1] if text.endswith("s") else None):
        if candidate and candidate in ctx.book.acronyms:
            return candidate, ctx.book.acronyms[candidate]
    bare = text[:-1] if text.endswith("s") and len(text) > 2 else text
    if _SHAPE.fullmatch(bare) and sum(c.isalpha() for c in bare) >= 2:
        if zipf(bare.lower()) >= ctx.book.data.acronym.word_zipf_at_least:
            return None  # a word in capitals ("PLEASE NOTE"), not an acronym
        return bare, None
    return None


def _shouting(token: Token) -> bool:
    """In a line set in capitals (a heading), capitals are not acronyms."""
    words = [t for t in token.sent if t.is_alpha]
    return len(words) >= 3 and sum(t.is_upper for t in words) >= 0.6 * len(words)


def _defined(acronym: str, rule: LoadedRule | None, text: str, lowered: str) -> bool:
    if f"({acronym})" in text or f"({acronym}s)" in text or re.search(rf"\b{re.escape(acronym)}s? \(", text):
        return True
    return bool(rule and rule.rule.expansion and rule.rule.expansion.lower() in lowered)


@detector("acronym")
def acronyms(ctx: Context) -> Iterator[Flag]:
    data = ctx.book.data.acronym
    doc, text = ctx.doc, ctx.text
    lowered = text.lower()
    seen: set[str] = set()
    for token in doc:
        # The tokenizer keeps a full stop on some mixed-case tokens ("PfA.").
        text_ = token.text
        word = text_[:-1] if text_.endswith(".") and text_.count(".") == 1 and len(text_) > 2 else text_
        found = acronym_rule(ctx, word)
        if found is None:
            continue
        acronym, loaded = found
        if acronym in seen or acronym in data.not_acronyms or acronym.lower() in data.units or ctx.allowed(acronym):
            continue
        seen.add(acronym)
        rule = loaded.rule if loaded else None
        if rule and rule.well_known:
            continue
        if loaded and not (ctx.set_active(loaded.set) and ctx.book.enabled(loaded.id)):
            continue
        if not loaded and not ctx.book.enabled("detect.acronym"):
            continue
        start, end = token.idx, token.idx + len(word)
        if ctx.protected.overlaps(start, end) or _shouting(token) or _defined(acronym, loaded, text, lowered):
            continue
        if loaded and rule and rule.expansion:
            yield flag_for(
                text,
                start,
                end,
                kind="acronym",
                rule_id=loaded.id,
                message=rule.message or f"Say what {acronym} means the first time you use it: {rule.expansion} ({acronym}).",
                suggestions=(f"{rule.expansion} ({word})",),
                severity=loaded.severity,  # type: ignore[arg-type]
                safe=loaded.safe,
                explanation=rule.explain or rule.gloss,
                sources=loaded.sources,
            )
        else:
            yield flag_for(
                text,
                start,
                end,
                kind="acronym",
                rule_id="detect.acronym",
                message=f"Say what {acronym} stands for the first time you use it.",
                severity="info",
            )
