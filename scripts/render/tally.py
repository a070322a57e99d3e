"""What the recorded events add up to, and how that compares with the totals the sources report
(computed here; drawn in charts.py, written in summaries.py and incidents.py).

The sum rule, written on the Methodology page: a metric with ``sums`` in facts/metrics.yaml
is the running total of a figure of recorded events (deaths of the incidents). Each verified
event adds the least its figure allows: "at least 3" adds 3, "23 to 24" adds 23, "up to 5"
adds 0, and an event that gives no figure adds the metric's ``unreported`` (an incident is at
least one incident). The sum can only claim what the recorded events say, never more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from scripts.records import Dataset, Event, EventSum, Metric, Observation, Quantity


@dataclass(frozen=True)
class SumStep:
    """The sum of the recorded events up to and including ``day``, and the events of that day."""

    day: date
    total: float
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Reconciliation:
    """A reported total beside the sum of the events recorded on or before its date."""

    reported: Observation
    recorded: float
    events: int            # recorded events on or before that date
    without_figure: int    # of them, those that give no figure
    revised_later: int     # of them, those whose figure was corrected after that date

    @property
    def unaccounted(self) -> float:
        """How much the reported total counts, at the least, beyond the recorded events."""
        return max(0.0, self.reported.quantity.lower - self.recorded)

    @property
    def beyond(self) -> float:
        """How much the recorded events add up to beyond the most the reported total allows."""
        return max(0.0, self.recorded - self.reported.quantity.upper)


def summed_events(events: list[Event] | tuple[Event, ...], sums: EventSum) -> list[Event]:
    """The verified events a metric sums, oldest first (ties keep file order)."""
    return sorted((e for e in events if e.kind == sums.kind and e.incident is not None and e.status == "verified"),
                  key=lambda e: e.date)


def event_figure(event: Event, sums: EventSum) -> Quantity | None:
    return event.incident.figure(sums.figure) if event.incident else None


def least_added(event: Event, sums: EventSum) -> float:
    """What an event adds to the lower-bound sum: the least its figure allows."""
    figure = event_figure(event, sums)
    return sums.unreported if figure is None else figure.lower


def recorded_sum(events: list[Event] | tuple[Event, ...], sums: EventSum) -> list[SumStep]:
    """The running sum of the recorded events, one step per day with an event."""
    steps: list[SumStep] = []
    total = 0.0
    for day, group in groupby(summed_events(events, sums), key=lambda e: e.date):
        group = tuple(group)
        total += sum(least_added(e, sums) for e in group)
        steps.append(SumStep(day, total, group))
    return steps


def sum_on(steps: list[SumStep], day: date) -> float:
    """The sum of the events recorded on or before ``day``."""
    return next((s.total for s in reversed(steps) if s.day <= day), 0.0)


def reconcile(metric: Metric, observations: list[Observation], events: tuple[Event, ...]) -> list[Reconciliation]:
    """Each verified whole-region total of a summed metric beside the recorded sum on its date."""
    if metric.sums is None:
        return []
    summed = summed_events(events, metric.sums)
    steps = recorded_sum(summed, metric.sums)
    rows = []
    for obs in observations:
        if not obs.whole_region or obs.status != "verified":
            continue
        before = [e for e in summed if e.date <= obs.as_of]
        rows.append(Reconciliation(
            reported=obs, recorded=sum_on(steps, obs.as_of), events=len(before),
            without_figure=sum(1 for e in before if event_figure(e, metric.sums) is None),
            revised_later=sum(1 for e in before for c in e.corrections
                              if c.field == metric.sums.figure and c.date > obs.as_of)))
    return rows


def summing_metric(dataset: Dataset, figure: str | None, kind: str) -> Metric | None:
    """The metric whose running total sums this figure of these events, if one is configured."""
    return next((m for m in dataset.metrics.values()
                 if m.sums is not None and (m.sums.kind, m.sums.figure) == (kind, figure)), None)
