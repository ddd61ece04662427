"""Names the source has and the translation lost: which source words are names, and whether
the translation shows a trace of each."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ...checks import gazetteer
from ..numbers import month_names
from ..scripts import EXACT, READ_SCRIPTS, romanise, script_of, zipf
from . import cjk
from .catalogue import catalogue
from .countries import (
    country_by_stem,
    country_of_phrase,
    english_acronym,
    heads,
    reverse_country,
    shares_head,
)
from .lexicon import given_name, has_wordlist
from .matching import by_acronym, declined, found, nouns_capitalised, spelled
from .spelling import flat_key, key, same_skeleton, skeleton, words_of
from .target import HYPHENATED, POSSESSIVE, capitalised, is_initial
from .world import alt_index

# A source word rarer than this in its language is a name ("Tratado" or "Ocidente" is a word,
# translated); higher takes in the language's rarer words, lower misses common surnames.
SOURCE_RARE_ZIPF = 3.0
# Where every noun is capitalised, a noun is a name only when rarer than this, unless it is a
# country, capital or state: "Amberg" 3.5 is, "Boden" 5.0 and "Waren" 5.9 are words.
_NOUN_PLACE_ZIPF = 4.0
# A word this much rarer in its language than in English is borrowed, a name (Trump, Forbes).
_BORROWED_MARGIN = 0.3
# A given name must be rarer than this in the source language: function words are names
# somewhere ("Eine", "Im").
_GIVEN_NAME_ZIPF = 4.5
# A word this common in the source language is a title's or institution's word ("Politik"),
# even where the translated document keeps it ("Wagner" 4.4 and "Patrick" 4.3 in German).
_DOCUMENT_NAME_ZIPF = 4.5
# The English frequency from which a kept word is an everyday English one ("Zone"), a name only
# if the document spells it inside a sentence on both sides.
_DOCUMENT_ENGLISH_ZIPF = 3.5
# A declined form is a name at a sentence's start only when the language hardly writes it
# ("Cestující", passengers, starts one; "Macronovi" may).
_RARE_INITIAL_ZIPF = 2.0
# rapidfuzz ratio of two romanised words to be one name across a document: stricter than
# within a sentence, as there are many more words to match.
_SAME_NAME_RATIO = 85
# A dateline ("Břeclav – ", "MOSCOW - ") or a heading's colon before a word: the word starts a
# sentence, capitalised as any ("Břeclav – Plamínek zažehnutý...", "...diamantů: Cenovka").
_DATELINE = re.compile(r"^\s*[^\W\d_][\w.'’ ]{1,30}?\s[–—-]\s*$")


def _after_heading(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'“”‘’„«»")
    return before.endswith(":") or bool(_DATELINE.match(text[:pos]))


def source_names(source: str, src_lang: str | None) -> list[str]:
    """Capitalised source words that look like names: a country of the source language's
    catalogue, or a word rare in that language (a foreign name survives translation).

    Only in scripts with capitals (Latin, Cyrillic, Greek) and languages wordfreq knows.

    Example:
        >>> source_names("A ponte em Mirandela foi reaberta.", "pt")
        ['Mirandela']
    """
    if script_of(source) not in EXACT or not has_wordlist(src_lang):
        return []
    lang = src_lang or "en"
    words = list(re.finditer(r"(?<![\w'’])[^\W\d_][\w'’-]*", source))
    long_words = [m.group() for m in words if len(m.group()) >= 4]
    if len(long_words) >= 5 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words):
        return []  # a headline
    nouns = nouns_capitalised(lang)
    out = []
    for i, m in enumerate(words):
        w = m.group()
        if i + 1 < len(words) and _person(source, m, words[i + 1], lang):
            # "Florian Witt": the surname, a name whatever the word list says ("Schuster")
            out.append(words[i + 1].group())
        if w[0].isupper() and _camel_case(w) and not declined(source, src_lang) \
                and zipf(w.lower(), src_lang or "en") < SOURCE_RARE_ZIPF:
            out.append(w)  # a brand's spelling ("FritzBox", "DLan") survives translation (a
            continue  # word of the language so written, "BEstätigung", is a slip of the keys)
        if not w[0].isupper() or len(w) < 4 or sum(c.isupper() for c in w.split("-")[0]) > 1 \
                or any(c.isdigit() for c in w):
            continue  # acronyms, declined or not ("УрФО", "QR-кодов"), are translated;
            # codes with figures ("V4kový") are the numbers check's
        if is_initial(source, m.start()) or _after_heading(source, m.start()) \
                or w.lower() in month_names(lang):
            continue
        if reverse_country(w, src_lang) or _name_by_frequency(w, lang, nouns):
            out.append(w)
    return out


def _name_by_frequency(w: str, lang: str, nouns: bool) -> bool:
    """A rare word, a word English uses more (borrowed), or, where every noun is capitalised
    (so that compounds are rare words and cognates common: "Brand", "Stock"), an uncommon
    word or a country, capital or state."""
    z = zipf(w.lower(), lang)
    rare = z < SOURCE_RARE_ZIPF and not nouns
    borrowed = z < zipf(w.lower(), "en") - _BORROWED_MARGIN and (not nouns or z < _NOUN_PLACE_ZIPF)
    rank = gazetteer.place_rank(romanise(w)) if nouns else None
    place = rank is not None and (z < _NOUN_PLACE_ZIPF or rank <= 2)
    return rare or borrowed or place


def _person(source: str, given: re.Match[str], nxt: re.Match[str], lang: str) -> bool:
    """Whether ``given`` is a given name inside the sentence and ``nxt`` the capitalised word
    right after it: a person's name, whose surname a translation keeps."""
    w, sur = given.group(), nxt.group()
    return (w[0].isupper() and source[given.end():nxt.start()] == " " and len(sur) >= 3 and sur[0].isupper()
            and not sur.isupper() and not is_initial(source, given.start())
            and given_name(w) and zipf(w.lower(), lang) < _GIVEN_NAME_ZIPF)


