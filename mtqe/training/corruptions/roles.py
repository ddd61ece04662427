"""Inverted roles: who did what to whom, reversed ("X visited Y" -> "Y visited X").

Chinese and Japanese sources leave the agent implicit or put it after the verb, and MT then
guesses the order. The swap needs the dependency parse: a verb's subject and its object (or
the object of "met with", "spoke to", the agent of a passive), both noun phrases headed by a
noun, at least one of them a name.
"""

from __future__ import annotations

import random
import re
from typing import Any

from ._text import capitalise, corruption, is_initial, wordset
from .base import Corruption, DocContext

__all__ = ["role_inversion"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Prepositions after which the object is a second participant, not a place or a time.
_PARTNER_PREPS = frozenset({"with", "to", "by", "against"})
_HEADS = frozenset({"PROPN", "NOUN"})
_MAX_TOKENS = 8
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME_PARTICLES = wordset("van von den der de da di du del la le bin ibn al el dos das ter")
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
    if right - left + 1 > _MAX_TOKENS or any(t.dep_ in ("relcl", "acl", "appos", "cc") or _loose_punct(t)
                                            for t in words):
        return None
    return left, right + 1


def _agentive(parsed: Any, rng_: tuple[int, int]) -> bool:
    """Whether a noun phrase names someone who can act: a name, or a noun for people or a body."""
    words = parsed[rng_[0]:rng_[1]]
    head = words.root
    return (head.pos_ == "PROPN" or head.lemma_.lower() in _AGENT_NOUNS
            or any(t.ent_type_ in _AGENT_ENTS for t in words))


def _inside_name(verb: Any) -> bool:
    """A capitalised "verb" or a name particle is a misparsed name part ("Dimitri van den Bergh")."""
    return not verb.text.islower() or verb.lower_ in _NAME_PARTICLES


def _loose_punct(token: Any) -> bool:
    """Punctuation standing apart ("Saxony -", a quote), not inside a word ("Ust-Orda", "U.S.")."""
    return token.is_punct and (bool(token.whitespace_) or token.i == 0
                               or bool(token.doc[token.i - 1].whitespace_))


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
        if verb.pos_ not in ("VERB", "AUX") or _inside_name(verb):
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


def _moved(parsed: Any, rng_: tuple[int, int], initial: bool, was_initial: bool) -> str:
    """Phrase text as it reads in its new place: a leading common word loses or gains its capital."""
    span = parsed[rng_[0]:rng_[1]]
    text = span.text
    if initial:
        return capitalise(text)
    first = span[0]
    common = first.pos_ == "DET" or (first.pos_ != "PROPN" and not first.ent_type_)
    if was_initial and common and first.text[:1].isupper() and first.text != "I":
        return text[:1].lower() + text[1:]
    return text


def _two_agents(sentence: str) -> bool:
    """Cheap test before parsing: two or more names or agent nouns (keeps ~95% of the sites and
    spares the parse of ~60% of news sentences)."""
    words = _WORD.findall(sentence)
    agents = [k for k, word in enumerate(words) if (k > 0 and word[0].isupper())
              or word.lower() in _AGENT_NOUNS or word.lower().rstrip("s") in _AGENT_NOUNS]
    return len(words) >= 4 and len(agents) >= 2


def role_inversion(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Swap the subject and object of one verb of sentence ``i`` (needs ``doc.nlp``)."""
    if doc.nlp is None or not _two_agents(doc.sentences[i]):
        return None
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
    initial = is_initial(sentence, s0)
    new_subj = _moved(parsed, obj, initial=initial, was_initial=False)
    new_obj = _moved(parsed, subj, initial=False, was_initial=initial)
    text = sentence[:s0] + new_subj + sentence[s1:o0] + new_obj + sentence[o1:]
    shift = len(new_subj) - (s1 - s0)
    spans = [(s0, s0 + len(new_subj)), (o0 + shift, o0 + shift + len(new_obj))]
    return corruption("role_inversion.v1", text, spans)
