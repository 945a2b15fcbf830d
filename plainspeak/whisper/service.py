"""The whisper service: events, publishing and following, over whichever broker is configured."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, AsyncIterator, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..rulebook import RuleBook
from ..settings import Settings
from .broker import Broker
from .events import Event, EventCreate, EventUpdate, Line, new_event, token_matches, viewer_message
from .whisperer import WhisperResult
from .workers import Whisperers

__all__ = ["Caption", "CaptionError", "WhisperService"]

log = logging.getLogger("plainspeak.whisper")
#: How long a viewer waits on the stream before checking its event still exists.
BLOCK_MS = 15_000


class Caption(BaseModel):
    """A message from a captioner: a provisional line, or the final version of it."""

    model_config = ConfigDict(extra="ignore")

    type: Literal["partial", "final"]
    seq: int = Field(ge=0)
    text: str


class CaptionError(ValueError):
    """A message that is not a caption; the connection stays open."""


@dataclass
class WhisperService:
    book: RuleBook
    broker: Broker
    settings: Settings
    whisperers: Whisperers

    async def create(self, spec: EventCreate) -> tuple[Event, str]:
        event, token = new_event(spec, self.settings.event_ttl_seconds)
        await self.broker.save(event)
        log.info("event created id=%s glossary=%d", event.id, len(event.glossary))
        return event, token

    async def get(self, event_id: str) -> Event | None:
        return await self.broker.load(event_id)

    async def authorised(self, event_id: str, token: str | None) -> Event | None:
        event = await self.broker.load(event_id)
        return event if event is not None and token_matches(event, token) else None

    async def update(self, event: Event, change: EventUpdate) -> Event:
        updated = event.updated(change)
        await self.broker.save(updated)
        return updated

    async def delete(self, event: Event) -> None:
        await self.broker.delete(event.id)
        log.info("event deleted id=%s", event.id)

    @staticmethod
    def parse(raw: str) -> Caption:
        try:
            return Caption.model_validate_json(raw)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise CaptionError(f"{where}: {first['msg']}" if where else first["msg"]) from error

    async def publish(self, event_id: str, caption: Caption) -> Line | None:
        """Whisper and fan out one caption; None when its seq was already finalised (a replay)."""
        event = await self.broker.load(event_id)
        if event is None or caption.seq <= event.last_final_seq:
            return None
        began = time.perf_counter()
        result: WhisperResult = await self.whisperers.whisper(caption.text, event.memory(), event.glossary, event.never_change)
        line = Line(
            seq=caption.seq,
            kind=caption.type,
            original=caption.text,
            plain=result.plain,
            changes=[{"start": c.start, "end": c.end, "old": c.old, "new": c.new, "action": c.action, "rule_id": c.rule_id} for c in result.changes],
            at=time.time(),
        )
        writes = [self.broker.append(event_id, line.model_dump_json())]
        if caption.type == "final":
            # Only a final commits what the event has explained, so a partial never uses it up.
            event = event.model_copy(
                update={"explained": sorted(set(event.explained) | result.explained), "previous": caption.text, "last_final_seq": caption.seq}
            )
            writes.append(self.broker.save(event))
        await asyncio.gather(*writes)  # independent writes: sent together, not one after the other
        log.info(
            "whispered event=%s seq=%d kind=%s chars=%d changes=%d ms=%.1f",
            event_id, caption.seq, caption.type, len(caption.text), len(result.changes), (time.perf_counter() - began) * 1000,
        )
        return line

    async def follow(self, event_id: str, after: str | None) -> AsyncIterator[dict[str, Any]]:
        """History after `after`, then live lines; a viewer too far behind is told and skipped ahead."""
        limit = self.settings.viewer_queue
        cursor = after
        while True:
            lines, missed = await self.broker.read(event_id, cursor, limit + 1, BLOCK_MS)
            if missed:
                yield {"type": "skipped", "missed": missed}
            if len(lines) > limit and cursor is not None:
                # Fallen more than a queue's worth behind: say so, and jump to the newest line.
                newest = await self.broker.latest(event_id)
                yield {"type": "skipped", "missed": len(lines) - 1}
                lines = [newest] if newest else lines[-1:]
            for stream_id, line in lines:
                cursor = stream_id
                yield {"type": "line", "id": stream_id, "json": viewer_message(stream_id, line)}
            if not lines:
                if await self.broker.load(event_id) is None:
                    yield {"type": "ended"}
                    return
                yield {"type": "heartbeat"}
            if cursor is None:
                newest = await self.broker.latest(event_id)
                cursor = newest[0] if newest else None
                if cursor is None:
                    continue
