"""Fit plainspeak's reading score on the CLEAR corpus and write rules/reading_score.yml.

    python benchmarks/fit_reading_score.py [DATA] [--sample N] [--out rules/reading_score.yml]

Ridge regression (scikit-learn, the penalty chosen by cross-validation) from
plainspeak.reading_score's features to teachers' BT easiness, on `clear_corpus/dev.jsonl`
(the only portion we have). Because the model is fitted on the same file it is measured on,
benchmarks/readability.py reports its correlation out of fold: each excerpt is scored by a
model fitted without it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import parser  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402
from plainspeak.reading_score import FEATURES, text_features  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ALPHAS = np.logspace(-2, 3, 20)


def clear_rows(data: Path, sample: int = 0) -> list[dict]:  # type: ignore[type-arg]
    rows = [json.loads(line) for line in (data / "clear_corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    return rows[:sample] if sample else rows


def feature_matrix(texts: list[str]) -> np.ndarray:
    nlp, book = load_nlp(), get_rulebook()
    return np.array([text_features(doc, book.hard_words) for doc in nlp.pipe(texts, disable=["ner"])], dtype=float)


def fit(x: np.ndarray, y: np.ndarray) -> dict[str, object]:
    from sklearn.linear_model import RidgeCV

    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    model = RidgeCV(alphas=ALPHAS).fit((x - means) / scales, y)
    predicted = model.predict((x - means) / scales)
    return {
        "features": [name for name, _ in FEATURES],
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "weights": [round(float(v), 6) for v in model.coef_],
        "intercept": round(float(model.intercept_), 6),
        "hardest": round(float(predicted.min()), 4),
        "easiest": round(float(predicted.max()), 4),
    }


def main() -> None:
    args = parser(__doc__ or "")
    args.add_argument("--out", type=Path, default=ROOT / "rules" / "reading_score.yml")
    options = args.parse_args()
    rows = clear_rows(options.data, options.sample)
    x = feature_matrix([r["excerpt"] for r in rows])
    body = fit(x, np.array([r["bt_easiness"] for r in rows], dtype=float))
    header = (
        "# plainspeak's reading score: ridge regression over the features in plainspeak/reading_score.py.\n"
        f"# Fitted on {len(rows)} excerpts of the CLEAR corpus (clear_corpus/dev.jsonl) to BT easiness by:\n"
        "#   python benchmarks/fit_reading_score.py ../shared/data\n"
        "# Do not edit by hand.\n"
    )
    options.out.write_text(header + yaml.safe_dump(body, sort_keys=False, width=200), encoding="utf-8")
    print(f"fitted on {len(rows)} excerpts; wrote {options.out}")


if __name__ == "__main__":
    main()
