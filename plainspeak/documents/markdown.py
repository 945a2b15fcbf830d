"""Markdown: analyse the prose, point flags at the source.

markdown-it-py finds the blocks (code, HTML, rules); inside prose lines the markup
characters are blanked to spaces, so the analysed text has the same length as the source
and every offset into it is an offset into the file the officer wrote.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from .base import Document

__all__ = ["read_markdown"]

_PARSER = MarkdownIt("commonmark").enable("table")
_OPAQUE_BLOCKS = frozenset({"fence", "code_block", "html_block", "hr"})

# Markup inside a prose line; each match is blanked. Groups named `keep` stay visible.
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)[^`].*?(?P=ticks))"  # inline code
    r"|(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"  # images, alt text and all
    r"|(?P<link_end>\]\([^)\n]*\))"  # the (url "title") part of a link
    r"|(?P<autolink><(?:https?://|mailto:)[^>\s]+>)"
    r"|(?P<tag></?[A-Za-z][^>\n]*>)"  # inline HTML tags
    r"|(?P<open_bracket>\[(?=[^\]\n]*\]\())"  # the [ that opens a link
    r"|(?P<escape>\\(?=[^\w\s]))"
    r"|(?P<emphasis>\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~)"
)
_LINE_START = re.compile(r"^(?P<quote>\s{0,3}(?:>\s?)+)|^(?P<heading>\s{0,3}#{1,6}(?=\s|$))")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_LIST_MARKER = re.compile(r"^\s*(?:[-+]|\d{1,9}[.)])\s")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _mask_line(chars: list[str], offset: int, line: str, protected: list[tuple[int, int]]) -> None:
    if _TABLE_RULE.match(line) or _SETEXT.match(line) or _REFERENCE.match(line):
        _blank(chars, offset, offset + len(line))
        return
    start_match = _LINE_START.match(line)
    if start_match:
        _blank(chars, offset + start_match.start(), offset + start_match.end())
    # Keep "-", "+" and "1." list markers: they end the previous line's sentence.
    list_marker = _LIST_MARKER.match(line)
    skip_to = list_marker.end() if list_marker else 0
    for match in _INLINE.finditer(line):
        if match.start() < skip_to:
            continue
        start, end = offset + match.start(), offset + match.end()
        if match.lastgroup in ("code", "image", "autolink", "link_end"):
            protected.append((start, end))
        _blank(chars, start, end)
    for i, c in enumerate(line):
        if c == "|":
            chars[offset + i] = " "
    heading_close = re.search(r"\s#+\s*$", line) if start_match and start_match.group("heading") else None
    if heading_close:
        _blank(chars, offset + heading_close.start(), offset + len(line))


def read_markdown(text: str, name: str | None = None) -> Document:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    opaque: set[int] = set()
    for token in _PARSER.parse(text):
        if token.type in _OPAQUE_BLOCKS and token.map:
            opaque.update(range(token.map[0], token.map[1]))
    chars = list(text)
    protected: list[tuple[int, int]] = []
    for number, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if number in opaque:
            _blank(chars, starts[number], starts[number] + len(body))
            protected.append((starts[number], starts[number] + len(body)))
        else:
            _mask_line(chars, starts[number], body, protected)
    return Document(text, "markdown", name, analysed="".join(chars), protected=protected)
