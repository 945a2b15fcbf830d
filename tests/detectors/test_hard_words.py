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
        "See https://www.example.gov.uk/obfuscation for the details.",
    ],
)
def test_common_words_names_numbers_urls_and_units_are_not_hard(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert hard(check, text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ('The officer called the plan "transmogrification" in her notes.', "transmogrification"),
        ("The chair said “we cannot promulgate this guidance” at the meeting.", "promulgate"),
    ],
)
def test_a_hard_word_in_a_quotation_is_flagged_to_explain_not_to_change(check, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    flags = [f for f in check(text).flags if f.rule_id == "detect.hard-word"]
    assert [f.text for f in flags] == [word]
    assert "quotation" in flags[0].message and "explain" in flags[0].message
    assert flags[0].suggestions == ()


def test_in_a_quotation_the_rule_gives_way_to_advice(check) -> None:  # type: ignore[no-untyped-def]
    # Outside quotes, the plain-words rule offers "use"; inside, only the advice to explain is left.
    flags = [f for f in check('She said "we will utilise the hall" on Monday.').flags if f.text == "utilise"]
    assert [(f.rule_id, f.suggestions) for f in flags] == [("detect.hard-word", ())]


def test_an_inch_mark_does_not_open_a_quotation(check) -> None:  # type: ignore[no-untyped-def]
    report = check('Use the 12" pipe. Officers will promulgate the guidance and utilise the "new" hall.')
    utilise = [f for f in report.flags if f.text == "utilise"]
    assert [f.rule_id for f in utilise] == ["plain-words.verbs.utilise"]
    promulgate = [f for f in report.flags if f.text == "promulgate"]
    assert promulgate and "quotation" not in promulgate[0].message


def test_hard_words_in_markdown_code_are_not_flagged(book) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.documents.markdown import read_markdown
    from plainspeak.pipeline import analyse_document

    flagged = lambda text: [f.text for f in analyse_document(read_markdown(text), book=book).flags if f.rule_id == "detect.hard-word"]  # noqa: E731
    assert flagged("Officers will promulgate the guidance.") == ["promulgate"]
    assert flagged("Run `promulgate --all` to begin.") == []


def test_allowed_words_are_never_flagged(book) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.pipeline import analyse

    report = analyse("The report was full of obfuscation.", book=book, allow=["obfuscation"])
    assert not [f for f in report.flags if f.text == "obfuscation"]


def test_a_rule_flag_wins_over_the_hard_word_flag(check) -> None:  # type: ignore[no-untyped-def]
    flags = [f for f in check("We will utilise the hall.").flags if f.text == "utilise"]
    assert [f.rule_id for f in flags] == ["plain-words.verbs.utilise"]
