from __future__ import annotations

import pytest


def nominal(check, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.text for f in check(text).flags if f.rule_id == "detect.nominalisation"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("We discussed the expansion of the scheme.", "the expansion of"),
        ("We noted the cancellation of the bus.", "the cancellation of"),
        ("They asked for the extension of the deadline.", "the extension of"),
    ],
)
def test_the_noun_of_pattern_is_flagged(check, text: str, flagged: str) -> None:  # type: ignore[no-untyped-def]
    assert nominal(check, text) == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "The station of the future will be greener.",
        "The population of the town has grown.",
        "We will provide support.",
        "The department of health wrote to us.",
    ],
)
def test_exempt_and_plain_wording_is_not(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert nominal(check, text) == []
