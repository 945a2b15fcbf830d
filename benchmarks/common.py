"""Shared helpers for the benchmark scripts: data paths, machine facts, timing."""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def parser(description: str) -> argparse.ArgumentParser:
    """Every script takes the data folder as an argument (never copied into the repo)."""
    args = argparse.ArgumentParser(description=description)
    args.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="data folder (default ../shared/data)")
    args.add_argument("--sample", type=int, default=0, help="use only the first N items (a quick run for CI)")
    return args


def machine() -> str:
    import spacy

    return f"{platform.machine()}, {platform.python_version()}, spaCy {spacy.__version__}"


def timed(func: Callable[[], T], repeat: int = 1) -> tuple[T, float]:
    """The result and the best wall-clock time of `repeat` runs, in seconds."""
    best = float("inf")
    result: T
    for _ in range(repeat):
        began = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - began)
    return result, best


def record(figure: str, value: str, baseline: str = "", target: str = "") -> None:
    """Add a row to the results file `make bench` collects (PLAINSPEAK_BENCH_RESULTS), if set."""
    import json
    import os

    path = os.environ.get("PLAINSPEAK_BENCH_RESULTS")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps({"figure": figure, "value": value, "baseline": baseline, "target": target}) + "\n")
