"""Numbers, quantities and dates in a source sentence and its English translation.

A changed figure is the error a desk fears most and the one target-only reading cannot see.
Each side becomes a set of values: digits read with the source locale's separators (Babel's
CLDR data: "1.000,5" in Portuguese is 1000.5, "1,000.5" in English is the same), scale words
("mil milhões", "Mrd.", "млрд", "亿", "billion") multiplied in, dates reduced to their parts
(a month name or "3月" is the month 3). Digits are *strong* evidence; number words ("four
million", "三百") are *weak*: they may satisfy a match but never raise a flag themselves.

Example:
    >>> [round(n.value) for n in extract("Receitas de 1,6 biliões de euros em 2012.", "pt")]
    [1600000000000, 2012]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .scripts import base_lang, has_clitics, without_clitics


@dataclass(frozen=True)
class Number:
    """A value found in text. ``kind`` is "number" or "month"; ``mantissa`` is the value
    before any scale word (so a changed scale can be told from a changed figure)."""

    value: float
    mantissa: float
    scaled: bool
    start: int
    end: int
    text: str
    kind: str = "number"
    strong: bool = True
    alt: float | None = None  # the other reading of an ambiguous "180,000" / "1.500"
    glued: bool = False  # digits inside a name ("BNT162b2", "G20")
    raw: bool = False  # a Han digit inside a word ("三江源"): pairs with a changed word, no more


# Scale words by language (lower case, matched right after a number). A compound such as
# Portuguese "mil milhões" (10^9) is listed whole so that it wins over "mil" alone.
# Portuguese "bilião" is 10^12 in Portugal and "bilhão" 10^9 in Brazil: both spellings exist.
_SCALES: dict[str, dict[str, float]] = {
    "en": {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6,
           "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12},
    "pt": {"mil milhões": 1e9, "mil milhão": 1e9, "mil": 1e3, "milhão": 1e6, "milhões": 1e6,
           "bilião": 1e12, "biliões": 1e12, "bilhão": 1e9, "bilhões": 1e9, "trilião": 1e18,
           "trilhão": 1e12, "trilhões": 1e12},
    "es": {"mil millones": 1e9, "mil": 1e3, "millón": 1e6, "millones": 1e6, "billón": 1e12,
           "billones": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "md": 1e9, "mds": 1e9},
    "it": {"mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9},
    "de": {"tausend": 1e3, "tsd.": 1e3, "million": 1e6, "millionen": 1e6, "mio.": 1e6, "mio": 1e6,
           "milliarde": 1e9, "milliarden": 1e9, "mrd.": 1e9, "mrd": 1e9, "billion": 1e12,
           "billionen": 1e12},
    "cs": {"tis.": 1e3, "tisíc": 1e3, "tisíce": 1e3, "milion": 1e6, "milionů": 1e6, "miliony": 1e6,
           "mil.": 1e6, "miliarda": 1e9, "miliardy": 1e9, "miliard": 1e9, "mld.": 1e9, "bilion": 1e12},
    "ru": {"тыс.": 1e3, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "млн": 1e6,
           "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9,
           "миллиарда": 1e9, "миллиардов": 1e9, "трлн": 1e12, "триллион": 1e12, "триллиона": 1e12,
           "триллионов": 1e12},
    "uk": {"тис.": 1e3, "тис": 1e3, "тисяч": 1e3, "тисячі": 1e3, "млн": 1e6, "мільйон": 1e6,
           "мільйона": 1e6, "мільйонів": 1e6, "млрд": 1e9, "мільярд": 1e9, "мільярда": 1e9,
           "мільярдів": 1e9, "трлн": 1e12},
    "pl": {"tys.": 1e3, "tysięcy": 1e3, "mln": 1e6, "milion": 1e6, "milionów": 1e6, "mld": 1e9,
           "miliard": 1e9, "miliardów": 1e9},
    # Han scales follow the number directly ("3亿", "1.5万亿").
    # "1100多万" is "over 11 million"; "6成" is six tenths (60%).
    "zh": {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百万": 1e6, "千万": 1e7, "多万": 1e4,
           "多亿": 1e8, "余万": 1e4, "余亿": 1e8, "成": 10},
    "ja": {"兆": 1e12, "億": 1e8, "万": 1e4, "千": 1e3, "百万": 1e6},
}
_SCALES["ko"] = {"조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3}
_SCALES["liv"] = {"miljonõd": 1e6, "miljon": 1e6, "tū'ontõd": 1e3, "tūontõd": 1e3}
_SCALES["et"] = {"tuhat": 1e3, "tuhande": 1e3, "miljon": 1e6, "miljonit": 1e6, "miljoni": 1e6,
                 "miljard": 1e9, "miljardit": 1e9, "miljardi": 1e9, "mln": 1e6, "mld": 1e9}
_SCALES["fi"] = {"tuhatta": 1e3, "tuhat": 1e3, "miljoona": 1e6, "miljoonaa": 1e6, "miljardi": 1e9,
                 "miljardia": 1e9, "milj.": 1e6, "mrd.": 1e9}


def _case_forms(stems: dict[str, int], endings: tuple[str, ...]) -> dict[str, int]:
    """Every case form of the given stems: Finnic numbers take case endings on an oblique stem
    ("kolme" / "kolmele", "kahde" / "kahdella"), too long to be matched on a stem."""
    return {stem + e: n for stem, n in stems.items() for e in endings}


def _estonian() -> dict[str, float]:
    """Estonian number words, which num2words does not write: the nominatives, teens
    (-teist) and tens (-kümmend), the partitives and every case of the genitive stems,
    and the ordinals from third up ("üks", one, and "teine", second and "other", left out)."""
    units = {"kaks": 2, "kolm": 3, "neli": 4, "viis": 5, "kuus": 6, "seitse": 7, "kaheksa": 8, "üheksa": 9}
    words: dict[str, float] = {"kümme": 10, "sada": 100, "kümmet": 10, "sadat": 100}
    for unit, n in units.items():
        words.update({unit: n, unit + "teist": 10 + n, unit + "kümmend": 10 * n, unit + "sada": 100 * n})
    words["üksteist"] = 11
    words.update({"kahte": 2, "viit": 5, "kuut": 6, "seitset": 7, "kaheksat": 8, "üheksat": 9})
    words.update({"kolmas": 3, "neljas": 4, "viies": 5, "kuues": 6, "seitsmes": 7, "kaheksas": 8,
                  "üheksas": 9, "kümnes": 10})
    genitive = {"kahe": 2, "kolme": 3, "nelja": 4, "viie": 5, "kuue": 6, "seitsme": 7, "kaheksa": 8,
                "üheksa": 9, "kümne": 10, "saja": 100}
    words.update(_case_forms(genitive, ("", "l", "le", "lt", "s", "st", "sse", "ga", "ks", "ni", "na", "ta")))
    return {w: float(n) for w, n in words.items()}


# Finnish: num2words writes the nominatives; these are the partitives and the other cases.
_FINNISH_CASES = {
    "kahta": 2, "kolmea": 3, "neljää": 4, "viittä": 5, "kuutta": 6, "seitsemää": 7, "kahdeksaa": 8,
    "yhdeksää": 9, "kymmentä": 10, "sataa": 100,
    **_case_forms({"kahde": 2, "kolme": 3, "viide": 5, "kuude": 6, "kymmene": 10, "sada": 100},
                  ("n", "lle", "ssa", "sta", "lla", "lta", "ksi", "na")),
    **_case_forms({"neljä": 4, "seitsemä": 7, "yhdeksä": 9, "kahdeksa": 8},
                  ("n", "lle", "ssä", "stä", "llä", "ltä", "ksi", "nä", "ssa", "sta", "lla", "lta", "na")),
}


def _livonian() -> dict[str, float]:
    """Livonian number words, which num2words does not write, from the University of Tartu's
    Livonian course (sisu.ut.ee/liivikeel, unit 5.2, numerals): units, -tuoistõn teens,
    -kimdõ tens and -sa'ddõ hundreds written as one word, and the ordinals from third up whose
    stems are no other word; each with and without the broken-tone apostrophe. Left out:
    ``ikš`` (one), as num2words' "one" is everywhere, an article as often as a figure; ``tuoi``
    (second), which starts ordinary words ("tuoitõks", food); ō for ǭ, since "kōdõks" is a
    form of "kōd" (two, a pair: "kōdõks pǟvaks", for two days), not "kǭ'dõks" (eight); and the
    sixth and fifth, whose stems are "kūd" (months) and "vīd"."""
    units = {"ikš": 1, "kakš": 2, "kuolm": 3, "nēļa": 4, "vīž": 5, "kūž": 6, "seis": 7, "kǭ'dõks": 8,
             "ī'dõks": 9}
    words: dict[str, float] = {"kim": 10, "sadā": 100, "tū'ontõ": 1000, "e'žmi": 1, "kuolmõz": 3,
                               "neļļõz": 4, "nēļļõz": 4, "seismõz": 7, "kǭ'dõksmõz": 8, "ī'dõksmõz": 9,
                               "kimmõz": 10}
    for unit, n in units.items():
        if n > 1:
            words.update({unit: n, unit + "kimdõ": 10 * n, unit + "sa'ddõ": 100 * n})
        words[unit + "tuoistõn"] = 10 + n
    variants = {}
    for w, n in words.items():
        for v in (w, w.replace("'", "")):
            variants[v] = float(n)
    return variants


# Number words of languages num2words does not cover.
_HAND_WORDS = {"liv": _livonian(), "et": _estonian()}
# The shortest stem an inflected number word is matched on: Livonian's short number words
# share three letters with ordinary words ("kuolm", three; "kuoig").
_MIN_STEM = {"liv": 4}
# Romance languages inflect a number word's last letter or two ("sexto", "sextas"): the stem
# keeps four letters, where all but two would leave "sex" and take "sexo" for "sexto",
# "vinho" for "vinte", "trop" for "trois".
_ROMANCE = frozenset({"pt", "es", "it", "fr", "ca", "ro"})

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "both": 2,
}
_EN_ORDINALS = {w: i for i, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"), start=1)}
_EN_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
# The Latin month names in their English and their common eastern European spellings, for a
# language CLDR does not describe.
_LATIN_MONTHS = {**_EN_MONTHS, "janvar": 1, "februar": 2, "mart": 3, "aprill": 4, "mai": 5, "juni": 6,
                 "juli": 7, "avgust": 8, "septembr": 9, "oktobr": 10, "novembr": 11, "dekabr": 12,
                 "detsember": 12, "detsembor": 12,  # Estonian, Livonian "detsembõr"
                 "junij": 6, "julij": 7, "marts": 3,  # Slovene, Livonian; Latvian
                 "ougust": 8}  # Livonian ("ougusts", in August)
_EN_WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
# Month and day names in full: dates are this module's, not the name check's.
EN_CALENDAR = frozenset([*_EN_MONTHS, *_EN_WEEKDAYS])
_EN_MONTHS.update({m[:3]: i for m, i in list(_EN_MONTHS.items()) if m != "may"})
_EN_MONTHS["sept"] = 9
# English number words too loose to pair with a source figure on their own ("both" renders
# "既…也" as often as a figure, "a dozen" "十几").
_AMBIGUOUS: frozenset[str] = frozenset({"both", "dozen"})
# "a second", "split second": the unit of time; "second only to", "second to none": idiom
_TIME_SECOND_AFTER = re.compile(r"\s+(?:only|to none)\b", re.I)
_TIME_SECOND = re.compile(r"(?:\b(?:a|one|split|per|every|each)\s+|\d[\s-]*)$", re.I)
# Languages whose month and day names take case endings (CLDR lists only some forms).
_CASE_LANGS = frozenset({"cs", "sk", "pl", "ru", "uk", "be", "sl", "hr", "sr", "bs", "lt", "lv", "fi",
                         "et", "hu", "liv"})

_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}

# Digits with optional grouping and a decimal part; separators are read per language below.
_DIGITS = re.compile(r"(?<![\d])\d+(?:[.,\u00a0\u202f' ]\d+)*")
# Han numerals: two or more in a row, or one after 第 (ordinal), inside brackets ("(一)") or
# before a measure word ("四个", "十元", "万名", "百年"); 两 ("two") always.
_HAN_ONE = "[一二两三四五六七八九十百千万]"
_HAN_NUMERAL = re.compile(
    rf"(?<=第)[一二两三四五六七八九十]+|(?<=[(（]){_HAN_ONE}+(?=[)）])"
    rf"|{_HAN_ONE}(?=[个名位次等届条台只家岁倍分天年项件场周元余级人国艘道部本册种类点批组轮段层辆架门所大])"
    # measure words that 一 also builds ordinary words with (一起 "together", 一番, 一方)
    r"|[二三四五六七八九十百千万](?=[张枚把片份起例座颗篇首句期支队间幅匹头口套副对双笔封趟遍回步栋户"
    r"克米吨亩斤季秒代章节集局方省市县区地星世つ歳階冊番度頭成审]|中(?=全会))"
    r"|^[一二三四五六七八九十]+(?=[、.．])"
    # "每千字" (per thousand characters), "十来天" (ten days or so)
    r"|(?<=每)[十百千万](?![一二三四五六七八九十百千万萬亿億])|(?<![一二三四五六七八九])[十百千](?=来)"
    r"|[两兩]"
    r"|[零〇一二两兩三四五六七八九十百千万萬亿億]{2,}")


@lru_cache(maxsize=64)
def _decimal_symbol(lang: str | None) -> str | None:
    """The decimal mark of a language from CLDR; None when unknown."""
    if not lang:
        return None
    try:
        from babel import numbers

        return numbers.get_decimal_symbol(lang)
    except Exception:  # an unknown locale: fall back to reading the digits themselves
        return None


def _parse_digits(s: str, lang: str | None) -> tuple[float, int, float | None]:
    """The value of a digit string and how many characters of it belong to one number.

    Grouping is ambiguous ("1.500" is 1500 in German, 1.5 in English): with the language
    known, CLDR decides; without it a lone separator followed by exactly three digits is
    read as grouping, the common case in news figures.
    """
    dec = _decimal_symbol(lang)
    # A plain space groups digits ("170 000", common in European texts whatever CLDR says)
    # only when every group after the first has three digits; never in English, where
    # "in 2020 100 people" is two numbers.
    if " " in s and (lang == "en" or not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", s)):
        s = s[:s.index(" ")]
    n = len(s)
    t = s.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    seps = [c for c in t if not c.isdigit()]
    if not seps:
        return float(t), n, None
    parts = re.split(r"[.,' ]", t)
    kinds = set(seps)
    if len(kinds) == 2 or (len(kinds) == 1 and " " in kinds and ("," in t or "." in t)):
        last = max(t.rfind("."), t.rfind(","))
        whole, frac = t[:last], t[last + 1:]
        return _num(re.sub(r"\D", "", whole) + "." + frac), n, None
    sep = seps[0]
    if sep == " ":
        return _num(t.replace(" ", "")), n, None
    if len(seps) > 1:  # one separator repeated: grouping, if every group has three digits
        if all(len(p) == 3 for p in parts[1:]):
            return _num("".join(parts)), n, None
        return _num(parts[0]), len(parts[0]), None
    # With CLDR's symbols: the decimal mark is decimal, and so is any separator not followed
    # by a group of three ("1.50" written the English way in a German text).
    is_decimal = sep == dec or len(parts[1]) != 3
    as_decimal, as_group = _num(parts[0] + "." + parts[1]), _num(parts[0] + parts[1])
    if len(parts[1]) == 3 and lang != "en" and (is_decimal or dec is None):
        # "180,000" in a Portuguese text is most likely a figure written the English way;
        # where the separator is not the language's decimal mark ("2,000亿") it only groups.
        return (as_decimal, n, as_group) if is_decimal else (as_group, n, as_decimal)
    return (as_decimal if is_decimal else as_group), n, None


def _pieces(start: int, digits: str) -> list[tuple[int, str]]:
    """A dotted date ("01.09.2004") is three numbers, not one badly grouped one:
    split a run whose repeated separator is not followed by groups of three."""
    parts = re.split(r"([.,])", digits)
    seps = set(parts[1::2])
    if len(parts) >= 5 and len(seps) == 1 and not all(len(p) == 3 for p in parts[2::2]):
        out, pos = [], start
        for p in parts[0::2]:
            out.append((pos, p))
            pos += len(p) + 1
        return out
    return [(start, digits)]


def _apostrophe(text: str) -> str:
    """One apostrophe for all ("п‘ятниці", "п’ять", CLDR's "пʼятниця"): the same length, so
    offsets hold."""
    return text.replace("‘", "'").replace("’", "'").replace("ʼ", "'")


def _num(s: str) -> float:
    return float(s) if s.strip(".") else 0.0


def _scale_after(text: str, pos: int, lang: str) -> tuple[float, int]:
    """A scale word right after ``pos``: (multiplier, end), or (1, pos)."""
    scales = _SCALES.get(lang, {})
    if not scales:
        return 1.0, pos
    han = lang in ("zh", "ja", "ko")
    rest = text[pos:pos + 25].lstrip(" \u00a0")  # "820 万" as well as "820万"
    skipped = len(text[pos:pos + 25]) - len(rest)
    low = rest.lower()
    for word in sorted(scales, key=len, reverse=True):
        if low.startswith(word):
            end = len(word)
            if not han:  # an inflected ending ("тысячах", "milionech") belongs to the word
                while end < len(low) and low[end].isalpha() and end - len(word) < 3:
                    end += 1
            if han or end == len(low) or not low[end].isalpha():
                return scales[word], pos + skipped + end
    return 1.0, pos


def extract(text: str, lang: str | None = None) -> list[Number]:
    """Every number and month in ``text``, read as language ``lang`` (ISO 639-1)."""
    lang = base_lang(lang)
    is_en = lang == "en"
    if not is_en:
        text = _apostrophe(text)
        # Full-width digits and ideographic separators in CJK text: NFKC maps each to one
        # character, so offsets stay valid for the source (only the target needs them).
        # The full-width comma stays: it separates list items ("6666，8888"), never groups digits.
        text = "".join(unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1
                       and c != "，" else c for c in text)
    out: list[Number] = []
    for m in _DIGITS.finditer(text):
        before = text[max(0, m.start() - 2):m.start()]
        # Digits glued to a name ("COVID-19", "G20", "PlayStation5", "ST-33") are weak: they
        # may match or pair with a changed figure, but never count as missing or extra alone.
        glued = bool(re.search(r"(?:[^\W\d_]|[A-Z]-)$", before)) and not (lang in ("zh", "ja", "ko")
                                                                         and not before[-1:].isascii())
        for start, digits in _pieces(m.start(), m.group()):
            value, length, alt = _parse_digits(digits, "en" if is_en else lang)
            if value == 0:
                continue  # "18:00", "3-0": zeros carry no figure worth comparing
            end = start + length
            nxt = re.sub(r"^:\d\d", "", text[end:end + 8].lower())
            if is_en and re.match(r"\s?(?:pm|p\.m\.)", nxt) and value < 12:
                alt = value + 12  # "7 PM" is the "19 Uhr" of a 24-hour source
            if end < len(text) and text[end] in "年后後" and lang in ("zh", "ja"):
                # "80年代" is the 1980s, "95后" those born after 1995, "22年" also the year 2022
                short_year = length == 2
                if text[end] == "年" or short_year:
                    century = 1900 if value >= 30 else 2000
                    out.append(Number(value, value, False, start, end + 1, text[start:end + 1],
                                      alt=century + value if short_year else None))
                    continue
            gap = len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" "))  # "2021 年 1 月"
            if text[end + gap:end + gap + 1] == "月" and lang in ("zh", "ja", "ko") and 1 <= value <= 12:
                stop = end + gap + 1
                out.append(Number(value, value, False, start, stop, text[start:stop], "month"))
                continue
            scale, send = _scale_after(text, end, lang or "")
            out.append(Number(value * scale, value, scale != 1.0, start, send, text[start:send],
                              strong=not glued, alt=alt * scale if alt is not None else None, glued=glued))
    words: list[Number] = []
    if is_en:
        words += _english_words(text)
        words += _months(text, _EN_MONTHS)
        words += _months(text, _EN_WEEKDAYS, "weekday", capitalised=True)
    elif lang in ("zh", "ja"):
        words += _han_numerals(text)
    elif has_clitics(lang):
        # month names behind a clitic ("במרץ", "in March"), matched whole
        words += _clitic_names(text, _month_names(lang or ""), "month", lang)
        words += _source_words(text, lang or "")
    elif lang:
        months = _month_names(lang)
        if months:
            # An abbreviation ("dez", "mar", "out") is a month only beside a figure ("3 dez.
            # 2020"): in running text "dez" is ten and "mar" the sea.
            short = _month_abbreviations(lang)
            words += [n for n in _fuzzy_names(text, months, "month", lang)
                      if n.text.lower().rstrip(".") not in short or _beside_figure(text, n)]
        else:
            # A language CLDR does not describe (Livonian): European month names are mostly
            # the Latin ones ("aprilõs", "jūnij"), matched loosely on their unaccented form.
            plain = "".join(unicodedata.normalize("NFD", c)[0] for c in text)
            words += _fuzzy_names(plain, _LATIN_MONTHS, "month", "*")
        read_months = [w for w in words if w.kind == "month"]
        words += _fuzzy_names(text, _day_names(lang), "weekday", lang)
        # a month read beside a figure is no number word too ("3 dez. 2020")
        words += [n for n in _source_words(text, lang)
                  if not any(w.start < n.end and n.start < w.end for w in read_months)]
    if lang not in ("zh", "ja", "ko"):
        # Roman numerals ("século XIX", "World War II"): weak, read on both sides
        words += [Number(float(v), float(v), False, m.start(), m.end(), m.group(), strong=False)
                  for m in _ROMAN.finditer(text) if (v := _roman(m.group()))]
    # A word inside a figure already read ("1,1 mil milhões", "1.1 billion") is not another one.
    out += [w for w in words if not any(n.start < w.end and w.start < n.end for n in out)]
    if lang in ("zh", "ja"):
        out += _implied_months(text, out)
    return out


# A day with no month before it ("9日"), in Chinese or Japanese text.
_BARE_DAY = re.compile(r"(?<![月\d])\s*(\d{1,2})\s*[日号]")


def _implied_months(text: str, found: list[Number]) -> list[Number]:
    """"12月3日暂时休会，9日继续": the 9th is in December too, and a translation says so
    ("on December 9"). Each bare day after a dated month gets that month, weakly (the
    translation need not repeat it)."""
    months = sorted((n for n in found if n.kind == "month"), key=lambda n: n.start)
    out = []
    for m in _BARE_DAY.finditer(text):
        last = [n for n in months if n.end <= m.start()]
        if last and 1 <= int(m.group(1)) <= 31:
            out.append(Number(last[-1].value, last[-1].value, False, m.start(1), m.end(),
                              f"{last[-1].text}…{m.group().strip()}", "month", strong=False))
    return out


_ROMAN = re.compile(r"\b[IVX]{2,6}\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(s: str) -> int | None:
    """The value of a Roman numeral of I, V and X ("XIX"); None for anything that is not one."""
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total if total > 0 and _to_roman(total) == s else None


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


_EN_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10,
                 "tenths": 10}
_EN_TIMES = {"twice": 2, "thrice": 3}


def _english_fraction(words: list[re.Match[str]], i: int) -> tuple[Number, int] | None:
    """A fraction at word ``i`` ("one-fifth", "two thirds", "a third of", "a quarter-century")
    and the index of the word after it; None if there is none."""
    w = words[i].group().lower()
    parts = w.split("-")
    if len(parts) == 2 and parts[0] in _EN_UNITS and parts[1] in _EN_FRACTIONS:
        n, d, stop = float(_EN_UNITS[parts[0]]), _EN_FRACTIONS[parts[1]], i + 1
        alt = n
    elif parts == ["quarter", "century"]:
        n, d, stop, alt = 1.0, 4, i + 1, None
    elif w in ("a", "one", *_EN_UNITS) and i + 1 < len(words) and words[i + 1].start() - words[i].end() == 1:
        nxt = words[i + 1].group().lower()
        plural = nxt.endswith("s") and nxt[:-1] in _EN_FRACTIONS
        single = nxt in _EN_FRACTIONS and not nxt.endswith("s") and w in ("a", "one")
        after = words[i + 2].group().lower() if i + 2 < len(words) else ""
        # "a third of", "one third"; not "a third wave"
        many = plural and w in _EN_UNITS and _EN_UNITS[w] >= 2
        if not (many or (single and (after == "of" or w == "one"))):
            return None
        n, d, stop = (1.0 if w == "a" else float(_EN_UNITS[w])), _EN_FRACTIONS[nxt], i + 2
        alt = float(_EN_ORDINALS[nxt]) if w == "a" and nxt in _EN_ORDINALS else n
    else:
        return None
    start, end = words[i].start(), words[stop - 1].end()
    return Number(n / d, n / d, False, start, end, words[i].string[start:end], strong=False, alt=alt), stop


def _english_words(text: str) -> list[Number]:
    """Number words ("four million", "twenty-five"): weak evidence, for matching only."""
    out = []
    words = list(re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)?", text))
    i = 0
    while i < len(words):
        w = words[i].group().lower()
        parts = w.split("-")
        frac = _english_fraction(words, i)
        if frac is not None:
            # "one-fifth", "two thirds", "a third of": the fraction ("um quinto", "deux tiers"),
            # or what the words read as before (the numerator, "a third" the rank)
            out.append(frac[0])
            i = frac[1]
            continue
        if w in _EN_TIMES:
            k = float(_EN_TIMES[w])  # "twice the rate": the "duas vezes" of a source
            out.append(Number(k, k, False, words[i].start(), words[i].end(), words[i].group(), strong=False))
            i += 1
            continue
        if len(parts) == 2 and _EN_UNITS.get(parts[0], 0) >= 20 and _EN_ORDINALS.get(parts[1], 99) < 10:
            k = float(_EN_UNITS[parts[0]] + _EN_ORDINALS[parts[1]])  # "twenty-first"
            out.append(Number(k, k, False, words[i].start(), words[i].end(), words[i].group(), strong=False))
            i += 1
            continue
        if len(parts) == 2 and parts[0] in {**_EN_UNITS, **_EN_ORDINALS} and parts[1] not in _EN_UNITS:
            parts = parts[:1]  # "ten-year", "third-largest"
        if len(parts) == 1 and parts[0] in _PLURALS["en"]:
            k = float(_PLURALS["en"][parts[0]])  # "hundreds of", "millions of"
            ahead = [w.group().lower() for w in words[i + 1:i + 3]]
            if len(ahead) == 2 and ahead[0] == "of" and _PLURALS["en"].get(ahead[1], 0) > k:
                # "tens of millions" is one figure, 10^7 (the "千万" of a Chinese source)
                k *= _PLURALS["en"][ahead[1]]
                out.append(Number(k, k, False, words[i].start(), words[i + 2].end(),
                                  text[words[i].start():words[i + 2].end()], strong=False))
                i += 3
                continue
            out.append(Number(k, k, False, words[i].start(), words[i].end(), words[i].group(), strong=False))
            i += 1
            continue
        if len(parts) == 1 and parts[0] in ("million", "billion", "trillion", "thousand"):
            k = _SCALES["en"][parts[0]]  # "a million": the scale word on its own
            out.append(Number(k, 1.0, True, words[i].start(), words[i].end(), words[i].group(), strong=False))
            i += 1
            continue
        if len(parts) == 1 and parts[0] in _EN_ORDINALS:
            k = float(_EN_ORDINALS[parts[0]])
            out.append(Number(k, k, False, words[i].start(), words[i].end(), words[i].group(), strong=False))
            i += 1
            continue
        if all(p in _EN_UNITS for p in parts):
            value = float(sum(_EN_UNITS[p] for p in parts))
            j = i + 1
            while j < len(words) and words[j].group().lower() in ("hundred", *_SCALES["en"]):
                nxt = words[j].group().lower()
                value *= 100 if nxt == "hundred" else _SCALES["en"][nxt]
                j += 1
            ahead = [w.group().lower() for w in words[j:j + 3]]
            if j == i + 1 and len(ahead) == 3 and ahead[0] in ("or", "to") and ahead[1] in _EN_UNITS \
                    and ahead[2] in ("hundred", *_SCALES["en"]):
                # "five or six hundred": the scale is both figures'
                value *= 100 if ahead[2] == "hundred" else _SCALES["en"][ahead[2]]
            out.append(Number(value, value, j > i + 1, words[i].start(), words[j - 1].end(),
                              text[words[i].start():words[j - 1].end()], strong=False))
            i = j
        else:
            i += 1
    return out


def _months(text: str, names: dict[str, int], kind: str = "month", capitalised: bool = False) -> list[Number]:
    out = []
    for m in re.finditer(r"\w+\.?", text):
        w = m.group().lower().rstrip(".")
        upper = m.group()[0].isupper()
        if w in names and (w != "may" or upper) and (len(w) > 3 or upper) and (upper or not capitalised):
            k = names[w]
            out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), kind))
    return out


def _clitic_names(text: str, names: dict[str, int], kind: str, lang: str | None) -> list[Number]:
    """Month names in Hebrew or Arabic, whole or behind clitics ("במרץ", "في مارس")."""
    out = []
    for m in re.finditer(r"[^\W\d_]+[׳']?", text):
        k = next((names[c] for c in without_clitics(m.group(), lang) if c in names), None)
        if k is not None:
            out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), kind))
    return out


def _fuzzy_names(text: str, names: dict[str, int], kind: str, lang: str) -> list[Number]:
    """Month or day names in an inflected language ("říjnu", "červnu", "в октябре"): the
    closest CLDR form by edit ratio, when it is clearly closer than any other month. Only in
    languages that decline month names: elsewhere a near miss is another word ("abrir")."""
    from rapidfuzz import fuzz

    if not names:
        return []
    declines = lang in _CASE_LANGS or lang == "*"  # "*": any language, read loosely
    out = []
    for m in re.finditer(r"[^\W\d_]+(?:'[^\W\d_]+)*", text):
        w = m.group().lower()
        if len(w) < 3:
            continue
        scores: dict[int, float] = {}
        for name, k in names.items():
            if name[:3] == w[:3]:
                score = 100.0 if name == w else fuzz.ratio(name, w)
                # an adjective on the name's stem in a declining language ("páteční",
                # "sobotních"): as good as the name itself
                if declines and len(name) >= 5 and w.startswith(name[:-1]) \
                        and len(w) - len(name) <= 4:
                    score = max(score, 90.0)
                scores[k] = max(scores.get(k, 0.0), score)
        if not scores:
            continue
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        exact = ranked[0][1] == 100.0
        if not exact and (ranked[0][1] < 75 or not declines):
            continue
        if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= 5:
            k = ranked[0][0]
            out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), kind))
    return out


# Day names CLDR does not have: Livonian, from the University of Tartu's course
# (sisu.ut.ee/liivikeel, unit 5.4), with the spellings without the apostrophe and ļ.
_HAND_DAYS = {"liv": {"e'žžõmpǟva": 0, "ežžõmpǟva": 0, "tūoiznapǟva": 1, "kuolmõndpǟva": 2, "neļļõndpǟva": 3,
                      "nēļļõndpǟva": 3, "nellõndpǟva": 3, "brēḑõg": 4, "pūolpǟva": 5, "pivāpǟva": 6}}


@lru_cache(maxsize=32)
def _day_names(lang: str) -> dict[str, int]:
    if lang in _HAND_DAYS:
        return _HAND_DAYS[lang]
    try:
        from babel import dates

        names: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for k, v in dates.get_day_names("wide", context, locale=lang).items():
                names[_apostrophe(v.lower())] = k
        return names
    except Exception:
        return {}


@lru_cache(maxsize=32)
def _spelled(lang: str) -> tuple[tuple[str, float, str], ...]:
    """(words, value, cardinal | ordinal) for 0-100, the hundreds and 1000 as num2words writes them in
    ``lang`` (empty where it has no such language)."""
    try:
        from num2words import num2words
    except ImportError:  # pragma: no cover - a dependency
        return ()
    out = []
    # the hundreds too: one word in many languages ("quatrocentos", "vierhundert", "четыреста")
    for n in (*range(0, 101), *range(200, 1000, 100), 1000):
        for to in ("cardinal", "ordinal"):
            try:
                out.append((num2words(n, lang=lang, to=to).lower(), float(n), to))
            except Exception:
                continue
    return tuple(out)


@lru_cache(maxsize=32)
def _number_words(lang: str) -> dict[str, float]:
    """One-word numbers of a language, cardinal and ordinal, from num2words."""
    words: dict[str, float] = {}
    for w, n, to in _spelled(lang):
        if n <= 20 or n % 10 == 0:  # compounds ("dreiundzwanzig") are read by their head
            if n == 1 and to == "cardinal":
                continue  # "um", "ein", "jeden": an article or pronoun as often as a figure
            if " " not in w and "-" not in w:
                words.setdefault(w, n)
    for w, n in _EXTRA_WORDS.get(lang, {}).items():
        words.setdefault(w, float(n))
    for w, n in _HAND_WORDS.get(lang, {}).items():
        words.setdefault(w, n)
    return words


@lru_cache(maxsize=32)
def _number_phrases(lang: str) -> tuple[dict[str, float], re.Pattern[str] | None]:
    """Numbers from 21 to 99 that num2words writes as several words ("vinte e um"), and a
    pattern finding them (longest first)."""
    phrases = {w: n for w, n, _ in reversed(_spelled(lang)) if 21 <= n <= 99 and " " in w}
    if not phrases:
        return {}, None
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    return phrases, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=32)
def _calendar(lang: str) -> frozenset[str]:
    """Month and day names of a language: no number words, though "Setembro" starts like "sete".
    An abbreviation that is a number word stays one ("dez", ten, beside "dez." for December)."""
    numbers, short = _number_words(lang), _month_abbreviations(lang)
    months = (m for m in _month_names(lang) if m not in numbers or m not in short)
    return frozenset([*months, *_day_names(lang)])


# Plural round numbers ("hundreds of", "desítky", "тысячи"): weak figures of their own.
_PLURALS = {
    # "dozens" and "tens" are one vague quantity across languages (desítky, Dutzende, 几十)
    "en": {"tens": 10, "dozens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9},
    "cs": {"desítky": 10, "desítek": 10, "stovky": 100, "stovek": 100, "stovkách": 100, "tisíce": 1e3,
           "tisíců": 1e3, "tisících": 1e3, "miliony": 1e6, "milionů": 1e6, "miliardy": 1e9, "miliard": 1e9},
    "ru": {"десятки": 10, "десятков": 10, "сотни": 100, "сотен": 100, "тысячи": 1e3, "тысяч": 1e3,
           "миллионы": 1e6, "миллионов": 1e6, "миллиарды": 1e9, "миллиардов": 1e9},
    "uk": {"десятки": 10, "десятків": 10, "сотні": 100, "сотень": 100, "тисячі": 1e3, "тисяч": 1e3,
           "мільйони": 1e6, "мільйонів": 1e6, "мільярди": 1e9, "мільярдів": 1e9},
    "de": {"dutzende": 10, "hunderte": 100, "tausende": 1e3, "millionen": 1e6, "milliarden": 1e9},
    "pt": {"dezenas": 10, "centenas": 100, "milhares": 1e3, "milhões": 1e6},
    "es": {"decenas": 10, "cientos": 100, "miles": 1e3, "millones": 1e6},
    "fr": {"dizaines": 10, "centaines": 100, "milliers": 1e3, "millions": 1e6, "milliards": 1e9},
    # (with the partitives and datives of the plural: "sadīdi", hundreds; "miljonõdõn")
    "liv": {"sadād": 100, "sadīdi": 100, "sadādõn": 100, "tū'ontõd": 1e3, "tūontõd": 1e3, "tū'ontidi": 1e3,
            "tūontidi": 1e3, "tūontõdõn": 1e3, "miljonõd": 1e6, "miljonidi": 1e6, "miljonõdõn": 1e6},
}


def _livonian_cases() -> dict[str, float]:
    """Case forms of Livonian numbers, matched whole. The ordinals decline on an -nd stem
    ("kimmõz : kimmõnd", tenth : of the tenth; the Tartu course, unit 5.2). The short
    cardinals decline on a stem in -'d, as Wiktionary's table of ``ikš`` (one) shows: "ī'd",
    "ī'dtõ", "ī'dõn", "ī'dkõks", "ī'dõ", "ī'dsõ", "ī'dstõ"; so do "kakš" (two, "kō'd"), "vīž"
    (five, "vī'd") and "kūž" (six, "kū'd"). Left out: the forms of "one" (see ``_livonian``),
    the genitive and illative of five and six ("vīdõ" is also to take, "kūd", "kūdõ" months)
    and the other forms of six that months share ("kūdõn", "kūdõks")."""
    endings = ("", "õ", "õn", "õks", "õs", "õst")
    words: dict[str, float] = {f"{stem}{e}": n for stem, n in (
        ("kuolmõnd", 3), ("neļļõnd", 4), ("nēļļõnd", 4), ("vīdõnd", 5), ("kūdõnd", 6), ("seismõnd", 7),
        ("kǭ'dõksmõnd", 8), ("ī'dõksmõnd", 9), ("kimmõnd", 10)) for e in endings}
    # (the eighth also with ō for ǭ, as it is often written: "kōdõksmõnd dek", the eighth deck)
    words.update({f"kōdõksmõnd{e}": 8 for e in endings})
    # ... and the first on a -z stem ("ežmiz matkā", the first trip; not the second's "tuoiz",
    # which is also "the other": "tuoizõ ekstrēmõ", the other extreme)
    words.update({f"e'žmiz{e}": 1 for e in ("", "t", "õ", "õks", "õs", "õst")})
    cases = {"kō'd": ("", "tõ", "õn", "kõks", "õ", "õs", "sõ", "õst", "stõ"),
             "vī'd": ("tõ", "õn", "kõks", "sõ", "stõ"), "kū'd": ("tõ", "kõks", "sõ", "stõ")}
    for stem, n in (("kō'd", 2), ("vī'd", 5), ("kū'd", 6)):
        words.update({f"{stem}{e}": n for e in cases[stem]})
    # Three, four, seven, eight and nine keep their stem and add the endings ("nēļast", from
    # four; "seisõst", from seven), too short to be matched as stems.
    for stem, n in (("kuolmõ", 3), ("nēļa", 4), ("seisõ", 7), ("kǭ'dõksõ", 8), ("ī'dõksõ", 9)):
        words.update({f"{stem}{e}": n for e in ("n", "ks", "s", "st")})
    return {v: float(n) for w, n in words.items() for v in {w, w.replace("'", "")}}


# Languages whose case forms start no compound: Livonian's, written without the broken
# tone, are the heads of other numbers' compounds ("kōdõ-ksāigastli" is eight years old).
_WHOLE_CASE_FORMS = frozenset({"liv"})
# What does start a compound there: the genitive stem ("vīd-tēḑliz", five-letter, as Estonian
# "viie-täheline"), and eight written with ō for ǭ ("kōdõks-āigastli", eight years old).
_COMPOUND_HEADS = {"liv": {"kōd": 2.0, "vīd": 5.0, "kūd": 6.0, "kōdõks": 8.0}}
# What num2words does not generate: "both", Czech ordinals, and the case forms of the small
# Slavic numbers, too short to be matched by their stem ("dvou", "трёх", "чотирьох").
_EXTRA_WORDS = {
    "liv": _livonian_cases(),
    # "both", and "first(ly)" as an adverb
    "de": {"beide": 2, "beiden": 2, "beider": 2, "zuerst": 1, "erstens": 1, "erstmal": 1, "erstmals": 1,
           "zweitens": 2, "drittens": 3},
    "pt": {"ambos": 2, "ambas": 2, "primeiramente": 1, "duas": 2, "duzentas": 200, "trezentas": 300,
           "quatrocentas": 400, "quinhentas": 500, "seiscentas": 600, "setecentas": 700,
           "oitocentas": 800, "novecentas": 900},
    "cs": {"nejprve": 1, "nejdříve": 1, "nejdřív": 1, "zaprvé": 1, "zadruhé": 2, "zatřetí": 3,
           "dvojice": 2, "trojice": 3, "čtveřice": 4, "pětice": 5,
           "oba": 2, "obě": 2, "obou": 2, "první": 1, "druhý": 2, "třetí": 3, "čtvrtý": 4, "pátý": 5,
           "šestý": 6, "sedmý": 7, "osmý": 8, "devátý": 9, "desátý": 10, "dvě": 2, "dvou": 2, "dvěma": 2,
           "tří": 3, "třech": 3, "třem": 3, "třemi": 3, "čtyř": 4, "čtyřech": 4, "čtyřem": 4, "čtyřmi": 4,
           "pěti": 5, "šesti": 6, "sedmi": 7, "osmi": 8, "devíti": 9, "deseti": 10},
    "ru": {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "сначала": 1, "сперва": 1,
           "во-первых": 1, "во-вторых": 2, "в-третьих": 3, "оба": 2, "обе": 2, "обоих": 2, "две": 2,
           "двух": 2, "двум": 2, "двумя": 2, "трех": 3, "трем": 3, "тремя": 3, "четырех": 4, "четырем": 4,
           "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10},
    # Hebrew counts masculine nouns with these forms ("שלושה בתי חולים"); num2words writes the
    # feminine ones
    "he": {"שניים": 2, "שתיים": 2, "שתי": 2, "שלושה": 3, "ארבעה": 4, "חמישה": 5, "שישה": 6, "שבעה": 7,
           "שמונה": 8, "תשעה": 9, "עשרה": 10},
    "fi": _FINNISH_CASES,
    "uk": {"дво": 2, "двоє": 2, "двоїх": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6,
           "спочатку": 1, "спершу": 1, "насамперед": 1, "по-перше": 1, "по-друге": 2, "по-третє": 3,
           "обидва": 2, "обидві": 2, "дві": 2, "двох": 2, "двом": 2, "двома": 2, "трьох": 3, "трьом": 3,
           "чотирьох": 4, "п'яти": 5, "шести": 6, "семи": 7, "восьми": 8, "дев'яти": 9, "десяти": 10},
}


# Fraction words that are no ordinals ("terço" beside "terceiro"); elsewhere an ordinal after a
# small cardinal is a denominator ("um quinto", "deux cinquièmes").
_FRACTION_WORDS = {"pt": {"terço": 3, "terços": 3}, "es": {"tercio": 3, "tercios": 3},
                   "fr": {"tiers": 3, "quart": 4, "quarts": 4}, "it": {"terzo": 3, "terzi": 3}}
_OF = {"pt": ("de", "do", "da", "dos", "das"), "es": ("de", "del"), "fr": ("de", "du", "des", "d"),
       "it": ("di", "del", "della", "dei", "degli", "delle")}
# the masculine "one" only: "uma terceira onda" is a third wave, "um terço" a third
_ONE = {"pt": ("um",), "es": ("un",), "fr": ("un",), "it": ("un",)}


def _fraction(before: str, w: str, after: str, lang: str) -> float | None:
    """The value of "<small cardinal> <denominator>" in a Romance language, else None. An
    ordinal is a denominator only before "of" or at the end of a clause: "um quinto do
    compromisso" is a fifth of it, "um quinto relatório" a fifth report."""
    if lang not in _FRACTION_WORDS:
        return None
    if w not in _FRACTION_WORDS[lang] and after not in ("", *_OF.get(lang, ())):
        return None
    if before in _ONE.get(lang, ()):
        numerator = 1.0
    elif (numerator := _word_value(before, lang) or 0.0) < 2 or numerator > 10:
        return None
    denominator = _FRACTION_WORDS[lang].get(w) or _ordinal_value(w, lang)
    return numerator / denominator if denominator and denominator >= 2 else None


@lru_cache(maxsize=4096)
def _ordinal_value(w: str, lang: str) -> float | None:
    """The rank of an ordinal word of ``lang`` as a denominator: num2words' spelling, or its
    plural ("quintos")."""
    # from four: "um terceiro" is a third party, the fraction is "um terço"; masculine forms
    # only ("uma quarta vaga" is a fourth wave)
    for word, n, to in _spelled(lang):
        if to == "ordinal" and 4 <= n <= 10 and w in (word, word + "s"):
            return n
    return None


# Ordinal words that are also prepositions, and the articles that make them ordinals.
_PREPOSITION = {"pt": frozenset({"segundo", "segunda"})}
_ARTICLES = {"pt": frozenset({"o", "a", "os", "as", "um", "uma", "em", "no", "na", "do", "da", "pelo", "pela",
                              "ao", "à", "nos", "nas", "dos", "das", "seu", "sua", "este", "esta", "cada"})}


# Ordinals declined on a short stem (Czech "prvním", "druhým", "třetím"): the stem whole,
# since a shorter one would take in ordinary words ("třeba").
_ORDINAL_STEMS = {"cs": {"prvn": 1, "druh": 2, "třet": 3, "čtvrt": 4, "pát": 5, "šest": 6, "sedm": 7,
                         "osm": 8, "devát": 9, "desát": 10}}


def _stem_len(k: str, lang: str) -> int:
    """How much of a number word an inflected form must share: all but two letters, and in
    Romance languages at least four."""
    return max(len(k) - 2, 4) if lang in _ROMANCE else len(k) - 2


# Every word of every source is looked up, and most are not number words: without a cache
# the stem scans below over the language's whole table were half of source-mode time.
@lru_cache(maxsize=1 << 16)
def _word_value(w: str, lang: str) -> float | None:
    """The value of a source word: a number word, a plural round number ("stovky") or a
    scale word on its own ("milion"); an inflected form matches the longest entry whose stem
    (all but its last two letters, at least three) it starts with, a short ending left
    ("четвертая" / "четвертый"); shorter words must match exactly ("novo" is not "nove")."""
    table = _word_table(lang)
    w = w.replace("ё", "е")
    if w in table:
        return table[w]
    if has_clitics(lang):
        # Hebrew and Arabic: the word without the clitics before it ("ושלושה", "and three"),
        # matched whole. Their number words are no stems of others: "שלושים" (30) is not
        # a form of "שלוש" (3).
        extra = _EXTRA_WORDS.get(lang, {})
        return next((table.get(c, extra.get(c)) for c in without_clitics(w, lang)
                     if c in table or c in extra), None)
    if w in _EXTRA_WORDS.get(lang, {}):  # case forms are matched whole, never by stem
        return float(_EXTRA_WORDS[lang][w])
    for stem, n in _ORDINAL_STEMS.get(lang, {}).items():
        if w.startswith(stem) and 1 <= len(w) - len(stem) <= 3 and w[len(stem)] in "ýíéáouě":
            return float(n)
    stems, heads = _by_initial(lang)
    best = max(((k, n) for k, n in stems.get(w[:1], ()) if w.startswith(k[:n]) and len(w) - n <= 3),
               key=lambda kn: len(kn[0]), default=None)
    if best:
        return table[best[0]]
    # A compound that starts with a number ("dreifach", "Zweierbob", "трехкомнатная",
    # "Osmnáctiletý"): the longest number word or case form it begins with, four or more
    # letters left over.
    forms = heads.get(w[:1], {})
    head = max((k for k in forms if w.startswith(k) and len(w) - len(k) >= 4), key=len, default=None)
    return forms[head] if head else None


@lru_cache(maxsize=32)
def _by_initial(lang: str) -> tuple[dict[str, list[tuple[str, int]]], dict[str, dict[str, float]]]:
    """The entries ``_word_value`` matches inflected forms and compounds against, by first
    letter (a match starts with its entry's first letter): (number word, stem length) of the
    words of five letters or more that have a stem, and (form, value) of the number words
    and case forms below 1,000."""
    table = _word_table(lang)
    least = _MIN_STEM.get(lang, 3)
    stems: dict[str, list[tuple[str, int]]] = {}
    for k in table:
        if len(k) >= 5 and least <= (n := _stem_len(k, lang)) < len(k):
            stems.setdefault(k[0], []).append((k, n))
    extra = {} if lang in _WHOLE_CASE_FORMS else _EXTRA_WORDS.get(lang, {})
    forms = {**table, **{k.replace("ё", "е"): float(v) for k, v in extra.items()},
             **_COMPOUND_HEADS.get(lang, {})}
    heads: dict[str, dict[str, float]] = {}
    for k, v in forms.items():
        if len(k) >= 3 and v < 1000:
            heads.setdefault(k[0], {})[k] = v
    return stems, heads


@lru_cache(maxsize=32)
def _word_table(lang: str) -> dict[str, float]:
    table = {k.replace("ё", "е"): v for k, v in _number_words(lang).items()
             if k not in _EXTRA_WORDS.get(lang, {})}
    table.update({k: float(v) for k, v in _PLURALS.get(lang, {}).items()})
    table.update({k: v for k, v in _SCALES.get(lang, {}).items() if " " not in k and v >= 1000})
    return table


def _source_words(text: str, lang: str) -> list[Number]:
    """Number words of the source ("tři", "dvou", "первый", "três mil"): weak evidence. An
    inflected form matches the word it starts like, with a short ending ("dvou" / "dva")."""
    plurals = _PLURALS.get(lang, {})
    # multipliers after a number word: "três mil", "dva miliony", "dvě stovky"
    scales = {**{k: float(v) for k, v in plurals.items() if v >= 100},
              **{k: v for k, v in _SCALES.get(lang, {}).items() if " " not in k and v >= 1000}}
    out = []
    # Numbers of several words ("vinte e um", "двадцать один", "vingt et un") first.
    phrases, pattern = _number_phrases(lang)
    taken: list[tuple[int, int]] = []
    for m in pattern.finditer(text.lower()) if pattern else ():
        out.append(Number(phrases[m.group()], phrases[m.group()], False, m.start(), m.end(),
                          text[m.start():m.end()], strong=False))
        taken.append((m.start(), m.end()))
    calendar = _calendar(lang)
    tokens = [t for t in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)
              if not any(a <= t.start() < b for a, b in taken)]
    i = 0
    while i < len(tokens):
        m = tokens[i]
        w = m.group().lower()
        end = m.end()
        value = None if w in calendar else _word_value(w.replace("’", "'"), lang)
        following = text[end:tokens[i + 1].start()].strip() if i + 1 < len(tokens) else "."
        after = "" if following else tokens[i + 1].group().lower()  # "" after punctuation
        fraction = _fraction(tokens[i - 1].group().lower() if i else "", w, after, lang)
        if fraction is not None:
            # "um quinto", "dois terços", "un quart": a fraction, not a count or a rank
            out = [n for n in out if n.start != tokens[i - 1].start()]
            out.append(Number(fraction, fraction, False, tokens[i - 1].start(), end,
                              text[tokens[i - 1].start():end], strong=False))
            i += 1
            continue
        if w in _PREPOSITION.get(lang, ()) and not (i and tokens[i - 1].group().lower() in _ARTICLES[lang]) \
                and not text[m.end():].lstrip().startswith(","):
            # "Segundo a OIT" is "according to the ILO"; "o segundo lugar" and "Segundo, ..."
            # ("Secondly") are ranks
            value = None
        if w in plurals and i + 1 < len(tokens):
            # "centenas de milhões", "сотни миллионов": a plural of a smaller scale word times
            # a larger one (one short word between them at most)
            # ("centenas de milhares de milhões": each larger scale word in turn)
            top = plurals[w]
            while i + 1 < len(tokens):
                j = i + 2 if len(tokens[i + 1].group()) <= 3 and i + 2 < len(tokens) else i + 1
                nxt = tokens[j].group().lower()
                if not (scales.get(nxt, 0) > top and len(text[end:tokens[j].start()].split()) <= 1):
                    break
                value, top, end, i = (value or 0) * scales[nxt], scales[nxt], tokens[j].end(), j
        elif w in scales and i + 1 < len(tokens) and text[end:tokens[i + 1].start()].strip() == "" \
                and scales.get(tokens[i + 1].group().lower(), 0) > scales[w]:
            # a bare scale word before a larger one: "mil milhões" is a billion
            i += 1
            value, end = scales[w] * scales[tokens[i].group().lower()], tokens[i].end()
        elif w not in scales:
            # "três mil", "dva miliony": a number word times the scale words after it
            while value is not None and i + 1 < len(tokens) and tokens[i + 1].group().lower() in scales \
                    and text[end:tokens[i + 1].start()].strip() == "":
                i += 1
                value *= scales[tokens[i].group().lower()]
                end = tokens[i].end()
        if value is not None and has_clitics(lang) and i + 1 < len(tokens):
            # Hebrew tens "and" units ("שלושים ושלושה", 33), Arabic units "and" tens ("ثلاثة
            # وثلاثون"): the second word carries the conjunction
            nxt = tokens[i + 1].group().lower()
            second = _word_value(nxt, lang) if nxt[:1] in ("ו", "و") else None
            if second is not None and {value % 10 == 0 and 20 <= value <= 90,
                                       second % 10 == 0 and 20 <= second <= 90} == {True, False} \
                    and max(value, second) < 100 and min(value, second) < 10:
                i += 1
                value, end = value + second, tokens[i].end()
        if value is not None and value > 0:
            out.append(Number(value, value, False, m.start(), end, text[m.start():end], strong=False))
        i += 1
    return out


