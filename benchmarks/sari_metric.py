"""SARI (Xu et al., 2016): how well a simplification adds, keeps and deletes n-grams.

Our own implementation of the published formula, tested against worked examples in
tests/benchmarks/test_sari.py. For n = 1..4: the F1 of kept n-grams, the precision of
deleted n-grams, and the F1 of added n-grams, each judged against the references (with
source and output n-gram counts scaled by the number of references, as in the original);
SARI is the mean of the three, averaged over n, times 100.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

__all__ = ["sari", "tokenize"]

# A small stand-in for sacreBLEU's "13a" tokenisation: punctuation split from words.
_TOKEN = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _ngrams(tokens: list[str], n: int) -> Counter[str]:
    return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision > 0 or recall > 0 else 0.0


def _sari_n(source: Counter[str], output: Counter[str], references: Counter[str], count: int) -> tuple[float, float, float]:
    source_rep = Counter({g: c * count for g, c in source.items()})
    output_rep = Counter({g: c * count for g, c in output.items()})
    # Keep: n-grams in both source and output, rewarded as far as the references keep them.
    kept = source_rep & output_rep
    kept_good = kept & references
    kept_all = source_rep & references
    keep_p = sum(kept_good[g] / kept[g] for g in kept) / len(kept) if kept else 0.0
    # A kept n-gram no reference has adds nothing to recall (the original's 0/0 counts as 0).
    keep_r = sum(kept_good[g] / kept_all[g] for g in kept_good) / len(kept_all) if kept_all else 0.0
    # Delete: n-grams of the source the output drops, rewarded when references drop them too.
    deleted = source_rep - output_rep
    deleted_good = deleted - references
    delete_p = sum(deleted_good[g] / deleted[g] for g in deleted) / len(deleted) if deleted else 0.0
    # Add: new n-grams in the output, rewarded when references add them.
    added = set(output) - set(source)
    added_good = added & set(references)
    added_all = set(references) - set(source)
    add_p = len(added_good) / len(added) if added else 0.0
    add_r = len(added_good) / len(added_all) if added_all else 0.0
    return _f1(keep_p, keep_r), delete_p, _f1(add_p, add_r)


def sari(source: str, output: str, references: Sequence[str]) -> float:
    """Sentence-level SARI on a 0-100 scale."""
    src, out = tokenize(source), tokenize(output)
    refs = [tokenize(r) for r in references]
    keep = delete = add = 0.0
    for n in range(1, 5):
        reference_grams: Counter[str] = Counter()
        for ref in refs:
            reference_grams.update(_ngrams(ref, n))
        k, d, a = _sari_n(_ngrams(src, n), _ngrams(out, n), reference_grams, len(refs))
        keep, delete, add = keep + k, delete + d, add + a
    return 100 * (keep + delete + add) / 12