def _camel_case(word: str) -> bool:
    """A word with a capital inside and a lower-case syllable after it ("FritzBox", "DLan",
    "BioNTech"): a product's or company's name, not an acronym ("GmbH", "БАДов" end in capitals
    or in a case ending, which languages that decline names write after acronyms)."""
    last = max(i for i, c in enumerate(word) if c.isupper())
    return last > 0 and len(word) - last >= 3 and word[last + 1:].isalpha() and word[last + 1:].islower() \
        and "-" not in word


def _same_name(a: str, b: str, romanised: bool, declines: bool = False) -> bool:
    """Two flattened words as one name, more strictly than ``found`` (which looks for a name
    in one sentence; this looks across a document): the same letters, give or take a case
    ending ("Scholze" / Scholz), or, from another script, the same romanised sounds.
    ``declines``: a source whose cases change a name's end ("Havlíčka" / Havlíček)."""
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) <= 2:
        return True
    if declines and len(long) - len(short) <= 4:
        n = len(short) - (0 if long.startswith(short) else 2)
        if n >= 6 and long[:n] == short[:n]:
            return True
    if not romanised:
        return False
    sa, sb = skeleton(a), skeleton(b)
    if len(sa) >= 4 and same_skeleton(sa, sb):  # three consonants are many words' ("Длинная", "Dalniy")
        return True
    n = min(len(a), len(b))
    return (n >= 5 and a[: max(5, n - 3)] == b[: max(5, n - 3)]) or fuzz.ratio(a, b) >= _SAME_NAME_RATIO


@lru_cache(maxsize=4)  # every sentence of a document asks
def _carried(context: str) -> frozenset[str]:
    """The capitalised words of a translated document that English would not capitalise as
    words: not first in a sentence; and pairs of them, for a source that hyphenates them
    ("Europa-Park")."""
    words = frozenset(k for m in capitalised(context) if len(m.group()) >= 4
                      and not is_initial(context, m.start())
                      and (k := flat_key(POSSESSIVE.sub("", m.group()))))
    pairs = frozenset(flat_key(m.group(1)) for m in re.finditer(r"(?=\b([A-Z]\w+\s+[A-Z]\w+))", context))
    return words | pairs


