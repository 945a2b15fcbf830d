"""Word files built in the tests: realistic ones, and hostile ones."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.shared import Pt


def word_document(paragraphs: list[str], *, heading: str | None = None, table: list[list[str]] | None = None, bullets: list[str] | None = None) -> bytes:
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    for item in bullets or []:
        document.add_paragraph(item, style="List Bullet")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def mixed_formatting_document() -> bytes:
    """One sentence whose jargon word is half bold: "stake" bold, "holders" plain."""
    document = docx.Document()
    paragraph = document.add_paragraph("We met our ")
    bold = paragraph.add_run("stake")
    bold.bold = True
    paragraph.add_run("holders and will utilise ")
    big = paragraph.add_run("their views")
    big.font.size = Pt(14)
    paragraph.add_run(".")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, *, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """A copy of a .docx with some parts replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = (replace or {}).get(item.filename, source.read(item))
            target.writestr(item, body)
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def zip_bomb(data: bytes) -> bytes:
    """A valid .docx plus a part that inflates 1,000-fold: 300 MB of zeros."""
    out = io.BytesIO(rezip(data))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as target:
        target.writestr("word/media/padding.bin", b"\0" * (300 * 1024 * 1024))
    return out.getvalue()


def with_external_entity(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    evil = source.replace(
        b"<w:document",
        b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<w:document',
        1,
    )
    return rezip(data, replace={"word/document.xml": evil})


def with_macros(data: bytes) -> bytes:
    return rezip(data, add={"word/vbaProject.bin": b"\x00macro"})


#: What an encrypted Office file starts with (an OLE compound file header).
ENCRYPTED_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def tiny_png() -> bytes:
    """A valid 1x1 PNG, built by hand so the tests need no imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x1d\x4f\x91")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


FOOTNOTES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    b'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    b'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Officers will utilise the 2024 survey figures.</w:t></w:r></w:p></w:footnote>'
    b"</w:footnotes>"
)


def rich_document() -> bytes:
    """A council paper with the things officers put in Word: all written for these tests."""
    import docx.shared

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Draft for Cabinet: do not utilise outside the council"
    document.add_heading("Library services review", level=1)
    plain = document.add_paragraph("This paragraph has nothing to change in it at all.")
    plain.add_run(" It stays exactly as it was.").italic = True
    mixed = document.add_paragraph("We will ")
    mixed.add_run("util").bold = True
    mixed.add_run("ise the ")
    mixed.add_run("new hub").italic = True
    mixed.add_run(" in order to help residents.")
    document.add_paragraph("Stakeholders will be consulted prior to any decision.", style="List Bullet")
    document.add_paragraph("Opening hours are set out below.", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Branch"
    table.cell(0, 1).text = "Hours"
    table.cell(1, 0).text = "Central"
    table.cell(1, 1).text = "We will commence at nine."
    document.add_paragraph("A picture of the library follows.")
    document.add_paragraph().add_run().add_picture(io.BytesIO(tiny_png()), width=docx.shared.Cm(1))
    noted = document.add_paragraph("Figures come from the survey")
    reference = noted.add_run()
    reference._r.append(reference._r.makeelement(docx.oxml.ns.qn("w:footnoteReference"), {docx.oxml.ns.qn("w:id"): "1"}))
    noted.add_run(".")
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_footnotes(buffer.getvalue())


def _with_footnotes(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    rels = source.read("word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFootnotes1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    return rezip(data, replace={"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels}, add={"word/footnotes.xml": FOOTNOTES})
