"""What every detector gets (a Context) and how it is registered (by name, like spaCy components)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from ..profiles import Profile
from ..rulebook import RuleBook
from ..types import Flag, Severity

__all__ = ["DETECTORS", "Context", "Detector", "Protected", "detector", "flag_for"]

#: Entity labels that mark names of people, organisations and places: never jargon.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"})


@dataclass(frozen=True)
class Protected:
    """Sorted, merged character ranges, with a fast overlap test (see Context for which ranges)."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    @classmethod
    def from_ranges(cls, ranges: list[tuple[int, int]]) -> Protected:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return cls(tuple(s for s, _ in merged), tuple(e for _, e in merged))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


@dataclass
class Context:
    doc: Doc
    #: doc.text, read once: spaCy rebuilds it from the tokens on every access.
    text: str
    profile: Profile
    book: RuleBook
    #: Where no rule may change the text: quotations and the literal ranges below.
    protected: Protected
    #: URLs, e-mail addresses and code: not even advice applies inside them.
    literal: Protected
    #: Extra words never flagged for this call (an event's own list), on top of the settings.
    allow: frozenset[str] = field(default_factory=frozenset)

    def allowed(self, word: str) -> bool:
        low = word.lower()
        return low in self.allow or low in self.book.allow

    def set_active(self, name: str) -> bool:
        return name not in self.book.builtin_sets or name in self.profile.sets

    @cached_property
    def _name_tokens(self) -> frozenset[int]:
        """Tokens in named entities that look like names: some word capitalised mid-sentence.

        The small model tags a capitalised first word ("Horizon scanning ...") as an
        organisation now and then; an entity is trusted only with capitals of its own.
        """
        names: set[int] = set()
        for ent in self.doc.ents:
            if ent.label_ not in NAME_LABELS or _capitalised_line(ent.sent):
                continue
            if any((t.is_title or t.is_upper) and not t.is_sent_start for t in ent):
                names.update(range(ent.start, ent.end))
        return frozenset(names)

    def is_name(self, token: Token) -> bool:
        """Part of a name: a named entity, or a capitalised word inside a capitalised run."""
        if token.i in self._name_tokens:
            return True
        if not token.is_title or token.is_sent_start or _capitalised_line(token.sent):
            return False
        doc = token.doc
        neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        return any(n.is_title and not n.is_sent_start and n.pos_ == "PROPN" for n in neighbours)

    def blocked(self, span: Span) -> bool:
        """True when no rule may flag this span."""
        start, end = span.start_char, span.end_char
        return self.protected.overlaps(start, end) or any(self.is_name(t) or self.allowed(t.text) for t in span)


def _capitalised_line(sentence: Span) -> bool:
    """A heading in capitals or Title Case: its capitals say nothing about names."""
    words = [t for t in sentence if t.is_alpha]
    return len(words) >= 2 and all(t.is_upper or t.is_title for t in words if len(t) > 3 or t.is_upper)


Detector = Callable[[Context], Iterator[Flag]]
DETECTORS: dict[str, Detector] = {}


def detector(name: str) -> Callable[[Detector], Detector]:
    """Register a detector under the name profiles use; its flags' ids are `detect.<name>`."""

    def register(func: Detector) -> Detector:
        DETECTORS[name] = func
        return func

    return register


def flag_for(
    text: str,
    start: int,
    end: int,
    *,
    kind: str,
    rule_id: str,
    message: str,
    suggestions: tuple[str, ...] = (),
    severity: Severity = "warning",
    safe: bool = False,
    explanation: str | None = None,
    sources: tuple[str, ...] = (),
) -> Flag:
    """A flag over text[start:end], so its text always equals the original slice."""
    return Flag(
        kind=kind,
        rule_id=rule_id,
        start=start,
        end=end,
        text=text[start:end],
        message=message,
        suggestions=suggestions,
        severity=severity,
        safe=safe,
        explanation=explanation,
        sources=sources,
    )
