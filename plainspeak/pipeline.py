"""analyse(text) -> Report: the one entry point the API, CLI, web and whisperer call."""

from __future__ import annotations

import logging
import time
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Iterable, Sequence

from spacy.tokens import Doc

from .detectors import DETECTORS, Context, Protected, literal_ranges, quotations
from .documents import Document
from .errors import InputError
from .nlp import parse
from .profiles import Profile, get_profile
from .readability import Counts, count_sentence, scores, sentence_band
from .rulebook import RuleBook, get_rulebook
from .reading_score import text_features
from .types import Factor, Flag, ReadingScore, Report, SentenceScore, SourceInfo

__all__ = ["analyse", "analyse_doc", "analyse_document", "check_text", "find_flags"]

log = logging.getLogger("plainspeak.analysis")

#: Word-level detector flags give way to a rule's flag on the same words.
YIELDS_TO_RULES = frozenset({"detect.hard-word", "detect.nominalisation", "detect.acronym"})


def check_text(text: str, *, limit: int, source: str | None = None) -> None:
    """Refuse text there is nothing to analyse in, or too much of."""
    if not text.strip():
        raise InputError("the document is empty", source=source, code="empty")
    if len(text) > limit:
        raise InputError(
            f"the document has {len(text):,} characters; the limit is {limit:,} (PLAINSPEAK_MAX_TEXT_CHARS)",
            source=source,
            status=413,
            code="too-large",
        )


def find_flags(
    doc: Doc,
    profile: Profile,
    book: RuleBook,
    *,
    protected: list[tuple[int, int]] | None = None,
    allow: Iterable[str] = (),
) -> list[Flag]:
    """Every flag in a parsed document, in text order: no readability, no line numbers."""
    text = doc.text
    literal = literal_ranges(doc, text, protected)
    ctx = Context(
        doc, text, profile, book, Protected.from_ranges(literal + quotations(text)), Protected.from_ranges(literal), frozenset(w.lower() for w in allow)
    )
    return _collect(ctx)


def _collect(ctx: Context) -> list[Flag]:
    flags = list(DETECTORS["rules"](ctx))
    ruled = sorted((f.start, f.end) for f in flags)
    starts = [s for s, _ in ruled]
    longest = max((e - s for s, e in ruled), default=0)

    def under_a_rule(flag: Flag) -> bool:
        # Rule flags starting before this one ends, and late enough to reach it.
        first = bisect_left(starts, flag.start - longest)
        last = bisect_left(starts, flag.end)
        return any(flag.start < e for _, e in ruled[first:last])

    for name in ctx.profile.detectors:
        for flag in DETECTORS[name](ctx):
            if flag.rule_id in YIELDS_TO_RULES and under_a_rule(flag):
                continue
            flags.append(flag)
    flags.sort(key=lambda f: (f.start, f.end, f.rule_id))
    return flags


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _placed(flags: Iterable[Flag], text: str, sentence_starts: Sequence[int], paragraph_starts: Sequence[int] | None) -> list[Flag]:
    lines = _line_starts(text)
    placed = []
    for flag in flags:
        line = bisect_right(lines, flag.start) - 1
        placed.append(
            replace(
                flag,
                sentence=max(0, bisect_right(sentence_starts, flag.start) - 1) if sentence_starts else None,
                line=line + 1,
                column=flag.start - lines[line] + 1,
                paragraph=bisect_right(paragraph_starts, flag.start) - 1 if paragraph_starts else None,
            )
        )
    return placed


def analyse_doc(
    doc: Doc,
    profile: Profile,
    book: RuleBook,
    *,
    source: SourceInfo | None = None,
    protected: list[tuple[int, int]] | None = None,
    allow: Iterable[str] = (),
    paragraph_starts: Sequence[int] | None = None,
) -> Report:
    """The report for an already-parsed document."""
    text = doc.text
    flags = find_flags(doc, profile, book, protected=protected, allow=allow)
    total = Counts()
    sentences: list[SentenceScore] = []
    for span in doc.sents:
        counts = count_sentence(span.text)
        if not counts.words:
            continue
        total = total + counts
        figures = scores(counts)
        sentences.append(SentenceScore(len(sentences), span.start_char, span.end_char, figures, sentence_band(figures, profile)))
    return Report(
        reading=_reading_score(doc, book),
        profile=profile.name,
        target_reading_age=profile.target_reading_age,
        scores=scores(total),
        sentences=tuple(sentences),
        flags=tuple(_placed(flags, text, [s.start for s in sentences], paragraph_starts)),
        text=text,
        source=source or SourceInfo(),
    )


def _reading_score(doc: Doc, book: RuleBook) -> ReadingScore | None:
    values = text_features(doc, book.hard_words)
    if values is None:
        return None
    model = book.reading
    factors = tuple(Factor(name, effect) for name, effect in model.factors(values))
    return ReadingScore(model.ease(values), round(model.easiness(values), 3), factors)


def analyse(
    text: str,
    *,
    profile: str = "general",
    book: RuleBook | None = None,
    source: SourceInfo | None = None,
    protected: list[tuple[int, int]] | None = None,
    allow: Iterable[str] = (),
    paragraph_starts: Sequence[int] | None = None,
) -> Report:
    """Score `text` and flag what makes it hard. Offsets index into `text` itself."""
    book = book or get_rulebook()
    check_text(text, limit=book.settings.max_text_chars, source=source.name if source else None)
    chosen = get_profile(profile)
    began = time.perf_counter()
    report = analyse_doc(
        parse(text), chosen, book, source=source, protected=protected, allow=allow, paragraph_starts=paragraph_starts
    )
    # Sizes, timings and rule ids only: never the text.
    log.info(
        "analysed chars=%d words=%d flags=%d ms=%.1f rules=%s",
        len(text),
        report.scores.words,
        len(report.flags),
        (time.perf_counter() - began) * 1000,
        ",".join(sorted({f.rule_id for f in report.flags})),
    )
    return report


def _onto_source(report: Report, source_text: str) -> Report:
    """Re-point a report on blanked-out markup at the source text it came from.

    A flag whose words cross markup ("in **order** to") keeps its place but is no longer
    safe to apply automatically: its suggestion would drop the markup.
    """
    flags = []
    for flag in report.flags:
        original = source_text[flag.start : flag.end]
        flags.append(flag if original == flag.text else replace(flag, text=original, safe=False))
    return replace(report, flags=tuple(flags), text=source_text)


def analyse_document(
    document: Document, *, profile: str = "general", book: RuleBook | None = None, allow: Iterable[str] = ()
) -> Report:
    """Analyse what a reader produced; offsets index into `document.text`."""
    source = SourceInfo(
        format=document.format,
        name=document.name,
        paragraphs=len(document.paragraph_starts) if document.paragraph_starts is not None else None,
    )
    report = analyse(
        document.analysed or document.text,
        profile=profile,
        book=book,
        source=source,
        protected=document.protected,
        allow=allow,
        paragraph_starts=document.paragraph_starts,
    )
    return _onto_source(report, document.text) if document.analysed is not None else report
