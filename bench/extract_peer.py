"""This extractor beside a general quantity extractor (quantulum3) on the development set
(tests/data/extraction/gold.yaml), in one run, on one core:

- values: recall and precision of the numbers each proposes, whatever it says they count;
- (metric, value): ours places numbers in metrics; quantulum3 knows units, not metrics, so a
  value of it counts for a metric when its unit is the metric's unit (barrels, dollars: a crude
  mapping; a "dimensionless" number, which is most counts of people, ships or strikes, says
  nothing) — it cannot tell two metrics of one unit apart, and is given the benefit of the doubt;
- throughput: articles per second of each, on the same articles, the ratio.

quantulum3 is not a dependency of the project: install it in a separate environment

    python3 -m venv ../peer-venv && ../peer-venv/bin/pip install -r requirements/bench.txt
    ../peer-venv/bin/python bench/extract_peer.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fresh import empty_caches  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "extraction"
# quantulum3's peer unit names → the metrics' `unit` values (facts/metrics.yaml)
UNIT_OF_PEER = {"barrel": "barrels", "dollar": "USD", "United States dollar": "USD"}


def _peer_parser():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        sys.exit("bench/extract_peer.py needs quantulum3, which the project does not install: "
                 "python3 -m venv ../peer-venv && ../peer-venv/bin/pip install -r requirements/bench.txt, "
                 "then run it with ../peer-venv/bin/python bench/extract_peer.py")
    return parser


def _rate(found: int, wrong: int, missed: int) -> tuple[float, float]:
    return found / ((found + wrong) or 1), found / ((found + missed) or 1)


def score_pairs(gold: dict[str, set], proposed: dict[str, set]) -> tuple[float, float]:
    """Precision and recall of per-article sets."""
    tp = sum(len(gold[s] & proposed.get(s, set())) for s in gold)
    fp = sum(len(proposed.get(s, set()) - gold[s]) for s in gold)
    fn = sum(len(gold[s] - proposed.get(s, set())) for s in gold)
    return _rate(tp, fp, fn)


def peer_pairs(values: set[tuple[float, str]], metric_units: dict[str, str], wanted: set) -> set:
    """(metric, value) the peer can claim: a value whose unit is a metric's unit. Of two metrics of
    one unit it is credited with the one the gold wants, if any (it cannot tell them apart)."""
    out = set()
    for value, unit in values:
        metrics = [m for m, u in metric_units.items() if u == unit]
        hit = [m for m in metrics if (m, value) in wanted]
        out |= {(m, value) for m in (hit or metrics[:1])}
    return out


def main() -> None:
    parser_ = argparse.ArgumentParser()
    parser_.add_argument("--repeat", type=int, default=3, help="timing runs of each extractor (the median is shown)")
    args = parser_.parse_args()
    peer = _peer_parser()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, both extractors
    from scripts.extract.candidates import extract_text
    from scripts.extract.classify import Vocabulary
    from scripts.extract.evaluate import load_development_set
    from scripts.load import load_dataset
    from scripts.paths import REPO_ROOT, ProjectPaths

    class FrozenVocabulary(ProjectPaths):  # the metric words the development set is scored with
        metrics_file = DATA / "metrics.yaml"

    dataset, _ = load_dataset(FrozenVocabulary(REPO_ROOT))
    dev = load_development_set(DATA / "gold.yaml")
    vocab = Vocabulary.of(dataset.metrics, dataset.story.extractor)
    articles = {s: dataset.seeds[s] for s in dev.figures if s in dataset.seeds}
    metric_units = {m.id: m.unit for m in dataset.metrics.values()}

    def run_ours():
        return {s: extract_text(s, a.body, a.published, vocab) for s, a in articles.items()}

    def run_peer():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return {s: peer.parse(a.body) for s, a in articles.items()}

    timings = {"ours": [], "quantulum3": []}
    for _ in range(args.repeat):
        for name, run in (("ours", run_ours), ("quantulum3", run_peer)):
            empty_caches()  # every run does fresh work: no cache of the last run's words or dates
            started = time.process_time()
            result = run()
            timings[name].append(time.process_time() - started)
            if name == "ours":
                ours = result
            else:
                theirs = result

    for part, sources in (("all", set(articles)), ("measure", set(articles) & dev.measure)):
        gold_pairs = {s: {(g.metric, float(g.value)) for g in dev.figures[s]} for s in sources}
        gold_values = {s: {v for _, v in gold_pairs[s]} for s in sources}
        our_pairs = {s: {(c.metric, float(c.value)) for c in ours[s] if c.metric} for s in sources}
        our_values = {s: {v for _, v in our_pairs[s]} for s in sources}
        our_any = {s: {float(c.value) for c in ours[s]} for s in sources}
        peer_values = {s: {(float(q.value), UNIT_OF_PEER.get(q.unit.name, q.unit.name)) for q in theirs[s]}
                       for s in sources}
        peer_any = {s: {v for v, _ in peer_values[s]} for s in sources}
        peer_metric = {s: peer_pairs(peer_values[s], metric_units, gold_pairs[s]) for s in sources}
        print(f"\n{part} ({len(sources)} articles, {sum(len(g) for g in gold_pairs.values())} annotated figures)")
        rows = [("values, ours (placed numbers)", score_pairs(gold_values, our_values)),
                ("values, ours (every number)", score_pairs(gold_values, our_any)),
                ("values, quantulum3", score_pairs(gold_values, peer_any)),
                ("(metric, value), ours", score_pairs(gold_pairs, our_pairs)),
                ("(metric, value), quantulum3 by unit", score_pairs(gold_pairs, peer_metric))]
        for label, (precision, recall) in rows:
            print(f"  {label:<38} precision {precision:.3f}  recall {recall:.3f}")

    ours_s = sorted(timings["ours"])[len(timings["ours"]) // 2]
    peer_s = sorted(timings["quantulum3"])[len(timings["quantulum3"]) // 2]
    n = len(articles)
    print(f"\nthroughput, one core, median of {args.repeat} (CPU time): ours {n / ours_s:.0f} articles/s, "
          f"quantulum3 {n / peer_s:.1f} articles/s: ours is {peer_s / ours_s:.0f}× faster")


if __name__ == "__main__":
    main()
