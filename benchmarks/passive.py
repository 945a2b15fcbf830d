"""Passive voice and sentence boundaries against Universal Dependencies gold.

    python benchmarks/passive.py [DATA] [--sample N] [--errors N]

On `ud_english_ewt/dev.jsonl` and `ud_english_gum/dev.jsonl`:

- Passive voice, per sentence: each gold sentence is analysed on its own; plainspeak says
  "passive" when it gives a `detect.passive` flag, the gold is `passive.has_passive` (a
  predicate with an `aux:pass`, `nsubj:pass` or `csubj:pass` dependent). Baseline in the same
  run: raw spaCy (the same model without plainspeak's line-break component) says "passive"
  when any token has the dependency label `auxpass`, `nsubjpass` or `csubjpass`.
- Sentence boundaries, per document: the running text is the sentence texts joined by a space
  where `space_after` is true and by a blank line where the next sentence starts a paragraph
  (`newpar`). A boundary is the character offset where a sentence starts (the document's
  first is left out); plainspeak is `plainspeak.nlp.parse`, the baseline is the same model
  with the `plainspeak_line_breaks` component disabled.

Two more passive rows say what plainspeak's deliberate choices cost against UD's gold: the
detector alone with quotations not protected (plainspeak never flags inside quotation marks),
and also with its state word lists emptied (UD counts some states, such as "we were delighted"
or "the library is closed", as passives when the participle is tagged as a verb; plainspeak does
not flag them). Neither is what plainspeak reports.

`--sample N` uses the first N sentences of each set (boundaries over the documents they
start); `--errors N` prints up to N passive false positives and false negatives per set for
plainspeak, with the UD words that carry the passive.
"""

from __future__ import annotations

import copy
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, parser, record  # noqa: E402
from plainspeak.detectors import DETECTORS, Context, Protected  # noqa: E402
from plainspeak.nlp import load_nlp, parse  # noqa: E402
from plainspeak.pipeline import find_flags  # noqa: E402
from plainspeak.profiles import get_profile  # noqa: E402
from plainspeak.rulebook import RuleBook, get_rulebook  # noqa: E402

