"""Readers: bytes in, a `Document` out, whose text the analysis indexes into."""

from __future__ import annotations

from .base import FORMATS, Document, read_document

__all__ = ["FORMATS", "Document", "read_document"]
