"""Which writing system a source uses, and how far we can read names in it.

Names are compared in Latin letters (anyascii romanises every script it knows). How much a
romanisation is worth depends on the script: Cyrillic and Greek map letter for letter; Han,
kana and Hangul give syllable readings that fit names only loosely ("ShaoYiGu" for a
transliterated foreign name); Arabic and Hebrew drop most vowels. Elsewhere we say that names
were not checked instead of guessing.

Where a language's profile names a reader (``"names": {"reader": "pinyin"}``), its sources are
also read aloud properly: Han in pinyin with each character's readings in context (pypinyin),
Japanese in Hepburn (pykakasi). ``readings`` gives those as a graph of spans and spellings;
the names engine matches the translation's names against it (``names.cjk``). The readers are
imported on first use, so a check without such a source never loads them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec

from anyascii import anyascii

from ..lang import section

EXACT = frozenset({"latin", "cyrillic", "greek"})
APPROXIMATE = frozenset({"han", "kana", "hangul", "arabic", "hebrew"})
_NAMES = {"CJK": "han", "HIRAGANA": "kana", "KATAKANA": "kana", "HANGUL": "hangul"}


def base_lang(lang: str | None) -> str | None:
    """"pt-BR" / "pt_PT" / "PT" -> "pt"; None stays None."""
    if not lang:
        return None
    return lang.replace("_", "-").split("-")[0].lower() or None


@lru_cache(maxsize=4096)
def char_script(c: str) -> str | None:
    """The script of one letter, lower case ("latin", "han"...); None for non-letters."""
    if not c.isalpha():
        return None
    try:
        first = unicodedata.name(c).split()[0]
    except ValueError:
        return None
    return _NAMES.get(first, first.lower())


def script_of(text: str) -> str | None:
    """The script most letters of ``text`` are written in (kana wins over Han: Japanese)."""
    counts = Counter(s for s in map(char_script, text) if s)
    if not counts:
        return None
    if counts.get("kana"):
        return "kana"
    return counts.most_common(1)[0][0]


def guess_lang(text: str) -> str | None:
    """The language where the script alone tells it; None for Latin (many languages)."""
    script = script_of(text)
    if script == "cyrillic":
        return "uk" if any(c in text for c in "іїєґІЇЄҐ") else "ru"
    return _SCRIPT_LANG.get(script or "")


_SCRIPT_LANG = {"han": "zh", "kana": "ja", "hangul": "ko", "greek": "el", "arabic": "ar", "hebrew": "he"}


def name_support(script: str | None) -> str:
    """"exact", "approximate" or "none": how well names in this script can be matched.

    Han and kana stay "approximate" though read (``readings``): each name finding says itself
    whether its match was clear (``NameIssue.weak``), and the source checks keep all of them
    weak for these scripts, since flagging the clear ones costs the real-MT figures until the
    source fusion is refitted (docs/experiments.md)."""
    if script in EXACT:
        return "exact"
    return "approximate" if script in APPROXIMATE else "none"


# The word list of a source language whose profile names none ("source.wordfreq"): wordfreq's
# "small" lists know the words of Zipf 3 and more, which is what the source checks mostly ask
# (their cut-offs lie at 2.5 to 4.5), in a tenth of the memory: a "large" list takes 70 MB
# (German) to 115 MB (Russian) once loaded, and a desk that sees six languages held them all.
# English and German name "best" (German's capitalised nouns are told from names by
# frequencies under 3).
SOURCE_WORDLIST = "small"


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str, wordlist: str | None = None) -> float:
    """wordfreq's Zipf frequency, 0 where it cannot tell (an unknown language, or Chinese and
    Japanese, whose tokenizers are optional extras we do not install). Read in ``wordlist``,
    else the list the language's profile names, else ``SOURCE_WORDLIST``."""
    listed = section(lang, "source").get("wordfreq")
    if listed is False:
        return 0.0
    try:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang, wordlist=wordlist or listed or SOURCE_WORDLIST)
    except (LookupError, ImportError, ValueError):
        return 0.0


# Where Han or kana meets Latin letters ("与Brau Beviale一起"): romanised apart, not run into
# one word ("YuBrau").
_CJK_CLASS = r"[\u3040-\u30ff\u3400-\u9fff]"
_SCRIPT_SEAM = re.compile(rf"(?<={_CJK_CLASS})(?=[A-Za-z])|(?<=[A-Za-z])(?={_CJK_CLASS})")


def romanise(text: str) -> str:
    return anyascii(_SCRIPT_SEAM.sub(" ", text))


# --- Readers: Han and kana read aloud --------------------------------------------------------

# Scripts a reader reads; a source in them is matched by reading where its language has one.
READ_SCRIPTS = frozenset({"han", "kana"})
# A reading of one source: at each character position, the spans that start there as
# (end position, lower-case Latin spelling); positions outside the reader's script have none.
Reading = list[list[tuple[int, str]]]


def cjk(text: str) -> bool:
    """Whether the text has a Han or kana character."""
    return any(char_script(c) in READ_SCRIPTS for c in text)


