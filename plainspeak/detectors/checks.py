"""Built-in checks that `check:` rules switch on with options (Easy Read's sentence rules)."""

from __future__ import annotations

from typing import Callable, Iterator

from spacy.tokens import Span

from ..rulesets.loader import LoadedRule
from ..types import Flag
from .base import Context, detector, flag_for
from .sentences import sentence_bounds, word_count

__all__ = ["CHECKS", "check_rules"]

Check = Callable[[Span, dict], "str | None"]

#: Dependencies that start a new clause (an idea) inside a sentence.
CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis"})


def _sentence_length(sentence: Span, options: dict) -> str | None:
    limit = int(options.get("max_words", 15))
    words = word_count(sentence)
    return f"This sentence has {words} words. Keep Easy Read sentences to {limit} words or fewer." if words > limit else None


def _one_idea(sentence: Span, options: dict) -> str | None:
    limit = int(options.get("max_clauses", 1))
    clauses = sum(
        1
        for t in sentence
        if (t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")) or (t.dep_ in CLAUSE_DEPS and t.pos_ in ("VERB", "AUX"))
    )
    return f"This sentence has {clauses} ideas. Give each idea its own sentence." if clauses > limit else None


CHECKS: dict[str, Check] = {"sentence-length": _sentence_length, "one-idea": _one_idea}


def _run(ctx: Context, loaded: LoadedRule) -> Iterator[Flag]:
    check = CHECKS[loaded.rule.check or ""]
    for sentence in ctx.doc.sents:
        problem = check(sentence, dict(loaded.rule.options))
        if problem is None:
            continue
        start, end = sentence_bounds(sentence)
        yield flag_for(
            ctx.text,
            start,
            end,
            kind=loaded.kind,
            rule_id=loaded.id,
            message=loaded.rule.message or problem,
            severity=loaded.severity,  # type: ignore[arg-type]
            explanation=loaded.rule.explain,
            sources=loaded.sources,
        )


@detector("checks")
def check_rules(ctx: Context) -> Iterator[Flag]:
    for loaded in ctx.book.checks:
        if ctx.set_active(loaded.set) and ctx.book.enabled(loaded.id):
            yield from _run(ctx, loaded)
