"""Passive voice from the dependency parse, naming the agent when there is one.

spaCy's labels are the starting point (a participle with an `auxpass` child), corrected where
the small model is often wrong or where a participle after "be" is really an adjective:

- the auxiliary must be "be" or "get" (`auxiliaries`): "remains targeted" and "looks
  browned" are not passives, "got fined" is;
- "he's been", "it's got" are "has", not passives;
- a participle that spaCy attaches to "be" as an adjective complement but with a "by"
  phrase ("he is alarmed by the results"), that opens an inverted sentence ("Enclosed is a
  copy of your bill"), or that spaCy takes for a description of the subject in a question
  ("Is the garden waste collected every week?") is a passive too;
- participles that describe a state are not flagged without a "by" agent: always
  (`adjectival_participles`: "we were delighted"), in the simple tenses only
  (`state_in_simple_tenses`: "the library is closed", but "the road will be closed"), before
  some prepositions (`states_before`: "based at", but "based on"), or after an adverb of degree
  in the simple tenses (`degree_adverbs`: "access is quite restricted");
- idioms with "get" are never passives (`get_idioms`: "get involved", "get rid of").

The word lists are in rules/detectors.yml.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from ..rulebook import PassiveData
from ..types import Flag
from .base import Context, detector, flag_for

__all__ = ["passive_voice", "passive_auxiliaries"]

#: "'s" before "been" or "got" is "has": "he's been away", "she's got a car".
_HAS = frozenset({"'s", "’s"})
#: What may come before an inverted participle: "As agreed, enclosed is ...", "... and attached is".
_INVERSION_AFTER = frozenset({"punct", "cc"})
_BEFORE_INVERSION = frozenset({"punct", "cc", "advcl", "advmod", "prep"})
#: Words that keep "be" and a participle apart in different phrases: "... could be From the
#: Wealth of Nations to the People Involved".
_WORDS_BETWEEN = frozenset({"NOUN", "PROPN", "PRON", "VERB", "ADP", "NUM"})


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


def _auxiliaries(verb: Token, data: PassiveData) -> list[Token]:
    """The passive auxiliaries of `verb` as spaCy parsed it, or [] when it is no passive."""
    head = verb.head
    if verb.tag_ == "VBN":
        auxes = [c for c in verb.children if c.dep_ == "auxpass" and c.lemma_.lower() in data.auxiliaries]
        if auxes:
            return auxes
    if (
        verb.dep_ == "acomp"
        and head.i < verb.i
        and head.lemma_.lower() in data.auxiliaries
        and not any(t.pos_ in _WORDS_BETWEEN for t in verb.doc[head.i + 1 : verb.i])
    ):
        # "He is alarmed by the results": spaCy calls the participle an adjective complement,
        # but a "by" phrase names who did it. Without one it may well be an adjective
        # ("performance has been mixed").
        if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and verb.tag_ == "VBN") for c in verb.children):
            return [head]
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("nsubj", "csubj")
        and head.lemma_ == "be"
        and head.i == verb.i + 1
        and not any(c.i < verb.i and c.dep_ not in _BEFORE_INVERSION for c in verb.children)
        and (verb.i == verb.sent.start or verb.doc[verb.i - 1].dep_ in _INVERSION_AFTER)
    ):
        # "Enclosed is a copy of your bill", "Attached are the minutes".
        return [head]
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and head.dep_ in ("nsubj", "nsubjpass"):
        # "Is the garden waste collected every week?": in a question spaCy may take the
        # participle for a description of the subject; then "be" has nothing else after it.
        be = head.head
        if (
            be.lemma_ == "be"
            and be.i < head.i
            and not any(c.i > head.i and c.dep_ != "punct" for c in be.children)
        ):
            return [be]
    return []


def _eventive(verb: Token, auxes: list[Token]) -> bool:
    """A modal, perfect, progressive, infinitive or "get": "will be closed", "has been done"."""
    around = list(verb.children) + [c for a in auxes if a.is_ancestor(verb) for c in a.children]
    for child in around:
        if child.dep_ in ("aux", "auxpass") and (
            child.tag_ in ("MD", "VBN", "VBG", "TO") or child.lemma_ == "have" or child.lower_ == "to"
        ):
            return True
    return any(a.lemma_ == "get" for a in auxes)


def _a_state(verb: Token, auxes: list[Token], data: PassiveData) -> bool:
    """Whether this participle after "be" describes a state, not an action."""
    word = verb.lower_
    if any(a.lemma_ == "get" for a in auxes) and word in data.get_idioms:
        return True  # "get involved", "get rid of"
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "we were delighted by the response" names who did it
    if word in data.adjectival_participles:
        return True  # "we were delighted"
    if not _eventive(verb, auxes):
        if word in data.state_in_simple_tenses:
            return True  # "the library is closed on Sundays"
        if any(c.dep_ == "advmod" and c.i == verb.i - 1 and c.lower_ in data.degree_adverbs for c in verb.children):
            return True  # "places are very limited"
    before = data.states_before.get(word)
    return bool(before) and any(c.dep_ == "prep" and c.lower_ in before for c in verb.children)


def passive_auxiliaries(verb: Token, data: PassiveData) -> list[Token]:
    """The auxiliaries that make `verb` a passive plainspeak flags, or [] when it is not one."""
    if verb.lemma_ == "be":
        return []
    auxes = _auxiliaries(verb, data)
    if not auxes:
        return []
    if verb.lemma_ in ("be", "get", "have") and any(a.lower_ in _HAS for a in auxes):
        return []  # "he's got", "it's been"
    if _a_state(verb, auxes, data):
        return []
    return auxes


@detector("passive")
def passive_voice(ctx: Context) -> Iterator[Flag]:
    if not ctx.book.enabled("detect.passive"):
        return
    data = ctx.book.data.passive
    for verb in ctx.doc:
        if verb.tag_ not in ("VBN", "JJ"):
            continue
        auxes = passive_auxiliaries(verb, data)
        if not auxes:
            continue
        start = min(min(a.idx for a in auxes), verb.idx)
        end = max(max(a.idx + len(a) for a in auxes), _word_end(verb))
        if ctx.protected.overlaps(start, end):
            continue
        agent = _agent(verb)
        if agent:
            message = f"Passive voice: try putting the doer first ('{agent} {verb.text} ...' or with an active verb)."
        else:
            message = "Passive voice: it does not say who does this. Say who, and use an active verb."
        yield flag_for(ctx.text, start, end, kind="passive", rule_id="detect.passive", message=message, severity="info")
