from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plainspeak.cli import app

from .documents.builders import word_document

runner = CliRunner()

JARGON = "Going forward, stakeholders will utilise the funding. The money was allocated by the ICB.\n"
PLAIN = "We fixed the road. It took a week. Thank you for waiting.\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "notice.txt").write_text(JARGON, encoding="utf-8")
    (tmp_path / "plain.md").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "event.docx").write_bytes(word_document(["We will utilise the hall."]))
    (tmp_path / "nested" / "ignored.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_check_prints_flags_and_a_summary(drafts: Path) -> None:
    result = runner.invoke(app, ["check", str(drafts / "notice.txt")])
    assert result.exit_code == 0, result.output
    assert "reading age" in result.output
    assert "utilise" in result.output and "→ use" in result.output
    assert "plain-words.verbs.utilise" in result.output
    assert "flags" in result.output


def test_check_json_is_the_report(drafts: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", str(drafts / "notice.txt")])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["schema"] == "plainspeak.report/1"
    flag = next(f for f in report["flags"] if f["rule_id"] == "plain-words.verbs.utilise")
    assert JARGON[flag["start"] : flag["end"]] == flag["text"] == "utilise"
    assert {"reading_age", "flesch_kincaid_grade", "smog"} <= set(report["scores"])


def test_check_reads_standard_input() -> None:
    result = runner.invoke(app, ["check", "--format", "json", "-"], input=JARGON)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["scores"]["words"] == 14


def test_directories_recurse_over_supported_files(drafts: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", str(drafts)])
    assert result.exit_code == 0
    names = [r["source"]["name"] for r in json.loads(result.stdout)]
    assert names == ["event.docx", "notice.txt", "plain.md"]


def test_max_reading_age_fails_the_build(drafts: Path) -> None:
    above = runner.invoke(app, ["check", "--max-reading-age", "6", str(drafts / "notice.txt")])
    assert above.exit_code == 1
    assert "reading age above 6" in above.output
    below = runner.invoke(app, ["check", "--max-reading-age", "30", str(drafts / "notice.txt")])
    assert below.exit_code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "missing.txt"], "missing.txt: no such file"),
        (["check", "--format", "xml", "x.txt"], "--format must be text or json"),
        (["check", "--profile", "nope", "-"], "unknown profile"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, args, input="Some text.")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_bad_file_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["check", str(empty)])
    assert result.exit_code == 2
    assert f"{empty}: the file is empty" in result.output


def test_rewrite_applies_safe_swaps_only(drafts: Path) -> None:
    result = runner.invoke(app, ["rewrite", str(drafts / "notice.txt")])
    assert result.exit_code == 0
    assert "will use the funding" in result.stdout
    assert "stakeholders" in result.stdout  # not a safe swap


def test_rewrite_writes_a_file_and_shows_a_diff(drafts: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert runner.invoke(app, ["rewrite", str(drafts / "notice.txt"), "-o", str(target)]).exit_code == 0
    assert "use the funding" in target.read_text()
    diff = runner.invoke(app, ["rewrite", "--diff", str(drafts / "notice.txt")])
    assert diff.exit_code == 0
    assert "-Going forward, stakeholders will utilise" in diff.stdout
    assert "+" in diff.stdout


def test_rules_list_show_and_check(tmp_path: Path) -> None:
    listed = runner.invoke(app, ["rules", "list", "--set", "plain-words"])
    assert listed.exit_code == 0 and "plain-words.verbs.utilise" in listed.stdout
    shown = runner.invoke(app, ["rules", "show", "plain-words.verbs.utilise"])
    assert shown.exit_code == 0 and "replace:" in shown.stdout and "use" in shown.stdout
    missing = runner.invoke(app, ["rules", "show", "no.such.rule"])
    assert missing.exit_code == 2
