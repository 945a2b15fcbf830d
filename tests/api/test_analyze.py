from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from plainspeak.api import create_app

from ..documents.builders import ENCRYPTED_HEADER, with_external_entity, word_document, zip_bomb

JARGON = "Going forward, stakeholders will utilise the funding. The money was allocated by the ICB."


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["rules"] > 0


def test_analyze_json(client: TestClient) -> None:
    response = client.post("/v1/analyze", json={"text": JARGON, "profile": "general"})
    assert response.status_code == 200
    report = response.json()
    assert report["text"] == JARGON
    assert report["scores"]["reading_age"] > 0
    assert report["counts"]["passive"] == 1
    for flag in report["flags"]:
        assert JARGON[flag["start"] : flag["end"]] == flag["text"]
        assert {"kind", "rule_id", "message", "suggestions", "severity", "line", "column"} <= set(flag)


def test_analyze_markdown_and_html_text(client: TestClient) -> None:
    md = client.post("/v1/analyze", json={"text": "# Plan\n\nWe will **utilise** it.", "format": "markdown"}).json()
    assert any(f["text"] == "utilise" and f["line"] == 3 for f in md["flags"])
    html = client.post("/v1/analyze", json={"text": "<p>We will <b>utilise</b> it.</p><script>x()</script>", "format": "html"}).json()
    assert html["text"] == "We will utilise it.\n"


def test_analyze_upload(client: TestClient) -> None:
    data = word_document(["We will utilise the hall."], heading="Event")
    response = client.post("/v1/analyze", files={"file": ("event.docx", data)}, data={"profile": "easy-read"})
    assert response.status_code == 200
    report = response.json()
    assert report["profile"] == "easy-read"
    assert report["source"] == {"format": "docx", "name": "event.docx", "paragraphs": 2}
    assert any(f["paragraph"] == 1 and f["text"] == "utilise" for f in report["flags"])


@pytest.mark.parametrize(
    "kwargs, status, detail",
    [
        ({"json": {"text": ""}}, 400, "empty"),
        ({"json": {"text": "   \n"}}, 400, "empty"),
        ({"json": {"text": "Hello.", "profile": "legal"}}, 400, "unknown profile"),
        ({"json": {"texts": "Hello."}}, 422, "text"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
        ({"content": b"hello", "headers": {"content-type": "text/csv"}}, 415, "send JSON"),
        ({"files": {"file": ("blank.txt", b"")}}, 400, "empty"),
        ({"files": {"file": ("data.bin.txt", b"\x00\x01\x02" * 50)}}, 415, "binary"),
        ({"files": {"file": ("odd.txt", b"\x81\x8d\x8f\x90\x9d" * 20)}}, 400, "encoding"),
        ({"files": {"file": ("locked.docx", ENCRYPTED_HEADER)}}, 415, "password"),
        ({"files": {"file": ("broken.docx", b"PK\x03\x04junk")}}, 400, "damaged"),
        ({"files": {"file": ("paper.pdf", b"%PDF-1.4")}}, 415, "PDF"),
        ({"data": {"profile": "general"}, "files": {"other": ("x.txt", b"hi")}}, 400, "file"),
    ],
)
def test_bad_input_is_a_problem_response(client: TestClient, kwargs: dict, status: int, detail: str) -> None:
    response = client.post("/v1/analyze", **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and detail in body["detail"]
    assert "Traceback" not in response.text


def test_hostile_docx_uploads_are_refused(client: TestClient) -> None:
    good = word_document(["Hello there."])
    bomb = client.post("/v1/analyze", files={"file": ("bomb.docx", zip_bomb(good))})
    assert bomb.status_code in (400, 413) and "zip bomb" in bomb.json()["detail"]
    entity = client.post("/v1/analyze", files={"file": ("xxe.docx", with_external_entity(good))})
    assert entity.status_code == 400 and "entities" in entity.json()["detail"]


def test_body_over_the_cap_is_refused_before_reading(book) -> None:  # type: ignore[no-untyped-def]
    small = create_app(book.settings.model_copy(update={"max_upload_bytes": 2000}), book)
    with TestClient(small) as client:
        response = client.post("/v1/analyze", json={"text": "word " * 20_000})
        assert response.status_code == 413
        assert "limit" in response.json()["detail"]


def test_text_over_the_character_cap_is_refused(book) -> None:  # type: ignore[no-untyped-def]
    small = create_app(book.settings.model_copy(update={"max_text_chars": 100}), book)
    with TestClient(small) as client:
        response = client.post("/v1/analyze", json={"text": "word " * 50})
        assert response.status_code == 413


def test_openapi_docs(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/v1/analyze", "/v1/rewrite", "/v1/rules"} <= set(spec["paths"])
    assert "multipart/form-data" in spec["paths"]["/v1/analyze"]["post"]["requestBody"]["content"]


def test_analysis_logs_carry_no_text(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Mrs Ffion Pritchard-Evans of 12 Heol Las needs a care package."
    with caplog.at_level("DEBUG"):
        assert client.post("/v1/analyze", json={"text": secret}).status_code == 200
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "analysed chars=" in logged
    for word in ("Ffion", "Pritchard", "Heol", "care package"):
        assert word not in logged
