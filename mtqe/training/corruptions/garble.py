"""Garbled clauses and omissions: the MT output that reads almost fluently yet says nothing.

Neural MT, unsure of a clause, repeats itself ("the country is like a country that is"), loses
a content word, shuffles a few words, renders an idiom word by word or picks a wrong sense of a
word; and it silently drops a clause or a prepositional phrase.
"""

from __future__ import annotations

import random
import re

from ._text import Token, corruption, decapitalise, gap_span, is_function, is_initial, words, zipf
from .base import Corruption, DocContext, replace_span

__all__ = ["garbled_clause"]

Edit = tuple[str, list[tuple[int, int]]]
# Word-by-word renderings of idioms and wrong senses of polysemous news words.
_LITERAL = {
    "on the other hand": "on another hand", "at the same time": "in the same time",
    "as well as": "as good as", "take part in": "take a part in", "took part in": "took a part in",
    "in terms of": "in the terms of", "according to": "according with", "in spite of": "despite of",
    "as a result": "as the result", "with regard to": "with regards on", "in order to": "in order for to",
    "carried out": "carried outside", "carry out": "carry outside", "called on": "called at",
    "in charge of": "in fee of", "stepped down": "walked down", "took office": "took the office",
    "held talks": "held conversations", "signed": "autographed", "launched": "threw",
    "relations": "relatives", "ties": "knots", "charges": "fees", "cabinet": "cupboard",
    "state media": "condition media", "ruling party": "judging party", "air strike": "air blow",
    "air strikes": "air blows", "bill": "invoice", "measures": "dimensions", "figures": "statues",
    "interest rates": "interest speeds", "power plant": "power vegetation",
    "sentenced": "phrased", "seats": "chairs", "run-up": "running-up",
    "head of state": "head of condition", "troops": "crowds", "forces": "strengths",
    "cases": "boxes",
}
_LITERAL_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _LITERAL), key=len, reverse=True)) + r")\b")
_LIKE = re.compile(r"\b(the|a|an|this|that|its) (\w+) (is|was|are|were)\b")
_MODIFIER_ENDINGS = ("ly", "ous", "ful", "ive", "ible", "able", "ical", "less")
_PUNCT_GAP = re.compile(r"[,;:()\"“”]")


def _phrase_runs(sentence: str) -> list[list[Token]]:
    """Word runs not broken by punctuation (a shuffle or copy stays inside one)."""
    runs: list[list[Token]] = [[]]
    for w in words(sentence):
        if runs[-1] and _PUNCT_GAP.search(sentence[runs[-1][-1].end:w.start]):
            runs.append([])
        runs[-1].append(w)
    return [r for r in runs if len(r) >= 3]


def _duplicate(sentence: str, rng: random.Random) -> Edit | None:
    like = list(_LIKE.finditer(sentence))
    if like and rng.random() < 0.3:
        m = rng.choice(like)
        insert = f" like a {m.group(2)} that {m.group(3)}"
        return sentence[:m.end()] + insert + sentence[m.end():], [(m.end() + 1, m.end() + len(insert))]
    runs = _phrase_runs(sentence)
    if not runs:
        return None
    run = rng.choice(runs)
    n = rng.randint(2, min(4, len(run)))
    k = rng.randrange(0, len(run) - n + 1)
    start, end = run[k].start, run[k + n - 1].end
    copy = " " + (decapitalise(sentence[start:end]) if is_initial(sentence, start) else sentence[start:end])
    return sentence[:end] + copy + sentence[end:], [(end + 1, end + len(copy))]


def _content_words(sentence: str) -> list[Token]:
    """Lower-case words likely to be nouns or verbs (adverbs and adjective endings left out)."""
    return [w for w in words(sentence) if not is_function(w.text) and len(w.text) >= 4
            and w.text.islower() and zipf(w.text) < 6.0 and not w.text.endswith(_MODIFIER_ENDINGS)]


def _drop_word(sentence: str, rng: random.Random) -> Edit | None:
    sites = [w for w in _content_words(sentence) if sentence[w.end:w.end + 1] == " "]
    if not sites:
        return None
    w = rng.choice(sites)
    text = sentence[:w.start] + sentence[w.end + 1:]
    return text, [gap_span(text, w.start)]


def _repeat_word(sentence: str, rng: random.Random) -> Edit | None:
    sites = [w for w in _content_words(sentence) if sentence[w.end:w.end + 1] == " "]
    if not sites:
        return None
    w = rng.choice(sites)
    return sentence[:w.end] + " " + w.text + sentence[w.end:], [(w.end + 1, w.end + 1 + len(w.text))]


def _scramble(sentence: str, rng: random.Random) -> Edit | None:
    runs = [r for r in _phrase_runs(sentence) if not is_initial(sentence, r[0].start) or len(r) > 3]
    if not runs:
        return None
    run = rng.choice(runs)
    first = 1 if is_initial(sentence, run[0].start) else 0
    n = rng.randint(3, min(4, len(run) - first))
    k = rng.randrange(first, len(run) - n + 1)
    chunk = run[k:k + n]
    start, end = chunk[0].start, chunk[-1].end
    old = sentence[start:end]
    if old != " ".join(w.text for w in chunk):  # hyphens or double spaces inside: leave it
        return None
    for _ in range(6):
        order = rng.sample(chunk, n)
        new = " ".join(w.text for w in order)
        if new != old:
            text, span = replace_span(sentence, start, end, new)
            return text, [span]
    return None


def _literal(sentence: str, rng: random.Random) -> Edit | None:
    sites = list(_LITERAL_RE.finditer(sentence))
    if not sites:
        return None
    m = rng.choice(sites)
    text, span = replace_span(sentence, m.start(), m.end(), _LITERAL[m.group()])
    return text, [span]


def garbled_clause(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """One MT garble in sentence ``i``: a duplicated phrase, a dropped content word, a repeated
    word, three or four words shuffled, or a word-by-word or wrong-sense rendering."""
    sentence = doc.sentences[i]
    ops = [_literal, _duplicate, _drop_word, _scramble, _repeat_word]
    weights = [3.0, 2.0, 2.0, 2.0, 1.0]
    while ops:
        op = rng.choices(ops, weights=weights)[0]
        out = op(sentence, rng)
        if out and out[0] != sentence:
            return corruption("garbled_clause.v1", *out)
        weights.pop(ops.index(op))
        ops.remove(op)
    return None
