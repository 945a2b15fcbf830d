"""Turn one caption line into plain English, remembering what the event has explained.

Jargon with a safe plain swap is swapped. A term with no safe swap is explained in
brackets the first time the event uses it ("commissioning (buying services)"), and an
acronym is expanded the first time ("Integrated Care Board (ICB)"). The event's own
glossary comes first; its never-change words are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field

from spacy.tokens import Doc

from ..nlp import parse_many
from ..pipeline import find_flags
from ..profiles import get_profile
from ..rulesets.inflection import fit_case
from ..rulebook import RuleBook
from ..types import Flag

__all__ = ["GlossaryEntry", "Memory", "WhisperChange", "WhisperRequest", "WhisperResult", "whisper", "whisper_many"]

PROFILE = "whisper"
#: Flag kinds the whisperer acts on; the rest (passive, long sentences) are for documents.
ACTS_ON = frozenset({"jargon", "wordy", "hard-word", "acronym", "nominalisation"})
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


class GlossaryEntry(BaseModel):
    """An event's own term: plain words to swap in, or a short explanation for brackets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    replace: str | None = Field(default=None, max_length=200)
    explain: str | None = Field(default=None, max_length=300)


@dataclass(frozen=True, slots=True)
class WhisperChange:
    start: int
    end: int
    old: str
    new: str
    #: swap (plain words instead), explain (a gloss in brackets) or expand (an acronym spelled out).
    action: str
    rule_id: str


@dataclass(frozen=True, slots=True)
class WhisperResult:
    plain: str
    changes: tuple[WhisperChange, ...]
    #: Rule ids explained or expanded for the first time in this line.
    explained: frozenset[str] = frozenset()


@dataclass
class Memory:
    """What an event has already explained, and the last final line for context."""

    explained: set[str] = field(default_factory=set)
    previous: str = ""


def _glossary_changes(text: str, glossary: dict[str, GlossaryEntry], memory: Memory) -> list[WhisperChange]:
    changes = []
    for term, entry in glossary.items():
        for match in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE):
            key = f"glossary:{term.lower()}"
            if entry.replace:
                changes.append(WhisperChange(match.start(), match.end(), match.group(), fit_case(match.group(), entry.replace), "swap", key))
            elif entry.explain and key not in memory.explained:
                changes.append(WhisperChange(match.start(), match.end(), match.group(), f"{match.group()} ({entry.explain})", "explain", key))
    return changes


def _rule_change(flag: Flag, book: RuleBook, memory: Memory) -> WhisperChange | None:
    if flag.kind == "acronym":
        if flag.rule_id == "detect.acronym" or not flag.suggestions or flag.rule_id in memory.explained:
            return None
        return WhisperChange(flag.start, flag.end, flag.text, flag.suggestions[0], "expand", flag.rule_id)
    if flag.safe and flag.suggestions and flag.suggestions[0]:
        return WhisperChange(flag.start, flag.end, flag.text, flag.suggestions[0], "swap", flag.rule_id)
    if flag.kind != "jargon" or flag.rule_id in memory.explained:
        return None
    rule = book.by_id[flag.rule_id].rule
    # Brackets want a few words: the rule's gloss, else its best plain alternative.
    gloss = rule.gloss or (rule.replace[0] if rule.replace else None)
    if not gloss:
        return None
    return WhisperChange(flag.start, flag.end, flag.text, f"{flag.text} ({gloss.rstrip('.')})", "explain", flag.rule_id)


@dataclass(frozen=True, slots=True)
class WhisperRequest:
    """One line to whisper, with what its event knows."""

    text: str
    memory: Memory = field(default_factory=Memory)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    never_change: tuple[str, ...] = ()

    @property
    def context(self) -> str:
        """The previous final when this line continues its sentence: the tagger needs it."""
        previous = self.memory.previous
        return previous if previous and not _SENTENCE_END.search(previous) else ""

    @property
    def joined(self) -> str:
        return f"{self.context} {self.text}" if self.context else self.text


def whisper(
    text: str,
    book: RuleBook,
    *,
    memory: Memory | None = None,
    glossary: dict[str, GlossaryEntry] | None = None,
    never_change: Iterable[str] = (),
) -> WhisperResult:
    """Whisper one line. `memory` is read, not changed: the caller commits `explained` on a final."""
    request = WhisperRequest(text, memory or Memory(), glossary or {}, tuple(never_change))
    return whisper_many([request], book)[0]


def whisper_many(requests: list[WhisperRequest], book: RuleBook) -> list[WhisperResult]:
    """Whisper several lines at once: spaCy parses a batch in about half the time per line."""
    live = [r for r in requests if r.text.strip()]
    # Live lines skip the entity recogniser to stay within milliseconds; names are still
    # protected by their capitals ("at Working Denbighshire").
    parsed = dict(zip(map(id, live), parse_many([r.joined for r in live], names=False)))
    return [_whisper_parsed(r, parsed[id(r)], book) if id(r) in parsed else WhisperResult(r.text, ()) for r in requests]


def _whisper_parsed(request: WhisperRequest, doc: Doc, book: RuleBook) -> WhisperResult:
    text, memory, glossary = request.text, request.memory, request.glossary
    offset = len(request.joined) - len(text)
    flags = find_flags(doc, get_profile(PROFILE), book, allow=[*request.never_change, *glossary])
    changes = _glossary_changes(text, glossary, memory)
    seen: set[str] = set()
    for flag in flags:
        if flag.start < offset or flag.kind not in ACTS_ON:
            continue
        shifted = Flag(**{**_as_dict(flag), "start": flag.start - offset, "end": flag.end - offset})
        change = _rule_change(shifted, book, memory)
        if change is None or (change.action != "swap" and change.rule_id in seen):
            continue
        seen.add(change.rule_id)
        changes.append(change)
    picked = _non_overlapping(changes)
    return WhisperResult(_apply(text, picked), tuple(picked), frozenset(c.rule_id for c in picked if c.action != "swap"))


def _as_dict(flag: Flag) -> dict:
    return {name: getattr(flag, name) for name in flag.__slots__}


def _non_overlapping(changes: list[WhisperChange]) -> list[WhisperChange]:
    picked: list[WhisperChange] = []
    for change in sorted(changes, key=lambda c: (c.start, -(c.end - c.start))):
        if picked and change.start < picked[-1].end:
            continue
        picked.append(change)
    return picked


def _apply(text: str, changes: list[WhisperChange]) -> str:
    out, cursor = [], 0
    for change in changes:
        out += [text[cursor : change.start], change.new]
        cursor = change.end
    return "".join(out) + text[cursor:]
