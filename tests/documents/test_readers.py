from __future__ import annotations

import codecs

import pytest

from plainspeak.documents import read_document
from plainspeak.errors import InputError
from plainspeak.pipeline import analyse_document
from plainspeak.settings import Settings

from .builders import ENCRYPTED_HEADER, mixed_formatting_document, with_external_entity, with_macros, word_document, zip_bomb

TEXT = "Residents’ views on the café’s opening hours – please reply by Friday."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with a BOM
        TEXT.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_text_encodings(data: bytes) -> None:
    assert read_document(data, "notice.txt").text == TEXT


@pytest.mark.parametrize(
    "data, name, code",
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n ", "blank.txt", "empty"),
        (b"\x00\x01\x02\x03binary\x00stuff" * 10, "data.txt", "binary"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "odd.txt", "bad-encoding"),
        (b"%PDF-1.7 ...", "paper.pdf", "unsupported"),
        (b"hello", "sheet.xlsx", "unsupported"),
        (b"PK\x03\x04 not really a zip", "draft.docx", "corrupt-docx"),
        (ENCRYPTED_HEADER, "locked.docx", "protected-or-legacy"),
        (b"hello", "draft.docm", "macro-enabled"),
    ],
)
def test_bad_input_gets_a_clear_error(data: bytes, name: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        read_document(data, name)
    assert caught.value.code == code
    assert str(caught.value).startswith(name + ": ")
    assert "\n" not in str(caught.value)


def test_oversized_upload_is_refused() -> None:
    with pytest.raises(InputError, match="limit") as caught:
        read_document(b"word " * 300, "big.txt", settings=Settings(max_upload_bytes=1000))
    assert caught.value.status == 413


def test_markdown_flags_point_at_the_source(book) -> None:  # type: ignore[no-untyped-def]
    source = (
        "# How we will utilise the funding\n\n"
        "We will **utilise** it well. Run `utilise --now` to see.\n\n"
        "```\nutilise in code\n```\n\n"
        "Read [the plan](https://example.org/utilise-plan) today.\n"
    )
    document = read_document(source.encode(), "plan.md")
    assert len(document.analysed or "") == len(source)
    report = analyse_document(document, book=book)
    hits = [f for f in report.flags if f.rule_id == "plain-words.verbs.utilise"]
    assert [(f.line, f.column) for f in hits] == [(1, 15), (3, 11)]
    assert all(source[f.start : f.end] == f.text == "utilise" for f in hits)


def test_html_reads_visible_text_only() -> None:
    html = (
        b"<html><head><title>Hidden title</title><style>p { color: red }</style></head>"
        b"<body><h1>Bin <b>collection</b> days</h1><script>var utilise = 1;</script>"
        b"<p>We collect bins on Friday &amp; Monday.<br>Put them out by seven.</p></body></html>"
    )
    document = read_document(html, "bins.html")
    assert document.text == "Bin collection days\n\nWe collect bins on Friday & Monday.\nPut them out by seven.\n"


def test_docx_paragraphs_tables_and_lists_in_reading_order(book) -> None:  # type: ignore[no-untyped-def]
    data = word_document(
        ["We will utilise the hall for the event."],
        heading="Community event",
        bullets=["Tea and cake", "A quiz"],
        table=[["Time", "What"], ["10am", "Doors open"]],
    )
    document = read_document(data, "event.docx")
    assert document.text.split("\n\n") == [
        "Community event",
        "We will utilise the hall for the event.",
        "Tea and cake",
        "A quiz",
        "Time",
        "What",
        "10am",
        "Doors open",
    ]
    report = analyse_document(document, book=book)
    (flag,) = [f for f in report.flags if f.rule_id == "plain-words.verbs.utilise"]
    assert flag.paragraph == 1
    assert report.source.paragraphs == 8


def test_docx_text_across_runs_is_joined(book) -> None:  # type: ignore[no-untyped-def]
    document = read_document(mixed_formatting_document(), "mixed.docx")
    assert document.text == "We met our stakeholders and will utilise their views."


@pytest.mark.parametrize(
    "make, code",
    [(zip_bomb, "zip-bomb"), (with_external_entity, "xml-entities"), (with_macros, "macro-enabled")],
    ids=["zip-bomb", "external-entities", "macros"],
)
def test_hostile_docx_is_refused(make, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        read_document(make(word_document(["Hello there."])), "hostile.docx")
    assert caught.value.code == code
