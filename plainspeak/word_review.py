"""Word documents back to the officer: rewrites as tracked changes, the rest as comments."""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from .documents import Document
from .documents.docx import open_word, word_paragraphs
from .documents.word_revisions import Edit, Note, note_text, revise
from .errors import InputError
from .pipeline import analyse_document
from .rewrite import Mode, RewriteResult, choose, rewrite_report
from .rulebook import RuleBook
from .types import Change, Flag

__all__ = ["commented_docx", "tracked_docx"]


def _locate(starts: list[int], lengths: list[int], start: int, end: int) -> tuple[int, int, int] | None:
    """(paragraph, local start, local end), or None for a span that crosses paragraphs."""
    index = bisect_right(starts, start) - 1
    if index < 0 or end > starts[index] + lengths[index]:
        return None
    return index, start - starts[index], end - starts[index]


def _notes(flags: Iterable[Flag], starts: list[int], lengths: list[int], changed: list[Change]) -> list[Note]:
    notes = []
    for flag in flags:
        if any(c.start < flag.end and flag.start < c.end for c in changed):
            continue  # its words are being changed already
        place = _locate(starts, lengths, flag.start, flag.end)
        if place is not None:
            notes.append(Note(*place, note_text(flag)))
    return notes


def _prepare(data: bytes, name: str | None, book: RuleBook, profile: str):  # type: ignore[no-untyped-def]
    document = open_word(data, name, book.settings)
    text, starts, paragraphs = word_paragraphs(document)
    if not starts:
        raise InputError("the Word document has no text", source=name, code="empty")
    report = analyse_document(Document(text, "docx", name, paragraph_starts=starts), profile=profile, book=book)
    breaks = [*starts[1:], len(text) + len("\n\n")]
    lengths = [following - len("\n\n") - start for start, following in zip(starts, breaks)]
    return document, paragraphs, report, starts, lengths


def tracked_docx(
    data: bytes, name: str | None, *, book: RuleBook, profile: str = "general", mode: Mode = "safe", comments: bool = True
) -> tuple[bytes, RewriteResult]:
    """Every accepted rewrite as a tracked change, and (with `comments`) every other flag as a comment."""
    document, paragraphs, report, starts, lengths = _prepare(data, name, book, profile)
    result = rewrite_report(report, mode)
    edits = []
    for change in result.changes:
        place = _locate(starts, lengths, change.start, change.end)
        if place is not None:
            edits.append(Edit(*place, change.new))
    chosen = {(c.start, c.end, c.rule_id) for c in choose(report.flags, mode)}
    remaining = [f for f in report.flags if (f.start, f.end, f.rule_id) not in chosen]
    notes = _notes(remaining, starts, lengths, list(result.changes)) if comments else []
    return revise(document, paragraphs, edits, notes), result


def commented_docx(data: bytes, name: str | None, *, book: RuleBook, profile: str = "general") -> bytes:
    """Every flag as a Word comment on the flagged words."""
    document, paragraphs, report, starts, lengths = _prepare(data, name, book, profile)
    return revise(document, paragraphs, [], _notes(report.flags, starts, lengths, []))
