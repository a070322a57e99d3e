"""Rendering grows with the data, not with its square: the disagreements of a metric with many
figures are found without comparing every pair, and exactly as the pairwise rule says."""

from __future__ import annotations

import cProfile
import pstats
import random
from datetime import date, timedelta

import pytest

from scripts.records import Observation, Origin, Quantity
from scripts.render.series import conflict, disagreements

QUALIFIERS = ("exact", "about", "at_least", "more_than", "up_to", "less_than")


def figures(count: int, days: int, seed: int = 7) -> list[Observation]:
    rnd = random.Random(seed)
    start = date(2025, 1, 1)
    return [Observation(id=f"f-{i}", metric="m", quantity=Quantity(rnd.choice((10, 12, 20, 30, 31)) + i // 50,
                                                                    rnd.choice(QUALIFIERS)),
                        as_of=start + timedelta(days=rnd.randrange(days)), as_of_precision="day",
                        scope=rnd.choice((None, None, None, "one ship")), source=f"s{rnd.randrange(9)}",
                        quote="q" * 10, attribution=None, status=rnd.choice(("verified", "verified", "draft")),
                        note=None, origin=Origin("facts/x.yaml", 1, 1)) for i in range(count)]


@pytest.mark.parametrize("cumulative", [True, False])
@pytest.mark.parametrize("seed", range(5))
def test_disagreements_are_exactly_the_pairs_the_rule_finds(cumulative, seed):
    data = figures(400, 40, seed)
    plotted = [o for o in data if o.whole_region and o.status == "verified"]
    expected = [(a.id, b.id) for i, a in enumerate(plotted) for b in plotted[i + 1:] if conflict(a, b, cumulative)]
    found = [(d.first.id, d.second.id) for d in disagreements(data, cumulative)]
    assert expected and found == expected


def calls(function, *args) -> int:
    profile = cProfile.Profile()
    profile.runcall(function, *args)
    return pstats.Stats(profile).total_calls


def test_four_times_the_figures_is_about_four_times_the_work():
    # Function calls, not seconds: a count the machine's pauses cannot change. The figures keep
    # their density in time (four times the figures over four times the days).
    small = calls(disagreements, figures(2000, 500), True)
    large = calls(disagreements, figures(8000, 2000), True)
    assert large < 6 * small, (small, large)
