"""The translation's names: capitalised English words worth looking for in the source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...checks import gazetteer
from ..numbers import EN_CALENDAR
from ..scripts import zipf
from .lexicon import dictionary_word, english_word, given_name
from .spelling import key
from .world import alternates, continents

# A capitalised word (hyphenated parts separately) of any alphabet ("Jürgen", "Ørsted").
_CAP = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)?(?![\w])")
POSSESSIVE = re.compile(r"['’]s$")
# English words at least this common are ordinary words even when capitalised (Minister,
# Bank): titles and institutions are translated, so never "in the source". Higher flags them,
# lower lets rare names pass as words. Places and peoples are checked whatever their frequency.
_COMMON_ZIPF = 3.5
# The same for a word that starts a sentence, capitalised as any: only rarer words count.
_INITIAL_COMMON_ZIPF = 2.5
# A town that is also a word ("But", "More", "Bank") counts as a name only below this.
_PLACE_WORD_ZIPF = 3.0
# A city of over 100,000 counts as a name below this ("Geneva"; "Washington" 5.08), not an
# everyday word that is also a city's name.
_CITY_WORD_ZIPF = 5.3
# The end of a sentence inside a segment: a word of four letters or more, or a figure, then a
# full stop ("Mr.", "St." and "г." are abbreviations), or any ! ? ….
_SENTENCE_END = re.compile(r"(?:[^\W\d_]{4,}|\d)[.!?…]+$|[!?…]$")
# A run of capitalised words, one name ("New York", "Ministry of Defence").
RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’-]*)*")
HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def capitalised(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` that start with a capital."""
    return (m for m in _CAP.finditer(text) if m.group()[0].isupper())


def is_initial(sentence: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, where every word is capitalised."""
    before = sentence[:pos].rstrip(" \"'“”‘’„«»()–-")
    return not before or bool(_SENTENCE_END.search(before))


def _checkable(word: str, initial: bool, common_places: bool = False, given_names: bool = False) -> bool:
    if len(word) < 3 or sum(c.isupper() for c in word) > 1:
        return False  # acronyms are translated letter by letter (IMF / FMI, GDP / PIB)
    if word.lower().rstrip("s") in EN_CALENDAR:
        return False  # dates are the number check's

    z = zipf(word.lower(), "en")
    if gazetteer.is_country(word) or gazetteer.is_demonym(word) or key(word) in continents():
        return True
    if gazetteer.is_place(word) and z < _PLACE_WORD_ZIPF and not initial:
        return True
    if key(word) in alternates() and z < _CITY_WORD_ZIPF:
        return True
    rank = gazetteer.place_rank(word)
    if common_places and rank is not None and rank <= 1 and not gazetteer.is_region(word):
        # a country, state or capital, however common ("Texas", "London"); not a sea or a
        # continent, which sources translate ("Тихий океан" is the Pacific)
        return True
    if english_word(word.lower()) or dictionary_word(word.lower()):
        return False
    if given_names and not initial and given_name(word):
        # a person's name however common ("Patrick" 4.4), for a source in the Latin script,
        # which keeps it as it is (Cyrillic's "Джим" romanises to "Dzhim", not Jim)
        return True
    return z < (_INITIAL_COMMON_ZIPF if initial else _COMMON_ZIPF)


def target_names(target: str, common_places: bool = False,
                 given_names: bool = False) -> list[tuple[int, int, str]]:
    """Capitalised words of the target worth finding in the source, as (start, end, word).

    Args:
        target: the English translation.
        common_places: also the states and capitals whose names are common English words;
            only for sources that transliterate them or spell them near ("Техас",
            "Kalifornien"): other languages have exonyms no catalogue lists ("Londres").
        given_names: also given names common as English words ("Patrick"), for a source in
            the Latin script, which keeps them.

    Returns:
        Spans of the names, in order; none in a headline, where every word is capitalised.

    Example:
        >>> target_names("The talks in Geneva ended.")
        [(13, 19, 'Geneva')]
    """
    return list(_target_names(target, common_places, given_names))


@lru_cache(maxsize=256)  # a sentence is read for names not in the source, then for country counts
def _target_names(target: str, common_places: bool, given_names: bool) -> tuple[tuple[int, int, str], ...]:
    words = re.findall(r"[A-Za-z]{4,}", target)
    # (a sentence with two lower-case words of four letters is no headline, however many
    # names of institutions it holds: "the Defense Intelligence of the Ministry of ...")
    if len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) \
            and sum(w[0].islower() for w in words) < 2:
        return ()
    out = []
    for m in capitalised(target):
        word = POSSESSIVE.sub("", m.group())
        if _checkable(word, is_initial(target, m.start()), common_places, given_names):
            out.append((m.start(), m.start() + len(word), word))
    # Countries whose names are common words ("United States", "New Zealand") as a unit.
    for m in RUN.finditer(target):
        phrase = POSSESSIVE.sub("", m.group())
        if " " in phrase and gazetteer.is_country(phrase) and not any(a >= m.start() and b <= m.end()
                                                                       for a, b, _ in out):
            out.append((m.start(), m.start() + len(phrase), phrase))
    return tuple(sorted(out))


def hyphenated(text: str, start: int, end: int) -> str | None:
    """The hyphenated word [start, end) is part of ("Sub-Saharan"), if it is."""
    for m in HYPHENATED.finditer(text):
        if m.start() <= start and end <= m.end():
            return m.group()
    return None


def windows(phrase: str, word: str) -> list[str]:
    """The runs of two and three words of ``phrase`` that hold ``word``: the city in "Abu
    Dhabi Grand Prix"."""
    words = phrase.split()
    if word not in words or len(words) < 3:
        return []
    i = words.index(word)
    return [" ".join(words[a:a + n]) for n in (2, 3) for a in range(max(0, i - n + 1), i + 1)
            if a + n <= len(words)]


def phrase_around(text: str, start: int, end: int) -> str:
    """The run of capitalised words containing [start, end) ("New York", "South Korea")."""
    for m in RUN.finditer(text):
        if m.start() <= start and end <= m.end():
            return POSSESSIVE.sub("", m.group())
    return text[start:end]
