"""The training loop: synthetic documents in, a model selected on real MT out.

Model selection and early stopping use real annotated MT (a by-document slice of MQM
zh->en 2020, "segment has a major error"), never synthetic data alone: the synthetic
validation loss says how well the model learned our corruptions, not whether it transfers.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from torch.nn import functional as F

from ..model.inputs import Window, build_windows
from ..model.qe import QEModel
from ..model.scorer import MODEL_INPUTS, ModelScorer, collate

log = logging.getLogger("mtqe.train")


@dataclass
class TrainConfig:
    """Optimisation; saved with the run so that it can be resumed and reproduced."""

    seed: int = 13
    batch_size: int = 16
    lr: float = 5e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    max_steps: int = 4000
    warmup_steps: int = 200
    token_loss_weight: float = 0.5
    eval_every: int = 250
    patience: int = 4  # evaluations without improvement before stopping
    time_budget_min: float = 80.0
    clean_keep: float = 1.0  # share of clean sentences kept (rebalancing knob)
    # The pairwise objective (``pairs.py``): pairs a step, their loss's weight beside the
    # pointwise one, the logit margin a worse translation must clear, the weight of the
    # squared gap of a harmless edit. ``select``: the dev figure that picks the checkpoint,
    # "auroc", "pairwise" (same-source accuracy on the slice) or "sum" of the two.
    pair_batch_size: int = 0
    pair_loss_weight: float = 1.0
    margin: float = 0.5
    equal_weight: float = 1.0
    select: str = "auroc"

    def __post_init__(self) -> None:
        if self.batch_size < 1 or self.max_steps < 1 or self.eval_every < 1:
            raise ValueError("batch_size, max_steps and eval_every must be >= 1")
        if not 0 < self.clean_keep <= 1:
            raise ValueError("clean_keep must be in (0, 1]")
        if self.select not in ("auroc", "pairwise", "sum"):
            raise ValueError("select must be auroc, pairwise or sum")
        if self.pair_batch_size < 0:
            raise ValueError("pair_batch_size must be >= 0")


@dataclass
class Example:
    sentences: list[str]
    i: int
    spans: list[list[int]]
    label: float  # 1 erroneous, 0 clean; in between a soft label (minor errors only)


def examples_from_records(records: Sequence[dict[str, Any]], clean_keep: float,
                          rng: random.Random) -> list[Example]:
    """One example per sentence of the corrupted documents (clean ones optionally thinned)."""
    out = []
    for rec in records:
        for i, (label, spans) in enumerate(zip(rec["labels"], rec["spans"], strict=True)):
            if label or clean_keep >= 1 or rng.random() < clean_keep:
                out.append(Example(rec["sentences"], i, spans, label))
    return out


def _batches(examples: list[Example], tokenizer: Any, model: QEModel, batch_size: int,
             rng: random.Random) -> Iterator[tuple[list[Window], torch.Tensor]]:
    """Endless shuffled batches of windows, with window-level sentence labels."""
    while True:
        order = list(range(len(examples)))
        rng.shuffle(order)
        wins: list[Window] = []
        labels: list[float] = []
        for k in order:
            ex = examples[k]
            for w in build_windows(tokenizer, ex.sentences, ex.i, model.config, ex.spans):
                # A window of an erroneous sentence is positive if it holds an error token
                # (or if the corruption left no span, e.g. a pure omission).
                hit = not ex.spans or any(t == 1 for t in w.token_labels)
                wins.append(w)
                labels.append(float(ex.label) if hit else 0.0)
            if len(wins) >= batch_size:
                yield wins[:batch_size], torch.tensor(labels[:batch_size])
                wins, labels = wins[batch_size:], labels[batch_size:]


def loss_fn(model: QEModel, batch: dict[str, torch.Tensor], labels: torch.Tensor,
            token_weight: float) -> torch.Tensor:
    s_logit, t_logit = model(**{k: batch[k] for k in MODEL_INPUTS})
    loss = F.binary_cross_entropy_with_logits(s_logit, labels)
    tl = batch["token_labels"]
    mask = tl != -100
    if token_weight > 0 and mask.any():
        loss = loss + token_weight * F.binary_cross_entropy_with_logits(
            t_logit[mask], tl[mask].float())
    return loss


def sentence_logits(model: QEModel, tokenizer: Any, examples: Sequence[Example]) -> torch.Tensor:
    """The sentence logit of each example as the scorer takes it: its worst window."""
    wins: list[Window] = []
    owner: list[int] = []
    for k, ex in enumerate(examples):
        for w in build_windows(tokenizer, ex.sentences, ex.i, model.config):
            wins.append(w)
            owner.append(k)
    device = next(model.parameters()).device
    batch = {k: torch.from_numpy(v).to(device) for k, v in collate(wins, tokenizer.pad_token_id).items()}
    s_logit, _ = model(**{k: batch[k] for k in MODEL_INPUTS})
    idx = torch.tensor(owner, device=device)
    out = torch.full((len(examples),), -1e4, device=device, dtype=s_logit.dtype)
    return out.scatter_reduce(0, idx, s_logit, reduce="amax")


def pair_loss(model: QEModel, tokenizer: Any, pairs: Sequence[Any], cfg: TrainConfig) -> torch.Tensor:
    """Margin ranking loss (smooth: ``softplus(margin - gap)``) on the sentence logits of
    ranked pairs, weighted; squared gap for pairs that must score the same."""
    logits = sentence_logits(model, tokenizer, [p.worse for p in pairs] + [p.better for p in pairs])
    gap = logits[:len(pairs)] - logits[len(pairs):]
    w = torch.tensor([p.weight for p in pairs], device=gap.device)
    equal = torch.tensor([p.equal for p in pairs], device=gap.device)
    rank = F.softplus(cfg.margin - gap)
    per = torch.where(equal, cfg.equal_weight * gap.pow(2), rank)
    return (w * per).sum() / w.sum().clamp(min=1e-6)


def _pair_batches(pairs: Sequence[Any], size: int, rng: random.Random) -> Iterator[list[Any]]:
    while True:
        order = list(range(len(pairs)))
        rng.shuffle(order)
        for b in range(0, len(order) - size + 1, size):
            yield [pairs[k] for k in order[b:b + size]]


def _optimizer(model: QEModel, cfg: TrainConfig) -> torch.optim.Optimizer:
    enc = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("encoder.")]
    new = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("encoder.")]
    return torch.optim.AdamW([{"params": enc, "lr": cfg.lr}, {"params": new, "lr": cfg.head_lr}],
                             weight_decay=cfg.weight_decay)


def _schedule(step: int, cfg: TrainConfig) -> float:
    if step < cfg.warmup_steps:
        return (step + 1) / cfg.warmup_steps
    frac = (step - cfg.warmup_steps) / max(1, cfg.max_steps - cfg.warmup_steps)
    return max(0.05, 0.5 * (1 + math.cos(math.pi * min(1.0, frac))))


def evaluate_real(scorer: ModelScorer, docs: Sequence[Sequence[str]],
                  labels: Sequence[Sequence[bool]],
                  dev_pairs: Sequence[tuple[int, int]] = ()) -> tuple[float, float]:
    """AUROC of the model's sentence probability for "has a major error" on real MT, and
    its accuracy on ``dev_pairs`` ((worse, better) indices into the flattened documents;
    nan without pairs)."""
    from ..evaluation.metrics import auroc

    scores = scorer.score_documents(docs)
    flat_s = [s.prob for doc in scores for s in doc]
    flat_y = [y for doc in labels for y in doc]
    hits = [1.0 if flat_s[w] > flat_s[b] else 0.5 if flat_s[w] == flat_s[b] else 0.0
            for w, b in dev_pairs]
    return auroc(flat_y, flat_s), sum(hits) / len(hits) if hits else float("nan")


def _selection(auc: float, acc: float, how: str) -> float:
    """The figure a checkpoint is kept by; without dev pairs (nan) the AUROC."""
    if math.isnan(acc) or how == "auroc":
        return auc
    return acc if how == "pairwise" else auc + acc


def save_checkpoint(path: Path, model: QEModel, opt: torch.optim.Optimizer, step: int,
                    best: float, extra: dict[str, Any]) -> None:
    """Trainable weights and AdamW moments as safetensors, counters as JSON (no pickle)."""
    path.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in model.trainable_state().items()},
              str(path / "weights.safetensors"))
    moments = {}
    for gi, group in enumerate(opt.param_groups):
        for pi, p in enumerate(group["params"]):
            st = opt.state.get(p, {})
            for key in ("exp_avg", "exp_avg_sq"):
                if key in st:
                    moments[f"{gi}.{pi}.{key}"] = st[key].contiguous()
    if moments:
        save_file(moments, str(path / "optimizer.safetensors"))
    (path / "state.json").write_text(json.dumps({"step": step, "best": best, **extra}))


def load_checkpoint(path: Path, model: QEModel, opt: torch.optim.Optimizer) -> dict[str, Any]:
    model.load_state_dict(load_file(str(path / "weights.safetensors")), strict=False)
    if (path / "optimizer.safetensors").exists():
        moments = load_file(str(path / "optimizer.safetensors"))
        state = json.loads((path / "state.json").read_text())
        for gi, group in enumerate(opt.param_groups):
            for pi, p in enumerate(group["params"]):
                if f"{gi}.{pi}.exp_avg" in moments:
                    opt.state[p] = {"step": torch.tensor(float(state["step"])),
                                    "exp_avg": moments[f"{gi}.{pi}.exp_avg"],
                                    "exp_avg_sq": moments[f"{gi}.{pi}.exp_avg_sq"]}
    return json.loads((path / "state.json").read_text())


def train(model: QEModel, tokenizer: Any, examples: list[Example], cfg: TrainConfig,
          dev_docs: Sequence[Sequence[str]], dev_labels: Sequence[Sequence[bool]],
          run_dir: Path, resume: bool = False, progress: bool = True,
          pairs: Sequence[Any] = (), dev_pairs: Sequence[tuple[int, int]] = ()) -> dict[str, Any]:
    """Train; keep the weights with the best real-dev figure (``cfg.select``) in
    ``run_dir/best``. With ``pairs`` (``pairs.Pair``) and ``cfg.pair_batch_size``, each step
    adds the pairwise loss of that many pairs to the pointwise one.

    Returns:
        A summary: best step, best dev AUROC, steps run, seconds.
    """
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    device = next(model.parameters()).device
    opt = _optimizer(model, cfg)
    step, best, best_step, bad_evals = 0, -1.0, 0, 0
    if resume and (run_dir / "last" / "state.json").exists():
        st = load_checkpoint(run_dir / "last", model, opt)
        step, best, best_step = st["step"], st["best"], st.get("best_step", 0)
        rng.seed(cfg.seed + step)  # a new but deterministic data order after resuming
        log.info("resumed at step %d (best %.4f)", step, best)
    scorer = ModelScorer(model, tokenizer, batch_size=64)
    batches = _batches(examples, tokenizer, model, cfg.batch_size, rng)
    use_pairs = bool(pairs) and cfg.pair_batch_size > 0
    pair_batches = _pair_batches(pairs, min(cfg.pair_batch_size, len(pairs)), rng) if use_pairs else None
    t0 = time.time()
    bar = _bar(cfg.max_steps, step, progress)
    while step < cfg.max_steps:
        model.train()
        wins, labels = next(batches)
        batch = {k: torch.from_numpy(v).to(device) for k, v in collate(wins, tokenizer.pad_token_id).items()}
        for g, base in zip(opt.param_groups, (cfg.lr, cfg.head_lr), strict=True):
            g["lr"] = base * _schedule(step, cfg)
        loss = loss_fn(model, batch, labels.to(device), cfg.token_loss_weight)
        if pair_batches is not None:
            loss = loss + cfg.pair_loss_weight * pair_loss(model, tokenizer, next(pair_batches), cfg)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        bar.update(1)
        bar.set_postfix(loss=f"{loss.item():.3f}", best=f"{best:.3f}")
        out_of_time = (time.time() - t0) / 60 > cfg.time_budget_min
        if step % cfg.eval_every == 0 or step == cfg.max_steps or out_of_time:
            auc, acc = evaluate_real(scorer, dev_docs, dev_labels, dev_pairs)
            log.info("step %d loss %.4f dev_auroc %.4f dev_pairwise %.4f (%.0f s)", step,
                     loss.item(), auc, acc, time.time() - t0)
            figure = _selection(auc, acc, cfg.select)
            if figure > best:
                best, best_step, bad_evals = figure, step, 0
                save_checkpoint(run_dir / "best", model, opt, step, best, {"best_step": step})
            else:
                bad_evals += 1
            save_checkpoint(run_dir / "last", model, opt, step, best, {"best_step": best_step})
            if bad_evals >= cfg.patience or out_of_time:
                log.info("stopping at step %d (%s)", step,
                         "time budget" if out_of_time else "no dev improvement")
                break
    bar.close()
    return {"best_step": best_step, "best_dev_auroc" if cfg.select == "auroc" else
            f"best_dev_{cfg.select}": best, "steps": step,
            "seconds": round(time.time() - t0, 1), "config": asdict(cfg)}


def _bar(total: int, initial: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, disable=not enabled, desc="train", unit="step")
