"""The draft checker in a real browser: highlights, apply, upload, keyboard, accessibility."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..documents.builders import word_document
from .conftest import assert_accessible

pytestmark = pytest.mark.browser

JARGON = (
    "Going forward, stakeholders will utilise the new hub to facilitate place-based commissioning. "
    "The funding was allocated by the ICB in order to improve outcomes."
)


def paste(page: Page, text: str) -> None:
    page.fill("#text", text)
    expect(page.locator("#marked-text")).to_be_visible(timeout=20_000)


def test_paste_highlight_apply_and_the_score_updates(page: Page, live_server: str, artifacts: Path) -> None:
    page.goto(live_server + "/")
    paste(page, JARGON)
    expect(page.locator("#marked-text a.flag.k-jargon").first).to_be_visible()
    words_before = page.locator("#word-count").inner_text()
    page.locator("#marked-text a.flag", has_text="utilise").click()
    details = page.locator("#details")
    expect(details).to_be_visible()
    expect(details).to_contain_text("use")
    details.locator("button.apply").first.click()
    expect(page.locator("#text")).to_have_value(JARGON.replace("utilise", "use"))
    expect(page.locator("#marked-text a.flag", has_text="utilise")).to_have_count(0, timeout=20_000)
    # "in order to" -> "to" changes the word count the panel shows.
    page.locator("#marked-text a.flag", has_text="in order to").click()
    page.locator("#details button.apply").first.click()
    expect(page.locator("#word-count")).not_to_have_text(words_before, timeout=20_000)
    page.screenshot(path=str(artifacts / "checker-filled.png"), full_page=True)


def test_apply_all_safe(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    paste(page, JARGON)
    page.click("#apply-safe")
    expect(page.locator("#text")).to_have_value(lambda_value_contains("will use the new hub"), timeout=20_000)


def lambda_value_contains(fragment: str):  # type: ignore[no-untyped-def]
    import re

    return re.compile(".*" + re.escape(fragment) + ".*", re.S)


def test_editing_refreshes_without_losing_the_caret(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    paste(page, "We will meet on Friday.")
    box = page.locator("#text")
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" Stakeholders will utilise the hall")
    expect(page.locator("#marked-text a.flag", has_text="utilise")).to_be_visible(timeout=20_000)
    page.keyboard.type(" today")
    expect(box).to_have_value("We will meet on Friday. Stakeholders will utilise the hall today")


def test_upload_a_word_document(page: Page, live_server: str, tmp_path: Path) -> None:
    path = tmp_path / "notice.docx"
    path.write_bytes(word_document(["We will utilise the library for the consultation."], heading="Library notice"))
    page.goto(live_server + "/")
    page.set_input_files("#file", str(path))
    page.click("button[value=check]")
    expect(page.locator("#text")).to_have_value(lambda_value_contains("We will utilise the library"), timeout=20_000)
    expect(page.locator("#marked-text a.flag", has_text="utilise")).to_be_visible(timeout=20_000)


def test_download_the_revised_word_document(page: Page, live_server: str, tmp_path: Path) -> None:
    import io

    import docx
    from docx.oxml.ns import qn

    path = tmp_path / "notice.docx"
    path.write_bytes(word_document(["We will utilise the library for the consultation."], heading="Library notice"))
    page.goto(live_server + "/")
    page.set_input_files("#file", str(path))
    page.click("button[value=check]")
    expect(page.locator("#download-docx")).to_be_visible(timeout=20_000)
    with page.expect_download() as download:
        page.click("#download-docx")
    assert download.value.suggested_filename == "notice.plain.docx"
    revised = docx.Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    inserted = [t.text for ins in revised.element.body.iter(qn("w:ins")) for t in ins.iter(qn("w:t"))]
    assert inserted == ["use"]


def test_keyboard_only_tab_to_a_highlight_and_apply(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    paste(page, "We will utilise the hall.")
    page.locator("#profile").focus()
    target = page.locator("#marked-text a.flag", has_text="utilise")
    for _ in range(40):
        page.keyboard.press("Tab")
        if target.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the highlight")
    page.keyboard.press("Enter")
    expect(page.locator("#details")).to_be_focused()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.startswith("Apply")
    page.keyboard.press("Enter")
    expect(page.locator("#text")).to_have_value("We will use the hall.")


def test_downloads(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    paste(page, "We will utilise the hall.")
    with page.expect_download() as text_download:
        page.click("#download-txt")
    assert Path(text_download.value.path()).read_text(encoding="utf-8") == "We will utilise the hall."
    with page.expect_download() as report_download:
        page.click("#report-form button")
    html = Path(report_download.value.path()).read_text(encoding="utf-8")
    assert "<style>" in html and "utilise" in html and "<script src" not in html


def test_the_checker_works_without_javascript(browser, live_server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.fill("#text", JARGON)
    page.click("button[value=check]")
    expect(page.locator("#marked-text a.flag", has_text="utilise")).to_be_visible()
    expect(page.locator("#reading-age")).to_be_visible()
    page.click("button[value=apply-safe]")
    expect(page.locator("#text")).to_have_value(lambda_value_contains("will use the new hub"))
    context.close()


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_checker_is_accessible(page: Page, live_server: str, axe, artifacts: Path, filled: bool) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server + "/")
    if filled:
        paste(page, JARGON)
        page.locator("#marked-text a.flag").first.click()
        expect(page.locator("#details")).to_be_visible()
    page.screenshot(path=str(artifacts / f"checker-{'filled' if filled else 'empty'}-axe.png"), full_page=True)
    assert_accessible(axe, page)


HOSTILE = (
    'Click <script>window.__pwned = 1; alert("x")</script> here. '
    '<img src=x onerror="window.__pwned = 2"> and <a href="javascript:window.__pwned=3">this link</a> too.'
)


def test_hostile_text_is_shown_as_text_in_every_view(page: Page, live_server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server + "/")
    paste(page, HOSTILE)
    expect(page.locator("#marked-text")).to_contain_text("<script>")
    assert page.locator("#marked-text img, #marked-text script, #marked-text a[href^=javascript]").count() == 0
    page.goto(live_server + "/")
    page.fill("#text", HOSTILE)
    page.click("#easy-read-form button")
    expect(page.locator(".er-sentence").first).to_contain_text("<script>")
    assert page.locator(".easy-read img[src=x], .easy-read script, .easy-read a").count() == 0
    with page.expect_download() as report:
        page.goto(live_server + "/")
        page.fill("#text", HOSTILE)
        page.click("#report-form button")
    html = Path(report.value.path()).read_text(encoding="utf-8")
    assert "<script>window" not in html and "&lt;script&gt;" in html and 'onerror="window' not in html
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


def test_the_accessibility_check_can_fail(page: Page, axe) -> None:  # type: ignore[no-untyped-def]
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    with pytest.raises(AssertionError) as caught:
        assert_accessible(axe, page)
    assert "image-alt" in str(caught.value) and "label" in str(caught.value)
