from __future__ import annotations

import pytest


def passives(check, text: str) -> list:  # type: ignore[no-untyped-def]
    return [f for f in check(text).flags if f.kind == "passive"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("The grant was approved by the cabinet in June.", "was approved"),
        ("Your application has been received.", "been received"),
        ("New homes will be built on the old depot site.", "be built"),
        ("The damaged play area is being repaired.", "being repaired"),
        ("Complaints are reviewed by a senior officer within ten days.", "are reviewed"),
    ],
)
def test_passive_voice_is_flagged(check, text: str, flagged: str) -> None:  # type: ignore[no-untyped-def]
    found = passives(check, text)
    assert [f.text for f in found] == [flagged]


def test_the_agent_is_named(check) -> None:  # type: ignore[no-untyped-def]
    (flag,) = passives(check, "The grant was approved by the cabinet in June.")
    assert "the cabinet" in flag.message


def test_no_agent_says_so(check) -> None:  # type: ignore[no-untyped-def]
    (flag,) = passives(check, "Your application has been received.")
    assert "who" in flag.message


@pytest.mark.parametrize(
    "text",
    [
        "We were delighted with the turnout at the fun day.",
        "Residents were pleased that the library stayed open.",
        "I am interested in joining the carers' group.",
        "She is worried about the cost of care.",
        "The office is located next to the bus station.",
        "We approved the grant in June.",
        "The cabinet approved the plan.",
        'The leaflet said "the bins will be collected on Friday" in large print.',
    ],
)
def test_not_passive(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert passives(check, text) == []
