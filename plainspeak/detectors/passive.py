"""Passive voice from the dependency parse, naming the agent when there is one.

spaCy's labels are the starting point (a participle with an `auxpass` child), corrected where
the small model is often wrong or where a participle after "be" is really an adjective:

- the auxiliary must be "be" or "get" (`auxiliaries`): "remains targeted" and "looks
  browned" are not passives, "got fined" is;
- "he's been", "it's got" are "has", not passives;
- a word spaCy tags as a participle that is no participle ("I'm suppose to") is not one, nor
  is a participle that describes the noun after it ("a company who's stated goals");
- a participle that spaCy attaches to "be" as an adjective complement is a passive when it
  has a "by" phrase ("he is alarmed by the results") or is a verb's past form ("we were
  interrupted", "rights are limited"; not a hyphenated adjective such as "short-lived"), as
  is one that opens an inverted sentence ("Enclosed is a copy of your bill") or that spaCy
  takes for a description of the subject in a question ("Is the garden waste collected
  every week?");
- participles that describe a state are not flagged without a "by" agent: always
  (`adjectival_participles`: "we were delighted"), in the present simple only (`state_in_simple_tenses`: "the library is closed", but "the road was
  closed on Tuesday" and "the road will be closed"), of
  people in the simple tenses (`states_of_people`: "I'm done", but "the work was done"), in
  the simple tenses before some prepositions (`states_before`: "is based at", but "is based
  on" and "had been based at"), or after an adverb of degree in the simple tenses
  (`degree_adverbs`: "access is quite restricted");
- idioms with "get" are never passives (`get_idioms`: "get involved", "get rid of").

The word lists are in rules/detectors.yml.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from ..rulebook import PassiveData
from ..rulesets.inflection import could_be_past_participle, is_participle
from ..types import Flag
from .base import Context, detector, flag_for

__all__ = ["passive_voice", "passive_auxiliaries"]

#: "'s" before "been" or "got" is "has": "he's been away", "she's got a car".
_HAS = frozenset({"'s", "’s"})
#: Pronouns for people: "we're done" is a state of people, "it's done" a thing someone did.
_PERSONAL = frozenset({"i", "you", "he", "she", "we", "they", "who"})
#: What may come before an inverted participle: "As agreed, enclosed is ...", "... and attached is".
_INVERSION_AFTER = frozenset({"punct", "cc"})
_BEFORE_INVERSION = frozenset({"punct", "cc", "advcl", "advmod", "prep"})
#: Words that keep "be" and a participle apart in different phrases: "... could be From the
#: Wealth of Nations to the People Involved".
_WORDS_BETWEEN = frozenset({"NOUN", "PROPN", "PRON", "VERB", "ADP", "NUM", "DET", "SCONJ"})


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


def _a_verb_form(word: Token) -> bool:
    """A word spaCy tags as an adjective that is a verb's "-ed" participle: "rights are limited"."""
    hyphenated = "-" in word.text or (word.i > 0 and word.doc[word.i - 1].text == "-" and not word.doc[word.i - 1].whitespace_)
    return not hyphenated and word.lower_.endswith("ed") and is_participle(word.text) and could_be_past_participle(word.text)


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
        # "He is alarmed by the results", "we were interrupted": spaCy calls the participle an
        # adjective complement, but a "by" phrase names who did it, and a word spaCy tags as a
        # past form is a verb. Adjectives ("performance has been mixed") are left to the lists.
        if verb.tag_ in ("VBN", "VBD") or _a_verb_form(verb) or any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and verb.tag_ == "VBN") for c in verb.children):
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


def _subject(verb: Token, auxes: list[Token]) -> Token | None:
    """The subject of the participle, or of "be" where spaCy hangs the participle off it."""
    for head in (verb, *auxes):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def _a_person(subject: Token | None) -> bool:
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in _PERSONAL
    return subject.ent_type_ == "PERSON"


def _a_state(verb: Token, auxes: list[Token], data: PassiveData) -> bool:
    """Whether this participle after "be" describes a state, not an action."""
    word = verb.lower_
    if any(a.lemma_ == "get" for a in auxes) and word in data.get_idioms:
        return True  # "get involved", "get rid of"
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "we were delighted by the response" names who did it
    if word in data.adjectival_participles:
        return True  # "we were delighted"
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if word in data.states_of_people and following is not None and following.tag_ == "VBG":
        return True  # "by the time they are done reminding us"
    if not _eventive(verb, auxes):
        if word in data.state_in_simple_tenses and all(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return True  # "the library is closed on Sundays", but "the town was closed on Tuesday"
        if word in data.states_of_people and _a_person(_subject(verb, auxes)):
            return True  # "I'm done", but "the work was done quickly"
        if any(c.dep_ == "advmod" and c.i == verb.i - 1 and c.lower_ in data.degree_adverbs for c in verb.children):
            return True  # "places are very limited"
        before = data.states_before.get(word)
        if before and any(c.dep_ == "prep" and c.lower_ in before for c in verb.children):
            return True  # "the team is based at the civic centre"
    return False


def passive_auxiliaries(verb: Token, data: PassiveData) -> list[Token]:
    """The auxiliaries that make `verb` a passive plainspeak flags, or [] when it is not one."""
    if verb.lemma_ == "be" or not could_be_past_participle(verb.text):
        return []  # "I'm suppose to start": spaCy's VBN, but no participle
    if verb.dep_ == "amod" and verb.head.i > verb.i and verb.head.pos_ == "NOUN":
        return []  # "a company who's stated goals": a participle before its noun describes it
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
        if verb.tag_ not in ("VBN", "VBD", "JJ"):
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
