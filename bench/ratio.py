"""mtqe's throughput as a multiple of a CometKiwi-sized encoder's, on the news the desk sends.

Usage: .venv/bin/python bench/ratio.py [--model DIR] [--n 600] [--source] [--skip-proxy]

Prints figures and asserts nothing (issue 27's measurement, kept in the project):
  mtqe   ``mtqe.load().check_segments`` on ``--n`` sentences, warm (after a 50-sentence warm-up
         from other documents), in this process; peak RSS of this process after it.
         Target-only: ``../shared/data/train/wmt_news_en.jsonl`` cut into 25-sentence documents.
         ``--source``: the WMT22 parallel X-en file's references as targets with their sources,
         documents of up to 25 segments, languages interleaved.
  proxy  a randomly initialised XLM-R large (24 layers, 1024 wide, 16 heads: CometKiwi-22's
         encoder; random weights compute as fast as trained ones; nothing downloaded) over the
         same sentences' token counts (MiniLM word pieces + 2 specials; the source's too with
         ``--source``, as one pair), batches of 16 in input order, under ``torch.inference_mode``,
         in a child process so that its 2 GB do not count in mtqe's peak RSS.
The line to read is ``ratio``: proxy seconds / mtqe seconds for the same sentences. Absolute
rates on a shared machine are noise; compare figures of one run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import torch

import mtqe

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
DOC_LEN = 25
WARMUP = 50
PROXY_BATCH = 16


def news_documents(path: Path) -> list[list[str]]:
    docs = []
    for line in path.open(encoding="utf-8"):
        sents = [s for s in json.loads(line)["sentences"] if s.strip()]
        docs += [sents[i:i + DOC_LEN] for i in range(0, len(sents), DOC_LEN)]
    return [d for d in docs if len(d) == DOC_LEN]


def parallel_documents(path: Path) -> list[list[dict[str, str]]]:
    by_lang: dict[str, list[list[dict[str, str]]]] = {}
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        lang = rec["lang_pair"].split("-")[0]
        pairs = [{"source": p["source"], "target": p["reference"], "src_lang": lang}
                 for p in rec["pairs"] if p["source"].strip() and p["reference"].strip()]
        by_lang.setdefault(lang, []).extend(pairs[i:i + DOC_LEN] for i in range(0, len(pairs), DOC_LEN))
    out, k = [], 0
    while any(k < len(v) for v in by_lang.values()):  # interleave: every language in the first N
        out += [v[k] for v in by_lang.values() if k < len(v)]
        k += 1
    return out


def take(docs: list, n: int, skip: int = 0) -> list:
    """Whole documents from ``skip`` on until ``n`` segments, the last one cut to fit."""
    out: list = []
    for d in docs[skip:]:
        out.append(d[: n - sum(map(len, out))])
        if sum(map(len, out)) >= n:
            break
    return out


def segments(docs: list, source: bool, tag: str) -> list[dict[str, str | None]]:
    segs: list[dict[str, str | None]] = []
    for k, d in enumerate(docs):
        for s in d:
            seg: dict[str, str | None] = {"id": f"{tag}{len(segs)}", "doc": f"{tag}{k}"}
            seg.update(s if source else {"target": s})
            segs.append(seg)
    return segs


def proxy_main(lengths_file: str) -> None:
    """Child process: the XLM-R large proxy over the given token counts; prints seconds."""
    from transformers import XLMRobertaConfig, XLMRobertaModel

    lengths = json.loads(Path(lengths_file).read_text())
    torch.manual_seed(0)
    model = XLMRobertaModel(XLMRobertaConfig(
        vocab_size=250002, hidden_size=1024, num_hidden_layers=24, num_attention_heads=16,
        intermediate_size=4096, max_position_embeddings=514, type_vocab_size=1),
        add_pooling_layer=False).eval()
    g = torch.Generator().manual_seed(0)
    batches = [lengths[i:i + PROXY_BATCH] for i in range(0, len(lengths), PROXY_BATCH)]
    with torch.inference_mode():
        warm = torch.randint(5, 250000, (2, 32), generator=g)
        model(input_ids=warm, attention_mask=torch.ones_like(warm))
        t = time.perf_counter()
        for b in batches:
            n = max(b)
            ids = torch.randint(5, 250000, (len(b), n), generator=g)
            mask = torch.tensor([[1] * k + [0] * (n - k) for k in b])
            model(input_ids=ids, attention_mask=mask)
        print(json.dumps({"seconds": time.perf_counter() - t}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", help="model folder (default: mtqe.load()'s default)")
    ap.add_argument("--n", type=int, default=600, help="sentences measured")
    ap.add_argument("--source", action="store_true", help="the source-aware pipeline")
    ap.add_argument("--skip-proxy", action="store_true")
    ap.add_argument("--proxy-lengths", help=argparse.SUPPRESS)  # the child process
    args = ap.parse_args()
    if args.proxy_lengths:
        proxy_main(args.proxy_lengths)
        return

    if args.source:
        docs: list = parallel_documents(DATA / "dev" / "wmt22_parallel_xx_en.jsonl")
    else:
        docs = news_documents(DATA / "train" / "wmt_news_en.jsonl")
    measured = take(docs, args.n)
    warm = take(docs, WARMUP, skip=len(measured))
    segs = segments(measured, args.source, "m")
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, CPU; "
          f"{'source-aware' if args.source else 'target-only'}, {len(segs)} sentences in "
          f"{len(measured)} documents of up to {DOC_LEN}")

    t = time.perf_counter()
    det = mtqe.load(args.model)
    det.check_segments(segments(warm, args.source, "w"))
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    det.check_segments(segs)
    secs = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"mtqe      {len(segs) / secs:7.1f} sentences/s ({secs:.2f} s; load + {WARMUP}-sentence "
          f"warm-up {t_load:.1f} s); peak RSS {rss:.0f} MiB")
    if args.skip_proxy:
        return

    tok = det._model.tokenizer
    lengths = []
    for s in segs:
        n = len(tok(s["target"], add_special_tokens=False)["input_ids"]) + 2
        if args.source:
            n += len(tok(s["source"], add_special_tokens=False)["input_ids"]) + 2
        lengths.append(min(n, 512))
    lf = Path(f"/tmp/mtqe-ratio-{time.time_ns()}.json")
    lf.write_text(json.dumps(lengths))
    try:
        out = subprocess.run([sys.executable, __file__, "--proxy-lengths", str(lf)],
                             check=True, capture_output=True, text=True).stdout
    finally:
        lf.unlink()
    p_secs = json.loads(out.strip().splitlines()[-1])["seconds"]
    print(f"proxy     {len(segs) / p_secs:7.1f} sentences/s ({p_secs:.2f} s; XLM-R large, "
          f"mean {sum(lengths) / len(lengths):.0f} tokens, batches of {PROXY_BATCH})")
    print(f"ratio     {p_secs / secs:7.1f}x")


if __name__ == "__main__":
    main()
