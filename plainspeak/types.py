"""The records every layer passes around: frozen, JSON-ready, offsets into the original."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "KINDS",
    "Band",
    "Change",
    "Factor",
    "Flag",
    "ReadingScore",
    "Report",
    "Scores",
    "SentenceScore",
    "Severity",
    "SourceInfo",
]

#: Every flag kind, in legend order. The web legend, CLI colours and docs key off these.
KINDS: tuple[str, ...] = (
    "jargon",
    "wordy",
    "hard-word",
    "acronym",
    "passive",
    "long-sentence",
    "very-long-sentence",
    "nominalisation",
    "double-negative",
    "easy-read",
)

Severity = Literal["info", "warning", "error"]
Band = Literal["ok", "hard", "very hard"]


@dataclass(frozen=True, slots=True)
class Flag:
    """One passage that makes the text harder to read, with what to write instead."""

    kind: str
    rule_id: str
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    severity: Severity = "warning"
    safe: bool = False
    explanation: str | None = None
    sources: tuple[str, ...] = ()
    sentence: int | None = None
    line: int | None = None
    column: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """A replacement applied to a text: where it was, and where it is now."""

    rule_id: str
    start: int
    end: int
    new_start: int
    new_end: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Scores:
    """Readability figures for a whole document or one sentence."""

    words: int
    sentences: int
    syllables: int
    words_per_sentence: float
    syllables_per_word: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog: float
    gunning_fog: float
    coleman_liau: float
    ari: float
    dale_chall: float
    reading_age: float


@dataclass(frozen=True, slots=True)
class SentenceScore:
    index: int
    start: int
    end: int
    scores: Scores
    band: Band


@dataclass(frozen=True, slots=True)
class Factor:
    """A group of features that made the text harder than average, and by how much."""

    name: str
    effect: float


@dataclass(frozen=True, slots=True)
class ReadingScore:
    """plainspeak's reading score (docs/readability.md): 0 hard to 100 easy, and why."""

    ease: float
    easiness: float
    harder_because: tuple[Factor, ...]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where the analysed text came from; `text` is what the offsets index into."""

    format: str = "text"
    name: str | None = None
    paragraphs: int | None = None


@dataclass(frozen=True, slots=True)
class Report:
    profile: str
    target_reading_age: tuple[int, int]
    scores: Scores
    sentences: tuple[SentenceScore, ...]
    flags: tuple[Flag, ...]
    text: str
    source: SourceInfo = field(default_factory=SourceInfo)
    reading: ReadingScore | None = None
    schema: str = "plainspeak.report/1"

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for flag in self.flags:
            counts[flag.kind] = counts.get(flag.kind, 0) + 1
        return counts

    @property
    def above_target(self) -> bool:
        return self.scores.reading_age > self.target_reading_age[1]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = self.counts
        data["target_reading_age"] = {"min": self.target_reading_age[0], "max": self.target_reading_age[1]}
        data["above_target"] = self.above_target
        return data