def _pinyin(text: str) -> Reading:
    """Each Han character under its reading in context and its other readings (pypinyin):
    "重庆" is chong+qing, and 重 zhong too. ü is spelled v here, as pypinyin does."""
    from pypinyin import Style, lazy_pinyin, pinyin

    out: Reading = [[] for _ in text]
    for m in re.finditer(r"[\u3400-\u9fff\uf900-\ufaff]+", text):
        run = m.group()
        context = lazy_pinyin(run, style=Style.NORMAL, errors="ignore")
        if len(context) != len(run):  # a character pypinyin does not know: no context
            context = [""] * len(run)
        for i, (c, first) in enumerate(zip(run, context, strict=True)):
            heteronyms = pinyin(c, style=Style.NORMAL, heteronym=True, errors="ignore")
            spellings = dict.fromkeys([first, *(heteronyms[0] if heteronyms else ())])
            out[m.start() + i] = [(m.start() + i + 1, s) for s in spellings if s.isascii() and s.isalpha()]
    return out


@lru_cache(maxsize=1)
def _kakasi() -> object:
    import pykakasi

    return pykakasi.kakasi()


def _hepburn(text: str) -> Reading:
    """Words of a Japanese text in Hepburn (pykakasi), and each kanji compound under every
    reading of pykakasi's dictionary: names are read many ways ("菅" is Kan and Suga)."""
    from pykakasi.kanji import Kanwa

    kakasi = _kakasi()
    out: Reading = [[] for _ in text]
    pos = 0
    for token in kakasi.convert(text):  # type: ignore[attr-defined]
        orig = token["orig"]
        start = text.find(orig, pos)
        if start < 0:
            continue
        pos = start + len(orig)
        if cjk(orig) and token["hepburn"].isascii():
            out[start].append((pos, token["hepburn"].lower()))
    for i, c in enumerate(text):  # each kana alone: a name inside a longer word ("でいろは")
        if char_script(c) == "kana" or c in _SILENT_KANA:
            pair = text[i:i + 2] if text[i + 1:i + 2] in _SMALL_KANA else c
            out[i].append((i + len(pair), _mora(pair)))
    kanwa = Kanwa()
    for i, c in enumerate(text):
        table = kanwa.load(c) if char_script(c) == "han" else None
        for compound, yomis in (table or {}).items():
            if text.startswith(compound, i):
                for yomi, _ in yomis:
                    spelled = "".join(t["hepburn"] for t in kakasi.convert(yomi))  # type: ignore[attr-defined]
                    if spelled.isascii() and spelled.isalpha():
                        out[i].append((i + len(compound), spelled.lower()))
    return out


# The long-vowel mark and the small tsu are read as nothing here: news spells "Ramen", and
# a doubled consonant is folded on both sides (profile "folds").
_SILENT_KANA = frozenset("ーッっ")
_SMALL_KANA = frozenset("ゃゅょぁぃぅぇぉャュョァィゥェォ")


@lru_cache(maxsize=512)
def _mora(kana: str) -> str:
    if kana in _SILENT_KANA:
        return ""
    spelled = "".join(t["hepburn"] for t in _kakasi().convert(kana))  # type: ignore[attr-defined]
    return spelled.lower() if spelled.isascii() and spelled.isalpha() else ""


READERS: dict[str, Callable[[str], Reading]] = {"pinyin": _pinyin, "hepburn": _hepburn}
_MODULES = {"pinyin": "pypinyin", "hepburn": "pykakasi"}


@lru_cache(maxsize=64)
def reader_of(lang: str | None) -> str | None:
    """The name of ``lang``'s reader (profile ``"names": {"reader": ...}``), where installed."""
    name = section(lang, "names").get("reader")
    return name if name in READERS and find_spec(_MODULES[name]) is not None else None


@lru_cache(maxsize=256)  # every name of a sentence asks
def readings(text: str, lang: str | None) -> tuple[tuple[tuple[int, str], ...], ...]:
    """The spans of ``text`` its language's reader reads, with their spellings; empty where the
    language has no reader or the text nothing to read."""
    name = reader_of(lang)
    if name is None or not cjk(text):
        return ()
    return tuple(tuple(dict.fromkeys(spans)) for spans in READERS[name](text))


# Letters some scripts write joined to the next word ("and", "the", "in"): Hebrew "בירושלים" is
# "in Jerusalem". A profile's "source.clitics", longest first.


def has_clitics(lang: str | None) -> bool:
    return bool(section(lang, "source").get("clitics"))


def without_clitics(word: str, lang: str | None) -> list[str]:
    """``word``, then what is left of it without each run of clitics it may start with (two
    letters left at least): "ושלושה" -> ["ושלושה", "לושה", "שלושה"]. Other languages: the
    word alone."""
    out = [word]
    for c in section(lang, "source").get("clitics", ()):
        if word.startswith(c) and len(word) - len(c) >= 2 and word[len(c):] not in out:
            out.append(word[len(c):])
    return out
