"""Passive voice from the dependency parse, naming the agent when there is one."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from ..types import Flag
from .base import Context, detector, flag_for

__all__ = ["passive_voice"]


def _agent(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                return verb.doc[obj.left_edge.i : obj.right_edge.i + 1].text
    return None


def _word_end(token: Token) -> int:
    """Where the written word ends: "co-produced" is three tokens, "co", "-", "produced"."""
    doc = token.doc
    i = token.i
    while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_:
        i += 2
    return doc[i].idx + len(doc[i])


@detector("passive")
def passive_voice(ctx: Context) -> Iterator[Flag]:
    if not ctx.book.enabled("detect.passive"):
        return
    participles = ctx.book.data.passive.adjectival_participles
    doc = ctx.doc
    for verb in doc:
        auxes = [c for c in verb.children if c.dep_ == "auxpass"]
        if not auxes or verb.tag_ != "VBN":
            continue
        agent = _agent(verb)
        if agent is None and verb.lower_ in participles:
            continue  # "we were delighted": a state, not an action
        start = min(a.idx for a in auxes)
        end = _word_end(verb)
        if ctx.protected.overlaps(start, end):
            continue
        if agent:
            message = f"Passive voice: try putting the doer first ('{agent} {verb.text} ...' or with an active verb)."
        else:
            message = "Passive voice: it does not say who does this. Say who, and use an active verb."
        yield flag_for(ctx.text, start, end, kind="passive", rule_id="detect.passive", message=message, severity="info")
