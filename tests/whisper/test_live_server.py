"""Against `plainspeak serve` itself: a stalled viewer holds up neither the publisher nor other viewers."""

from __future__ import annotations

import json
import socket

import httpx
from websockets.sync.client import connect


def test_a_stalled_viewer_delays_nobody(live_server: str) -> None:
    event = httpx.post(f"{live_server}/v1/events", json={"name": "Stalls"}, timeout=30).json()
    ws = live_server.replace("http://", "ws://")
    port = int(live_server.rsplit(":", 1)[1])
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    raw.connect(("127.0.0.1", port))
    text = "Members noted the report and asked about the budget for next year. " * 25
    with connect(f"{ws}/v1/events/{event['id']}/stream", sock=raw, max_queue=1) as stalled, connect(
        f"{ws}/v1/events/{event['id']}/stream"
    ) as viewer, connect(f"{ws}/v1/events/{event['id']}/publish?token={event['token']}") as publisher:
        acks = []
        for seq in range(40):
            publisher.send(json.dumps({"type": "final", "seq": seq, "text": text}))
            acks.append(json.loads(publisher.recv(timeout=30)))
        received = [json.loads(viewer.recv(timeout=30))["seq"] for _ in range(40)]
        assert [a["type"] for a in acks] == ["ack"] * 40
        assert received == list(range(40))
        # The stalled viewer still gets its lines (or a skip notice) once it reads again.
        first = json.loads(stalled.recv(timeout=30))
        assert first["type"] in ("line", "skipped")
