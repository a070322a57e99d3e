"""Downloads: every verified observation as CSV and JSON, events as JSON, a CSV per metric."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from scripts.publication import Publication
from scripts.records import Dataset, Event, Observation, Quantity, Reading
from scripts.render.csv_cells import csv_number, csv_text
from scripts.render.incident_exports import incidents_resource

FIELDS = ("id", "metric", "metric_label", "unit", "value", "high", "qualifier", "as_of", "as_of_precision", "scope",
          "source", "source_title", "outlet", "source_url", "published", "quote", "attribution", "status", "note", "derived")


def observation_row(obs: Observation, dataset: Dataset) -> dict:
    metric = dataset.metrics.get(obs.metric)
    seed = dataset.seeds.get(obs.source)
    value = int(obs.value) if float(obs.value).is_integer() else obs.value
    return {
        "id": obs.id, "metric": obs.metric, "metric_label": metric.label if metric else "",
        "unit": metric.unit if metric else "", "value": value, "high": csv_number(obs.quantity.high),
        "qualifier": obs.qualifier,
        "as_of": obs.as_of.isoformat(), "as_of_precision": obs.as_of_precision, "scope": obs.scope or "",
        "source": obs.source, "source_title": seed.title if seed else "", "outlet": seed.outlet if seed else "",
        "source_url": (seed.url or "") if seed else "", "published": seed.published.isoformat() if seed else "",
        "quote": obs.quote, "attribution": obs.attribution or "", "status": obs.status, "note": obs.note or "",
        "derived": obs.derived or "",
    }


def observations_csv(observations: list[Observation], dataset: Dataset) -> str:
    return csv_text(FIELDS, (observation_row(o, dataset) for o in observations))


def observations_json(observations: list[Observation], dataset: Dataset) -> str:
    return json.dumps([observation_row(o, dataset) for o in observations], indent=2, ensure_ascii=False) + "\n"


def event_record(event: Event) -> dict:
    record = {
        "id": event.id, "date": event.date.isoformat(), "date_precision": event.date_precision,
        "kind": event.kind, "title": event.title, "summary": event.summary,
        "sources": [{"source": c.source, "quote": c.quote} for c in event.sources],
    }
    if event.incident:
        record[event.kind] = {event.incident.place_field: event.incident.place,
                              **_quantities(event.incident.figures())}
        for citation, source in zip(event.sources, record["sources"]):
            if citation.reading:
                source.update(_reading_record(citation.reading, event.incident.place_field))
    if event.note:
        record["note"] = event.note
    if event.corrections:
        record["corrections"] = [{k: v for k, v in asdict(c).items() if v is not None} | {"date": c.date.isoformat()}
                                 for c in event.corrections]
    return record


def _quantity_record(q: Quantity) -> dict:
    return {"value": q.value, "qualifier": q.qualifier} | ({"high": q.high} if q.high is not None else {})


def _quantities(figures: dict[str, Quantity]) -> dict:
    return {name: _quantity_record(q) for name, q in figures.items()}


def _reading_record(reading: Reading, place_field: str) -> dict:
    """A source's own reading of an incident: only what it says differently."""
    out: dict = {"date": reading.date.isoformat()} if reading.date else {}
    out |= {k: v for k, v in (("date_precision", reading.date_precision), (place_field, reading.place),
                              ("note", reading.note)) if v}
    return out | _quantities(reading.figures())


def events_json(events: list[Event]) -> str:
    return json.dumps([event_record(e) for e in events], indent=2, ensure_ascii=False) + "\n"


