"""Reading profiles (`general`, `easy-read`): targets and limits, read from rules/profiles.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import InputError, RuleFileError
from .resources import rules_dir

__all__ = ["Profile", "get_profile", "load_profiles"]


class Profile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str
    target_reading_age: tuple[int, int]
    long_sentence_words: int
    very_long_sentence_words: int
    hard_reading_age: float
    very_hard_reading_age: float
    #: A word is flagged as hard at or above this probability (rules/hard_words.yml);
    #: None uses the model's own threshold, the one that agreed best with readers.
    hard_word_threshold: float | None = None
    #: ... and only when the word's lemma is rarer than this Zipf frequency (None: any).
    hard_word_lemma_zipf_below: float | None = None
    #: Rule sets used; sets not listed here are off in this profile.
    sets: tuple[str, ...]
    #: Detectors used (see plainspeak.detectors).
    detectors: tuple[str, ...]


@lru_cache(maxsize=4)
def load_profiles(path: Path | None = None) -> dict[str, Profile]:
    path = path or rules_dir() / "profiles.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        return {name: Profile(name=name, **body) for name, body in data.items()}
    except (ValidationError, TypeError) as error:
        raise RuleFileError(str(path), None, str(error).splitlines()[0]) from error


def get_profile(name: str) -> Profile:
    profiles = load_profiles()
    if name not in profiles:
        raise InputError(f"unknown profile {name!r}; choose one of: {', '.join(profiles)}", code="unknown-profile")
    return profiles[name]
