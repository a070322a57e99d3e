"""The review queue as an editor reads it in a terminal: one candidate per block, the figure marked
in its sentence, so checking does not need the drafts file open. Pure: drafts in, lines out."""

from __future__ import annotations

from scripts.extract.incident_queue import IncidentDraft
from scripts.extract.queue import Draft
from scripts.records import Quantity
from scripts.wording import format_quantity

CONTEXT = 110  # characters kept either side of the figure in a long sentence


def marked_sentence(draft: Draft) -> str:
    """The sentence with the figure in [brackets], shortened around it when long."""
    figure, quote = draft.figure(), draft.quote
    if figure is None:
        return " ".join(quote.split())
    before, number, after = quote[: figure.start], quote[figure.start: figure.end], quote[figure.end:]
    before, after = " ".join(before.split()), " ".join(after.split())
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:].split(" ", 1)[-1]
    if len(after) > CONTEXT:
        after = after[:CONTEXT].rsplit(" ", 1)[0] + "…"
    space_before = " " if before and quote[figure.start - 1: figure.start].isspace() else ""
    space_after = " " if after and quote[figure.end: figure.end + 1].isspace() else ""
    return f"{before}{space_before}[{number}]{space_after}{after}"


def describe(draft: Draft) -> str:
    figure = format_quantity(Quantity(draft.value, draft.qualifier))
    as_of = f"as of {draft.as_of} ({draft.as_of_precision})" if draft.as_of else "no as-of date"
    parts = [draft.id, draft.metric or "(no metric)", figure, as_of]
    if draft.scope:
        parts.append(f"scope: {draft.scope}")
    if draft.attribution:
        parts.append(f"attribution: {draft.attribution}")
    return "  ".join(parts)


def describe_incident(incident: IncidentDraft) -> str:
    """The incident's id, date, place and each figure it gives, with its hedge."""
    when = f"{incident.date} ({incident.date_precision or 'day'})" if incident.date else "no date (give --date)"
    figures = [f"{name} {format_quantity(incident.figures[name])}" for name in incident.type.figure_names
               if name in incident.figures]
    where = incident.place or f"{incident.type.place_field} {incident.type.unknown_place}"
    return "  ".join([incident.id, incident.kind, when, where, *figures])


def review_lines(source: str, drafts: list[Draft | IncidentDraft]) -> list[str]:
    candidates = [d for d in drafts if isinstance(d, Draft)]
    incidents = [d for d in drafts if isinstance(d, IncidentDraft)]
    placed = sum(d.metric is not None for d in candidates)
    lines = [f"{source}: {placed} candidate(s) placed in a metric, {len(candidates) - placed} not placed"]
    for draft in candidates:
        lines += ["  " + describe(draft), "      " + marked_sentence(draft)]
    if incidents:
        lines.append(f"{source}: {len(incidents)} incident(s): `accept` adds each as a new event, "
                     "or cites it on the event of its day and place")
    for incident in incidents:
        lines += ["  " + describe_incident(incident), "      " + " ".join(incident.quote.split())]
    return lines
