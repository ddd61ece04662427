"""What the API accepts, checked at the door with messages that name the bad item, and the
text the pipeline reads: the input with control characters blanked and all-caps sentences
re-cased, always of the same length so that offsets stay those of the input.

Example:
    >>> check_src_lang("pt-BR")
    'pt-BR'
    >>> reading_view("VOROBYOV SPOKE TO REPORTERS.")
    'Vorobyov spoke to reporters.'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from .errors import InputError
from .types import Segment

# A language tag as the desk sends one: ISO 639-1 language (or the ISO 639-3 code of a language
# with no 639-1 code that mtqe has a profile for, e.g. "liv" Livonian), optional ISO 15924
# script and region ("pt", "pt-BR", "zh-Hant", "sr_Latn_RS").
_TAG = re.compile(r"(?P<lang>[A-Za-z]{2,3})(?:[-_](?P<script>[A-Za-z]{4}))?"
                  r"(?:[-_](?P<region>[A-Za-z]{2}|\d{3}))?")


@cache
def _iso639_1() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@cache
def _known() -> frozenset[str]:
    from .lang import languages

    return _iso639_1() | frozenset(languages())


def check_src_lang(src_lang: Any, where: str = "src_lang") -> str | None:
    """``src_lang`` if it is None or a known language tag; ``InputError`` naming ``where``
    otherwise ("xx", "tlh", "", a 5,000-character string)."""
    if src_lang is None:
        return None
    if not isinstance(src_lang, str):
        raise TypeError(f"{where} must be a str or None, got {type(src_lang).__name__}")
    m = _TAG.fullmatch(src_lang)
    if m is None or m["lang"].lower() not in _known():
        shown = src_lang if len(src_lang) <= 20 else src_lang[:20] + "…"
        raise InputError(f"{where} {shown!r} is not a known language: give an ISO 639-1 code "
                         f"such as 'pt', 'zh' or 'pt-BR' ('liv' for Livonian), or leave it out to guess "
                         f"from the script")
    return src_lang


def check_text(text: Any, what: str) -> str:
    """``text`` if it is a str that UTF-8 can write; else TypeError / InputError naming ``what``."""
    if not isinstance(text, str):
        hint = " (decode bytes first)" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"{what} must be a str, got {type(text).__name__}{hint}")
    encodable(text, what)
    return text


def encodable(text: str, what: str) -> None:
    """JSON's \\ud800 escapes decode to lone surrogates, which no output can write."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(f"{what}: a lone surrogate {text[e.start]!r} at character {e.start} "
                         f"(not encodable text)") from None


def as_segment(s: Any, index: int) -> Segment:
    """One item of ``check_segments``: a ``Segment`` or a mapping with ``id`` and ``target``;
    errors name the item by index (and id when it has one)."""
    if isinstance(s, Segment):
        obj: Mapping[str, Any] = {"id": s.id, "target": s.target, "doc": s.doc, "source": s.source,
                                  "src_lang": s.src_lang}
    elif isinstance(s, Mapping):
        obj = s
    else:
        raise TypeError(f"segment {index}: expected a Segment or a dict, got {type(s).__name__}")
    where = f"segment {index}" + (f" (id {obj['id']!r})" if "id" in obj else "")
    for key in ("id", "target"):
        if key not in obj:
            raise InputError(f"{where}: missing required field {key!r}")
    if not isinstance(obj["id"], (str, int)) or isinstance(obj["id"], bool):
        raise TypeError(f"{where}: 'id' must be a str (or int), got {type(obj['id']).__name__}")
    check_text(obj["target"], f"{where}: 'target'")
    for key in ("doc", "source"):
        if obj.get(key) is not None:
            check_text(obj[key], f"{where}: {key!r}")
    check_src_lang(obj.get("src_lang"), f"{where}: 'src_lang'")
    return Segment(id=str(obj["id"]), target=obj["target"], doc=obj.get("doc"),
                   source=obj.get("source"), src_lang=obj.get("src_lang"))


