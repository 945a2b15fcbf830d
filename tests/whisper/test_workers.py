"""Whispering in a worker process gives the same lines as whispering in the web process."""

from __future__ import annotations


from plainspeak.whisper.whisperer import GlossaryEntry, Memory
from plainspeak.whisper.workers import Whisperers, worker_count

from ..serving import run_async


def test_a_worker_process_whispers_like_the_web_process(book) -> None:  # type: ignore[no-untyped-def]
    async def both() -> tuple[str, str]:
        here, there = Whisperers(book, 0), Whisperers(book, 1)
        await here.start()
        await there.start()
        try:
            args = ("Going forward the ICB will utilise the hub.", Memory(), {"hub": GlossaryEntry(replace="centre")}, [])
            return (await here.whisper(*args)).plain, (await there.whisper(*args)).plain
        finally:
            there.close()

    here, there = run_async(both())
    assert here == there == "Going forward (from now on) the Integrated Care Board (ICB) will use the centre."


def test_worker_count_setting(book) -> None:  # type: ignore[no-untyped-def]
    assert worker_count(book.settings.model_copy(update={"whisper_workers": 0})) == 0
    assert worker_count(book.settings.model_copy(update={"whisper_workers": 3})) == 3
    assert worker_count(book.settings.model_copy(update={"whisper_workers": None})) >= 1
