"""Pages that list things: the timeline, the sources, the data downloads (Markdown out)."""

from __future__ import annotations

from itertools import groupby

from scripts.publication import Publication
from scripts.records import Dataset, Event, Seed
from scripts.render.chart_frame import ChartBlock, ChartFrame, source_words
from scripts.render.charts import timeline_chart
from scripts.render.exports import data_version, dataset_jsonld
from scripts.wording import format_date, format_quantity_with_unit
from scripts.render.incidents import incident_events
from scripts.render.links import Links
from scripts.render.pages import front_matter
from scripts.render.summaries import outlet_name
from scripts.render.tables import chart_figure
from scripts.render.text import html_text, md_text, safe_url


def _citations(dataset: Dataset, event: Event, links: Links) -> str:
    items = "".join(
        f'<li><a href="{html_text(links.source(c.source))}">{html_text(outlet_name(dataset, c.source))}</a>: '
        f"<q>{html_text(c.quote)}</q></li>" for c in event.sources)
    return f'<ul class="tracker-citations">{items}</ul>'


def timeline_chart_block(dataset: Dataset, links: Links) -> ChartBlock:
    events = sorted((e for e in dataset.events if e.status == "verified"), key=lambda e: (e.date, e.id))
    kinds = sorted({e.kind for e in events})
    summary = (f"{len(events)} events from {format_date(events[0].date, events[0].date_precision)} to "
               f"{format_date(events[-1].date, events[-1].date_precision)}, by kind "
               f"({', '.join(kinds)}). A bar across dates: the day is approximate, or only the month is known."
               if events else "No events yet.")
    frame = ChartFrame("chart-timeline", "Events by kind", dataset.story.timeline_chart_description,
                       source_words(len({c.source for e in events for c in e.sources})),
                       events[-1].date if events else None, "data/events.json", "Open the event")
    return ChartBlock(frame, timeline_chart(dataset.story.kinds, events, links.event), summary)


def render_timeline(dataset: Dataset) -> str:
    links = Links("timeline.md")
    events = sorted((e for e in dataset.events if e.status == "verified"), key=lambda e: (e.date, e.id))
    block = timeline_chart_block(dataset, links)
    out = [front_matter("Timeline", dataset.story.timeline_description),
           "# Timeline\n\n",
           chart_figure(block.frame.chart_id, block.spec, block.frame.title, block.summary, block.frame, links)
           + "\n\n"]
    for (year, month), group in groupby(events, key=lambda e: (e.date.year, e.date.month)):
        group = list(group)
        out.append(f"## {group[0].date.strftime('%B')} {year}\n\n")
        items = []
        for e in group:
            items.append(
                f'<li id="event-{html_text(e.id)}" class="tracker-event tracker-event-{html_text(e.kind)}">'
                f'<p><time datetime="{e.date.isoformat()}">{html_text(format_date(e.date, e.date_precision))}</time> '
                f'<span class="tracker-kind">{html_text(e.kind)}</span> <strong>{html_text(e.title)}</strong>'
                + (f' <a href="{html_text(links.incident(e))}">{html_text(e.incident.type.noun.capitalize())} record</a>'
                   if e.incident else "") + "</p>"
                f"<p>{html_text(e.summary)}</p>{_citations(dataset, e, links)}</li>")
        out.append(f'<ol class="tracker-events">{"".join(items)}</ol>\n\n')
    return "".join(out)


def source_page_path(seed_id: str) -> str:
    """An article's own page: sources/<seed id>.md (URL sources/<seed id>/)."""
    return f"sources/{seed_id}.md"


def _seeds_newest_first(dataset: Dataset) -> list[Seed]:
    return sorted(dataset.seeds.values(), key=lambda s: (s.published, s.id), reverse=True)


def _source_meta(seed: Seed) -> list[str]:
    date_words = format_date(seed.published)
    if seed.published_precision == "inferred":
        date_words += " (date inferred)"
    return [f"<strong>{html_text(seed.outlet_shown)}</strong>", html_text(date_words)]


def render_sources(dataset: Dataset) -> str:
    """The index of the articles: one line each, linking to the article's own page. Each line
    keeps the article's id as its anchor, so the old links (sources/#<id>) still find it."""
    links = Links("sources.md")
    items = "".join(
        f'<li id="{html_text(seed.id)}"><a href="{html_text(links.source(seed.id))}">{html_text(seed.title)}</a>'
        f' · {" · ".join(_source_meta(seed))}</li>' for seed in _seeds_newest_first(dataset))
    return (front_matter("Sources", "The news articles every figure comes from, with the sentences quoted.")
            + "# Sources\n\n"
            + f"{len(dataset.seeds)} articles, newest first. Each has a page with where it was published, and "
            "every figure and event taken from it with the sentence quoted. The articles themselves are not "
            "republished here.\n\n"
            + f'<ul class="tracker-sources">{items}</ul>\n')


def render_source_pages(dataset: Dataset) -> dict[str, str]:
    """A page per article: its outlet, date and address, and every figure and event taken from it
    with the sentence quoted. Out of the navigation and the search index (the figures are on the
    topic pages), so the Sources page and the index stay small however many articles there are."""
    return {source_page_path(seed.id): render_source_page(dataset, seed) for seed in dataset.seeds.values()}


