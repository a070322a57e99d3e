"""Pages about figures: home, the three topic pages and a page per metric (Markdown out)."""

from __future__ import annotations

from scripts.records import Dataset, Metric, Quantity
from scripts.render.chart_frame import ChartBlock, ChartFrame, source_words
from scripts.palette import BLUE
from scripts.render.charts import metric_chart
from scripts.wording import format_date, format_quantity, format_quantity_with_unit, unit_words
from scripts.render.links import Links
from scripts.render.series import DISAGREEMENT_WINDOW, disagreements, latest_figures
from scripts.render.incidents import incidents_section, reconciliation_table
from scripts.render.summaries import home_summary, metric_summary, outlet_name, recorded_sum_sentence
from scripts.render.tables import Row, chart_figure, figure_table, observation_table
from scripts.render.tally import recorded_sum
from scripts.render.text import front_matter, html_text, md_text

SHOWN = ("verified", "disputed")


def key_figure_card(dataset: Dataset, metric: Metric, links: Links) -> str:
    latest = latest_figures(dataset.observations_of(metric.id))
    if not latest:
        return ""
    top = latest[0]
    others = [o for o in latest[1:] if (o.value, o.qualifier) != (top.value, top.qualifier)]
    also = ""
    if others:
        parts = [f'{html_text(format_quantity(o.quantity, metric.unit))} (<a href="{html_text(links.source(o.source))}">'
                 f"{html_text(outlet_name(dataset, o.source))}</a>)" for o in others]
        also = f'<p class="tracker-card-also">Also reported for that date: {", ".join(parts)}</p>'
    return (
        f'<div class="tracker-card"><p class="tracker-card-label"><a href="{html_text(links.metric(metric.id))}">'
        f"{html_text(metric.label)}</a></p>"
        f'<p class="tracker-card-value">{html_text(format_quantity(top.quantity, metric.unit))} '
        f'<span class="tracker-card-unit">{html_text(unit_words(top.value, metric.unit))}</span></p>'
        f'<p class="tracker-card-meta">as of {html_text(format_date(top.as_of, top.as_of_precision))} · '
        f'<a href="{html_text(links.source(top.source))}">{html_text(outlet_name(dataset, top.source))}</a></p>'
        f"{also}{_recorded_line(dataset, metric, links)}</div>")


def _recorded_line(dataset: Dataset, metric: Metric, links: Links) -> str:
    """For a running total the recorded events add up to: their sum to the newest one, so the card
    tells the story to the latest event even when no article has reported a total since."""
    if metric.sums is None:
        return ""
    steps = recorded_sum(dataset.events, metric.sums)
    if not steps:
        return ""
    last = steps[-1]
    count = sum(len(s.events) for s in steps)
    total = format_quantity(Quantity(last.total, "at_least"), metric.unit)
    return (f'<p class="tracker-card-also">Sum of the {count:,} {html_text(metric.sums.kind)} records here: '
            f"{html_text(total)}, to {html_text(format_date(last.day))}</p>")


def render_home(dataset: Dataset) -> str:
    links = Links("index.md")
    story = dataset.story
    cards = "".join(key_figure_card(dataset, dataset.metrics[m], links) for m in story.key_figures
                    if m in dataset.metrics)
    context = []
    for metric in dataset.metrics_of(story.context_topic) if story.context_topic else ():
        latest = latest_figures(dataset.observations_of(metric.id))
        if latest:
            o = latest[0]
            context.append(f'<li><a href="{html_text(links.metric(metric.id))}">{html_text(metric.label)}</a>: '
                           f"{html_text(format_quantity_with_unit(o.quantity, metric.unit))} "
                           f"(as of {html_text(format_date(o.as_of, o.as_of_precision))}, "
                           f'<a href="{html_text(links.source(o.source))}">{html_text(outlet_name(dataset, o.source))}</a>)</li>')
    sections = "".join(
        f'<li><a href="{html_text(links.to(t.slug + "/"))}">{html_text(t.title)}</a>: {html_text(t.intro)}</li>'
        for t in story.topics)
    return (front_matter(story.name, story.home_description)
            + f"# {md_text(story.name)}\n\n"
            + f'<p class="tracker-lede">{html_text(home_summary(dataset))}</p>\n\n'
            + f'<div class="tracker-cards">{cards}</div>\n\n'
            + "Every figure on this site comes from a news article, with the sentence it was taken from. "
              "Hedges such as *at least* and *about* are kept, and where sources disagree, all of them are shown.\n\n"
            + "## The figures\n\n"
            + f'<ul class="tracker-sections">{sections}<li><a href="{html_text(links.to("timeline/"))}">Timeline</a>: '
              f"{html_text(story.timeline_home_item)}</li></ul>\n\n"
            + ("## Context\n\n" + f'<ul class="tracker-context">{"".join(context)}</ul>\n\n' if context else ""))


