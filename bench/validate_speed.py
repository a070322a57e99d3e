"""Validation time for a tracker of 10,000 facts (1,000 articles), on one core: every run reads
and checks everything again, caches emptied (no cache hit is reported as a time), beside a
reference loop timed in the same run.

    .venv/bin/python bench/validate_speed.py [--articles 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fresh import against_reference, empty_caches, reference_seconds  # noqa: E402
from bench.synthetic import build_synthetic  # noqa: E402
from scripts.validate import validate_project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as folder:
        paths = build_synthetic(Path(folder) / "tracker", args.articles)
        runs = []
        for _ in range(args.runs):
            empty_caches()
            started = time.perf_counter()
            dataset, problems = validate_project(paths)
            runs.append(time.perf_counter() - started)
        reference = reference_seconds()
        errors = [p for p in problems if p.severity == "error"]
        assert not errors, errors[:3]
        best, median = min(runs), sorted(runs)[len(runs) // 2]
        print(f"validated {len(dataset.observations):,} facts from {len(dataset.seeds):,} articles, fresh each run: "
              f"best {best:.2f} s, median {median:.2f} s on one core; best = {against_reference(best, reference)}")


if __name__ == "__main__":
    main()
