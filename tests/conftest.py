"""Session-wide fixtures: the model and rule book load once per test run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

# In-process whispering for the many apps the tests build; tests that want worker
# processes ask for them (tests/whisper/test_redis.py, tests/whisper/test_workers.py).
os.environ.setdefault("PLAINSPEAK_WHISPER_WORKERS", "0")

import pytest
from fastapi.testclient import TestClient

from plainspeak.api import create_app
from plainspeak.nlp import load_nlp
from plainspeak.pipeline import analyse
from plainspeak.rulebook import RuleBook, get_rulebook
from plainspeak.types import Report

from .serving import start_server, stop_server

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


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    process, base = start_server()
    try:
        yield base
    finally:
        stop_server(process)
