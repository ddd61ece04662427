"""Evidence -> probability -> flag: the one scoring function.

What the detector knows of a sentence (``Evidence``: the checks' findings, the model's output,
the source comparison) becomes a fused score (the learned fusion, or the noisy-OR of the
findings for a model folder without one), then a calibrated probability (the stored map),
floored by the rules' own probability, then a flag (the thresholds). ``Detector`` calls these
functions at run time and the fitting code calls them with the fusion or the map it is
fitting: there is no other copy of the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from ._math import FUSION_EPS, logit
from .categories import NOTE, RULE, SPAN, is_source, role
from .fusion import features, text_priors
from .thresholds import Thresholds, apply_map
from .types import Finding, SentenceResult, Span

if TYPE_CHECKING:
    from .artifact import ModelArtifact
    from .source import SourceReport


class Evidence(NamedTuple):
    """What the detector knows about one sentence before fusing it into a score."""

    found: list[Finding]
    ms: Any  # the model's SentenceScore, None without a neural model
    source: SourceReport | None = None


@dataclass(frozen=True)
class CombinerConfig:
    """The noisy-OR over findings: each finding is independent evidence of an error with
    probability ``weights[category] * strength``, on top of ``prior`` for a sentence no check
    fires on. Scores a model folder without a fusion, and gives each span its score."""

    prior: float = 0.05
    weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.prior < 1.0:
            raise ValueError(f"prior must be in [0, 1), got {self.prior}")
        bad = {k: v for k, v in self.weights.items() if not 0.0 <= v <= 1.0}
        if bad:
            raise ValueError(f"weights must be in [0, 1]: {bad}")


def noisy_or(findings: Iterable[Finding], config: CombinerConfig) -> float:
    p_clean = 1.0 - config.prior
    for f in findings:
        p_clean *= 1.0 - config.weights.get(f.category, 1.0) * f.strength
    return 1.0 - p_clean


def spans_of(findings: Iterable[Finding], config: CombinerConfig) -> list[Span]:
    """The findings an editor is shown (rules and model spans), strongest first."""
    spans = [Span(f.start, f.end, f.category, round(config.weights.get(f.category, 1.0) * f.strength, 4),
                  f.reason)
             for f in findings if f.strength > 0 and role(f.category) in (RULE, SPAN)]
    return sorted(spans, key=lambda s: (-s.score, s.start))


def source_aware(art: ModelArtifact, ev: Evidence) -> bool:
    """Whether a sentence is scored, mapped and flagged by the source-aware fusion, map and
    thresholds: it has a source report and the model folder a source fusion."""
    return ev.source is not None and art.source_fusion is not None


def target_features(ev: Evidence, text: str) -> dict[str, float]:
    """The named inputs of the target-only fusion for one sentence."""
    token_max = max((p for _, _, p in ev.ms.tokens), default=0.0) if ev.ms is not None else None
    target_found = [f for f in ev.found if not is_source(f.category)]
    return features(ev.ms.prob if ev.ms else None, token_max, target_found, text)


def source_features(target_raw: float, source: SourceReport, text: str = "") -> dict[str, float]:
    """Inputs of the source-aware fusion: the target-only fused score (as a logit) stacked
    with what the source comparison found and a prior of the text (``text_priors``)."""
    return {"target_logit": logit(target_raw, FUSION_EPS), **source.features(), **text_priors(text)}


def raw_score(art: ModelArtifact, ev: Evidence, text: str) -> float:
    """The fused score before calibration (source-aware where ``source_aware``)."""
    if art.fusion is None:
        return noisy_or(ev.found, art.combiner)
    raw = art.fusion.predict(target_features(ev, text))
    if source_aware(art, ev):
        assert ev.source is not None and art.source_fusion is not None
        raw = art.source_fusion.predict(source_features(raw, ev.source, text))
    return raw


def calibrated(art: ModelArtifact, ev: Evidence, raw: float) -> float:
    """A fused score through the folder's map (the source-aware map for source-aware scores)."""
    return apply_map(art.source_calibration if source_aware(art, ev) else art.calibration, raw)


def score(art: ModelArtifact, ev: Evidence, text: str) -> tuple[float, list[Span]]:
    """The calibrated score a sentence is flagged with and its spans, strongest first.

    With a fusion, the rules' findings flag on their own whatever the fused score (which
    rarely sees them on dev data): their noisy-OR is a floor under it."""
    spans = spans_of(ev.found, art.combiner)
    p = calibrated(art, ev, raw_score(art, ev, text))
    if art.fusion is not None:
        rules = [f for f in ev.found if f.strength > 0 and role(f.category) == RULE]
        if rules:
            p = max(p, noisy_or(rules, art.combiner))
    return p, spans


def flag(thresholds: Thresholds, art: ModelArtifact, ev: Evidence, p: float, spans: list[Span]) -> str:
    return thresholds.flag(p, spans[0].category if spans else None, source=source_aware(art, ev))


def verdict(art: ModelArtifact, thresholds: Thresholds, ev: Evidence, text: str,
            meaning: str | None = None) -> SentenceResult:
    """The sentence's result (id and offsets are the caller's to set). ``meaning``: a line on
    the cross-lingual similarity, said when the sentence is flagged."""
    p, spans = score(art, ev, text)
    fl = flag(thresholds, art, ev, p, spans)
    # What could not be checked is said whatever the verdict ("names not compared...").
    notes = [short_reason(f.reason) for f in ev.found if role(f.category) == NOTE]
    if fl == "ok":
        return SentenceResult("0", text, 0, len(text), round(p, 4), fl, reasons=notes)
    spans = [s if len(s.reason) <= MAX_REASON else replace(s, reason=short_reason(s.reason)) for s in spans]
    reasons = [s.reason for s in spans] + ([meaning] if meaning else [])
    return SentenceResult("0", text, 0, len(text), round(p, 4), fl, spans,
                          sorted({s.category for s in spans}), list(dict.fromkeys(reasons + notes)))


# A reason quotes the text it is about; on a run-on "sentence" of thousands of characters (a
# table, a list pasted as one line) it quotes an excerpt, not the whole span.
MAX_QUOTE = 60
MAX_REASON = 240
_QUOTE = re.compile(rf"'([^']{{{MAX_QUOTE + 1},}})'")


def short_reason(reason: str) -> str:
    """``reason`` with each quotation longer than ``MAX_QUOTE`` shortened to its two ends."""
    if len(reason) <= MAX_REASON:
        return reason
    reason = _QUOTE.sub(lambda m: f"'{m.group(1)[:40]}…{m.group(1)[-15:]}'", reason)
    return reason if len(reason) <= MAX_REASON else reason[:MAX_REASON - 1] + "…"


def model_findings(ms: Any, text: str, threshold: float) -> list[Finding]:
    """Runs of tokens the model scores at or above ``threshold``, widened to whole words."""
    out: list[Finding] = []
    run: list[tuple[int, int, float]] = []
    for tok in [*ms.tokens, (len(text) + 1, len(text) + 1, 0.0)]:
        if tok[2] >= threshold and (not run or tok[0] - run[-1][1] <= 1):
            run.append(tok)
            continue
        if run:
            a, b = _word_bounds(text, run[0][0], run[-1][1])
            p = max(t[2] for t in run)
            out.append(Finding(0, a, b, "mt_error", p,
                               f"'{text[a:b]}' reads like a translation error in this context"))
        run = [tok] if tok[2] >= threshold else []
    return out


def _word_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return a, b