def _beside_figure(text: str, n: Number) -> bool:
    """Whether a figure stands right before or after ``n`` ("3 dez.", "dez. 2020")."""
    return bool(re.search(r"\d[\s.-]{0,2}$", text[max(0, n.start - 4):n.start])
                or re.match(r"\.?[\s.-]{0,2}\d", text[n.end:n.end + 5]))


@lru_cache(maxsize=32)
def _month_abbreviations(lang: str) -> frozenset[str]:
    """Month forms CLDR lists only abbreviated ("dez", "set"; not "maio", which is whole)."""
    try:
        from babel import dates

        wide = {_apostrophe(v.lower()) for context in ("format", "stand-alone")
                for v in dates.get_month_names("wide", context, locale=lang).values()}
    except Exception:
        return frozenset()
    return frozenset(k for k in _month_names(lang) if k not in wide)


@lru_cache(maxsize=32)
def _month_names(lang: str) -> dict[str, int]:
    """Month names of a language in every form CLDR lists (wide, abbreviated; format and
    stand-alone, which in Slavic languages are the genitive and nominative)."""
    try:
        from babel import dates
    except ImportError:  # pragma: no cover - babel is a dependency
        return {}
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                got = dates.get_month_names(width, context, locale=lang)
            except Exception:
                return names
            for k, v in got.items():
                v = _apostrophe(v.lower().rstrip("."))
                if len(v) >= 3 and not any(c.isdigit() for c in v):
                    names[v] = k
    return names


