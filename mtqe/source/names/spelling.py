"""Names compared in Latin letters: a word's romanised key, and when two keys spell one name.

Romanisations of one name differ in their vowels, in how they write one sound ("Scholz" /
"Sholtsa", "Jufra" / "Dzhufre") and, where a language declines names, in their endings. The
tests here allow for that much: any looser and a name is found in every sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..scripts import romanise

# rapidfuzz ratio from which two romanised words are one name ("Qaddafi" / "Khadafi"): lower
# takes unrelated words of like letters for a name, higher misses transliterations.
NEAR_RATIO = 70
# The same for two flattened country names that start with a vowel, which all fold to one:
# closer, or "Jordánsko" is found in "íránském" (Iranian).
NEAR_RATIO_VOWELS = 75
# Leading letters two words share to be one name inflected ("Putina", "Americanos"): fewer
# take words that merely start alike.
STEM = 5


@lru_cache(maxsize=1 << 16)  # the same words are keyed over and over, for each check and name
def key(text: str) -> str:
    """Romanised lower-case letters and figures, words apart; apostrophes (and the soft sign,
    romanised as one) belong inside a word: "Vaigel'dt"."""
    return re.sub(r"[^a-z0-9 ]", " ", re.sub(r"['’`]", "", romanise(text).lower())).strip()


def flat_key(text: str) -> str:
    """``key`` with its spaces dropped: a name of several words as one ("telaviv")."""
    return key(text).replace(" ", "")


def words_of(text: str) -> list[str]:
    """The keys of a text's words of two letters or more."""
    return [w for w in key(text).split() if len(w) >= 2]


# Case endings of declined nouns, romanised ("Ikou", "Петром", "Ивановой"): a short name's stem
# with one of them is the name declined (longer names are matched on their first letters).
# They apply wherever names are declined, a source in Cyrillic of no stated language too.
_CASE_ENDINGS = frozenset({"a", "e", "i", "o", "u", "y", "ou", "em", "om", "ovi", "oi", "oy", "ei", "ey",
                           "iu", "yu", "ya", "ia", "ym", "im", "ami", "ach", "ech", "am", "ov", "ovoi"})


def case_form(name: str, word: str) -> bool:
    """Whether ``word`` is ``name`` (romanised, lower case) with a case ending: the stem is the
    name less a final vowel, of two or three letters."""
    stem = name[:-1] if name[-1:] in "aeiouy" else name
    return 2 <= len(stem) <= 3 and word.startswith(stem) and word[len(stem):] in _CASE_ENDINGS


def hard_c(k: str) -> str:
    """A hard initial c spelled k, as romanisations and other languages do: "Curilas" /
    "Kuril", "Cazaquistão" / "Kazakh"."""
    return "k" + k[1:] if k[:1] == "c" and k[1:2] in ("a", "o", "u", "r", "l") else k


def near(a: str, b: str, flattened: bool, strict: bool = False) -> bool:
    """Two romanised spellings of one name by rapidfuzz ratio ("Qaddafi" / "Khadafi").

    Flattened words are close more easily ("Yartseva" flattens to "arceva", 71 from
    "tokareva"): there the first letter must agree too, and for ``strict`` words (countries)
    that both start with a vowel (any vowel agrees; j and y flatten to i) the spelling must be
    closer. And a short word is no near spelling of a much longer one ("Ole" of "Nolte")."""
    short, long = sorted((len(a), len(b)))
    need = NEAR_RATIO_VOWELS if strict and flattened and a[:1] in "aeiou" and b[:1] in "aeiou" else NEAR_RATIO
    return fuzz.ratio(a, b) >= need and (not flattened or fold(a[0]) == fold(b[0])) \
        and (short >= 4 or short > 0.6 * long)


# Spellings one sound has across romanisations ("Scholz" / "Sholtsa", "Luxor" / "Luksore"),
# longest first; sh and ch become one letter before c becomes k, and a c before e, i, y is an s
# ("Jacinda" / "Джасінда"). f and v stay apart: "Frantsiya" and "vernutsya" would be one.
_SOUNDS = (("dzh", "j"), ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("zh", "j"), ("dj", "j"),
           ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("sh", "S"), ("ch", "C"), ("x", "ks"),
           ("q", "k"), ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"), ("w", "v"), ("tz", "z"),
           ("ts", "z"))


@lru_cache(maxsize=65536)
def skeleton(k: str) -> str:
    """A romanised word's consonants, one letter per sound: vowels (and y, h) are where
    romanisations and declension endings differ most ("Isadora" / "Aysedory" -> "sdr")."""
    for a, b in _SOUNDS:
        k = k.replace(a, b)
    k = re.sub(r"[^a-zA-Z]|[aeiouyh]", "", k)
    return re.sub(r"(.)\1+", r"\1", k)


def same_skeleton(a: str, b: str) -> bool:
    """Equal skeletons, or one with the m of a case ending more ("Petrem", "Petrom"; not the
    v of "Petrov", another name)."""
    # a German or Dutch initial s is voiced, and transliterated as one: "Salzberger" / "Зальцбергер"
    a, b = (re.sub(r"(.)\1+", r"\1", re.sub(r"^s", "z", x)) for x in (a, b))
    short, long = sorted((a, b), key=len)
    return short == long or (len(long) == len(short) + 1 and long.startswith(short) and long[-1] == "m")


# Usual variants of romanised Slavic names (ya/ia, kh/h, g/h) and of Greek-derived ones (eu/ev,
# ph/f, th/t: "Europe" / "Evropa", "Philharmonic" / "filharmonie").
_FLAT = (("ya", "a"), ("ia", "a"), ("ye", "e"), ("ie", "e"), ("yu", "u"), ("iu", "u"), ("yo", "o"),
         ("io", "o"), ("kh", "h"), ("g", "h"), ("ts", "c"), ("tz", "c"), ("j", "i"), ("y", "i"),
         ("w", "v"), ("eu", "ev"), ("ph", "f"), ("th", "t"))


def flatten(k: str) -> str:
    """One spelling for the usual variants of a romanised name, hard c as k ("Crimea" / "Krym")."""
    for a, b in _FLAT:
        k = k.replace(a, b)
    return hard_c(k)


def fold(s: str) -> str:
    """Letters transliteration swaps: "Korea" is "Coreia", "Russia" "Rossiya", "Europe"
    "Evropa"."""
    return re.sub(r"[aeiouy]", "a", s.replace("k", "c").replace("ev", "eu"))
