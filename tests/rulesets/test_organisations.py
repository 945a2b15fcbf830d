"""Organisations add their own rules and allowed words without touching code."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from plainspeak.cli import app
from plainspeak.pipeline import analyse
from plainspeak.rulebook import load_rulebook

from .test_loader import GOOD, write

runner = CliRunner()


def test_extra_rule_folder_adds_rules(tmp_path: Path, book) -> None:  # type: ignore[no-untyped-def]
    ours = load_rulebook(book.settings.model_copy(update={"rules_dirs": [write(tmp_path, GOOD)]}))
    report = analyse("Come to the hub on Friday.", book=ours)
    assert [f.suggestions for f in report.flags if f.rule_id == "ours.terms.hub"] == [("centre",)]


def test_cli_rules_and_allow_flags(tmp_path: Path) -> None:
    root = write(tmp_path, GOOD)
    draft = tmp_path / "draft.txt"
    draft.write_text("Come to the hub on Friday. We will utilise the hall.", encoding="utf-8")
    result = runner.invoke(app, ["rewrite", "--rules", str(root), "--allow", "utilise", str(draft)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "Come to the centre on Friday. We will utilise the hall."


def test_rules_switch_off_by_prefix(book) -> None:  # type: ignore[no-untyped-def]
    off = load_rulebook(book.settings.model_copy(update={"disable": ["plain-words.verbs", "detect.passive"]}))
    report = analyse("The hall was utilised by the club.", book=off)
    assert not [f for f in report.flags if f.rule_id.startswith("plain-words.verbs") or f.kind == "passive"]
    assert [f.kind for f in analyse("The hall was utilised by the club.", book=book).flags].count("passive") == 1


def test_rules_check_runs_an_organisations_examples(tmp_path: Path) -> None:
    good = runner.invoke(app, ["rules", "check", str(write(tmp_path, GOOD))])
    assert good.exit_code == 0 and "1 rules, 0 problems" in good.stdout
    wrong = GOOD.replace("to: Come to the centre on Friday.", "to: Come to the middle on Friday.")
    bad = runner.invoke(app, ["rules", "check", str(write(tmp_path / "b", wrong))])
    assert bad.exit_code == 1
    assert "expected 'Come to the middle on Friday.'" in bad.stdout


def test_american_spelling_setting(book) -> None:  # type: ignore[no-untyped-def]
    text = "We will reconfigure the teams and the programme."

    def first(rule_book) -> str:  # type: ignore[no-untyped-def]
        (flag,) = [f for f in analyse(text, book=rule_book).flags if f.rule_id == "public-sector.services.reconfigure"]
        return flag.suggestions[0]

    assert first(book) == "reorganise"
    assert first(load_rulebook(book.settings.model_copy(update={"spelling": "american"}))) == "reorganize"
