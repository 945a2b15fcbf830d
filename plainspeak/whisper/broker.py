"""Where events and their caption lines live: in this process, or in Redis for several replicas.

Both keep each event's lines as a stream with ids in order, and every viewer reads the stream
at its own pace from its own cursor, so a slow viewer never holds up the publisher or anyone
else. With Redis (Streams), a line published on one replica reaches viewers on all of them,
and a viewer that reconnects to another replica resumes from its last id.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from itertools import islice
from dataclasses import dataclass, field
from typing import Protocol

from .events import Event

__all__ = ["Broker", "MemoryBroker", "RedisBroker", "ResilientBroker", "make_broker"]

#: Connections for short commands. Bounded: when a thousand viewers join at once, their
#: lookups queue for a connection instead of each opening (and keeping) one of its own.
COMMAND_CONNECTIONS = 32
#: Connections for the mirrors' blocking reads: one per live event this replica serves.
MIRROR_CONNECTIONS = 10_000
#: How long a mirror's XREAD blocks before it checks its event still exists.
MIRROR_BLOCK_MS = 5_000

log = logging.getLogger("plainspeak.whisper.broker")


class Broker(Protocol):
    async def save(self, event: Event) -> None: ...
    async def load(self, event_id: str) -> Event | None: ...
    async def delete(self, event_id: str) -> None: ...
    async def append(self, event_id: str, line: str) -> str:
        """Add a line (`Line.model_dump_json()`); returns its stream id."""
        ...

    async def read(self, event_id: str, after: str | None, count: int, block_ms: int) -> tuple[list[tuple[str, str]], int]:
        """(id, line JSON) after `after` (None: the whole history kept), waiting up to `block_ms` for one.

        Also returns how many lines were missed because the history no longer holds them.
        """
        ...

    async def latest(self, event_id: str) -> tuple[str, str] | None:
        """The newest line's id and JSON."""
        ...

    async def close(self) -> None: ...


@dataclass
class _Stream:
    lines: deque[tuple[int, str]]
    next_id: int = 1
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)


class MemoryBroker:
    """The embedded default: everything in this process, nothing else to start."""

    def __init__(self, history: int) -> None:
        self.history = history
        self._events: dict[str, Event] = {}
        self._streams: dict[str, _Stream] = {}

    def _live(self, event_id: str) -> Event | None:
        event = self._events.get(event_id)
        if event is not None and event.expires_at < time.time():
            self._events.pop(event_id, None)
            self._streams.pop(event_id, None)
            return None
        return event

    def events(self) -> list[Event]:
        return [e for e in list(self._events.values()) if self._live(e.id)]

    async def save(self, event: Event) -> None:
        self._events[event.id] = event
        self._streams.setdefault(event.id, _Stream(deque(maxlen=self.history)))

    async def load(self, event_id: str) -> Event | None:
        return self._live(event_id)

    async def delete(self, event_id: str) -> None:
        self._events.pop(event_id, None)
        stream = self._streams.pop(event_id, None)
        if stream is not None:
            async with stream.changed:
                stream.changed.notify_all()

    async def append(self, event_id: str, line: str) -> str:
        stream = self._streams.setdefault(event_id, _Stream(deque(maxlen=self.history)))
        stream.lines.append((stream.next_id, line))
        stream.next_id += 1
        async with stream.changed:
            stream.changed.notify_all()
        return str(stream.next_id - 1)

    def _after(self, stream: _Stream, after: int, count: int) -> tuple[list[tuple[str, str]], int]:
        oldest = stream.lines[0][0] if stream.lines else stream.next_id
        missed = max(0, oldest - after - 1)
        # Ids are consecutive, so the lines after `after` start at a known place.
        skip = max(0, after - oldest + 1)
        out = [(str(i), line) for i, line in islice(stream.lines, skip, skip + count)]
        return out, missed

    async def read(self, event_id: str, after: str | None, count: int, block_ms: int) -> tuple[list[tuple[str, str]], int]:
        stream = self._streams.get(event_id)
        if stream is None or self._live(event_id) is None:
            return [], 0
        if after is None:
            cursor = stream.lines[0][0] - 1 if stream.lines else stream.next_id - 1
        elif after.isdigit():
            cursor = int(after)
        else:
            cursor = stream.next_id - 1  # a Redis id from before an outage: carry on from now
        lines, missed = self._after(stream, cursor, count)
        if lines or missed or block_ms <= 0:
            return lines, missed
        try:
            # asyncio.timeout, not wait_for: no task per wait, with a thousand viewers waiting.
            async with asyncio.timeout(block_ms / 1000), stream.changed:
                await stream.changed.wait_for(lambda: stream.next_id - 1 > cursor or event_id not in self._streams)
        except TimeoutError:
            return [], 0
        return self._after(stream, cursor, count)

    async def latest(self, event_id: str) -> tuple[str, str] | None:
        stream = self._streams.get(event_id)
        if not stream or not stream.lines:
            return None
        newest, line = stream.lines[-1]
        return str(newest), line

    async def close(self) -> None:
        return None


