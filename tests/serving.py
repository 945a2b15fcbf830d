"""Start and stop `plainspeak serve` as `make run` does: for tests and benchmarks."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Coroutine, TypeVar

import httpx

__all__ = ["free_port", "run_async", "start_server", "stop_server"]

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    env: dict[str, str] | None = None, timeout: float = 120, log: Path | None = None
) -> tuple[subprocess.Popen, str]:
    """`plainspeak serve` on a free port, as `make run` starts it; returns once /healthz answers."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "plainspeak"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if log is not None:
        with open(log, "wb") as output:  # the child keeps its own handle
            process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    else:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"plainspeak serve exited with {process.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("plainspeak serve did not answer /healthz in time")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def run_async(coroutine: Coroutine[object, object, T]) -> T:
    """asyncio.run in a thread of its own: Playwright's sync API keeps a loop in the main one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
