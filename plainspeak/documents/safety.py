"""Treat uploaded Word files as hostile: zip bombs, external entities, macros, encryption."""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from ..settings import Settings

__all__ = ["OLE_MAGIC", "open_docx_zip"]

MAX_ENTRIES = 2_000
#: Encrypted Office files (and old .doc files) are OLE compound files, not zips.
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _refuse(message: str, name: str | None, code: str, status: int = 400) -> InputError:
    return InputError(message, source=name, code=code, status=status)


def open_docx_zip(data: bytes, name: str | None, settings: Settings) -> zipfile.ZipFile:
    """Open the package only after checking it is safe to read."""
    if data.startswith(OLE_MAGIC):
        raise _refuse(
            "this is a password-protected Word document or an old .doc file; remove the password or save it as .docx",
            name,
            "protected-or-legacy",
            415,
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise _refuse("the Word file is damaged or not a .docx file", name, "corrupt-docx") from error
    if len(entries) > MAX_ENTRIES:
        raise _refuse(f"the Word file has {len(entries):,} parts, more than a document needs", name, "zip-bomb", 413)
    total = sum(e.file_size for e in entries)
    compressed = max(1, sum(e.compress_size for e in entries))
    if total > settings.max_docx_uncompressed_bytes or total > settings.max_docx_ratio * max(compressed, len(data)) + 1_000_000:
        raise _refuse("the Word file expands to far more data than a document holds (a zip bomb?)", name, "zip-bomb", 413)
    names = {e.filename for e in entries}
    if any(e.flag_bits & 0x1 for e in entries):
        raise _refuse("the Word file is password-protected; remove the password and try again", name, "protected", 415)
    if "word/document.xml" not in names:
        raise _refuse("the file is a zip archive but not a Word document", name, "corrupt-docx")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise _refuse("the Word file contains macros; save it as a plain .docx without macros", name, "macro-enabled", 415)
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")):
            try:
                head = package.read(entry)
            except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as error:
                raise _refuse("the Word file is damaged", name, "corrupt-docx") from error
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise _refuse("the Word file declares XML entities, which a real document never does", name, "xml-entities")
            if entry.filename == "[Content_Types].xml" and b"macroEnabled" in head:
                raise _refuse("the Word file is macro-enabled; save it as a plain .docx", name, "macro-enabled", 415)
    return package
