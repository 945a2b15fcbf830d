"""Double negatives: "not unlikely", "we don't have no ..."."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from ..types import Flag
from .base import Context, detector, flag_for
from ..frequency import zipf

__all__ = ["double_negatives"]


def _negated_adjective(token: Token, prefixes: tuple[str, ...], common: float) -> Token | None:
    """The adjective in "not unlikely" / "not entirely uncommon"."""
    doc = token.doc
    for i in (token.i + 1, token.i + 2):
        if i >= len(doc):
            return None
        candidate = doc[i]
        if candidate.pos_ == "ADJ":
            low = candidate.lower_
            for prefix in prefixes:
                rest = low[len(prefix) :]
                if low.startswith(prefix) and len(rest) >= 3 and zipf(rest) >= common:
                    return candidate
            return None
        if candidate.pos_ != "ADV":
            return None
    return None


def _word_start(token: Token) -> int:
    """Where the word holding a negator starts: "don't", not "n't"."""
    if token.i > 0 and token.lower_ == "n't" and not token.doc[token.i - 1].whitespace_:
        return token.doc[token.i - 1].idx
    return token.idx


@detector("double-negative")
def double_negatives(ctx: Context) -> Iterator[Flag]:
    if not ctx.book.enabled("detect.double-negative"):
        return
    data = ctx.book.data.double_negative
    doc = ctx.doc
    for sentence in doc.sents:
        negatives = [t for t in sentence if t.lower_ in data.negators]
        for token in negatives:
            adjective = _negated_adjective(token, data.negative_prefixes, data.stem_zipf_at_least)
            if adjective is not None:
                start, end = _word_start(token), adjective.idx + len(adjective)
                if not ctx.protected.overlaps(start, end):
                    yield flag_for(ctx.text, start, end, kind="double-negative", rule_id="detect.double-negative",
                                   message=data.message.format(text=ctx.text[start:end]), severity="warning")
        # Two negators governed by the same verb: "we don't have no money".
        by_verb: dict[int, list[Token]] = {}
        for token in negatives:
            head = token.head if token.dep_ in ("neg", "det", "dobj", "nsubj", "advmod", "pobj", "conj") else token
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            by_verb.setdefault(head.i, []).append(token)
        for group in by_verb.values():
            if len(group) >= 2 and not any(t.lower_ in ("nor", "neither") for t in group):
                start, end = _word_start(group[0]), group[-1].idx + len(group[-1])
                if not ctx.protected.overlaps(start, end):
                    yield flag_for(ctx.text, start, end, kind="double-negative", rule_id="detect.double-negative",
                                   message=data.message.format(text=ctx.text[start:end]), severity="warning")
