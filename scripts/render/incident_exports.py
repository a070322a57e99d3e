"""<incidents>.csv (e.g. strikes.csv): one row per verified incident of a type, with each figure's
hedge, its sources, how many sources read it differently and how many times it was corrected; and
its Data Package resource. The columns are the story's: its place field and its figures."""

from __future__ import annotations

from urllib.parse import urljoin

from scripts.records import Event, Quantity
from scripts.render.csv_cells import csv_number, csv_text
from scripts.story import IncidentType

_SUFFIXES = ("", "_qualifier", "_high")


def incident_fields(kind: IncidentType) -> tuple[str, ...]:
    return ("id", "date", "date_precision", "title", kind.place_field,
            *(f"{name}{suffix}" for name in kind.figure_names for suffix in _SUFFIXES),
            "sources", "disagreements", "corrections", "url")


def incident_field_descriptions(kind: IncidentType) -> dict[str, str]:
    noun = kind.noun
    return {
        "id": f"Stable identifier of the {noun} event; never reused.",
        "date": f"The day of the {noun} (or the announcement's day when the {noun}'s is not known).",
        "date_precision": "day, month, or approx (around that date).",
        "title": "A short title of the event.",
        kind.place_field: " or ".join([", ".join(kind.place_names[:-1]), kind.place_names[-1]]
                                      if len(kind.place_names) > 1 else list(kind.place_names)) + ".",
        **{field: text for f in kind.figures for field, text in (
            (f.name, f"Number of {f.words}, as the sources give it (with qualifier range, the low end); empty when "
                     "not reported."),
            (f"{f.name}_qualifier", f"Hedge of {f.name}: exact, about, at_least, more_than, up_to, less_than, range."),
            (f"{f.name}_high", f"With {f.name}_qualifier range: the high end; empty otherwise."))},
        "sources": f"Ids of the articles cited for the {noun}, separated by ';'.",
        "disagreements": f"How many sources give a reading of the {noun} that differs from this row's.",
        "corrections": "How many times a figure of this row was corrected after publication.",
        "url": f"The {noun}'s page on the site.",
    }


def _types(kind: IncidentType) -> dict[str, str]:
    return {"date": "date", "disagreements": "integer", "corrections": "integer",
            **{f"{name}{suffix}": "number" for name in kind.figure_names for suffix in ("", "_high")}}


def _figure_cells(name: str, q: Quantity | None) -> dict:
    if q is None:
        return {name: "", f"{name}_qualifier": "", f"{name}_high": ""}
    return {name: csv_number(q.value), f"{name}_qualifier": q.qualifier, f"{name}_high": csv_number(q.high)}


def incident_row(event: Event, site_url: str) -> dict:
    incident = event.incident
    row = {"id": event.id, "date": event.date.isoformat(), "date_precision": event.date_precision,
           "title": event.title, incident.place_field: incident.place}
    for name in incident.type.figure_names:
        row |= _figure_cells(name, incident.figure(name))
    return row | {"sources": ";".join(dict.fromkeys(c.source for c in event.sources)),
                  "disagreements": len(event.readings), "corrections": len(event.corrections),
                  "url": urljoin(site_url, f"{incident.page}/{event.id}/")}


def incidents_csv(kind: IncidentType, events: list[Event], site_url: str = "") -> str:
    """Every verified incident of the type, oldest first (ties by id)."""
    shown = sorted((e for e in events if e.incident is not None and e.incident.type == kind and e.status == "verified"),
                   key=lambda e: (e.date, e.id))
    return csv_text(incident_fields(kind), (incident_row(e, site_url) for e in shown))


def incidents_resource(kind: IncidentType) -> dict:
    """The Data Package resource that describes the type's CSV."""
    descriptions, types = incident_field_descriptions(kind), _types(kind)
    return {"name": kind.pages, "path": f"{kind.pages}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": f, "type": types.get(f, "string"), "description": descriptions[f]}
                                  for f in incident_fields(kind)], "primaryKey": ["id"]}}
