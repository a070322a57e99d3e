"""Accepting incidents (story.yaml `incidents:`): each becomes a new event of its kind in the events
file of its year, or, when an event of its day (±1) and place (or an unknown place on either side)
is recorded, a new citation of that event — never a second event of the same incident. Where the
source reads the incident differently (another date, place or figure), its citation carries its
reading, with only the fields that differ: an event's own figures change only through a correction.
A new event's title and summary are written from the story's wording (incident_wording.py).

Pure planning: what to write where; scripts/extract/accept.py writes and validates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scripts.extract.incident_queue import IncidentDraft, quantity_entry
from scripts.extract.incident_wording import title_and_summary
from scripts.paths import ProjectPaths
from scripts.records import Dataset, Quantity
from scripts.story import IncidentType


def new_events_file(incident: IncidentType) -> str:
    """The head of a new events file of an incident type's year."""
    return ("# yaml-language-server: $schema=../schemas/events.schema.json\n"
            f"# {incident.plural.capitalize()}: one event per {incident.noun} day and {incident.place_field}; "
            "each source's own\n# reading on its citation. Edited by hand; `python -m scripts accept` appends. "
            "Field guide: CONTRIBUTING.md.\nevents:\n")


class IncidentRefused(Exception):
    """The incident cannot be accepted as it is; the message says what to give."""


@dataclass
class Target:
    """An event an incident may belong to: a recorded one, or one this command adds."""

    id: str
    day: date
    date_precision: str
    place: str
    figures: dict[str, Quantity]
    path: Path
    cited: list[tuple[str, str]]
    entry: dict | None = None  # the new event's entry, when this command adds it


@dataclass(frozen=True)
class Reading:
    """What an incident says of itself, after the editor's corrections."""

    day: date
    date_precision: str
    place: str | None
    figures: dict[str, Quantity] = field(default_factory=dict)


@dataclass(frozen=True)
class IncidentPlan:
    """``how``: "added" (a new event, ``entry``, appended), "cited" (``citation`` added to a recorded
    event), "joined" (cited on an event this command adds), "already" (the event cites the article)."""

    incident: IncidentDraft
    event_id: str
    path: Path
    how: str
    entry: dict | None = None
    citation: dict | None = None


def reading_of(incident: IncidentDraft, overrides: dict) -> Reading:
    """The incident as accepted: the overrides (``date``, ``place``, ``toll`` with ``qualifier`` and
    ``high``, ``figures`` by name) over the drafts file's reading."""
    when = overrides.get("date") or incident.date
    if not when:
        raise IncidentRefused(f"{incident.id}: the incident has no date: give one with --date YYYY-MM-DD")
    try:
        day = date.fromisoformat(str(when))
    except ValueError:
        raise IncidentRefused(f"{incident.id}: '{when}' is not a date YYYY-MM-DD") from None
    kind = incident.type
    figures = dict(incident.figures)
    for name, value in (overrides.get("figures") or {}).items():
        if name not in kind.figure_names or name == kind.toll:
            others = [f for f in kind.figure_names if f != kind.toll]
            raise IncidentRefused(f"{incident.id}: --figure {name}: '{kind.kind}' has no figure '{name}' other than "
                                  f"its toll (give one of: {', '.join(others)}; the toll with --toll)")
        figures[name] = Quantity(value, "exact")
    if overrides.get("toll") is not None:
        qualifier = overrides.get("qualifier") or incident.toll.qualifier
        figures[kind.toll] = Quantity(overrides["toll"], qualifier, overrides.get("high") if qualifier == "range" else None)
    place = overrides.get("place") or incident.place
    if place is not None and place not in kind.place_names:
        raise IncidentRefused(f"{incident.id}: '{place}' is not a {kind.place_field} of '{kind.kind}' in story.yaml "
                              f"(give one of: {', '.join(kind.place_names)})")
    precision = "day" if overrides.get("date") else incident.date_precision or "day"
    return Reading(day, precision, place, figures)


def targets_of(paths: ProjectPaths, dataset: Dataset, kind: str) -> list[Target]:
    return [Target(e.id, e.date, e.date_precision, e.incident.place, e.incident.figures(), paths.root / e.origin.path,
                   [(c.source, c.quote) for c in e.sources])
            for e in dataset.events if e.kind == kind and e.incident is not None]


