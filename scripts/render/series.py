"""What a chart of one metric shows, computed from its observations (no drawing here).

The line rule, written on the Methodology page: for a running total, the line at each date is
the highest lower bound that any verified whole-region figure gives on or before that date
(a total cannot fall, and 'at least 87' and '87' both say it reached 87). For a level, the line
joins the highest lower bound reported at each date. Upper bounds ('up to 39') never raise the
line: they say how high it could be, not that it got there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from scripts.records import LOWER_BOUNDS, QUALIFIERS, UPPER_BOUNDS, Metric, Observation

# Figures of the same metric within this many days of each other describe "about the same date".
DISAGREEMENT_WINDOW = timedelta(days=3)


@dataclass(frozen=True)
class LinePoint:
    day: date
    value: float
    basis: Observation


@dataclass(frozen=True)
class Disagreement:
    """Two whole-region figures of about the same date that cannot both be right."""

    first: Observation
    second: Observation


def hedge_class(qualifier: str) -> str:
    """exact / about / lower / upper: what a marker's shape says."""
    if qualifier in LOWER_BOUNDS:
        return "lower"
    if qualifier in UPPER_BOUNDS:
        return "upper"
    return qualifier


def line_floor(obs: Observation) -> float | None:
    """The value an observation lets the line reach, or None when it cannot raise it."""
    if obs.qualifier in UPPER_BOUNDS:
        return None
    return obs.value


def best_supported_line(metric: Metric, observations: list[Observation]) -> list[LinePoint]:
    points: list[LinePoint] = []
    by_day: dict[date, Observation] = {}
    for obs in observations:
        if not obs.whole_region or obs.status != "verified" or line_floor(obs) is None:
            continue
        best = by_day.get(obs.as_of)
        if best is None or _strength(obs) > _strength(best):
            by_day[obs.as_of] = obs
    running: LinePoint | None = None
    for day in sorted(by_day):
        obs = by_day[day]
        if metric.kind == "cumulative":
            if running is None or obs.value >= running.value:
                running = LinePoint(day, obs.value, obs)
            else:
                running = LinePoint(day, running.value, running.basis)
            points.append(running)
        else:
            points.append(LinePoint(day, obs.value, obs))
    return points


def _strength(obs: Observation) -> tuple:
    """Highest value first; at equal values an exact figure beats a hedged one."""
    return (obs.value, -QUALIFIERS.index(obs.qualifier))


def conflict(a: Observation, b: Observation, cumulative: bool) -> bool:
    """Whether two figures of about the same date cannot both be true.

    A running total may grow between two dates, so for one the later figure only conflicts when it
    is lower than the earlier one; on the same date, or for a level, any gap between ranges does.
    """
    if a.source == b.source or abs(a.as_of - b.as_of) > DISAGREEMENT_WINDOW:
        return False
    if cumulative and a.as_of != b.as_of:
        earlier, later = (a, b) if a.as_of < b.as_of else (b, a)
        return later.quantity.upper < earlier.quantity.lower
    return a.quantity.upper < b.quantity.lower or b.quantity.upper < a.quantity.lower


def disagreements(observations: list[Observation], cumulative: bool = True) -> list[Disagreement]:
    """Pairs of whole-region verified figures of about the same date that cannot both be true
    (``conflict``), in the order of ``observations``.

    Comparing every pair grew with the square of a metric's figures (16,000 figures: 128 million
    comparisons). Figures are grouped by day and sorted by their bounds instead, so each figure
    looks only at the days of its window and, there, only at the figures below (or above) its
    range: the work grows with the figures plus the pairs found."""
    plotted = [o for o in observations if o.whole_region and o.status == "verified"]
    days = _by_day(plotted)
    pairs = set()
    for i, a in enumerate(plotted):
        for step in range(DISAGREEMENT_WINDOW.days + 1):
            day = days.get(a.as_of + timedelta(days=step))
            if day is None:
                continue
            # Same day, or a level: any gap between ranges, found once from the figure above it.
            found = day.below(a.quantity.lower)
            if step and not cumulative:
                found += day.above(a.quantity.upper)
            pairs.update((min(i, j), max(i, j)) for j in found if plotted[j].source != a.source)
    return [Disagreement(plotted[i], plotted[j]) for i, j in sorted(pairs)]


class _Day:
    """The figures of one day, sorted by upper and by lower bound, as indexes into the list."""

    def __init__(self, items: list[tuple[int, Observation]]):
        by_upper = sorted(items, key=lambda item: item[1].quantity.upper)
        by_lower = sorted(items, key=lambda item: item[1].quantity.lower)
        self._uppers = [o.quantity.upper for _, o in by_upper]
        self._upper_ids = [i for i, _ in by_upper]
        self._lowers = [o.quantity.lower for _, o in by_lower]
        self._lower_ids = [i for i, _ in by_lower]

    def below(self, value: float) -> list[int]:
        """The figures whose whole range lies below ``value``."""
        return self._upper_ids[:bisect_left(self._uppers, value)]

    def above(self, value: float) -> list[int]:
        """The figures whose whole range lies above ``value``."""
        return self._lower_ids[bisect_right(self._lowers, value):]


def _by_day(plotted: list[Observation]) -> dict[date, _Day]:
    groups: dict[date, list[tuple[int, Observation]]] = {}
    for i, obs in enumerate(plotted):
        groups.setdefault(obs.as_of, []).append((i, obs))
    return {day: _Day(items) for day, items in groups.items()}


def latest_figures(observations: list[Observation]) -> list[Observation]:
    """The whole-region verified figures of the most recent date, strongest first."""
    plotted = [o for o in observations if o.whole_region and o.status == "verified"]
    if not plotted:
        return []
    newest = max(o.as_of for o in plotted)
    latest = [o for o in plotted if o.as_of == newest]
    return sorted(latest, key=lambda o: (_strength(o), o.id), reverse=True)
