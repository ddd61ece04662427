"""Inverted roles: who did what to whom, reversed ("X visited Y" -> "Y visited X").

Chinese and Russian sources leave the agent implicit or put it after the verb, and MT then
guesses the order. The swap needs the dependency parse: a verb's subject and its object (or
the object of "met with", "spoke to", the agent of a passive), both noun phrases headed by a
noun, at least one of them a name.
"""

from __future__ import annotations

import random
from typing import Any

from ._text import capitalise, corruption, wordset
from .base import Corruption, DocContext

__all__ = ["role_inversion"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Prepositions after which the object is a second participant, not a place or a time.
_PARTNER_PREPS = frozenset({"with", "to", "by", "against"})
_HEADS = frozenset({"PROPN", "NOUN"})
_MAX_TOKENS = 8
_AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Common nouns for people and bodies that act: swapping one with a name inverts who did what,
# where swapping a thing ("Brazil imports soybeans") only makes nonsense.
_AGENT_NOUNS = wordset("""
    minister president leader official spokesman spokeswoman spokesperson delegation government team
    army troops police side chancellor premier king queen prince princess ambassador envoy counterpart
    governor mayor company firm ministry court parliament committee council authority authorities
    country nation state ally rival opponent player champion coach club party rebel militant soldier
    protester lawmaker senator secretary chief head general commander partner neighbour neighbor union
    bank agency director chairman chairwoman prosecutor judge administration regime opposition
    negotiator diplomat investor buyer seller owner counterpart host guest runner winner
""")

def _phrase(token: Any) -> tuple[int, int] | None:
    """Token range of a clean noun phrase headed by ``token``: contiguous, short, no clause or comma."""
    if token.pos_ not in _HEADS:
        return None
    left, right = token.left_edge.i, token.right_edge.i
    # A trailing "in Berlin" belongs to the event more often than to the noun; "of" stays.
    preps = [c.i for c in token.rights if c.dep_ == "prep" and c.lower_ != "of"]
    right = min([right, *(p - 1 for p in preps)])
    words = token.doc[left:right + 1]
    if right - left + 1 > _MAX_TOKENS or any(t.dep_ in ("relcl", "acl", "appos", "cc") or t.text in ",;()"
                                            for t in words):
        return None
    return left, right + 1


def _agentive(parsed: Any, rng_: tuple[int, int]) -> bool:
    """Whether a noun phrase names someone who can act: a name, or a noun for people or a body."""
    words = parsed[rng_[0]:rng_[1]]
    head = words.root
    return (head.pos_ == "PROPN" or head.lemma_.lower() in _AGENT_NOUNS
            or any(t.ent_type_ in _AGENT_ENTS for t in words))


def _objects(verb: Any) -> list[Any]:
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in _PARTNER_PREPS:
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _pairs(parsed: Any) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(subject, object) token ranges that can trade places."""
    pairs = []
    for verb in parsed:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        for subj in subjects:
            for obj in _objects(verb):
                a, b = _phrase(subj), _phrase(obj)
                if not a or not b or a[1] > verb.i or b[0] <= verb.i:
                    continue
                if not (_agentive(parsed, a) and _agentive(parsed, b)) or subj.lower_ == obj.lower_:
                    continue
                if "PROPN" not in (subj.pos_, obj.pos_) and not any(
                        t.ent_type_ in _AGENT_ENTS for t in (*parsed[a[0]:a[1]], *parsed[b[0]:b[1]])):
                    continue
                pairs.append((a, b))
    return pairs


def _moved(parsed: Any, rng_: tuple[int, int], initial: bool) -> str:
    """Phrase text as it reads in its new place: a leading common word loses or gains its capital."""
    span = parsed[rng_[0]:rng_[1]]
    text = span.text
    if initial:
        return capitalise(text)
    first = span[0]
    if first.i == 0 and first.pos_ != "PROPN" and not first.ent_type_ and first.text[:1].isupper():
        return text[:1].lower() + text[1:]
    return text


def role_inversion(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Swap the subject and object of one verb of sentence ``i`` (needs ``doc.nlp``)."""
    parsed = doc.parse(i)
    if parsed is None:
        return None
    pairs = _pairs(parsed)
    if not pairs:
        return None
    subj, obj = rng.choice(pairs)
    sentence = doc.sentences[i]
    s0, s1 = parsed[subj[0]].idx, parsed[subj[1] - 1].idx + len(parsed[subj[1] - 1])
    o0, o1 = parsed[obj[0]].idx, parsed[obj[1] - 1].idx + len(parsed[obj[1] - 1])
    new_subj = _moved(parsed, obj, initial=s0 == 0)
    new_obj = _moved(parsed, subj, initial=False)
    text = sentence[:s0] + new_subj + sentence[s1:o0] + new_obj + sentence[o1:]
    shift = len(new_subj) - (s1 - s0)
    spans = [(s0, s0 + len(new_subj)), (o0 + shift, o0 + shift + len(new_obj))]
    return corruption("role_inversion.v1", text, spans)
