from __future__ import annotations


LONG = (
    "The council will work with partners across the borough to make sure that every resident who needs "
    "help with the cost of living can find out what support is available and how to apply for it quickly."
)


def test_long_sentence_is_flagged_with_its_word_count(check) -> None:  # type: ignore[no-untyped-def]
    (flag,) = [f for f in check(LONG).flags if f.kind in ("long-sentence", "very-long-sentence")]
    assert flag.kind == "long-sentence"
    assert "37 words" in flag.message
    assert flag.text == LONG


def test_short_sentences_are_not_flagged(check) -> None:  # type: ignore[no-untyped-def]
    report = check("The bins are emptied on Friday. Put them out by seven.")
    assert not [f for f in report.flags if "sentence" in f.kind]


def test_easy_read_profile_flags_sentences_over_fifteen_words(check) -> None:  # type: ignore[no-untyped-def]
    text = "We will write to you in the next few weeks to tell you about the new bus times."
    general = [f for f in check(text).flags if "sentence" in f.rule_id]
    easy = [f for f in check(text, "easy-read").flags if f.rule_id == "easy-read.sentences.sentence-length"]
    assert general == [] and len(easy) == 1
