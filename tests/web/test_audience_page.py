"""The whisper audience page in a real browser: live captions, controls, accessibility."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect
from websockets.sync.client import connect

from .conftest import assert_accessible

pytestmark = pytest.mark.browser


def new_event(base: str) -> dict:  # type: ignore[type-arg]
    return httpx.post(f"{base}/v1/events", json={"name": "Community summit"}, timeout=30).json()


def publish(base: str, event: dict, messages: list[dict]) -> None:  # type: ignore[type-arg]
    with connect(base.replace("http://", "ws://") + f"/v1/events/{event['id']}/publish?token={event['token']}") as ws:
        for message in messages:
            ws.send(json.dumps(message))
            ws.recv(timeout=30)


def test_captions_arrive_and_the_controls_work(page: Page, live_server: str, axe, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    event = new_event(live_server)
    page.goto(event["viewer_url"])
    expect(page.locator("#connection")).to_have_text("Live", timeout=20_000)
    assert_accessible(axe, page)
    publish(live_server, event, [
        {"type": "partial", "seq": 1, "text": "Going forward we will"},
        {"type": "final", "seq": 1, "text": "Going forward we will utilise the ICB."},
    ])
    line = page.locator("#captions li[data-seq='1']")
    expect(line.locator(".plain")).to_have_text("Going forward (from now on) we will use the Integrated Care Board (ICB).", timeout=20_000)
    expect(page.locator("#captions li")).to_have_count(1)  # the partial was replaced by its final
    expect(line.locator(".plain mark").first).to_have_text("Going forward (from now on)")
    expect(line.locator(".original")).to_be_hidden()
    page.click("#toggle-original")
    expect(page.locator("#toggle-original")).to_have_attribute("aria-pressed", "true")
    expect(line.locator(".original")).to_have_text("Going forward we will utilise the ICB.")
    before = line.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
    page.click("#larger")
    page.click("#larger")
    assert line.evaluate("node => parseFloat(getComputedStyle(node).fontSize)") > before
    page.screenshot(path=str(artifacts / "audience.png"), full_page=True)
    assert_accessible(axe, page)


def test_auto_scroll_stops_when_the_reader_scrolls_back(page: Page, live_server: str) -> None:
    event = new_event(live_server)
    page.goto(event["viewer_url"])
    expect(page.locator("#connection")).to_have_text("Live", timeout=20_000)
    publish(live_server, event, [{"type": "final", "seq": n, "text": f"This is caption line number {n} of a long talk."} for n in range(1, 40)])
    expect(page.locator("#captions li")).to_have_count(39, timeout=20_000)
    at_bottom = "node => node.scrollHeight - node.scrollTop - node.clientHeight < 40"
    box = page.locator("#captions-box")
    assert box.evaluate(at_bottom)
    box.evaluate("node => { node.scrollTop = 0; node.dispatchEvent(new Event('scroll')); }")
    expect(page.locator("#jump")).to_be_visible()
    publish(live_server, event, [{"type": "final", "seq": 40, "text": "A new line while reading back."}])
    expect(page.locator("#captions li")).to_have_count(40, timeout=20_000)
    assert box.evaluate("node => node.scrollTop") < 50
    page.click("#jump")
    assert box.evaluate(at_bottom)


def test_unknown_event_page_is_accessible(page: Page, live_server: str, axe) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(live_server + "/events/no-such-event")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("We cannot find this event")
    assert_accessible(axe, page)
