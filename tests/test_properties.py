"""Never lose text: properties over random documents built from real triggers and noise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainspeak.rewrite import Choice, apply_choices, choose, rewrite_report

WORDS = [
    "The", "council", "will", "utilise", "Utilised", "UTILISE", "stakeholders", "going", "forward", "in", "order", "to",
    "an", "a", "endeavour", "commence", "was", "approved", "by", "the", "ICB", "NHS", "not", "unlikely", "provision", "of",
    "service", "users", "care", "package", "co-production", "“quoted”", '"jargon"', "http://x.org/a", "e.g.", "Dr", "£5",
    "facilitate", "signposting", "place-based", "commissioning", "approximately", "prior", "with", "regard", "people",
]
PUNCT = [" ", " ", " ", ", ", ". ", ".\n", "\n\n", "\n- ", "; ", "? ", "  ", "\t", " (", ") "]

documents = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT)), min_size=1, max_size=60).map("".join)
noise = st.text(min_size=1, max_size=200)
anything = st.one_of(documents, noise, st.tuples(documents, noise).map("".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _analysable(text: str) -> bool:
    return bool(text.strip())


@SETTINGS
@given(text=anything.filter(_analysable))
def test_doc_text_is_the_input(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.nlp import parse

    assert parse(text, nlp).text == text


@SETTINGS
@given(text=anything.filter(_analysable))
def test_flags_point_exactly_at_the_original(check, text: str) -> None:  # type: ignore[no-untyped-def]
    report = check(text)
    assert report.text == text
    for flag in report.flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.text
        assert flag.line is not None and flag.column is not None
        assert text.count("\n", 0, flag.start) + 1 == flag.line


@SETTINGS
@given(text=anything.filter(_analysable))
def test_applying_no_change_is_the_identity(check, text: str) -> None:  # type: ignore[no-untyped-def]
    report = check(text)
    result = apply_choices(text, report.flags, [])
    assert result.text == text and result.changes == ()


@SETTINGS
@given(text=documents.filter(_analysable), data=st.data())
def test_applying_some_changes_touches_only_their_spans(check, text: str, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    report = check(text)
    candidates = [Choice(f.start, f.end, f.rule_id, i) for f in report.flags for i in range(len(f.suggestions))]
    chosen = data.draw(st.lists(st.sampled_from(candidates), unique=True) if candidates else st.just([]))
    result = apply_choices(text, report.flags, chosen)
    old_cursor = new_cursor = 0
    for change in result.changes:
        assert text[change.start : change.end] == change.old
        assert result.text[change.new_start : change.new_end] == change.new
        assert text[old_cursor : change.start] == result.text[new_cursor : change.new_start]
        old_cursor, new_cursor = change.end, change.new_end
    assert text[old_cursor:] == result.text[new_cursor:]


@SETTINGS
@given(text=documents.filter(_analysable))
def test_safe_rewrites_are_stable(check, text: str) -> None:  # type: ignore[no-untyped-def]
    """A second safe pass never rewrites what the first one wrote: no rule feeds another.

    It may still change a word the first pass left: in word salad the tagger can read
    "endeavour endeavour" as a verb and a name, and "try endeavour" as two verbs.
    """
    first = rewrite_report(check(text), "safe")
    if not first.text.strip():
        return
    second = rewrite_report(check(first.text), "safe")
    written = [(c.new_start, c.new_end) for c in first.changes if c.new_end > c.new_start]
    again = [c.old for c in second.changes if any(c.start < end and start < c.end for start, end in written)]
    assert again == []


def test_choose_picks_only_safe_flags_unless_asked(check) -> None:  # type: ignore[no-untyped-def]
    report = check("Going forward, stakeholders will utilise the hall.")
    safe = {c.rule_id for c in choose(report.flags, "safe")}
    everything = {c.rule_id for c in choose(report.flags, "all")}
    assert "plain-words.verbs.utilise" in safe
    assert safe < everything
