"""Entity swaps: a person, place, organisation or people replaced by another of the same kind.

Real MT swaps what the article itself holds (its two capitals, its two leaders), so the
replacement comes from the document's other sentences when it can, and otherwise from the
gazetteer: a neighbouring country, a neighbour's capital or people, another city of the country.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ...checks.gazetteer import capital_of, country_of, is_country, is_demonym, is_place
from ._text import (
    POSSESSIVE,
    corruption,
    is_headline,
    is_initial,
    is_known_place,
    is_name_word,
    wordset,
    zipf,
)
from .base import Corruption, DocContext, replace_span
from .countries import big_cities, demonyms_of, major_countries, neighbours

__all__ = ["entity_swap", "mentions"]

# Capitalised runs, with the joining words of names ("Bank of England", "Party for Freedom").
_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’.-]*[a-z\d][\w'’-]*(?:\s(?:(?:of|for|and|the|de|al|den|der|van|von|da|di|del|la|le|bin|ibn|el)\s)*[A-Z][\w'’-]*[a-z][\w'’-]*)*"
)
_ORG_WORDS = wordset("""
    ministry council committee commission agency bureau office department parliament senate congress
    assembly court party army navy police government administration authority board bank fund group
    company corporation corp inc ltd university institute organization organisation association union
    federation alliance front movement service services forces guard news press times post agency
    television radio network foundation league club church academy center centre
""")
_LABELS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "people",
           "FAC": "place"}
_FROM_DOCUMENT = 0.8
_PLACE_PREP = re.compile(r"\b(?:in|at|from|near|to|of|outside|across|into)\s(?:the\s)?$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # country, capital, city, place, people, person, org


def _place_kind(text: str, before: str = "") -> str | None:
    """Country, people, capital or place; a small town only after "in", "from"... (``before``),
    since the town lists hold many surnames ("Savage", "Gore")."""
    if is_country(text):
        return "country"
    if is_demonym(text):
        return "people"
    if is_known_place(text):
        return "capital" if capital_of(country_of(text) or "") == text else "place"
    if is_place(text) and _PLACE_PREP.search(before):
        return "place"
    return None



def _kind(text: str, label: str, surnames: frozenset[str], before: str) -> str | None:
    """What a spaCy entity names: the gazetteer and organisation words overrule spaCy's label,
    which the small model often gets wrong ("Olaf Scholz" as ORG)."""
    words = text.split()
    kind = _place_kind(text, before)
    if kind or label in ("GPE", "LOC", "FAC", "NORP"):
        return kind
    if _is_org(text):
        return "org"
    if (len(words) >= 2 and all(is_name_word(w) for w in words)) or text in surnames:
        return "person"
    return _LABELS.get(label)


def _is_org(text: str) -> bool:
    """A name ending in an organisation word ("Czech Radio"); a lone "Radio" is not one."""
    words = text.split()
    return len(words) >= 2 and words[-1].lower() in _ORG_WORDS


def _runs(sentence: str, surnames: frozenset[str] = frozenset()) -> list[Mention]:
    """Typed capitalised runs of a sentence, split at titles ("German Chancellor Olaf Scholz" ->
    German, Olaf Scholz). A lone name word is a person only when ``surnames`` holds it."""
    out = []
    for m in _RUN.finditer(sentence):
        start, text = m.start(), POSSESSIVE.sub("", m.group())
        first = text.split()[0]
        common = first == "The" or (_is_common_initial(sentence, start) and not _place_kind(first))
        if " " in text and common and not _place_kind(text):
            start, text = start + len(first) + 1, text[len(first) + 1:]
        kind = _place_kind(text, sentence[:start]) or ("org" if _is_org(text) else None)
        if kind:
            out.append(Mention(start, start + len(text), text, kind))
            continue
        out += _split_run(sentence, start, text, surnames)
    return out


def _split_run(sentence: str, start: int, text: str, surnames: frozenset[str]) -> list[Mention]:
    """The names and peoples inside a capitalised run, split at titles and common words."""
    out: list[Mention] = []
    group: list[re.Match[str]] = []
    for w in re.finditer(r"\S+", text):
        if is_name_word(w.group()) and not _is_common_initial(sentence, start + w.start()):
            group.append(w)
            continue
        if group:
            out += _name_group(sentence, start, text, group, surnames)
            group = []
        if is_demonym(w.group()):
            out.append(Mention(start + w.start(), start + w.end(), w.group(), "people"))
    return out + (_name_group(sentence, start, text, group, surnames) if group else [])


def _is_common_initial(sentence: str, pos: int) -> bool:
    m = re.match(r"\S+", sentence[pos:])
    word = m.group() if m else ""
    return is_initial(sentence, pos) and zipf(word) >= 4.0 and not is_demonym(word)


def _name_group(sentence: str, offset: int, run: str, group: list[re.Match[str]],
                surnames: frozenset[str]) -> list[Mention]:
    start, end = offset + group[0].start(), offset + group[-1].end()
    text = run[group[0].start():group[-1].end()]
    kind = _place_kind(text, sentence[:start]) or ("person" if len(group) >= 2 or text in surnames else None)
    return [Mention(start, end, text, kind)] if kind else []


def _surnames(doc: DocContext) -> frozenset[str]:
    """Last words of the document's multi-word personal names: lone mentions of people."""
    return frozenset(m.text.split()[-1] for s in doc.sentences for m in _runs(s)
                     if m.kind == "person")