def matching(targets: list[Target], reading: Reading, kind: IncidentType) -> Target | None:
    """The event of the incident: a day apart at most, the same place or an unknown one; the
    nearest day first, then the same place, then the same toll."""
    unknown = kind.unknown_place

    def fits(t: Target) -> bool:
        return abs((t.day - reading.day).days) <= 1 and (
            reading.place in (None, unknown) or t.place in (unknown, reading.place))

    ranked = sorted((t for t in targets if fits(t)),
                    key=lambda t: (abs((t.day - reading.day).days), t.place != reading.place,
                                   t.figures.get(kind.toll) != reading.figures.get(kind.toll), t.id))
    return ranked[0] if ranked else None


def citation_of(incident: IncidentDraft, reading: Reading, target: Target, note: str | None) -> dict:
    """The source and quote, with the source's reading where it differs from the event's."""
    kind = incident.type
    citation: dict = {"source": incident.source, "quote": incident.quote}
    if reading.day != target.day:
        citation["date"] = reading.day.isoformat()
        if reading.date_precision != target.date_precision:
            citation["date_precision"] = reading.date_precision
    if reading.place not in (None, kind.unknown_place, target.place):
        citation[kind.place_field] = reading.place
    for name, quantity in reading.figures.items():
        if target.figures.get(name) != quantity:
            citation[name] = quantity_entry(quantity, keep_exact=False)
    if note:
        citation["note"] = note
    return citation


def _slug(text: str) -> str:
    return text.lower().replace(" ", "-")


def new_event(incident: IncidentDraft, reading: Reading, dataset: Dataset, taken: set[str],
              overrides: dict) -> dict:
    kind = incident.type
    place = reading.place or kind.unknown_place
    base = f"{_slug(kind.kind)}-{reading.day.isoformat()}-{_slug(place)}"
    event_id, n = base, 2
    while event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    taken.add(event_id)
    seed = dataset.seeds.get(incident.source)
    title, summary = title_and_summary(kind, reading.place, reading.figures,
                                       seed.outlet_shown if seed else incident.source)
    block: dict = {kind.place_field: place}
    block.update({name: quantity_entry(q) for name in kind.figure_names if (q := reading.figures.get(name))})
    entry = {"id": event_id, "date": reading.day.isoformat(), "date_precision": reading.date_precision,
             "kind": kind.kind, "title": title, "summary": summary,
             "sources": [{"source": incident.source, "quote": incident.quote}], kind.kind: block,
             "status": overrides.get("status") or "verified"}
    if overrides.get("note"):
        entry["note"] = overrides["note"]
    return entry


def plan_incidents(paths: ProjectPaths, dataset: Dataset, incidents: list[IncidentDraft], overrides: dict,
                   taken: set[str]) -> tuple[list[IncidentPlan], list[str]]:
    """What each incident adds, in order (an incident may join an event an earlier one adds), and
    why the others cannot be accepted."""
    targets: dict[str, list[Target]] = {}
    plans, refused = [], []
    for incident in incidents:
        try:
            reading = reading_of(incident, overrides)
        except IncidentRefused as err:
            refused.append(str(err))
            continue
        kind = incident.type
        of_kind = targets.setdefault(kind.kind, targets_of(paths, dataset, kind.kind))
        target = matching(of_kind, reading, kind)
        if target is None:
            entry = new_event(incident, reading, dataset, taken, overrides)
            path = paths.facts / f"events-{kind.pages}-{reading.day.year}.yaml"
            of_kind.append(Target(entry["id"], reading.day, reading.date_precision, entry[kind.kind][kind.place_field],
                                  reading.figures, path, [(incident.source, incident.quote)], entry))
            plans.append(IncidentPlan(incident, entry["id"], path, "added", entry=entry))
        elif (citation := citation_of(incident, reading, target, overrides.get("note"))) and (
                incident.source in {source for source, _ in target.cited} and citation.keys() <= {"source", "quote"}):
            # The article is cited already and this sentence says nothing else: one citation is enough.
            plans.append(IncidentPlan(incident, target.id, target.path, "already"))
        else:
            target.cited.append((incident.source, incident.quote))
            if target.entry is not None:
                target.entry["sources"].append(citation)
            how = "joined" if target.entry is not None else "cited"
            plans.append(IncidentPlan(incident, target.id, target.path, how, citation=citation))
    return plans, refused
