"""Bad rule files are reported as file:line: what is wrong, and stop the service starting."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainspeak.errors import RuleFileError
from plainspeak.rulesets.loader import load_rule_dirs

GOOD = """\
set: ours
category: terms
kind: jargon
description: Our local names.
rules:
  - id: hub
    match:
      words: [hub]
    replace: [centre]
    safe: true
    examples:
      flagged: [Come to the hub on Friday.]
      unflagged: [Come to the centre on Friday.]
      rewrites:
        - from: Come to the hub on Friday.
          to: Come to the centre on Friday.
"""


def write(tmp_path: Path, body: str, name: str = "terms.yml", folder: str = "ours") -> Path:
    directory = tmp_path / folder
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(body, encoding="utf-8")
    return tmp_path


def test_a_good_file_loads(tmp_path: Path) -> None:
    (rule,) = load_rule_dirs([write(tmp_path, GOOD)])
    assert rule.id == "ours.terms.hub" and rule.line == 6


@pytest.mark.parametrize(
    "body, line, message",
    [
        (GOOD.replace("      words: [hub]\n", "      words: [hub\n"), 9, "YAML error"),
        (GOOD.replace("    replace: [centre]\n", ""), 6, "needs replace"),
        (GOOD.replace("      words: [hub]", "      words: [hub]\n      pos: NOUNISH"), 9, "pos"),
        (GOOD.replace("  - id: hub", "  - id: Hub Rule"), 6, "id"),
        (GOOD.replace("kind: jargon", "kind: gibberish"), 3, "kind"),
        (GOOD.replace("set: ours", "set: theirs"), 1, "folder name"),
        (GOOD.replace("      flagged: [Come to the hub on Friday.]\n", ""), 6, "examples.flagged"),
        (GOOD + "    colour: red\n", 17, "colour"),
    ],
    ids=["yaml-syntax", "no-replacement", "bad-pos", "bad-id", "bad-kind", "wrong-set", "no-examples", "unknown-field"],
)
def test_bad_files_name_the_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    root = write(tmp_path, body)
    with pytest.raises(RuleFileError) as caught:
        load_rule_dirs([root])
    error = caught.value
    assert error.path == str(root / "ours" / "terms.yml")
    assert error.line == line
    assert message in str(error)
    assert str(error).startswith(f"{root / 'ours' / 'terms.yml'}:{line}: ")


def test_repeated_ids_are_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("category: terms", "category: more"), name="more.yml")
    # ids differ by category, so this loads; the same id twice in one file does not.
    assert len(load_rule_dirs([tmp_path])) == 2
    doubled = GOOD + GOOD[GOOD.index("  - id: hub") :]
    write(tmp_path, doubled)
    with pytest.raises(RuleFileError, match="already used"):
        load_rule_dirs([tmp_path])


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="no such rules folder"):
        load_rule_dirs([tmp_path / "nowhere"])


def test_the_service_refuses_to_start_on_a_bad_file(tmp_path: Path) -> None:
    from plainspeak.api import create_app
    from plainspeak.settings import Settings

    root = write(tmp_path, GOOD.replace("    replace: [centre]\n", ""))
    with pytest.raises(RuleFileError, match="terms.yml:6"):
        create_app(Settings(rules_dirs=[root]))
