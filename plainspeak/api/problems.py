"""Errors as RFC 9457 `application/problem+json`, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import PlainspeakError

__all__ = ["install_problem_handlers", "problem"]

log = logging.getLogger("plainspeak.api")
MEDIA_TYPE = "application/problem+json"


def problem(status: int, title: str, detail: str, code: str = "about:blank") -> JSONResponse:
    body = {"type": code if code == "about:blank" else f"https://plainspeak.invalid/problems/{code}", "title": title, "status": status, "detail": detail}
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


def _validation_detail(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body")
        parts.append(f"{where}: {item.get('msg')}" if where else str(item.get("msg")))
    return "; ".join(parts) or "the request is not valid"


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(PlainspeakError)
    async def _plainspeak(_: Request, error: PlainspeakError) -> JSONResponse:
        log.info("refused status=%d code=%s", error.status, error.code)
        return problem(error.status, error.code.replace("-", " ").capitalize(), str(error), error.code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        return problem(422, "Invalid request", _validation_detail(error), "invalid-request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, error: StarletteHTTPException) -> JSONResponse:
        return problem(error.status_code, "Request refused", str(error.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, error: Exception) -> JSONResponse:
        log.error("unexpected error type=%s", type(error).__name__)
        return problem(500, "Internal error", "something went wrong on our side; the document was not stored", "internal")
