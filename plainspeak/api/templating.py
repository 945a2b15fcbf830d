"""Jinja2 templates from web/templates, autoescape always on."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.templating import Jinja2Templates

from ..resources import web_dir
from ..types import KINDS

__all__ = ["KIND_LABELS", "KIND_MARKS", "highlight_segments", "templates"]

#: Legend names and the letter drawn on each highlight, so kinds never differ by colour alone.
KIND_LABELS = {
    "jargon": "Jargon",
    "wordy": "Wordy phrase",
    "hard-word": "Hard word",
    "acronym": "Acronym",
    "passive": "Passive voice",
    "long-sentence": "Long sentence",
    "very-long-sentence": "Very long sentence",
    "nominalisation": "Hidden verb",
    "double-negative": "Double negative",
    "easy-read": "Easy Read rule",
}
KIND_MARKS = {
    "jargon": "J",
    "wordy": "W",
    "hard-word": "H",
    "acronym": "A",
    "passive": "P",
    "long-sentence": "L",
    "very-long-sentence": "L+",
    "nominalisation": "N",
    "double-negative": "D",
    "easy-read": "E",
}
#: Flags that cover a whole sentence are shown as a badge at its start, not a highlight.
SENTENCE_KINDS = frozenset({"long-sentence", "very-long-sentence", "easy-read"})


def highlight_segments(text: str, flags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split text into plain runs, highlights and sentence badges for the template.

    Word-level flags are highlighted where they do not overlap an earlier, longer one;
    every flag is also in the list beside the text, so none is out of reach.
    """
    chosen: list[tuple[int, int, int]] = []
    badges: dict[int, list[int]] = {}
    for i, flag in enumerate(flags):
        if flag["kind"] in SENTENCE_KINDS:
            badges.setdefault(flag["start"], []).append(i)
    word_flags = sorted(
        ((i, f) for i, f in enumerate(flags) if f["kind"] not in SENTENCE_KINDS),
        key=lambda item: (item[1]["start"], -(item[1]["end"] - item[1]["start"])),
    )
    taken_until = 0
    for i, flag in word_flags:
        if flag["start"] >= taken_until:
            chosen.append((flag["start"], flag["end"], i))
            taken_until = flag["end"]
    segments: list[dict[str, Any]] = []
    cursor = 0
    marks = sorted(set(badges) | {s for s, _, _ in chosen})
    by_start = {s: (e, i) for s, e, i in chosen}
    for point in marks:
        if point < cursor:
            continue
        if point > cursor:
            segments.append({"type": "text", "text": text[cursor:point]})
        for i in badges.get(point, []):
            segments.append({"type": "badge", "index": i, "flag": flags[i]})
        cursor = point
        if point in by_start:
            end, i = by_start[point]
            segments.append({"type": "mark", "index": i, "flag": flags[i], "text": text[point:end]})
            cursor = end
    if cursor < len(text):
        segments.append({"type": "text", "text": text[cursor:]})
    return segments


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    environment = Environment(
        # static/ too, so the standalone report can inline the stylesheet.
        loader=FileSystemLoader([str(web_dir() / "templates"), str(web_dir() / "static")]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(KIND_LABELS=KIND_LABELS, KIND_MARKS=KIND_MARKS, KINDS=KINDS, SENTENCE_KINDS=SENTENCE_KINDS)
    environment.filters["highlight_segments"] = highlight_segments
    return Jinja2Templates(env=environment)
