"""Source-aware checks: what the original says and the translation does not (or the reverse).

When the desk has the foreign-language original, four things become visible that no reading
of the English alone can see: a changed number, a name that is not in the source (or a
source name the translation dropped), text left untranslated, and a clause left out or
added (the length ratio, against what this language pair normally gives). Each becomes a
``Finding`` on the target sentence and a feature of the source-aware fusion.

Example:
    >>> rep = compare_segment("Pelo menos 30 países têm mísseis.", "At least 32 countries have missiles.",
    ...                       "pt")
    >>> [(f.category, f.reason) for f in rep.findings]
    [('number_mismatch', "'32' is not in the source, which has '30'")]
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from functools import cache

from ..categories import fusion_values
from ..lang import section
from ..types import Finding
from . import names, numbers
from .align import align, length_row
from .scripts import base_lang, char_script, guess_lang, name_support, script_of, zipf

__all__ = ["SourceReport", "align", "compare_segment", "split_source"]

# Strengths of the source findings: the probability each adds to the noisy-OR floor (rules) or
# the value of its fusion input. They follow the measured precision of each finding; which
# findings flag on their own is declared in ``mtqe.categories``, not read off these numbers.
NO_SOURCE = 0.7  # a target sentence the alignment found no source for
NUMBER_MISSING = 0.6  # a source figure the translation lacks
NUMBER_CHANGED = 0.85  # a figure the source does not have
NUMBER_WORDLIKE = 0.5  # ... where the source may spell it in words (12, 100,000): weaker
NAME_ADDED = 0.5  # a target name not in a Latin/Cyrillic/Greek source (pt-en: 1 in 3 real)
NAME_UNCONFIRMED = 0.2  # the same where the romanisation is loose (Han, Arabic): a feature
NAME_DROPPED = 0.45  # a source name without a counterpart
UNTRANSLATED = 0.9  # source-script text or copied source words in the English
NEGATION_ADDED = 0.5  # the translation negates, the source has nothing to stand for it
NEGATION_DIFFERS = 0.3  # one side negated, the other not, by counted cues: a feature


# Negation cues (the "negation" section of a language's profile): a negation the translation
# dropped or added is a classic critical error ("não pode" -> "can"). Counted, not parsed, so
# weak evidence: a fusion feature. Languages that negate inside words (Czech "nemá", Chinese
# 不断 "continuously") have no cue list: a word list cannot tell those from other words.


@cache
def _cues(lang: str | None, kind: str = "cues") -> re.Pattern[str] | None:
    pattern = section(lang, "negation").get(kind)
    return re.compile(pattern) if pattern else None


def _negation(source: str, target: str, lang: str | None) -> float:
    """1 when one side is negated and the other not, 0 otherwise (or when the language has
    no cue list). Both sides negated a different number of times is no evidence: on CED's
    fitting half 1 of 37 such pairs is a critical error, below the base rate of 1 in 19.
    (Idioms count on both sides here: "não só" is "not only".)"""
    cues, en = _cues(lang), _cues("en")
    if cues is None or en is None:
        return 0.0
    ns = len(cues.findall(source.lower()))
    nt = len(en.findall(target.lower()))
    return 1.0 if (ns > 0) != (nt > 0) else 0.0

# Source words that can carry a negation the translation spells out ("apenas quando" is "not
# until", "falta" "lack"): the profile's "lexical" cues. Only where a language has them is an
# added negation a flag (below).
# English phrases whose negation word negates nothing the sentence claims.
_IDIOMS = re.compile(r"\b(?:no matter|never mind|if not|not only|not least|not just|nothing but"
                     r"|without (?:a )?(?:doubt|question)|no (?:longer|more) than|none other than)\b")
_NEGATING_PREFIX = re.compile(r"\b(?:in|im|des|ir|i)([^\W\d_]{4,})\b")


def _negation_added(source: str, target: str, lang: str | None) -> bool:
    """The translation negates and the source has nothing that could stand for it: no
    negation word, no word that carries one. A classic critical error ("As vacinas protegem"
    -> "Vaccines don't protect"); on the pt-en critical-error dev set half of these are one
    (20 segments), where a twentieth of all segments are."""
    lexical, cues, en = _cues(lang, "lexical"), _cues(lang), _cues("en")
    if lexical is None or cues is None or en is None or not en.search(_IDIOMS.sub(" ", target.lower())):
        return False
    low = source.lower()
    if cues.search(low) or lexical.search(low):
        return False
    return not any(zipf(m.group(1), lang) >= 3.0 for m in _NEGATING_PREFIX.finditer(low))


_DEFAULT_LENGTH = (0.2, 0.3)  # a script without a row of its own
# Beyond this many spreads from the usual ratio a sentence lost or gained content.
_LENGTH_Z = 3.5
# The learned estimator's logit enters the fusion clipped: beyond this it says no more.
MEANING_CLIP = 4.0


@dataclass
class SourceReport:
    """What comparing one target sentence with its source found."""

    findings: list[Finding] = field(default_factory=list)
    length_z: float = 0.0  # how unusual the length ratio is (negative: target too short)
    support: str = "exact"  # how well names could be compared: exact / approximate / none
    src_lang: str | None = None
    # cross-lingual similarity against human translations of the language, in spreads
    # (``similarity.CrossLingual.zscores``; None: not computed or language not supported)
    similarity_z: float | None = None
    # the learned cross-lingual estimator's logit (``meaning.MeaningModel``; None: the
    # folder has none, or the language is not supported)
    meaning_logit: float | None = None

    def features(self) -> dict[str, float]:
        """Named inputs of the source-aware fusion."""
        f = fusion_values(self.findings, source=True)
        f["src_len_short"] = min(3.0, max(0.0, -self.length_z) / 2)
        f["src_len_long"] = min(3.0, max(0.0, self.length_z) / 2)
        # less alike than human translations usually are: positive; clipped, since a cosine
        # far above the usual says no more than a usual one
        z = self.similarity_z
        f["src_dissimilar"] = 0.0 if z is None else max(-2.0, min(4.0, -z))
        if self.meaning_logit is not None:
            # absent (not 0) without an estimator, so a fusion fitted without one is unchanged
            f["src_meaning"] = max(-MEANING_CLIP, min(MEANING_CLIP, self.meaning_logit))
        return f


def _length_z(source: str, target: str, lang: str | None, script: str | None) -> float:
    """How many spreads the length ratio is from the usual (a source-less target never gets
    here: ``compare_segment`` reports it as an addition)."""
    if not source.strip() or not target.strip():
        return -9.0 if source.strip() else 0.0
    mu, sigma = length_row(lang, script, _DEFAULT_LENGTH)
    expected = len(source) * math.exp(mu)
    # Short sentences vary more ("Yes." / "Sim."): widen the spread for them.
    sigma *= math.sqrt(1.0 + 60.0 / max(expected, 1.0))
    return (math.log(len(target) / len(source)) - mu) / sigma


def compare_segment(source: str, target: str, src_lang: str | None = None,
                    context: str = "") -> SourceReport:
    """Compare one target sentence (or segment) with its source. ``context``: the whole
    translated document (this sentence may be in it), which shows which source words are
    names: a name it keeps elsewhere and this sentence lost is flagged."""
    lang = base_lang(src_lang) or guess_lang(source)
    source = _unescape(source)
    if not source.strip() and target.strip():
        # a sentence the alignment found no source for
        return SourceReport([Finding(0, 0, len(target), "addition", NO_SOURCE,
                                     "no sentence of the source corresponds to this one")],
                            length_z=9.0, support="none", src_lang=lang)
    script = script_of(source)
    rep = SourceReport(support=name_support(script), src_lang=lang)
    out = rep.findings
    for issue in numbers.compare(source, target, lang):
        if issue.kind == "missing":
            out.append(Finding(0, 0, len(target), "number_missing", NUMBER_MISSING, issue.detail))
        else:
            # A figure the source has no digits for may be written there in words ("três",
            # "cem mil", "mil milhões"): small and round figures are weaker evidence.
            out.append(Finding(0, issue.start, issue.end, "number_mismatch",
                               NUMBER_WORDLIKE if issue.kind == "extra" and _wordlike(issue.value)
                               else NUMBER_CHANGED,
                               issue.detail))
    if rep.support == "none":
        out.append(Finding(0, 0, len(target), "name_unchecked", 0.0,
                           f"names not compared with the source: no romanisation for {script} script"))
    else:
        for n in names.names_not_in_source(source, target, lang):
            # Syllable readings of transliterated names are loose (on MQM zh-en a fifth of
            # error-free sentences have a name the Han romanisation misses): a weak feature
            # there, not a flag.
            # Strengths follow measured precision (pt-en critical errors: about a third of
            # these flags are real errors where a twentieth of all segments are).
            if rep.support == "exact" and not n.weak:
                out.append(Finding(0, n.start, n.end, "name_not_in_source", NAME_ADDED, n.detail))
            else:
                out.append(Finding(0, n.start, n.end, "name_unconfirmed", NAME_UNCONFIRMED, n.detail))
        if rep.support == "exact":
            flagged = {(f.start, f.end) for f in out}
            out.extend(Finding(0, n.start, n.end, "name_not_in_source", NAME_ADDED, n.detail)
                       for n in names.country_swaps(source, target, lang) if (n.start, n.end) not in flagged)
        missing = names.source_names_missing(source, target, lang, context)
        # ... and countries the source names in adjectives and declined forms ("ruských")
        missing += [w for w in names.source_countries_missing(source, target, lang) if w not in missing]
        for name in missing:
            out.append(Finding(0, 0, len(target), "name_missing", NAME_DROPPED,
                               f"the source's '{name}' has no counterpart in the translation"))
        if rep.support == "exact" and not names.has_wordlist(lang):
            out.append(Finding(0, 0, len(target), "name_unchecked", 0.0,
                               f"source names not looked for in the translation: no word list for "
                               f"{lang or 'an unnamed language'}"))
    out.extend(_untranslated(source, target, lang, script))
    if _negation_added(source, target, lang):
        out.append(Finding(0, 0, len(target), "negation_added", NEGATION_ADDED,
                           "the translation negates what the source does not"))
    neg = _negation(source, target, lang)
    if neg:
        out.append(Finding(0, 0, len(target), "negation", NEGATION_DIFFERS,
                           "the source and the translation differ in negation"))
    rep.length_z = _length_z(source, target, lang, script)
    if not any(f.category == "untranslated" for f in out):
        if rep.length_z <= -_LENGTH_Z and len(source) >= 20:
            out.append(Finding(0, 0, len(target), "omission", _strength(rep.length_z),
                               "much shorter than the source: part of it may be missing"))
        elif rep.length_z >= _LENGTH_Z and len(target) >= 30:
            out.append(Finding(0, 0, len(target), "addition", _strength(rep.length_z),
                               "much longer than the source: it may add what the source does not say"))
    return rep


def _unescape(source: str) -> str:
    """HTML entities left in a source, escaped once or twice ("R&amp;amp;D", or with the
    ampersand lost: "Iampamp;D" for "I&D"): read as the characters they stand for, not
    as words. (Only the source: target offsets must stay as they are.)"""
    return html.unescape(re.sub(r"&?(?:amp)+;", "&", source)) if ";" in source else source


def _wordlike(value: float) -> bool:
    """Small or round figures (12, 100,000, 2 billion) that a source may spell in words."""
    if value <= 12:
        return True
    digits = f"{value:.0f}".rstrip("0")
    return value == int(value) and len(digits) <= 1


def _strength(z: float) -> float:
    return round(min(0.9, 0.5 + 0.1 * (abs(z) - _LENGTH_Z)), 3)


_WORD = re.compile(r"[^\W\d_]+")


def _untranslated(source: str, target: str, lang: str | None, script: str | None) -> list[Finding]:
    """Source-script text in the English, or runs of source words copied over."""
    if script and script != "latin":
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", target)
                 if any(char_script(c) == script for c in m.group())]
        if spans:
            a, b = spans[0][0], spans[-1][1]
            return [Finding(0, a, b, "untranslated", UNTRANSLATED,
                            f"'{target[a:b]}' is left in the source's {script} script")]
        return []
    src_words = {w.lower() for w in _WORD.findall(source)}
    copied = [m for m in _WORD.finditer(target)
              if m.group().islower() and len(m.group()) >= 3 and m.group() in src_words
              and zipf(m.group(), "en") < 2.5
              and (lang is None or zipf(m.group(), lang) >= 2.5)]
    if len(copied) >= 3 and len(copied) >= 0.3 * len(_WORD.findall(target)):
        a, b = copied[0].start(), copied[-1].end()
        return [Finding(0, a, b, "untranslated", UNTRANSLATED, "this text is left in the source language")]
    return []


_CJK_END = re.compile(r"(?<=[。！？])[」』”’）)]*")


def split_source(text: str) -> list[str]:
    """Sentences of a source document: CJK full stops first, then the general splitter."""
    from ..segment import split_sentences

    out = []
    for para in text.splitlines():
        pieces, last = [], 0
        for m in _CJK_END.finditer(para):
            if m.end() > last and m.end() < len(para):
                pieces.append(para[last:m.end()])
                last = m.end()
        pieces.append(para[last:])
        out += [s.text for p in pieces if p.strip() for s in split_sentences(p)]
    return out
