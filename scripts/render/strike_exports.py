"""strikes.csv: one row per verified strike event, with each figure's hedge, its sources, how many
sources read it differently and how many times it was corrected; and its Data Package resource."""

from __future__ import annotations

from urllib.parse import urljoin

from scripts.records import STRIKE_FIGURES, Event, Quantity
from scripts.render.csv_cells import csv_number, csv_text

STRIKE_FIELDS = ("id", "date", "date_precision", "title", "theater",
                 *(f"{name}{suffix}" for name in STRIKE_FIGURES for suffix in ("", "_qualifier", "_high")),
                 "sources", "disagreements", "corrections", "url")

_FIGURE_WORDS = {"strikes": "strikes the announcement covers", "vessels": "vessels hit",
                 "killed": "people killed", "survivors": "survivors"}
STRIKE_FIELD_DESCRIPTIONS = {
    "id": "Stable identifier of the strike event; never reused.",
    "date": "The day of the strike (or the announcement's day when the strike's is not known).",
    "date_precision": "day, month, or approx (around that date).",
    "title": "A short title of the event.",
    "theater": "Caribbean, Eastern Pacific or unknown.",
    **{field: text for name, words in _FIGURE_WORDS.items() for field, text in (
        (name, f"Number of {words}, as the sources give it (with qualifier range, the low end); empty when "
               "not reported."),
        (f"{name}_qualifier", f"Hedge of {name}: exact, about, at_least, more_than, up_to, less_than, range."),
        (f"{name}_high", f"With {name}_qualifier range: the high end; empty otherwise."))},
    "sources": "Ids of the articles cited for the strike, separated by ';'.",
    "disagreements": "How many sources give a reading of the strike that differs from this row's.",
    "corrections": "How many times a figure of this row was corrected after publication.",
    "url": "The strike's page on the site.",
}
_TYPES = {"date": "date", "disagreements": "integer", "corrections": "integer",
          **{f"{name}{suffix}": "number" for name in STRIKE_FIGURES for suffix in ("", "_high")}}


def _figure_cells(name: str, q: Quantity | None) -> dict:
    if q is None:
        return {name: "", f"{name}_qualifier": "", f"{name}_high": ""}
    return {name: csv_number(q.value), f"{name}_qualifier": q.qualifier, f"{name}_high": csv_number(q.high)}


def strike_row(event: Event, site_url: str) -> dict:
    row = {"id": event.id, "date": event.date.isoformat(), "date_precision": event.date_precision,
           "title": event.title, "theater": event.strike.theater}
    for name in STRIKE_FIGURES:
        row |= _figure_cells(name, getattr(event.strike, name))
    return row | {"sources": ";".join(dict.fromkeys(c.source for c in event.sources)),
                  "disagreements": len(event.readings), "corrections": len(event.corrections),
                  "url": urljoin(site_url, f"strikes/{event.id}/")}


def strikes_csv(events: list[Event], site_url: str = "") -> str:
    """Every verified strike event, oldest first (ties by id)."""
    shown = sorted((e for e in events if e.strike is not None and e.status == "verified"),
                   key=lambda e: (e.date, e.id))
    return csv_text(STRIKE_FIELDS, (strike_row(e, site_url) for e in shown))


def strikes_resource() -> dict:
    """The Data Package resource that describes strikes.csv."""
    return {"name": "strikes", "path": "strikes.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [{"name": f, "type": _TYPES.get(f, "string"),
                                   "description": STRIKE_FIELD_DESCRIPTIONS[f]} for f in STRIKE_FIELDS],
                       "primaryKey": ["id"]}}
