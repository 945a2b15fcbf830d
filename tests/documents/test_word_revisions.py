"""Word documents back with tracked changes and comments; everything else exactly as it was."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from plainspeak.cli import app
from plainspeak.documents import read_document
from plainspeak.documents.docx import word_paragraphs
from plainspeak.documents.word_revisions import AUTHOR, Edit, revise
from plainspeak.documents.word_text import paragraph_pieces
from plainspeak.errors import InputError
from plainspeak.pipeline import analyse_document
from plainspeak.rewrite import rewrite_report
from plainspeak.word_review import commented_docx, tracked_docx

from .builders import ENCRYPTED_HEADER, rich_document, with_external_entity, with_macros, zip_bomb

HERE = Path(__file__).parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body_paragraphs(data: bytes) -> list[bytes]:
    document = docx.Document(io.BytesIO(data))
    return [etree.tostring(p) for p in document.element.body.iter(qn("w:p"))]


def resolved(data: bytes, accept: bool, whole: bool = False) -> str:
    """The analysed text after accepting (or rejecting) every tracked change, as Word would.

    `whole`: the first paragraph's text exactly, blank or not.
    """
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    keep, drop = (qn("w:ins"), qn("w:del")) if accept else (qn("w:del"), qn("w:ins"))
    for element in list(body.iter(drop)):
        element.getparent().remove(element)
    for element in list(body.iter(keep)):
        for child in list(element):
            for deleted in child.iter(qn("w:delText")):
                deleted.tag = qn("w:t")
            element.addprevious(child)
        element.getparent().remove(element)
    if whole:
        return paragraph_pieces(next(body.iter(qn("w:p"))))[0]
    text, _, _ = word_paragraphs(document)
    return text


def expected_rewrite(data: bytes, book, mode: str = "safe") -> tuple[str, str]:  # type: ignore[no-untyped-def]
    report = analyse_document(read_document(data, "paper.docx"), book=book)
    return report.text, rewrite_report(report, mode).text  # type: ignore[arg-type]


def test_accepting_all_changes_gives_the_rewrite_and_rejecting_gives_the_original(book) -> None:  # type: ignore[no-untyped-def]
    data = rich_document()
    original, rewritten = expected_rewrite(data, book)
    out, result = tracked_docx(data, "paper.docx", book=book)
    assert result.changes, "the test document should have safe swaps"
    assert resolved(out, accept=True) == rewritten
    assert resolved(out, accept=False) == original
    assert "We will use the" in rewritten


def test_revisions_are_attributed_and_dated(book) -> None:  # type: ignore[no-untyped-def]
    out, _ = tracked_docx(rich_document(), "paper.docx", book=book)
    body = docx.Document(io.BytesIO(out)).element.body
    revisions = list(body.iter(qn("w:ins"))) + list(body.iter(qn("w:del")))
    assert revisions
    ids = [r.get(qn("w:id")) for r in revisions]
    assert len(set(ids)) == len(ids)
    assert all(r.get(qn("w:author")) == AUTHOR and r.get(qn("w:date")).endswith("Z") for r in revisions)


def test_paragraphs_with_no_change_are_byte_identical(book) -> None:  # type: ignore[no-untyped-def]
    data = rich_document()
    out, result = tracked_docx(data, "paper.docx", book=book, comments=False)
    before, after = body_paragraphs(data), body_paragraphs(out)
    assert len(before) == len(after)
    changed = [b != a for b, a in zip(before, after)]
    assert 0 < sum(changed) < len(changed)
    touched = {p for p, text in enumerate(before) if b"utilise" in text or b"util" in text or b"prior to" in text or b"commence" in text or b"order to" in text}
    assert {i for i, c in enumerate(changed) if c} <= touched
    assert not changed[1]  # "This paragraph has nothing to change in it at all."


def test_a_change_inside_one_run_keeps_its_formatting_on_both_sides(book) -> None:  # type: ignore[no-untyped-def]
    out, _ = tracked_docx(rich_document(), "paper.docx", book=book, comments=False)
    document = docx.Document(io.BytesIO(out))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("We will"))
    deleted = [t.text for t in paragraph._p.iter(qn("w:delText"))]
    inserted = [t.text for ins in paragraph._p.iter(qn("w:ins")) for t in ins.iter(qn("w:t"))]
    assert "".join(deleted).startswith("utilise") and inserted[0] == "use"
    bold_deleted = [r for r in paragraph._p.iter(qn("w:r")) if r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:b")) is not None]
    assert any(r.find(qn("w:delText")) is not None and r.find(qn("w:delText")).text == "util" for r in bold_deleted)
    italic = [r for r in paragraph._p.iter(qn("w:r")) if r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:i")) is not None]
    assert [r.find(qn("w:t")).text for r in italic if r.find(qn("w:t")) is not None] == ["new hub"]


def test_everything_outside_the_body_is_untouched(book) -> None:  # type: ignore[no-untyped-def]
    data = rich_document()
    out, _ = tracked_docx(data, "paper.docx", book=book)
    source, result = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(out))
    for name in ("word/footnotes.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml"):
        if name in source.namelist():
            assert result.read(name) == source.read(name), name
    media = [n for n in source.namelist() if n.startswith("word/media/")]
    assert media and all(result.read(n) == source.read(n) for n in media)


def test_remaining_flags_become_comments_on_the_flagged_words(book) -> None:  # type: ignore[no-untyped-def]
    out = commented_docx(rich_document(), "paper.docx", book=book)
    document = docx.Document(io.BytesIO(out))
    comments = list(document.comments)
    assert comments and all(c.author == AUTHOR for c in comments)
    texts = [c.text for c in comments]
    assert any("stakeholder" in t.lower() for t in texts)
    body = document.element.body
    starts = {e.get(qn("w:id")) for e in body.iter(qn("w:commentRangeStart"))}
    assert starts == {str(c.comment_id) for c in comments}
    # A comment changes markers only: the text reads as before.
    assert word_paragraphs(document)[0] == read_document(rich_document(), "paper.docx").text


def test_tracked_changes_come_with_comments_on_what_was_not_changed(book) -> None:  # type: ignore[no-untyped-def]
    out, result = tracked_docx(rich_document(), "paper.docx", book=book)
    document = docx.Document(io.BytesIO(out))
    assert result.changes and list(document.comments)


@pytest.mark.parametrize(
    "make, code",
    [(lambda d: zip_bomb(d), "zip-bomb"), (lambda d: with_external_entity(d), "xml-entities"), (lambda d: with_macros(d), "macro-enabled"), (lambda d: ENCRYPTED_HEADER, "protected-or-legacy"), (lambda d: b"PK\x03\x04broken", "corrupt-docx")],
    ids=["zip-bomb", "external-entities", "macros", "password", "corrupt"],
)
def test_hostile_or_broken_files_are_refused(book, make, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        tracked_docx(make(rich_document()), "paper.docx", book=book)
    assert caught.value.code == code


runs_of_text = st.lists(
    st.tuples(st.text(alphabet="abc de\tf", min_size=1, max_size=8), st.booleans(), st.booleans()), min_size=1, max_size=8
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=runs_of_text, data=st.data())
def test_random_formatting_never_loses_or_duplicates_a_character(runs, data) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document()
    paragraph = document.add_paragraph()
    for text, bold, italic in runs:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
    original, _ = paragraph_pieces(paragraph._p)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(original)), min_size=0, max_size=6, unique=True)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    edits = [Edit(0, a, b, data.draw(st.text(alphabet="xyz ", max_size=4))) for a, b in spans]
    expected = original
    for edit in sorted(edits, key=lambda e: -e.start):
        expected = expected[: edit.start] + edit.new + expected[edit.end :]
    out = revise(document, [paragraph], edits, [])
    accepted = docx.Document(io.BytesIO(out))
    assert resolved(out, accept=False, whole=True) == original
    assert resolved(out, accept=True, whole=True) == expected
    assert len(accepted.paragraphs) == 1


runner = CliRunner()


def test_cli_track_changes_and_comments(tmp_path: Path, book) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.docx"
    draft.write_bytes(rich_document())
    plain = tmp_path / "draft.plain.docx"
    result = runner.invoke(app, ["rewrite", str(draft), "--track-changes", "-o", str(plain)])
    assert result.exit_code == 0, result.output
    assert resolved(plain.read_bytes(), accept=True) == expected_rewrite(draft.read_bytes(), book)[1]
    checked = tmp_path / "draft.checked.docx"
    result = runner.invoke(app, ["check", str(draft), "--comments", "-o", str(checked)])
    assert result.exit_code == 0, result.output
    assert list(docx.Document(str(checked)).comments)


def test_cli_writes_nothing_on_failure(tmp_path: Path) -> None:
    bad = tmp_path / "locked.docx"
    bad.write_bytes(ENCRYPTED_HEADER)
    target = tmp_path / "out.docx"
    for args in (["rewrite", str(bad), "--track-changes", "-o", str(target)], ["check", str(bad), "--comments", "-o", str(target)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "password" in result.output
        assert not target.exists()
    needs_output = runner.invoke(app, ["rewrite", str(bad), "--track-changes"])
    assert needs_output.exit_code == 2 and "-o" in needs_output.output


def test_api_rewrite_with_a_word_upload_returns_a_word_file(client, book) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1/rewrite", files={"file": ("paper.docx", rich_document())}, data={"mode": "safe"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert 'filename="paper.plain.docx"' in response.headers["content-disposition"]
    assert resolved(response.content, accept=True) == expected_rewrite(rich_document(), book)[1]
    refused = client.post("/v1/rewrite", files={"file": ("paper.docx", with_external_entity(rich_document()))})
    assert refused.status_code == 400 and refused.headers["content-type"].startswith("application/problem+json")


@pytest.mark.libreoffice
def test_libreoffice_opens_it_and_shows_the_accepted_text(tmp_path: Path, book) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("soffice") is None or not Path("/usr/bin/python3").exists():
        pytest.fail("LibreOffice is missing: run `make test`, which installs libreoffice-writer-nogui and python3-uno")
    data = rich_document()
    out, _ = tracked_docx(data, "paper.docx", book=book, comments=False)
    source = tmp_path / "paper.plain.docx"
    source.write_bytes(out)
    target = tmp_path / "accepted.txt"
    subprocess.run(["/usr/bin/python3", str(HERE / "libreoffice_accept.py"), str(source), str(target)], check=True, timeout=180)
    shown = target.read_text(encoding="utf-8-sig")
    rewritten = expected_rewrite(data, book)[1]
    lines = [line for line in shown.splitlines() if line.strip()]
    for paragraph in rewritten.split("\n\n"):
        # LibreOffice writes list items with their bullet or number in front, and footnote numbers.
        assert any(_digitless(line).strip().endswith(_digitless(paragraph)) for line in lines), paragraph
    assert "utilise" not in shown.replace("do not utilise outside", "")


def _digitless(text: str) -> str:
    return "".join(c for c in text if not c.isdigit())


@pytest.mark.libreoffice
def test_libreoffice_converts_the_commented_document(tmp_path: Path, book) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "paper.checked.docx"
    source.write_bytes(commented_docx(rich_document(), "paper.docx", book=book))
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "html", "--outdir", str(tmp_path), str(source)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    html = (tmp_path / "paper.checked.html").read_text(encoding="utf-8", errors="replace")
    assert "Library services review" in html and "stakeholder" in html.lower()
