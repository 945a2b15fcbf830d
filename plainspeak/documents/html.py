"""HTML: the visible text only, with block elements as paragraph breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .base import Document

__all__ = ["read_html"]

_SPACES = re.compile(r"\s+")
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math", "iframe", "object"})
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
     "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "blockquote", "pre", "figure",
     "figcaption", "hr", "form", "fieldset", "legend", "details", "summary", "address"}
)
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"})


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def _break(self, newlines: str) -> None:
        if self.parts and not self.parts[-1].endswith(newlines):
            self.parts.append(newlines)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden += 1
        elif tag == "br":
            self._break("\n")
        elif tag in _BLOCKS:
            self._break("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # Runs of whitespace in the source are one space when rendered.
            self.parts.append(_SPACES.sub(" ", data))


def read_html(text: str, name: str | None = None) -> Document:
    parser = _Visible()
    parser.feed(text)
    parser.close()
    visible = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in visible.split("\n")]
    cleaned = "\n".join(lines)
    while "\n\n\n" in cleaned:
        cleaned = cleaned.replace("\n\n\n", "\n\n")
    return Document(cleaned.strip() + "\n", "html", name)