# Words that mean "first" or "second" in Chinese and Japanese without a numeral in them:
# 首次 / 首届 ("the first session"), 初回 / 初代, 最初, katakana ファースト, 先着 ("first come"),
# 前半 / 後半 (first / second half), 双方 / 両 ("both"), ふたり ("the two of them").
_HAN_ORDINAL = re.compile(r"(?P<one>初(?=[回めて代日戦の])|最初|首次|首先|首要"
                          r"|首(?=[届个批位家款场度轮例部日])"
                          r"|ファースト|先着|先ず|前半|上半)"
                          r"|(?P<two>後半|下半|双方|双(?=[边重])|両(?=[国者方])|ふたり|ふたつ)")
# Native Japanese counting words in kana.
_KANA_NUMBERS = re.compile(r"ひとつ|みっつ|よっつ|いつつ|むっつ|ななつ|やっつ|ここのつ")
_KANA_VALUES = {"ひとつ": 1, "みっつ": 3, "よっつ": 4, "いつつ": 5, "むっつ": 6, "ななつ": 7, "やっつ": 8,
                "ここのつ": 9}
_HAN_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])|([月火水木金土日])曜"
                          r"|(?<=[(（])([月火水木金土日])(?=[)）])")
_HAN_MONTH = re.compile(r"(?<![一二三四五六七八九十两\d])(十[一二]?|[一二三四五六七八九])月")
_WEEKDAY_INDEX = {**{c: i for i, c in enumerate("一二三四五六")}, "日": 6, "天": 6}
_JA_WEEKDAY_INDEX = {c: i for i, c in enumerate("月火水木金土日")}
# "七八十" is "seventy or eighty", "三四百" "three or four hundred": two neighbouring digits
# share the unit after them.
_HAN_APPROX = re.compile(r"([一二三四五六七八九])([二三四五六七八九])([十百千万])")


