"""HTML pages: the draft checker and the Easy Read view. Thin: the core does the work."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.datastructures import FormData

from ..documents import DOCX_MEDIA_TYPE, Document
from ..documents.easy_read_docx import ExportLine, easy_read_docx
from ..easy_read import EasyReadDocument, build_easy_read
from ..errors import InputError, PlainspeakError
from ..pictures import PictureBank
from ..pipeline import analyse_document
from ..profiles import load_profiles
from ..rewrite import rewrite_report
from ..rulebook import RuleBook
from ..settings import Settings
from .deps import get_app_settings, get_book, get_pictures
from .inputs import RequestInput, read_request
from .templating import templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
MAX_EXPORT_LINES = 2000


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    base = {"profiles": load_profiles(), "today": date.today().isoformat()}
    return templates().TemplateResponse(request, name, {**base, **context}, status_code=status)


def _report_context(given: RequestInput, book: RuleBook) -> dict[str, Any]:
    report = analyse_document(given.document, profile=given.profile, book=book)
    return {"report": report.to_dict(), "text": report.text, "profile": given.profile, "format": report.source.format}


@router.get("/", response_class=HTMLResponse)
def checker(request: Request) -> HTMLResponse:
    return _page(request, "checker.html", {"text": "", "profile": "general", "report": None})


@router.post("/", response_class=HTMLResponse)
async def checker_post(
    request: Request, book: RuleBook = Depends(get_book), settings: Settings = Depends(get_app_settings)
) -> HTMLResponse:
    """The checker without JavaScript: a form post renders the report on the server."""
    try:
        given = await read_request(request, settings)
        if given.action == "apply-safe":
            report = await run_in_threadpool(analyse_document, given.document, profile=given.profile, book=book)
            given.document = Document(rewrite_report(report, "safe").text, given.document.format)
        context = await run_in_threadpool(_report_context, given, book)
    except PlainspeakError as error:
        return _page(request, "checker.html", {"text": "", "profile": "general", "report": None, "error": error.message}, error.status)
    return _page(request, "checker.html", context)


@router.post("/partials/report", response_class=HTMLResponse)
async def report_partial(
    request: Request, book: RuleBook = Depends(get_book), settings: Settings = Depends(get_app_settings)
) -> HTMLResponse:
    """The results panel alone, for the page's script to swap in as the user types."""
    try:
        given = await read_request(request, settings)
        context = await run_in_threadpool(_report_context, given, book)
    except PlainspeakError as error:
        if error.code == "empty":
            return _page(request, "_results.html", {"report": None})
        return _page(request, "_results.html", {"report": None, "error": error.message}, error.status)
    return _page(request, "_results.html", context)


@router.post("/report")
async def report_download(
    request: Request, book: RuleBook = Depends(get_book), settings: Settings = Depends(get_app_settings)
) -> Response:
    """The report as one standalone HTML file (styles inline, no scripts)."""
    try:
        given = await read_request(request, settings)
        context = await run_in_threadpool(_report_context, given, book)
    except PlainspeakError as error:
        return _page(request, "checker.html", {"text": "", "profile": "general", "report": None, "error": error.message}, error.status)
    page = _page(request, "report_standalone.html", context)
    page.headers["content-disposition"] = 'attachment; filename="plainspeak-report.html"'
    return page


@router.get("/easy-read", response_class=HTMLResponse)
def easy_read_form(request: Request) -> HTMLResponse:
    return _page(request, "easy_read.html", {"document": None, "text": ""})


def _easy_read_context(text: str, book: RuleBook, bank: PictureBank) -> dict[str, Any]:
    document: EasyReadDocument = build_easy_read(text, book, bank)
    return {"document": document, "text": text, "choices": list(bank.choices.values())}


@router.post("/easy-read", response_class=HTMLResponse)
async def easy_read_post(
    request: Request,
    book: RuleBook = Depends(get_book),
    settings: Settings = Depends(get_app_settings),
    bank: PictureBank = Depends(get_pictures),
) -> HTMLResponse:
    try:
        given = await read_request(request, settings)
        context = await run_in_threadpool(_easy_read_context, given.document.text, book, bank)
    except PlainspeakError as error:
        return _page(request, "easy_read.html", {"document": None, "text": "", "error": error.message}, error.status)
    return _page(request, "easy_read.html", context)


def _export_fields(form: FormData, bank: PictureBank) -> tuple[list[ExportLine], list[tuple[str, str]], str | None]:
    lines = [str(v) for v in form.getlist("line")]
    keys = [str(v) for v in form.getlist("picture")]
    if not lines:
        raise InputError("there are no lines to export", code="empty")
    if len(lines) > MAX_EXPORT_LINES or len(keys) != len(lines):
        raise InputError("the export form is not valid: each line needs one picture", code="bad-request")
    terms = [str(v) for v in form.getlist("term")]
    meanings = [str(v) for v in form.getlist("meaning")]
    title = str(form.get("title") or "").strip() or None
    return [ExportLine(t, bank.get(k)) for t, k in zip(lines, keys)], list(zip(terms, meanings)), title


@router.post("/easy-read/docx")
async def easy_read_export(request: Request, bank: PictureBank = Depends(get_pictures)) -> Response:
    """Download as Word: the lines as edited, with the pictures chosen."""
    try:
        async with request.form(max_fields=3 * MAX_EXPORT_LINES + 10) as form:
            lines, hard_words, title = _export_fields(form, bank)
    except PlainspeakError as error:
        return _page(request, "easy_read.html", {"document": None, "text": "", "error": error.message}, error.status)
    data = await run_in_threadpool(easy_read_docx, lines, hard_words, bank, title)
    return Response(
        data,
        media_type=DOCX_MEDIA_TYPE,
        headers={"content-disposition": 'attachment; filename="easy-read.docx"'},
    )


@router.get("/pictures/{name}")
def picture(name: str, bank: PictureBank = Depends(get_pictures)) -> Response:
    """An image from the organisation's own picture folder."""
    path = bank.image_path(name)
    if path is None:
        raise InputError("no such picture", status=404, code="not-found")
    return FileResponse(path)
