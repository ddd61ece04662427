"""Pairing the source's values with the translation's, and what is left over.

Digits are strong evidence: a target figure with no source counterpart is a changed or added
figure, a source figure with none in the target a missing one. Words are weak: a target word
is flagged only when an unmatched source value of its kind is there to pair it with, or, for
ordinals, when nothing in the source counts at all.
"""

from __future__ import annotations

import re

from ..scripts import base_lang
from . import english, han
from .base import Number, NumberIssue
from .digits import ROMAN, roman
from .lexicon import spelled
from .profile import number_profile
from .read import extract

# Relative tolerance of two equal values (float noise of "1,6 biliões" times 1e12).
_TOLERANCE = 1e-6
# The codes of names ("CMV-22B"): the digits end where the digits end, also before Han text
# ("B-52轰炸机") where no word boundary separates them.
_CODE = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*-?)(\d+)(?!\d)")
# A plural ("hundreds") pairs only with a source value this large: not the "二" of "二是".
_PLURAL_PAIRS_FROM = 10


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(abs(a), abs(b), 1.0)


def _matches(t: Number, s: Number) -> bool:
    if (t.glued and not s.strong and not s.glued) or (s.glued and not t.strong and not t.glued):
        return False  # the "2" of "BNT162b2" is not the source's "две"
    if s.text in han.COUNT_ONLY and t.text.lower() in english.ORDINALS:
        return False
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


def _code_changes(source: str, target: str, taken: set[tuple[int, int]]) -> list[NumberIssue]:
    """Codes and model names ("COVID-19", "ST-36", "SARS-CoV-2") kept in the source's Latin
    letters but with other digits in the translation."""
    src: dict[str, list[str]] = {}  # in source order: the reason names the same code every run
    for m in _CODE.finditer(source):
        src.setdefault(m.group(1).lower(), []).append(m.group(2))
    kept = {(m.group(1).lower(), m.group(2)) for m in _CODE.finditer(target)}
    out = []
    for m in _CODE.finditer(target):
        prefix, digits = m.group(1).lower(), m.group(2)
        if prefix in src and digits not in src[prefix] and (m.start(2), m.end(2)) not in taken:
            # the source's code this one replaced: the first the translation does not keep
            was = next((d for d in src[prefix] if (prefix, d) not in kept), src[prefix][0])
            out.append(NumberIssue("changed", m.start(), m.end(), m.group(),
                                   f"'{m.group()}' is '{m.group(1)}{was}' in the source", float(digits)))
    return out


def _digit_in(source: str, value: float) -> bool:
    """Whether the source writes ``value`` anywhere, as digits or a Han numeral, whatever the
    words around it ("三舅" is the third uncle, "XIX" the nineteenth century)."""
    n = int(value)
    return bool(re.search(rf"(?<!\d){n}(?!\d)", source)) or han.DIGIT_CHAR.get(n, "\0") in source \
        or any(roman(r) == n for r in ROMAN.findall(source))


def _said_twice(t: Number, left: dict[str, list[Number]], tgt: list[Number]) -> NumberIssue | None:
    """A figure said twice where the source has it once, and a source figure the translation
    lost ("Level 2 and Level 2" for "一级、二级"). A figure the translation says elsewhere counts
    as lost only where the source says it more often: strong figures and months, never a stray 一."""
    lost = [s for s in left["source"] if s.kind == t.kind and not s.glued and not s.raw
            and (s.strong or s.kind == "month" or not any(_matches(x, s) for x in tgt))]
    if not lost:
        return None
    return NumberIssue("changed", t.start, t.end, t.text, f"'{t.text}' is said more often than in the "
                       f"source, which also has '{lost[0].text}'", t.value)


