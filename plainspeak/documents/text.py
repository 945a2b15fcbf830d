"""Decode bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1252."""

from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: More than this share of control characters means the file is not text.
MAX_CONTROL_SHARE = 0.05


def _binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return "\x00" in sample or controls > MAX_CONTROL_SHARE * max(1, len(sample))


def decode(data: bytes, name: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"the file starts with a {encoding} marker but is not valid {encoding}", source=name, code="bad-encoding") from error
            break
    else:
        if b"\x00" in data[:8192]:
            raise InputError("this looks like a binary file, not text", source=name, code="binary", status=415)
        for encoding in ("utf-8", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError("the text is in an encoding we cannot read; save it as UTF-8", source=name, code="bad-encoding")
    if _binary(text):
        raise InputError("this looks like a binary file, not text", source=name, code="binary", status=415)
    if not text.strip():
        raise InputError("the file is empty", source=name, code="empty")
    return text
