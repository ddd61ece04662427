"""Every category a finding can have, and what the scoring does with it.

A category's role is declared here, not read off a strength value:

- ``RULE``: shown as a span, and flags the sentence on its own (its noisy-OR probability is a
  floor under the calibrated score): a check with measured precision (a changed figure, a
  name drifting within the article).
- ``SPAN``: shown as a span, but the sentence is scored only through the learned fusion (the
  neural model's token runs).
- ``FEATURE``: never shown; only an input of the fusion (evidence too weak to put in front of
  an editor: a negation count, a name the loose romanisation of a Han source misses).
- ``NOTE``: strength 0; its reason says what could not be checked, whatever the verdict.

``fusion_input`` names the fusion feature a category feeds (the strongest finding of the
category in the sentence), or None where it has no learned weight (too few dev sentences to
fit one, or a weight that fitted to zero).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .types import Finding

Role = Literal["rule", "span", "feature", "note"]
RULE: Role = "rule"
SPAN: Role = "span"
FEATURE: Role = "feature"
NOTE: Role = "note"


@dataclass(frozen=True)
class Category:
    role: Role
    source: bool = False  # found by comparing with the source (a source-aware fusion input)
    fusion_input: str | None = None


CATEGORIES: dict[str, Category] = {
    # document checks of the target alone
    "name_drift": Category(RULE, fusion_input="check_name_drift"),
    "acronym_mismatch": Category(RULE, fusion_input="check_acronym_mismatch"),
    "unknown_name": Category(RULE, fusion_input="check_unknown_name"),
    "entity_conflict": Category(RULE),
    "not_english": Category(RULE),
    "repeated_word": Category(RULE),
    # the neural model's runs of suspicious tokens
    "mt_error": Category(SPAN),
    # comparison with the source
    "number_mismatch": Category(RULE, True, "src_number_mismatch"),
    "number_missing": Category(RULE, True, "src_number_missing"),
    "name_not_in_source": Category(RULE, True, "src_name_not_in_source"),
    # the same finding where the source's romanisation is loose (Han script, syllable
    # readings): a fifth of error-free MQM zh-en sentences have one
    "name_unconfirmed": Category(FEATURE, True, "src_name_not_in_source"),
    "name_missing": Category(RULE, True, "src_name_missing"),
    "untranslated": Category(RULE, True),
    "omission": Category(RULE, True, "src_omission"),
    "addition": Category(RULE, True),
    "negation": Category(FEATURE, True, "src_negation"),
    "negation_added": Category(RULE, True, "src_negation_added"),
    # what could not be checked
    "name_unchecked": Category(NOTE, True),
    "meaning_unchecked": Category(NOTE, True),
}


def role(category: str) -> Role:
    """The role of ``category`` (a check registered without an entry here is a rule)."""
    c = CATEGORIES.get(category)
    return c.role if c is not None else RULE


def is_source(category: str) -> bool:
    c = CATEGORIES.get(category)
    return c is not None and c.source


def fusion_inputs(source: bool) -> tuple[str, ...]:
    """The fusion features fed by categories (of the source comparison, or of the target
    checks), each once, in declaration order."""
    return tuple(dict.fromkeys(c.fusion_input for c in CATEGORIES.values()
                               if c.fusion_input and c.source == source))


def fusion_values(findings: Iterable[Finding], source: bool) -> dict[str, float]:
    """The category-fed fusion inputs of one sentence: each the strength of its strongest
    finding, 0 when there is none."""
    out = dict.fromkeys(fusion_inputs(source), 0.0)
    for f in findings:
        c = CATEGORIES.get(f.category)
        if c is not None and c.source == source and c.fusion_input in out:
            out[c.fusion_input] = max(out[c.fusion_input], f.strength)
    return out
