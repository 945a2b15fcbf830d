"""Rare words, by wordfreq's Zipf frequency (threshold in rules/detectors.yml)."""

from __future__ import annotations

from typing import Iterator

from ..frequency import zipf
from ..types import Flag
from .base import Context, detector, flag_for

__all__ = ["hard_words"]


@detector("hard-word")
def hard_words(ctx: Context) -> Iterator[Flag]:
    if not ctx.book.enabled("detect.hard-word"):
        return
    data = ctx.book.data
    threshold, min_letters = data.hard_word.zipf_below, data.hard_word.min_letters
    units = data.acronym.units
    for token in ctx.doc:
        text = token.text
        if len(text) < min_letters or not text.isalpha() or text.isupper():
            continue
        low = token.lower_
        if low in units or token.pos_ == "PROPN" or token.like_num or ctx.is_name(token) or ctx.allowed(text):
            continue
        frequency = zipf(low)
        if frequency >= threshold:
            continue
        start, end = token.idx, token.idx + len(token)
        if ctx.protected.overlaps(start, end):
            continue
        yield flag_for(
            ctx.text,
            start,
            end,
            kind="hard-word",
            rule_id="detect.hard-word",
            message=f"'{text}' is a rare word that many readers will not know. Use a more common word, or explain it.",
            severity="info",
        )
