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

from . import numbers

# -log prior of each bead (source sentences, target sentences), Gale & Church's figures.
_BEADS = {(1, 1): -math.log(0.89), (1, 2): -math.log(0.089 / 2), (2, 1): -math.log(0.089 / 2),
          (2, 2): -math.log(0.011), (1, 0): -math.log(0.0099 / 2), (0, 1): -math.log(0.0099 / 2)}


def _cost(src: list[str], tgt: list[str], mu: float, sigma: float, lang: str | None) -> float:
    ls, lt = sum(map(len, src)) + 1, sum(map(len, tgt)) + 1
    if not src or not tgt:
        return 3.0  # a sentence with no counterpart: the bead prior does the rest
    z = (math.log(lt / ls) - mu) / (sigma * math.sqrt(1.0 + 60.0 / ls))
    cost = z * z / 2
    s_nums = {n.value for s in src for n in numbers.extract(s, lang) if n.strong}
    t_nums = {n.value for t in tgt for n in numbers.extract(t, "en") if n.strong}
    if s_nums or t_nums:
        shared = len(s_nums & t_nums) / max(len(s_nums | t_nums), 1)
        cost += 2.0 * (1.0 - shared)  # numbers are the surest anchors across languages
    return cost


def align(source: list[str], target: list[str], src_lang: str | None = None,
          ratio: tuple[float, float] | None = None) -> list[list[int]]:
    """For each target sentence, the indices of the source sentences it translates
    ([] for a sentence with no source counterpart)."""
    from . import _LENGTH, _SCRIPT_LENGTH, script_of  # the length table lives with the checks

    if ratio is None:
        ratio = _LENGTH.get(src_lang or "", _SCRIPT_LENGTH.get(script_of(" ".join(source)) or "", (0.0, 0.2)))
    mu, sigma = ratio
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
                c = best[i][j] + prior + _cost(source[i:a], target[j:b], mu, sigma, src_lang)
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
