"""Names that drift: respelt the way a fresh transliteration would, or read as an English word.

MT systems transliterate a foreign name afresh in each sentence, so the same person comes out
with swapped vowels, a lost letter or a cut-off ending; a name that sounds like an English word
may come out as that word, in lower case.

Example:
    >>> import random
    >>> respell("Korshunov", random.Random(3))
    'Korshunoff'
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

import jellyfish

from ...checks.gazetteer import is_demonym
from ._text import (
    Token,
    capitalise,
    common_words,
    corruption,
    is_english_word,
    is_known_place,
    name_tokens,
    pick_recurring,
    starts_phrase,
    zipf,
)
from .base import Corruption, DocContext, replace_span

__all__ = ["name_drift", "name_to_word", "respell"]

# Sound-alike spellings (pattern, replacement), both directions listed: a fresh transliteration
# may pick any of them. Lookarounds keep each to the places where the two really sound alike.
_SOUNDS = tuple((re.compile(a), b) for a, b in (
    ("o", "u"), ("u", "o"), ("i", "e"), ("e", "i"), ("a", "e"), ("e", "a"), ("ou", "u"), ("oo", "u"),
    (r"(?<![sc])c(?=[aoulr])", "k"), (r"(?<![cs])k(?=[aou])", "c"), ("ck", "k"), ("ph", "f"),
    ("^f", "ph"), ("v", "w"), ("w", "v"), (r"(?<=[aeiou])y(?=[aeiou])", "i"), (r"(?<=[aeo])i$", "y"),
    ("y$", "i"), ("^y", "j"), ("^j", "y"), ("^j", "zh"), ("sh", "zh"), ("zh", "sh"), ("zh", "j"),
    (r"(?<!c)sh", "ch"), (r"(?<![st])ch", "sh"), ("kh", "h"), ("kh", "k"), ("^h", "kh"), ("ts", "tz"),
    ("tz", "ts"), ("x", "ks"), ("ks", "x"), ("ie", "ye"), ("yu", "iu"), ("iu", "yu"), ("ya", "ia"),
    ("ia", "ya"), ("ai", "ay"), ("ei", "ey"), ("ey", "ei"), ("dj", "j"), ("th", "t"), ("qu", "kw"),
    ("q", "k"), (r"(?<=[aeiou])s(?=[aeiou])", "z"), (r"(?<=[aeiou])z(?=[aeiou])", "s"),
))
_ENDINGS = (
    ("ov", "off"), ("ov", "ow"), ("off", "ov"), ("ev", "yev"), ("ev", "eff"), ("ei", "ey"),
    ("ey", "ei"), ("sky", "ski"), ("ski", "sky"), ("y", "i"), ("i", "y"), ("ich", "itch"),
    ("in", "ine"), ("ine", "in"), ("a", "ah"), ("u", "ou"), ("ng", "n"), ("an", "ang"), ("en", "eng"),
    ("ko", "ka"), ("ia", "iya"), ("iya", "ia"), ("er", "ar"), ("el", "al"), ("o", "ou"), ("e", "a"),
)
_VOWELS = "aeiouy"
# Words a generator should never put where a person's name stood.
_SENSITIVE = re.compile(r"sex|rape|porn|fuck|shit|nigg|fag|whore|slut|bitch|dick|cock|puss|cunt|bastard|gay"
                        r"|lesb|homo|tits|boob|nazi|negro|retard|dwarf|midget|idiot|moron|terror|suicid")


def respell(name: str, rng: random.Random) -> str | None:
    """A misspelling of ``name`` as a careless transliteration makes it, or None.

    Tries sound-alike swaps, an ending variant, a doubled or single consonant, a dropped, added or
    swapped letter and a truncation, in a random order, keeping the first that is not an English
    word and differs from ``name``.
    """
    ops = _shuffled_ops(rng)
    for op in ops:
        new = op(name, rng)
        if new and new.lower() != name.lower() and _pronounceable(new) and not is_english_word(new):
            return new
    return None


def _shuffled_ops(rng: random.Random) -> list[Callable[[str, random.Random], str | None]]:
    """The spelling operations in a random order, sound changes weighted up: real transliteration
    drift is mostly phonetic, seldom a typo."""
    weighted = [(_sound, 4.0), (_ending, 2.0), (_consonant, 2.0), (_truncate, 1.0), (_letter, 1.0)]
    keys = [(rng.random() ** (1 / w), op) for op, w in weighted]
    return [op for _, op in sorted(keys, key=lambda k: -k[0])]


def _pronounceable(word: str) -> bool:
    low = word.lower()
    return len(low) >= 4 and bool(re.search(r"[aeiouy]", low[:3])) and not re.search(
        r"(.)\1\1|^(.)\2|[^aeiouy]{4}|^(?!s)[^aeiouy][^aeiouyhlrw]", low)


def _keep_case(name: str, new: str) -> str:
    return new.upper() if name.isupper() else capitalise(new)


def _sound(name: str, rng: random.Random) -> str | None:
    low = name.lower()
    sites = [(m.start(), m.end(), b) for a, b in _SOUNDS for m in a.finditer(low)]
    if not sites:
        return None
    start, end, b = rng.choice(sites)
    return _keep_case(name, low[:start] + b + low[end:])


def _ending(name: str, rng: random.Random) -> str | None:
    low = name.lower()
    options = [(a, b) for a, b in _ENDINGS if low.endswith(a) and len(low) > len(a) + 2]
    if not options:
        return None
    a, b = rng.choice(options)
    return _keep_case(name, low[: -len(a)] + b)


def _consonant(name: str, rng: random.Random) -> str | None:
    low = name.lower()
    doubled = [m.start() for m in re.finditer(r"([b-df-hj-np-tv-z])\1", low)]
    single = [i for i in range(1, len(low) - 1)
              if low[i] not in _VOWELS and low[i - 1] in _VOWELS and low[i + 1] in _VOWELS]
    if doubled and (not single or rng.random() < 0.6):
        pos = rng.choice(doubled)
        return _keep_case(name, low[:pos] + low[pos + 1:])
    if single:
        pos = rng.choice(single)
        return _keep_case(name, low[: pos + 1] + low[pos:])
    return None


def _letter(name: str, rng: random.Random) -> str | None:
    low = name.lower()
    if len(low) < 4:
        return None
    pos = rng.randrange(1, len(low) - 1)
    kind = rng.choice(("drop", "drop", "add", "swap"))
    if kind == "drop":
        return _keep_case(name, low[:pos] + low[pos + 1:])
    if kind == "add":
        extra = rng.choice("aeiou") if low[pos] not in _VOWELS else rng.choice("hnr")
        return _keep_case(name, low[:pos] + extra + low[pos:])
    if (low[pos] in _VOWELS) != (low[pos + 1] in _VOWELS):  # "Edrogan", never "Erdgoan"
        return None
    return _keep_case(name, low[:pos] + low[pos + 1] + low[pos] + low[pos + 2:])


def _truncate(name: str, rng: random.Random) -> str | None:
    if len(name) < 6:
        return None
    keep = rng.randint(3, min(5, len(name) - 2))
    tail = name[-1] if rng.random() < 0.5 and name[keep - 1] in _VOWELS else ""
    return name[:keep] + tail


def _drift_sites(doc: DocContext, i: int) -> list[Token]:
    return [t for t in name_tokens(doc.sentences[i], doc.text) if len(t.text) >= 4]


def name_drift(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Respell one name of sentence ``i``; a name the document repeats is the likelier target."""
    sentence = doc.sentences[i]
    target = pick_recurring(doc, _drift_sites(doc, i), rng)
    if target is None:
        return None
    others = {t.text.lower() for s in doc.sentences for t in name_tokens(s)}
    for _ in range(3):
        new = respell(target.text, rng)
        if new and new.lower() not in others:
            text, span = replace_span(sentence, target.start, target.end, new)
            return corruption("name_drift.v1", text, [span])
    return None


