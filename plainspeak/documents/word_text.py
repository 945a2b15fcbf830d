"""The visible text of a Word paragraph, and where each character lives in its runs.

python-docx's `paragraph.text` skips runs inside hyperlinks in some versions and knows
nothing of tracked changes; revisions and comments need to know exactly which run and
which text node hold each character, so the reader and the writers share this one map.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

__all__ = ["Piece", "paragraph_pieces"]

_R = qn("w:r")
_T = qn("w:t")
_HIDDEN_PARENTS = frozenset({qn("w:del"), qn("w:moveFrom")})
#: Run children that show as characters.
_CHARACTERS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}


@dataclass(frozen=True, slots=True)
class Piece:
    """One text node of one run, at [start, end) in the paragraph's text."""

    run: etree._Element
    node: etree._Element
    start: int
    end: int

    @property
    def is_text(self) -> bool:
        return self.node.tag == _T


def _visible(run: etree._Element, paragraph: etree._Element) -> bool:
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _HIDDEN_PARENTS:
            return False
        parent = parent.getparent()
    return True


def paragraph_pieces(paragraph: etree._Element) -> tuple[str, list[Piece]]:
    """The paragraph's text as Word shows it (deleted revisions left out) and its pieces."""
    parts: list[str] = []
    pieces: list[Piece] = []
    position = 0
    for run in paragraph.iter(_R):
        if not _visible(run, paragraph):
            continue
        for node in run:
            if node.tag not in _CHARACTERS:
                continue
            text = node.text or "" if node.tag == _T else _CHARACTERS[node.tag]
            if not text:
                continue
            pieces.append(Piece(run, node, position, position + len(text)))
            parts.append(text)
            position += len(text)
    return "".join(parts), pieces