def render_source_page(dataset: Dataset, seed: Seed) -> str:
    links = Links(source_page_path(seed.id))
    facts = dataset.observations_from(seed.id, ("verified", "disputed"))
    events = dataset.events_citing(seed.id)
    meta = _source_meta(seed)
    url = safe_url(seed.url)
    if url:
        meta.append(f'<a href="{html_text(url)}" rel="nofollow noopener noreferrer">original article</a>')
    if seed.excerpt:
        meta.append("only an excerpt was stored")
    notes = f'<p class="tracker-notes">{html_text(seed.notes)}</p>' if seed.notes else ""
    items = "".join(
        f'<li><a href="{html_text(links.fact(o.metric, o.id))}">'
        f"{html_text(dataset.metrics[o.metric].label if o.metric in dataset.metrics else o.metric)}</a>: "
        f"{html_text(format_quantity_with_unit(o.quantity, dataset.metrics[o.metric].unit) if o.metric in dataset.metrics else str(o.value))}"
        f"{html_text(' — ' + o.scope if o.scope else '')} <q>{html_text(o.quote)}</q></li>" for o in facts)
    items += "".join(
        f'<li><a href="{html_text(links.incident(e) if e.incident and e.status == "verified" else links.event(e.id))}">'
        f"Event: {html_text(e.title)}</a></li>" for e in events)
    return (front_matter(seed.title, f"{seed.outlet_shown}, {format_date(seed.published)}: the figures taken "
                         "from this article, with the sentences quoted.", searchable=False)
            + f"# {md_text(seed.title)}\n\n"
            + f'<div class="tracker-source"><p>{" · ".join(meta)}</p>{notes}'
            + f'<ul class="tracker-source-facts">{items}</ul></div>\n\n'
            + f'<p><a href="{html_text(links.to("sources/"))}">All sources</a></p>\n')


def _either_noun(story) -> str:
    nouns = [f"a {k.noun}" for k in story.incidents]
    return " or ".join(nouns)


def _code_list(names: list[str]) -> str:
    """`a`, `b` and `c`."""
    codes = [f"`{n}`" for n in names]
    return ", ".join(codes[:-1]) + " and " + codes[-1] if len(codes) > 1 else "".join(codes)


def incident_fields_words(kind) -> str:
    """The Data page's paragraph on one incident type's CSV columns."""
    return (f"Each {kind.noun} in `{kind.pages}.csv` has: `id` (its page is `{kind.pages}/<id>/`), `date` and "
            f"`date_precision`, `title`, `{kind.place_field}`, and for {_code_list(list(kind.figure_names))} the "
            "number, its `_qualifier` and, for a range, its `_high`; `sources` (article ids separated by `;`), "
            f"`disagreements` (how many sources read the {kind.noun} differently: see its page), `corrections` "
            "and `url`.\n\n")


def render_data_page(dataset: Dataset, publication: Publication = Publication()) -> str:
    links = Links("data.md")
    story = dataset.story
    count = len(dataset.published())
    downloads = [
        ("facts.csv", f"every verified observation ({count}), one row each, with its source and quote"),
        ("facts.json", "the same as JSON"),
        *((f"{k.pages}.csv", f"every verified {k.noun} ({len(incident_events(dataset, k))}), one row each: date, "
           f"{k.place_field}, {', '.join(k.figure_names)} with their hedges, sources, disagreements, corrections")
          for k in story.incidents),
        ("events.json", f"the {len(dataset.events)} timeline events with their sources"
                        + (f", each source's own reading of {_either_noun(story)}" if story.incidents else "")
                        + " and its corrections"),
        ("datapackage.json", "a Frictionless Data Package describing "
                             + " and ".join(["facts.csv", *(f"{k.pages}.csv" for k in story.incidents)])
                             + ": fields, licence, how to cite"),
    ]
    items = "".join(f'<li><a href="{html_text(links.to("data/" + name))}">{name}</a>: '
                    f"{html_text(text)}</li>" for name, text in downloads)
    per_metric = "".join(
        f'<li><a href="{html_text(links.to(f"data/metrics/{m.id}.csv"))}">{m.id}.csv</a>: '
        f"{html_text(m.label)}</li>" for m in dataset.metrics.values())
    return (front_matter("Data", "Download every figure of the tracker as CSV or JSON, with sources and quotes.")
            + "# Data\n\n"
            + f'<ul class="tracker-downloads">{items}</ul>\n\n'
            + "## One file per metric\n\n"
            + f'<ul class="tracker-downloads">{per_metric}</ul>\n\n'
            + "## Fields\n\n"
            + "Each observation has: `id` (stable, never reused), `metric`, `value`, `high`, `qualifier` "
              "(`exact`, `about`, `at_least`, `more_than`, `up_to`, `less_than`, or `range`: `value` is its low "
              "end and `high` its high end), `as_of` and `as_of_precision` "
              "(the date the figure describes, not the publication date), `scope` (empty for the whole region), "
              "`source` (the article's id) with its title, outlet, URL and publication date, `quote` (the sentence "
              "the figure comes from, verbatim), `attribution` (whom the article credits), `status` and `note`.\n\n"
            + "".join(incident_fields_words(k) for k in story.incidents)
            + f"The data are published under {md_text(story.licence.short)}: cite *{md_text(story.name)}* and the "
              "original articles.\n\n"
            + f'<script type="application/ld+json">{dataset_jsonld(dataset, data_version(dataset), publication)}</script>\n')