def _word_issue(t: Number, left: dict[str, list[Number]], source: str, target: str,
                reads_words: bool) -> NumberIssue | None:
    """A target number word with no match: a changed figure where the source has one of its
    kind left over ("tři" / "two"; a digit inside a Han word pairs only with a figure of two or
    more), an added ordinal where nothing in the source counts; else nothing ("ten" may be idiom)."""
    if t.glued:
        return None  # "COVID-19" may match a source figure but never stands for one
    pair = [s for s in left["source"] if s.kind == t.kind and (not s.raw or t.value >= 2)]
    word = t.text.lower()
    if word in english.PLURALS:
        pair = [s for s in pair if s.value >= _PLURAL_PAIRS_FROM]
    if pair and word not in english.AMBIGUOUS:
        return NumberIssue("changed", t.start, t.end, t.text,
                           f"'{t.text}' is not in the source, which has '{pair[0].text}'", t.value)
    if word in english.ORDINALS and t.value >= 2 and reads_words \
            and not english.TIME_SECOND.search(target[:t.start]) \
            and not english.TIME_SECOND_AFTER.match(target[t.end:]) and not _digit_in(source, t.value):
        # "first" is idiom everywhere ("at first", "first aid"); a "second" or a "third" that
        # nothing in the source counts is an added figure
        return NumberIssue("extra", t.start, t.end, t.text, f"'{t.text}' is not in the source", t.value)
    return None


def _figure_issue(t: Number, src: list[Number], unmatched_src: list[Number]) -> NumberIssue:
    """A target figure with no match: another scale, a changed figure, or an added one."""
    scale = [s for s in src if s.scaled and t.scaled and _close(s.mantissa, t.mantissa)]
    if scale:
        return NumberIssue("scale", t.start, t.end, t.text,
                           f"'{t.text}' has another scale in the source ('{scale[0].text}')", t.value)
    if unmatched_src:
        return NumberIssue("changed", t.start, t.end, t.text,
                           f"'{t.text}' is not in the source, which has '{unmatched_src[0].text}'", t.value)
    return NumberIssue("extra", t.start, t.end, t.text, f"'{t.text}' is not in the source", t.value)


def compare(source: str, target: str, src_lang: str | None) -> list[NumberIssue]:
    """Values the translation changed, added or dropped.

    Args:
        source: the source sentence.
        target: its English translation.
        src_lang: the source's language (ISO 639-1), None if unknown.

    Returns:
        The issues, target ones first (offsets into ``target``), then missing source values
        (offsets into ``source``), reported only where the target has no other issue.

    Example:
        >>> [i.kind for i in compare("Morreram 12 pessoas.", "13 people died.", "pt")]
        ['changed']
    """
    src = extract(source, src_lang)
    tgt = extract(target, english.LANG)
    unmatched_src = [s for s in src if s.strong and not any(_matches(t, s) for t in tgt)]
    # Number words pair one to one: "tři roky ... tři týdny" has two threes, so a "two"
    # next to one "three" in the translation is a changed figure.
    left = _one_to_one(src, tgt)
    # Only where the source's own number words can be read is a word with nothing to match added
    # (num2words' languages: a profile's own table lacks the declined ordinals).
    lang = base_lang(src_lang)
    reads_words = number_profile(lang).han_numerals or bool(lang and spelled(lang))
    issues: list[NumberIssue] = []
    for t in tgt:
        issue: NumberIssue | None
        if any(_matches(t, s) for s in src) and (t.strong or t in left["matched"]):
            issue = _said_twice(t, left, tgt) if t.strong and t not in left["matched"] else None
        elif t.kind in ("month", "weekday") and not any(s.kind == t.kind for s in src):
            issue = None  # the source may say "last month" or name no date at all
        elif not t.strong:
            issue = _word_issue(t, left, source, target, reads_words)
        else:
            issue = _figure_issue(t, src, unmatched_src)
        if issue is not None:
            issues.append(issue)
    issues += _code_changes(source, target, {(i.start, i.end) for i in issues})
    if issues:
        return issues
    return [NumberIssue("missing", s.start, s.end, s.text,
                        f"the source's '{s.text}' is missing from the translation", s.value)
            for s in unmatched_src
            if not (s.kind in ("month", "weekday") and not any(t.kind == s.kind for t in tgt))
            # "1か月" is "a month", "2つ" is "both": no figure goes missing
            and s.value not in (1.0, 2.0)]
