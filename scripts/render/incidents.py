"""Incidents (Markdown out): a page per incident with its figures, every source, the sources' own
readings side by side and its corrections; the table of every incident of a type; and each
reported total beside the sum of the incidents recorded by its date. What an incident is called,
its place and its figures come from the story's incident type (story.yaml `incidents:`)."""

from __future__ import annotations

from datetime import date

from scripts.records import Dataset, Event, EventCorrection, Metric, Quantity, Reading
from scripts.render.charts import incidents_chart
from scripts.story import IncidentType
from scripts.wording import format_date, format_number, format_quantity, format_quantity_with_unit
from scripts.render.links import Links
from scripts.render.summaries import incidents_reconciliation, outlet_name, quantity_words, reconciliation_words
from scripts.render.chart_frame import ChartBlock, ChartFrame, source_words
from scripts.render.tables import Row, chart_figure, figure_table, source_cell
from scripts.render.tally import reconcile
from scripts.render.text import front_matter, html_text, md_text

def incident_events(dataset: Dataset, kind: IncidentType | None = None) -> list[Event]:
    """Every verified incident (of one type, or of any), oldest first."""
    return sorted((e for e in dataset.events if e.incident is not None and e.status == "verified"
                   and (kind is None or e.incident.type == kind)), key=lambda e: (e.date, e.id))


def incident_page_path(event: Event) -> str:
    return f"{event.incident.page}/{event.id}.md"


_NOT_REPORTED = '<span class="tracker-same" title="not reported">—</span>'


def incident_flags(event: Event) -> str:
    flags = []
    if event.readings:
        count = len(event.readings)
        flags.append(f"sources disagree ({count} other reading{'s' if count != 1 else ''})")
    if event.corrections:
        flags.append("corrected")
    return "".join(f' <span class="tracker-flag">{html_text(f)}</span>' for f in flags)


def incidents_table(kind: IncidentType, events: list[Event], links: Links) -> str:
    rows = [Row((html_text(format_date(e.date, e.date_precision)),
                 f'<a href="{html_text(links.incident(e))}">{html_text(e.title)}</a>{incident_flags(e)}',
                 html_text(e.incident.place),
                 *(html_text(format_quantity(q)) if (q := e.incident.figure(name)) else _NOT_REPORTED
                   for name in kind.figure_names))) for e in events]
    return figure_table(f"Every {kind.noun} record ({len(events)}), oldest first; each links to its page. "
                  "—: not reported",
                  ["Date", kind.noun.capitalize(), kind.place_label, *(f.label for f in kind.figures)], rows,
                  " tracker-incidents")


def incident_topic(dataset: Dataset, kind: IncidentType):
    """The topic whose page shows this type's incidents: the first with a metric that sums them."""
    return next((t for t in dataset.story.topics if any(m.sums is not None and m.sums.kind == kind.kind
                                                         for m in dataset.metrics_of(t.slug))), None)


def section_anchor(kind: IncidentType) -> str:
    return "individual-" + kind.pages


def incidents_section(dataset: Dataset, kind: IncidentType, page: str) -> str:
    """The chart of each incident's toll, the sentence that sets them against the reported totals,
    and the table of every incident of the type."""
    links = Links(page)
    events = incident_events(dataset, kind)
    block = incidents_chart_block(dataset, kind, links)
    return (f"## {md_text(kind.wording.section)} {{#{section_anchor(kind)}}}\n\n"
            + chart_figure(block.frame.chart_id, block.spec, block.frame.title, block.summary, block.frame, links)
            + "\n\n" + incidents_table(kind, events, links) + "\n\n")


def incidents_chart_block(dataset: Dataset, kind: IncidentType, links: Links) -> ChartBlock:
    """The chart of each incident's toll with its packaging."""
    events = incident_events(dataset, kind)
    frame = ChartFrame(f"chart-{section_anchor(kind)}", kind.wording.chart_title, kind.wording.chart_description,
                       source_words(len({c.source for e in events for c in e.sources})),
                       max((e.date for e in events), default=None), f"data/{kind.pages}.csv",
                       f"Open the {kind.noun}'s record")
    return ChartBlock(frame, incidents_chart(kind, events, links.incident),
                      incidents_reconciliation(dataset, kind, events))


