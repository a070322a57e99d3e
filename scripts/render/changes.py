"""The "What changed" page and its Atom feed, from the history of facts/, one day at a time
(pure: revisions in). Each change is a sentence with its hedge, its date and its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from scripts.history import KINDS, Revision, last_update
from scripts.publication import Publication
from scripts.records import Dataset
from scripts.render.change_sentences import ChangeSentence, change_sentence
from scripts.render.exports import newest_data
from scripts.wording import format_date
from scripts.render.links import Links
from scripts.render.text import front_matter, html_text

PER_DAY = 300  # changes listed per day; a first import can bring hundreds


@dataclass(frozen=True)
class SiteDates:
    """What every page says of its data: the newest date a published figure or event describes,
    and the day the published facts last changed (from git; None without history)."""

    data_to: str | None   # '20 Jun 2026'
    updated: str | None   # '22 Nov 2026'

    @property
    def line(self) -> str:
        """'Data to 20 Jun 2026 · updated 22 Nov 2026'."""
        parts = [f"Data to {self.data_to}"] if self.data_to else []
        return " · ".join(parts + ([f"updated {self.updated}"] if self.updated else []))


def site_dates(dataset: Dataset, revisions: list[Revision]) -> SiteDates:
    newest = newest_data(dataset)
    updated = last_update(revisions)
    return SiteDates(format_date(*newest) if newest else None,
                     format_date(date.fromisoformat(updated)) if updated else None)


def _item(sentence: ChangeSentence, base: str = "") -> str:
    what = html_text(sentence.what)
    if sentence.href:
        what = f'<a href="{html_text(base + sentence.href)}">{what}</a>'
    source = f" — {html_text(sentence.source)}" if sentence.source else ""
    detail = (" " if sentence.detail.startswith(" ") else "") + html_text(sentence.detail)  # ' (was dated …)'
    return f"<li><strong>{html_text(sentence.kind)}:</strong> {what}{detail}{source}</li>"


def day_summary(revision: Revision) -> str:
    """'3 added, 1 corrected'."""
    counts = {k: sum(c.kind == k for c in revision.changes) for k in KINDS}
    return ", ".join(f"{n} {k}" for k, n in counts.items() if n)


def _day_words(revision: Revision) -> str:
    return format_date(date.fromisoformat(revision.day))


def _items(revision: Revision, dataset: Dataset, links: Links, base: str = "") -> str:
    shown = revision.changes[:PER_DAY]
    items = "".join(_item(change_sentence(c, dataset, links), base) for c in shown)
    more = len(revision.changes) - len(shown)
    return items + (f"<li>… and {more} more</li>" if more > 0 else "")


def render_changes(dataset: Dataset, revisions: list[Revision]) -> str:
    links = Links("changes.md")
    parts = [front_matter("What changed", "Every figure and event added, corrected or retracted, day by day."),
             "# What changed\n\n",
             "Every change to the published figures and events, newest first, day by day: what was added, "
             "corrected or retracted, with its hedge, the date it describes and its source. "
             f'Follow it with the <a href="{html_text(links.to("feed.xml"))}">Atom feed</a>.\n\n']
    shown = [r for r in revisions if r.changes]
    if not shown:
        parts.append("<p>No history is available in this copy of the project.</p>\n")
    for revision in shown:
        parts.append(f'<section class="tracker-revision" id="d-{revision.day}">'
                     f"<h2>{html_text(_day_words(revision))}</h2>"
                     f'<p class="tracker-revision-count">{html_text(day_summary(revision))}.</p>'
                     f'<ul class="tracker-change-list">{_items(revision, dataset, links)}</ul></section>\n\n')
    return "".join(parts)


def render_feed(dataset: Dataset, revisions: list[Revision], publication: Publication, newest_data: date) -> str:
    """Atom (RFC 4287): one entry per day with changes, its sentences as the content, every link
    absolute. Without history, the feed is dated by the newest data and has no entry."""
    base = publication.absolute()
    links = Links("index.md")  # links from the site's root, made absolute below
    shown = [r for r in revisions if r.changes]
    updated = shown[0].date if shown else f"{newest_data.isoformat()}T00:00:00Z"
    entries = []
    for r in shown[:50]:
        page = f"{base}changes/#d-{r.day}"
        content = f"<ul>{_items(r, dataset, links, base)}</ul>"
        entries.append(
            "<entry>"
            f"<id>{escape(page)}</id>"
            f"<title>{escape(_day_words(r))}: {escape(day_summary(r))}</title>"
            f"<updated>{escape(r.date)}</updated>"
            f'<link rel="alternate" type="text/html" href="{escape(page)}"/>'
            f'<content type="html">{escape(content)}</content>'
            "</entry>")
    author = publication.publisher or publication.name
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<id>{escape(base)}</id><title>{escape(publication.name)}: what changed</title>"
            f"<updated>{escape(updated)}</updated>"
            f"<author><name>{escape(author)}</name><uri>{escape(base)}</uri></author>"
            f'<link rel="self" type="application/atom+xml" href="{escape(base)}feed.xml"/>'
            f'<link rel="alternate" type="text/html" href="{escape(base)}changes/"/>'
            + "".join(entries) + "</feed>\n")
