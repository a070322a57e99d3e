"""A page per chart at embed/<chart id>/: the chart alone, full width, with its title, source and
date and a link back, for an <iframe> on another site. Plain HTML, not a MkDocs page: no header,
no navigation, no search; the same local plotly.js and charts.js as the site, no third party."""

from __future__ import annotations

from scripts.palette import STYLESHEET
from scripts.records import Dataset
from scripts.render.chart_frame import ChartBlock
from scripts.render.incidents import incident_topic, incidents_chart_block, section_anchor
from scripts.render.links import Links
from scripts.render.listings import timeline_chart_block
from scripts.render.pages import metric_chart_block
from scripts.render.tables import chart_figure
from scripts.render.text import html_text

# Just what the embed needs of the site's look; colours follow the reader's light or dark setting.
_STYLE = """
:root { color-scheme: light dark; --md-default-fg-color: #222; --md-default-fg-color--light: #555;
  --md-default-fg-color--lightest: #e3e3e3; --md-default-bg-color: #fff; }
@media (prefers-color-scheme: dark) { :root { --md-default-fg-color: #e8e8ec; --md-default-fg-color--light: #b4b4bc;
  --md-default-fg-color--lightest: #3a3c48; --md-default-bg-color: #1e2029; } }
body { margin: 0; padding: 0.6rem 0.8rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--md-default-fg-color); background: var(--md-default-bg-color); }
a { color: inherit; }
"""


def embed_path(chart_id: str) -> str:
    return f"embed/{chart_id}/index.html"


def embed_page(block: ChartBlock, back: str, links: Links) -> str:
    figure = chart_figure(block.frame.chart_id, block.spec, block.frame.title, block.summary, block.frame, links)
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html_text(block.frame.title)}</title><meta name=\"robots\" content=\"noindex\">"
            f'<link rel="stylesheet" href="{html_text(links.to(STYLESHEET))}">'
            f'<link rel="stylesheet" href="{html_text(links.to("assets/stylesheets/tracker.css"))}">'
            f"<style>{_STYLE}</style></head>\n"
            f'<body class="tracker-embed"><div class="md-typeset">{figure}'
            f'<p class="tracker-embed-back"><a href="{html_text(back)}" target="_blank" rel="noopener">'
            "Every figure with its source, on the tracker</a></p>"
            f'<script src="{html_text(links.to("assets/javascripts/charts.js"))}"></script></body></html>\n')


def render_embeds(dataset: Dataset) -> dict[str, str]:
    """{path: html} of every chart's embed page."""
    pages: dict[str, str] = {}

    def add(make, back: str, chart_id: str) -> None:
        links = Links(embed_path(chart_id)[:-len("index.html")] + "index.md")
        block = make(links)
        if block is not None:
            pages[embed_path(block.frame.chart_id)] = embed_page(block, links.to(back), links)

    for kind in dataset.story.incidents:
        topic = incident_topic(dataset, kind)
        if topic is not None:
            add(lambda links, k=kind: incidents_chart_block(dataset, k, links),
                f"{topic.slug}/#chart-{section_anchor(kind)}", f"chart-{section_anchor(kind)}")
    add(lambda links: timeline_chart_block(dataset, links), "timeline/", "chart-timeline")
    for metric in dataset.metrics.values():
        add(lambda links, m=metric: metric_chart_block(dataset, m, links), f"metrics/{metric.id}/",
            f"chart-{metric.id}")
    return pages
