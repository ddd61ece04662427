"""Train the cross-lingual meaning estimator (issue 24): USE multilingual v3's sentence part
fine-tuned, with a COMET-style head, on real MT judged by people.

    python -m mtqe.training.meaning --config configs/meaning-v1.json

Data (each cut by document; nothing of MQM 2021, WMT22 QE or the CED held-out half):

- MQM zh-en 2020: ten systems per source. Same-source pairs whose MQM differs (a ranking
  loss, weighted by the difference) and the major-error label (pointwise). A tenth of its
  documents is the selection slice.
- WMT22 DA X→en (de, ja, liv, ru, uk, zh): same-source pairs whose DA z-score differs by
  ``da_min_gap``, and the bottom-quartile label. ``DA_DEV_SHARE`` of the documents is the
  dev part that ``bench/meaning_screen.py`` reports and nothing here reads.
- WMT22 CED pt-en: the half the source fusion is fitted on (BAD as the label).

Only the sentence part of the encoder trains (``mtqe.model.crosslingual.SentencePart``), so
every sentence's pooled token features are computed once, with the runtime's own numpy code
(``mtqe.source.use.pooled``), and cached in the run folder: an epoch over about 100,000
pairs then takes seconds on 2 cores. The output is one safetensors file of the sentence
part's arrays and the head's (about 7 MB), which the runtime reads with numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..evaluation.devdata import DevSegment, load_dev
from .corpus import split_of
from .fit import source_halves

# The share of DA documents kept for evaluation (bench/meaning_screen.py), by a hash of the
# language pair and document: the same cut in every run.
DA_DEV_SHARE = 0.3
DA_DEV_SALT = "meaning-da-dev:"
SELECTION_SHARE = 0.1
SELECTION_SALT = "meaning-selection:"


@dataclass
class Example:
    source: str
    target: str
    lang: str
    bad: bool
    gold: float | None     # higher = worse, comparable only within its group
    group: str             # same source, same data set
    dataset: str


def da_key(seg: DevSegment) -> str:
    """A DA segment's document without its system (``lang|system|doc``)."""
    lang, _, doc = (seg.doc or "").split("|", 2)
    return f"{lang}|{doc}"


def in_da_dev(key: str) -> bool:
    """Whether a WMT22 document (``lang_pair|doc``) is in the DA dev part."""
    return split_of(DA_DEV_SALT + key, DA_DEV_SHARE) == "validation"


def is_da_dev(seg: DevSegment) -> bool:
    return in_da_dev(da_key(seg))


def _examples(segs: list[DevSegment], dataset: str, group_of: Any) -> list[Example]:
    return [Example(s.source or "", s.target, s.src_lang or "", s.bad, s.gold, f"{dataset}|{group_of(s)}",
                    dataset) for s in segs if s.source and s.target]


# Corruptions of a human reference that change what it says (the twins' bad side), and the
# harmless ones whose output must not be ranked as worse.
TWIN_FAMILIES = ("entity_swap.v1", "number_change.v1", "negation_flip.v1", "omission.v1",
                 "wrong_sense.v1", "role_inversion.v1", "garbled_clause.v1", "name_drift.v1")


def twin_examples(path: Path, seed: int) -> list[Example]:
    """Source + human reference (clean) and source + the reference corrupted by one family
    (bad), as one group: from the WMT22 parallel documents outside the DA dev part (their
    sources are the DA dev sources)."""
    from .corruptions import REGISTRY, DocContext
    from .source_corruptions import read_parallel

    out = []
    for doc in read_parallel(path):
        lang_pair, key = doc["lang_pair"], f"{doc['lang_pair']}|{doc.get('doc')}"
        if in_da_dev(key):
            continue
        refs = [p["reference"] for p in doc["pairs"]]
        ctx = DocContext(refs, None)
        for i, p in enumerate(doc["pairs"]):
            src, ref = p["source"], p["reference"]
            if not src.strip() or not ref.strip():
                continue
            group = f"twin|{key}|{i}"
            lang = lang_pair.split("-")[0]
            out.append(Example(src, ref, lang, False, 0.0, group, "twins"))
            rng = random.Random(f"{seed}|{key}|{i}")
            for name in rng.sample(TWIN_FAMILIES, len(TWIN_FAMILIES)):
                bad = REGISTRY[name](ctx, i, rng)
                if bad is not None and bad.is_error and bad.text != ref:
                    out.append(Example(src, bad.text, lang, True, 1.0, group, "twins"))
                    break   # one corrupted twin per sentence, of the first family that applies
    return out


