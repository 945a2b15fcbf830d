"""Fit a plain replacement to the words it replaces: tense, number, capitals, spelling.

Inflection uses lemminflect for verbs and inflect for noun plurals (people, not persons).
Where lemminflect offers two spellings (travelled, traveled) British takes the longer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

import inflect
from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas, getInflection

__all__ = ["ReplacementShape", "american", "fit_case", "forms_of", "inflect_replacement", "only_pos", "surface_tag"]

_INFLECT = inflect.engine()
VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})


#: Words too short to guess forms for: lemminflect's guesses for unknown short words
#: ("a" -> "aaed", "of" -> "offed") are never real text, and they crowd out real forms.
MIN_GUESSED_LETTERS = 4


@lru_cache(maxsize=50_000)
def _table(word: str) -> dict[str, tuple[str, ...]]:
    table = dict(getAllInflections(word))
    if not table and word.isalpha() and len(word) >= MIN_GUESSED_LETTERS:
        for upos in ("NOUN", "VERB"):
            for tag, forms in getAllInflectionsOOV(word, upos).items():
                table.setdefault(tag, forms)
    return table


@lru_cache(maxsize=50_000)
def forms_of(word: str, upos: str | None = None) -> frozenset[str]:
    """Every inflected form of a word (itself included), lower-cased."""
    word = word.lower()
    forms = {word}
    for tag, variants in _table(word).items():
        if upos == "VERB" and not tag.startswith("VB"):
            continue
        if upos == "NOUN" and not tag.startswith("NN"):
            continue
        forms.update(v.lower() for v in variants)
    if upos in (None, "NOUN") and "NN" in _table(word):
        plural = _INFLECT.plural_noun(word)
        if plural:
            forms.add(plural.lower())
    return frozenset(forms)


@lru_cache(maxsize=50_000)
def only_pos(word: str) -> str | None:
    """The one part of speech lemminflect knows this form as, or None when it knows several."""
    kinds = set(getAllLemmas(word)) & {"VERB", "NOUN", "ADJ", "ADV"}
    return kinds.pop() if len(kinds) == 1 else None


def surface_tag(base: str, surface: str, spacy_tag: str) -> str | None:
    """Which inflection `surface` is of `base`: VBD, VBN, VBG, VBZ, NNS, or None for the base form."""
    base, surface = base.lower(), surface.lower()
    if surface == base:
        # "have come", "was put": the participle can look like the base form.
        same = spacy_tag in ("VBN", "VBD") and base in _table(base).get(spacy_tag, ())
        return spacy_tag if same else None
    candidates = {tag for tag, forms in _table(base).items() if surface in (f.lower() for f in forms)}
    if not candidates and surface == (_INFLECT.plural_noun(base) or "").lower():
        candidates = {"NNS"}
    if spacy_tag in candidates:
        return spacy_tag
    if spacy_tag == "VBN" and "VBD" in candidates:
        return "VBN"  # lemminflect lists regular participles under VBD only
    for tag in ("VBD", "VBN", "VBG", "VBZ", "NNS"):
        if tag in candidates:
            return tag
    return None


def _verb_form(word: str, tag: str, british: bool, local: Mapping[str, str]) -> str:
    """The shortest form (paid, not payed); British doubles a final l (travelled)."""
    forms = getInflection(word, tag) or getInflection(word, tag, inflect_oov=True) or (word,)
    chosen = min(forms, key=len)
    if british:
        doubled = [f for f in forms if "ll" in f and "ll" not in word]
        chosen = local.get(doubled[0] if doubled else chosen, doubled[0] if doubled else chosen)
    return chosen


def _can_be(head_pos: str | None, word: str, upos: str) -> bool:
    if head_pos == "ANY":
        return bool(getAllInflections(word, upos)) or not _table(word)
    return head_pos == upos


def _plural(word: str) -> str:
    return _INFLECT.plural_noun(word) or word


@dataclass(frozen=True, slots=True)
class ReplacementShape:
    """A replacement's words and which of them carry inflection, found once at load."""

    words: tuple[str, ...]
    spaces: tuple[str, ...]
    head: int
    #: What the head can be: VERB, NOUN, ANY (a lone word: ask lemminflect), or None (leave it).
    head_pos: str | None = "ANY"
    #: Indices of present-tense verbs agreeing with the head ("person who uses services").
    agreeing: tuple[int, ...] = ()

    def render(self, words: list[str]) -> str:
        return "".join(w + s for w, s in zip(words, self.spaces))


def inflect_replacement(
    shape: ReplacementShape, tag: str | None, british: bool = True, british_forms: Mapping[str, str] | None = None
) -> str:
    """The replacement with its head word carrying `tag` (a Penn tag or None).

    `british_forms` maps forms lemminflect gives in American English to British ones (gotten: got).
    """
    local = british_forms or {}
    words = list(shape.words)
    if not words:
        return ""
    head = words[shape.head].lower()
    if tag in VERB_TAGS and _can_be(shape.head_pos, head, "VERB"):
        words[shape.head] = _verb_form(words[shape.head], tag, british, local)
    elif tag == "NNS" and _can_be(shape.head_pos, head, "NOUN"):
        words[shape.head] = _plural(words[shape.head])
        for index in shape.agreeing:
            words[index] = _verb_form(words[index], "VBP", british, local)
    return shape.render(words)


def fit_case(original: str, replacement: str) -> str:
    """Capitals follow the original: UTILISE -> USE, Utilise -> Use, utilise -> use."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and original.lstrip()[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def american(text: str, spelling: Mapping[str, str]) -> str:
    """British words to American ones, keeping each word's capitals."""
    out = []
    for word in text.split(" "):
        swap = spelling.get(word.lower())
        out.append(fit_case(word, swap) if swap else word)
    return " ".join(out)
