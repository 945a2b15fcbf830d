"""Readers: bytes in, a `Document` out, whose text the analysis indexes into."""

from __future__ import annotations

from .base import DOCX_MEDIA_TYPE, FORMATS, Document, read_document

__all__ = ["DOCX_MEDIA_TYPE", "FORMATS", "Document", "read_document"]
