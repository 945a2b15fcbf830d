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
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..frequency import zipf

__all__ = [
    "ReplacementShape",
    "american",
    "fit_case",
    "forms_of",
    "inflect_replacement",
    "is_participle",
    "noun_head",
    "only_pos",
    "shape_replacement",
    "base_form",
    "surface_tags",
]

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


def base_form(word: str) -> str:
    """A trigger written as a plural noun ("activities of daily living") inflects from its singular."""
    nouns = getAllLemmas(word).get("NOUN", ())
    return nouns[0] if nouns and word.lower() not in nouns and word.lower().endswith("s") else word


def is_participle(word: str) -> bool:
    """A past or present participle as written ("elected", "looked"), not a verb's base form."""
    verbs = getAllLemmas(word).get("VERB", ())
    return bool(verbs) and word.lower() not in verbs and word.lower().endswith(("ed", "en", "ing"))


@lru_cache(maxsize=50_000)
def could_be_past_participle(word: str) -> bool:
    """False only for a verb form lemminflect knows that is no past participle ("suppose")."""
    word = word.lower()
    verbs = getAllLemmas(word).get("VERB", ())
    return not verbs or any(word in (f.lower() for tag in ("VBN", "VBD") for f in _table(v).get(tag, ())) for v in verbs)


def surface_tags(base: str, surface: str, spacy_tag: str, pos: str | None = None) -> set[str]:
    """Which inflections `surface` can be of `base` (VBD, VBN, VBG, VBZ, NNS); empty for the base form.

    A rule limited to verbs (or nouns) only reads verb (or noun) inflections.
    """
    base, surface = base.lower(), surface.lower()
    allowed = "VB" if pos == "VERB" else "NN" if pos == "NOUN" else ""
    if surface == base:
        # "have come", "was put": a participle can look like the base form; trust spaCy here.
        same = spacy_tag in ("VBN", "VBD") and spacy_tag.startswith(allowed) and base in _table(base).get(spacy_tag, ())
        return {spacy_tag} if same else set()
    candidates = {
        tag for tag, forms in _table(base).items() if tag.startswith(allowed) and surface in (f.lower() for f in forms)
    }
    if "VBD" in candidates:
        candidates.add("VBN")  # lemminflect lists regular participles under VBD only
    if not candidates and allowed != "VB" and surface == (_INFLECT.plural_noun(base) or "").lower():
        candidates = {"NNS"}
    return candidates - {"VB", "VBP", "NN"}


def _verb_form(word: str, tag: str, british: bool, local: Mapping[str, str]) -> str:
    """lemminflect's preferred form (paid, referred); British doubles a final l (travelled)."""
    forms = getInflection(word, tag) or getInflection(word, tag, inflect_oov=True) or (word,)
    chosen = forms[0]
    if british:
        doubled = [f for f in forms if "ll" in f and "ll" not in word]
        chosen = doubled[0] if doubled else chosen
        chosen = local.get(chosen, chosen)
    return chosen


def _is_plural(word: str) -> bool:
    """carers, people: plural already."""
    low = word.lower()
    lemmas = [lemma.lower() for lemma in getAllLemmas(low).get("NOUN", ())]
    if lemmas and low not in lemmas:
        return True
    singular = _INFLECT.singular_noun(low)
    # inflect guesses "bu" from "bus"; a guess that is not a common word is no singular.
    return bool(singular) and singular != low and zipf(singular) >= 3.0 and _INFLECT.plural_noun(singular) == low


def _plural(word: str) -> str:
    if _is_plural(word):
        return word  # "people" is already plural
    if _own_capitals(word):
        return word + "s"  # PIN -> PINs
    return _INFLECT.plural_noun(word) or word


@dataclass(frozen=True, slots=True)
class ReplacementShape:
    """A replacement's words and which of them carry inflection."""

    words: tuple[str, ...]
    spaces: tuple[str, ...]
    #: The word that takes a verb's tense ("find" in "find out"), if any.
    verb_head: int | None
    #: The word that takes a noun's plural ("visit" in "care visit", "person" in
    #: "person who uses services"), if any.
    noun_head: int | None
    #: Present-tense verbs agreeing with the noun head ("uses" in "person who uses services").
    agreeing: tuple[int, ...] = ()

    def render(self, words: list[str]) -> str:
        return "".join(w + s for w, s in zip(words, self.spaces))


