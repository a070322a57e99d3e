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


def observations_csv(observations: list[Observation], dataset: Dataset) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for obs in observations:
        writer.writerow(observation_row(obs, dataset))
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