def _han_numerals(text: str) -> list[Number]:
    """Chinese numerals ("三百", "两千五百万"): weak, since 一 and 两 also build ordinary words."""
    out = [Number(1.0 if m.group("one") else 2.0, 1.0 if m.group("one") else 2.0, False, m.start(),
                  m.end(), m.group(), strong=False) for m in _HAN_ORDINAL.finditer(text)]
    out += [Number(float(_KANA_VALUES[m.group()]), float(_KANA_VALUES[m.group()]), False, m.start(),
                   m.end(), m.group(), strong=False) for m in _KANA_NUMBERS.finditer(text)]
    # "11時半" is half past eleven: the 30 of "11:30"
    out += [Number(30.0, 30.0, False, m.start(), m.end(), m.group(), strong=False)
            for m in re.finditer(r"(?<=[\d十一二三四五六七八九])[時时]半", text)]
    # "六月" is June, "十二月" December ("一个月" is a month long: 个 keeps it out)
    out += [Number(float(_han_value(m.group(1))), float(_han_value(m.group(1))), False, m.start(), m.end(),
                   m.group(), "month") for m in _HAN_MONTH.finditer(text)]
    for m in _HAN_WEEKDAY.finditer(text):
        k = _WEEKDAY_INDEX[m.group(1)] if m.group(1) else _JA_WEEKDAY_INDEX[m.group(2) or m.group(3)]
        out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), "weekday"))
    for m in _HAN_NUMERAL.finditer(text):
        run = m.group()
        if len(run) > 1 and not any(c in _HAN_UNITS or c in _HAN_BIG for c in run):
            # digits without units are a list ("一二三年级": grades one to three), not 123
            out += [Number(float(_HAN_DIGITS[c]), float(_HAN_DIGITS[c]), False, m.start() + i,
                           m.start() + i + 1, c, strong=False) for i, c in enumerate(run) if _HAN_DIGITS[c]]
            continue
        approx = _HAN_APPROX.fullmatch(run)
        if approx and _HAN_DIGITS[approx.group(2)] == _HAN_DIGITS[approx.group(1)] + 1:
            unit = _HAN_UNITS.get(approx.group(3)) or _HAN_BIG[approx.group(3)]
            out += [Number(_HAN_DIGITS[c] * unit, _HAN_DIGITS[c] * unit, False, m.start(), m.end(), run,
                           strong=False) for c in approx.group(1, 2)]
            continue
        start = m.start()
        for piece in _han_runs(run):
            value = _han_value(piece)
            after = text[start + len(piece):start + len(piece) + 1]
            if value is not None and after == "成" and value < 10:
                value *= 10  # "六成": six tenths, 60%
            decade = text[start + len(piece):start + len(piece) + 2] == "年代" and value in range(10, 100, 10)
            if value is not None and value > 0:
                out.append(Number(value, value, False, start, start + len(piece), piece, strong=False,
                                  alt=1900.0 + value if decade else None))
            start += len(piece)
    # A digit inside a word ("三江源" is "the three rivers' source", "六稳" "the six stabilities"):
    # too loose to read as a figure, but a changed number word in the translation may pair with it.
    for i, c in enumerate(text):
        if c in "二三四五六七八九" and not any(n.start <= i < n.end for n in out):
            out.append(Number(float(_HAN_DIGITS[c]), float(_HAN_DIGITS[c]), False, i, i + 1, c, strong=False,
                              raw=True))
    return out


