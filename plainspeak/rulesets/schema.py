"""The rule file schema, validated with pydantic. rules/README.md documents every field.

A rule is one of a closed set of kinds, told apart by which field it has:
`match` (a substitution: words to swap or explain), `acronym`, or `check`
(a built-in check with options, such as Easy Read's sentence length).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "KIND_NAMES",
    "POS",
    "SOURCES",
    "Defaults",
    "Examples",
    "Match",
    "RewriteExample",
    "Rule",
    "RuleFile",
]

ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
POS = Literal["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"]
#: Where a term is listed. Use "team" when it is our own call.
SOURCES = ("govuk", "lga", "pec", "nhs", "tlap", "team")
Source = Literal["govuk", "lga", "pec", "nhs", "tlap", "team"]
KIND_NAMES = Literal["jargon", "wordy", "hard-word", "acronym", "nominalisation", "double-negative", "easy-read"]
Severity = Literal["info", "warning", "error"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Match(_Strict):
    """What a substitution rule looks for. Matching ignores case."""

    #: Any inflected form: "utilise" also matches utilises, utilised, utilising.
    #: Multi-word entries inflect every word ("make a decision" matches "made decisions").
    lemmas: tuple[str, ...] = ()
    #: Exact single words.
    words: tuple[str, ...] = ()
    #: Exact word sequences, not inflected ("in order to").
    phrases: tuple[str, ...] = ()
    #: Only when spaCy tags a word of the match with this part of speech.
    pos: POS | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Match:
        if not (self.lemmas or self.words or self.phrases):
            raise ValueError("match needs at least one of lemmas, words or phrases")
        for entry in (*self.lemmas, *self.words, *self.phrases):
            if not entry.strip() or entry != entry.strip():
                raise ValueError(f"match entry {entry!r} is empty or has spaces at its ends")
        for word in self.words:
            if " " in word:
                raise ValueError(f"words entry {word!r} has a space; put it under phrases")
        return self

    def triggers(self) -> tuple[str, ...]:
        return (*self.lemmas, *self.words, *self.phrases)


class RewriteExample(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: str = Field(alias="from")
    to: str


class Examples(_Strict):
    #: Sentences this rule must flag.
    flagged: tuple[str, ...] = ()
    #: Sentences this rule must not flag (other senses, names, quotations).
    unflagged: tuple[str, ...] = ()
    #: Applying this rule's first suggestion to `from` gives exactly `to`.
    rewrites: tuple[RewriteExample, ...] = ()


class Defaults(_Strict):
    severity: Severity = "warning"
    safe: bool = False
    sources: tuple[Source, ...] = ("team",)


class Rule(_Strict):
    id: str = Field(pattern=ID)
    # --- one of these three says what kind of rule this is
    match: Match | None = None
    acronym: str | None = None
    check: str | None = None
    # --- substitution and acronym fields
    replace: tuple[str, ...] = ()
    #: A few plain words that fit in brackets after the term: "commissioning (buying services)".
    gloss: str | None = None
    #: One plain sentence for a glossary or Easy Read "hard words" box.
    explain: str | None = None
    expansion: str | None = None
    #: A well-known acronym (NHS, UK) is never flagged.
    well_known: bool = False
    # --- check fields
    options: dict[str, int | float | str | bool] = Field(default_factory=dict)
    # --- common
    message: str | None = None
    severity: Severity | None = None
    safe: bool | None = None
    sources: tuple[Source, ...] | None = None
    kind: KIND_NAMES | None = None
    examples: Examples = Field(default_factory=Examples)

    @field_validator("replace")
    @classmethod
    def _clean_replacements(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            if item != item.strip():
                raise ValueError(f"replacement {item!r} has spaces at its ends")
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> Rule:
        given = [name for name in ("match", "acronym", "check") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"a rule needs exactly one of match, acronym or check (got {given or 'none'})")
        if self.match is not None and not (self.replace or self.explain):
            raise ValueError("a match rule needs replace (plain alternatives) or explain (a plain explanation)")
        if self.match is not None and not self.replace and not self.gloss:
            raise ValueError("a rule with no replacement needs a gloss: a few plain words to put in brackets")
        if self.acronym is not None:
            if not re.fullmatch(r"[A-Za-z0-9&]{2,10}", self.acronym) or not any(c.isupper() for c in self.acronym):
                raise ValueError(f"acronym {self.acronym!r} should be 2-10 letters with capitals")
            if not self.expansion:
                raise ValueError("an acronym rule needs its expansion")
            if not self.well_known and not self.gloss:
                raise ValueError("an acronym that is not well known needs a gloss")
        if not self.well_known and not self.examples.flagged:
            raise ValueError("every rule needs at least one example under examples.flagged")
        if not self.examples.unflagged:
            raise ValueError("every rule needs at least one example under examples.unflagged")
        if self.match is not None and self.replace and not self.examples.rewrites:
            raise ValueError("a rule with replacements needs at least one example under examples.rewrites")
        return self

    @property
    def kind_name(self) -> str:
        return "match" if self.match is not None else "acronym" if self.acronym is not None else "check"


class RuleFile(_Strict):
    set: str = Field(pattern=ID)
    category: str = Field(pattern=ID)
    kind: KIND_NAMES
    description: str
    defaults: Defaults = Field(default_factory=Defaults)
    rules: tuple[Rule, ...]
