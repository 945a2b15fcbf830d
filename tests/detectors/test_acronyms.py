from __future__ import annotations

import pytest


def acronyms(check, text: str) -> list:  # type: ignore[no-untyped-def]
    return [f for f in check(text).flags if f.kind == "acronym"]


def test_known_acronym_without_expansion_gets_its_expansion(check) -> None:  # type: ignore[no-untyped-def]
    (flag,) = acronyms(check, "Contact the ICB if you have a question about your care.")
    assert flag.text == "ICB"
    assert flag.suggestions == ("Integrated Care Board (ICB)",)
    assert flag.explanation


def test_only_the_first_use_is_flagged(check) -> None:  # type: ignore[no-untyped-def]
    found = acronyms(check, "The ICB met in May. The ICB will meet again in June.")
    assert [f.start for f in found] == [4]


@pytest.mark.parametrize(
    "text",
    [
        "The Integrated Care Board (ICB) plans local health services. The ICB meets monthly.",
        "The ICB (Integrated Care Board) plans local health services.",
        "Ask your GP or call NHS 111 if it is urgent.",
        "The UK government sets the rules.",
        "PLEASE NOTE THE OFFICE IS CLOSED ON MONDAY.",
        "Chapter IV sets out the budget.",
        'He wrote "see the XYZ team" on the form.',
    ],
)
def test_not_flagged(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert acronyms(check, text) == []


def test_unknown_acronym_without_expansion_is_flagged_without_a_suggestion(check) -> None:  # type: ignore[no-untyped-def]
    (flag,) = acronyms(check, "The QWZP will report to the board in spring.")
    assert flag.rule_id == "detect.acronym"
    assert flag.suggestions == ()


def test_unknown_acronym_defined_in_brackets_is_not_flagged(check) -> None:  # type: ignore[no-untyped-def]
    assert acronyms(check, "The Quality Working Zone Panel (QWZP) will report in spring. The QWZP meets monthly.") == []


def test_full_stop_kept_on_a_mixed_case_acronym_is_not_part_of_the_flag(check) -> None:  # type: ignore[no-untyped-def]
    (flag,) = acronyms(check, "The review from Year 9 will cover PfA.")
    assert flag.text == "PfA"
