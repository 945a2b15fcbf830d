"""A first Easy Read draft: plain wording, one sentence a line, a picture each, hard words explained."""

from __future__ import annotations

from dataclasses import dataclass

from .nlp import parse
from .pictures import Picture, PictureBank
from .pipeline import analyse, analyse_doc
from .profiles import get_profile
from .readability import count_sentence
from .rewrite import rewrite_report
from .rulebook import RuleBook
from .types import Flag, Report

__all__ = ["EasyReadDocument", "EasyReadLine", "HardWord", "build_easy_read", "glossary_flags"]

#: Kinds whose explained terms go in the "Hard words" box and are shown in bold.
GLOSSARY_KINDS = frozenset({"jargon", "acronym", "hard-word"})
PROFILE = "easy-read"


@dataclass(frozen=True, slots=True)
class HardWord:
    term: str
    explanation: str


@dataclass(frozen=True, slots=True)
class EasyReadLine:
    text: str
    #: Glossary terms in `text`, as (start, end) offsets, shown in bold.
    bold: tuple[tuple[int, int], ...]
    words: int
    #: Over the Easy Read sentence limit: mark it for splitting.
    too_long: bool
    picture: Picture

    @property
    def marked(self) -> str:
        """The line with **double asterisks** around each hard word, for editing and export."""
        out, cursor = [], 0
        for start, end in self.bold:
            out += [self.text[cursor:start], "**", self.text[start:end], "**"]
            cursor = end
        return "".join(out) + self.text[cursor:]


@dataclass(frozen=True, slots=True)
class EasyReadDocument:
    lines: tuple[EasyReadLine, ...]
    hard_words: tuple[HardWord, ...]
    limit: int


def glossary_flags(report: Report) -> list[Flag]:
    """Flags on terms the rules can explain: they go in bold, with their meaning in the box."""
    return [f for f in report.flags if f.kind in GLOSSARY_KINDS and f.explanation]


def _explanation(flag: Flag) -> str:
    if flag.kind == "acronym" and flag.suggestions:
        return f"{flag.suggestions[0].rsplit(' (', 1)[0]}. {flag.explanation}"
    return flag.explanation or ""


def _collapse(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line: runs of whitespace become one space, and the spans move with the text."""
    out: list[str] = []
    where: list[int] = []  # new offset of each old offset
    previous_space = False
    for char in text:
        where.append(len(out))
        if char.isspace():
            if not previous_space:
                out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
    where.append(len(out))
    return "".join(out), tuple((where[a], where[b]) for a, b in spans)


def build_easy_read(text: str, book: RuleBook, pictures: PictureBank, *, profile: str = PROFILE) -> EasyReadDocument:
    """Apply the safe swaps, then lay the result out one sentence a line."""
    chosen = get_profile(profile)
    plain = rewrite_report(analyse(text, profile=profile, book=book), "safe").text
    doc = parse(plain)
    report = analyse_doc(doc, chosen, book)
    terms = glossary_flags(report)
    hard_words: dict[str, HardWord] = {}
    for flag in terms:
        hard_words.setdefault(flag.text.lower(), HardWord(flag.text, _explanation(flag)))
    lines: list[EasyReadLine] = []
    for sentence, span in zip(report.sentences, (s for s in doc.sents if count_sentence(s.text).words)):
        raw = plain[sentence.start : sentence.end]
        start = sentence.start + len(raw) - len(raw.lstrip())
        body = raw.strip()
        inside = [(f.start - start, f.end - start) for f in terms if f.start >= start and f.end <= start + len(body)]
        line, bold = _collapse(body, inside)
        lemmas = [t.lemma_ for t in span if t.is_alpha and not t.is_stop] + [t.lower_ for t in span if t.is_alpha]
        words = sentence.scores.words
        lines.append(EasyReadLine(line, bold, words, words > chosen.long_sentence_words, pictures.for_words(lemmas)))
    return EasyReadDocument(tuple(lines), tuple(hard_words.values()), chosen.long_sentence_words)
