"""Readability against readers: CLEAR (teachers' easiness) and OneStopEnglish (three levels).

    python benchmarks/readability.py [DATA] [--sample N]

CLEAR (`clear_corpus/dev.jsonl`): Pearson and Spearman correlation with BT easiness of
plainspeak's reading score and, in the same run, of each classic formula (computed by
plainspeak's readability module over the same sentences). The reading score is fitted on
this same file, so its figure is out of fold: 5 folds, each scored by a model fitted on the
other four. OneStopEnglish (`onestopenglish/dev.jsonl`): how often the elementary,
intermediate and advanced versions of an article are put in the right order (all three),
using the shipped model (fitted on CLEAR, never on OneStopEnglish).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.stats import pearsonr, spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, parser, record  # noqa: E402
from benchmarks.fit_reading_score import fit  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402
from plainspeak.readability import Counts, count_sentence, scores  # noqa: E402
from plainspeak.reading_score import ReadingModel, text_features  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402

#: Each formula and its sign: +1 when a higher value means easier text.
FORMULAS = {
    "flesch_reading_ease": 1,
    "flesch_kincaid_grade": -1,
    "smog": -1,
    "gunning_fog": -1,
    "coleman_liau": -1,
    "ari": -1,
    "dale_chall": -1,
}


def analyse_texts(texts: list[str]) -> tuple[np.ndarray, list[dict[str, float]]]:
    nlp, book = load_nlp(), get_rulebook()
    features, formulas = [], []
    for doc in nlp.pipe(texts, disable=["ner"]):
        features.append(text_features(doc, book.hard_words))
        total = Counts()
        for sentence in doc.sents:
            total = total + count_sentence(sentence.text)
        figures = scores(total)
        formulas.append({name: getattr(figures, name) for name in FORMULAS})
    return np.array(features, dtype=float), formulas


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: int = 5, seed: int = 0) -> np.ndarray:
    order = np.random.default_rng(seed).permutation(len(y))
    predicted = np.zeros(len(y))
    for k in range(folds):
        held = order[k::folds]
        kept = np.setdiff1d(order, held)
        body = fit(x[kept], y[kept])
        model = ReadingModel(body["means"], body["scales"], body["weights"], body["intercept"], body["hardest"], body["easiest"])  # type: ignore[arg-type]
        predicted[held] = [model.easiness(list(row)) for row in x[held]]
    return predicted


def main() -> None:
    options = parser(__doc__ or "").parse_args()
    clear = [json.loads(line) for line in (options.data / "clear_corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    ose = [json.loads(line) for line in (options.data / "onestopenglish" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    if options.sample:
        clear, ose = clear[: options.sample], ose[: 3 * max(2, options.sample // 10)]
    y = np.array([r["bt_easiness"] for r in clear], dtype=float)
    x, formulas = analyse_texts([r["excerpt"] for r in clear])
    print(f"machine: {machine()}")
    print(f"CLEAR: {len(clear)} excerpts; correlation with BT easiness (sign: easier is higher)")
    rows = [("plainspeak reading score (5-fold, out of fold)", out_of_fold(x, y))]
    rows += [(name, np.array([f[name] for f in formulas]) * sign) for name, sign in FORMULAS.items()]
    for name, values in rows:
        print(f"  {name:<48} Pearson {pearsonr(values, y)[0]:+.3f}  Spearman {spearmanr(values, y)[0]:+.3f}")
    model = get_rulebook().reading
    ose_x, ose_formulas = analyse_texts([r["text"] for r in ose])
    by_topic: dict[str, dict[int, dict[str, float]]] = defaultdict(dict)
    for row, feats, formula in zip(ose, ose_x, ose_formulas):
        by_topic[row["topic_id"]][row["level_id"]] = {"plainspeak": model.easiness(list(feats)), **{k: v * FORMULAS[k] for k, v in formula.items()}}
    complete = [levels for levels in by_topic.values() if set(levels) == {0, 1, 2}]
    print(f"OneStopEnglish: {len(complete)} articles at three levels; share put in the right order (all three)")
    for name in ("plainspeak", *FORMULAS):
        right = sum(levels[0][name] > levels[1][name] > levels[2][name] for levels in complete)
        print(f"  {name:<48} {right / max(1, len(complete)):.3f}")
    print("Target: |Pearson| >= 0.72 for the plainspeak score on CLEAR.")
    best = max(rows[1:], key=lambda row: abs(pearsonr(row[1], y)[0]))
    record("CLEAR dev: Pearson r of the plainspeak reading score with BT easiness (5-fold)", f"{pearsonr(rows[0][1], y)[0]:.3f}", f"{pearsonr(best[1], y)[0]:.3f} (best classic: {best[0]})", ">= 0.72")
    best_ose = max(FORMULAS, key=lambda name: sum(lv[0][name] > lv[1][name] > lv[2][name] for lv in complete))
    share = lambda name: sum(lv[0][name] > lv[1][name] > lv[2][name] for lv in complete) / max(1, len(complete))  # noqa: E731
    record("OneStopEnglish: three levels put in the right order", f"{share('plainspeak'):.3f}", f"{share(best_ose):.3f} ({best_ose})")


if __name__ == "__main__":
    main()
