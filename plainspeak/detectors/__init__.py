"""Detectors: one module per kind of problem, registered by name in DETECTORS."""

from . import acronyms, checks, double_negatives, hard_words, nominalisations, passive, rules, sentences
from .base import DETECTORS, Context, Protected, detector
from .protected import literal_ranges, quotations

__all__ = [
    "DETECTORS",
    "Context",
    "Protected",
    "acronyms",
    "checks",
    "detector",
    "double_negatives",
    "hard_words",
    "literal_ranges",
    "nominalisations",
    "passive",
    "quotations",
    "rules",
    "sentences",
]
