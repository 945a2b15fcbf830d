"""Word documents: body paragraphs, headings, lists and table cells in reading order."""

from __future__ import annotations

import io
from typing import Iterator

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import InputError
from ..settings import Settings
from .base import Document
from .safety import open_docx_zip
from .word_text import paragraph_pieces

__all__ = ["iter_paragraphs", "open_word", "read_docx", "word_paragraphs"]

#: Paragraphs are joined with a blank line, so each ends a sentence.
PARAGRAPH_BREAK = "\n\n"


def iter_paragraphs(document: WordDocument) -> Iterator[Paragraph]:
    """Body paragraphs in reading order, table cells row by row (nested tables too)."""

    def walk(parent, element) -> Iterator[Paragraph]:  # type: ignore[no-untyped-def]
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, parent)
            elif child.tag == qn("w:tbl"):
                table = Table(child, parent)
                for row in table.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell, cell._tc)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(parent, content)

    yield from walk(document, document.element.body)


def read_docx(data: bytes, name: str | None, settings: Settings) -> Document:
    document = open_word(data, name, settings)
    text, starts, _ = word_paragraphs(document)
    if not starts:
        raise InputError("the Word document has no text", source=name, code="empty")
    return Document(text, "docx", name, paragraph_starts=starts)


def open_word(data: bytes, name: str | None, settings: Settings) -> WordDocument:
    """python-docx's document, after the safety checks; every failure is a clear InputError."""
    open_docx_zip(data, name, settings)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types on damaged parts
        raise InputError("the Word file is damaged and cannot be read", source=name, code="corrupt-docx") from error


def word_paragraphs(document: WordDocument) -> tuple[str, list[int], list[Paragraph]]:
    """The analysed text (non-empty paragraphs joined by a blank line), where each starts, and each."""
    texts: list[str] = []
    starts: list[int] = []
    kept: list[Paragraph] = []
    position = 0
    for paragraph in iter_paragraphs(document):
        text, _ = paragraph_pieces(paragraph._p)
        if not text.strip():
            continue
        starts.append(position)
        texts.append(text)
        kept.append(paragraph)
        position += len(text) + len(PARAGRAPH_BREAK)
    return PARAGRAPH_BREAK.join(texts), starts, kept
