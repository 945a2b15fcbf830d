"""`plainspeak rules check DIR`: validate a rules folder and run every example in it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import RuleFileError
from .loader import LoadedRule, load_rule_dirs

__all__ = ["Problem", "check_rules_dir", "main"]


@dataclass(frozen=True, slots=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _roots(directory: Path) -> list[Path]:
    """Accept a rules folder (holding set folders) or one set folder."""
    if any(directory.glob("*.yml")) and not any(directory.glob("*/*.yml")):
        return [directory.parent]
    return [directory]


def check_rules_dir(directory: Path) -> tuple[list[LoadedRule], list[Problem]]:
    try:
        rules = load_rule_dirs(_roots(directory))
    except RuleFileError as error:
        return [], [Problem(error.source or "", error.message)]
    if any(directory.glob("*.yml")) and not any(directory.glob("*/*.yml")):
        rules = [r for r in rules if r.set == directory.name]
    problems: list[Problem] = []
    seen: dict[str, list[LoadedRule]] = {}
    for loaded in rules:
        if loaded.rule.match is None:
            continue
        pos = loaded.rule.match.pos
        for trigger in loaded.rule.match.triggers():
            key = trigger.lower()
            # The same words may be two rules when each is limited to a different part of speech.
            clash = [o for o in seen.get(key, []) if o.id != loaded.id and (pos is None or o.rule.match.pos in (None, pos))]
            if clash:
                problems.append(Problem(f"{loaded.path}:{loaded.line}", f"trigger {trigger!r} is also in {clash[0].id}"))
            seen.setdefault(key, []).append(loaded)
    for loaded in rules:
        for replacement in loaded.rule.replace:
            other = next(iter(seen.get(replacement.lower(), [])), None)
            if other is not None and other.id != loaded.id:
                problems.append(Problem(f"{loaded.path}:{loaded.line}", f"replacement {replacement!r} is itself a trigger of {other.id}"))
    return rules, problems


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    directory = Path(args[0] if args else "rules")
    rules, problems = check_rules_dir(directory)
    for problem in problems:
        print(problem)
    print(f"{len(rules)} rules, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
