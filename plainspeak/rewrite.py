"""Accepted flags -> changes -> new text. Only the accepted spans change; nothing else moves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal, Sequence

from .types import Change, Flag, Report

__all__ = ["Choice", "RewriteResult", "apply_choices", "choose", "rewrite_report"]

Mode = Literal["safe", "all"]


@dataclass(frozen=True, slots=True)
class Choice:
    """Apply suggestion number `suggestion` of the flag at [start, end) raised by `rule_id`."""

    start: int
    end: int
    rule_id: str
    suggestion: int = 0


@dataclass(frozen=True, slots=True)
class RewriteResult:
    text: str
    changes: tuple[Change, ...]


def choose(flags: Iterable[Flag], mode: Mode = "safe") -> list[Choice]:
    """The first suggestion of every safe flag, or with `all` of every flag that has one."""
    return [
        Choice(f.start, f.end, f.rule_id)
        for f in flags
        if f.suggestions and (mode == "all" or f.safe)
    ]


def apply_choices(text: str, flags: Sequence[Flag], choices: Iterable[Choice]) -> RewriteResult:
    """Apply chosen suggestions; a choice overlapping one already taken is skipped."""
    by_key = {(f.start, f.end, f.rule_id): f for f in flags}
    picked: list[tuple[Flag, str]] = []
    for choice in sorted(set(choices), key=lambda c: (c.start, c.end, c.rule_id)):
        flag = by_key.get((choice.start, choice.end, choice.rule_id))
        if flag is None or not 0 <= choice.suggestion < len(flag.suggestions):
            continue
        if picked and choice.start < picked[-1][0].end:
            continue
        picked.append((flag, flag.suggestions[choice.suggestion]))
    parts: list[str] = []
    changes: list[Change] = []
    cursor = shift = 0
    for flag, new in picked:
        parts.append(text[cursor : flag.start])
        parts.append(new)
        new_start = flag.start + shift
        changes.append(Change(flag.rule_id, flag.start, flag.end, new_start, new_start + len(new), flag.text, new))
        shift += len(new) - (flag.end - flag.start)
        cursor = flag.end
    parts.append(text[cursor:])
    return RewriteResult("".join(parts), tuple(changes))


def rewrite_report(report: Report, mode: Mode = "safe", choices: Iterable[Choice] | None = None) -> RewriteResult:
    """Rewrite an analysed text with `choices`, or with every flag `mode` selects."""
    chosen = list(choices) if choices is not None else choose(report.flags, mode)
    return apply_choices(report.text, report.flags, chosen)
