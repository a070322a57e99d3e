"""Sentences generated from the facts: every number in them is computed, none typed."""

from __future__ import annotations

from scripts.records import UNNAMED_OUTLET, Dataset, Event, Metric, Observation, Quantity
from scripts.render.format import format_date, format_number, format_quantity, format_quantity_with_unit
from scripts.render.series import disagreements, latest_figures


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
    """'The N strikes recorded here account for X of the at least Y deaths reported by DATE.'"""
    strikes = [e for e in events if e.strike is not None and e.status == "verified"]
    if not strikes:
        return "No individual strike is recorded yet."
    known = [e.strike.killed for e in strikes if e.strike.killed is not None]
    counted = sum(q.lower for q in known)
    hedge = "at least " if any(q.qualifier != "exact" for q in known) else ""
    latest = latest_figures(dataset.observations_of("strike_deaths"))
    text = (f"The {len(strikes)} strikes recorded here individually account for {hedge}"
            f"{format_number(counted)} deaths")
    if latest:
        total = latest[0]
        text += (f" of the {format_quantity(total.quantity)} reported in all by "
                 f"{format_date(total.as_of, total.as_of_precision)}")
    unknown = len(strikes) - len(known)
    if unknown:
        text += f"; {unknown} of them have no reported toll"
    return text + ". The rest were reported only as running totals."


def quantity_words(q: Quantity | None) -> str:
    return format_quantity(q) if q else "not reported"
