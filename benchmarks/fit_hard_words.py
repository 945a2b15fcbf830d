"""Fit the hard-word model on CWI 2018 train and write rules/hard_words.yml.

    python benchmarks/fit_hard_words.py [DATA] [--sample N] [--out rules/hard_words.yml]

A logistic regression (scikit-learn) over plainspeak.hard_word_model's features, fitted on
the single-word targets of `cwi2018_en/train.jsonl` only; the decision threshold is the one
that gives the best F1 on train. The dev set is never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import yaml
from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import parser  # noqa: E402
from plainspeak.hard_word_model import FEATURES, features  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def target_word(doc: Doc, target: dict) -> Token | None:  # type: ignore[type-arg]
    """The one word of a single-word target; None for phrases and targets with bad offsets."""
    if target["is_phrase"] or not target["offset_ok"]:
        return None
    span = doc.char_span(target["start"], target["end"], alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    return words[0] if len(words) == 1 else None


def training_rows(data: Path, sample: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rows = [json.loads(line) for line in (data / "cwi2018_en" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    if sample:
        rows = rows[:sample]
    nlp = load_nlp()
    x, y = [], []
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows)):
        for target in row["targets"]:
            word = target_word(doc, target)
            if word is not None:
                x.append(features(word))
                y.append(target["label"])
    return np.array(x, dtype=float), np.array(y, dtype=int)


def best_threshold(probabilities: np.ndarray, labels: np.ndarray) -> float:
    def f1(threshold: float) -> float:
        predicted = probabilities >= threshold
        tp = int((predicted & (labels == 1)).sum())
        return 2 * tp / max(1, 2 * tp + int((predicted & (labels == 0)).sum()) + int((~predicted & (labels == 1)).sum()))

    return float(max(np.arange(0.2, 0.8, 0.01), key=f1))


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    args = parser(__doc__ or "")
    args.add_argument("--out", type=Path, default=ROOT / "rules" / "hard_words.yml")
    options = args.parse_args()
    x, y = training_rows(options.data, options.sample)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    model = LogisticRegression(max_iter=5000, C=1.0).fit((x - means) / scales, y)
    threshold = best_threshold(model.predict_proba((x - means) / scales)[:, 1], y)
    body = {
        "features": list(FEATURES),
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": round(threshold, 2),
    }
    header = (
        "# The hard-word model: a logistic regression over the features in plainspeak/hard_word_model.py.\n"
        f"# Fitted on {len(y)} single-word targets of CWI 2018 train (cwi2018_en/train.jsonl) by:\n"
        "#   python benchmarks/fit_hard_words.py ../shared/data\n"
        "# The threshold is the probability that gave the best F1 on train. Do not edit by hand.\n"
    )
    options.out.write_text(header + yaml.safe_dump(body, sort_keys=False, width=200), encoding="utf-8")
    print(f"fitted on {len(y)} words; threshold {threshold:.2f}; wrote {options.out}")


if __name__ == "__main__":
    main()
