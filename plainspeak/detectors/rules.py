"""Flags from the rule sets: jargon, wordy phrases, plain words, nominalisations, Easy Read."""

from __future__ import annotations

import re
from typing import Iterator

import inflect
from spacy.tokens import Span, Token

from ..rulesets.inflection import american, fit_case, inflect_replacement
from ..rulesets.matcher import CompiledRule, Hit
from ..types import Flag
from .base import Context, detector, flag_for

__all__ = ["fitted_span", "rule_flags"]

_ARTICLE = re.compile(r"\b(a|an)(\s+)$", re.IGNORECASE)
#: What follows a deleted opening phrase: any opening quotes or brackets, then a word.
_NEXT_WORD = re.compile(r"([\"'“‘(\[]*)(\w+)")
_INFLECT = inflect.engine()


def _with_article(article: str, space: str, replacement: str) -> str:
    wanted = _INFLECT.a(replacement).split(" ", 1)[0]  # "a" or "an"
    return fit_case(article, wanted) + space + replacement


def fitted_span(span: Span, replacement: str, text: str) -> tuple[int, int, str]:
    """Widen a replacement so the text around it stays right: a/an, deleted spaces, capitals.

    Returns the character span to replace and the text to put there.
    """
    start, end = span.start_char, span.end_char
    if not replacement:
        # Delete the words and one space; if they opened a sentence, capitalise what follows.
        starts_sentence = _opens_sentence(span) and text[start : start + 1].isupper()
        if end < len(text) and text[end] == " ":
            end += 1
        elif start > 0 and text[start - 1] == " ":
            start -= 1
        word = _NEXT_WORD.match(text, end)
        if starts_sentence and word and word.group(2)[:1].islower():
            opener, first = word.group(1), word.group(2)
            return start, word.end(), opener + first[0].upper() + first[1:]
        return start, end, ""
    article = _ARTICLE.search(text, max(0, start - 5), start)
    if article and article.end() == start and _is_article(_previous_word(span)):
        fixed = _with_article(article.group(1), article.group(2), replacement)
        if fixed.split(" ", 1)[0].lower() != article.group(1).lower() or fixed.lower().startswith("an other "):
            return article.start(), end, _another(fixed)
    return start, end, replacement


def _previous_word(span: Span) -> Token:
    doc, i = span.doc, span.start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    return doc[i]


def _opens_sentence(span: Span) -> bool:
    """The span starts its sentence, perhaps after an opening bracket or quote."""
    sentence_start = span[0].sent.start
    return all(t.is_punct or t.is_space for t in span.doc[sentence_start : span.start])


def _is_article(token: Token) -> bool:
    """"a" or "an", or "A"/"An" opening a sentence; "Appendix A" is a label, not an article."""
    return token.text in ("a", "an") or (token.text in ("A", "An", "AN") and token.is_sent_start)


def _another(text: str) -> str:
    """English writes "an other" as one word."""
    if text[:9].lower() == "an other ":
        return text[0] + "nother " + text[9:]
    return text


def _message(loaded_rule: CompiledRule, text: str, suggestions: tuple[str, ...]) -> str:
    rule = loaded_rule.loaded.rule
    if rule.message:
        return rule.message
    if suggestions and suggestions[0]:
        options = " or ".join(f"'{s}'" for s in suggestions[:3])
        return f"'{text}' is hard to read. Try {options}."
    if suggestions:
        return f"'{text}' adds words without adding meaning. Leave it out."
    return f"'{text}' may not be clear to everyone. It means: {rule.gloss}."


def _flag(ctx: Context, hit: Hit) -> Flag:
    doc = ctx.doc
    span: Span = doc[hit.start : hit.end]
    loaded = hit.rule.loaded
    fitted = []
    for shape in ctx.book.matcher.shapes(hit.rule):
        words = inflect_replacement(shape, hit.tags, ctx.book.british, ctx.book.british_forms)
        words = fit_case(span.text, words)
        if not ctx.book.british:
            words = american(words, ctx.book.spelling)
        fitted.append(words)
    # Suggestions share one span: the union of what each needs (a/an, a deleted space).
    text = ctx.text
    pieces = [fitted_span(span, words, text) for words in fitted]
    start = min([span.start_char, *(p[0] for p in pieces)])
    end = max([span.end_char, *(p[1] for p in pieces)])
    suggestions = [text[start:s] + words + text[e:end] for s, e, words in pieces]
    rule = loaded.rule
    return flag_for(
        text,
        start,
        end,
        kind=loaded.kind,
        rule_id=loaded.id,
        message=_message(hit.rule, span.text, tuple(fitted)),
        suggestions=tuple(suggestions),
        severity=loaded.severity,  # type: ignore[arg-type]
        safe=loaded.safe and bool(suggestions),
        explanation=rule.explain or rule.gloss,
        sources=loaded.sources,
    )


def rule_flags(ctx: Context) -> Iterator[Flag]:
    def keep(rule: CompiledRule, span: Span) -> bool:
        loaded = rule.loaded
        return ctx.set_active(loaded.set) and ctx.book.enabled(loaded.id) and not ctx.blocked(span)

    for hit in ctx.book.matcher.find(ctx.doc, keep):
        yield _flag(ctx, hit)


detector("rules")(rule_flags)
