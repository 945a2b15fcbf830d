"""/healthz and the /v1 JSON API: analyze, rewrite, easy-read, rules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from fastapi.concurrency import run_in_threadpool

from ..documents import DOCX_MEDIA_TYPE
from ..easy_read import build_easy_read
from ..errors import InputError
from ..pictures import PictureBank
from ..pipeline import analyse_document
from ..rewrite import Choice, rewrite_report
from ..rulebook import RuleBook
from ..rulesets.loader import LoadedRule
from ..settings import Settings
from ..word_review import tracked_docx
from .deps import get_app_settings, get_book, get_pictures
from .inputs import read_request
from .schemas import TEXT_OR_FILE

__all__ = ["router", "rule_summary"]

router = APIRouter()


@router.get("/healthz", tags=["service"])
def healthz(request: Request, book: RuleBook = Depends(get_book)) -> dict[str, Any]:
    """Up, with how many rules; `warm` once live captions run at full speed."""
    warm = book.matcher.warmed and request.app.state.whisper.whisperers.ready
    return {"status": "ok", "rules": len(book.rules), "warm": warm}


@router.post("/v1/analyze", tags=["analysis"], openapi_extra=TEXT_OR_FILE)
async def analyze(request: Request, book: RuleBook = Depends(get_book), settings: Settings = Depends(get_app_settings)) -> dict[str, Any]:
    """Score a document and flag what makes it hard to read."""
    given = await read_request(request, settings)
    report = await run_in_threadpool(analyse_document, given.document, profile=given.profile, book=book, allow=given.allow)
    return report.to_dict()


@router.post("/v1/rewrite", tags=["analysis"], openapi_extra=TEXT_OR_FILE)
async def rewrite(request: Request, book: RuleBook = Depends(get_book), settings: Settings = Depends(get_app_settings)) -> Any:
    """Apply every safe suggestion (mode=safe), every first suggestion (mode=all), or those in `accept`.

    A .docx upload comes back as a .docx with each change as a Word tracked change.
    """
    given = await read_request(request, settings)
    if given.document.format == "docx" and given.upload is not None:
        name = given.document.name or "document.docx"
        data, _ = await run_in_threadpool(tracked_docx, given.upload, name, book=book, profile=given.profile, mode=given.mode)
        stem = name.rsplit(".", 1)[0]
        return Response(
            data,
            media_type=DOCX_MEDIA_TYPE,
            headers={"content-disposition": f'attachment; filename="{_safe_filename(stem)}.plain.docx"'},
        )
    report = await run_in_threadpool(analyse_document, given.document, profile=given.profile, book=book, allow=given.allow)
    choices = [Choice(c.start, c.end, c.rule_id, c.suggestion) for c in given.accept] if given.accept is not None else None
    result = rewrite_report(report, given.mode, choices)
    return {
        "text": result.text,
        "changes": [change_dict(c) for c in result.changes],
        "format": report.source.format,
    }


@router.post("/v1/easy-read", tags=["analysis"], openapi_extra=TEXT_OR_FILE)
async def easy_read(
    request: Request,
    book: RuleBook = Depends(get_book),
    settings: Settings = Depends(get_app_settings),
    bank: PictureBank = Depends(get_pictures),
) -> dict[str, Any]:
    """A first Easy Read draft: plain wording, one sentence a line, a picture each, hard words explained."""
    given = await read_request(request, settings)
    document = await run_in_threadpool(build_easy_read, given.document.text, book, bank)
    return {
        "limit": document.limit,
        "lines": [
            {
                "text": line.text,
                "bold": [list(span) for span in line.bold],
                "words": line.words,
                "too_long": line.too_long,
                "picture": {"key": line.picture.key, "label": line.picture.label, "emoji": line.picture.emoji, "image": line.picture.image},
            }
            for line in document.lines
        ],
        "hard_words": [{"term": h.term, "explanation": h.explanation} for h in document.hard_words],
    }


def _safe_filename(stem: str) -> str:
    """A file name fit for a header: letters, digits, dashes and dots only."""
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in stem)[:80] or "document"


def change_dict(change: Any) -> dict[str, Any]:
    return {
        "rule_id": change.rule_id,
        "start": change.start,
        "end": change.end,
        "new_start": change.new_start,
        "new_end": change.new_end,
        "old": change.old,
        "new": change.new,
    }


def rule_summary(loaded: LoadedRule) -> dict[str, Any]:
    rule = loaded.rule
    return {
        "id": loaded.id,
        "set": loaded.set,
        "category": loaded.category,
        "kind": loaded.kind,
        "type": rule.kind_name,
        "triggers": list(rule.match.triggers()) if rule.match else ([rule.acronym] if rule.acronym else []),
        "pos": rule.match.pos if rule.match else None,
        "replace": list(rule.replace),
        "expansion": rule.expansion,
        "gloss": rule.gloss,
        "explain": rule.explain,
        "message": rule.message,
        "severity": loaded.severity,
        "safe": loaded.safe,
        "sources": list(loaded.sources),
        "well_known": rule.well_known,
    }


@router.get("/v1/rules", tags=["rules"])
def list_rules(set: str | None = None, prefix: str | None = None, book: RuleBook = Depends(get_book)) -> dict[str, Any]:
    """Every loaded rule, optionally only one set or an id prefix."""
    rules = [r for r in book.rules if (set is None or r.set == set) and (prefix is None or r.id.startswith(prefix))]
    return {"count": len(rules), "rules": [rule_summary(r) for r in rules]}


@router.get("/v1/rules/{rule_id}", tags=["rules"])
def show_rule(rule_id: str, book: RuleBook = Depends(get_book)) -> dict[str, Any]:
    loaded = book.by_id.get(rule_id)
    if loaded is None:
        raise InputError(f"no rule with id {rule_id!r}", status=404, code="unknown-rule")
    summary = rule_summary(loaded)
    summary["examples"] = loaded.rule.examples.model_dump(by_alias=True)
    return summary
