"""Turn a request (JSON text or a multipart upload) into a Document and options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import FormData, UploadFile

from ..documents import Document, read_document
from ..documents.html import read_html
from ..documents.markdown import read_markdown
from ..errors import InputError
from ..settings import Settings

__all__ = ["Choice", "RequestInput", "TextRequest", "read_request"]


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule_id: str
    suggestion: int = Field(default=0, ge=0)


class TextRequest(BaseModel):
    """The JSON body of /v1/analyze, /v1/rewrite and /v1/easy-read."""

    model_config = ConfigDict(extra="forbid")

    text: str
    profile: str = "general"
    format: Literal["text", "markdown", "html"] = "text"
    #: Rewrite only: apply every safe suggestion, or the first suggestion of every flag.
    mode: Literal["safe", "all"] = "safe"
    #: Rewrite only: apply exactly these suggestions instead of a mode.
    accept: list[Choice] | None = None
    #: Words never flagged in this request.
    allow: list[str] = Field(default_factory=list)


@dataclass
class RequestInput:
    document: Document
    profile: str = "general"
    mode: Literal["safe", "all"] = "safe"
    accept: list[Choice] | None = None
    allow: list[str] = field(default_factory=list)
    upload: bytes | None = None
    #: Pages only: what the form's button asked for ("check", "apply-safe").
    action: str = "check"


def _from_text(body: TextRequest, settings: Settings) -> Document:
    if len(body.text) > settings.max_text_chars:
        raise InputError(f"the text has {len(body.text):,} characters; the limit is {settings.max_text_chars:,}", status=413, code="too-large")
    if not body.text.strip():
        raise InputError("the text is empty", code="empty")
    if body.format == "markdown":
        return read_markdown(body.text)
    if body.format == "html":
        return read_html(body.text)
    return Document(body.text, "text")


async def read_request(request: Request, settings: Settings) -> RequestInput:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        try:
            form = await request.form(max_files=1, max_fields=20)
        except Exception as error:  # a malformed multipart body
            raise InputError("the upload could not be read as multipart form data", code="bad-request") from error
        try:
            return await _from_form(form, settings)
        finally:
            await form.close()
    if content_type.startswith("application/json") or not content_type:
        try:
            raw: Any = await request.json()
        except ValueError as error:
            raise InputError("the body is not valid JSON", code="bad-request") from error
        try:
            body = TextRequest.model_validate(raw)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{where}: {first['msg']}" if where else first["msg"], code="invalid-request", status=422) from error
        return RequestInput(_from_text(body, settings), body.profile, body.mode, body.accept, body.allow)
    raise InputError(f"send JSON or multipart/form-data, not {content_type.split(';')[0]}", code="unsupported-media-type", status=415)


async def _from_form(form: FormData, settings: Settings) -> RequestInput:
    upload = form.get("file")
    profile = str(form.get("profile") or "general")
    mode = str(form.get("mode") or "safe")
    action = str(form.get("action") or "check")
    text_format = str(form.get("format") or "text")
    if mode not in ("safe", "all"):
        raise InputError("mode must be 'safe' or 'all'", code="bad-request")
    if text_format not in ("text", "markdown", "html"):
        raise InputError("format must be text, markdown or html", code="bad-request")
    # A browser sends an empty file part when no file was chosen: then the text counts.
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        document = read_document(data, upload.filename, settings=settings)
        return RequestInput(document, profile, mode, upload=data, action=action)  # type: ignore[arg-type]
    text = form.get("text")
    if isinstance(text, str):
        body = TextRequest(text=text, profile=profile, format=text_format)  # type: ignore[arg-type]
        return RequestInput(_from_text(body, settings), profile, mode, action=action)  # type: ignore[arg-type]
    raise InputError("send a 'file' upload or a 'text' field", code="bad-request")