@lru_cache(maxsize=1)
def _noun_index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Likely plural or agent nouns among common words, by first three letters and by sound.

    A plural whose singular is also common ("bakers", "colonies") is nearly always a noun, and
    reads as one where a surname stood; the same goes for agent nouns in ``-er``/``-or``.
    """
    common = common_words()
    known = frozenset(common)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    by_sound: dict[str, list[str]] = defaultdict(list)
    for word in common[500:]:
        if not _is_noun_form(word, known) or _SENSITIVE.search(word):
            continue
        if is_known_place(word) or is_demonym(word) or zipf(word) < 2.5:
            continue
        by_prefix[word[:3]].append(word)
        by_sound[jellyfish.metaphone(word)[:3]].append(word)
    return dict(by_prefix), dict(by_sound)


def _is_noun_form(word: str, known: frozenset[str]) -> bool:
    if len(word) < 5 or word.endswith(("rens", "mens", "ples")):  # "childrens", "womens"
        return False
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1] in known or (word.endswith("ies") and word[:-3] + "y" in known)
    return word.endswith(("er", "or")) and word + "s" in known


@lru_cache(maxsize=8192)
def _word_for(name: str) -> tuple[str, ...]:
    """Nouns sharing the first three letters or the opening sounds of ``name``, closest first."""
    by_prefix, by_sound = _noun_index()
    low = name.lower()
    hits = list(by_prefix.get(low[:3], ()))
    hits += [w for w in by_sound.get(jellyfish.metaphone(low)[:3], ()) if w[0] == low[0] and w not in hits]
    return tuple(sorted((w for w in hits if w != low), key=lambda w: -_shared_prefix(w, low)))


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def name_to_word(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Replace a name with a common English noun that starts or sounds like it ("Baker" -> "bakers")."""
    sentence = doc.sentences[i]
    sites = [t for t in _drift_sites(doc, i) if _word_for(t.text)]
    target = pick_recurring(doc, sites, rng)
    if target is None:
        return None
    word = rng.choice(_word_for(target.text)[:4])  # the closest few: "Baker" -> "bakers", not "biographies"
    if starts_phrase(sentence, target.start):
        word = capitalise(word)
    text, span = replace_span(sentence, target.start, target.end, word)
    return corruption("name_to_word.v1", text, [span])
