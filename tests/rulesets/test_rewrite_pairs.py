"""A hand-written suite of sentence pairs: one rule's first suggestion keeps the grammar right.

rewrite_pairs.yml covers inflection, plurals, possessives, capitals, a/an, punctuation,
spacing and deletions, across every rule set with replacements.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from plainspeak.rewrite import Choice, apply_choices

PAIRS = yaml.safe_load((Path(__file__).parent / "rewrite_pairs.yml").read_text(encoding="utf-8"))


def test_the_suite_is_large_and_covers_every_concern() -> None:
    assert len(PAIRS) >= 200
    covers = Counter(p["covers"] for p in PAIRS)
    assert {"inflection", "capitals", "article", "punctuation", "plural", "possessive", "deletion", "spacing"} <= set(covers)


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{i}-{p['rule']}" for i, p in enumerate(PAIRS)])
def test_rewrite_pair(check, pair: dict) -> None:  # type: ignore[no-untyped-def]
    report = check(pair["from"])
    mine = [f for f in report.flags if f.rule_id == pair["rule"]]
    assert mine, f"{pair['rule']} does not flag {pair['from']!r}"
    result = apply_choices(pair["from"], report.flags, [Choice(f.start, f.end, f.rule_id) for f in mine])
    assert result.text == pair["to"]
