"""Words per second of plainspeak's full analysis against raw spaCy on the same text.

    python benchmarks/throughput.py [--words 50000] [--repeat 3]

Both runs use the same model. Raw spaCy is `nlp.pipe` over the same paragraphs; plainspeak
is `analyse()` (parse, rules, detectors, readability). Target: ratio >= 0.7.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, record, timed  # noqa: E402
from plainspeak.nlp import _chunks, load_nlp  # noqa: E402
from plainspeak.pipeline import analyse  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"


def document(words: int, seed: int = 7) -> str:
    """A long document built by shuffling paragraphs of our own golden documents."""
    paragraphs = [p for path in sorted(GOLDEN.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        paragraph = rng.choice(paragraphs)
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(out) + "\n"


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--words", type=int, default=50_000)
    args.add_argument("--repeat", type=int, default=3)
    options = args.parse_args()
    text = document(options.words)
    nlp = load_nlp()
    book = get_rulebook()
    analyse(text[:5000], book=book)  # warm caches the way a running service has them
    words = len(text.split())
    _, raw = timed(lambda: sum(len(d) for d in nlp.pipe(_chunks(text))), options.repeat)
    report, full = timed(lambda: analyse(text, book=book), options.repeat)
    print(f"machine: {machine()}")
    print(f"document: {words} words, {len(text)} characters, {len(report.flags)} flags")
    print(f"raw spaCy nlp.pipe: {words / raw:,.0f} words/s ({raw:.2f} s)")
    print(f"plainspeak analyse: {words / full:,.0f} words/s ({full:.2f} s)")
    print(f"ratio (plainspeak / raw spaCy): {raw / full:.2f}  (target >= 0.70)")
    record(f"Throughput, {words} words: plainspeak / raw spaCy words per second", f"{raw / full:.2f} ({words / full:,.0f} words/s)", f"1.00 ({words / raw:,.0f} words/s raw spaCy)", ">= 0.70")


if __name__ == "__main__":
    main()
