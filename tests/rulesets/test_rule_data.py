"""The rule data: every file validates, and every example of every rule behaves."""

from __future__ import annotations

from collections import Counter

import pytest

from plainspeak.resources import rules_dir
from plainspeak.rulesets.checker import check_rules_dir, run_examples
from plainspeak.rulesets.loader import load_rule_dirs

RULES = load_rule_dirs([rules_dir()])
MINIMUM = {
    "plain-words": 400,
    "wordy-phrases": 150,
    "public-sector": 150,
    "health-and-care": 120,
    "co-production": 40,
    "acronyms": 150,
}


def test_every_file_validates_and_the_collection_is_consistent() -> None:
    loaded, problems = check_rules_dir(rules_dir(), examples=False)
    assert [str(p) for p in problems] == []
    assert len(loaded) == len(RULES)


def test_ids_are_unique() -> None:
    duplicates = [i for i, n in Counter(r.id for r in RULES).items() if n > 1]
    assert duplicates == []


@pytest.mark.parametrize("name, minimum", MINIMUM.items())
def test_sets_have_enough_entries(name: str, minimum: int) -> None:
    assert sum(1 for r in RULES if r.set == name) >= minimum


def test_easy_read_set_has_the_checkable_rules() -> None:
    ids = {r.id for r in RULES if r.set == "easy-read"}
    assert {"easy-read.sentences.sentence-length", "easy-read.sentences.one-idea"} <= ids
    checks = {r.rule.check for r in RULES if r.set == "easy-read" and r.rule.check}
    assert checks == {"sentence-length", "one-idea"}
    triggers = {t for r in RULES if r.set == "easy-read" and r.rule.match for t in r.rule.match.triggers()}
    assert {";", "%", "etc", "e.g.", "three"} <= triggers


def test_co_production_terms_explain_themselves() -> None:
    for rule in (r for r in RULES if r.set == "co-production"):
        assert rule.rule.explain and rule.rule.explain.endswith("."), rule.id


def test_acronyms_have_expansions_and_glosses() -> None:
    for rule in (r for r in RULES if r.set == "acronyms"):
        assert rule.rule.acronym and rule.rule.expansion, rule.id
        assert rule.rule.well_known or rule.rule.gloss, rule.id


def test_every_rule_has_examples() -> None:
    for rule in RULES:
        examples = rule.rule.examples
        assert examples.unflagged, rule.id
        assert examples.flagged or rule.rule.well_known, rule.id
        assert examples.rewrites or not rule.rule.replace or rule.rule.match is None, rule.id


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(book, rule) -> None:  # type: ignore[no-untyped-def]
    assert [str(p) for p in run_examples(book, [rule])] == []