def _han_runs(run: str) -> list[str]:
    """A run of numerals that is several numbers ("十四五": the 14th five-year plan): a
    digit right after a digit starts a new one."""
    pieces, last = [], 0
    for i in range(1, len(run)):
        if run[i] in _HAN_DIGITS and run[i - 1] in _HAN_DIGITS and _HAN_DIGITS[run[i]]:
            pieces.append(run[last:i])
            last = i
    return pieces + [run[last:]]


def _han_value(s: str) -> float | None:
    total, section, digit = 0.0, 0.0, None
    for c in s:
        if c in _HAN_DIGITS:
            digit = _HAN_DIGITS[c]
        elif c in _HAN_UNITS:
            section += (digit if digit is not None else 1) * _HAN_UNITS[c]
            digit = None
        elif c in _HAN_BIG:
            # "万名" alone is ten thousand people
            total = ((total + section + (digit or 0)) or 1) * _HAN_BIG[c]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0)


@dataclass(frozen=True)
class NumberIssue:
    """A target value with no source counterpart (``extra``/``changed``/``scale``), or a
    source value the target lacks (``missing``; offsets then refer to the source)."""

    kind: str
    start: int
    end: int
    text: str
    detail: str
    value: float = 0.0


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def _matches(t: Number, s: Number) -> bool:
    if (t.glued and not s.strong and not s.glued) or (s.glued and not t.strong and not t.glued):
        return False  # the "2" of "BNT162b2" is not the source's "две"
    if s.text in ("两", "兩") and t.text.lower() in _EN_ORDINALS:
        return False  # 两 counts and never ranks: "the second" is 第二
    if "weekday" in (t.kind, s.kind):
        return t.kind == s.kind and t.value == s.value
    if t.kind == "month" or s.kind == "month":
        # A month matches a month, or the plain number of a numeric date ("15.3." / "March 15").
        return _close(t.value, s.value) and (t.kind == s.kind or not (t.scaled or s.scaled))
    if _close(t.value, s.value) or any(
            a is not None and b is not None and _close(a, b)
            for a, b in ((t.alt, s.value), (t.value, s.alt), (t.alt, s.alt))):
        return True
    # A scale word only one side's table knows ("29 mil milhões" read without the compound):
    # equal figures before scaling are not evidence of a change.
    return _close(t.mantissa, s.mantissa) and not (t.scaled and s.scaled) and (t.scaled or s.scaled)


