"""Pick a reader by file name and content, and refuse what cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from ..errors import InputError
from ..settings import Settings, get_settings
from .safety import OLE_MAGIC

__all__ = ["DOCX_MEDIA_TYPE", "FORMATS", "Document", "read_document"]

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: File extensions we read, by format.
FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".docx": "docx"}


@dataclass(frozen=True)
class Document:
    """What to analyse. `analysed` has the same length as `text`; markup is blanked out in it."""

    text: str
    format: str
    name: str | None = None
    analysed: str | None = None
    #: Character ranges never flagged (code, link targets).
    protected: list[tuple[int, int]] = field(default_factory=list)
    #: Where each paragraph starts in `text` (Word documents).
    paragraph_starts: list[int] | None = None


def _format_for(data: bytes, name: str | None) -> str:
    suffix = PurePath(name).suffix.lower() if name else ""
    if suffix in (".docm", ".dotm"):
        raise InputError("macro-enabled Word files (.docm) are refused; save the document as .docx", source=name, code="macro-enabled", status=415)
    if suffix == ".doc":
        return "docx"  # an old .doc is refused by the Word reader's checks, with the right message
    if data.startswith(b"%PDF"):
        raise InputError("PDF files are not supported; save the document as .docx or .txt", source=name, code="unsupported", status=415)
    if suffix in FORMATS:
        return FORMATS[suffix]
    if data.startswith((b"PK\x03\x04", OLE_MAGIC)):
        return "docx"
    if suffix and suffix not in FORMATS:
        raise InputError(
            f"files of type {suffix} are not supported; use .txt, .md, .html or .docx", source=name, code="unsupported", status=415
        )
    return "text"


def read_document(data: bytes, name: str | None = None, *, settings: Settings | None = None) -> Document:
    """Read an upload or a file; every failure is an InputError with a one-line message."""
    from . import docx, html, markdown, text  # readers import this module for Document

    settings = settings or get_settings()
    if len(data) > settings.max_upload_bytes:
        raise InputError(
            f"the file is {len(data):,} bytes; the limit is {settings.max_upload_bytes:,} (PLAINSPEAK_MAX_UPLOAD_BYTES)",
            source=name,
            status=413,
            code="too-large",
        )
    if not data.strip():
        raise InputError("the file is empty", source=name, code="empty")
    kind = _format_for(data, name)
    if kind == "docx":
        return docx.read_docx(data, name, settings)
    decoded = text.decode(data, name)
    if kind == "markdown":
        return markdown.read_markdown(decoded, name)
    if kind == "html":
        return html.read_html(decoded, name)
    return Document(decoded, "text", name)
