"""Whisper endpoints: events, the publish and viewer sockets, Server-Sent Events, one-shot whisper."""

from __future__ import annotations

import asyncio
import json
from typing import Any, AsyncIterator

from fastapi import APIRouter, Depends, Header, Request, WebSocket, WebSocketDisconnect
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from ..errors import InputError
from ..rulebook import RuleBook
from ..whisper.events import Event, EventCreate, EventUpdate, token_matches
from ..whisper.service import CaptionError, WhisperService
from ..whisper.whisperer import GlossaryEntry, whisper
from .deps import get_book
from .templating import templates

__all__ = ["CLOSE_MESSAGE_TOO_BIG", "CLOSE_UNAUTHORISED", "CLOSE_UNKNOWN_EVENT", "router"]

router = APIRouter()
#: WebSocket close codes (documented in docs/whisper.md).
CLOSE_UNAUTHORISED = 4401
CLOSE_UNKNOWN_EVENT = 4404
CLOSE_MESSAGE_TOO_BIG = 1009


def get_whisper(request: Request) -> WhisperService:
    return request.app.state.whisper


def _bearer(header: str | None) -> str | None:
    if header and header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


async def _event_for(service: WhisperService, event_id: str, authorization: str | None) -> Event:
    event = await service.get(event_id)
    if event is None:
        raise InputError("no such event, or it has ended", status=404, code="unknown-event")
    if not token_matches(event, _bearer(authorization)):
        raise InputError("send the event's publish token as 'Authorization: Bearer <token>'", status=401, code="unauthorised")
    return event


def _links(request: Request, event: Event) -> dict[str, str]:
    return {
        "viewer_url": str(request.url_for("audience_page", event_id=event.id)),
        "publish_url": f"/v1/events/{event.id}/publish",
        "stream_url": f"/v1/events/{event.id}/stream",
        "sse_url": f"/v1/events/{event.id}/sse",
    }


@router.post("/v1/events", status_code=201, tags=["whisper"])
async def create_event(spec: EventCreate, request: Request, service: WhisperService = Depends(get_whisper)) -> dict[str, Any]:
    """Create an event; the publish token is shown only in this response."""
    event, token = await service.create(spec)
    return {**event.public(), "token": token, **_links(request, event)}


@router.get("/v1/events/{event_id}", tags=["whisper"])
async def read_event(
    event_id: str, request: Request, authorization: str | None = Header(default=None), service: WhisperService = Depends(get_whisper)
) -> dict[str, Any]:
    event = await _event_for(service, event_id, authorization)
    return {**event.public(), **_links(request, event)}


@router.patch("/v1/events/{event_id}", tags=["whisper"])
async def update_event(
    event_id: str,
    change: EventUpdate,
    request: Request,
    authorization: str | None = Header(default=None),
    service: WhisperService = Depends(get_whisper),
) -> dict[str, Any]:
    event = await service.update(await _event_for(service, event_id, authorization), change)
    return {**event.public(), **_links(request, event)}


@router.delete("/v1/events/{event_id}", status_code=204, tags=["whisper"])
async def delete_event(
    event_id: str, authorization: str | None = Header(default=None), service: WhisperService = Depends(get_whisper)
) -> Response:
    await service.delete(await _event_for(service, event_id, authorization))
    return Response(status_code=204)


class WhisperRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=8192)
    glossary: dict[str, str | GlossaryEntry] = Field(default_factory=dict)
    never_change: list[str] = Field(default_factory=list)


@router.post("/v1/whisper", tags=["whisper"])
async def whisper_once(body: WhisperRequest, book: RuleBook = Depends(get_book)) -> dict[str, Any]:
    """One line in, plain English out, for systems that call once per line (no event memory)."""
    glossary = {k: v if isinstance(v, GlossaryEntry) else GlossaryEntry(replace=v) for k, v in body.glossary.items()}
    result = await run_in_threadpool(whisper, body.text, book, glossary=glossary, never_change=body.never_change)
    return {
        "plain": result.plain,
        "changes": [{"start": c.start, "end": c.end, "old": c.old, "new": c.new, "action": c.action, "rule_id": c.rule_id} for c in result.changes],
    }


