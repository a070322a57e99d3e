"""Sentences generated from the facts: every number in them is computed, none typed."""

from __future__ import annotations

from scripts.records import UNNAMED_OUTLET, Dataset, Event, Metric, Observation, Quantity
from scripts.story import IncidentType
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
    """The home page's opening: the story's sentences, each filled from its metric's latest figure."""
    sentences = [key_figure_sentence(dataset, o.metric, o.text) for o in dataset.story.opening]
    return " ".join(s for s in sentences if s)


def incidents_reconciliation(dataset: Dataset, kind: IncidentType, events: list[Event]) -> str:
    """'The 3 strike records here add up to at least 32 deaths; the latest reported total, as of
    7 Oct 2025, is more than 30 (the Pentagon): …'"""
    incidents = [e for e in events if e.incident is not None and e.incident.type == kind and e.status == "verified"]
    if not incidents:
        return f"No individual {kind.noun} is recorded yet."
    known = [e.incident.toll for e in incidents if e.incident.toll is not None]
    counted = sum(q.lower for q in known)
    firm = len(known) == len(incidents) and all(q.qualifier == "exact" for q in known)
    toll = kind.figure(kind.toll)
    # records, not strikes: one record may cover several strikes announced together
    text = (f"The {len(incidents)} {kind.noun} record{'s' if len(incidents) != 1 else ''} here add up to "
            f"{format_quantity(Quantity(counted, 'exact' if firm else 'at_least'))} {kind.wording.toll_words or toll.words}")
    unknown = len(incidents) - len(known)
    if unknown:
        text += f"; {unknown} of them ha{'ve' if unknown != 1 else 's'} no reported {kind.wording.toll_name}"
    metric = summing_metric(dataset, kind.toll, kind.kind)
    latest = latest_figures(dataset.observations_of(metric.id)) if metric else []
    if latest:
        rows = reconcile(metric, latest[:1], dataset.events)
        text += (f". The latest reported total, as of {format_date(latest[0].as_of, latest[0].as_of_precision)}, "
                 f"is {format_quantity(latest[0].quantity)}, reported by {outlet_name(dataset, latest[0].source)}: "
                 f"{reconciliation_words(rows[0], kind, metric.sums.figure)}")
    return text + "."


def _either(reasons: list[str]) -> str:
    return ", ".join(reasons[:-1]) + " or " + reasons[-1]


def reconciliation_words(row: Reconciliation, kind: IncidentType, figure: str = "") -> str:
    """Why a reported total and the sum of the recorded incidents differ, from the numbers: beyond
    what every figure shares, the story's own reasons for its toll."""
    plural = kind.plural
    more = [f"{plural} we have no article for", f"{plural} announced without a figure"]
    less = ["a total older than its date", f"{plural} announced after it"]
    if figure == kind.toll:
        more, less = more + list(kind.wording.more_reasons), less + list(kind.wording.less_reasons)
    if row.unaccounted:
        text = (f"it counts {format_number(row.unaccounted)} more than the {plural} recorded by then add up to "
                f"({_either(more)})")
    elif row.beyond:
        text = f"the {plural} recorded by then add up to {format_number(row.beyond)} more ({_either(less)})"
    else:
        text = f"the {plural} recorded by then add up to as much, within the total's hedge"
    if row.without_figure:
        text += f"; {row.without_figure} of those {plural} give no figure"
    if row.revised_later:
        text += f"; {row.revised_later} figure{'s were' if row.revised_later != 1 else ' was'} revised after that date"
    return text


def recorded_sum_sentence(steps: list[SumStep], metric: Metric, plural: str) -> str:
    """' The dotted line adds up the strikes recorded here: at least 32 people by 5 Oct 2025.'"""
    if not steps:
        return ""
    last = steps[-1]
    return (f" The dotted line adds up the {plural} recorded here: "
            f"{format_quantity_with_unit(Quantity(last.total, 'at_least'), metric.unit)} by {format_date(last.day)}.")


def quantity_words(q: Quantity | None) -> str:
    return format_quantity(q) if q else "not reported"
