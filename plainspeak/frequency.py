"""Word frequency from wordfreq's English list (Zipf scale: 3 = once per million words)."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

__all__ = ["zipf"]


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")
