"""Sentence simplification: SARI of `plainspeak rewrite --only safe` on ASSET.

    python benchmarks/sari.py [DATA] [--sample N]

On `asset/valid.jsonl` (2,000 sentences, 10 references each): mean sentence-level SARI of
plainspeak's safe rewrite, and in the same run of the baseline that leaves every sentence
unchanged. Also how many sentences plainspeak changed.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, parser, record  # noqa: E402
from benchmarks.sari_metric import sari  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402
from plainspeak.pipeline import analyse_doc  # noqa: E402
from plainspeak.profiles import get_profile  # noqa: E402
from plainspeak.rewrite import rewrite_report  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402


def main() -> None:
    options = parser(__doc__ or "").parse_args()
    rows = [json.loads(line) for line in (options.data / "asset" / "valid.jsonl").read_text(encoding="utf-8").splitlines()]
    if options.sample:
        rows = rows[: options.sample]
    nlp, book, profile = load_nlp(), get_rulebook(), get_profile("general")
    ours, unchanged, changed = [], [], 0
    for row, doc in zip(rows, nlp.pipe(r["original"] for r in rows)):
        output = rewrite_report(analyse_doc(doc, profile, book), "safe").text
        changed += output != row["original"]
        ours.append(sari(row["original"], output, row["references"]))
        unchanged.append(sari(row["original"], row["original"], row["references"]))
    print(f"machine: {machine()}")
    print(f"sentences: {len(rows)}; changed by plainspeak: {changed} ({changed / len(rows):.1%})")
    print(f"SARI, plainspeak rewrite --only safe: {statistics.mean(ours):.2f}")
    print(f"SARI, baseline (sentence unchanged):  {statistics.mean(unchanged):.2f}")
    record("ASSET valid: SARI of rewrite --only safe", f"{statistics.mean(ours):.2f}", f"{statistics.mean(unchanged):.2f} (unchanged)")


if __name__ == "__main__":
    main()
