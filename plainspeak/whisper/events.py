"""Events: what an organiser creates before the talk starts."""

from __future__ import annotations

import hashlib
import json
import hmac
import secrets
import time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .whisperer import GlossaryEntry, Memory

__all__ = ["Event", "EventCreate", "EventUpdate", "Line", "hash_token", "new_event", "token_matches", "viewer_message"]

MAX_GLOSSARY = 500


class EventCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="", max_length=200)
    #: term -> plain words to swap in, or {"replace": ..., "explain": ...}.
    glossary: dict[str, str | GlossaryEntry] = Field(default_factory=dict)
    never_change: list[str] = Field(default_factory=list, max_length=MAX_GLOSSARY)
    ttl_seconds: int | None = Field(default=None, ge=60)

    @field_validator("glossary")
    @classmethod
    def _entries(cls, value: dict[str, str | GlossaryEntry]) -> dict[str, str | GlossaryEntry]:
        if len(value) > MAX_GLOSSARY:
            raise ValueError(f"a glossary holds at most {MAX_GLOSSARY} terms")
        for term in value:
            if not term.strip() or len(term) > 100:
                raise ValueError(f"glossary term {term[:40]!r} must be 1 to 100 characters")
        return value


class EventUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200)
    glossary: dict[str, str | GlossaryEntry] | None = None
    never_change: list[str] | None = Field(default=None, max_length=MAX_GLOSSARY)


def _entries(glossary: dict[str, str | GlossaryEntry]) -> dict[str, GlossaryEntry]:
    return {term: entry if isinstance(entry, GlossaryEntry) else GlossaryEntry(replace=entry) for term, entry in glossary.items()}


class Event(BaseModel):
    """Stored as JSON by the broker; the publish token is kept only as a hash."""

    id: str
    name: str = ""
    token_hash: str
    glossary: dict[str, GlossaryEntry] = Field(default_factory=dict)
    never_change: list[str] = Field(default_factory=list)
    created_at: float
    expires_at: float
    #: Whisper memory: rule ids explained so far, the last final line, the last final seq.
    explained: list[str] = Field(default_factory=list)
    previous: str = ""
    last_final_seq: int = -1

    def memory(self) -> Memory:
        return Memory(set(self.explained), self.previous)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "glossary": {k: v.model_dump(exclude_none=True) for k, v in self.glossary.items()},
            "never_change": self.never_change,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "last_seq": self.last_final_seq,
        }

    def updated(self, change: EventUpdate) -> "Event":
        data = self.model_dump()
        if change.name is not None:
            data["name"] = change.name
        if change.glossary is not None:
            data["glossary"] = _entries(change.glossary)
        if change.never_change is not None:
            data["never_change"] = change.never_change
        return Event.model_validate(data)


class Line(BaseModel):
    """One caption line as viewers receive it."""

    seq: int
    kind: str
    original: str
    plain: str
    changes: list[dict[str, Any]]
    at: float


def viewer_message(stream_id: str, stored: str) -> str:
    """The JSON a viewer receives: a stored line (`Line.model_dump_json()`) with its stream id.

    Brokers keep lines as these strings, not objects: a history of thousands of lines then
    gives the garbage collector nothing to walk, which kept pausing live captions.
    """
    return f'{{"type":"line","id":{json.dumps(stream_id)},{stored[1:]}'


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(event: Event, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(event.token_hash, hash_token(token or ""))


def new_event(spec: EventCreate, ttl_seconds: int) -> tuple[Event, str]:
    """A new event and its publish token (shown once, stored only as a hash)."""
    token = secrets.token_urlsafe(24)
    now = time.time()
    event = Event(
        id=secrets.token_urlsafe(9),
        name=spec.name,
        token_hash=hash_token(token),
        glossary=_entries(spec.glossary),
        never_change=spec.never_change,
        created_at=now,
        expires_at=now + (spec.ttl_seconds or ttl_seconds),
    )
    return event, token
