"""Sentences generated from the facts: every number in them is computed, none typed."""

from __future__ import annotations

from scripts.records import UNNAMED_OUTLET, Dataset, Event, Metric, Observation, Quantity
from scripts.wording import format_date, format_number, format_quantity, format_quantity_with_unit, unit_words
from scripts.render.series import disagreements, latest_figures
from scripts.render.tally import Reconciliation, SumStep, reconcile, summing_metric


def outlet_name(dataset: Dataset, seed_id: str) -> str:
    seed = dataset.seeds.get(seed_id)
    return UNNAMED_OUTLET if seed is None else seed.outlet_shown


def metric_summary(dataset: Dataset, metric: Metric, observations: list[Observation]) -> str:
    plotted = [o for o in observations if o.whole_region and o.status == "verified"]
    if not plotted:
        return "No figure for the whole region yet; the table lists figures for parts of it."
    sources = {o.source for o in plotted}
    latest = latest_figures(plotted)[0]
    text = (f"{len(plotted)} figure{'s' if len(plotted) != 1 else ''} from {len(sources)} "
            f"article{'s' if len(sources) != 1 else ''}. The latest, as of "
            f"{format_date(latest.as_of, latest.as_of_precision)}, is "
            f"{format_quantity_with_unit(latest.quantity, metric.unit)} ({outlet_name(dataset, latest.source)}).")
    found = disagreements(plotted, metric.kind == "cumulative")
    if found:
        text += (f" Sources disagree on {len(found)} pair{'s' if len(found) != 1 else ''} of figures of about "
                 "the same date, circled in red.")
    return text


def key_figure_sentence(dataset: Dataset, metric_id: str, template: str) -> str | None:
    """Fill a template like 'US forces had carried out {q} strikes by {date}' from the latest figure."""
    metric = dataset.metrics.get(metric_id)
    latest = latest_figures(dataset.observations_of(metric_id)) if metric else []
    if not latest:
        return None
    obs = latest[0]
    return template.format(q=format_quantity(obs.quantity, metric.unit),
                           date=format_date(obs.as_of, obs.as_of_precision),
                           outlet=outlet_name(dataset, obs.source))


def home_summary(dataset: Dataset) -> str:
    sentences = [
        key_figure_sentence(dataset, "boat_strikes",
                            "US forces had carried out {q} strikes on alleged drug boats as of {date}."),
        key_figure_sentence(dataset, "strike_deaths", "The latest reported toll is {q} people killed ({date})."),
        key_figure_sentence(dataset, "us_personnel",
                            "The buildup brought {q} US military personnel to the region ({date})."),
        key_figure_sentence(dataset, "tankers_seized", "US forces had seized {q} oil tankers by {date}."),
    ]
    return " ".join(s for s in sentences if s)


def strikes_reconciliation(dataset: Dataset, events: list[Event]) -> str:
    """'The 3 strikes recorded here add up to at least 32 deaths; the latest reported total, as of
    7 Oct 2025, is more than 30 (the Pentagon): …'"""
    strikes = [e for e in events if e.strike is not None and e.status == "verified"]
    if not strikes:
        return "No individual strike is recorded yet."
    known = [e.strike.killed for e in strikes if e.strike.killed is not None]
    counted = sum(q.lower for q in known)
    hedge = "at least " if len(known) < len(strikes) or any(q.qualifier != "exact" for q in known) else ""
    text = (f"The {len(strikes)} strike{'s' if len(strikes) != 1 else ''} recorded here add up to {hedge}"
            f"{format_number(counted)} deaths")
    unknown = len(strikes) - len(known)
    if unknown:
        text += f"; {unknown} of them ha{'ve' if unknown != 1 else 's'} no reported toll"
    metric = summing_metric(dataset, "killed")
    latest = latest_figures(dataset.observations_of(metric.id)) if metric else []
    if latest:
        rows = reconcile(metric, latest[:1], dataset.events)
        text += (f". The latest reported total, as of {format_date(latest[0].as_of, latest[0].as_of_precision)}, "
                 f"is {format_quantity(latest[0].quantity)}, reported by {outlet_name(dataset, latest[0].source)}: "
                 f"{reconciliation_words(rows[0], metric.sums.figure)}")
    return text + "."


# Why a reported total can count more (or less) than the recorded strikes, beyond what every figure shares.
_MORE, _LESS = ["strikes we have no article for", "strikes announced without a figure"], \
    ["a total older than its date", "strikes announced after it"]
_FIGURE_REASONS = {"killed": ("people presumed dead counted in the total", "people presumed dead left out of it")}


def _either(reasons: list[str]) -> str:
    return ", ".join(reasons[:-1]) + " or " + reasons[-1]


def reconciliation_words(row: Reconciliation, figure: str = "") -> str:
    """Why a reported total and the sum of the recorded strikes differ, from the numbers."""
    more, less = _FIGURE_REASONS.get(figure, (None, None))
    if row.unaccounted:
        text = (f"it counts {format_number(row.unaccounted)} more than the strikes recorded by then add up to "
                f"({_either(_MORE + [more] if more else _MORE)})")
    elif row.beyond:
        text = (f"the strikes recorded by then add up to {format_number(row.beyond)} more "
                f"({_either(_LESS + [less] if less else _LESS)})")
    else:
        text = "the strikes recorded by then add up to as much, within the total's hedge"
    if row.without_figure:
        text += f"; {row.without_figure} of those strikes give no figure"
    if row.revised_later:
        text += f"; {row.revised_later} figure{'s were' if row.revised_later != 1 else ' was'} revised after that date"
    return text


def recorded_sum_sentence(steps: list[SumStep], metric: Metric) -> str:
    """' The dotted line adds up the strikes recorded here: at least 32 people by 5 Oct 2025.'"""
    if not steps:
        return ""
    last = steps[-1]
    return (f" The dotted line adds up the strikes recorded here: at least "
            f"{format_number(last.total)} {unit_words(last.total, metric.unit)} by {format_date(last.day)}.")


def quantity_words(q: Quantity | None) -> str:
    return format_quantity(q) if q else "not reported"
