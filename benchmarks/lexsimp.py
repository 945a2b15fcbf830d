"""Lexical simplification: how good are the rules' first suggestions for hard words in context?

    python benchmarks/lexsimp.py [DATA] [--sample N]

On `lexsimp_benchls_nnseval_lexmturk/dev.jsonl` and `tsar2022_en/trial.jsonl`: for each
target word, plainspeak analyses the sentence; the target is *covered* when a rule flags
exactly that word with a suggestion. Figures: coverage (covered / all targets), ACC@1 (the
first suggestion is one of the gold substitutes) and Potential@3 (one of the first three is),
both over covered targets. Baseline in the same run: leaving the word as it is (ACC@1 of the
unchanged target, which annotators sometimes list as a substitute).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, parser, record  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402
from plainspeak.pipeline import analyse_doc  # noqa: E402
from plainspeak.profiles import get_profile  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402


@dataclass(frozen=True)
class Item:
    dataset: str
    sentence: str
    start: int
    end: int
    gold: frozenset[str]


def _token_span(sentence: str, index: int) -> tuple[int, int]:
    spans = [m.span() for m in re.finditer(r"\S+", sentence)]
    return spans[index]


def _word_span(sentence: str, target: str) -> tuple[int, int] | None:
    match = re.search(rf"(?<!\w){re.escape(target)}(?!\w)", sentence, re.IGNORECASE)
    return match.span() if match else None


def load_items(data: Path) -> list[Item]:
    items: list[Item] = []
    for line in (data / "lexsimp_benchls_nnseval_lexmturk" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["target_token_index"] is not None:
            span = _token_span(row["sentence"], row["target_token_index"])
        else:
            span = _word_span(row["sentence"], row["target"])
        if span is None:
            continue
        gold = frozenset(c["word"].lower() for c in row["candidates"])
        items.append(Item(row["dataset"], row["sentence"], *span, gold))
    for line in (data / "tsar2022_en" / "trial.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        span = row["target_span"] or _word_span(row["sentence"], row["target"])
        if span is None:
            continue
        gold = frozenset(word.lower() for word, _ in row["gold_ranked"])
        items.append(Item("TSAR-2022", row["sentence"], span[0], span[1], gold))
    return items


def evaluate(items: list[Item]) -> dict[str, dict[str, float]]:
    nlp, book, profile = load_nlp(), get_rulebook(), get_profile("general")
    results: dict[str, dict[str, float]] = {}
    for item, doc in zip(items, nlp.pipe(i.sentence for i in items)):
        row = results.setdefault(item.dataset, {"targets": 0, "covered": 0, "acc1": 0, "pot3": 0, "baseline_acc1": 0})
        row["targets"] += 1
        target = item.sentence[item.start : item.end].lower()
        row["baseline_acc1"] += target in item.gold
        report = analyse_doc(doc, profile, book)
        flags = [f for f in report.flags if f.start == item.start and f.end == item.end and any(f.suggestions)]
        if not flags:
            continue
        suggestions = [s.lower() for s in flags[0].suggestions if s]
        row["covered"] += 1
        row["acc1"] += bool(suggestions) and suggestions[0] in item.gold
        row["pot3"] += any(s in item.gold for s in suggestions[:3])
    return results


def main() -> None:
    options = parser(__doc__ or "").parse_args()
    items = load_items(options.data)
    if options.sample:
        items = items[: options.sample]
    results = evaluate(items)
    total = {k: sum(r[k] for r in results.values()) for k in ("targets", "covered", "acc1", "pot3", "baseline_acc1")}
    results["all"] = total
    print(f"machine: {machine()}")
    print(f"{'dataset':<10} {'targets':>7} {'coverage':>9} {'ACC@1':>7} {'Pot@3':>7} {'baseline ACC@1 (unchanged word)':>32}")
    for name, row in results.items():
        covered = row["covered"] or 1
        print(
            f"{name:<10} {row['targets']:>7.0f} {row['covered'] / row['targets']:>9.3f} {row['acc1'] / covered:>7.3f} "
            f"{row['pot3'] / covered:>7.3f} {row['baseline_acc1'] / row['targets']:>32.3f}"
        )
    print("ACC@1 and Pot@3 are over covered targets; coverage and the baseline over all targets.")
    row = results["all"]
    record("Lexical simplification (BenchLS, NNSeval, LexMTurk, TSAR trial): ACC@1 on covered targets", f"{row['acc1'] / max(1, row['covered']):.3f}", f"{row['baseline_acc1'] / row['targets']:.3f} (word unchanged)", ">= 0.6")
    record("Lexical simplification: coverage of targets", f"{row['covered'] / row['targets']:.3f}")


if __name__ == "__main__":
    main()
