"""Events, publishing and viewing through the app (in-process broker)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from plainspeak.api import create_app


@pytest.fixture
def app_client(book):  # type: ignore[no-untyped-def]
    settings = book.settings.model_copy(update={"viewer_queue": 5, "event_history": 50})
    with TestClient(create_app(settings, book)) as client:
        yield client


def make_event(client: TestClient, **spec) -> dict:  # type: ignore[no-untyped-def]
    response = client.post("/v1/events", json={"name": "Partnership summit", **spec})
    assert response.status_code == 201
    return response.json()


def test_create_read_update_delete_with_the_token(app_client: TestClient) -> None:
    event = make_event(app_client, glossary={"hub": "drop-in centre"})
    assert {"id", "token", "viewer_url", "publish_url", "stream_url", "sse_url", "expires_at"} <= set(event)
    auth = {"authorization": f"Bearer {event['token']}"}
    assert app_client.get(f"/v1/events/{event['id']}", headers=auth).json()["glossary"] == {"hub": {"replace": "drop-in centre"}}
    assert "token" not in app_client.get(f"/v1/events/{event['id']}", headers=auth).json()
    assert app_client.get(f"/v1/events/{event['id']}").status_code == 401
    assert app_client.get(f"/v1/events/{event['id']}", headers={"authorization": "Bearer wrong"}).status_code == 401
    patched = app_client.patch(f"/v1/events/{event['id']}", headers=auth, json={"never_change": ["hub"]}).json()
    assert patched["never_change"] == ["hub"]
    assert app_client.delete(f"/v1/events/{event['id']}", headers=auth).status_code == 204
    assert app_client.get(f"/v1/events/{event['id']}", headers=auth).status_code == 404


def test_bad_event_specs_are_refused(app_client: TestClient) -> None:
    assert app_client.post("/v1/events", json={"ttl_seconds": 5}).status_code == 422
    assert app_client.post("/v1/events", json={"glossary": {"": "x"}}).status_code == 422
    assert app_client.post("/v1/events", json={"colour": "red"}).status_code == 422


def test_events_expire(app_client: TestClient) -> None:
    event = make_event(app_client, ttl_seconds=60)
    service = app_client.app.state.whisper  # type: ignore[attr-defined]
    stored = service.broker._events[event["id"]]
    service.broker._events[event["id"]] = stored.model_copy(update={"expires_at": 0})
    assert app_client.get(f"/v1/events/{event['id']}", headers={"authorization": f"Bearer {event['token']}"}).status_code == 404


def publish(client: TestClient, event: dict, messages: list) -> list[dict]:  # type: ignore[type-arg]
    replies = []
    with client.websocket_connect(f"/v1/events/{event['id']}/publish?token={event['token']}") as ws:
        for message in messages:
            ws.send_text(message if isinstance(message, str) else json.dumps(message))
            replies.append(ws.receive_json())
    return replies


def test_partials_and_finals_keep_their_seq(app_client: TestClient) -> None:
    event = make_event(app_client)
    replies = publish(app_client, event, [
        {"type": "partial", "seq": 7, "text": "Going forward we will"},
        {"type": "partial", "seq": 7, "text": "Going forward we will utilise"},
        {"type": "final", "seq": 7, "text": "Going forward we will utilise the hub."},
    ])
    assert [r["type"] for r in replies] == ["ack", "ack", "ack"]
    assert replies[2]["plain"] == "Going forward (from now on) we will use the hub."
    with app_client.websocket_connect(f"/v1/events/{event['id']}/stream") as viewer:
        lines = [viewer.receive_json() for _ in range(3)]
    assert [(line["seq"], line["kind"]) for line in lines] == [(7, "partial"), (7, "partial"), (7, "final")]
    assert lines[2]["original"] == "Going forward we will utilise the hub."
    assert lines[2]["changes"][1] == {"start": 22, "end": 29, "old": "utilise", "new": "use", "action": "swap", "rule_id": "plain-words.verbs.utilise"}


def test_token_in_the_authorization_header(app_client: TestClient) -> None:
    event = make_event(app_client)
    with app_client.websocket_connect(f"/v1/events/{event['id']}/publish", headers={"authorization": f"Bearer {event['token']}"}) as ws:
        ws.send_json({"type": "final", "seq": 1, "text": "Hello."})
        assert ws.receive_json()["type"] == "ack"


@pytest.mark.parametrize("query, code", [("", 4401), ("?token=wrong", 4401)])
def test_wrong_or_missing_token_closes_4401(app_client: TestClient, query: str, code: int) -> None:
    event = make_event(app_client)
    with app_client.websocket_connect(f"/v1/events/{event['id']}/publish{query}") as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == code


def test_unknown_event_closes_4404(app_client: TestClient) -> None:
    for path in ("/v1/events/nope/publish?token=x", "/v1/events/nope/stream"):
        with app_client.websocket_connect(path) as ws:
            with pytest.raises(WebSocketDisconnect) as closed:
                ws.receive_json()
        assert closed.value.code == 4404
    assert app_client.get("/v1/events/nope/sse").status_code == 404


def test_oversized_message_closes_1009_and_nothing_else_is_affected(app_client: TestClient) -> None:
    event = make_event(app_client)
    with app_client.websocket_connect(f"/v1/events/{event['id']}/publish?token={event['token']}") as ws:
        ws.send_json({"type": "final", "seq": 1, "text": "x " * 5000})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 1009
    assert publish(app_client, event, [{"type": "final", "seq": 2, "text": "Still here."}])[0]["type"] == "ack"


def test_invalid_json_or_missing_fields_get_an_error_and_the_socket_stays_open(app_client: TestClient) -> None:
    event = make_event(app_client)
    replies = publish(app_client, event, [
        "{not json",
        {"type": "final", "text": "no seq"},
        {"type": "shout", "seq": 1, "text": "bad type"},
        {"type": "final", "seq": 1, "text": "Fine."},
    ])
    assert [r["type"] for r in replies] == ["error", "error", "error", "ack"]
    assert "seq" in replies[1]["detail"]


def test_a_repeated_seq_after_reconnecting_is_ignored(app_client: TestClient) -> None:
    event = make_event(app_client)
    publish(app_client, event, [{"type": "final", "seq": 1, "text": "First."}, {"type": "final", "seq": 2, "text": "Second."}])
    again = publish(app_client, event, [{"type": "final", "seq": 2, "text": "Second."}, {"type": "partial", "seq": 1, "text": "Fir"}, {"type": "final", "seq": 3, "text": "Third."}])
    assert [r["type"] for r in again] == ["ignored", "ignored", "ack"]
    with app_client.websocket_connect(f"/v1/events/{event['id']}/stream") as viewer:
        seqs = [viewer.receive_json()["seq"] for _ in range(3)]
    assert seqs == [1, 2, 3]


def test_late_joiners_get_history_and_resume_after_their_last_id(app_client: TestClient) -> None:
    event = make_event(app_client)
    publish(app_client, event, [{"type": "final", "seq": n, "text": f"Line {n}."} for n in range(1, 5)])
    with app_client.websocket_connect(f"/v1/events/{event['id']}/stream") as viewer:
        seen = [viewer.receive_json() for _ in range(2)]
    with app_client.websocket_connect(f"/v1/events/{event['id']}/stream?after={seen[-1]['id']}") as viewer:
        rest = [viewer.receive_json()["seq"] for _ in range(2)]
    assert [s["seq"] for s in seen] + rest == [1, 2, 3, 4]


def test_a_viewer_that_falls_behind_is_told_and_skipped_ahead(app_client: TestClient) -> None:
    event = make_event(app_client)
    publish(app_client, event, [{"type": "final", "seq": 1, "text": "One."}])
    with app_client.websocket_connect(f"/v1/events/{event['id']}/stream") as viewer:
        first = viewer.receive_json()
    publish(app_client, event, [{"type": "final", "seq": n, "text": f"Line {n}."} for n in range(2, 20)])
    with app_client.websocket_connect(f"/v1/events/{event['id']}/stream?after={first['id']}") as viewer:
        notice, newest = viewer.receive_json(), viewer.receive_json()
    assert notice["type"] == "skipped" and notice["missed"] >= 5
    assert newest["seq"] == 19


def test_server_sent_events_resume_with_last_event_id(app_client: TestClient) -> None:
    event = make_event(app_client)
    publish(app_client, event, [{"type": "final", "seq": n, "text": f"Line {n}."} for n in range(1, 4)])
    auth = {"authorization": f"Bearer {event['token']}"}

    def read_events(headers: dict[str, str], count: int) -> list[dict]:  # type: ignore[type-arg]
        found = []
        with app_client.stream("GET", f"/v1/events/{event['id']}/sse", headers=headers) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            for raw in response.iter_lines():
                if raw.startswith("data: "):
                    found.append(json.loads(raw[6:]))
                    if len(found) == count:
                        break
        return found

    first = read_events({}, 1)
    rest = read_events({"last-event-id": first[0]["id"]}, 2)
    assert [e["seq"] for e in first + rest] == [1, 2, 3]
    app_client.delete(f"/v1/events/{event['id']}", headers=auth)


def test_one_shot_whisper(app_client: TestClient) -> None:
    body = app_client.post("/v1/whisper", json={"text": "Stakeholders will utilise the hub.", "glossary": {"hub": "drop-in centre"}}).json()
    assert body["plain"] == "Stakeholders (people and groups with an interest) will use the drop-in centre."
    assert [c["action"] for c in body["changes"]] == ["explain", "swap", "swap"]
    assert app_client.post("/v1/whisper", json={"text": "x" * 9000}).status_code == 422


def test_audience_page(app_client: TestClient) -> None:
    event = make_event(app_client)
    page = app_client.get(f"/events/{event['id']}")
    assert page.status_code == 200 and "Partnership summit" in page.text and "/static/js/event.js" in page.text
    assert app_client.get("/events/unknown").status_code == 404