def metric_chart_block(dataset: Dataset, metric: Metric, links: Links) -> ChartBlock | None:
    """A metric's chart with its packaging, when there is something to draw."""
    observations = dataset.observations_of(metric.id, SHOWN)
    plotted = [o for o in observations if o.whole_region and o.status == "verified"]
    recorded = recorded_sum(dataset.events, metric.sums) if metric.sums else []
    if not (len(plotted) >= 2 or (plotted and recorded)):
        return None
    events = {e.id: e for e in dataset.events}
    topic = dataset.story.topic(metric.topic)
    summed = summed_plural(dataset, metric)
    spec = metric_chart(metric, observations, dataset.seeds, links.source, topic.colour if topic else BLUE, recorded,
                        links.incident, events, summed)
    summary = metric_summary(dataset, metric, observations) + recorded_sum_sentence(recorded, metric, summed)
    kind = "running total" if metric.kind == "cumulative" else "count at each date"
    frame = ChartFrame(f"chart-{metric.id}", metric.label, f"{metric.description} In {metric.unit}; a {kind}.",
                       source_words(len({o.source for o in plotted})), max(o.as_of for o in plotted),
                       f"data/metrics/{metric.id}.csv")
    return ChartBlock(frame, spec, summary)


def summed_plural(dataset: Dataset, metric: Metric) -> str:
    """What a metric's recorded sum adds up: the plural of its incident type ('attacks')."""
    kind = dataset.story.incident(metric.sums.kind) if metric.sums else None
    return kind.plural if kind else "events"


def metric_section(dataset: Dataset, metric: Metric, page: str, heading: str | None = "##") -> str:
    """A metric's chart (when there is a line to draw) and the table of its plotted facts; on the
    metric's own page (``heading`` None) no heading or link repeats the page's."""
    links = Links(page)
    observations = dataset.observations_of(metric.id, SHOWN)
    plotted = [o for o in observations if o.whole_region and o.status == "verified"]
    out = []
    if heading:
        out += [f"{heading} {md_text(metric.label)} {{#{metric.id}}}\n",
                f'<p class="tracker-metric-desc">{html_text(metric.description)} '
                f'<a href="{html_text(links.metric(metric.id))}">All figures of this metric</a></p>\n']
    recorded = recorded_sum(dataset.events, metric.sums) if metric.sums else []
    block = metric_chart_block(dataset, metric, links)
    if block:
        out.append(chart_figure(block.frame.chart_id, block.spec, metric.label, block.summary, block.frame, links)
                   + "\n")
    else:
        out.append(f'<p class="tracker-summary">{html_text(metric_summary(dataset, metric, observations))}</p>\n')
    table_rows = observations if page.startswith("metrics/") else (plotted or observations)
    caption = ("Every figure recorded for this metric" if page.startswith("metrics/")
               else "The figures in the chart" if len(plotted) >= 2 else "The figures recorded")
    out.append(observation_table(metric, table_rows, dataset.seeds, links, caption) + "\n")
    compared = reconciliation_table(dataset, metric, links) if recorded else ""
    if compared and page.startswith("metrics/"):
        out.append(f"## Reported totals and recorded {summed_plural(dataset, metric)} {{#reconciliation}}\n\n"
                   f"{compared}\n")
    elif compared:
        out.append('<details class="tracker-reconciliation"><summary>Each reported total beside the sum of the '
                   f"recorded {summed_plural(dataset, metric)}</summary>{compared}</details>\n")
    return "\n".join(out) + "\n"


