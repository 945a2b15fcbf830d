"""Start-up: the warm-up readies the rules and sets the web process's collector for live captions."""

from __future__ import annotations

import gc

from plainspeak.api.app import GC_THRESHOLDS, _warm
from plainspeak.rulebook import RuleBook


def test_warm_up_freezes_the_loaded_objects_and_raises_the_collector_thresholds(book: RuleBook) -> None:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults, whatever earlier tests' apps set
    gc.unfreeze()  # so the freeze seen below is the warm-up's own
    book.matcher.warmed = False  # earlier tests warmed the session's book; warm() sets it again
    try:
        _warm(book)
        assert book.matcher.warmed
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == GC_THRESHOLDS
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
