"""Readability figures for a document and for each sentence.

The formulas are textstat's, with the same coefficients, applied to counts that textstat's
own word, syllable and easy-word functions produce. We sum counts over plainspeak's
sentences rather than calling textstat on the whole text because textstat splits sentences
on full stops alone and drops any of two words or fewer, so a bullet list would count as
one long sentence. On ordinary prose the two agree exactly (tests/test_readability.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from textstat.backend.counts import count_chars, count_letters
from textstat.backend.selections import list_words

from .profiles import Profile
from .syllables import is_dale_chall_hard, is_fog_hard, syllable_count
from .types import Band, Scores

__all__ = ["Counts", "count_sentence", "reading_age", "sentence_band", "scores"]

#: UK reading age = US grade + 5 (grade 1 is read at six). Floor and ceiling keep
#: silly inputs sensible: a one-word text is not read by a newborn.
GRADE_TO_AGE = 5.0
MIN_READING_AGE = 5.0
MAX_READING_AGE = 25.0


@dataclass(frozen=True, slots=True)
class Counts:
    """What the formulas need, summed over sentences."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0
    letters: int = 0
    chars: int = 0
    char_words: int = 0
    fog_hard: int = 0
    dale_chall_hard: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self._tuple(), other._tuple())))

    def _tuple(self) -> tuple[int, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)


def count_sentence(text: str) -> Counts:
    """Counts for one sentence; a sentence with no words counts as no sentence."""
    words = list_words(text)
    if not words:
        return Counts()
    syllables = [syllable_count(word.lower()) for word in words]
    return Counts(
        sentences=1,
        words=len(words),
        syllables=sum(syllables),
        polysyllables=sum(1 for s in syllables if s >= 3),
        letters=count_letters(text),
        chars=count_chars(text, ignore_spaces=True),
        char_words=len(text.split()),
        fog_hard=sum(1 for word in words if is_fog_hard(word)),
        dale_chall_hard=sum(1 for word in words if is_dale_chall_hard(word)),
    )


def reading_age(grade: float) -> float:
    """UK reading age from a US grade, clamped to [5, 25]."""
    return round(min(MAX_READING_AGE, max(MIN_READING_AGE, grade + GRADE_TO_AGE)), 1)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def scores(c: Counts) -> Scores:
    """textstat's formulas over counts; every division is guarded, so empty text scores 0."""
    wps = _ratio(c.words, c.sentences)
    spw = _ratio(c.syllables, c.words)
    has_words = wps > 0 and spw > 0
    fre = 206.835 - 1.015 * wps - 84.6 * spw if has_words else 0.0
    fk = 0.39 * wps + 11.8 * spw - 15.59 if has_words else 0.0
    smog = 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291 if c.sentences else 0.0
    fog = 0.4 * (wps + 100 * c.fog_hard / c.words) if c.words else 0.0
    letters_per_100 = _ratio(c.letters, c.words) * 100
    sentences_per_100 = _ratio(c.sentences, c.words) * 100
    cli = 0.058 * letters_per_100 - 0.296 * sentences_per_100 - 15.8 if letters_per_100 and sentences_per_100 else 0.0
    cpw = _ratio(c.chars, c.char_words)
    ari = 4.71 * cpw + 0.5 * wps - 21.43 if cpw and wps else 0.0
    hard_pct = 100 * _ratio(c.dale_chall_hard, c.words)
    dale_chall = 0.1579 * hard_pct + 0.0496 * wps + (3.6365 if hard_pct > 5 else 0.0) if c.words else 0.0
    return Scores(
        words=c.words,
        sentences=c.sentences,
        syllables=c.syllables,
        words_per_sentence=round(wps, 2),
        syllables_per_word=round(spw, 3),
        flesch_reading_ease=round(fre, 2),
        flesch_kincaid_grade=round(fk, 2),
        smog=round(smog, 2),
        gunning_fog=round(fog, 2),
        coleman_liau=round(cli, 2),
        ari=round(ari, 2),
        dale_chall=round(dale_chall, 2),
        reading_age=reading_age(fk) if c.words else 0.0,
    )


def sentence_band(s: Scores, profile: Profile) -> Band:
    """ok / hard / very hard, from length and reading age against the profile's limits."""
    if s.words > profile.very_long_sentence_words or s.reading_age > profile.very_hard_reading_age:
        return "very hard"
    if s.words > profile.long_sentence_words or s.reading_age > profile.hard_reading_age:
        return "hard"
    return "ok"
