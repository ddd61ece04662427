"""Sentence alignment of a source document with its translation.

MT and segmenters do not keep sentence counts equal: one source sentence becomes two, two
become one, one is dropped. A Gale & Church (1993) style dynamic programme over character
lengths finds the beads (1-1, 1-2, 2-1, 2-2, 1-0, 0-1), with shared numbers as anchors.

Example:
    >>> align(["Um.", "Dois e três."], ["One.", "Two.", "And three."])
    [[0], [1], [1]]
"""

from __future__ import annotations

import math

from ..lang import section
from . import numbers
from .scripts import script_of

# log(target chars / source chars) of human translations into English, median and spread
# (IQR / 1.349): a language's profile ("source.length_ratio", measured on the WMT22
# general-test references), else its script's row here.
SCRIPT_LENGTH = {"latin": (0.0, 0.15), "cyrillic": (0.05, 0.16), "greek": (0.0, 0.16),
                 "han": (1.36, 0.24), "kana": (0.95, 0.29), "hangul": (0.9, 0.3)}


def length_row(lang: str | None, script: str | None, default: tuple[float, float]) -> tuple[float, float]:
    """(median, spread) of the log length ratio for a source language or its script."""
    row = section(lang, "source").get("length_ratio")
    return tuple(row) if row else SCRIPT_LENGTH.get(script or "", default)  # type: ignore[return-value]


# -log prior of each bead (source sentences, target sentences), Gale & Church's figures.
_BEADS = {(1, 1): -math.log(0.89), (1, 2): -math.log(0.089 / 2), (2, 1): -math.log(0.089 / 2),
          (2, 2): -math.log(0.011), (1, 0): -math.log(0.0099 / 2), (0, 1): -math.log(0.0099 / 2)}


def figures(text: str, lang: str | None) -> set[float]:
    """The figures a sentence is anchored on across languages: digits, not number words."""
    return {x.value for x in numbers.extract(text, lang) if x.strong}


def bead_cost(src: list[str], tgt: list[str], s_nums: set[float], t_nums: set[float], mu: float,
              sigma: float) -> float:
    """The cost of pairing ``src`` with ``tgt`` (their lengths against the ratio ``mu`` ±
    ``sigma``, their ``figures``), without the bead's prior."""
    ls, lt = sum(map(len, src)) + 1, sum(map(len, tgt)) + 1
    if not src or not tgt:
        return 3.0  # a sentence with no counterpart: the bead prior does the rest
    z = (math.log(lt / ls) - mu) / (sigma * math.sqrt(1.0 + 60.0 / ls))
    cost = z * z / 2
    if s_nums or t_nums:
        shared = len(s_nums & t_nums) / max(len(s_nums | t_nums), 1)
        cost += 2.0 * (1.0 - shared)  # numbers are the surest anchors across languages
    return cost


def align(source: list[str], target: list[str], src_lang: str | None = None,
          ratio: tuple[float, float] | None = None) -> list[list[int]]:
    """For each target sentence, the indices of the source sentences it translates
    ([] for a sentence with no source counterpart)."""
    if ratio is None:
        ratio = length_row(src_lang, script_of(" ".join(source)), (0.0, 0.2))
    mu, sigma = ratio
    # each sentence's figures once, not once per candidate bead
    src_nums = [figures(t, src_lang) for t in source]
    tgt_nums = [figures(t, "en") for t in target]
    n, m = len(source), len(target)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for (di, dj), prior in _BEADS.items():
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                c = best[i][j] + prior + bead_cost(source[i:a], target[j:b], set().union(*src_nums[i:a]),
                                               set().union(*tgt_nums[j:b]), mu, sigma)
                if c < best[a][b]:
                    best[a][b], back[a][b] = c, (di, dj)
    out: list[list[int]] = [[] for _ in range(m)]
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj = step
        for t in range(j - dj, j):
            out[t] = list(range(i - di, i))
        i, j = i - di, j - dj
    return out


def unaligned_sources(alignment: list[list[int]], n_source: int) -> list[int]:
    """Source sentences no target sentence translates."""
    used = {s for srcs in alignment for s in srcs}
    return [s for s in range(n_source) if s not in used]
