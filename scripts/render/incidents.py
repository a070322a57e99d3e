"""Strike incidents (Markdown out): a page per strike with its figures, every source, the
sources' own readings side by side and its corrections; the table of every strike; and each
reported total beside the sum of the strikes recorded by its date."""

from __future__ import annotations

from datetime import date

from scripts.records import STRIKE_FIGURES, Dataset, Event, EventCorrection, Metric, Quantity, Reading
from scripts.render.charts import strikes_chart
from scripts.wording import format_date, format_number, format_quantity, format_quantity_with_unit
from scripts.render.links import Links
from scripts.render.summaries import outlet_name, quantity_words, reconciliation_words, strikes_reconciliation
from scripts.render.chart_frame import ChartBlock, ChartFrame, source_words
from scripts.render.tables import Row, chart_figure, figure_table, source_cell
from scripts.render.tally import reconcile
from scripts.render.text import front_matter, html_text, md_text

FIGURE_LABELS = {"strikes": "Strikes", "vessels": "Vessels", "killed": "Killed", "survivors": "Survivors"}


def strike_events(dataset: Dataset) -> list[Event]:
    """Every verified strike event, oldest first."""
    return sorted((e for e in dataset.events if e.strike is not None and e.status == "verified"),
                  key=lambda e: (e.date, e.id))


def strike_page_path(event: Event) -> str:
    return f"strikes/{event.id}.md"


_NOT_REPORTED = '<span class="tracker-same" title="not reported">—</span>'


def strike_flags(event: Event) -> str:
    flags = []
    if event.readings:
        count = len(event.readings)
        flags.append(f"sources disagree ({count} other reading{'s' if count != 1 else ''})")
    if event.corrections:
        flags.append("corrected")
    return "".join(f' <span class="tracker-flag">{html_text(f)}</span>' for f in flags)


def strikes_table(events: list[Event], links: Links) -> str:
    rows = [Row((html_text(format_date(e.date, e.date_precision)),
                 f'<a href="{html_text(links.strike(e.id))}">{html_text(e.title)}</a>{strike_flags(e)}',
                 html_text(e.strike.theater),
                 *(html_text(format_quantity(q)) if (q := getattr(e.strike, name)) else _NOT_REPORTED
                   for name in STRIKE_FIGURES))) for e in events]
    return figure_table(f"Every strike recorded ({len(events)}), oldest first; each links to its record. "
                  "—: not reported",
                  ["Date", "Strike", "Theater", *FIGURE_LABELS.values()], rows, " tracker-strikes")


def strike_events_section(dataset: Dataset, page: str) -> str:
    """The chart of deaths per strike, the sentence that sets them against the reported totals,
    and the table of every strike."""
    links = Links(page)
    events = strike_events(dataset)
    block = strikes_chart_block(dataset, links)
    return ("## Individual strikes {#individual-strikes}\n\n"
            + chart_figure(block.frame.chart_id, block.spec, block.frame.title, block.summary, block.frame, links)
            + "\n\n" + strikes_table(events, links) + "\n\n")


def strikes_chart_block(dataset: Dataset, links: Links) -> ChartBlock:
    """The chart of deaths per strike with its packaging."""
    events = strike_events(dataset)
    frame = ChartFrame("chart-individual-strikes", "Deaths in each recorded strike",
                       "People killed in each US strike on an alleged drug boat, by date; the colour says where.",
                       source_words(len({c.source for e in events for c in e.sources})),
                       max((e.date for e in events), default=None), "data/strikes.csv", "Open the strike's record")
    return ChartBlock(frame, strikes_chart(events, links.strike), strikes_reconciliation(dataset, events))


def reconciliation_table(dataset: Dataset, metric: Metric, links: Links) -> str:
    """Each reported total beside the sum of the strikes recorded on or before its date."""
    rows = []
    for row in reconcile(metric, dataset.observations_of(metric.id), dataset.events):
        obs = row.reported
        rows.append(Row((
            html_text(format_date(obs.as_of, obs.as_of_precision)),
            f'<a href="{html_text(links.fact(metric.id, obs.id))}">'
            f"{html_text(format_quantity_with_unit(obs.quantity, metric.unit))}</a>, "
            f'<a href="{html_text(links.source(obs.source))}">{html_text(outlet_name(dataset, obs.source))}</a>',
            f"at least {html_text(format_number(row.recorded))} ({row.events} strike record"
            f"{'s' if row.events != 1 else ''})",
            html_text(reconciliation_words(row, metric.sums.figure)))))
    if not rows:
        return ""
    return figure_table(f"{metric.label}: each reported total beside the sum of the strikes recorded by its date",
                  ["As of", "Reported total", "Sum of recorded strikes on that date", "Why they can differ"], rows)


# --- a strike's own page ---



