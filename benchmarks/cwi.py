"""Complex word identification: do plainspeak's hard-word and jargon flags match readers?

    python benchmarks/cwi.py [DATA] [--sample N]

On `cwi2018_en/dev.jsonl`, per genre: precision, recall and F1 of the positive class
("complex"), where a target (a word or phrase) counts as flagged when any hard-word or
jargon flag overlaps it. Rows: the baseline (one wordfreq Zipf threshold, tuned on
train.jsonl for F1), and plainspeak's flags under the easy-read profile (the hard-word
model's own threshold, fitted on train) and the general profile (a stricter threshold).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, parser, record  # noqa: E402
from plainspeak.frequency import zipf  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402
from plainspeak.pipeline import find_flags  # noqa: E402
from plainspeak.profiles import get_profile  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402

GENRES = ("News", "WikiNews", "Wikipedia")
KINDS = frozenset({"hard-word", "jargon"})


def load(data: Path, split: str, sample: int = 0) -> list[dict]:  # type: ignore[type-arg]
    rows = [json.loads(line) for line in (data / "cwi2018_en" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    return rows[:sample] if sample else rows


def prf(predicted: list[bool], gold: list[int]) -> tuple[float, float, float]:
    p, g = np.array(predicted), np.array(gold) == 1
    tp, fp, fn = int((p & g).sum()), int((p & ~g).sum()), int((~p & g).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def target_zipf(text: str) -> float:
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return min((zipf(w.lower()) for w in words), default=8.0)


def baseline_threshold(train: list[dict]) -> float:  # type: ignore[type-arg]
    scores = [(target_zipf(t["text"]), t["label"]) for row in train for t in row["targets"]]
    return float(max(np.arange(2.0, 6.5, 0.05), key=lambda th: prf([s < th for s, _ in scores], [l for _, l in scores])[2]))


def main() -> None:
    options = parser(__doc__ or "").parse_args()
    train, dev = load(options.data, "train", options.sample * 8), load(options.data, "dev", options.sample)
    threshold = baseline_threshold(train)
    nlp, book = load_nlp(), get_rulebook()
    profiles = {name: get_profile(name) for name in ("easy-read", "general")}
    rows: dict[str, dict[str, list]] = {name: {g: [] for g in GENRES} for name in ("baseline", *profiles)}  # type: ignore[type-arg]
    gold: dict[str, list[int]] = {g: [] for g in GENRES}
    for row, doc in zip(dev, nlp.pipe(r["sentence"] for r in dev)):
        flags = {name: [f for f in find_flags(doc, profile, book) if f.kind in KINDS] for name, profile in profiles.items()}
        for target in row["targets"]:
            genre = row["genre"]
            gold[genre].append(target["label"])
            rows["baseline"][genre].append(target_zipf(target["text"]) < threshold)
            for name in profiles:
                rows[name][genre].append(any(f.start < target["end"] and target["start"] < f.end for f in flags[name]))
    print(f"machine: {machine()}")
    print(f"dev targets: {', '.join(f'{g} {len(gold[g])}' for g in GENRES)}; baseline Zipf threshold (tuned on train): {threshold:.2f}")
    print(f"{'flags':<22}" + "".join(f"{g + ' P/R/F1':>24}" for g in GENRES))
    labels = {"baseline": "baseline (Zipf)", "easy-read": "plainspeak easy-read", "general": "plainspeak general"}
    for name, by_genre in rows.items():
        cells = []
        for genre in GENRES:
            if gold[genre]:
                p, r, f = prf(by_genre[genre], gold[genre])
                cells.append(f"{p:.3f}/{r:.3f}/{f:.3f}")
            else:
                cells.append("-")
        print(f"{labels[name]:<22}" + "".join(f"{c:>24}" for c in cells))
    print("Target: F1 >= 0.80 in every genre.")
    for genre in GENRES:
        if gold[genre]:
            base = prf(rows["baseline"][genre], gold[genre])[2]
            for name in profiles:
                record(f"CWI 2018 dev {genre}: F1 of hard-word and jargon flags ({name} profile)", f"{prf(rows[name][genre], gold[genre])[2]:.3f}", f"{base:.3f} (Zipf threshold {threshold:.2f})", ">= 0.80")


if __name__ == "__main__":
    main()