def reconciliation_table(dataset: Dataset, metric: Metric, links: Links) -> str:
    """Each reported total beside the sum of the incidents recorded on or before its date."""
    kind = dataset.story.incident(metric.sums.kind)
    rows = []
    for row in reconcile(metric, dataset.observations_of(metric.id), dataset.events):
        obs = row.reported
        rows.append(Row((
            html_text(format_date(obs.as_of, obs.as_of_precision)),
            f'<a href="{html_text(links.fact(metric.id, obs.id))}">'
            f"{html_text(format_quantity_with_unit(obs.quantity, metric.unit))}</a>, "
            f'<a href="{html_text(links.source(obs.source))}">{html_text(outlet_name(dataset, obs.source))}</a>',
            f"{html_text(format_quantity(Quantity(row.recorded, 'at_least')))} ({row.events} {kind.noun} record"
            f"{'s' if row.events != 1 else ''})",
            html_text(reconciliation_words(row, kind, metric.sums.figure)))))
    if not rows:
        return ""
    return figure_table(f"{metric.label}: each reported total beside the sum of the {kind.plural} recorded by its "
                        "date", ["As of", "Reported total", f"Sum of recorded {kind.plural} on that date",
                                 "Why they can differ"], rows)


# --- an incident's own page ---



def _facts_list(event: Event) -> str:
    kind = event.incident.type
    items = [("Date", format_date(event.date, event.date_precision)), (kind.place_label, event.incident.place)]
    items += [(f.label, quantity_words(event.incident.figure(f.name))) for f in kind.figures]
    body = "".join(f"<dt>{html_text(k)}</dt><dd>{html_text(v)}</dd>" for k, v in items)
    return f'<dl class="tracker-incident-facts">{body}</dl>'


def _sources_list(dataset: Dataset, event: Event, links: Links) -> str:
    items = []
    for c in event.sources:
        seed = dataset.seeds.get(c.source)
        title = f" <cite>{html_text(seed.title)}</cite>" if seed else ""
        differs = ' <span class="tracker-flag">reads it differently</span>' if c.reading else ""
        items.append(f"<li>{source_cell(seed, c.source, links)}{title}{differs}<br><q>{html_text(c.quote)}</q></li>")
    return f'<ul class="tracker-citations">{"".join(items)}</ul>'


def _reading_cells(event: Event, reading: Reading | None, shown: list[str]) -> list[str]:
    """A row's cells: the reading's own values; '—' (as the record says) where it gives none."""
    same = '<span class="tracker-same" title="as the record says">—</span>'
    if reading is None:
        figures = event.incident.figures()
        cells = [html_text(format_date(event.date, event.date_precision)), html_text(event.incident.place)]
        cells += [html_text(quantity_words(figures.get(name))) for name in shown]
        return cells
    precision = reading.date_precision or ("day" if reading.date else event.date_precision)
    day = format_date(reading.date or event.date, precision) if reading.date or reading.date_precision else None
    cells = [html_text(day) if day else same, html_text(reading.place) if reading.place else same]
    cells += [html_text(format_quantity(q)) if (q := reading.figures().get(name)) else same for name in shown]
    return cells


def readings_table(dataset: Dataset, event: Event, links: Links) -> str:
    """The record's figures first, then each source that reads the incident differently."""
    kind = event.incident.type
    shown = [n for n in kind.figure_names
             if n in event.incident.figures() or any(n in r.figures() for _, r in event.readings)]
    own = [c for c in event.sources if c.reading is None]
    backers = ", ".join(outlet_name(dataset, c.source) for c in own) or "the editors"
    rows = [Row((f"This record ({html_text(backers)})", *_reading_cells(event, None, shown),
                 "The figures counted in the totals"), ' class="tracker-record-row"', named=True)]
    for citation, reading in event.readings:
        rows.append(Row((source_cell(dataset.seeds.get(citation.source), citation.source, links),
                         *_reading_cells(event, reading, shown), html_text(reading.note or "")), named=True))
    return figure_table(f"What each source says of this {kind.noun} (— : as the record says)",
                  ["Source", "Date", kind.place_label, *[kind.label(n) for n in shown], "Note"], rows,
                  " tracker-readings")


