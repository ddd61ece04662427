"""`mtqe eval`: where the detector stands on real annotated MT."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks import run_checks
from ..detector import Detector, documents
from ..types import Finding, Segment
from .devdata import DevSegment
from .metrics import auroc, average_precision, binary_metrics, spearman
from .pairwise import pairwise_accuracy
from .report import by_language_pair, category_recall, plots, qe_systems, span_f1


@dataclass
class CheckStats:
    """Per check: flags that overlap an annotated error span, and error-free segments hit."""

    flags: int = 0
    correct: int = 0
    clean_hit: set[str] = field(default_factory=set)

    @property
    def precision(self) -> float:
        return self.correct / self.flags if self.flags else float("nan")


def _overlaps(f: Finding, seg: DevSegment) -> bool:
    return any(s < f.end and f.start < e for s, e, _ in seg.errors)


def check_table(segs: list[DevSegment], names: Sequence[str] | None = None) -> dict[str, Any]:
    """Precision of each check's flags against annotated spans, and its false-flag rate on
    segments annotated error-free. Needs span annotations (MQM files)."""
    stats: dict[str, CheckStats] = defaultdict(CheckStats)
    as_seg = [Segment(id=s.id, target=s.target, doc=s.doc) for s in segs]
    by_id = {s.id: s for s in segs}
    for group in documents(as_seg):
        for f in run_checks([g.target for g in group], names):
            seg = by_id[group[f.sentence].id]
            for key in (f.category, "all"):
                st = stats[key]
                st.flags += 1
                st.correct += _overlaps(f, seg)
                if seg.clean:
                    st.clean_hit.add(seg.id)
    n_clean = sum(s.clean for s in segs)
    return {k: {"flags": v.flags, "precision": v.precision,
                "clean_flag_rate": len(v.clean_hit) / n_clean if n_clean else float("nan")}
            for k, v in sorted(stats.items())} | {"_clean_segments": n_clean}


def evaluate(det: Detector, segs: list[DevSegment], with_checks: bool = True,
             plot_dir: str | None = None, name: str = "dev", with_source: bool = False) -> dict[str, Any]:
    """Sentence-level metrics of a detector on one dev file (plus span F1 where spans are
    annotated, per-category recall on synthetic data, and the stored QE systems).
    ``with_source``: the detector reads each segment's source too (source-aware mode)."""

    results = det.check_segments(
        Segment(id=s.id, target=s.target, doc=s.doc, source=s.source if with_source else None,
                src_lang=s.src_lang if with_source else None) for s in segs)
    scores = [r.score for r in results]
    labels = [s.bad for s in segs]
    out: dict[str, Any] = {
        "segments": len(segs),
        "source": with_source,
        "positives": int(sum(labels)),
        "auroc": auroc(labels, scores),
        "average_precision": average_precision(labels, scores),
        "flags_review": binary_metrics(labels, [r.flag != "ok" for r in results]),
        "flags_error": binary_metrics(labels, [r.flag == "error" for r in results]),
    }
    golds = [s.gold for s in segs]
    if all(g is not None for g in golds):
        out["spearman"] = spearman(scores, golds)  # type: ignore[arg-type]
    if any(s.errors for s in segs):
        out["span_f1"] = span_f1(segs, results)
    pairs = pairwise_accuracy(segs, scores)
    if pairs["pairs"] or pairs["major_pairs"]:
        out["pairwise"] = pairs
    if any("category" in s.extra for s in segs):
        out["category_recall"] = category_recall(segs, results)
    if any("lang_pair" in s.extra for s in segs):
        out["by_language_pair"] = by_language_pair(segs, scores)
    if any(s.extra.get("qe_submissions") for s in segs):
        out["qe_systems"] = qe_systems(segs, scores)
    if with_checks and any(s.errors for s in segs) and not out.get("category_recall"):
        out["checks"] = check_table(segs, det.artifact.checks)
    if plot_dir:
        out["plots"] = plots(labels, scores, plot_dir, name)
    return out


def _f(x: Any) -> str:
    return "n/a" if isinstance(x, float) and math.isnan(x) else f"{x:.3f}" if isinstance(x, float) else str(x)


def format_markdown(res: dict[str, Any]) -> str:
    """A short markdown summary of ``evaluate``'s result."""
    lines = [f"## {res.get('data', 'dev data')}", "",
             f"{res['segments']} segments, {res['positives']} positive, "
             f"{'with' if res.get('source') else 'without'} source; `{res.get('signature', '')}`", "",
             "| metric | value |", "| --- | --- |"]
    for k in ("auroc", "average_precision", "spearman"):
        if k in res:
            lines.append(f"| {k} | {_f(res[k])} |")
    if "pairwise" in res:
        pw = res["pairwise"]
        lines.append(f"| same-source pairwise accuracy (n) / major vs none (n) / by length | "
                     f"{_f(pw['accuracy'])} ({pw['pairs']}) / {_f(pw['major_accuracy'])} "
                     f"({pw['major_pairs']}) / {_f(pw['length_accuracy'])} |")
    if "span_f1" in res:
        sf = res["span_f1"]
        lines.append(f"| span F1 (chars): P / R / F1 | {_f(sf['precision'])} / {_f(sf['recall'])} / "
                     f"{_f(sf['f1'])} |")
    for name in ("flags_review", "flags_error"):
        m = res[name]
        lines.append(f"| {name}: P / R / F1 / MCC (n) | {_f(m['precision'])} / {_f(m['recall'])} / "
                     f"{_f(m['f1'])} / {_f(m['mcc'])} ({m['flagged']}) |")
    if "qe_systems" in res:
        lines += ["", "Spearman against gold MQM, same segments:", "", "| system | Spearman |",
                  "| --- | --- |"]
        for k, v in sorted(res["qe_systems"].items(), key=lambda kv: -kv[1]):
            lines.append(f"| {'**mtqe**' if k == 'mtqe' else k} | {_f(v)} |")
    if "by_language_pair" in res:
        lines += ["", "Spearman against human badness per language pair:", "",
                  "| pair | n | Spearman |", "| --- | --- | --- |"]
        for k, v in res["by_language_pair"].items():
            lines.append(f"| {k} | {v['n']} | {_f(v['spearman'])} |")
    if "category_recall" in res:
        lines += ["", "Synthetic validation, flagged share per category:", "",
                  "| category | n | flagged |", "| --- | --- | --- |"]
        for k, v in res["category_recall"].items():
            lines.append(f"| {k} | {v['n']} | {v['flagged']:.2%} |")
    for p in res.get("plots", []):
        lines.append(f"\n![{Path(p).stem}]({p})")
    if "checks" in res:
        checks = dict(res["checks"])
        n_clean = checks.pop("_clean_segments")
        lines += ["", f"Checks against annotated spans ({n_clean} error-free segments):", "",
                  "| check | flags | precision | error-free flagged |", "| --- | --- | --- | --- |"]
        for k, v in checks.items():
            lines.append(f"| {k} | {v['flags']} | {_f(v['precision'])} | {v['clean_flag_rate']:.2%} |")
    return "\n".join(lines)
