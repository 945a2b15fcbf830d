"""Scale-out through a real redis-server: two replicas share an event; Redis going away."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest
from websockets.sync.client import connect

from plainspeak.whisper.broker import RedisBroker
from plainspeak.whisper.events import EventCreate, Line, new_event

from ..serving import free_port, run_async, start_server, stop_server

pytestmark = pytest.mark.redis


class RedisServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is missing: run `make test`, which installs Debian's redis-server")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with __import__("socket").create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


def create_event(base: str) -> dict:  # type: ignore[type-arg]
    response = httpx.post(f"{base}/v1/events", json={"name": "Shared"}, timeout=30)
    response.raise_for_status()
    return response.json()


def ws_url(base: str, path: str) -> str:
    return base.replace("http://", "ws://") + path


def publish(base: str, event: dict, messages: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    with connect(ws_url(base, f"/v1/events/{event['id']}/publish?token={event['token']}")) as ws:
        replies = []
        for message in messages:
            ws.send(json.dumps(message))
            replies.append(json.loads(ws.recv(timeout=30)))
    return replies


def test_redis_broker_streams_history_and_gaps(redis_server: RedisServer) -> None:
    async def scenario() -> None:
        broker = RedisBroker(redis_server.url, history=3)
        line = lambda n: Line(seq=n, kind="final", original=f"L{n}", plain=f"L{n}", changes=[], at=0.0).model_dump_json()  # noqa: E731
        ids = [await broker.append("e1", line(n)) for n in range(1, 6)]
        kept, missed = await broker.read("e1", None, 10, 0)
        assert [json.loads(entry)["seq"] for _, entry in kept] == [3, 4, 5]
        after_first, missed = await broker.read("e1", ids[0], 10, 0)
        assert missed >= 1 and [json.loads(entry)["seq"] for _, entry in after_first] == [3, 4, 5]
        newest = await broker.latest("e1")
        assert newest is not None and json.loads(newest[1])["seq"] == 5
        await broker.close()

    run_async(scenario())


def test_redis_lines_expire_with_their_event(redis_server: RedisServer) -> None:
    async def scenario() -> None:
        broker = RedisBroker(redis_server.url, history=3)
        event = new_event(EventCreate(name="Board meeting"), ttl_seconds=1800)[0]
        await broker.save(event)
        await broker.append(event.id, Line(seq=0, kind="final", original="a", plain="a", changes=[], at=0.0).model_dump_json())
        stream_ttl, event_ttl = await broker.client.ttl(broker._stream(event.id)), await broker.client.ttl(broker._key(event.id))
        assert 0 < event_ttl - 2 <= stream_ttl <= event_ttl
        await broker.close()

    run_async(scenario())


def test_two_replicas_share_one_event(redis_server: RedisServer) -> None:
    env = {"PLAINSPEAK_REDIS_URL": redis_server.url, "PLAINSPEAK_WHISPER_WORKERS": "1"}
    a, base_a = start_server(env)
    b, base_b = start_server(env)
    try:
        event = create_event(base_a)
        assert httpx.get(f"{base_b}/events/{event['id']}").status_code == 200
        with connect(ws_url(base_b, f"/v1/events/{event['id']}/stream")) as viewer:
            publish(base_a, event, [{"type": "final", "seq": 1, "text": "We will utilise the hall."}])
            line = json.loads(viewer.recv(timeout=30))
        assert line["type"] == "line" and line["plain"] == "We will use the hall." and line["seq"] == 1
        # Resume on the other replica from the last id seen.
        publish(base_b, event, [{"type": "final", "seq": 2, "text": "Second line."}, {"type": "final", "seq": 3, "text": "Third line."}])
        with connect(ws_url(base_a, f"/v1/events/{event['id']}/stream?after={line['id']}")) as viewer:
            seqs = [json.loads(viewer.recv(timeout=30))["seq"] for _ in range(2)]
        assert seqs == [2, 3]
        # The whisperer's memory is shared too: the ICB is expanded once across replicas.
        first = publish(base_a, event, [{"type": "final", "seq": 4, "text": "Ask the ICB."}])[0]["plain"]
        second = publish(base_b, event, [{"type": "final", "seq": 5, "text": "The ICB replied."}])[0]["plain"]
        assert first == "Ask the Integrated Care Board (ICB)." and second == "The ICB replied."
    finally:
        stop_server(a)
        stop_server(b)


def test_redis_going_away_keeps_serving_and_reconnects(redis_server: RedisServer, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    server, base = start_server({"PLAINSPEAK_REDIS_URL": redis_server.url}, log=log)
    try:
        event = create_event(base)
        assert publish(base, event, [{"type": "final", "seq": 1, "text": "Before."}])[0]["type"] == "ack"
        redis_server.stop()
        during = publish(base, event, [{"type": "final", "seq": 2, "text": "We will utilise the hall."}])[0]
        assert during["type"] == "ack" and during["plain"] == "We will use the hall."
        with connect(ws_url(base, f"/v1/events/{event['id']}/stream")) as viewer:
            seen = [json.loads(viewer.recv(timeout=30)) for _ in range(2)]
        assert [s["seq"] for s in seen] == [1, 2]
        assert httpx.get(f"{base}/healthz", timeout=10).status_code == 200
        text = log.read_text(errors="replace")
        assert "redis unavailable" in text and "serving from memory" in text
        assert "Traceback" not in text
        redis_server.start()
        deadline = time.monotonic() + 30
        while "redis reachable again" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, "the service did not reconnect to Redis"
            publish(base, event, [{"type": "partial", "seq": 100, "text": "ping"}])
            time.sleep(0.5)
        after = publish(base, event, [{"type": "final", "seq": 3, "text": "After."}])[0]
        assert after["type"] == "ack"
    finally:
        stop_server(server)