def _old_value_words(event: Event, correction: EventCorrection) -> str:
    if correction.field in event.incident.type.figure_names and isinstance(correction.old_value, (int, float)):
        return format_quantity(Quantity(correction.old_value, correction.old_qualifier or "exact",
                                        correction.old_high))
    if correction.field == "date":
        try:
            return format_date(date.fromisoformat(str(correction.old_value)))
        except ValueError:
            return str(correction.old_value)
    return str(correction.old_value)


def _current_words(event: Event, field: str) -> str:
    if field == "date":
        return format_date(event.date, event.date_precision)
    if field == event.incident.place_field:
        return event.incident.place
    return quantity_words(event.incident.figure(field))


def corrections_table(dataset: Dataset, event: Event, links: Links) -> str:
    rows = []
    for c in sorted(event.corrections, key=lambda c: c.date):
        source = source_cell(dataset.seeds.get(c.source), c.source, links) if c.source else ""
        rows.append(Row((html_text(format_date(c.date)), html_text(event.incident.type.label(c.field)),
                         f"{html_text(_old_value_words(event, c))} → {html_text(_current_words(event, c.field))}",
                         html_text(c.reason), source)))
    return figure_table("Changes to this record, oldest first", ["Corrected on", "Figure", "Was → is now", "Why",
                                                            "Source"], rows)


def _page_metadata(event: Event) -> tuple[str, str]:
    """Title and description from the checked fields only (a date, a place from the story's list,
    numbers): the theme writes front matter into the page head unescaped, and titles and
    summaries come from pull requests."""
    incident, kind = event.incident, event.incident.type
    when = format_date(event.date, event.date_precision)
    where = incident.place if incident.place_known else f"an unknown {kind.place_label.lower()}"
    toll = quantity_words(incident.toll)
    noun = kind.noun.capitalize()
    return (f"{noun} of {when}, {where}",
            f"{noun} record: {when}, {where}; {kind.label(kind.toll).lower()}: {toll}. Its sources, where they "
            "disagree, and its corrections.")


def event_correction_rows(dataset: Dataset, links: Links) -> list[tuple[date, str, tuple[str, ...]]]:
    """Cells of the Corrections page for the incidents' corrections, as (date, event id, cells)."""
    entries = [(c, e) for e in incident_events(dataset) for c in e.corrections]
    return [(c.date, e.id, (html_text(format_date(c.date)),
             f'<a href="{html_text(links.incident(e))}">{html_text(e.title)}</a>: '
             f"{html_text(e.incident.type.label(c.field).lower())}",
             f"{html_text(_old_value_words(e, c))} → {html_text(_current_words(e, c.field))}",
             html_text(c.reason))) for c, e in entries]


def render_incident_page(dataset: Dataset, event: Event) -> str:
    links = Links(incident_page_path(event))
    kind = event.incident.type
    note = f'<p class="tracker-notes">Note: {html_text(event.note)}</p>\n\n' if event.note else ""
    if event.incident.derived:
        note += f'<p class="tracker-notes">How the figures were read: {html_text(event.incident.derived)}</p>\n\n'
    topic = incident_topic(dataset, kind)
    back = (f'<a href="{html_text(links.to(topic.slug + "/"))}">All {html_text(kind.plural)}</a> · '
            if topic else "")
    out = [front_matter(*_page_metadata(event), searchable=False),
           f"# {md_text(event.title)}\n\n",
           f'<p class="tracker-incident-back">{back}'
           f'<a href="{html_text(links.event(event.id))}">On the timeline</a></p>\n\n',
           _facts_list(event) + "\n\n",
           f"<p>{html_text(event.summary)}</p>\n\n", note,
           "## Sources {#sources}\n\n", _sources_list(dataset, event, links) + "\n\n"]
    if event.readings:
        out += ["## Where sources disagree {#readings}\n\n",
                "The record keeps one reading, counted in the totals; the others are shown beside it, not "
                "merged.\n\n", readings_table(dataset, event, links) + "\n\n"]
    if event.corrections:
        out += ["## Corrections {#corrections}\n\n", corrections_table(dataset, event, links) + "\n\n"]
    return "".join(out)