FIELD_DESCRIPTIONS = {
    "id": "Stable identifier of the observation; never reused.",
    "metric": "Metric id (see the metrics' pages).",
    "metric_label": "What the metric measures.",
    "unit": "Unit of the value.",
    "value": "The number as the source gives it (with qualifier range, the low end).",
    "high": "With qualifier range: the high end of the range; empty otherwise.",
    "qualifier": "The source's hedge: exact, about, at_least, more_than, up_to, less_than, range.",
    "as_of": "The date the figure describes (not the publication date).",
    "as_of_precision": "day, month, or approx (current around that date).",
    "scope": "Empty for the whole region; otherwise what the figure covers.",
    "source": "Id of the article the figure comes from.",
    "source_title": "Title of the article.",
    "outlet": "Outlet that published the article, as the text names it.",
    "source_url": "Address of the article.",
    "published": "Publication date of the article.",
    "quote": "The sentence of the article that gives the figure, verbatim.",
    "attribution": "Whom the article credits for the figure.",
    "status": "verified, draft, disputed or retracted.",
    "note": "Editor's note.",
    "derived": "How the editor derived a figure its quote does not state in so many words (empty when the quote states it).",
}
_TYPES = {"value": "number", "high": "number", "as_of": "date", "published": "date"}


def data_version(dataset: Dataset) -> str:
    """The data's date: the newest publication or as-of date in it (never the clock)."""
    days = [s.published for s in dataset.seeds.values()] + [o.as_of for o in dataset.observations]
    return max(days).isoformat() if days else "2025-01-01"


def published_dates(dataset: Dataset) -> list[tuple[date, str]]:
    """(date, precision) of every published figure (its as-of date) and event."""
    return ([(o.as_of, o.as_of_precision) for o in dataset.published()]
            + [(e.date, e.date_precision) for e in dataset.events if e.status == "verified"])


def data_span(dataset: Dataset) -> tuple[date, date] | None:
    """The first and the last date the published figures and events describe."""
    days = [d for d, _ in published_dates(dataset)]
    return (min(days), max(days)) if days else None


def newest_data(dataset: Dataset) -> tuple[date, str] | None:
    """The newest date a published figure or event describes, with its precision ('day', 'month')."""
    found = published_dates(dataset)
    if not found:
        return None
    day = max(d for d, _ in found)
    # A date known to the day says more than the same date read as a month ('Jun 2026').
    return day, min((p for d, p in found if d == day), key=lambda p: p != "day")


def datapackage(dataset: Dataset, version_date: str) -> str:
    """A Frictionless Data Package describing facts.csv and each incident type's CSV: fields,
    licence, how to cite (the words are the story's)."""
    story = dataset.story
    package = {
        "name": story.dataset_name,
        "title": f"{story.name}: sourced figures",
        "description": story.dataset_description,
        "version": version_date,
        "licenses": [{"name": story.licence.name, "title": story.licence.title, "path": story.licence.url}],
        "citation": story.citation,
        "resources": [{
            "name": "facts", "path": "facts.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [{"name": f, "type": _TYPES.get(f, "string"), "description": FIELD_DESCRIPTIONS[f]}
                                  for f in FIELDS], "primaryKey": ["id"]},
        }, *(incidents_resource(kind) for kind in story.incidents)],
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def dataset_jsonld(dataset: Dataset, version_date: str, publication: Publication) -> str:
    """schema.org Dataset, for search engines, every address absolute; safe inside a <script> element."""
    creator = {"@type": "Organization", "name": publication.publisher or publication.name,
               "url": publication.absolute()}
    data = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": f"{publication.name}: sourced figures",
        "description": publication.description or f"{publication.name}: figures, each with its source and quote.",
        "url": publication.absolute("data/"),
        "creator": creator, "publisher": creator,
        "license": dataset.story.licence.url,
        "dateModified": version_date,
        "variableMeasured": [m.label for m in dataset.metrics.values()],
        "distribution": [{"@type": "DataDownload", "encodingFormat": "text/csv",
                          "contentUrl": publication.absolute("data/facts.csv")},
                         {"@type": "DataDownload", "encodingFormat": "application/json",
                          "contentUrl": publication.absolute("data/facts.json")}],
    }
    span = data_span(dataset)
    if span:
        data["temporalCoverage"] = f"{span[0].isoformat()}/{span[1].isoformat()}"
    if publication.coverage:
        data["spatialCoverage"] = {"@type": "Place", "name": publication.coverage}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
