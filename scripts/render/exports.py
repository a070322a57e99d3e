"""Downloads: every verified observation as CSV and JSON, events as JSON, a CSV per metric."""

from __future__ import annotations

import csv
import io
import json

from scripts.records import Dataset, Event, Observation

FIELDS = ("id", "metric", "metric_label", "unit", "value", "qualifier", "as_of", "as_of_precision", "scope",
          "source", "source_title", "outlet", "source_url", "published", "quote", "attribution", "status", "note")


def observation_row(obs: Observation, dataset: Dataset) -> dict:
    metric = dataset.metrics.get(obs.metric)
    seed = dataset.seeds.get(obs.source)
    value = int(obs.value) if float(obs.value).is_integer() else obs.value
    return {
        "id": obs.id, "metric": obs.metric, "metric_label": metric.label if metric else "",
        "unit": metric.unit if metric else "", "value": value, "qualifier": obs.qualifier,
        "as_of": obs.as_of.isoformat(), "as_of_precision": obs.as_of_precision, "scope": obs.scope or "",
        "source": obs.source, "source_title": seed.title if seed else "", "outlet": seed.outlet if seed else "",
        "source_url": (seed.url or "") if seed else "", "published": seed.published.isoformat() if seed else "",
        "quote": obs.quote, "attribution": obs.attribution or "", "status": obs.status, "note": obs.note or "",
    }


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A text cell a spreadsheet shows as text: one that would start a formula gets a leading
    apostrophe. Numbers stay numbers (a negative value is not text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def observations_csv(observations: list[Observation], dataset: Dataset) -> str:
    buffer = io.StringIO()
    # CRLF rows (RFC 4180): the writer then quotes a cell holding a lone CR, which would end a row.
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for obs in observations:
        writer.writerow({k: csv_cell(v) for k, v in observation_row(obs, dataset).items()})
    return buffer.getvalue()


def observations_json(observations: list[Observation], dataset: Dataset) -> str:
    return json.dumps([observation_row(o, dataset) for o in observations], indent=2, ensure_ascii=False) + "\n"


def event_record(event: Event) -> dict:
    record = {
        "id": event.id, "date": event.date.isoformat(), "date_precision": event.date_precision,
        "kind": event.kind, "title": event.title, "summary": event.summary,
        "sources": [{"source": c.source, "quote": c.quote} for c in event.sources],
    }
    if event.strike:
        record["strike"] = {"theater": event.strike.theater}
        for name in ("killed", "survivors", "vessels"):
            q = getattr(event.strike, name)
            if q is not None:
                record["strike"][name] = {"value": q.value, "qualifier": q.qualifier}
    return record


def events_json(events: list[Event]) -> str:
    return json.dumps([event_record(e) for e in events], indent=2, ensure_ascii=False) + "\n"


FIELD_DESCRIPTIONS = {
    "id": "Stable identifier of the observation; never reused.",
    "metric": "Metric id (see the metrics' pages).",
    "metric_label": "What the metric measures.",
    "unit": "Unit of the value.",
    "value": "The number as the source gives it.",
    "qualifier": "The source's hedge: exact, about, at_least, more_than, up_to, less_than.",
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
}
_TYPES = {"value": "number", "as_of": "date", "published": "date"}
CITATION = "US–Venezuela Escalation Tracker, and the original articles named in each row's source."


def data_version(dataset: Dataset) -> str:
    """The data's date: the newest publication or as-of date in it (never the clock)."""
    days = [s.published for s in dataset.seeds.values()] + [o.as_of for o in dataset.observations]
    return max(days).isoformat() if days else "2025-01-01"


def datapackage(dataset: Dataset, version_date: str) -> str:
    """A Frictionless Data Package describing facts.csv: fields, licence, how to cite."""
    package = {
        "name": "us-venezuela-escalation-tracker",
        "title": "US–Venezuela Escalation Tracker: sourced figures",
        "description": "Figures of the 2025 US–Venezuela escalation (boat strikes and deaths, the military "
                       "buildup, oil-tanker seizures), each with its source article, hedge and verbatim quote.",
        "version": version_date,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "citation": CITATION,
        "resources": [{
            "name": "facts", "path": "facts.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [{"name": f, "type": _TYPES.get(f, "string"), "description": FIELD_DESCRIPTIONS[f]}
                                  for f in FIELDS], "primaryKey": ["id"]},
        }],
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def dataset_jsonld(dataset: Dataset, version_date: str) -> str:
    """schema.org Dataset, for search engines; safe inside a <script> element."""
    data = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": "US–Venezuela Escalation Tracker: sourced figures",
        "description": "Figures of the 2025 US–Venezuela escalation, each with its source and a verbatim quote.",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "dateModified": version_date,
        "variableMeasured": [m.label for m in dataset.metrics.values()],
        "distribution": [{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": "facts.csv"},
                         {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": "facts.json"}],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
