"""Long and very long sentences, against the profile's limits."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span

from ..types import Flag
from .base import Context, detector, flag_for

__all__ = ["long_sentences", "sentence_bounds", "word_count"]


def word_count(sentence: Span) -> int:
    return sum(1 for t in sentence if not (t.is_punct or t.is_space))


def sentence_bounds(sentence: Span) -> tuple[int, int]:
    """The sentence's characters without the whitespace around it."""
    text = sentence.text
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    return start, max(start, sentence.start_char + len(text.rstrip()))


@detector("long-sentence")
def long_sentences(ctx: Context) -> Iterator[Flag]:
    profile, data = ctx.profile, ctx.book.data.long_sentence
    for sentence in ctx.doc.sents:
        words = word_count(sentence)
        if words <= profile.long_sentence_words:
            continue
        very = words > profile.very_long_sentence_words
        kind = "very-long-sentence" if very else "long-sentence"
        if not ctx.book.enabled(f"detect.{kind}"):
            continue
        start, end = sentence_bounds(sentence)
        template = data.very_long_message if very else data.message
        yield flag_for(
            ctx.text,
            start,
            end,
            kind=kind,
            rule_id=f"detect.{kind}",
            message=template.format(words=words, limit=profile.long_sentence_words),
            severity="error" if very else "warning",
        )
