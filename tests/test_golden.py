"""Golden reports for documents we wrote: review changes to them as diffs.

Regenerate with `pytest tests/test_golden.py --regen-golden` after a deliberate change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plainspeak.types import Report

GOLDEN = Path(__file__).parent / "golden"
DOCUMENTS = sorted(GOLDEN.glob("*.txt"))


def summary(report: Report) -> dict[str, Any]:
    """What a reviewer wants to see change: scores, bands and every flag."""
    return {
        "scores": {k: getattr(report.scores, k) for k in ("words", "sentences", "reading_age", "flesch_kincaid_grade", "smog")},
        "bands": [s.band for s in report.sentences],
        "flags": [
            f"{f.line}:{f.column} {f.kind} {f.rule_id} {f.text!r} -> {list(f.suggestions)}" for f in report.flags
        ],
    }


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_golden_report(check, path: Path, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    report = check(text)
    expected_path = path.with_suffix(".json")
    actual = summary(report)
    if request.config.getoption("--regen-golden"):
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


def test_there_are_at_least_six_golden_documents() -> None:
    assert len(DOCUMENTS) >= 6


def test_plain_control_text_reads_within_target(check) -> None:  # type: ignore[no-untyped-def]
    report = check((GOLDEN / "plain-control.txt").read_text(encoding="utf-8"))
    assert report.scores.reading_age <= 11
    assert not [f for f in report.flags if f.kind in ("jargon", "wordy", "passive", "long-sentence")]


def test_jargon_documents_read_above_target(check) -> None:  # type: ignore[no-untyped-def]
    for name in ("commissioning-strategy", "board-paper", "care-plan-letter"):
        report = check((GOLDEN / f"{name}.txt").read_text(encoding="utf-8"))
        assert report.above_target, name
        assert report.counts["jargon"] >= 3, name
