"""British <-> American spelling, a benign edit: "organise"/"organize", "colour"/"color".

Only listed stems change, so "rise", "advise" or "enterprise" (the same on both sides) never
do; capitalised words inside a sentence are names ("Labour Party", "Department of Defense") and
stay as they are.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from ._text import corruption, match_case, wordset
from .base import Corruption, DocContext

__all__ = ["benign_spelling"]

# Stems whose -ise/-ize, -isation/-ization forms differ by side.
_IZE_STEMS = wordset("""
    organ recogn critic real emphas apolog author mobil priorit stabil normal legal modern character
    privat final minim maxim summar util special global democrat central symbol sympath scrutin
    categor subsid jeopard memor national neutral fertil harmon hospital ideal immun industrial
    marginal militar moral optim penal polar popular public revolution standard steril subsid
    vandal visual western civil colon computer custom economi energ fantas legitim monopol
    capital commercial decentral international
""")
_IZE_ENDINGS = (("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
                ("isation", "ization"), ("isations", "izations"))
_OUR_STEMS = wordset("colo favo hono labo neighbo behavio harbo humo rumo vapo endeavo armo savo flavo vigo "
                     "valo")
_OUR_ENDINGS = (("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourable", "orable"),
                ("ourite", "orite"), ("ourites", "orites"), ("ourhood", "orhood"), ("ouring", "oring"))
_RE_STEMS = wordset("cent theat met lit fib calib somb spect lust meag")
_WHOLE = {
    "defence": "defense", "offence": "offense", "programme": "program", "programmes": "programs",
    "travelled": "traveled", "travelling": "traveling", "traveller": "traveler", "travellers": "travelers",
    "cancelled": "canceled", "cancelling": "canceling", "labelled": "labeled", "modelled": "modeled",
    "fuelled": "fueled", "counselling": "counseling", "signalled": "signaled", "jewellery": "jewelry",
    "grey": "gray", "catalogue": "catalog", "analyse": "analyze", "analysed": "analyzed",
    "analysing": "analyzing", "paralysed": "paralyzed", "ageing": "aging", "judgement": "judgment",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "aluminium": "aluminum", "sceptical": "skeptical",
    "sceptic": "skeptic", "sceptics": "skeptics", "mould": "mold", "smoulder": "smolder", "storey": "story",
    "kerb": "curb", "plough": "plow", "pyjamas": "pajamas", "enrolment": "enrollment", "fulfil": "fulfill",
    "skilful": "skillful", "wilful": "willful", "paediatric": "pediatric", "anaemia": "anemia",
    "oestrogen": "estrogen", "diarrhoea": "diarrhea", "haemorrhage": "hemorrhage", "licence": "license",
    "practise": "practice", "towards": "toward", "whilst": "while", "amongst": "among",
}
# British forms whose American form is also another word go one way only: "story" (a storey),
# "curb", "license" (the verb), "practice" (the noun), "program" (software), "meter" (a gauge).
_ONE_WAY = frozenset({"storey", "kerb", "licence", "practise", "whilst", "amongst", "towards", "mould",
                      "programme", "programmes", "metre", "metres"})


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """British form -> American form, and back (where the reverse is unambiguous)."""
    pairs = dict(_WHOLE)
    for stem in _IZE_STEMS:
        pairs.update({stem + uk: stem + us for uk, us in _IZE_ENDINGS})
    for stem in _OUR_STEMS:
        pairs.update({stem + uk: stem + us for uk, us in _OUR_ENDINGS})
    for stem in _RE_STEMS:
        pairs.update({stem + "re": stem + "er", stem + "res": stem + "ers"})
    table = dict(pairs)
    table.update({us: uk for uk, us in pairs.items() if uk not in _ONE_WAY})
    return table


_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")


def benign_spelling(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Switch one word between British and American spelling."""
    sentence = doc.sentences[i]
    sites = [m for m in _WORD.finditer(sentence) if m.group().lower() in _table()
             and (m.group().islower() or (m.start() == 0 and m.group()[1:].islower()))]
    if not sites:
        return None
    m = rng.choice(sites)
    new = match_case(m.group(), _table()[m.group().lower()])
    return corruption("benign_spelling.v1", sentence[:m.start()] + new + sentence[m.end():], [])
