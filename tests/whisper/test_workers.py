"""Whispering in a worker process gives the same lines as whispering in the web process."""

from __future__ import annotations

import asyncio

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


def test_workers_exit_when_the_web_process_is_killed() -> None:
    """A killed server must not leave whisper workers behind, busy or not."""
    import os
    import signal
    import time
    from pathlib import Path

    from ..serving import start_server

    process, _ = start_server({"PLAINSPEAK_WHISPER_WORKERS": "1"})

    def children() -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == process.pid:
                    found.append(int(stat.parent.name))
            except (OSError, ValueError, IndexError):
                continue
        return found

    deadline = time.monotonic() + 60
    while not children():
        assert time.monotonic() < deadline, "no worker process started"
        time.sleep(0.2)
    workers = children()
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() and "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text(errors="ignore") for pid in workers):
        assert time.monotonic() < deadline, "whisper workers outlived the web process"
        time.sleep(0.2)


LINES = [
    "Going forward the ICB will utilise the hub.",
    "We will commence the consultation in order to facilitate co-production.",
    "Stakeholders were signposted to the place-based offer.",
    "The SEND review is ongoing",
    "and we will action it at this moment in time.",
    "Thank you all for coming today.",
]


def test_lines_waiting_together_are_whispered_as_one_batch_with_the_same_result(book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.whisper import workers
    from plainspeak.whisper.whisperer import whisper

    batches: list[int] = []
    real = workers.whisper_many

    def counting(requests, rule_book):  # type: ignore[no-untyped-def]
        batches.append(len(requests))
        return real(requests, rule_book)

    monkeypatch.setattr(workers, "whisper_many", counting)
    memories = [Memory(previous="The board met." if i % 2 else "and so") for i in range(len(LINES))]
    glossary = {"hub": GlossaryEntry(replace="centre")}

    async def together() -> list[str]:
        pool = Whisperers(book, 0)
        answers = await asyncio.gather(*(pool.whisper(line, memory, glossary, []) for line, memory in zip(LINES, memories)))
        return [answer.plain for answer in answers]

    plains = run_async(together())
    assert plains == [whisper(line, book, memory=memory, glossary=glossary).plain for line, memory in zip(LINES, memories)]
    assert batches[0] == 1 and len(batches) < len(LINES), batches  # the first goes at once, the rest wait and go together


def test_a_failed_batch_fails_every_line_in_it_and_the_next_batch_still_runs(book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from plainspeak.whisper import workers

    real = workers.whisper_many
    calls = 0

    def failing_once(requests, rule_book):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("worker died")
        return real(requests, rule_book)

    monkeypatch.setattr(workers, "whisper_many", failing_once)

    async def run() -> tuple[list[object], str]:
        pool = Whisperers(book, 0)
        first = await asyncio.gather(*(pool.whisper(line, Memory(), {}, []) for line in LINES[:2]), return_exceptions=True)
        later = await pool.whisper(LINES[0], Memory(), {}, [])
        return first, later.plain

    first, later = run_async(run())
    assert isinstance(first[0], RuntimeError)
    assert later == "Going forward (from now on) the Integrated Care Board (ICB) will use the hub."


def test_a_publisher_that_leaves_does_not_hold_up_the_others(book) -> None:  # type: ignore[no-untyped-def]
    async def run() -> list[str]:
        pool = Whisperers(book, 0)
        tasks = [asyncio.ensure_future(pool.whisper(line, Memory(), {}, [])) for line in LINES[:4]]
        await asyncio.sleep(0)
        tasks[2].cancel()
        done = await asyncio.gather(*tasks, return_exceptions=True)
        return [d.plain if not isinstance(d, BaseException) else "cancelled" for d in done]

    from plainspeak.whisper.whisperer import whisper

    plains = run_async(run())
    assert plains[2] == "cancelled"
    assert [plains[i] for i in (0, 1, 3)] == [whisper(LINES[i], book).plain for i in (0, 1, 3)]
