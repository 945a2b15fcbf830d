"""`plainspeak` commands: thin wrappers over the analysis core."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from .documents import FORMATS, Document, read_document
from .errors import PlainspeakError
from .settings import Settings, get_settings
from .types import Report

__all__ = ["app"]

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Plain English for public services.")
rules_app = typer.Typer(no_args_is_help=True, help="List, show and check rule sets.")
app.add_typer(rules_app, name="rules")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

KIND_STYLES = {
    "jargon": "bold magenta",
    "wordy": "yellow",
    "hard-word": "cyan",
    "acronym": "blue",
    "passive": "green",
    "long-sentence": "red",
    "very-long-sentence": "bold red",
    "nominalisation": "yellow",
    "double-negative": "magenta",
    "easy-read": "bright_blue",
}

RulesOption = typer.Option(None, "--rules", help="Extra rule folder (repeatable).")
AllowOption = typer.Option(None, "--allow", help="A word never to flag (repeatable).")
DisableOption = typer.Option(None, "--disable", help="Switch off rules by id prefix (repeatable).")
ProfileOption = typer.Option("general", "--profile", "-p", help="general or easy-read.")


def _settings(rules: list[Path] | None, allow: list[str] | None, disable: list[str] | None) -> Settings:
    base = get_settings()
    return base.model_copy(
        update={
            "rules_dirs": [*base.rules_dirs, *(rules or [])],
            "allow": [*base.allow, *(allow or [])],
            "disable": [*base.disable, *(disable or [])],
        }
    )


def _fail(message: str) -> typer.Exit:
    err.print(f"plainspeak: {message}", markup=False)
    return typer.Exit(2)


def _book(settings: Settings):  # type: ignore[no-untyped-def]
    from .rulebook import load_rulebook

    try:
        return load_rulebook(settings)
    except PlainspeakError as error:
        raise _fail(str(error)) from None


def _expand(paths: list[str]) -> Iterator[str]:
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in FORMATS)
        else:
            yield raw


def _read(raw: str, settings: Settings) -> Document:
    if raw == "-":
        return read_document(sys.stdin.buffer.read(), None, settings=settings)
    path = Path(raw)
    if not path.is_file():
        raise PlainspeakError("no such file", source=raw)
    size = path.stat().st_size
    if size > settings.max_upload_bytes:
        raise PlainspeakError(f"the file is {size:,} bytes; the limit is {settings.max_upload_bytes:,}", source=raw)
    try:
        document = read_document(path.read_bytes(), path.name, settings=settings)
    except PlainspeakError as error:
        raise PlainspeakError(error.message, source=raw) from None
    return document


def _write_word(path: str, output: Path | None, make: Callable[[bytes], bytes]) -> None:
    """Read a .docx, make the new one, and only then write it: nothing is written on failure."""
    if output is None:
        raise _fail("give -o PATH for the Word file to write")
    source = Path(path)
    if path == "-" or source.suffix.lower() != ".docx":
        raise _fail(f"{path}: Word output needs a .docx file")
    if not source.is_file():
        raise _fail(f"{path}: no such file")
    try:
        data = make(source.read_bytes())
    except PlainspeakError as error:
        raise _fail(str(error) if error.source else f"{path}: {error}") from None
    partial = output.with_name(output.name + ".part")
    partial.write_bytes(data)
    partial.replace(output)
    err.print(f"wrote {output}", markup=False)


def _print_report(name: str, report: Report) -> None:
    text = report.text
    scores = report.scores
    out.print(f"[bold]{name}[/]  reading age {scores.reading_age:g} (target {report.target_reading_age[0]}–{report.target_reading_age[1]}), "
              f"grade {scores.flesch_kincaid_grade:g}, {scores.words} words, {scores.sentences} sentences")
    if report.reading is not None:
        reasons = ", ".join(f.name for f in report.reading.harder_because)
        out.print(f"  ease {report.reading.ease:g}/100" + (f" (harder because of: {reasons})" if reasons else ""), markup=False)
    by_sentence: dict[int | None, list] = {}
    for flag in report.flags:
        by_sentence.setdefault(flag.sentence, []).append(flag)
    for sentence in report.sentences:
        flags = by_sentence.get(sentence.index, [])
        if not flags and sentence.band == "ok":
            continue
        snippet = " ".join(text[sentence.start : sentence.end].split())
        if len(snippet) > 100:
            snippet = snippet[:97] + "..."
        band_style = {"ok": "green", "hard": "yellow", "very hard": "red"}[sentence.band]
        out.print(f"\n  [{band_style}]{sentence.band:>9}[/] age {sentence.scores.reading_age:g}: {snippet}", markup=True)
        for flag in flags:
            style = KIND_STYLES.get(flag.kind, "white")
            where = f"{flag.line}:{flag.column}"
            swap = f" → {' | '.join(flag.suggestions[:3])}" if flag.suggestions and any(flag.suggestions) else ""
            out.print(f"    {where:>8} [{style}]{flag.kind}[/] ", end="")
            out.print(f"“{flag.text}”{swap}  {flag.message}  [{flag.rule_id}]", markup=False, style="default")
    table = Table(title=None, show_edge=False, box=None, padding=(0, 2))
    table.add_column("kind")
    table.add_column("count", justify="right")
    for kind, count in report.counts.items():
        if count:
            table.add_row(f"[{KIND_STYLES.get(kind, 'white')}]{kind}[/]", str(count))
    out.print()
    if len(table.rows):
        out.print(table)
    out.print(f"  {len(report.flags)} flags\n")


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
    profile: str = ProfileOption,
    max_reading_age: Optional[float] = typer.Option(None, "--max-reading-age", help="Exit 1 when a document reads above this age."),
    comments: bool = typer.Option(False, "--comments", help="For one .docx: write it back with each flag as a Word comment (needs -o)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Where --comments writes the Word file."),
    rules: Optional[list[Path]] = RulesOption,
    allow: Optional[list[str]] = AllowOption,
    disable: Optional[list[str]] = DisableOption,
) -> None:
    """Score documents and list what makes them hard to read."""
    from .pipeline import analyse_document

    if format not in ("text", "json"):
        raise _fail("--format must be text or json")
    settings = _settings(rules, allow, disable)
    book = _book(settings)
    if comments:
        from .word_review import commented_docx

        if len(paths) != 1:
            raise _fail("--comments takes one .docx file")
        _write_word(paths[0], output, lambda data: commented_docx(data, Path(paths[0]).name, book=book, profile=profile))
        return
    names = list(_expand(paths))
    if not names:
        raise _fail("no supported files found (.txt, .md, .html, .docx)")
    reports: list[tuple[str, Report]] = []
    failed = False
    with Progress(console=err, transient=True, disable=len(names) < 2 or not err.is_terminal) as progress:
        task = progress.add_task("checking", total=len(names))
        for name in names:
            try:
                reports.append((name, analyse_document(_read(name, settings), profile=profile, book=book)))
            except PlainspeakError as error:
                err.print(f"plainspeak: {error if error.source else f'{name}: {error}'}", markup=False)
                failed = True
            progress.advance(task)
    if format == "json":
        payload = [r.to_dict() for _, r in reports]
        out.print_json(json.dumps(payload[0] if len(paths) == 1 and len(payload) == 1 and not Path(paths[0]).is_dir() else payload))
    else:
        for name, report in reports:
            _print_report("<stdin>" if name == "-" else name, report)
    if failed:
        raise typer.Exit(2)
    if max_reading_age is not None and any(r.scores.reading_age > max_reading_age for _, r in reports):
        above = [n for n, r in reports if r.scores.reading_age > max_reading_age]
        err.print(f"plainspeak: reading age above {max_reading_age:g} in: {', '.join(above)}", markup=False)
        raise typer.Exit(1)


@app.command()
def rewrite(
    path: str = typer.Argument(..., help="A file, or - for standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the result here instead of printing it."),
    only: str = typer.Option("safe", "--only", help="safe: apply safe swaps; all: also the first suggestion of other rules."),
    all_: bool = typer.Option(False, "--all", help="Same as --only all."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff instead of the text."),
    track_changes: bool = typer.Option(False, "--track-changes", help="For a .docx: write the Word file back with tracked changes (needs -o)."),
    profile: str = ProfileOption,
    rules: Optional[list[Path]] = RulesOption,
    allow: Optional[list[str]] = AllowOption,
    disable: Optional[list[str]] = DisableOption,
) -> None:
    """Apply plain-English swaps and print (or write) the new text."""
    from .pipeline import analyse_document
    from .rewrite import rewrite_report
    from .word_review import tracked_docx

    mode = "all" if all_ else only
    if mode not in ("safe", "all"):
        raise _fail("--only must be safe or all")
    settings = _settings(rules, allow, disable)
    book = _book(settings)
    if track_changes:
        _write_word(path, output, lambda data: tracked_docx(data, Path(path).name, book=book, profile=profile, mode=mode)[0])  # type: ignore[arg-type]
        return
    try:
        report = analyse_document(_read(path, settings), profile=profile, book=book)
    except PlainspeakError as error:
        raise _fail(str(error)) from None
    result = rewrite_report(report, mode)  # type: ignore[arg-type]
    if diff:
        lines = difflib.unified_diff(report.text.splitlines(keepends=True), result.text.splitlines(keepends=True), path, f"{path} (plain)")
        sys.stdout.write("".join(lines))
    elif output:
        output.write_text(result.text, encoding="utf-8")
        err.print(f"{len(result.changes)} changes written to {output}", markup=False)
    else:
        sys.stdout.write(result.text)


@rules_app.command("list")
def rules_list(
    set_name: Optional[str] = typer.Option(None, "--set", help="Only this set."),
    rules: Optional[list[Path]] = RulesOption,
) -> None:
    """One line per rule: id, kind, and what it suggests."""
    from .rulesets.loader import load_rule_dirs
    from .resources import rules_dir

    try:
        loaded = load_rule_dirs([rules_dir(), *(rules or [])])
    except PlainspeakError as error:
        raise _fail(str(error)) from None
    for rule in loaded:
        if set_name and rule.set != set_name:
            continue
        body = rule.rule
        what = ", ".join(body.replace) or body.expansion or body.gloss or body.check or ""
        out.print(f"{rule.id}\t{rule.kind}\t{what}", markup=False)


@rules_app.command("show")
def rules_show(rule_id: str, rules: Optional[list[Path]] = RulesOption) -> None:
    """Everything about one rule, as YAML."""
    import yaml

    from .resources import rules_dir
    from .rulesets.loader import load_rule_dirs

    try:
        loaded = {r.id: r for r in load_rule_dirs([rules_dir(), *(rules or [])])}
    except PlainspeakError as error:
        raise _fail(str(error)) from None
    if rule_id not in loaded:
        raise _fail(f"no rule with id {rule_id!r}")
    rule = loaded[rule_id]
    data = {"id": rule.id, "file": f"{rule.path}:{rule.line}", "kind": rule.kind, "severity": rule.severity, "safe": rule.safe,
            "sources": list(rule.sources), **rule.rule.model_dump(mode="json", by_alias=True, exclude_none=True, exclude={"id"})}
    out.print(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), markup=False)


@rules_app.command("check")
def rules_check(directory: Path = typer.Argument(..., help="A rules folder (holding set folders) or one set folder.")) -> None:
    """Validate rule files and run every example in them."""
    from .rulesets.checker import check_rules_dir

    loaded, problems = check_rules_dir(directory)
    for problem in problems:
        out.print(str(problem), markup=False)
    out.print(f"{len(loaded)} rules, {len(problems)} problems", markup=False)
    if problems:
        raise typer.Exit(1)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Start the web service."""
    import logging

    import uvicorn

    from .api import create_app

    settings = get_settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        application = create_app(settings)
    except PlainspeakError as error:
        raise _fail(str(error)) from None
    # Access logs carry paths only; plainspeak puts no text in URLs.
    # Caption messages are small: compressing each one for each viewer costs more than it saves.
    uvicorn.run(application, host=host, port=port, log_level=settings.log_level.lower(), ws_per_message_deflate=False)
