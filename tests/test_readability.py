"""Document figures agree with textstat on prose; silly inputs give sensible figures."""

from __future__ import annotations

import math

import pytest
import textstat

from plainspeak.readability import Counts, count_sentence, reading_age, scores

PROSE = [
    # Written for these tests: ordinary prose, every sentence three words or more.
    "The council is asking residents for their views on the future of library services in the borough. "
    "We want to hear from everyone who uses a library, and from people who do not. "
    "The consultation will run for twelve weeks and closes on the last day of March.",
    "Your care worker will visit each morning to help you get up and dressed. "
    "If you need to change a visit, please ring the office the day before. "
    "We will review your support after six weeks to check it still meets your needs.",
    "Members are asked to note the financial position at the end of the second quarter, "
    "which shows a projected overspend of four hundred thousand pounds within adult social care. "
    "Mitigating actions have been identified and are being implemented by the directorate.",
]

FORMULAS = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "smog": textstat.smog_index,
    "gunning_fog": textstat.gunning_fog,
    "coleman_liau": textstat.coleman_liau_index,
    "ari": textstat.automated_readability_index,
    "dale_chall": textstat.dale_chall_readability_score,
}


@pytest.mark.parametrize("text", PROSE)
@pytest.mark.parametrize("name", FORMULAS)
def test_document_figures_agree_with_textstat(check, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    report = check(text)
    assert report.scores.sentences == textstat.sentence_count(text)
    assert getattr(report.scores, name) == pytest.approx(FORMULAS[name](text), abs=0.01)


@pytest.mark.parametrize("text", PROSE)
def test_word_and_syllable_counts_agree_with_textstat(check, text: str) -> None:  # type: ignore[no-untyped-def]
    report = check(text)
    assert report.scores.words == textstat.lexicon_count(text)
    assert report.scores.syllables == textstat.syllable_count(text)


def test_reading_age_is_grade_plus_five_within_bounds() -> None:
    assert reading_age(6.0) == 11.0
    assert reading_age(-3.4) == 5.0
    assert reading_age(40.0) == 25.0


def _finite(report) -> bool:  # type: ignore[no-untyped-def]
    return all(math.isfinite(getattr(report.scores, f)) for f in report.scores.__slots__)


def test_one_word_document(check) -> None:  # type: ignore[no-untyped-def]
    report = check("Hello")
    assert report.scores.words == 1 and report.scores.sentences == 1
    assert report.scores.reading_age >= 5
    assert _finite(report)


def test_a_two_thousand_word_sentence(check) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(["the", "council", "and", "its", "partners"] * 400) + "."
    report = check(text)
    assert report.scores.words == 2000
    assert report.scores.sentences == 1
    assert report.sentences[0].band == "very hard"
    assert _finite(report)
    assert any(f.kind == "very-long-sentence" for f in report.flags)


def test_bullet_points_with_no_full_stops_count_as_sentences(check) -> None:  # type: ignore[no-untyped-def]
    text = "Our aims\n- better homes\n- safer streets\n- cleaner parks\n- more jobs\n"
    report = check(text)
    assert report.scores.sentences == 5
    assert report.scores.words_per_sentence == 2.0
    assert report.scores.reading_age >= 5


def test_punctuation_only_text_has_no_sentences_and_no_division_by_zero() -> None:
    figures = scores(count_sentence("... !!! ???") + Counts())
    assert figures.sentences == 0 and figures.words == 0
    assert figures.flesch_reading_ease == 0.0 and figures.reading_age == 0.0


def test_sentence_bands_follow_the_profile(check) -> None:  # type: ignore[no-untyped-def]
    easy = "We will fix the road. It will take a week."
    report = check(easy)
    assert [s.band for s in report.sentences] == ["ok", "ok"]
    hard = (
        "Notwithstanding the aforementioned considerations, the directorate's commissioning intentions "
        "necessitate comprehensive reconfiguration of intermediate care provision."
    )
    assert check(hard).sentences[0].band == "very hard"


def test_easy_read_profile_is_stricter(check) -> None:  # type: ignore[no-untyped-def]
    sentence = "We will write to you in the next few weeks to tell you about the new times for the bus to town."
    assert check(sentence, "general").sentences[0].band == "ok"
    assert check(sentence, "easy-read").sentences[0].band != "ok"


def test_plainspeak_reading_score_orders_our_documents_and_says_why(check) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    golden = Path(__file__).parent / "golden"
    plain = check((golden / "plain-control.txt").read_text(encoding="utf-8")).reading
    jargon = check((golden / "commissioning-strategy.txt").read_text(encoding="utf-8")).reading
    assert plain is not None and jargon is not None
    assert 0 <= jargon.ease < plain.ease <= 100
    assert jargon.harder_because and all(f.effect < 0 for f in jargon.harder_because)
    assert {f.name for f in jargon.harder_because} & {"rare words", "hard words", "unfamiliar words", "long words"}


def test_no_reading_score_without_words(check) -> None:  # type: ignore[no-untyped-def]
    assert check("... !!!").reading is None


def test_the_reading_model_file_is_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.errors import RuleFileError
    from plainspeak.reading_score import load_reading_model

    bad = tmp_path / "reading_score.yml"
    bad.write_text("features: [a]\nmeans: [0]\nscales: [1]\nweights: [1]\nintercept: 0\nhardest: -1\neasiest: 1\n")
    with pytest.raises(RuleFileError, match="refit"):
        load_reading_model(bad)