def _one_to_one(src: list[Number], tgt: list[Number]) -> dict[str, list[Number]]:
    """Target numbers matched to distinct source numbers (in order), and the source numbers
    left over."""
    free = list(range(len(src)))
    taken: set[int] = set()
    # Same kind first: a plain "12" may match the "12月" of a date, but not take it from the
    # "December" that says it.
    for same in (True, False):
        for k, t in enumerate(tgt):
            if k in taken:
                continue
            hit = next((i for i in free if (src[i].kind == t.kind) == same and _matches(t, src[i])), None)
            if hit is not None:
                free.remove(hit)
                taken.add(k)
    return {"matched": [tgt[k] for k in sorted(taken)], "source": [src[i] for i in free]}


# The digits end where the digits end: "CMV-22B", and "B-52轰炸机" where no word boundary
# separates the digits from the Han text after them.
_CODE = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*-?)(\d+)(?!\d)")


def _code_changes(source: str, target: str, taken: set[tuple[int, int]]) -> list[NumberIssue]:
    """Codes and model names ("COVID-19", "ST-36", "SARS-CoV-2") kept in the source's Latin
    letters but with other digits in the translation."""
    src = {}
    for m in _CODE.finditer(source):
        src.setdefault(m.group(1).lower(), set()).add(m.group(2))
    out = []
    for m in _CODE.finditer(target):
        prefix, digits = m.group(1).lower(), m.group(2)
        if prefix in src and digits not in src[prefix] and (m.start(2), m.end(2)) not in taken:
            was = next(iter(src[prefix]))
            out.append(NumberIssue("changed", m.start(), m.end(), m.group(),
                                   f"'{m.group()}' is '{m.group(1)}{was}' in the source", float(digits)))
    return out


