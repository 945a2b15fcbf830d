"""Pages rendered by the server (the no-JavaScript path), Easy Read JSON and the Word export."""

from __future__ import annotations

import io

import docx
from fastapi.testclient import TestClient

from ..documents.builders import tiny_png, with_external_entity, word_document, zip_bomb

HOSTILE = 'Click <script>alert(1)</script> and <img src=x onerror="alert(2)"> or <a href="javascript:alert(3)">here</a>.'


def test_pages_render(client: TestClient) -> None:
    for path in ("/", "/easy-read", "/docs"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
    assert "swagger-ui-bundle.js" in client.get("/docs").text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/js/checker.js").status_code == 200


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_form_post_renders_the_report(client: TestClient) -> None:
    page = client.post("/", data={"text": "We will utilise the hall.", "profile": "general", "action": "check"})
    assert page.status_code == 200
    assert 'class="flag k-hard-word"' in page.text and "utilise" in page.text
    assert 'id="reading-age"' in page.text


def test_form_upload_renders_the_report(client: TestClient) -> None:
    data = word_document(["We will utilise the hall."])
    page = client.post("/", files={"file": ("event.docx", data)}, data={"profile": "general"})
    assert page.status_code == 200 and "utilise" in page.text


def test_apply_safe_without_javascript(client: TestClient) -> None:
    page = client.post("/", data={"text": "We will utilise the hall.", "action": "apply-safe"})
    assert ">We will use the hall.</textarea>" in page.text


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    for path in ("/", "/easy-read", "/report", "/partials/report"):
        page = client.post(path, data={"text": HOSTILE})
        assert page.status_code == 200, path
        assert "<script>alert" not in page.text, path
        assert "<img src=x" not in page.text, path
        assert 'href="javascript:' not in page.text, path
        assert "&lt;script&gt;" in page.text, path


def test_hostile_uploads_get_a_clear_message(client: TestClient) -> None:
    good = word_document(["Hello there."])
    for name, data, words in (("bomb.docx", zip_bomb(good), "zip bomb"), ("xxe.docx", with_external_entity(good), "entities")):
        page = client.post("/", files={"file": (name, data)})
        assert page.status_code in (400, 413)
        assert 'role="alert"' in page.text and words in page.text


def test_easy_read_json(client: TestClient) -> None:
    body = client.post("/v1/easy-read", json={"text": "Your domiciliary care will continue at three visits per day. Contact the ICB."}).json()
    first, second = body["lines"]
    assert first["text"] == "Your domiciliary care will continue at 3 visits per day."
    assert [first["text"][a:b] for a, b in first["bold"]] == ["domiciliary care"]
    assert first["picture"]["emoji"]
    assert {h["term"] for h in body["hard_words"]} == {"domiciliary care", "ICB"}


def test_easy_read_marks_long_sentences(client: TestClient) -> None:
    text = "We will write to you in the next few weeks to tell you about the new times for the bus into town."
    (line,) = client.post("/v1/easy-read", json={"text": text}).json()["lines"]
    assert line["too_long"] and line["words"] > 15


def test_word_export_of_edited_lines(client: TestClient) -> None:
    response = client.post(
        "/easy-read/docx",
        data={"line": ["Ask your **GP** for help.", "Ring us."], "picture": ["doctor", "phone"], "term": ["GP"], "meaning": ["Your family doctor."], "title": "Your care"},
    )
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="easy-read.docx"'
    document = docx.Document(io.BytesIO(response.content))
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["🩺", "Ask your GP for help."], ["📞", "Ring us."]]
    runs = table.rows[0].cells[1].paragraphs[0].runs
    assert [(r.text, bool(r.bold)) for r in runs] == [("Ask your ", False), ("GP", True), (" for help.", False)]
    assert document.paragraphs[0].text == "Your care"


def test_word_export_refuses_a_broken_form(client: TestClient) -> None:
    response = client.post("/easy-read/docx", data={"line": ["One", "Two"], "picture": ["doctor"]})
    assert response.status_code == 400 and "each line needs one picture" in response.text


def test_organisation_pictures(tmp_path, book) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.api import create_app

    (tmp_path / "doctor.png").write_bytes(tiny_png())
    (tmp_path / "nurse.png").write_bytes(b"not really a picture")
    app = create_app(book.settings.model_copy(update={"pictures_dir": tmp_path}), book)
    with TestClient(app) as client:
        body = client.post("/v1/easy-read", json={"text": "See your doctor soon."}).json()
        assert body["lines"][0]["picture"]["image"] == "doctor.png"
        assert client.get("/pictures/doctor.png").status_code == 200
        assert client.get("/pictures/..%2Fsecret").status_code == 404
        exported = client.post("/easy-read/docx", data={"line": ["See your doctor."], "picture": ["image:doctor.png"]})
        document = docx.Document(io.BytesIO(exported.content))
        assert document.inline_shapes and len(document.inline_shapes) == 1
        # A damaged picture in the folder is written as its word, not a server error.
        broken = client.post("/easy-read/docx", data={"line": ["See the nurse."], "picture": ["image:nurse.png"]})
        assert broken.status_code == 200
        assert docx.Document(io.BytesIO(broken.content)).tables[0].rows[0].cells[0].text == "nurse"
