"""How far the CWI 2018 target is from reach: the ceilings of word-level flags.

    python benchmarks/cwi_ceiling.py [DATA] [--sample N]

plainspeak flags words, and a CWI target (a word or a phrase) counts as flagged when any
flag overlaps it (as in benchmarks/cwi.py). Per genre, this prints:

- the gates' ceiling: the recall if every word the hard-word detector may flag (not a name,
  number, unit, URL or allowed word) were judged perfectly, with a jargon rule's flag
  counting too; and the F1 that recall would give at perfect precision;
- a larger model's ceiling: gradient boosting (scikit-learn) over the hard-word model's own
  features, fitted on the single-word targets of train.jsonl, with a threshold per genre
  chosen by grouped cross-validation on train (a help the product does not get: it does not
  know the genre), scored on dev.jsonl without the gates and with them.

Nothing here is tuned on dev.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, parser, record  # noqa: E402
from benchmarks.cwi import GENRES, KINDS, load, prf  # noqa: E402
from benchmarks.fit_hard_words import target_word  # noqa: E402
from plainspeak.detectors import Protected, quotations  # noqa: E402
from plainspeak.hard_word_model import features  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402
from plainspeak.pipeline import find_flags  # noqa: E402
from plainspeak.profiles import get_profile  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402

THRESHOLDS = np.arange(0.10, 0.80, 0.01)


@dataclass
class Target:
    genre: str
    group: str
    label: int
    #: Annotators who marked the target, native and not.
    native: int
    nonnative: int
    #: Rows of the word table: each word of the target.
    words: list[int]
    #: The words the hard-word detector may flag (its gates passed).
    open_words: list[int]
    #: A jargon or other rule flag overlaps the target.
    ruled: bool
    #: Inside a quotation.
    quoted: bool
    #: The row of a single-word target's word, for training.
    single: int | None


def collect(rows: list[dict]) -> tuple[np.ndarray, list[Target]]:  # type: ignore[type-arg]
    """Every target's words as feature rows, with what the product's gates allow."""
    nlp, book = load_nlp(), get_rulebook()
    everything = get_profile("easy-read").model_copy(update={"hard_word_threshold": 0.0})
    table: list[list[float]] = []
    targets = []
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows)):
        flags = [f for f in find_flags(doc, everything, book) if f.kind in KINDS]
        hard = {f.start for f in flags if f.kind == "hard-word"}
        quoted = Protected.from_ranges(quotations(doc.text))
        index: dict[int, int] = {}
        for target in row["targets"]:
            span = doc.char_span(target["start"], target["end"], alignment_mode="expand")
            words = [t for t in span if t.is_alpha] if span is not None else []
            for word in words:
                if word.i not in index:
                    index[word.i] = len(table)
                    table.append(features(word))
            single = target_word(doc, target)
            targets.append(
                Target(
                    genre=row["genre"],
                    group=row["hit_id"],
                    label=target["label"],
                    native=target["native_marked"],
                    nonnative=target["nonnative_marked"],
                    words=[index[w.i] for w in words],
                    open_words=[index[w.i] for w in words if w.idx in hard],
                    ruled=any(f.kind != "hard-word" and f.start < target["end"] and target["start"] < f.end for f in flags),
                    quoted=quoted.overlaps(target["start"], target["end"]),
                    single=index[single.i] if single is not None else None,
                )
            )
    return np.array(table, dtype=float), targets


def flagged(targets: list[Target], probabilities: np.ndarray, threshold: float, gated: bool) -> list[bool]:
    return [t.ruled or any(probabilities[i] >= threshold for i in (t.open_words if gated else t.words)) for t in targets]


def main() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold

    options = parser(__doc__ or "").parse_args()
    train_x, train = collect(load(options.data, "train", options.sample * 8))
    dev_x, dev = collect(load(options.data, "dev", options.sample))
    singles = [t for t in train if t.single is not None]
    rows = np.array([t.single for t in singles])
    labels = np.array([t.label for t in singles])
    groups = np.array([t.group for t in singles])

    def model() -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)

    # Out-of-fold probabilities for every train word, folds grouped by paragraph (HIT).
    held_out = np.zeros(len(train_x))
    for fold_train, fold_test in GroupKFold(5).split(rows, labels, groups):
        test_groups = set(groups[fold_test])
        fitted = model().fit(train_x[rows[fold_train]], labels[fold_train])
        words = sorted({i for t in train if t.group in test_groups for i in t.words})
        if words:
            held_out[words] = fitted.predict_proba(train_x[words])[:, 1]
    dev_probabilities = model().fit(train_x[rows], labels).predict_proba(dev_x)[:, 1] if len(dev_x) else np.zeros(0)

    print(f"machine: {machine()}")
    shares = []
    for inside in (True, False):
        part = [t for t in train if t.quoted == inside]
        shares.append(f"{sum(t.label for t in part) / max(1, len(part)):.1%} of {len(part)}")
    print(f"complex targets on train: inside quotations {shares[0]}, outside {shares[1]}")
    print(f"{'genre':<11}{'one marker':>12}{'native vs not':>15}{'gates: recall ceiling (train/dev)':>36}{'F1 at P=1 (dev)':>18}{'boosting dev F1: no gates / gates':>36}")
    for genre in GENRES:
        tr = [t for t in train if t.genre == genre]
        dv = [t for t in dev if t.genre == genre]
        if not tr or not dv:
            continue
        hard_targets = [t for t in dv if t.label]
        one_marker = sum(t.native + t.nonnative == 1 for t in hard_targets) / len(hard_targets)
        agreement = prf([t.native > 0 for t in dv], [int(t.nonnative > 0) for t in dv])[2]
        ceilings = [prf([t.ruled or bool(t.open_words) for t in split], [t.label for t in split])[1] for split in (tr, dv)]
        best_f1 = 2 * ceilings[1] / (1 + ceilings[1])
        gold = [t.label for t in tr]
        scores = []
        for gated in (False, True):
            threshold = max(THRESHOLDS, key=lambda th: prf(flagged(tr, held_out, th, gated), gold)[2])
            scores.append(prf(flagged(dv, dev_probabilities, threshold, gated), [t.label for t in dv])[2])
        print(f"{genre:<11}{one_marker:>12.3f}{agreement:>15.3f}{f'{ceilings[0]:.3f} / {ceilings[1]:.3f}':>36}{best_f1:>18.3f}{f'{scores[0]:.3f} / {scores[1]:.3f}':>36}")
        record(f"CWI 2018 dev {genre}: ceiling of word-level flags (gradient boosting, no gates / product gates)", f"{scores[0]:.3f} / {scores[1]:.3f}", f"gates' recall ceiling {ceilings[1]:.3f} (F1 {best_f1:.3f} at P=1); native vs non-native annotators F1 {agreement:.3f}", "(context for the 0.80 target)")


if __name__ == "__main__":
    main()
