"""Compile match rules once into a spaCy PhraseMatcher over lower-case text.

Lemma triggers are expanded to every inflected form at compile time, so matching is one
PhraseMatcher pass however many rules there are. Overlaps resolve the same way every time:
longest match first, then earliest start, then the rule loaded first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .inflection import ReplacementShape, base_form, forms_of, is_participle, noun_head, only_pos, shape_replacement, surface_tags
from .loader import LoadedRule

__all__ = ["CompiledRule", "Hit", "RuleMatcher"]

#: A multi-word lemma trigger expands to at most this many surface forms.
MAX_FORMS_PER_TRIGGER = 1024


@dataclass(frozen=True, slots=True)
class CompiledRule:
    loaded: LoadedRule
    order: int
    #: Lemma triggers as lower-case words, to tell which word of a match is inflected.
    lemma_words: tuple[tuple[str, ...], ...]

    @property
    def id(self) -> str:
        return self.loaded.id


@dataclass(frozen=True, slots=True)
class Hit:
    rule: CompiledRule
    start: int
    end: int
    #: The inflections the match may carry, most likely first (VBD, VBG, NNS ...); empty for none.
    tags: tuple[str, ...]


class RuleMatcher:
    def __init__(self, rules: Iterable[LoadedRule], nlp: Language) -> None:
        rules = [r for r in rules if r.rule.match is not None]
        self._nlp = nlp
        self.warmed = False
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._rules: dict[int, CompiledRule] = {}
        for order, loaded in enumerate(rules):
            match = loaded.rule.match
            assert match is not None
            lemma_words = tuple(tuple(base_form(t.lower_) for t in nlp.make_doc(text)) for text in match.lemmas)
            compiled = CompiledRule(loaded, order, lemma_words)
            surfaces: set[str] = {t.lower() for t in (*match.words, *match.phrases)}
            for words in lemma_words:
                surfaces.update(_expand(words, match.pos))
            key = nlp.vocab.strings.add(loaded.id)
            self._rules[key] = compiled
            self._matcher.add(loaded.id, list(nlp.tokenizer.pipe(sorted(surfaces))))

    def __len__(self) -> int:
        return len(self._rules)

    def warm(self) -> None:
        """Work out every replacement's and trigger's heads now, not on first use.

        Run in the background at start-up, so the first live captions are as quick as the rest.
        """
        for rule in self._rules.values():
            self.shapes(rule)
            for words in rule.lemma_words:
                self._noun_head(words)
        self.warmed = True

    def shapes(self, rule: CompiledRule) -> tuple[ReplacementShape, ...]:
        return tuple(self._shape(text) for text in rule.loaded.rule.replace)

    @lru_cache(maxsize=10_000)  # noqa: B019 (one matcher per process; cached for its life)
    def _noun_head(self, words: tuple[str, ...]) -> int:
        """Which word of a trigger heads it when read as a noun phrase ("call" in "care call")."""
        if len(words) == 1:
            return 0
        return noun_head(self._nlp, " ".join(words), len(words))

    @lru_cache(maxsize=10_000)  # noqa: B019
    def _shape(self, replacement: str) -> ReplacementShape:
        """Parsed on first use, not at start-up: most replacements are never needed."""
        return shape_replacement(self._nlp, replacement)

    def find(self, doc: Doc, keep: Callable[[CompiledRule, Span], bool]) -> list[Hit]:
        """Non-overlapping hits in text order."""
        candidates: list[tuple[int, int, int, CompiledRule]] = []
        view, index = _without_line_wraps(doc)
        for key, view_start, view_end in self._matcher(view):
            rule = self._rules[key]
            start, end = index[view_start], index[view_end - 1] + 1
            span = doc[start:end]
            pos = rule.loaded.rule.match.pos  # type: ignore[union-attr]
            # Text in capitals is often mis-tagged, so the part of speech is not asked of it.
            if pos and not span.text.isupper() and not any(_is_pos(t, pos) for t in span):
                continue
            if keep(rule, span):
                candidates.append((start, end, rule.order, rule))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
        taken = bytearray(len(doc))
        hits = []
        for start, end, _, rule in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            hits.append(Hit(rule, start, end, _inflection(rule, doc[start:end], self._noun_head)))
        hits.sort(key=lambda h: h.start)
        return hits


def _without_line_wraps(doc: Doc) -> tuple[Doc, list[int]]:
    """The doc without whitespace tokens that hold no blank line, so "in order\nto" matches.

    Returns the view and, for each of its tokens, the index of the same token in `doc`.
    """
    keep = [t.i for t in doc if not (t.is_space and "\n\n" not in t.text)]
    if len(keep) == len(doc):
        return doc, keep
    words = [doc[i].text for i in keep]
    return Doc(doc.vocab, words=words), keep


def _is_pos(token: Token, pos: str) -> bool:
    """spaCy's tag, or a form that can only be this part of speech.

    The small model tags rare verbs wrongly ("Works commence on Monday": a noun; "to elicit
    views": an adjective), so a form lemminflect knows only as a verb counts as one, except
    a participle describing a noun ("assisted living"), which is an adjective.
    """
    if pos == "VERB" and _adjectival_participle(token):
        return False
    return token.pos_ == pos or only_pos(token.lower_) == pos


def _adjectival_participle(token: Token) -> bool:
    """A participle describing a noun ("assisted living") acts as an adjective.

    After a noun or pronoun it is more likely a verb the parser misread ("The trust
    utilized agency nurses"), so it still counts as a verb there.
    """
    if token.dep_ != "amod" or not token.lower_.endswith(("ed", "en")):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.pos_ not in ("NOUN", "PROPN", "PRON")


def _expand(words: tuple[str, ...], pos: str | None) -> Iterable[str]:
    # A part of speech narrows a one-word trigger's forms; phrases inflect every word freely.
    narrow = pos if len(words) == 1 and pos in ("NOUN", "VERB") else None
    options = [sorted(forms_of(w, narrow)) for w in words]
    return (" ".join(combo) for combo in islice(product(*options), MAX_FORMS_PER_TRIGGER))


def _inflection(rule: CompiledRule, span: Span, noun_head: Callable[[tuple[str, ...]], int]) -> tuple[str, ...]:
    """The inflections the match carries, most likely first, if it matched a lemma trigger.

    Only two words of a trigger say how the match is inflected: its noun head ("calls" in
    "care calls", "packages" in "packages of care") and a verb that leads it ("made" in
    "made a decision"). Other words ("services" in "transition to adult services") are
    written as they are.
    """
    span_words = [t for t in span if not t.is_space]
    lowers = [t.lower_ for t in span_words]
    pos = rule.loaded.rule.match.pos  # type: ignore[union-attr]
    for words in rule.lemma_words:
        if len(words) != len(lowers) or not all(low in forms_of(w) for low, w in zip(lowers, words)):
            continue
        head = noun_head(words)
        first = span_words[0]
        # "elected member", "looked after child": a trigger that opens with a participle is a noun phrase.
        led_by_verb = len(words) > 1 and not is_participle(words[0]) and (first.pos_ in ("VERB", "AUX") or _is_pos(first, "VERB"))
        for position, (token, base) in enumerate(zip(span_words, words)):
            tags = surface_tags(base, token.text, token.tag_, pos)
            if len(words) > 1:
                # A phrase led by a verb takes its tense there ("made a decision"); any other
                # phrase takes its number at its noun head ("care calls", "packages of care").
                if led_by_verb:
                    tags = {t for t in tags if t.startswith("VB")} if position == 0 else set()
                elif position == head:
                    tags = tags if pos == "VERB" else tags & {"NNS"}
                else:
                    tags = set()
            if tags:
                return _ranked(tags, token, single=len(words) == 1)
        return ()
    return ()


def _ranked(tags: set[str], token: Token, single: bool) -> tuple[str, ...]:
    """A one-word trigger: spaCy's tag first. In a phrase: the plural first, then spaCy's tag."""

    def score(tag: str) -> tuple[int, int, int]:
        return (0 if single or tag == "NNS" else 1, 0 if tag == token.tag_ else 1, ORDER.index(tag))

    ranked = sorted(tags, key=score)
    # spaCy often calls a simple past a participle; with no auxiliary it is a past tense.
    if ranked[0] == "VBN" and "VBD" in tags and not _has_auxiliary(token):
        ranked.remove("VBD")
        ranked.insert(0, "VBD")
    return tuple(ranked)


def _has_auxiliary(token: Token) -> bool:
    """A participle: with an auxiliary, or in a clause that needs one ("the money allocated to us")."""
    if any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return True
    if token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN"):
        # "Most complaints emanated from ...": a full sentence needs a verb, so this is it.
        return not token.sent.text.rstrip().endswith((".", "!", "?"))
    return token.dep_ in ("acl", "amod", "advcl", "xcomp")


ORDER = ("VBD", "VBN", "VBG", "VBZ", "NNS")
