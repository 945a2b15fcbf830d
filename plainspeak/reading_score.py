"""plainspeak's reading score: how easy a text is, from features a person can check.

A ridge regression over word frequency, word length, syllables, sentence length, grammar
and the hard-word model, fitted to teachers' judgements of easiness (the CLEAR corpus) by
`python benchmarks/fit_reading_score.py`; weights are data in rules/reading_score.yml.
The score says which groups of features made a text harder than average, so it can be
explained ("rare words", "long sentences"), and the classic formulas stay beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from statistics import median

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Token

from .errors import RuleFileError
from .frequency import zipf
from .hard_word_model import HardWordModel
from .hard_word_model import features as word_features
from .resources import rules_dir
from .rulesets.loader import node_line, read_validated
from .syllables import _cmudict, is_dale_chall_hard, syllable_count

__all__ = ["FEATURES", "ReadingModel", "load_reading_model", "text_features"]

POS = ("NOUN", "VERB", "ADJ", "ADV", "PRON", "PROPN", "ADP", "DET", "CCONJ", "SCONJ", "AUX", "NUM", "PART")
CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "csubj"})
PERSONAL = frozenset({"i", "you", "he", "she", "we", "they"})

#: (feature, group): the group is what a reader is told made the text hard.
FEATURES: tuple[tuple[str, str], ...] = (
    ("zipf_mean", "rare words"),
    ("share_zipf_below_3", "rare words"),
    ("share_zipf_below_4", "rare words"),
    ("share_zipf_below_5", "rare words"),
    ("letters_mean", "long words"),
    ("share_7_letters", "long words"),
    ("syllables_mean", "long words"),
    ("share_3_syllables", "long words"),
    ("words_per_sentence", "long sentences"),
    ("log_words_per_sentence", "long sentences"),
    ("share_not_dale_chall", "unfamiliar words"),
    ("vocabulary_variety", "varied vocabulary"),
    ("hard_word_probability", "hard words"),
    ("share_hard_words", "hard words"),
    *((f"share_{p.lower()}", "grammar") for p in POS),
    ("dependency_depth", "complex sentences"),
    ("deepest_per_sentence", "complex sentences"),
    ("clauses_per_sentence", "complex sentences"),
    ("quotes_per_word", "dialogue"),
    ("lemma_zipf_mean", "rare words"),
    ("lemma_zipf_p10", "rare words"),
    ("lemma_zipf_p25", "rare words"),
    ("sentence_length_spread", "long sentences"),
    ("share_passive", "passive voice"),
    ("share_personal_pronouns", "grammar"),
    ("zipf_p5", "rare words"),
    ("zipf_p10", "rare words"),
    ("zipf_p25", "rare words"),
    ("zipf_median", "rare words"),
    ("zipf_capped_mean", "rare words"),
    ("share_not_in_dictionary", "unfamiliar words"),
    ("characters_per_sentence", "long sentences"),
    ("log_characters_per_sentence", "long sentences"),
    ("share_zipf_below_2", "rare words"),
    ("share_zipf_below_2_5", "rare words"),
    ("share_zipf_below_3_5", "rare words"),
    ("share_zipf_below_4_5", "rare words"),
    ("share_sentences_over_30", "long sentences"),
    ("zipf_mean_squared", "rare words"),
    ("letters_mean_squared", "long words"),
    ("syllables_mean_squared", "long words"),
    ("words_per_sentence_squared", "long sentences"),
    ("log_words_per_sentence_squared", "long sentences"),
    ("hard_word_probability_squared", "hard words"),
    ("zipf_mean_by_log_words_per_sentence", "rare words"),
)


def mean(values: Iterable[float]) -> float:
    """A plain float mean (statistics.mean works in exact fractions: far too slow here)."""
    items = list(values)
    return sum(items) / len(items)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def text_features(doc: Doc, hard_words: HardWordModel) -> list[float] | None:
    """The feature vector of a parsed text, in FEATURES order; None for a text with no words."""
    words = [t for t in doc if t.is_alpha]
    sentences = [s for s in doc.sents if any(t.is_alpha for t in s)]
    if not words or not sentences:
        return None
    n = len(words)
    z = [zipf(t.lower_) for t in words]
    lemma_z = [zipf(t.lemma_.lower()) for t in words]
    letters = [len(t) for t in words]
    syllables = [syllable_count(t.lower_) for t in words]
    probabilities = [hard_words.probability(word_features(t)) for t in words]
    lengths = [sum(1 for t in s if t.is_alpha) for s in sentences]
    wps = n / len(sentences)
    characters = mean(len(s.text) for s in sentences)
    dictionary = _cmudict()

    def share(condition: list[bool]) -> float:
        return sum(condition) / n

    zipf_mean, letters_mean, syllables_mean = mean(z), mean(letters), mean(syllables)
    mean_length = mean(lengths)
    probability = mean(probabilities)
    values = [
        zipf_mean,
        share([v < 3 for v in z]),
        share([v < 4 for v in z]),
        share([v < 5 for v in z]),
        letters_mean,
        share([v >= 7 for v in letters]),
        syllables_mean,
        share([v >= 3 for v in syllables]),
        wps,
        math.log(wps),
        share([is_dale_chall_hard(t.lower_) for t in words]),
        len({t.lower_ for t in words}) / math.sqrt(n),
        probability,
        share([p >= 0.5 for p in probabilities]),
        *(share([t.pos_ == p for t in words]) for p in POS),
        mean(_depth(t) for t in doc if not t.is_punct and not t.is_space),
        mean(max(_depth(t) for t in s) for s in sentences),
        mean(sum(t.dep_ in CLAUSES for t in s) for s in sentences),
        (doc.text.count('"') + doc.text.count("“")) / n,
        mean(lemma_z),
        _percentile(lemma_z, 0.10),
        _percentile(lemma_z, 0.25),
        (sum((v - mean_length) ** 2 for v in lengths) / len(lengths)) ** 0.5,
        sum(t.dep_ in ("nsubjpass", "auxpass") for t in doc) / len(doc),
        share([t.lower_ in PERSONAL for t in words]),
        _percentile(z, 0.05),
        _percentile(z, 0.10),
        _percentile(z, 0.25),
        median(z),
        mean(min(v, 6.0) for v in z),
        share([t.lower_ not in dictionary for t in words]),
        characters,
        math.log(max(1.0, characters)),
        share([v < 2 for v in z]),
        share([v < 2.5 for v in z]),
        share([v < 3.5 for v in z]),
        share([v < 4.5 for v in z]),
        sum(v > 30 for v in lengths) / len(lengths),
        zipf_mean**2,
        letters_mean**2,
        syllables_mean**2,
        wps**2,
        math.log(wps) ** 2,
        probability**2,
        zipf_mean * math.log(wps),
    ]
    return values


class _ModelFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    #: Predicted easiness at 0 and at 100 on the ease scale (the hardest and easiest training texts).
    hardest: float
    easiest: float


@dataclass(frozen=True)
class ReadingModel:
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    hardest: float
    easiest: float

    def easiness(self, values: list[float]) -> float:
        """Predicted easiness on the CLEAR corpus' scale (higher is easier)."""
        return self.intercept + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, values, self.means, self.scales))

    def ease(self, values: list[float]) -> float:
        """0 (as hard as the hardest training text) to 100 (as easy as the easiest), clamped."""
        share = (self.easiness(values) - self.hardest) / (self.easiest - self.hardest)
        return round(100 * min(1.0, max(0.0, share)), 1)

    def factors(self, values: list[float], top: int = 3) -> list[tuple[str, float]]:
        """The groups of features that made this text harder than the average training text."""
        effects: dict[str, float] = {}
        for (_, group), w, v, m, s in zip(FEATURES, self.weights, values, self.means, self.scales):
            effects[group] = effects.get(group, 0.0) + w * (v - m) / s
        harder = sorted((effect, group) for group, effect in effects.items() if effect < 0)
        return [(group, round(effect, 3)) for effect, group in harder[:top]]


def load_reading_model(path: Path | None = None) -> ReadingModel:
    path = path or rules_dir() / "reading_score.yml"
    parsed, node = read_validated(path, _ModelFile)
    if parsed.features != tuple(name for name, _ in FEATURES):
        raise RuleFileError(str(path), node_line(node, ["features"]), "the features do not match this version of plainspeak: refit with benchmarks/fit_reading_score.py")
    return ReadingModel(parsed.means, parsed.scales, parsed.weights, parsed.intercept, parsed.hardest, parsed.easiest)