#: Add a line to an event's stream, trimmed to the history, expiring with the event.
_APPEND = """
local id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'line', ARGV[2])
local ttl = redis.call('PTTL', KEYS[2])
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return id
"""


class RedisBroker:
    """Events as JSON strings with a TTL; lines in a Redis Stream per event, trimmed to the history."""

    PREFIX = "plainspeak:event:"

    def __init__(self, url: str, history: int) -> None:
        import redis.asyncio as redis

        self.history = history
        options = {"decode_responses": True, "socket_timeout": None, "socket_connect_timeout": 2, "health_check_interval": 0}
        commands = redis.BlockingConnectionPool.from_url(url, max_connections=COMMAND_CONNECTIONS, timeout=10, **options)
        self.client = redis.Redis.from_pool(commands)  # owns the pool: closing the client closes it
        # A blocking XREAD holds its connection for seconds: never from the command pool.
        self.streams = redis.from_url(url, max_connections=MIRROR_CONNECTIONS, **options)
        self._mirrors: dict[str, _Mirror] = {}
        self._append = self.client.register_script(_APPEND)

    def _key(self, event_id: str) -> str:
        return f"{self.PREFIX}{event_id}"

    def _stream(self, event_id: str) -> str:
        return f"{self.PREFIX}{event_id}:lines"

    @staticmethod
    def _ttl(event: Event) -> int:
        return max(1, int(event.expires_at - time.time()))

    async def save(self, event: Event) -> None:
        await self.client.set(self._key(event.id), event.model_dump_json(), ex=self._ttl(event))

    async def load(self, event_id: str) -> Event | None:
        raw = await self.client.get(self._key(event_id))
        return Event.model_validate_json(raw) if raw else None

    async def delete(self, event_id: str) -> None:
        await self.client.delete(self._key(event_id), self._stream(event_id))

    async def append(self, event_id: str, line: str) -> str:
        # One round trip, not three: every command costs the busy web process a system call.
        stream_id = await self._append(keys=[self._stream(event_id), self._key(event_id)], args=[self.history, line])
        return str(stream_id)

    async def read(self, event_id: str, after: str | None, count: int, block_ms: int) -> tuple[list[tuple[str, str]], int]:
        """Served from this replica's mirror of the event's stream (see `_Mirror`)."""
        mirror = await self._mirror(event_id)
        if after and after.isdigit():
            # A memory id from an outage on this replica: carry on from now.
            after = mirror.lines[-1][0] if mirror.lines else None
            if after is None:
                return [], 0
        lines, missed = await self._after(event_id, mirror, after, count)
        if lines or missed or block_ms <= 0:
            return lines, missed
        try:
            async with asyncio.timeout(block_ms / 1000), mirror.changed:
                await mirror.changed.wait_for(lambda: mirror.ended or _newer_than(mirror, after))
        except TimeoutError:
            return [], 0
        if mirror.error is not None:
            raise mirror.error
        return await self._after(event_id, mirror, after, count)

    async def _after(self, event_id: str, mirror: _Mirror, after: str | None, count: int) -> tuple[list[tuple[str, str]], int]:
        if after is None:
            return list(mirror.lines)[:count], 0
        # Viewers are nearly always at the newest end: walk back from it, not forward from the start.
        newer: list[tuple[str, str]] = []
        for entry in reversed(mirror.lines):
            if not _older(after, entry[0]):
                break
            newer.append(entry)
        lines = newer[::-1][:count]
        missed = 0
        if mirror.lines and _older(after, mirror.lines[0][0]):
            # Behind the history kept (the stream is trimmed to the same length): lines were
            # lost between; Redis can say how many only while they are still there.
            gap = await self.client.xrange(self._stream(event_id), after, mirror.lines[0][0])
            missed = max(1, len([g for g in gap if g[0] != after]) - 1)
        return lines, missed

    async def _mirror(self, event_id: str) -> _Mirror:
        """One reader per event per replica follows the Redis Stream; viewers share what it reads.

        So a replica holds one Redis connection per live event, not one per viewer, and each
        line is decoded (and encoded for viewers) once.
        """
        mirror = self._mirrors.get(event_id)
        if mirror is None:
            mirror = _Mirror(deque(maxlen=self.history))
            self._mirrors[event_id] = mirror
            mirror.task = asyncio.get_running_loop().create_task(self._follow_stream(event_id, mirror))
        await mirror.ready.wait()
        if mirror.error is not None:
            raise mirror.error
        return mirror

    async def _follow_stream(self, event_id: str, mirror: _Mirror) -> None:
        key = self._stream(event_id)
        try:
            newest_first = await self.client.xrevrange(key, count=self.history)
            for stream_id, fields in reversed(newest_first):
                mirror.lines.append((stream_id, fields["line"]))
            mirror.ready.set()
            last = mirror.lines[-1][0] if mirror.lines else "0-0"
            while True:
                reply = await self.streams.xread({key: last}, count=500, block=MIRROR_BLOCK_MS)
                if not reply:
                    if not await self.client.exists(self._key(event_id)):
                        return  # the event ended or expired
                    continue
                for _, entries in reply:
                    for stream_id, fields in entries:
                        mirror.lines.append((stream_id, fields["line"]))
                        last = stream_id
                async with mirror.changed:
                    mirror.changed.notify_all()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # Redis went away: readers raise it, and the caller falls back
            mirror.error = error
        finally:
            mirror.ended = True
            mirror.ready.set()
            if self._mirrors.get(event_id) is mirror:
                del self._mirrors[event_id]
            async with mirror.changed:
                mirror.changed.notify_all()

    async def latest(self, event_id: str) -> tuple[str, str] | None:
        newest = await self.client.xrevrange(self._stream(event_id), count=1)
        if not newest:
            return None
        stream_id, fields = newest[0]
        return stream_id, fields["line"]

    async def ping(self) -> bool:
        return bool(await self.client.ping())

    async def close(self) -> None:
        tasks = [mirror.task for mirror in self._mirrors.values() if mirror.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # they give their connections back
        await self.streams.aclose()
        await self.client.aclose()


@dataclass
class _Mirror:
    """This replica's copy of one event's recent lines, kept up to date from Redis."""

    lines: deque[tuple[str, str]]
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None
    error: Exception | None = None
    ended: bool = False


def _newer_than(mirror: _Mirror, after: str | None) -> bool:
    return bool(mirror.lines) and (after is None or _older(after, mirror.lines[-1][0]))


def _older(a: str, b: str) -> bool:
    """Whether stream id `a` comes before `b` ("1700-0" < "1700-1")."""

    def parts(x: str) -> tuple[int, int]:
        ms, _, n = x.partition("-")
        return int(ms or 0), int(n or 0)

    try:
        return parts(a) < parts(b)
    except ValueError:
        return False


class ResilientBroker:
    """Redis first; if Redis goes away, keep serving from this replica's memory and reconnect.

    Every write also goes to memory, so the events and lines this replica has seen stay
    available during an outage. Fan-out to other replicas resumes when Redis is back.
    """

    RETRY_SECONDS = 2.0

    def __init__(self, primary: RedisBroker, fallback: MemoryBroker) -> None:
        self.primary = primary
        self.fallback = fallback
        self.healthy = True
        self._reconnect: asyncio.Task[None] | None = None

    def _down(self, error: Exception) -> None:
        if self.healthy:
            log.error("redis unavailable (%s: %s); serving from memory on this replica until it is back", type(error).__name__, error)
        self.healthy = False
        if self._reconnect is None or self._reconnect.done():
            self._reconnect = asyncio.get_running_loop().create_task(self._retry())

    async def _retry(self) -> None:
        while not self.healthy:
            await asyncio.sleep(self.RETRY_SECONDS)
            try:
                await self.primary.ping()
            except Exception as error:  # any failure means still down
                log.warning("redis still unavailable (%s); retrying in %.0fs", type(error).__name__, self.RETRY_SECONDS)
                continue
            for event in self.fallback.events():
                await self.primary.save(event)
            self.healthy = True
            log.warning("redis reachable again; fan-out across replicas resumed")

    async def _call(self, name: str, *args: object) -> object:
        if self.healthy:
            try:
                return await getattr(self.primary, name)(*args)
            except (OSError, ConnectionError, asyncio.TimeoutError) as error:
                self._down(error)
            except Exception as error:
                if type(error).__module__.startswith("redis"):
                    self._down(error)
                else:
                    raise
        return await getattr(self.fallback, name)(*args)

    async def save(self, event: Event) -> None:
        await self.fallback.save(event)
        await self._call("save", event)

    async def load(self, event_id: str) -> Event | None:
        event = await self._call("load", event_id)
        if event is None and self.healthy:
            return None
        if event is not None:
            await self.fallback.save(event)  # type: ignore[arg-type]
        return event or await self.fallback.load(event_id)  # type: ignore[return-value]

    async def delete(self, event_id: str) -> None:
        await self.fallback.delete(event_id)
        await self._call("delete", event_id)

    async def append(self, event_id: str, line: str) -> str:
        local = await self.fallback.append(event_id, line)
        if not self.healthy:
            return local
        result = await self._call("append", event_id, line)
        return str(result)

    async def read(self, event_id: str, after: str | None, count: int, block_ms: int) -> tuple[list[tuple[str, str]], int]:
        was_healthy = self.healthy
        result = await self._call("read", event_id, after, count, block_ms)
        if was_healthy and not self.healthy:
            # Ids differ between Redis and memory: carry on from this replica's newest line.
            return [], 0
        return result  # type: ignore[return-value]

    async def latest(self, event_id: str) -> tuple[str, str] | None:
        return await self._call("latest", event_id)  # type: ignore[return-value]

    async def close(self) -> None:
        if self._reconnect is not None:
            self._reconnect.cancel()
        await self.primary.close()


def make_broker(redis_url: str, history: int) -> Broker:
    memory = MemoryBroker(history)
    if not redis_url:
        return memory
    return ResilientBroker(RedisBroker(redis_url, history), memory)
