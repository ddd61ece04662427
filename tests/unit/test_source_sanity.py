"""Whether pre-paired sources look like their targets' (mtqe.source.sanity.pairs_warning)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from mtqe.source.sanity import MIN_SENTENCES, pairs_warning

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "numbers_parallel.tsv"

PT = ["O ministro chegou ontem a Lisboa.", "Ele falou com jornalistas durante duas horas.",
      "As conversas com os sindicatos duraram até à noite.", "Nada foi decidido."]
EN = ["The minister arrived in Lisbon yesterday.", "He spoke to reporters for two hours.",
      "The talks with the unions lasted until the evening.", "Nothing was decided."]
# PT's sentences each on the wrong line, as when sources are shuffled: the same total length.
OTHER = ["Nada foi decidido.", "O ministro chegou ontem a Lisboa.",
         "Ele falou com jornalistas durante duas horas.",
         "As conversas com os sindicatos duraram até à noite."]


@pytest.mark.parametrize(("sources", "targets", "warned"), [
    (PT, EN, None),
    (["", " ", "", ""], EN, "the sources are empty"),
    (["", ""], EN[:2], "the sources are empty"),  # however short the document
    ([s[:8] for s in PT], EN, "shorter than a translation"),
    ([s * 4 for s in PT], EN, "longer than a translation"),
    (OTHER, EN, "do not fit their targets line by line"),
    # below MIN_SENTENCES lines a mismatch is each line's own finding, not a warning
    (OTHER[:2], EN[:2], None),
    ([s[:8] for s in PT][:3], EN[:3], None),
], ids=["matched", "empty", "empty-short", "too-short", "too-long", "swapped", "swapped-short",
        "too-short-short"])
def test_pairs_warning(sources: list[str], targets: list[str], warned: str | None) -> None:
    w = pairs_warning(list(zip(sources, targets, strict=True)), "pt")
    assert (w is None) if warned is None else (w is not None and warned in w)


def test_src_lang_is_optional() -> None:
    assert pairs_warning(list(zip(PT, EN, strict=True))) is None
    assert pairs_warning(list(zip(OTHER, EN, strict=True))) is not None


def _documents() -> dict[str, list[list[tuple[str, str]]]]:
    """The fixture's pairs, MIN_SENTENCES consecutive pairs of one language to a document."""
    by_lang: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, source, target = line.split("\t")
            by_lang[lang].append((source, target))
    return {lang: [p[i:i + MIN_SENTENCES] for i in range(0, len(p) - MIN_SENTENCES + 1, MIN_SENTENCES)]
            for lang, p in by_lang.items()}


def test_real_documents_pass_and_swapped_sources_are_caught() -> None:
    """The figure the check exists for, on six languages: no real document warned, most
    documents given the next document's sources warned."""
    real = swapped = caught = 0
    for lang, docs in _documents().items():
        for k, doc in enumerate(docs):
            assert pairs_warning(doc, lang) is None, (lang, doc)
            real += 1
            other = docs[(k + 1) % len(docs)]
            swapped += 1
            caught += pairs_warning([(s, t) for (s, _), (_, t) in zip(other, doc, strict=True)],
                                    lang) is not None
    assert real >= 18 and caught >= 0.8 * swapped
