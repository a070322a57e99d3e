"""The "What changed" page and its Atom feed, from the history of facts/ (pure: revisions in)."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from scripts.history import Revision
from scripts.records import Dataset
from scripts.render.format import format_date, format_number
from scripts.render.links import Links
from scripts.render.pages import front_matter
from scripts.render.text import html_text

WORDS = {"added": "added", "changed": "changed", "retracted": "retracted", "removed": "removed"}


def _change_line(change, dataset: Dataset, links: Links) -> str:
    metric = dataset.metrics.get(change.metric)
    label = metric.label if metric else change.metric
    unit = metric.unit if metric else None
    if change.kind == "changed":
        values = f"{format_number(change.old, unit)} → {format_number(change.new, unit)}"
    else:
        number = change.new if change.kind == "added" else change.old
        values = format_number(number, unit) if number is not None else ""
    return (f'<li><span class="tracker-kind">{WORDS[change.kind]}</span> '
            f'<a href="{html_text(links.fact(change.metric, change.fact_id))}">{html_text(label)}</a> '
            f"{html_text(values)} <code>{html_text(change.fact_id)}</code></li>")


def render_changes(dataset: Dataset, revisions: list[Revision]) -> str:
    links = Links("changes.md")
    parts = [front_matter("What changed", "Every figure added, changed or retracted, commit by commit."),
             "# What changed\n\n",
             "Every change to the figures, newest first, from the project's history. "
             f'Follow it with the <a href="{html_text(links.to("feed.xml"))}">Atom feed</a>.\n\n']
    shown = [r for r in revisions if r.changes]
    if not shown:
        parts.append("<p>No history is available in this copy of the project.</p>\n")
    for revision in shown:
        day = datetime.fromisoformat(revision.date).date()
        items = "".join(_change_line(c, dataset, links) for c in revision.changes[:200])
        more = (f"<li>… and {len(revision.changes) - 200} more</li>" if len(revision.changes) > 200 else "")
        parts.append(f'<section class="tracker-revision" id="c-{revision.commit[:12]}">'
                     f"<h2>{html_text(format_date(day))}: {html_text(revision.subject)}</h2>"
                     f"<p>Commit <code>{revision.commit[:12]}</code>, {len(revision.changes)} figure(s).</p>"
                     f"<ul>{items}{more}</ul></section>\n\n")
    return "".join(parts)


def render_feed(dataset: Dataset, revisions: list[Revision], site_url: str) -> str:
    """Atom: one entry per commit that changed figures."""
    base = site_url.rstrip("/") + "/"
    shown = [r for r in revisions if r.changes]
    updated = shown[0].date if shown else "2025-01-01T00:00:00+00:00"
    entries = []
    for r in shown[:50]:
        counts = {k: sum(c.kind == k for c in r.changes) for k in WORDS}
        summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
        entries.append(
            "<entry>"
            f"<id>{escape(base)}changes/#c-{r.commit[:12]}</id>"
            f"<title>{escape(r.subject)}</title>"
            f"<updated>{escape(r.date)}</updated>"
            f'<link href="{escape(base)}changes/#c-{r.commit[:12]}"/>'
            f"<summary>{escape(summary)}</summary>"
            "</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<id>{escape(base)}</id><title>US–Venezuela Escalation Tracker: what changed</title>"
            f"<updated>{escape(updated)}</updated>"
            f'<link rel="self" href="{escape(base)}feed.xml"/><link href="{escape(base)}changes/"/>'
            + "".join(entries) + "</feed>\n")