# Characters no writer means: C0/C1 controls but tab and line breaks, DEL, the BOM and other
# zero-width format marks that only confuse the tokenizer. Blanked, not removed: offsets hold.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_WORD = re.compile(r"[^\W\d_]+")


def blank_controls(text: str) -> str:
    """``text`` with control characters (``_CONTROL``) replaced by spaces."""
    return _CONTROL.sub(" ", text)


def reading_view(text: str) -> str:
    """``text`` as the checks and the model should read it, with the same length: control
    characters blanked, and each all-caps sentence (a headline, a slug, all-caps copy)
    re-cased, dictionary words lower and other words capitalised, so that the name checks see
    "Vorobyov" and "Vorobyev" rather than two shouted words."""
    text = blank_controls(text)
    if not any(c.isupper() for c in text):
        return text
    from .segment import split_sentences

    out = list(text)
    for s in split_sentences(text):
        if _all_caps(s.text):
            out[s.start:s.end] = _recase(s.text)
    return "".join(out)


def _all_caps(sentence: str) -> bool:
    words = [w for w in _WORD.findall(sentence) if len(w) > 1]
    if len(words) < 3:
        return False  # "NATO said." or a lone slug word: leave it alone
    upper = sum(c.isupper() for w in words for c in w)
    lower = sum(c.islower() for w in words for c in w)
    return upper >= 9 * lower


def _recase(sentence: str) -> str:
    words = list(_WORD.finditer(sentence))
    cased = []
    for k, m in enumerate(words):
        w = m.group()
        low = _same_length_lower(w)
        bracketed = m.start() > 0 and sentence[m.start() - 1] == "(" and len(w) <= 6
        if bracketed or (len(w) > 1 and not any(c in "AEIOUY" for c in w)):
            cased.append(w)  # an acronym: "(NATO)", "BBC"
        elif k > 0 and _common_word(low.lower()):
            cased.append(low)
        else:
            cased.append(w[0] + low[1:])
    for k, m in enumerate(words):
        if cased[k] == m.group() and sentence[m.start() - 1:m.start()] == "(":
            _expansion(words, cased, k, len(m.group()))
        nxt = cased[k + 1] if k + 1 < len(words) else ""
        if cased[k] in _COMPASS and nxt[:1].isupper():
            cased[k] = cased[k].title()  # "north Korea" -> "North Korea"
    out = list(sentence)
    for m, new in zip(words, cased, strict=True):
        out[m.start():m.end()] = new
    return "".join(out)


_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})
_SMALL = frozenset({"of", "and", "for", "the", "on", "in", "de", "du", "la", "el"})


def _expansion(words: list[re.Match[str]], cased: list[str], k: int, letters: int) -> None:
    """Capitalise the words before "(ACR)" that spell it out, as copy in normal case would:
    "democratic people's republic (DPRK)" -> "Democratic People's Republic (DPRK)"."""
    j, taken = k - 1, 0
    while j >= 0 and taken < letters:
        if cased[j] in _SMALL:
            if cased[j] == "the":
                break
        else:
            cased[j] = cased[j][0].upper() + cased[j][1:]
            taken += 1
        j -= 1


def _place_word(word: str) -> bool:
    from .checks import gazetteer

    t = word.title()
    return gazetteer.is_country(t) or gazetteer.is_demonym(t)


# Month and day names the dictionary lists in lower case ("March" and "May" stay words).
_CAPITALISED = frozenset({"january", "february", "april", "june", "july", "august", "september",
                          "october", "november", "december", "monday", "tuesday", "wednesday",
                          "thursday", "friday", "saturday", "sunday"})
# Inflections the dictionary does not list: "signed" is "sign" + "ed".
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
            ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("est", ""), ("'s", ""), ("’s", ""))


def _common_word(low: str) -> bool:
    from .source.names.lexicon import dictionary_word

    if low in _CAPITALISED or _place_word(low):
        return False
    return dictionary_word(low) or any(
        low.endswith(end) and len(low) - len(end) >= 3 and dictionary_word(low[: -len(end)] + add)
        for end, add in _ENDINGS)


def _same_length_lower(word: str) -> str:
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in word)