def _facts_list(event: Event) -> str:
    items = [("Date", format_date(event.date, event.date_precision)), ("Theater", event.strike.theater)]
    items += [(label, quantity_words(getattr(event.strike, name))) for name, label in FIGURE_LABELS.items()]
    body = "".join(f"<dt>{html_text(k)}</dt><dd>{html_text(v)}</dd>" for k, v in items)
    return f'<dl class="tracker-strike-facts">{body}</dl>'


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
        figures = event.strike.figures()
        cells = [html_text(format_date(event.date, event.date_precision)), html_text(event.strike.theater)]
        cells += [html_text(quantity_words(figures.get(name))) for name in shown]
        return cells
    precision = reading.date_precision or ("day" if reading.date else event.date_precision)
    day = format_date(reading.date or event.date, precision) if reading.date or reading.date_precision else None
    cells = [html_text(day) if day else same, html_text(reading.theater) if reading.theater else same]
    cells += [html_text(format_quantity(q)) if (q := reading.figures().get(name)) else same for name in shown]
    return cells


def readings_table(dataset: Dataset, event: Event, links: Links) -> str:
    """The record's figures first, then each source that reads the strike differently."""
    shown = [n for n in STRIKE_FIGURES
             if n in event.strike.figures() or any(n in r.figures() for _, r in event.readings)]
    own = [c for c in event.sources if c.reading is None]
    backers = ", ".join(outlet_name(dataset, c.source) for c in own) or "the editors"
    rows = [Row((f"This record ({html_text(backers)})", *_reading_cells(event, None, shown),
                 "The figures counted in the totals"), ' class="tracker-record-row"', named=True)]
    for citation, reading in event.readings:
        rows.append(Row((source_cell(dataset.seeds.get(citation.source), citation.source, links),
                         *_reading_cells(event, reading, shown), html_text(reading.note or "")), named=True))
    return figure_table("What each source says of this strike (— : as the record says)",
                  ["Source", "Date", "Theater", *[FIGURE_LABELS[n] for n in shown], "Note"], rows,
                  " tracker-readings")


def _old_value_words(correction: EventCorrection) -> str:
    if correction.field in STRIKE_FIGURES and isinstance(correction.old_value, (int, float)):
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
    if field == "theater":
        return event.strike.theater
    return quantity_words(getattr(event.strike, field))


def corrections_table(dataset: Dataset, event: Event, links: Links) -> str:
    rows = []
    for c in sorted(event.corrections, key=lambda c: c.date):
        source = source_cell(dataset.seeds.get(c.source), c.source, links) if c.source else ""
        rows.append(Row((html_text(format_date(c.date)), html_text(FIGURE_LABELS.get(c.field, c.field.capitalize())),
                         f"{html_text(_old_value_words(c))} → {html_text(_current_words(event, c.field))}",
                         html_text(c.reason), source)))
    return figure_table("Changes to this record, oldest first", ["Corrected on", "Figure", "Was → is now", "Why",
                                                            "Source"], rows)


def _page_metadata(event: Event) -> tuple[str, str]:
    """Title and description from the checked fields only (a date, a theater from a fixed list,
    numbers): the theme writes front matter into the page head unescaped, and titles and
    summaries come from pull requests."""
    when = format_date(event.date, event.date_precision)
    where = event.strike.theater if event.strike.theater != "unknown" else "an unknown theater"
    toll = quantity_words(event.strike.killed)
    return (f"Strike of {when}, {where}",
            f"Strike record: {when}, {where}; killed: {toll}. Its sources, where they disagree, and its "
            "corrections.")


def event_correction_rows(dataset: Dataset, links: Links) -> list[tuple[date, str, str]]:
    """Rows of the Corrections page for the strikes' corrections, as (date, event id, row)."""
    entries = [(c, e) for e in strike_events(dataset) for c in e.corrections]
    return [(c.date, e.id, f"<tr><td>{html_text(format_date(c.date))}</td>"
            f'<td><a href="{html_text(links.strike(e.id))}">{html_text(e.title)}</a>: '
            f"{html_text(FIGURE_LABELS.get(c.field, c.field).lower())}</td>"
            f"<td>{html_text(_old_value_words(c))} → {html_text(_current_words(e, c.field))}</td>"
            f"<td>{html_text(c.reason)}</td></tr>") for c, e in entries]


def render_strike_page(dataset: Dataset, event: Event) -> str:
    links = Links(strike_page_path(event))
    note = f'<p class="tracker-notes">Note: {html_text(event.note)}</p>\n\n' if event.note else ""
    if event.strike.derived:
        note += f'<p class="tracker-notes">How the figures were read: {html_text(event.strike.derived)}</p>\n\n'
    out = [front_matter(*_page_metadata(event), searchable=False),
           f"# {md_text(event.title)}\n\n",
           f'<p class="tracker-strike-back"><a href="{html_text(links.to("strikes/"))}">All strikes</a> · '
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