def load_examples(data: Path, twins: bool = False, seed: int = 13) -> dict[str, list[Example]]:
    """{"train": …, "selection": …}: the training data and the slice that picks a checkpoint."""
    mqm = load_dev(data / "mqm_zhen_2020.jsonl.gz")
    mqm_key = lambda s: f"{(s.doc or '').split('|', 1)[-1]}|{s.extra['seg_id']}"  # noqa: E731
    sel = [s for s in mqm if split_of(SELECTION_SALT + (s.doc or "").split("|", 1)[-1], SELECTION_SHARE)
           == "validation"]
    sel_ids = {s.id for s in sel}
    train = _examples([s for s in mqm if s.id not in sel_ids], "mqm2020", mqm_key)
    da = [s for s in load_dev(data / "wmt22_da_xx_en.jsonl.gz") if not is_da_dev(s)]
    train += _examples(da, "da", lambda s: f"{s.extra['lang_pair']}|{s.source}")
    ced_fit, _ = source_halves(load_dev(data / "wmt22_ced_pten_dev.jsonl"))
    train += _examples(ced_fit, "ced", lambda s: s.id)
    if twins:
        train += twin_examples(data / "wmt22_parallel_xx_en.jsonl", seed)
    return {"train": train, "selection": _examples(sel, "mqm2020", mqm_key)}


def pairs_of(examples: list[Example], min_gap: dict[str, float]) -> list[tuple[int, int, float]]:
    """(worse, better, weight) for same-source examples whose gold differs by the data set's
    gap; the weight grows with the difference up to 1."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(examples):
        if e.gold is not None:
            groups[e.group].append(i)
    out = []
    for members in groups.values():
        for a, b in itertools.combinations(members, 2):
            ga, gb = examples[a].gold, examples[b].gold
            assert ga is not None and gb is not None
            gap = min_gap.get(examples[a].dataset, 0.0)
            if abs(ga - gb) <= gap:
                continue
            w, o = (a, b) if ga > gb else (b, a)
            out.append((w, o, min(1.0, abs(ga - gb) / (4 * gap if gap else 5.0))))
    return out


def pool_texts(texts: list[str], cache: Path, backend: Any) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Pooled token features of every distinct text (``use.pooled`` on the wheel's
    ``backend``), cached under ``cache`` by content."""
    from ..source import use

    distinct = sorted(set(texts))
    digest = hashlib.sha1("\n".join(distinct).encode()).hexdigest()[:16]
    path = cache / f"pooled-{digest}.npz"
    if path.exists():
        with np.load(path) as z:
            pool, roots = z["pool"], z["roots"]
    else:
        pool = np.empty((len(distinct), backend._feat_dim), dtype=np.float16)
        roots = np.empty(len(distinct), dtype=np.float32)
        t0 = time.time()
        for i in range(0, len(distinct), 2048):
            p, r = use.pooled(backend, distinct[i:i + 2048])
            pool[i:i + len(p)], roots[i:i + len(p)] = p, r
            print(f"pooled {i + len(p)}/{len(distinct)} ({time.time() - t0:.0f} s)", flush=True)
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(path, pool=pool, roots=roots)
    return pool, roots, {t: i for i, t in enumerate(distinct)}


def pair_accuracy(scores: np.ndarray, pairs: list[tuple[int, int, float]]) -> float:
    if not pairs:
        return float("nan")
    w = np.array([p[0] for p in pairs])
    o = np.array([p[1] for p in pairs])
    return float(np.mean(np.where(scores[w] > scores[o], 1.0, np.where(scores[w] == scores[o], 0.5, 0.0))))


