from __future__ import annotations

import pytest


def hard(check, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.text for f in check(text).flags if f.rule_id == "detect.hard-word"]


@pytest.mark.parametrize(
    "text, word",
    [
        ("The report was full of obfuscation.", "obfuscation"),
        ("Officers will promulgate the new guidance.", "promulgate"),
        ("The review was perfunctory at best.", "perfunctory"),
    ],
)
def test_rare_words_are_flagged(check, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word in hard(check, text)


@pytest.mark.parametrize(
    "text",
    [
        "The library opens at nine and closes at five.",
        "Councillor Aberconwy met Mrs Bhattacharya in Llandudno.",
        "Call 01234 567890 or email help@example.org.uk for help.",
        "See https://www.example.gov.uk/consultation/responses for details.",
        "The bag weighs 15 kg and the box is 30 cm wide.",
        'The officer called the plan "transmogrification" in her notes.',
    ],
)
def test_common_words_names_numbers_urls_units_and_quotes_are_not_hard(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert hard(check, text) == []


def test_allowed_words_are_never_flagged(book) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.pipeline import analyse

    report = analyse("The report was full of obfuscation.", book=book, allow=["obfuscation"])
    assert not [f for f in report.flags if f.text == "obfuscation"]


def test_a_rule_flag_wins_over_the_hard_word_flag(check) -> None:  # type: ignore[no-untyped-def]
    flags = [f for f in check("We will utilise the hall.").flags if f.text == "utilise"]
    assert [f.rule_id for f in flags] == ["plain-words.verbs.utilise"]
