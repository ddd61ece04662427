"""Numbers, quantities and dates in a source sentence and its English translation.

A changed figure is the error a desk fears most and the one target-only reading cannot see.
Each side becomes a set of values: digits read with the source locale's separators (Babel's
CLDR data: "1.000,5" in Portuguese is 1000.5, "1,000.5" in English is the same), scale words
("mil milhões", "Mrd.", "млрд", "亿", "billion") multiplied in, dates reduced to their parts
(a month name or "3月" is the month 3). Digits are *strong* evidence; number words ("four
million", "三百") are *weak*: they may satisfy a match but never raise a flag themselves.

The engine is general; what is specific to a source language (scale words, case forms, number
words num2words lacks, whether month names decline...) is the ``"numbers"`` section of its
profile in ``mtqe/lang/profiles`` (see :mod:`.profile` for the keys).

Example:
    >>> [round(n.value) for n in extract("Receitas de 1,6 biliões de euros em 2012.", "pt")]
    [1600000000000, 2012]
"""

from __future__ import annotations

from .base import Number, NumberIssue
from .calendar import month_names
from .compare import compare
from .english import CALENDAR as EN_CALENDAR
from .read import extract

# The former private name, still imported by the name check.
_month_names = month_names

__all__ = ["EN_CALENDAR", "Number", "NumberIssue", "compare", "extract", "month_names"]