@router.websocket("/v1/events/{event_id}/publish")
async def publish(websocket: WebSocket, event_id: str) -> None:
    """Captions in: {"type": "partial"|"final", "seq": n, "text": "..."}; each answered with an ack."""
    service: WhisperService = websocket.app.state.whisper
    limit = websocket.app.state.settings.max_message_bytes
    token = _bearer(websocket.headers.get("authorization")) or websocket.query_params.get("token")
    await websocket.accept()
    event = await service.get(event_id)
    if event is None:
        await websocket.close(CLOSE_UNKNOWN_EVENT, "unknown event")
        return
    if not token_matches(event, token):
        await websocket.close(CLOSE_UNAUTHORISED, "wrong or missing token")
        return
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        raw = message.get("text") if message.get("text") is not None else (message.get("bytes") or b"").decode("utf-8", "replace")
        if len(raw.encode("utf-8")) > limit:
            await websocket.close(CLOSE_MESSAGE_TOO_BIG, f"messages are limited to {limit} bytes")
            return
        try:
            caption = service.parse(raw)
        except CaptionError as error:
            await websocket.send_json({"type": "error", "detail": f"not a caption message: {error}"})
            continue
        line = await service.publish(event_id, caption)
        if line is None:
            if await service.get(event_id) is None:
                await websocket.close(CLOSE_UNKNOWN_EVENT, "the event has ended")
                return
            await websocket.send_json({"type": "ignored", "seq": caption.seq, "detail": "this seq is already final"})
        else:
            await websocket.send_json({"type": "ack", "seq": line.seq, "kind": line.kind, "plain": line.plain})


@router.websocket("/v1/events/{event_id}/stream")
async def stream(websocket: WebSocket, event_id: str) -> None:
    """Lines out, history first; `?after=<id>` resumes after the last line seen."""
    service: WhisperService = websocket.app.state.whisper
    await websocket.accept()
    if await service.get(event_id) is None:
        await websocket.close(CLOSE_UNKNOWN_EVENT, "unknown event")
        return

    async def watch_for_close() -> None:
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass

    closed = asyncio.create_task(watch_for_close())
    try:
        async for item in service.follow(event_id, websocket.query_params.get("after")):
            if closed.done():
                return
            if item["type"] == "heartbeat":
                continue
            await websocket.send_text(item["json"] if item["type"] == "line" else json.dumps(item))
            if item["type"] == "ended":
                await websocket.close(1000, "the event has ended")
                return
    except (WebSocketDisconnect, RuntimeError):
        return
    finally:
        closed.cancel()


@router.get("/v1/events/{event_id}/sse", tags=["whisper"])
async def server_sent_events(
    event_id: str,
    request: Request,
    after: str | None = None,
    last_event_id: str | None = Header(default=None),
    service: WhisperService = Depends(get_whisper),
) -> StreamingResponse:
    """The same lines as Server-Sent Events; browsers resume with Last-Event-ID by themselves."""
    if await service.get(event_id) is None:
        raise InputError("no such event, or it has ended", status=404, code="unknown-event")

    async def events() -> AsyncIterator[str]:
        async for item in service.follow(event_id, last_event_id or after):
            if await request.is_disconnected():
                return
            if item["type"] == "heartbeat":
                yield ": keep-alive\n\n"
            elif item["type"] == "line":
                yield f"id: {item['id']}\nevent: line\ndata: {item['json']}\n\n"
            else:
                yield f"event: {item['type']}\ndata: {json.dumps(item)}\n\n"
                if item["type"] == "ended":
                    return

    return StreamingResponse(events(), media_type="text/event-stream", headers={"cache-control": "no-store", "x-accel-buffering": "no"})


@router.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False, name="audience_page")
async def audience_page(event_id: str, request: Request, service: WhisperService = Depends(get_whisper)) -> HTMLResponse:
    event = await service.get(event_id)
    status = 200 if event is not None else 404
    return templates().TemplateResponse(request, "event.html", {"event": event, "event_id": event_id}, status_code=status)
