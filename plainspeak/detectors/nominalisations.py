"""Verbs hidden in nouns: "the provision of". Phrase rules ("make a decision") are in the rule sets."""

from __future__ import annotations

from typing import Iterator

from ..types import Flag
from .base import Context, detector, flag_for

__all__ = ["nominalisations"]


@detector("nominalisation")
def nominalisations(ctx: Context) -> Iterator[Flag]:
    if not ctx.book.enabled("detect.nominalisation"):
        return
    data = ctx.book.data.nominalisation
    doc = ctx.doc
    for token in doc[1:-1]:
        before, after = doc[token.i - 1], doc[token.i + 1]
        if before.lower_ != "the" or after.lower_ != "of" or token.pos_ != "NOUN":
            continue
        low = token.lower_
        if low in data.exempt or not low.endswith(tuple(data.suffixes)) or ctx.allowed(low):
            continue
        start, end = before.idx, after.idx + len(after)
        if ctx.protected.overlaps(start, end) or ctx.is_name(token):
            continue
        yield flag_for(
            ctx.text,
            start,
            end,
            kind="nominalisation",
            rule_id="detect.nominalisation",
            message=data.message.format(text=ctx.text[start:end]),
            severity="info",
        )
