"""Extraction throughput on one core: articles per second over a synthetic corpus built from the
real seeds (sentences shuffled and numbers varied), at least 1,000 articles.

    .venv/bin/python bench/extract_throughput.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fresh import against_reference, empty_caches, reference_seconds  # noqa: E402
from scripts.extract.candidates import extract_text  # noqa: E402
from scripts.extract.classify import Vocabulary  # noqa: E402
from scripts.extract.sentences import split_sentences  # noqa: E402
from scripts.load import load_dataset  # noqa: E402
from scripts.paths import ProjectPaths  # noqa: E402


def synthetic_corpus(count: int, seed: int = 2025) -> list[tuple[str, str, object]]:
    """Articles made of the real articles' sentences, reshuffled, with their numbers changed."""
    dataset, _ = load_dataset(ProjectPaths.default())
    rng = random.Random(seed)
    sentences = [s.text for seed_ in dataset.seeds.values() for s in split_sentences(seed_.body)]
    dates = [s.published for s in dataset.seeds.values()]
    vary = lambda m: str(int(m.group().replace(",", "")) + rng.randint(0, 40))  # noqa: E731
    corpus = []
    for i in range(count):
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(12, 40)))
        body = "\n".join(re.sub(r"\b\d[\d,]*\b", vary, s) for s in picked)
        corpus.append((f"synthetic-{i:05d}", body, rng.choice(dates)))
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    dataset, _ = load_dataset(ProjectPaths.default())
    vocab = Vocabulary.of(dataset.metrics, dataset.story.extractor)
    corpus = synthetic_corpus(args.articles)
    words = sum(len(body.split()) for _, body, _ in corpus)
    empty_caches()  # fresh work: nothing left by loading the real data or building the corpus
    started = time.perf_counter()
    candidates = sum(len(extract_text(source, body, published, vocab)) for source, body, published in corpus)
    elapsed = time.perf_counter() - started
    print(f"{len(corpus)} articles ({words:,} words, {candidates:,} candidates) in {elapsed:.2f} s on one core: "
          f"{len(corpus) / elapsed:.0f} articles/s; {against_reference(elapsed, reference_seconds())}")


if __name__ == "__main__":
    main()