def train(cfg: dict[str, Any]) -> dict[str, Any]:
    import torch
    from safetensors.numpy import save_file

    from ..model.crosslingual import MeaningHead, SentencePart, estimator_tensors
    from ..source import use
    from .fit import equal_shares

    tc = cfg["train"]
    data, run = Path(cfg["data"]), Path(cfg["run_dir"])
    run.mkdir(parents=True, exist_ok=True)
    ex = load_examples(data, twins=cfg.get("twins", False), seed=cfg.get("seed", 13))
    train_ex, sel_ex = ex["train"], ex["selection"]
    if cfg.get("datasets"):
        train_ex = [e for e in train_ex if e.dataset in cfg["datasets"]]
    everything = train_ex + sel_ex
    backend = use.load_backend()
    frozen = use.frozen_weights(backend)
    texts = [t for e in everything for t in (e.source, e.target)]
    pool, roots, index = pool_texts(texts, run / "cache", backend)
    del backend  # the subword table (65 MB): pooled features are all training reads
    src = lambda es: np.array([index[e.source] for e in es])  # noqa: E731
    tgt = lambda es: np.array([index[e.target] for e in es])  # noqa: E731
    gaps = cfg.get("min_gap", {"mqm2020": 1.0, "da": 0.5})
    train_pairs = pairs_of(train_ex, gaps)
    sel_pairs = pairs_of(sel_ex, {"mqm2020": 0.0})
    print(f"{len(train_ex)} examples, {len(train_pairs)} pairs; "
          f"selection {len(sel_ex)} / {len(sel_pairs)} pairs", flush=True)

    torch.manual_seed(cfg.get("seed", 13))
    rng = random.Random(cfg.get("seed", 13))
    part = SentencePart(frozen, float(frozen["eps"]))
    head = MeaningHead(hidden=tc.get("hidden", 256), dropout=tc.get("dropout", 0.1))
    opt = torch.optim.AdamW([{"params": part.parameters(), "lr": tc["lr"]},
                             {"params": head.parameters(), "lr": tc["head_lr"]}],
                            weight_decay=tc.get("weight_decay", 0.01))
    P = torch.from_numpy(pool.astype(np.float32))
    R = torch.from_numpy(roots)
    tr_s, tr_t = torch.from_numpy(src(train_ex)), torch.from_numpy(tgt(train_ex))
    labels = torch.tensor([float(e.bad) for e in train_ex])
    # each data set weighs the same in the pointwise loss, whatever its size
    pw = torch.tensor(equal_shares([e.dataset for e in train_ex]))

    def logits(s_idx: torch.Tensor, t_idx: torch.Tensor) -> torch.Tensor:
        return head(part(P[s_idx], R[s_idx]), part(P[t_idx], R[t_idx]))

    def evaluate(es: list[Example], prs: list[tuple[int, int, float]]) -> float:
        part.eval()
        head.eval()
        with torch.no_grad():
            sc = torch.cat([logits(torch.from_numpy(src(part_)), torch.from_numpy(tgt(part_)))
                            for part_ in (es[i:i + 4096] for i in range(0, len(es), 4096))]).numpy()
        part.train()
        head.train()
        return pair_accuracy(sc, prs)

    def snapshot() -> dict[str, np.ndarray]:
        return estimator_tensors(part.arrays(), head.state_dict())

    best, best_step, history = evaluate(sel_ex, sel_pairs), 0, []
    print(f"step 0: selection pairwise {best:.4f}", flush=True)
    tensors = snapshot()
    t0 = time.time()
    pb, bb = tc["pair_batch"], tc["point_batch"]
    steps = tc["steps"]
    for step in range(1, steps + 1):
        lr_scale = min(1.0, step / tc.get("warmup", 100)) * 0.5 * (1 + math.cos(math.pi * step / steps))
        for g, base in zip(opt.param_groups, (tc["lr"], tc["head_lr"]), strict=True):
            g["lr"] = base * lr_scale
        batch = rng.sample(train_pairs, pb)
        w = torch.tensor([p[0] for p in batch])
        o = torch.tensor([p[1] for p in batch])
        weight = torch.tensor([p[2] for p in batch])
        lw, lo = logits(tr_s[w], tr_t[w]), logits(tr_s[o], tr_t[o])
        ranking = torch.nn.functional.softplus(tc.get("margin", 0.0) - (lw - lo))
        loss = tc["pair_weight"] * (ranking * weight).mean()
        if bb:
            k = torch.randint(0, len(train_ex), (bb,))
            lp = logits(tr_s[k], tr_t[k])
            loss = loss + tc["point_weight"] * (torch.nn.functional.binary_cross_entropy_with_logits(
                lp, labels[k], reduction="none") * pw[k]).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % tc["eval_every"] == 0 or step == steps:
            acc = evaluate(sel_ex, sel_pairs)
            history.append({"step": step, "selection_pairwise": round(acc, 4), "loss": round(loss.item(), 4)})
            print(f"step {step}: loss {float(loss):.4f} selection pairwise {acc:.4f} "
                  f"({time.time() - t0:.0f} s)", flush=True)
            if acc > best:
                best, best_step, tensors = acc, step, snapshot()
    out = Path(cfg["out"])
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"config": cfg, "best_step": best_step, "selection_pairwise": round(best, 4), "history": history,
            "hidden": tc.get("hidden", 256)}
    save_file(tensors, str(out), metadata={"meaning": json.dumps({"hidden": meta["hidden"]})})
    (run / "meta.json").write_text(json.dumps(meta, indent=1))
    print(f"best step {best_step}: selection pairwise {best:.4f}; wrote {out}", flush=True)
    return meta


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--config", required=True)
    args = ap.parse_args()
    train(json.loads(Path(args.config).read_text()))


if __name__ == "__main__":
    main()
