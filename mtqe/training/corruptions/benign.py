"""Benign edits: changes a careful editor would let stand, labelled clean (no spans).

They teach the model that a different wording is not an error: a safe synonym, punctuation
and quote style (``spelling.py`` and ``reorder.py`` hold the others). Every table here is
small and curated: a "synonym" that shifts the meaning would teach the opposite lesson.
"""

from __future__ import annotations

import random
import re

from ._text import capitalise, corruption, is_function, is_initial, wordset
from .base import Corruption, DocContext

__all__ = ["benign_punct", "benign_synonym"]

# Substitutions that keep the meaning in any news context they match.
_SYNONYMS = {
    "said": ("stated",), "nearly": ("almost",), "almost": ("nearly",), "buy": ("purchase",),
    "bought": ("purchased",), "buying": ("purchasing",), "bigger": ("larger",),
    "biggest": ("largest",), "quickly": ("rapidly",), "rapidly": ("quickly",),
    "despite": ("in spite of",), "in order to": ("to",), "entire": ("whole",),
    "several": ("a number of",), "Moreover,": ("Furthermore,", "In addition,"),
    "Furthermore,": ("Moreover,", "In addition,"), "In addition,": ("Additionally,", "Moreover,"),
    "starts": ("begins",), "to start": ("to begin",), "currently": ("at present",),
    "however": ("though",),
}
_SYNONYM_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _SYNONYMS), key=len, reverse=True))
                         + r")(?![\w-])")
_ABOUT = re.compile(r"\b(about|around|approximately|roughly|some)(?= (?:\$|€|£)?\d)")
_ABOUT_WORDS = ("about", "around", "approximately", "roughly")
# "started" is "began" only as a simple past: not after "has", "was", "been"...
_STARTED = re.compile(r"\b(\w+) started\b")
_NOT_BEFORE_PAST = wordset("has have had having was were is are be been being get got")


def _synonym_sites(sentence: str) -> list[tuple[int, int, str]]:
    sites = [(m.start(), m.end(), rng_choice) for m in _SYNONYM_RE.finditer(sentence)
             for rng_choice in _SYNONYMS[m.group()]]
    sites = [s for s in sites if not (sentence[s[0]:s[1]] == "however" and not _mid_clause(sentence, s))]
    sites += [(m.start(), m.end(), w) for m in _ABOUT.finditer(sentence) for w in _ABOUT_WORDS
              if w != m.group()]
    sites += [(m.start() + len(m.group(1)) + 1, m.end(), "began") for m in _STARTED.finditer(sentence)
              if m.group(1).lower() not in _NOT_BEFORE_PAST]
    return sites


def _mid_clause(sentence: str, site: tuple[int, int, str]) -> bool:
    """", however," inside a clause reads the same as ", though,"."""
    return sentence[site[0] - 2:site[0]] == ", " and sentence[site[1]:site[1] + 1] in ",."


def _also_to_end(sentence: str) -> str | None:
    """"He also met X." -> "He met X as well." for one simple clause ending in a full stop."""
    m = re.search(r" also (?=[a-z])", sentence)
    if not m or not sentence.endswith(".") or sentence.count(" also ") > 1:
        return None
    if re.search(r"[,;:\"“”]|\b(?:not|never|no)\b|n['’]t\b", sentence):  # "not ... as well" wants "either"
        return None
    if len(sentence.split()) > 15 or re.search(r"\b(?:that|which|who|when|because|if|while)\b", sentence):
        return None
    return sentence[:m.start()] + " " + sentence[m.end():-1] + " as well."


def benign_synonym(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Swap one word or phrase for a meaning-preserving synonym from a curated table."""
    sentence = doc.sentences[i]
    sites = _synonym_sites(sentence)
    also = _also_to_end(sentence)
    if also and (not sites or rng.random() < 0.25):
        return corruption("benign_synonym.v1", also, [])
    if not sites:
        return None
    # "said" is in nearly every news sentence: without a lower weight it would be most edits.
    start, end, new = rng.choices(sites, weights=[0.3 if new == "stated" else 1.0 for *_, new in sites])[0]
    if is_initial(sentence, start):
        new = capitalise(new)
    return corruption("benign_synonym.v1", sentence[:start] + new + sentence[end:], [])


_PUNCT_SWAPS = (
    (re.compile(r"\bper cent\b"), "percent"), (re.compile(r"\bpercent\b"), "per cent"),
    (re.compile(r"(?<=\d)%"), " percent"), (re.compile(r"\bU\.S\.(?= )"), "US"),
    (re.compile(r"\bUS\b"), "U.S."), (re.compile(r"\bU\.K\.(?= )"), "UK"), (re.compile(r"\bUK\b"), "U.K."),
    (re.compile(r"\bU\.N\.(?= )"), "UN"), (re.compile(r"\bUN\b"), "U.N."),
)
# "A, B and C" <-> "A, B, and C": the serial comma (B one or two words, not a clause); a comma
# before "but" joining two clauses.
_SERIAL = re.compile(r", ([\w'’.-]+(?: [\w'’.-]+)?)(,?)( and | or )")
_BUT = re.compile(r"(?<=[a-z]) but (?=[a-z]+ )")
_BUT_COMMA = re.compile(r"(?<=[a-z]), but (?=[a-z]+ )")


def _quote_swap(sentence: str) -> str | None:
    if "“" in sentence or "”" in sentence:
        return sentence.replace("“", '"').replace("”", '"')
    if sentence.count('"') >= 2 and sentence.count('"') % 2 == 0:
        parts = sentence.split('"')
        return "".join(p + ("“" if k % 2 == 0 else "”") for k, p in enumerate(parts[:-1])) + parts[-1]
    if "’" in sentence:
        return sentence.replace("’", "'")
    return None


def _punct_options(sentence: str) -> list[str]:
    options = [pattern.sub(new, sentence, count=1) for pattern, new in _PUNCT_SWAPS
               if pattern.search(sentence)]
    options += [pattern.sub(new, sentence, count=1) for pattern, new in (
        (_BUT_COMMA, " but "), (_BUT, ", but ")) if pattern.search(sentence)]
    for m in _SERIAL.finditer(sentence):
        if not is_function(m.group(1).split()[0]):  # ", were dangerous and": a clause, not a list
            comma = "" if m.group(2) else ","
            options.append(sentence[:m.end(1)] + comma + sentence[m.end(2):])
            break
    quoted = _quote_swap(sentence)
    return [o for o in [*options, quoted] if o and o != sentence]


def benign_punct(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Change punctuation style: serial or clause comma, quote marks, "per cent", "U.S."."""
    options = _punct_options(doc.sentences[i])
    return corruption("benign_punct.v1", rng.choice(options), []) if options else None
