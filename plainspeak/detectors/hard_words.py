"""Words many readers find hard, by the model in rules/hard_words.yml (fitted on CWI 2018 train).

Unlike rules, these flags are advice, not rewrites, so they apply inside quotations too: a
quoted word is just as hard to read (CWI 2018's annotators marked words inside quotations at
least as often as others), and while the quote's words stay, the word can be explained.
"""

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
    model, min_letters = ctx.book.hard_words, data.hard_word.min_letters
    units = data.acronym.units
    for token in ctx.doc:
        text = token.text
        if len(text) < min_letters or not text.isalpha() or text.isupper():
            continue
        low = token.lower_
        if low in units or token.pos_ == "PROPN" or token.like_num or ctx.is_name(token) or ctx.allowed(text):
            continue
        rare_below = ctx.profile.hard_word_lemma_zipf_below
        if rare_below is not None and zipf(token.lemma_.lower()) >= rare_below:
            continue
        if not model.is_hard(token, ctx.profile.hard_word_threshold):
            continue
        start, end = token.idx, token.idx + len(token)
        if ctx.literal.overlaps(start, end):
            continue
        advice = "It is in a quotation: keep the words, and explain it." if ctx.protected.overlaps(start, end) else "Use a more common word, or explain it."
        yield flag_for(ctx.text, start, end, kind="hard-word", rule_id="detect.hard-word", message=f"Many readers find '{text}' hard. {advice}", severity="info")