def shape_replacement(nlp: Language, replacement: str) -> ReplacementShape:
    """Find the heads once per replacement.

    The verb head is the first word that can be a verb: English verb phrases lead with
    their verb. The noun head comes from parsing the replacement as the subject of
    "The ... is here.", which makes the parser read it as a noun phrase.
    """
    tokens = nlp.make_doc(replacement)
    words = tuple(t.text for t in tokens)
    spaces = tuple(t.whitespace_ for t in tokens)
    if not words:
        return ReplacementShape(words, spaces, None, None)
    verb_head = next((i for i, w in enumerate(words) if w.isalpha() and _can_be(w.lower(), "VERB")), None)
    if len(words) == 1:
        return ReplacementShape(words, spaces, verb_head, 0 if _can_be(words[0].lower(), "NOUN") else None)
    carrier, subject = _as_subject(nlp, replacement)
    head = subject.i - 1 if subject is not None and 0 <= subject.i - 1 < len(words) else None
    if head is not None and not _can_be(words[head].lower(), "NOUN"):
        head = None  # "focused on results" has no noun to put in the plural
    if subject is not None and (subject.dep_ == "conj" or any(c.dep_ == "conj" for c in subject.children)):
        head = None  # "care and support" names two things: plural enough as it is
    agreeing: tuple[int, ...] = ()
    if subject is not None and head is not None:
        agreeing = tuple(t.i - 1 for t in subject.subtree if t.tag_ == "VBZ" and t.dep_ == "relcl" and t.head.i == subject.i)
    return ReplacementShape(words, spaces, verb_head, head, agreeing)


def _as_subject(nlp: Language, phrase: str) -> tuple[Doc, Token | None]:
    """Parse "The <phrase> is here.": the subject found is the phrase's head as a noun phrase."""
    carrier = nlp(f"The {phrase} is here.", disable=[p for p in ("ner",) if p in nlp.pipe_names])
    subject = next((t for t in carrier if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ == "be"), None)
    if subject is not None:
        # "task and finish group": a noun joined on at the end is the head of the whole.
        last = carrier[len(carrier) - 4] if len(carrier) >= 4 else None
        if last is not None and last.dep_ == "conj" and last.head.i == subject.i and last.pos_ == "NOUN":
            subject = last
    return carrier, subject


def noun_head(nlp: Language, phrase: str, length: int) -> int:
    """The index of a phrase's head word read as a noun phrase; the last word if unsure."""
    _, subject = _as_subject(nlp, phrase)
    if subject is not None and 1 <= subject.i <= length:
        return subject.i - 1
    return length - 1


def inflect_replacement(
    shape: ReplacementShape, tags: tuple[str, ...], british: bool = True, british_forms: Mapping[str, str] | None = None
) -> str:
    """The replacement with its head word carrying the first of `tags` it can take.

    `british_forms` maps forms lemminflect gives in American English to British ones (gotten: got).
    """
    local = british_forms or {}
    words = list(shape.words)
    for tag in tags:
        if tag in VERB_TAGS and shape.verb_head is not None:
            words[shape.verb_head] = _verb_form(words[shape.verb_head], tag, british, local)
            break
        if tag == "NNS" and shape.noun_head is not None:
            words[shape.noun_head] = _plural(words[shape.noun_head])
            for index in shape.agreeing:
                words[index] = _verb_form(words[index], "VBP", british, local)
            break
    return shape.render(words)


def _can_be(word: str, upos: str) -> bool:
    """Whether lemminflect knows the word as this part of speech (or, for a long word, not at all)."""
    known = getAllInflections(word, upos) or getAllLemmas(word).get(upos)
    return bool(known) or (not getAllLemmas(word) and len(word) >= MIN_GUESSED_LETTERS)


def fit_case(original: str, replacement: str) -> str:
    """Capitals follow the original: UTILISE -> USE, Utilise -> Use, Care Package -> Support Plan.

    Words of the replacement written in capitals of their own (PINs, NHS) keep them.
    """
    letters = [c for c in original if c.isalpha()]
    words = replacement.split(" ")
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return " ".join(w if _own_capitals(w) else w.upper() for w in words)
    originals = [w for w in original.split() if w[:1].isalpha()]
    if len(originals) > 1 and all(w[:1].isupper() for w in originals):
        return " ".join(w[:1].upper() + w[1:] for w in words)
    if letters and original.lstrip()[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _own_capitals(word: str) -> bool:
    """PINs, NHS: mostly capitals already."""
    upper = sum(c.isupper() for c in word)
    return upper >= 2 and upper >= len(word) - 1


def american(text: str, spelling: Mapping[str, str]) -> str:
    """British words to American ones, keeping each word's capitals."""
    out = []
    for word in text.split(" "):
        swap = spelling.get(word.lower())
        out.append(fit_case(word, swap) if swap else word)
    return " ".join(out)