def mentions(doc: DocContext, i: int) -> list[Mention]:
    """Entities of sentence ``i``: spaCy's when a pipeline is loaded, else capitalised runs.

    In a title-case headline only places and peoples count: its other capitals say nothing.
    """
    found = _mentions(doc, i)
    if is_headline(doc.sentences[i]):
        return [m for m in found if m.kind in ("country", "people", "capital", "place")]
    return found


def _mentions(doc: DocContext, i: int) -> list[Mention]:
    parsed = doc.parse(i)
    if parsed is None:
        return _runs(doc.sentences[i], _surnames(doc))
    out, surnames, sentence = [], _surnames(doc), doc.sentences[i]
    for ent in parsed.ents:
        bare = ent.text.removeprefix("the ").removeprefix("The ")
        text = POSSESSIVE.sub("", bare)
        start = ent.start_char + len(ent.text) - len(bare)
        if ent.label_ in _LABELS and text[:1].isupper():
            kind = _kind(text, ent.label_, surnames, sentence[:start])
            if kind:
                out.append(Mention(start, start + len(text), text, kind))
    return out


def _document_pool(doc: DocContext, i: int, target: Mention) -> list[str]:
    """Same-kind names in the other sentences, not in sentence ``i`` and not overlapping the target."""
    sentence = doc.sentences[i]
    single = " " not in target.text
    own = set(target.text.split())
    surnames = _surnames(doc)
    pool = []
    for j, other in enumerate(doc.sentences):
        if j == i or (target.kind in ("person", "org") and is_headline(other)):
            continue
        for m in _runs(other, surnames):
            text = m.text.split()[-1] if single and m.kind == "person" else m.text
            fresh = text not in sentence and text not in pool and not set(text.split()) & own
            if m.kind == target.kind and fresh:
                pool.append(text)
    return pool


def _gazetteer_pool(target: Mention) -> list[str]:
    """Same-kind replacements from the reference lists: neighbours first, none for people's names."""
    near = list(neighbours(target.text))[:4]
    if target.kind == "country":
        return near or list(major_countries())
    if target.kind == "people":
        return [d for n in near for d in demonyms_of(n)[:1] if d != target.text]
    if target.kind == "capital":
        return [c for n in neighbours(country_of(target.text) or "")[:4] if (c := capital_of(n))]
    if target.kind == "place":
        return next(([c for c in cities[:8] if c != target.text]
                     for cities in big_cities().values() if target.text in cities), [])
    return []


def _replacement(doc: DocContext, i: int, target: Mention, rng: random.Random) -> str | None:
    pool = _document_pool(doc, i, target)
    if not pool or rng.random() > _FROM_DOCUMENT:
        pool = _gazetteer_pool(target) or pool
    home = country_of(target.text)
    pool = [p for p in pool if p != target.text and (home is None or country_of(p) != home)]
    return rng.choice(pool) if pool else None


def _takes_article(name: str) -> bool:
    return name.startswith(("United ", "Republic")) or " Republic" in name or name.endswith(
        ("Islands", "Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles", "Gambia"))


def _with_article(sentence: str, target: Mention, name: str) -> tuple[int, str]:
    """Where the replacement starts and what it reads, fixing "the" for country names:
    "the Netherlands" -> "France", "in France" -> "in the Netherlands"."""
    name = name.removeprefix("The ")
    before = sentence[:target.start]
    article = re.search(r"\b[Tt]he $", before)
    if target.kind != "country" or bool(article) == _takes_article(name):
        return target.start, name
    if article:
        start = article.start()
        return start, name if start > 0 and not is_initial(sentence, start) else name[:1].upper() + name[1:]
    return target.start, ("The " if is_initial(sentence, target.start) else "the ") + name


def entity_swap(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Replace one entity of sentence ``i`` with another of the same kind."""
    sentence = doc.sentences[i]
    if not re.search(r"[A-Z][a-z]", sentence):  # nothing to parse for
        return None
    targets = mentions(doc, i)
    rng.shuffle(targets)
    for target in targets:
        new = _replacement(doc, i, target, rng)
        if new:
            start, new = _with_article(sentence, target, new)
            text, span = replace_span(sentence, start, target.end, new)
            return corruption("entity_swap.v1", text, [span])
    return None
