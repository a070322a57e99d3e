"""What every benchmark needs to measure fresh work: the project's caches emptied before each
run (an lru_cache hit is not a time), and a reference measured in the same run, so a time can be
read as a ratio to what this machine did at that moment (its speed varies from run to run)."""

from __future__ import annotations

import sys
import time

REFERENCE_STEPS = 2_000_000


def empty_caches() -> int:
    """Empty every functools cache of the project's modules (article texts, words, dates,
    compiled schemas): each run then does what a fresh process would. Returns how many."""
    emptied = 0
    for name, module in list(sys.modules.items()):
        if not (name == "scripts" or name.startswith("scripts.")) or module is None:
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                value.cache_clear()
                emptied += 1
    return emptied


def _loop(steps: int) -> int:
    total = 0
    for i in range(steps):
        total += i % 7
    return total


def reference_seconds(runs: int = 3) -> float:
    """The fastest of ``runs`` timings of a fixed pure-Python loop of 2 million steps."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        _loop(REFERENCE_STEPS)
        best = min(best, time.perf_counter() - started)
    return best


def against_reference(seconds: float, reference: float) -> str:
    return f"{seconds / reference:.1f}× the reference loop ({reference:.3f} s, measured in this run)"