def render_topic(dataset: Dataset, topic: str) -> str:
    about = dataset.story.topic(topic)
    page, title, blurb = about.page, about.title, about.intro
    parts = [front_matter(title, blurb), f"# {md_text(title)}\n\n", f"{md_text(blurb)}\n\n"]
    for kind in dataset.story.incidents:
        if any(m.sums is not None and m.sums.kind == kind.kind for m in dataset.metrics_of(topic)):
            parts.append(incidents_section(dataset, kind, page))
    for metric in dataset.metrics_of(topic):
        parts.append(metric_section(dataset, metric, page))
    return "".join(parts)


def disagreements_section(dataset: Dataset, metric: Metric, links: Links) -> str:
    """Figures of about the same date that cannot both be true, side by side, each with its source."""
    found = disagreements(dataset.observations_of(metric.id, SHOWN), metric.kind == "cumulative")
    out = ["## Where sources disagree {#disagreements}\n\n"]
    if not found:
        out.append(f"No two sources give figures of about the same date (within {DISAGREEMENT_WINDOW.days} days) "
                   "that cannot both be true.\n\n")
        return "".join(out)

    def side(o) -> str:
        return (f'<a href="{html_text(links.fact(metric.id, o.id))}">'
                f"{html_text(format_quantity_with_unit(o.quantity, metric.unit))}</a> "
                f"as of {html_text(format_date(o.as_of, o.as_of_precision))}, "
                f'<a href="{html_text(links.source(o.source))}">{html_text(outlet_name(dataset, o.source))}</a>')

    rows = [Row((side(d.first), side(d.second))) for d in found]
    out.append("Both figures are shown in the chart (circled in red) and in the table; the tracker does not pick "
               "one.\n\n" + figure_table("Figures that cannot both be true", ["One source", "Another source"], rows)
               + "\n\n")
    return "".join(out)


def render_metric_page(dataset: Dataset, metric: Metric) -> str:
    page = f"metrics/{metric.id}.md"
    links = Links(page)
    kind = ("a running total since a start date" if metric.kind == "cumulative" else "a count at a moment")
    # Its figures are on the topic page too, which search finds: indexing both would double the
    # index readers download, and the time the build spends on it.
    return (front_matter(metric.label, metric.description, searchable=False)
            + f"# {md_text(metric.label)}\n\n"
            + f'<p>Unit: {html_text(metric.unit)}; {html_text(kind)}. Metric id: <code>{html_text(metric.id)}</code>. '
              f'Download: <a href="{html_text(links.to(f"data/metrics/{metric.id}.csv"))}">CSV of these figures</a>.</p>\n\n'
            + metric_section(dataset, metric, page, heading=None)
            + disagreements_section(dataset, metric, links))


def render_metrics_index(dataset: Dataset) -> str:
    links = Links("metrics/index.md")
    out = [front_matter("Metrics", "Every metric the tracker records, with its page, chart and CSV."), "# Metrics\n\n",
           "Each metric has a page with every figure recorded for it, the sources' quotes and a CSV.\n\n"]
    for topic in dataset.story.topics:
        title = topic.title
        items = []
        for metric in dataset.metrics_of(topic.slug):
            count = len(dataset.observations_of(metric.id))
            items.append(f'<li><a href="{html_text(links.metric(metric.id))}">{html_text(metric.label)}</a> '
                         f'<span class="tracker-count">({count} figure{"s" if count != 1 else ""})</span></li>')
        out.append(f"## {md_text(title)}\n\n<ul>{''.join(items)}</ul>\n\n")
    return "".join(out)
