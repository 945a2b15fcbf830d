"""Write an Easy Read document as Word: a two-column table, picture left, text right."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..pictures import Picture, PictureBank

__all__ = ["ExportLine", "easy_read_docx", "marked_segments"]

FONT = "Arial"
TEXT_SIZE = Pt(16)
PICTURE_SIZE = Pt(40)
EMOJI_FONT = "Noto Color Emoji"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True, slots=True)
class ExportLine:
    #: The line's words; **double asterisks** mark a hard word shown in bold.
    text: str
    picture: Picture


def marked_segments(text: str) -> list[tuple[str, bool]]:
    """'Ask the **ICB**.' -> [('Ask the ', False), ('ICB', True), ('.', False)]."""
    segments: list[tuple[str, bool]] = []
    cursor = 0
    for match in _BOLD.finditer(text):
        if match.start() > cursor:
            segments.append((text[cursor : match.start()], False))
        segments.append((match.group(1), True))
        cursor = match.end()
    if cursor < len(text):
        segments.append((text[cursor:], False))
    return segments


def _style(run, size: Pt, font: str = FONT) -> None:  # type: ignore[no-untyped-def]
    run.font.size = size
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _add_picture(paragraph, path: Path) -> bool:  # type: ignore[no-untyped-def]
    """Add an organisation's picture; False when python-docx cannot read the file."""
    try:
        paragraph.add_run().add_picture(str(path), width=Cm(3))
    except Exception:  # python-docx raises assorted errors on damaged or unknown images
        return False
    return True


def easy_read_docx(lines: Sequence[ExportLine], hard_words: Sequence[tuple[str, str]], bank: PictureBank, title: str | None = None) -> bytes:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = TEXT_SIZE
    normal.paragraph_format.line_spacing = 1.5
    if title:
        heading = document.add_paragraph()
        _style(heading.add_run(title), Pt(24))
        heading.runs[0].bold = True
    table = document.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for line in lines:
        picture_cell, text_cell = table.add_row().cells
        picture_cell.width, text_cell.width = Cm(4), Cm(12)
        holder = picture_cell.paragraphs[0]
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        path = bank.image_path(line.picture.image) if line.picture.image else None
        if path is None or not _add_picture(holder, path):
            _style(holder.add_run(line.picture.emoji or line.picture.label), PICTURE_SIZE if line.picture.emoji else TEXT_SIZE, EMOJI_FONT if line.picture.emoji else FONT)
        paragraph = text_cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for segment, bold in marked_segments(line.text):
            run = paragraph.add_run(segment)
            run.bold = bold
            _style(run, TEXT_SIZE)
    if hard_words:
        heading = document.add_paragraph()
        heading.paragraph_format.space_before = Pt(24)
        run = heading.add_run("Hard words")
        run.bold = True
        _style(run, Pt(20))
        for term, meaning in hard_words:
            paragraph = document.add_paragraph()
            strong = paragraph.add_run(term)
            strong.bold = True
            _style(strong, TEXT_SIZE)
            _style(paragraph.add_run(f": {meaning}"), TEXT_SIZE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
