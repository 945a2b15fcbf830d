"""Whisper in worker processes, so the NLP work uses other cores than the web process.

The web process keeps the sockets and fans lines out; a worker parses and rewrites. Python
runs one thread of Python at a time per process, so with everything in one process a busy
event (or fifty) queues behind the parser. Each worker loads the model and rules once.

Lines that arrive while every worker is busy wait in the web process and go to the next free
worker together, parsed as one batch: spaCy parses a batch in about half the time per line,
so a queue drains faster the longer it gets, and a quiet event still gets its line at once.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable

from fastapi.concurrency import run_in_threadpool

from ..rulebook import RuleBook, load_rulebook
from ..settings import Settings
from .whisperer import GlossaryEntry, Memory, WhisperRequest, WhisperResult, whisper_many

__all__ = ["Whisperers", "worker_count"]

_BOOK: RuleBook | None = None
#: The most lines one worker whispers in one go; past this, batching saves little more.
MAX_BATCH = 16
#: Batches handed to each worker at once: the next waits in its queue, so the worker
#: never idles while a finished batch travels back and a new one is formed.
IN_FLIGHT_PER_WORKER = 2


def _exit_with_parent(parent: int) -> None:
    """A worker outlives a killed web process otherwise, loading the CPU for nobody."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _start_worker(settings_json: str, parent: int) -> None:
    global _BOOK
    threading.Thread(target=_exit_with_parent, args=(parent,), name="plainspeak-orphan-watch", daemon=True).start()
    _BOOK = load_rulebook(Settings.model_validate_json(settings_json))
    _BOOK.matcher.warm()
    gc.freeze()  # the model and rules stay for the worker's life; spare the collector them


def _whisper_here(requests: list[WhisperRequest]) -> list[WhisperResult]:
    assert _BOOK is not None, "worker not started"
    return whisper_many(requests, _BOOK)


def _ready() -> bool:
    return _BOOK is not None


def worker_count(settings: Settings) -> int:
    if settings.whisper_workers is not None:
        return max(0, settings.whisper_workers)
    return max(1, (os.cpu_count() or 2) - 1)


class Whisperers:
    """A pool of whisper processes, or (with none) the web process's own thread pool."""

    def __init__(self, book: RuleBook, workers: int) -> None:
        self.book = book
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self.ready = workers == 0
        self._waiting: list[tuple[WhisperRequest, asyncio.Future[WhisperResult]]] = []
        self._busy: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        if self.workers == 0:
            return
        # "spawn": the web process already runs threads, which fork would copy badly.
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.book.settings.model_dump_json(), os.getpid()),
        )
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._pool, _ready) for _ in range(self.workers)))
        self.ready = True

    async def whisper(self, text: str, memory: Memory, glossary: dict[str, GlossaryEntry], never_change: Iterable[str]) -> WhisperResult:
        future: asyncio.Future[WhisperResult] = asyncio.get_running_loop().create_future()
        self._waiting.append((WhisperRequest(text, memory, glossary, tuple(never_change)), future))
        self._dispatch()
        return await future

    def _dispatch(self) -> None:
        while self._waiting and len(self._busy) < IN_FLIGHT_PER_WORKER * max(1, self.workers):
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            task = asyncio.create_task(self._run(batch))
            self._busy.add(task)
            task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._busy.discard(task)
        self._dispatch()

    async def _run(self, batch: list[tuple[WhisperRequest, asyncio.Future[WhisperResult]]]) -> None:
        live = [(request, future) for request, future in batch if not future.done()]  # a publisher may have gone
        requests = [request for request, _ in live]
        try:
            if not requests:
                return
            if self._pool is None:
                results = await run_in_threadpool(whisper_many, requests, self.book)
            else:
                results = await asyncio.get_running_loop().run_in_executor(self._pool, _whisper_here, requests)
        except Exception as error:  # noqa: BLE001 - every waiting publisher hears of it
            for _, future in live:
                if not future.done():
                    future.set_exception(error)
            return
        for (_, future), result in zip(live, results):
            if not future.done():
                future.set_result(result)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
