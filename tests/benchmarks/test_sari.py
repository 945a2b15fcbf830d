"""Our SARI against worked examples computed by hand from the published formula."""

from __future__ import annotations

import pytest

from benchmarks.sari_metric import sari, tokenize


def test_tokenize_lowercases_and_splits_punctuation() -> None:
    assert tokenize("The Council's plan, in full.") == ["the", "council's", "plan", ",", "in", "full", "."]


def test_worked_example_one_word_swapped() -> None:
    # source "a b", output "a c", one reference "a c".
    # n=1: keep F1 1 (a), delete precision 1 (b), add F1 1 (c).
    # n=2: keep 0 (nothing kept), delete precision 1 ("a b"), add F1 1 ("a c").
    # n=3, n=4: no n-grams, all 0.  Means over n: keep 1/4, delete 2/4, add 2/4.
    # SARI = 100 * (0.25 + 0.5 + 0.5) / 3 = 41.666...
    assert sari("a b", "a c", ["a c"]) == pytest.approx(41.6667, abs=1e-3)


def test_worked_example_copying_the_source_when_references_copy_it() -> None:
    # Output = source = reference "a b c": keep F1 1 for n=1..3 (3/4), nothing deleted or added.
    assert sari("a b c", "a b c", ["a b c"]) == pytest.approx(100 * 0.75 / 3, abs=1e-6)


def test_worked_example_two_references_scale_the_counts() -> None:
    # source "a b", output "a", references "a" and "a b".
    # n=1: kept {a: 2} (scaled by 2 references); references hold a x2, b x1.
    #   keep precision 2/2 = 1; kept_all = {a: 2, b: 1}: recall (2/2) / 2 = 0.5; F1 = 2/3.
    #   deleted {b: 2}; good = {b: 2} - {b: 1} = {b: 1}: precision 1/2.  added: none.
    # n=2: source "a b" deleted; references hold "a b" once: good {"a b": 1}, precision 1/2.
    # SARI = 100 * ((2/3)/4 + (0.5 + 0.5)/4 + 0) / 3
    assert sari("a b", "a", ["a", "a b"]) == pytest.approx(100 * ((2 / 3) / 4 + 1 / 4) / 3, abs=1e-6)


def test_a_better_simplification_scores_higher() -> None:
    source = "The council will utilise the funding in order to improve roads."
    references = ["The council will use the money to improve roads.", "The council will use the funding to improve roads."]
    assert sari(source, "The council will use the funding to improve roads.", references) > sari(source, source, references)
