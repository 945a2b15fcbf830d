"""Write a Word document back with tracked changes (w:ins / w:del) and comments.

Only paragraphs with a change or a comment are touched; a change inside a run splits the
run, and both halves keep its formatting. The officer accepts or rejects each change in
Word as usual.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Sequence

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from ..types import Flag
from .word_text import Piece, paragraph_pieces

__all__ = ["AUTHOR", "Edit", "Note", "revise"]

AUTHOR = "plainspeak"
INITIALS = "PS"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace [start, end) of a paragraph's text with `new`, as a tracked change."""

    paragraph: int
    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class Note:
    """A comment on [start, end) of a paragraph's text."""

    paragraph: int
    start: int
    end: int
    text: str


class _Ids:
    """Annotation ids above every id already in the document."""

    def __init__(self, body: etree._Element) -> None:
        used = [int(v) for v in body.xpath("//@w:id") if str(v).isdigit()]
        self.next = max(used, default=0) + 1000

    def take(self) -> str:
        self.next += 1
        return str(self.next)


def _split(piece: Piece, at: int) -> None:
    """Split the run holding `piece` so that paragraph offset `at` falls between two runs."""
    run = piece.run
    children = list(run)
    index = children.index(piece.node)
    twin = deepcopy(run)
    twin_children = list(twin)
    if piece.start < at < piece.end:
        # Inside a text node: the first half stays, the second goes to the twin.
        offset = at - piece.start
        text = piece.node.text or ""
        piece.node.text = text[:offset]
        piece.node.set(_XML_SPACE, "preserve")
        twin_node = twin_children[index]
        twin_node.text = text[offset:]
        twin_node.set(_XML_SPACE, "preserve")
        keep_in_run, keep_in_twin = index + 1, index
    else:  # at == piece.start: split just before this node
        keep_in_run, keep_in_twin = index, index
    for child in children[keep_in_run:]:
        if child.tag != qn("w:rPr"):
            run.remove(child)
    for child in twin_children[:keep_in_twin]:
        if child.tag != qn("w:rPr"):
            twin.remove(child)
    run.addnext(twin)


def _isolate(paragraph: etree._Element, start: int, end: int) -> list[etree._Element]:
    """Split runs so [start, end) is whole runs; return those runs in order."""
    for boundary in (start, end):
        _, pieces = paragraph_pieces(paragraph)
        for piece in pieces:
            if piece.start < boundary < piece.end or (piece.start == boundary and _has_text_before(piece)):
                _split(piece, boundary)
                break
    _, pieces = paragraph_pieces(paragraph)
    runs: list[etree._Element] = []
    for piece in pieces:
        if piece.start >= start and piece.end <= end and (not runs or runs[-1] is not piece.run):
            runs.append(piece.run)
    return runs


def _has_text_before(piece: Piece) -> bool:
    """Whether the run holds characters before this piece (so a boundary here needs a split)."""
    for node in piece.run:
        if node is piece.node:
            return False
        if node.tag in (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
            return True
    return False


def _revision(tag: str, ids: _Ids, date: str) -> etree._Element:
    element = etree.Element(qn(tag))
    element.set(qn("w:id"), ids.take())
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), date)
    return element


def _track(paragraph: etree._Element, edit: Edit, ids: _Ids, date: str) -> None:
    runs = _isolate(paragraph, edit.start, edit.end)
    if not runs:
        return
    style = runs[0].find(qn("w:rPr"))
    # Group runs by parent (a change may span a hyperlink's runs and plain ones).
    groups: list[list[etree._Element]] = []
    for run in runs:
        if groups and groups[-1][-1].getparent() is run.getparent() and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    last_deleted = None
    for group in groups:
        deleted = _revision("w:del", ids, date)
        group[0].addprevious(deleted)
        for run in group:
            deleted.append(run)
            for node in run.iter(qn("w:t")):
                node.tag = qn("w:delText")
                node.set(_XML_SPACE, "preserve")
        last_deleted = deleted
    if edit.new and last_deleted is not None:
        inserted = _revision("w:ins", ids, date)
        run = etree.SubElement(inserted, qn("w:r"))
        if style is not None:
            run.append(deepcopy(style))
        text = etree.SubElement(run, qn("w:t"))
        text.text = edit.new
        text.set(_XML_SPACE, "preserve")
        last_deleted.addnext(inserted)


def revise(document: WordDocument, paragraphs: Sequence[Paragraph], edits: Iterable[Edit], notes: Iterable[Note]) -> bytes:
    """Apply edits as tracked changes and notes as comments; return the new .docx bytes."""
    body = document.element.body
    ids = _Ids(body)
    date = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    # Comments first (their runs are found in the unchanged text), then edits right to left
    # within each paragraph, so earlier offsets stay valid.
    for note in notes:
        paragraph = paragraphs[note.paragraph]
        runs = _isolate(paragraph._p, note.start, note.end)
        if runs:
            document.add_comment([Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=note.text, author=AUTHOR, initials=INITIALS)
    for edit in sorted(edits, key=lambda e: (e.paragraph, -e.start)):
        _track(paragraphs[edit.paragraph]._p, edit, ids, date)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def note_text(flag: Flag) -> str:
    """What a comment says: what is wrong, what to write instead, and what the term means."""
    parts = [flag.message]
    if flag.explanation and flag.explanation not in flag.message:
        parts.append(flag.explanation)
    return " ".join(parts)