SETS = {"EWT": "ud_english_ewt", "GUM": "ud_english_gum"}
TARGETS = {"EWT": ">= 0.93", "GUM": ">= 0.95"}
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "csubjpass"})
PARAGRAPH_BREAK = "\n\n"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        self.tp += predicted and gold
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    def add_sets(self, predicted: set[int], gold: set[int]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def figures(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Result:
    baseline: Tally = field(default_factory=Tally)
    plainspeak: Tally = field(default_factory=Tally)
    unquoted: Tally = field(default_factory=Tally)
    no_lists: Tally = field(default_factory=Tally)
    raw_bounds: Tally = field(default_factory=Tally)
    our_bounds: Tally = field(default_factory=Tally)
    sentences: int = 0
    documents: int = 0
    false_positives: list[tuple[dict, list[str]]] = field(default_factory=list)
    false_negatives: list[tuple[dict, list[str]]] = field(default_factory=list)


def load(data: Path, folder: str, sample: int) -> list[dict]:
    rows = [json.loads(line) for line in (data / folder / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return rows[:sample] if sample else rows


def documents(rows: list[dict]) -> list[tuple[str, list[int]]]:
    """Each document's running text and the offsets where its sentences start."""
    out: list[tuple[str, list[int]]] = []
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    previous: dict | None = None
    for row in rows:
        if row["newdoc"] or previous is None or row["doc_id"] != previous["doc_id"]:
            if parts:
                out.append(("".join(parts), starts))
            parts, starts, length = [], [], 0
        elif row["newpar"]:
            parts.append(PARAGRAPH_BREAK)
            length += len(PARAGRAPH_BREAK)
        elif previous["space_after"]:
            parts.append(" ")
            length += 1
        starts.append(length)
        parts.append(row["text"])
        length += len(row["text"])
        previous = row
    if parts:
        out.append(("".join(parts), starts))
    return out


def sentence_starts(doc) -> set[int]:  # type: ignore[no-untyped-def]
    """Where each sentence's first non-space token starts, the document's first left out."""
    starts = set()
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            starts.add(words[0].idx)
    starts.discard(min(starts, default=0))
    return starts


def _passive_words(row: dict) -> list[str]:
    ids = set(row["passive"]["aux_pass"]) | set(row["passive"]["subj_pass"]) | set(row["passive"]["predicates"])
    return [f"{t[1]}/{t[4]}/{t[7]}" for t in row["tokens"] if t[0] in ids]


def without_state_lists(book: RuleBook) -> RuleBook:
    """The same rule book with the passive detector's state word lists emptied."""
    empty = {"adjectival_participles": frozenset(), "state_in_simple_tenses": frozenset(), "states_before": {}}
    relaxed = copy.copy(book)
    relaxed.data = book.data.model_copy(update={"passive": book.data.passive.model_copy(update=empty)})
    return relaxed


def detector_alone(doc, profile, book: RuleBook) -> bool:  # type: ignore[no-untyped-def]
    """Whether the passive detector flags anything, with no quotation protected."""
    return any(DETECTORS["passive"](Context(doc, doc.text, profile, book, Protected(), Protected())))


def evaluate(rows: list[dict], errors: int) -> Result:
    nlp, book, profile = load_nlp(), get_rulebook(), get_profile("general")
    relaxed = without_state_lists(book)
    result = Result(sentences=len(rows))
    texts = [row["text"] for row in rows]
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=256)):
        gold = bool(row["passive"]["has_passive"])
        flags = [f for f in find_flags(doc, profile, book) if f.kind == "passive" and f.rule_id == "detect.passive"]
        result.plainspeak.add(bool(flags), gold)
        result.unquoted.add(detector_alone(doc, profile, book), gold)
        result.no_lists.add(detector_alone(doc, profile, relaxed), gold)
        if flags and not gold and len(result.false_positives) < errors:
            result.false_positives.append((row, [f.text for f in flags]))
        if gold and not flags and len(result.false_negatives) < errors:
            result.false_negatives.append((row, _passive_words(row)))
    with nlp.select_pipes(disable=["plainspeak_line_breaks"]):
        for row, doc in zip(rows, nlp.pipe(texts, batch_size=256)):
            result.baseline.add(any(t.dep_ in PASSIVE_DEPS for t in doc), bool(row["passive"]["has_passive"]))
    docs = documents(rows)
    result.documents = len(docs)
    for text, gold_starts in docs:
        gold = set(gold_starts[1:])
        result.our_bounds.add_sets(sentence_starts(parse(text, nlp)), gold)
        with nlp.select_pipes(disable=["plainspeak_line_breaks"]):
            result.raw_bounds.add_sets(sentence_starts(nlp(text)), gold)
    return result


def _prf(tally: Tally) -> str:
    p, r, f = tally.figures
    return f"{f:.3f} ({p:.3f} / {r:.3f})"


def _row(name: str, tally: Tally) -> str:
    p, r, f = tally.figures
    return f"{name:<30} {p:>6.3f} {r:>6.3f} {f:>6.3f}   tp {tally.tp:>5} fp {tally.fp:>4} fn {tally.fn:>4}"


def main() -> None:
    args = parser(__doc__ or "")
    args.add_argument("--errors", type=int, default=0, help="print up to N passive false positives and negatives per set")
    options = args.parse_args()
    print(f"machine: {machine()}")
    for name, folder in SETS.items():
        began = time.perf_counter()
        result = evaluate(load(options.data, folder, options.sample), options.errors)
        seconds = time.perf_counter() - began
        print(f"\n{name} dev: {result.sentences} sentences, {result.documents} documents ({seconds:.1f} s)")
        print(f"{'':<30} {'P':>6} {'R':>6} {'F1':>6}")
        print(_row("passive  raw spaCy labels", result.baseline))
        print(_row("passive  plainspeak", result.plainspeak))
        print(_row("  (quotations not protected)", result.unquoted))
        print(_row("  (... nor state word lists)", result.no_lists))
        print(_row("sentences raw spaCy", result.raw_bounds))
        print(_row("sentences plainspeak", result.our_bounds))
        record(
            f"UD {name} dev: passive voice, sentence F1 (P / R)",
            _prf(result.plainspeak),
            f"{_prf(result.baseline)} (raw spaCy auxpass/nsubjpass/csubjpass)",
            TARGETS[name],
        )
        record(f"UD {name} dev: sentence boundaries F1 (P / R)", _prf(result.our_bounds), f"{_prf(result.raw_bounds)} (raw spaCy)")
        for title, items in (("false positives", result.false_positives), ("false negatives", result.false_negatives)):
            if items:
                print(f"\n  {name} plainspeak {title}:")
                for row, words in items:
                    print(f"    {row['id']}: {row['text']}\n        -> {', '.join(words)}")


if __name__ == "__main__":
    main()
