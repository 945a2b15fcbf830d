"""The whisperer: swaps, first-use explanations, acronyms, the event's glossary and memory."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainspeak.whisper.whisperer import GlossaryEntry, Memory, whisper


def run(book, lines: list[str], **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    memory = Memory()
    out = []
    for line in lines:
        result = whisper(line, book, memory=memory, **kwargs)
        memory.explained |= result.explained
        memory.previous = line
        out.append(result.plain)
    return out


def test_safe_swaps_are_made_every_time(book) -> None:  # type: ignore[no-untyped-def]
    assert run(book, ["We will utilise the hall.", "They utilised it too."]) == ["We will use the hall.", "They used it too."]


def test_terms_are_explained_the_first_time_only(book) -> None:  # type: ignore[no-untyped-def]
    first, second = run(book, ["Commissioning starts in May.", "Commissioning is hard."])
    assert first == "Commissioning (buying services) starts in May."
    assert second == "Commissioning is hard."


def test_acronyms_are_expanded_the_first_time_only(book) -> None:  # type: ignore[no-untyped-def]
    first, second = run(book, ["Ask the ICB about it.", "The ICB will reply."])
    assert first == "Ask the Integrated Care Board (ICB) about it."
    assert second == "The ICB will reply."


def test_the_event_glossary_comes_first(book) -> None:  # type: ignore[no-untyped-def]
    glossary = {"hub": GlossaryEntry(replace="drop-in centre"), "Team Around the Family": GlossaryEntry(explain="workers who help a family together")}
    first, second = run(book, ["Come to the hub. The Team Around the Family will be there.", "The Team Around the Family meets weekly."], glossary=glossary)
    assert first == "Come to the drop-in centre. The Team Around the Family (workers who help a family together) will be there."
    assert second == "The Team Around the Family meets weekly."


def test_never_change_words_are_left_alone(book) -> None:  # type: ignore[no-untyped-def]
    assert run(book, ["We will utilise the hall."], never_change=["utilise"]) == ["We will utilise the hall."]


def test_quotations_and_names_are_left_alone(book) -> None:  # type: ignore[no-untyped-def]
    assert run(book, ['She said "we will utilise it" at Working Denbighshire.']) == ['She said "we will utilise it" at Working Denbighshire.']


def test_a_line_that_continues_a_sentence_is_read_with_the_one_before(book) -> None:  # type: ignore[no-untyped-def]
    # Alone, "action the complaints" reads as a noun phrase; after "Our team will", "action" is a verb.
    assert whisper("action the complaints.", book).plain == "action the complaints."
    assert run(book, ["Our team will", "action the complaints."])[1] == "action (deal with) the complaints."
    # A line that ended its sentence gives no context.
    assert run(book, ["Our team will help.", "action the complaints."])[1] == "action the complaints."


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=1, max_value=60), pieces=st.integers(min_value=1, max_value=4))
def test_partials_never_change_the_final(book, cut: int, pieces: int) -> None:  # type: ignore[no-untyped-def]
    """However the captioner streams partials, the final reads the same as if sent alone."""
    final = "Going forward, the ICB will utilise place-based commissioning."
    alone = whisper(final, book, memory=Memory())
    memory = Memory()
    for i in range(1, pieces + 1):
        partial = final[: max(1, min(len(final), cut * i // pieces))]
        whisper(partial, book, memory=memory)  # partials are whispered but never committed
    assert whisper(final, book, memory=memory).plain == alone.plain


def test_empty_line(book) -> None:  # type: ignore[no-untyped-def]
    assert whisper("   ", book).plain == "   "
