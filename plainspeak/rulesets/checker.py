"""`plainspeak rules check DIR`: validate a rules folder and run every example in it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from typing import Iterable

from ..errors import PlainspeakError
from ..nlp import load_nlp
from ..rulebook import RuleBook, load_rulebook
from ..settings import get_settings
from .loader import LoadedRule, load_rule_dirs

__all__ = ["Problem", "check_rules_dir", "main", "run_examples"]


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


def _profile_for(loaded: LoadedRule) -> str:
    return "easy-read" if loaded.set == "easy-read" else "general"


def run_examples(book: RuleBook, rules: Iterable[LoadedRule]) -> list[Problem]:
    """Run every example of every rule; each failure names the rule's file and line."""
    from ..pipeline import analyse_doc
    from ..profiles import get_profile
    from ..rewrite import Choice, apply_choices

    nlp = load_nlp()
    jobs: list[tuple[LoadedRule, str, str, str | None]] = []
    for loaded in rules:
        examples = loaded.rule.examples
        jobs += [(loaded, "flagged", text, None) for text in examples.flagged]
        jobs += [(loaded, "unflagged", text, None) for text in examples.unflagged]
        jobs += [(loaded, "rewrites", pair.from_, pair.to) for pair in examples.rewrites]
    problems = []
    for (loaded, what, text, expected), doc in zip(jobs, nlp.pipe(text for _, _, text, _ in jobs)):
        report = analyse_doc(doc, get_profile(_profile_for(loaded)), book)
        mine = [f for f in report.flags if f.rule_id == loaded.id]
        where = f"{loaded.path}:{loaded.line}"
        if what == "flagged" and not mine:
            problems.append(Problem(where, f"{loaded.id} does not flag: {text!r}"))
        elif what == "unflagged" and mine:
            problems.append(Problem(where, f"{loaded.id} flags {mine[0].text!r} in: {text!r}"))
        elif what == "rewrites":
            result = apply_choices(text, report.flags, [Choice(f.start, f.end, f.rule_id) for f in mine])
            if result.text != expected:
                problems.append(Problem(where, f"{loaded.id} rewrites {text!r} as {result.text!r}, expected {expected!r}"))
    return problems


def check_rules_dir(directory: Path, *, examples: bool = True) -> tuple[list[LoadedRule], list[Problem]]:
    """Validate a folder; then run its examples with the built-in rules loaded beside it."""
    try:
        rules = load_rule_dirs(_roots(directory))
        book = None
        if examples:
            from ..resources import rules_dir

            extra = [] if _roots(directory)[0].resolve() == rules_dir().resolve() else _roots(directory)
            book = load_rulebook(get_settings().model_copy(update={"rules_dirs": extra}))
    except PlainspeakError as error:
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
        acronym = loaded.rule.acronym
        if acronym and acronym.lower() in seen:
            problems.append(Problem(f"{loaded.path}:{loaded.line}", f"acronym {acronym!r} is also a trigger of {seen[acronym.lower()][0].id}"))
    for loaded in rules:
        for replacement in loaded.rule.replace:
            other = next(iter(seen.get(replacement.lower(), [])), None)
            if other is not None and other.id != loaded.id:
                problems.append(Problem(f"{loaded.path}:{loaded.line}", f"replacement {replacement!r} is itself a trigger of {other.id}"))
    if book is not None:
        problems += run_examples(book, rules)
    return rules, problems


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    directory = Path(next((a for a in args if not a.startswith("-")), "rules"))
    rules, problems = check_rules_dir(directory, examples="--schema-only" not in args)
    for problem in problems:
        print(problem)
    print(f"{len(rules)} rules, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
