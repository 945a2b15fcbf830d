"""Session-wide fixtures: the model and rule book load once per test run."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx

import pytest
from fastapi.testclient import TestClient

from plainspeak.api import create_app
from plainspeak.nlp import load_nlp
from plainspeak.pipeline import analyse
from plainspeak.rulebook import RuleBook, get_rulebook
from plainspeak.types import Report

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="Rewrite tests/golden/*.json from the current engine.")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return get_rulebook()


@pytest.fixture(scope="session")
def check(book: RuleBook):  # type: ignore[no-untyped-def]
    """analyse() with the session's rule book."""

    def run(text: str, profile: str = "general") -> Report:
        return analyse(text, profile=profile, book=book)

    return run


@pytest.fixture(scope="session")
def client(book: RuleBook) -> Iterator[TestClient]:
    with TestClient(create_app(book.settings, book)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str] | None = None, timeout: float = 120) -> tuple[subprocess.Popen, str]:
    """`plainspeak serve` on a free port, as `make run` starts it; returns once /healthz answers."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "plainspeak"), "serve", "--host", "127.0.0.1", "--port", str(port)]
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


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    process, base = start_server()
    try:
        yield base
    finally:
        stop_server(process)
