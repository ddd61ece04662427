"""Numbers and dates in Han script (Chinese, and Japanese kanji and kana).

A script's numeral system, like the Roman numerals, rather than one language's words: a
profile with ``"han_numerals": true`` has it read. Numerals are weak evidence, since 一 and 两
also build ordinary words ("一起", together; "两岸", the two shores of the strait).
"""

from __future__ import annotations

import re

from .base import Number, weak

_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}

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
# 两 counts and never ranks: "the second" is 第二, so no English ordinal stands for it.
COUNT_ONLY = ("两", "兩")
# A Han figure standing for ``n`` in a source ("三舅" is the third uncle).
DIGIT_CHAR = {v: k for k, v in _HAN_DIGITS.items() if k not in "两兩〇"}
DIGIT_CHAR[10] = "十"

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


# A day with no month before it ("9日").
_BARE_DAY = re.compile(r"(?<![月\d])\s*(\d{1,2})\s*[日号]")
# "11時半" is half past eleven: the 30 of "11:30"
_HALF_HOUR = re.compile(r"(?<=[\d十一二三四五六七八九])[時时]半")


def numerals(text: str) -> list[Number]:
    """Han numerals ("三百", "两千五百万"), ordinal words, kana counts, months and weekdays."""
    out = [weak(1.0 if m.group("one") else 2.0, m.start(), m.end(), m.group())
           for m in _HAN_ORDINAL.finditer(text)]
    out += [weak(float(_KANA_VALUES[m.group()]), m.start(), m.end(), m.group())
            for m in _KANA_NUMBERS.finditer(text)]
    out += [weak(30.0, m.start(), m.end(), m.group()) for m in _HALF_HOUR.finditer(text)]
    # "六月" is June, "十二月" December ("一个月" is a month long: 个 keeps it out)
    out += [Number(float(_value(m.group(1))), float(_value(m.group(1))), False, m.start(), m.end(),  # type: ignore[arg-type]
                   m.group(), "month") for m in _HAN_MONTH.finditer(text)]
    for m in _HAN_WEEKDAY.finditer(text):
        k = _WEEKDAY_INDEX[m.group(1)] if m.group(1) else _JA_WEEKDAY_INDEX[m.group(2) or m.group(3)]
        out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), "weekday"))
    for m in _HAN_NUMERAL.finditer(text):
        out += _run(text, m)
    # A digit inside a word ("三江源" is "the three rivers' source", "六稳" "the six stabilities"):
    # too loose to read as a figure, but a changed number word in the translation may pair with it.
    for i, c in enumerate(text):
        if c in "二三四五六七八九" and not any(n.start <= i < n.end for n in out):
            out.append(weak(float(_HAN_DIGITS[c]), i, i + 1, c, raw=True))
    return out


def _run(text: str, m: re.Match[str]) -> list[Number]:
    """The numbers of one run of numerals."""
    run = m.group()
    if len(run) > 1 and not any(c in _HAN_UNITS or c in _HAN_BIG for c in run):
        # digits without units are a list ("一二三年级": grades one to three), not 123
        return [weak(float(_HAN_DIGITS[c]), m.start() + i, m.start() + i + 1, c)
                for i, c in enumerate(run) if _HAN_DIGITS[c]]
    approx = _HAN_APPROX.fullmatch(run)
    if approx and _HAN_DIGITS[approx.group(2)] == _HAN_DIGITS[approx.group(1)] + 1:
        unit = _HAN_UNITS.get(approx.group(3)) or _HAN_BIG[approx.group(3)]
        return [Number(_HAN_DIGITS[c] * unit, _HAN_DIGITS[c] * unit, False, m.start(), m.end(), run,
                       strong=False) for c in approx.group(1, 2)]
    out = []
    start = m.start()
    for piece in _runs(run):
        value = _value(piece)
        after = text[start + len(piece):start + len(piece) + 1]
        if value is not None and after == "成" and value < 10:
            value *= 10  # "六成": six tenths, 60%
        decade = text[start + len(piece):start + len(piece) + 2] == "年代" and value in range(10, 100, 10)
        if value is not None and value > 0:
            out.append(weak(value, start, start + len(piece), piece, alt=1900.0 + value if decade else None))
        start += len(piece)
    return out


def _runs(run: str) -> list[str]:
    """A run of numerals that is several numbers ("十四五": the 14th five-year plan): a
    digit right after a digit starts a new one."""
    pieces, last = [], 0
    for i in range(1, len(run)):
        if run[i] in _HAN_DIGITS and run[i - 1] in _HAN_DIGITS and _HAN_DIGITS[run[i]]:
            pieces.append(run[last:i])
            last = i
    return pieces + [run[last:]]


def _value(s: str) -> float | None:
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


def year(text: str, start: int, end: int, value: float) -> Number | None:
    """Digits before 年, 后 or 後: "80年代" is the 1980s, "95后" those born after 1995, "22年"
    also the year 2022. None where the digits are no year."""
    if end >= len(text) or text[end] not in "年后後":
        return None
    short_year = end - start == 2
    if text[end] != "年" and not short_year:
        return None
    century = 1900 if value >= 30 else 2000
    return Number(value, value, False, start, end + 1, text[start:end + 1],
                  alt=century + value if short_year else None)


def month(text: str, start: int, end: int, value: float) -> Number | None:
    """Digits before 月 ("2021 年 1 月"): the month; None where there is none."""
    gap = len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" "))
    if text[end + gap:end + gap + 1] != "月" or not 1 <= value <= 12:
        return None
    stop = end + gap + 1
    return Number(value, value, False, start, stop, text[start:stop], "month")


def implied_months(text: str, found: list[Number]) -> list[Number]:
    """"12月3日暂时休会，9日继续": the 9th is in December too, and a translation says so
    ("on December 9"). Each bare day after a dated month gets that month, weakly (the
    translation need not repeat it)."""
    months = sorted((n for n in found if n.kind == "month"), key=lambda n: n.start)
    out = []
    for m in _BARE_DAY.finditer(text):
        last = [n for n in months if n.end <= m.start()]
        if last and 1 <= int(m.group(1)) <= 31:
            text_ = f"{last[-1].text}…{m.group().strip()}"
            out.append(weak(last[-1].value, m.start(1), m.end(), text_, "month"))
    return out
