"""Everything the analysis reads from `rules/`, loaded and compiled once per process."""

from __future__ import annotations


from pydantic import BaseModel, ConfigDict
from spacy.language import Language

from .errors import RuleFileError
from .hard_word_model import load_hard_word_model
from .nlp import load_nlp
from .reading_score import load_reading_model
from .resources import rules_dir
from .rulesets.loader import LoadedRule, load_rule_dirs, read_validated
from .rulesets.matcher import RuleMatcher
from .settings import Settings, get_settings

__all__ = ["DetectorData", "RuleBook", "get_rulebook", "load_rulebook"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HardWordData(_Data):
    min_letters: int


class PassiveData(_Data):
    auxiliaries: frozenset[str]
    adjectival_participles: frozenset[str]
    state_in_simple_tenses: frozenset[str]
    states_of_people: frozenset[str]
    states_before: dict[str, frozenset[str]]
    get_idioms: frozenset[str]
    degree_adverbs: frozenset[str]


class AcronymData(_Data):
    not_acronyms: frozenset[str]
    word_zipf_at_least: float
    units: frozenset[str]


class NominalisationData(_Data):
    suffixes: tuple[str, ...]
    exempt: frozenset[str]
    message: str


class DoubleNegativeData(_Data):
    negators: frozenset[str]
    negative_prefixes: tuple[str, ...]
    stem_zipf_at_least: float
    message: str


class LongSentenceData(_Data):
    message: str
    very_long_message: str


class SpellingData(_Data):
    """rules/spelling.yml."""

    american: dict[str, str]
    british_forms: dict[str, str]


class DetectorData(_Data):
    """rules/detectors.yml."""

    hard_word: HardWordData
    passive: PassiveData
    acronym: AcronymData
    nominalisation: NominalisationData
    double_negative: DoubleNegativeData
    long_sentence: LongSentenceData


class RuleBook:
    """Rules, compiled matchers and detector data. Immutable once built."""

    def __init__(self, settings: Settings, nlp: Language) -> None:
        from .detectors.checks import CHECKS  # the check registry lives with the checks

        root = rules_dir()
        self.settings = settings
        self.british = settings.spelling == "british"
        self.rules: tuple[LoadedRule, ...] = tuple(load_rule_dirs([root, *settings.rules_dirs]))
        self.builtin_sets = frozenset(p.name for p in root.iterdir() if p.is_dir())
        self.by_id = {r.id: r for r in self.rules}
        self.data = read_validated(root / "detectors.yml", DetectorData)[0]
        spelling = read_validated(root / "spelling.yml", SpellingData)[0]
        self.spelling = spelling.american
        self.british_forms = spelling.british_forms
        self.matcher = RuleMatcher(self.rules, nlp)
        self.hard_words = load_hard_word_model(root / "hard_words.yml")
        self.reading = load_reading_model(root / "reading_score.yml")
        self.acronyms: dict[str, LoadedRule] = {r.rule.acronym: r for r in self.rules if r.rule.acronym}
        self.checks: tuple[LoadedRule, ...] = tuple(r for r in self.rules if r.rule.check)
        for loaded in self.checks:
            if loaded.rule.check not in CHECKS:
                raise RuleFileError(loaded.path, loaded.line, f"unknown check {loaded.rule.check!r}; known: {', '.join(sorted(CHECKS))}")
        self.allow = frozenset(w.lower() for w in settings.allow)
        self.disabled = tuple(settings.disable)

    def enabled(self, rule_id: str) -> bool:
        return not any(rule_id == p or rule_id.startswith(p.rstrip(".") + ".") for p in self.disabled)


_BOOKS: dict[str, RuleBook] = {}


def load_rulebook(settings: Settings | None = None, nlp: Language | None = None) -> RuleBook:
    """The rule book for these settings, compiled once per process (a few seconds)."""
    settings = settings or get_settings()
    if nlp is not None:
        return RuleBook(settings, nlp)
    key = settings.model_dump_json()
    if key not in _BOOKS:
        _BOOKS[key] = RuleBook(settings, load_nlp())
    return _BOOKS[key]


def get_rulebook() -> RuleBook:
    """The process-wide rule book for the process-wide settings."""
    return load_rulebook()
