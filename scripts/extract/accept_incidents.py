"""Accepting strike incidents: each becomes a new strike event in the events file of its year, or,
when an event of its day (±1) and theater (or an unknown theater on either side) is recorded, a
new citation of that event — never a second event of the same strike. Where the source reads the
strike differently (another date, theater or toll), its citation carries its reading, with only
the fields that differ: an event's own figures change only through a correction.

Pure planning: what to write where; scripts/extract/accept.py writes and validates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scripts.extract.incident_queue import IncidentDraft, quantity_entry
from scripts.paths import ProjectPaths
from scripts.extract.incident_queue import STRIKE_FIGURES
from scripts.records import Dataset, Quantity
from scripts.wording import format_quantity

NEW_FILE = ("# yaml-language-server: $schema=../schemas/events.schema.json\n"
            "# US strikes on boats: one event per strike day and theater; each source's own reading on its\n"
            "# citation. Edited by hand; `python -m scripts accept` appends. Field guide: CONTRIBUTING.md.\n"
            "events:\n")
UNKNOWN = "unknown"
NUMBER_WORDS = ("no one", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


class IncidentRefused(Exception):
    """The incident cannot be accepted as it is; the message says what to give."""


@dataclass
class Target:
    """A strike event an incident may belong to: a recorded one, or one this command adds."""

    id: str
    day: date
    date_precision: str
    theater: str
    figures: dict[str, Quantity]
    path: Path
    cited: list[tuple[str, str]]
    entry: dict | None = None  # the new event's entry, when this command adds it


@dataclass(frozen=True)
class Reading:
    """What an incident says of its strike, after the editor's corrections."""

    day: date
    date_precision: str
    theater: str | None
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
    when = overrides.get("date") or incident.date
    if not when:
        raise IncidentRefused(f"{incident.id}: the incident has no date: give one with --date YYYY-MM-DD")
    try:
        day = date.fromisoformat(str(when))
    except ValueError:
        raise IncidentRefused(f"{incident.id}: '{when}' is not a date YYYY-MM-DD") from None
    figures = incident.figures()
    if overrides.get("killed") is not None:
        qualifier = overrides.get("qualifier") or incident.killed.qualifier
        figures["killed"] = Quantity(overrides["killed"], qualifier, overrides.get("high") if qualifier == "range" else None)
    precision = "day" if overrides.get("date") else incident.date_precision or "day"
    return Reading(day, precision, overrides.get("theater") or incident.theater, figures)


def targets_of(paths: ProjectPaths, dataset: Dataset) -> list[Target]:
    kind = dataset.story.incidents[0].kind if dataset.story.incidents else None
    return [Target(e.id, e.date, e.date_precision, e.incident.place, e.incident.figures(), paths.root / e.origin.path,
                   [(c.source, c.quote) for c in e.sources])
            for e in dataset.events if e.kind == kind and e.incident is not None]


def matching(targets: list[Target], reading: Reading) -> Target | None:
    """The event of the incident's strike: a day apart at most, the same theater or an unknown
    one; the nearest day first, then the same theater, then the same toll."""
    def fits(t: Target) -> bool:
        return abs((t.day - reading.day).days) <= 1 and (
            reading.theater in (None, UNKNOWN) or t.theater in (UNKNOWN, reading.theater))

    ranked = sorted((t for t in targets if fits(t)),
                    key=lambda t: (abs((t.day - reading.day).days), t.theater != reading.theater,
                                   t.figures.get("killed") != reading.figures.get("killed"), t.id))
    return ranked[0] if ranked else None


def citation_of(incident: IncidentDraft, reading: Reading, target: Target, note: str | None) -> dict:
    """The source and quote, with the source's reading where it differs from the event's."""
    citation: dict = {"source": incident.source, "quote": incident.quote}
    if reading.day != target.day:
        citation["date"] = reading.day.isoformat()
        if reading.date_precision != target.date_precision:
            citation["date_precision"] = reading.date_precision
    if reading.theater not in (None, UNKNOWN, target.theater):
        citation["theater"] = reading.theater
    for name, quantity in reading.figures.items():
        if target.figures.get(name) != quantity:
            citation[name] = quantity_entry(quantity, keep_exact=False)
    if note:
        citation["note"] = note
    return citation


def _count(quantity: Quantity) -> str:
    if quantity.qualifier == "exact" and float(quantity.value).is_integer() and quantity.value < len(NUMBER_WORDS):
        return NUMBER_WORDS[int(quantity.value)]
    return format_quantity(quantity)


def title_and_summary(reading: Reading, outlet: str) -> tuple[str, str]:
    """Written plainly from the figures: "Strike in the Eastern Pacific kills two"."""
    figures = reading.figures
    boats = figures.get("vessels")
    strikes = figures.get("strikes")
    several = any(q is not None and (q.value > 1 or q.qualifier != "exact") for q in (boats, strikes))
    where = f" in the {reading.theater}" if reading.theater not in (None, UNKNOWN) else ""
    toll = _count(figures["killed"])
    title = f"{'Strikes' if several else 'Strike'}{where or ' on a boat'} {'kill' if several else 'kills'} {toll}"
    if boats is not None:
        struck = f"struck {_count(boats)} boat{'s' if several else ''}"
    elif strikes is not None and several:
        struck = f"carried out {_count(strikes)} strikes on boats"
    else:
        struck = "struck a boat"
    killed = figures["killed"]
    were = "person was" if killed.value == 1 and killed.qualifier == "exact" else "people were"
    summary = f"The US military {struck}{where}; {toll} {were} killed"
    if figures.get("survivors") is not None:
        survivors = figures["survivors"]
        summary += f", and {_count(survivors)} survived" if survivors.value else ", and no one survived"
    return title[0].upper() + title[1:], f"{summary}, according to {outlet}."


def new_event(incident: IncidentDraft, reading: Reading, dataset: Dataset, taken: set[str],
              overrides: dict) -> dict:
    theater = reading.theater or UNKNOWN
    base = f"strike-{reading.day.isoformat()}-{theater.lower().replace(' ', '-')}"
    event_id, n = base, 2
    while event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    taken.add(event_id)
    seed = dataset.seeds.get(incident.source)
    title, summary = title_and_summary(reading, seed.outlet_shown if seed else incident.source)
    kind = dataset.story.incidents[0]
    block: dict = {kind.place_field: theater}
    block.update({name: quantity_entry(q) for name in STRIKE_FIGURES if (q := reading.figures.get(name))})
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
    targets = targets_of(paths, dataset)
    plans, refused = [], []
    for incident in incidents:
        try:
            reading = reading_of(incident, overrides)
        except IncidentRefused as err:
            refused.append(str(err))
            continue
        target = matching(targets, reading)
        if target is None:
            entry = new_event(incident, reading, dataset, taken, overrides)
            kind = dataset.story.incidents[0]
            path = paths.facts / f"events-{kind.pages}-{reading.day.year}.yaml"
            targets.append(Target(entry["id"], reading.day, reading.date_precision,
                                  entry[kind.kind][kind.place_field],
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
