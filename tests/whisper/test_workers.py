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