_HAN_CHAR = {v: k for k, v in _HAN_DIGITS.items() if k not in "两兩〇"}
_HAN_CHAR[10] = "十"


def _digit_in(source: str, value: float) -> bool:
    """Whether the source writes ``value`` anywhere, as digits or a Han numeral, whatever the
    words around it ("三舅" is the third uncle, "XIX" the nineteenth century)."""
    n = int(value)
    return bool(re.search(rf"(?<!\d){n}(?!\d)", source)) or _HAN_CHAR.get(n, "\0") in source \
        or any(_roman(r) == n for r in _ROMAN.findall(source))


def compare(source: str, target: str, src_lang: str | None) -> list[NumberIssue]:
    """Values the translation changed, added or dropped."""
    src = extract(source, src_lang)
    tgt = extract(target, "en")
    issues = []
    unmatched_src = [s for s in src if s.strong and not any(_matches(t, s) for t in tgt)]
    # Number words pair one to one: "tři roky ... tři týdny" has two threes, so a "two"
    # next to one "three" in the translation is a changed figure.
    left = _one_to_one(src, tgt)
    # Only where the source's own number words can be read is a word with nothing to match added.
    lang = base_lang(src_lang)
    # (num2words' languages: a hand table such as Livonian's lacks the declined ordinals)
    reads_words = lang in ("zh", "ja") or bool(lang and _spelled(lang))
    for t in tgt:
        if any(_matches(t, s) for s in src) and (t.strong or t in left["matched"]):
            if t.strong and t not in left["matched"]:
                # A figure said twice where the source has it once, and a source figure
                # the translation lost ("Level 2 and Level 2" for "一级、二级"): changed.
                # (a figure the translation says elsewhere counts as lost only where the
                # source says it more often: strong figures and months, never a stray 一)
                lost = [s for s in left["source"] if s.kind == t.kind and not s.glued and not s.raw
                        and (s.strong or s.kind == "month" or not any(_matches(x, s) for x in tgt))]
                if lost:
                    issues.append(NumberIssue("changed", t.start, t.end, t.text,
                                              f"'{t.text}' is said more often than in the source, which "
                                              f"also has '{lost[0].text}'", t.value))
            continue
        if t.kind in ("month", "weekday") and not any(s.kind == t.kind for s in src):
            continue  # the source may say "last month" or name no date at all
        if not t.strong:
            if t.glued:
                continue  # "COVID-19" may match a source figure but never stands for one
            # A number word is a figure only when the source has one of its kind left
            # unmatched to pair it with ("tři" / "two"): otherwise "ten" may be idiom.
            # (a digit inside a Han word pairs only with a figure of two or more: "one" and
            # "first" are article and idiom as often as figures)
            pair = [s for s in left["source"] if s.kind == t.kind and (not s.raw or t.value >= 2)]
            word = t.text.lower()
            if word in _PLURALS["en"]:
                pair = [s for s in pair if s.value >= 10]  # "hundreds" is not the "二" of "二是"
            if pair and word not in _AMBIGUOUS:
                issues.append(NumberIssue("changed", t.start, t.end, t.text,
                                          f"'{t.text}' is not in the source, which has '{pair[0].text}'",
                                          t.value))
            elif word in _EN_ORDINALS and t.value >= 2 and reads_words \
                    and not _TIME_SECOND.search(target[:t.start]) \
                    and not _TIME_SECOND_AFTER.match(target[t.end:]) \
                    and not _digit_in(source, t.value):
                # "first" is idiom in every language ("at first", "first aid"); a "second" or a
                # "third" that nothing in the source counts is an added figure.
                issues.append(NumberIssue("extra", t.start, t.end, t.text, f"'{t.text}' is not in the source",
                                          t.value))
            continue
        scale = [s for s in src if s.scaled and t.scaled and _close(s.mantissa, t.mantissa)]
        if scale:
            issues.append(NumberIssue("scale", t.start, t.end, t.text,
                                      f"'{t.text}' has another scale in the source ('{scale[0].text}')",
                                      t.value))
        elif unmatched_src:
            issues.append(NumberIssue("changed", t.start, t.end, t.text,
                                      f"'{t.text}' is not in the source, which has "
                                      f"'{unmatched_src[0].text}'", t.value))
        else:
            issues.append(NumberIssue("extra", t.start, t.end, t.text, f"'{t.text}' is not in the source",
                                      t.value))

    issues += _code_changes(source, target, {(i.start, i.end) for i in issues})
    changed = bool(issues)
    for s in unmatched_src:
        if s.kind in ("month", "weekday") and not any(t.kind == s.kind for t in tgt):
            continue
        if s.value in (1.0, 2.0):
            continue  # "1か月" is "a month", "2つ" is "both": no figure goes missing
        if not changed:
            issues.append(NumberIssue("missing", s.start, s.end, s.text,
                                      f"the source's '{s.text}' is missing from the translation", s.value))
    return issues
