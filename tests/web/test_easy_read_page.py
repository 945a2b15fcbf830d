"""The Easy Read view in a real browser: pictures, hard words, edits, Word export."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible

pytestmark = pytest.mark.browser

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def make_draft(page: Page, base: str) -> None:
    page.goto(base + "/easy-read")
    page.fill("#text", (GOLDEN / "care-plan-letter.txt").read_text(encoding="utf-8"))
    page.click("button[type=submit]")
    expect(page.locator(".er-line").first).to_be_visible(timeout=30_000)


def test_pictures_hard_words_and_word_export(page: Page, live_server: str, artifacts: Path) -> None:
    make_draft(page, live_server)
    lines = page.locator(".er-line")
    count = lines.count()
    assert count >= 8
    expect(page.locator(".picture-emoji").first).to_be_visible()
    emoji_font = page.locator(".picture-emoji").first.evaluate("node => getComputedStyle(node).fontFamily")
    assert "Noto Color Emoji" in emoji_font
    expect(page.locator(".hard-words")).to_contain_text("domiciliary care")
    expect(page.locator(".er-sentence strong", has_text="reablement")).to_be_visible()
    text_size = page.locator(".er-sentence").first.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
    assert text_size >= 21.3  # 16pt
    page.screenshot(path=str(artifacts / "easy-read.png"), full_page=True)
    # Edit a line and swap a picture, then export.
    page.fill("#line-1", "Hello Mr Okonkwo.")
    expect(page.locator("#line-text-1")).to_have_text("Hello Mr Okonkwo.")
    page.select_option("#picture-1", "happy")
    expect(page.locator(".er-line").first.locator(".picture-emoji")).to_have_text("🙂")
    with page.expect_download() as download:
        page.click("text=Download as Word")
    document = docx.Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    (table,) = document.tables
    assert len(table.columns) == 2 and len(table.rows) == count
    first = table.rows[0].cells
    assert first[0].text == "🙂" and first[1].text == "Hello Mr Okonkwo."
    run = first[1].paragraphs[0].runs[0]
    assert run.font.name == "Arial" and run.font.size.pt >= 16
    bold = [r.text for row in table.rows for r in row.cells[1].paragraphs[0].runs if r.bold]
    assert "reablement" in bold
    assert any(p.text == "Hard words" for p in document.paragraphs)


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_easy_read_is_accessible(page: Page, live_server: str, axe, artifacts: Path, filled: bool) -> None:  # type: ignore[no-untyped-def]
    if filled:
        make_draft(page, live_server)
    else:
        page.goto(live_server + "/easy-read")
    page.screenshot(path=str(artifacts / f"easy-read-{'filled' if filled else 'empty'}-axe.png"), full_page=True)
    assert_accessible(axe, page)


def test_print_stylesheet_hides_the_controls(page: Page, live_server: str) -> None:
    make_draft(page, live_server)
    page.emulate_media(media="print")
    expect(page.locator(".picture-choice").first).to_be_hidden()
    expect(page.locator(".line-edit").first).to_be_hidden()
    expect(page.locator(".er-sentence").first).to_be_visible()