def document_names(source: str, context: str, src_lang: str | None) -> list[str]:
    """Capitalised source words that the translated document (``context``) carries as names.

    A name the translation keeps ("Geywitz", "Павлова" / Pavlova) is written in its other
    sentences too, capitalised where English would not capitalise a word; a word that only
    starts a sentence, or a noun of a language that capitalises nouns, is not. Where the word
    list cannot tell a name ("Verstappen") or the word starts the sentence, the document can.
    """
    script = script_of(source)
    if not context or script not in EXACT:
        return []
    lang = src_lang or "en"
    carried = _carried(context)
    declines = declined(source, src_lang)
    out = []
    for m in re.finditer(r"(?<![\w'’-])[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*", source):
        w = m.group()
        if "-" in w:
            # a name of capitalised parts ("Europa-Park", "Hohenlohe-Arena"), whole
            if all(p[:1].isupper() for p in w.split("-")) and flat_key(w) in carried:
                out.append(w)
            continue
        if len(w) < 4 or not w[0].isupper() or sum(c.isupper() for c in w) > 1:
            continue
        k, z = flat_key(w), zipf(w.lower(), lang)
        if z >= _DOCUMENT_NAME_ZIPF:
            continue
        initial = is_initial(source, m.start())
        if zipf(w.lower(), "en") >= _DOCUMENT_ENGLISH_ZIPF:
            if k in carried and not initial:
                out.append(w)
            continue
        # declined forms only inside a sentence, or of a word the language hardly writes
        declined_here = declines and (not initial or z < _RARE_INITIAL_ZIPF)
        if any(_same_name(k, c, script != "latin", declined_here) for c in carried):
            out.append(w)
    return out


def source_names_missing(source: str, target: str, src_lang: str | None, context: str = "") -> list[str]:
    """Source names of which the target shows no trace.

    Args:
        source: the source sentence.
        target: its translation.
        src_lang: the source's language code, or None.
        context: the translated document, whose names tell more of the source's words as names.

    Example:
        >>> source_names_missing("A ponte em Mirandela caiu.", "The bridge in Braga fell.", "pt")
        ['Mirandela']
    """
    if script_of(source) in READ_SCRIPTS:  # no capitals: its places, by their written names
        return cjk.places_missing(source, target, src_lang)
    # hyphenated words also whole: "Subsariana" is "Sub-Saharan"
    tgt_words = words_of(target) + [flat_key(h.group()) for h in HYPHENATED.finditer(target)]
    joined = "".join(key(target).split())
    # Declined and variously romanised names ("Маргариті" / Marharyta, "Jelcin" / Yeltsin)
    # are looked for on short stems, among the target's capitalised words only.
    short = declined(source, src_lang)
    caps = [flat_key(POSSESSIVE.sub("", m.group())) for m in capitalised(target)] if short else []
    missing = []
    names = source_names(source, src_lang)
    names += [w for w in document_names(source, context, src_lang) if w not in names]
    for name in names:
        if any(found(n, tgt_words, joined, False) or (caps and found(n, caps, "", False, short_stem=True))
               for n in (name, *spelled([name], src_lang))):
            continue
        if by_acronym(name, source, target):
            continue
        # a country's name, of one word or several ("Ilhas Caimão"), or a people's word
        # built on it ("Paquistaneses", "Queniano")
        country = reverse_country(name, src_lang) or country_by_stem(name, src_lang) \
            or country_of_phrase(name, source, src_lang)
        if country and shares_head(tgt_words, heads(country, min_len=3)):
            continue
        if country and english_acronym(target, country):
            continue  # "Великобритании" / "the UK"
        # a city the source names locally ("Moscovo") and the target in English
        if not any(found(city, tgt_words, joined, False) for city in alt_index().get(flat_key(name), [])):
            missing.append(name)
    return missing


def source_countries_missing(source: str, target: str, src_lang: str | None) -> list[str]:
    """Source words naming a country or its people, adjectives included ("ukrajinských",
    "египетскому"), of which the target shows no trace: a country swapped for another the
    source does not name."""
    if not src_lang or script_of(source) not in EXACT:
        return []
    if not catalogue(src_lang).stems:
        return []
    tgt_words = words_of(target)
    low_target = target.lower()
    missing, seen = [], set()
    for w in re.findall(r"[^\W\d_]+", source):
        country = country_by_stem(w, src_lang)
        if not country or country in seen:
            continue
        seen.add(country)
        capital = gazetteer.capital_of(country)
        if shares_head(tgt_words, heads(country, min_len=3)) or (capital and capital.lower() in low_target):
            continue
        missing.append(w)
    return missing
