"""Every generated file of the site, as {path: content}; writing happens elsewhere."""

from __future__ import annotations

from datetime import date
from typing import Sequence

from scripts.publication import Publication
from scripts.records import Dataset
from scripts.render.exports import data_version, datapackage, events_json, observations_csv, observations_json
from scripts.render.listings import render_data_page, render_source_pages, render_sources, render_timeline
from scripts.history import Revision
from scripts.render.changes import render_changes, render_feed
from scripts.render.corrections_page import render_corrections
from scripts.render.embed import render_embeds
from scripts.render.reference import render_problem_reference
from scripts.render.incidents import incident_events, incident_page_path, render_incident_page
from scripts.render.incident_exports import incidents_csv
from scripts.render.pages import render_home, render_metric_page, render_metrics_index, render_topic


def render_site(dataset: Dataset, revisions: Sequence[Revision] = (),
                publication: Publication = Publication()) -> dict[str, str]:
    files: dict[str, str] = {"index.md": render_home(dataset)}
    for topic in dataset.story.topics:
        files[topic.page] = render_topic(dataset, topic.slug)
    files["metrics/index.md"] = render_metrics_index(dataset)
    for metric in dataset.metrics.values():
        files[f"metrics/{metric.id}.md"] = render_metric_page(dataset, metric)
        files[f"data/metrics/{metric.id}.csv"] = observations_csv(dataset.observations_of(metric.id), dataset)
    for event in incident_events(dataset):
        files[incident_page_path(event)] = render_incident_page(dataset, event)
    files["timeline.md"] = render_timeline(dataset)
    files["sources.md"] = render_sources(dataset)
    files.update(render_source_pages(dataset))
    files["data.md"] = render_data_page(dataset, publication)
    files["problems.md"] = render_problem_reference()
    files["corrections.md"] = render_corrections(dataset)
    files["changes.md"] = render_changes(dataset, list(revisions))
    files["feed.xml"] = render_feed(dataset, list(revisions), publication, date.fromisoformat(data_version(dataset)))
    published = sorted(dataset.published(), key=lambda o: (o.metric, o.as_of, o.id))
    files["data/facts.csv"] = observations_csv(published, dataset)
    files["data/facts.json"] = observations_json(published, dataset)
    for kind in dataset.story.incidents:
        files[f"data/{kind.pages}.csv"] = incidents_csv(kind, list(dataset.events), publication.url)
    files["data/events.json"] = events_json(sorted(dataset.events, key=lambda e: (e.date, e.id)))
    files["data/datapackage.json"] = datapackage(dataset, data_version(dataset))
    files.update(render_embeds(dataset))
    return files
