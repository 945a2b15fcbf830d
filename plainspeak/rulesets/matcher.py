"""Compile match rules once into a spaCy PhraseMatcher over lower-case text.

Lemma triggers are expanded to every inflected form at compile time, so matching is one
PhraseMatcher pass however many rules there are. Overlaps resolve the same way every time:
longest match first, then earliest start, then the rule loaded first.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice, product
from typing import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .inflection import ReplacementShape, forms_of, only_pos, surface_tag
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
    shapes: tuple[ReplacementShape, ...]

    @property
    def id(self) -> str:
        return self.loaded.id


@dataclass(frozen=True, slots=True)
class Hit:
    rule: CompiledRule
    start: int
    end: int
    #: The inflection the match carries (VBD, VBG, NNS ...) or None.
    tag: str | None


def _shapes(nlp: Language, replacements: Sequence[str]) -> list[ReplacementShape]:
    """Find each replacement's head word by parsing it once."""
    shapes = []
    for doc in nlp.pipe(replacements, disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        words = tuple(t.text for t in doc)
        spaces = tuple(t.whitespace_ for t in doc)
        if len(doc) <= 1:
            shapes.append(ReplacementShape(words, spaces, 0))
            continue
        root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
        head_pos = "VERB" if root.tag_.startswith("VB") else "NOUN" if root.tag_ == "NN" else None
        agreeing = tuple(t.i for t in doc if t.tag_ == "VBZ" and t.head.i == root.i and t.dep_ == "relcl")
        shapes.append(ReplacementShape(words, spaces, root.i, head_pos, agreeing))
    return shapes


class RuleMatcher:
    def __init__(self, rules: Iterable[LoadedRule], nlp: Language) -> None:
        rules = [r for r in rules if r.rule.match is not None]
        replacements = sorted({text for r in rules for text in r.rule.replace})
        shape_of = dict(zip(replacements, _shapes(nlp, replacements)))
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._rules: dict[int, CompiledRule] = {}
        for order, loaded in enumerate(rules):
            match = loaded.rule.match
            assert match is not None
            lemma_words = tuple(tuple(t.lower_ for t in nlp.make_doc(text)) for text in match.lemmas)
            compiled = CompiledRule(loaded, order, lemma_words, tuple(shape_of[t] for t in loaded.rule.replace))
            surfaces: set[str] = {t.lower() for t in (*match.words, *match.phrases)}
            for words in lemma_words:
                surfaces.update(_expand(words, match.pos))
            key = nlp.vocab.strings.add(loaded.id)
            self._rules[key] = compiled
            self._matcher.add(loaded.id, list(nlp.tokenizer.pipe(sorted(surfaces))))

    def __len__(self) -> int:
        return len(self._rules)

    def find(self, doc: Doc, keep: Callable[[CompiledRule, Span], bool]) -> list[Hit]:
        """Non-overlapping hits in text order."""
        candidates: list[tuple[int, int, int, CompiledRule]] = []
        for key, start, end in self._matcher(doc):
            rule = self._rules[key]
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
            hits.append(Hit(rule, start, end, _inflection(rule, doc[start:end])))
        hits.sort(key=lambda h: h.start)
        return hits


def _is_pos(token: Token, pos: str) -> bool:
    """spaCy's tag, or a form that can only be this part of speech.

    The small model tags rare verbs wrongly ("Works commence on Monday": a noun; "to elicit
    views": an adjective), so a form lemminflect knows only as a verb counts as one, except
    a participle describing a noun ("assisted living"), which is an adjective.
    """
    if pos == "VERB" and token.dep_ == "amod" and token.lower_.endswith(("ed", "en")):
        return False  # a participle describing a noun ("assisted living") acts as an adjective
    return token.pos_ == pos or only_pos(token.lower_) == pos


def _expand(words: tuple[str, ...], pos: str | None) -> Iterable[str]:
    # A part of speech narrows a one-word trigger's forms; phrases inflect every word freely.
    narrow = pos if len(words) == 1 and pos in ("NOUN", "VERB") else None
    options = [sorted(forms_of(w, narrow)) for w in words]
    return (" ".join(combo) for combo in islice(product(*options), MAX_FORMS_PER_TRIGGER))


def _inflection(rule: CompiledRule, span: Span) -> str | None:
    """The tag of the first inflected word, if the span matched a lemma trigger."""
    lowers = [t.lower_ for t in span]
    for words in rule.lemma_words:
        if len(words) != len(lowers):
            continue
        if not all(low in forms_of(w) for low, w in zip(lowers, words)):
            continue
        for token, base in zip(span, words):
            tag = surface_tag(base, token.text, token.tag_)
            if tag:
                return tag
        return None
    return None
