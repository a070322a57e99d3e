"""A change to the facts as a sentence a reader can take in: "Added: at least 148 people killed in
the strikes, as of 20 Feb 2026 — CiberCuba". Hedges and ranges are written the way the figures
are everywhere else (scripts/wording.py); every word about the figure comes from the facts."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.history import Change
from scripts.past_facts import PastEvent, PastFigure
from scripts.records import Dataset
from scripts.story import IncidentType
from scripts.wording import format_date, format_quantity
from scripts.render.links import Links
from scripts.render.phrases import figure_words
from scripts.render.summaries import outlet_name

KIND_WORDS = {"added": "Added", "corrected": "Corrected", "changed": "Changed", "retracted": "Retracted",
              "removed": "Removed"}


@dataclass(frozen=True)
class ChangeSentence:
    """'{kind}: {what}{detail} — {source}', with ``what`` linked to the page that shows it."""

    kind: str
    what: str
    detail: str
    source: str
    href: str | None

    @property
    def text(self) -> str:
        return f"{self.kind}: {self.what}{self.detail}" + (f" — {self.source}" if self.source else "")


def _as_of(figure: PastFigure) -> str:
    return f", as of {format_date(figure.as_of, figure.as_of_precision)}" if figure.as_of else ""


def _figure_sentence(change: Change, dataset: Dataset, links: Links) -> ChangeSentence:
    before, after = change.before, change.after
    figure: PastFigure = after or before  # type: ignore[assignment]
    metric = dataset.metrics.get(figure.metric)
    shown = any(o.id == figure.id for o in dataset.observations_of(figure.metric, ("verified", "disputed")))
    href = links.fact(figure.metric, figure.id) if shown else (links.metric(figure.metric) if metric else None)
    scope = f" ({figure.scope})" if figure.scope else ""
    source = outlet_name(dataset, figure.source)
    if change.kind in ("corrected", "changed") and before is not None and after is not None:
        what = figure_words(metric, None, figure.metric) + scope
        detail = _as_of(after)
        if before.quantity != after.quantity:
            detail += (f", from {format_quantity(before.quantity, metric.unit if metric else None)}"
                       f" to {format_quantity(after.quantity, metric.unit if metric else None)}")
        if before.as_of != after.as_of and before.as_of:
            detail += f" (was as of {format_date(before.as_of, before.as_of_precision)})"
        return ChangeSentence(KIND_WORDS[change.kind], what, detail, source, href)
    return ChangeSentence(KIND_WORDS[change.kind], figure_words(metric, figure.quantity, figure.metric) + scope,
                          _as_of(figure), source, href)


def _event_name(event: PastEvent, kind: IncidentType | None) -> str:
    when = format_date(event.date, event.date_precision) if event.date else "an unknown date"
    if kind is None:
        return f"{event.title} ({when})"
    where = f" in the {event.place}" if event.place and event.place != kind.unknown_place else ""
    count = event.figure(kind.count)
    several = count is not None and count.value > 1
    return f"{kind.plural if several else kind.noun} of {when}{where}"


def _not_reported(q) -> str:
    return format_quantity(q) if q else "not reported"


def _event_sentence(change: Change, dataset: Dataset, links: Links) -> ChangeSentence:
    before, after = change.before, change.after
    event: PastEvent = after or before  # type: ignore[assignment]
    kind = dataset.story.incident(event.kind)
    current = next((e for e in dataset.events if e.id == event.id and e.status == "verified"), None)
    href = None if current is None else links.incident(current)
    source = outlet_name(dataset, event.source) if event.source else ""
    verb = KIND_WORDS[change.kind]
    if change.kind == "added" and kind is None:
        verb = "Added to the timeline"
    detail = ""
    toll = kind.label(kind.toll).lower() if kind else ""
    if kind is not None and change.kind not in ("corrected", "changed"):
        figure = event.figure(kind.toll)
        detail = f", {format_quantity(figure)} {toll}" if figure else f", {kind.wording.toll_name} not reported"
    elif before is not None and after is not None and change.kind in ("corrected", "changed"):
        if kind is not None and before.figure(kind.toll) != after.figure(kind.toll):
            detail += (f", {toll} from {_not_reported(before.figure(kind.toll))}"
                       f" to {_not_reported(after.figure(kind.toll))}")
        if (before.date, before.date_precision) != (after.date, after.date_precision) and before.date:
            detail += f" (was dated {format_date(before.date, before.date_precision)})"
        if before.place != after.place and before.place:
            detail += f" (was placed in the {before.place})"
    return ChangeSentence(verb, _event_name(event, kind), detail, source, href)


def change_sentence(change: Change, dataset: Dataset, links: Links) -> ChangeSentence:
    build = _event_sentence if change.is_event else _figure_sentence
    return build(change, dataset, links)
