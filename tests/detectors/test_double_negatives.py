from __future__ import annotations

import pytest


def doubles(check, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.text for f in check(text).flags if f.kind == "double-negative"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("It is not unlikely that fees will rise.", "not unlikely"),
        ("Delays of this kind are not uncommon.", "not uncommon"),
        ("It is not impossible to appeal.", "not impossible"),
        ("We don't have no record of your call.", "don't have no"),
    ],
)
def test_double_negatives_are_flagged(check, text: str, flagged: str) -> None:  # type: ignore[no-untyped-def]
    assert doubles(check, text) == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "It is likely that fees will rise.",
        "We do not know the date yet.",
        "There is no charge for the service.",
        "Neither the council nor the trust agreed.",
        "This is not under review.",
        "It is not union business.",
    ],
)
def test_single_negatives_are_not(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert doubles(check, text) == []
