"""HTML fragments: observation tables and chart figures. All text goes through html_text."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from scripts.palette import browser_constants
from scripts.records import UNNAMED_OUTLET, Metric, Observation, Seed
from scripts.render.chart_frame import DEFAULT_WIDTH, NARROW_WIDTH, ChartFrame
from scripts.wording import format_date, format_quantity_with_unit
from scripts.render.links import Links
from scripts.render.static_chart import can_draw, static_svg
from scripts.render.text import html_text


def source_cell(seed: Seed | None, source_id: str, links: Links) -> str:
    name = seed.outlet_shown if seed else UNNAMED_OUTLET
    when = f", {format_date(seed.published)}" if seed else ""
    return f'<a href="{html_text(links.source(source_id))}">{html_text(name + when)}</a>'


def _derived(obs: Observation) -> str:
    """How the editor derived a figure the quote does not state: shown with the quote."""
    return f'<br><span class="tracker-derived">Derived: {html_text(obs.derived)}</span>' if obs.derived else ""


@dataclass(frozen=True)
class Row:
    """A table row: the HTML of each cell (a cell may be (html, css class)), attributes of the
    <tr>, and whether its first cell names the row (<th scope="row">)."""

    cells: tuple[str | tuple[str, str], ...]
    attrs: str = ""
    named: bool = False


def figure_table(caption: str, headers: list[str], rows: list[Row], css: str = "") -> str:
    """A table of figures. Every cell carries its column's name (data-label), so a narrow screen
    shows each row as a card of labelled lines; the ARIA roles keep it a table for screen readers
    when CSS makes its parts blocks."""
    head = "".join(f'<th scope="col" role="columnheader">{html_text(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row.cells):
            content, klass = cell if isinstance(cell, tuple) else (cell, "")
            label = f' data-label="{html_text(headers[i])}"' if i < len(headers) else ""
            css_attr = f' class="{klass}"' if klass else ""
            if i == 0 and row.named:
                cells.append(f'<th scope="row" role="rowheader"{css_attr}{label}>{content}</th>')
            else:
                cells.append(f'<td role="cell"{css_attr}{label}>{content}</td>')
        body.append(f'<tr role="row"{row.attrs}>{"".join(cells)}</tr>')
    return (f'<div class="tracker-table-wrap"><table class="tracker-table{css}" role="table">'
            f'<caption>{html_text(caption)}</caption><thead role="rowgroup"><tr role="row">{head}</tr></thead>'
            f'<tbody role="rowgroup">{"".join(body)}</tbody></table></div>')


def observation_table(metric: Metric, observations: list[Observation], seeds: dict[str, Seed],
                      links: Links, caption: str) -> str:
    rows = []
    for obs in observations:
        status = "" if obs.status == "verified" else f' <span class="tracker-status">{html_text(obs.status)}</span>'
        rows.append(Row((
            html_text(format_date(obs.as_of, obs.as_of_precision)),
            (f"{html_text(format_quantity_with_unit(obs.quantity, metric.unit))}{status}", "tracker-figure-cell"),
            html_text(obs.scope or ""),  # empty: the figure is the metric's own, as its description says
            source_cell(seeds.get(obs.source), obs.source, links),
            html_text(obs.attribution or ""),
            (f"<q>{html_text(obs.quote)}</q>{_derived(obs)}", "tracker-quote")), attrs=f' id="fact-{html_text(obs.id)}"'))
    return figure_table(caption, ["As of", "Figure", "Covers only", "Source", "Credited to", "Quote"], rows,
                        " tracker-observations")


def chart_data(spec: dict) -> str:
    return html.escape(json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False), quote=True)


# The chart constants charts.js reads (colours, the dark palette's swaps, the height): scripts/palette.py's.
CONSTANTS = html.escape(browser_constants(), quote=True)


def chart_drawing(spec: dict, label: str, frame: ChartFrame | None = None) -> str:
    """The drawing area: the chart drawn at build time (a wide and a narrow SVG), which charts.js
    replaces with the interactive chart; ``frame`` gives it the words a downloaded image carries, and
    ``data-constants`` the palette's constants (charts.js repeats none of them)."""
    words = f' data-frame="{chart_data(frame.as_spec())}"' if frame else ""
    static = "".join(f'<div class="tracker-static-{name}">{static_svg(spec, width)}</div>'
                     for name, width in (("wide", DEFAULT_WIDTH), ("narrow", NARROW_WIDTH))) if can_draw(spec) else ""
    return (f'<div class="tracker-chart" role="img" aria-label="{html_text(label)}" '
            f'data-figure="{chart_data(spec)}"{words} data-constants="{CONSTANTS}">{static}</div>')


def chart_tools(frame: ChartFrame, links: Links) -> str:
    """Where a reader takes the chart: its data, an image, an embed, a link. The buttons need
    charts.js (and plotly.js), which shows them."""
    embed = links.to(f"embed/{frame.chart_id}/")
    data = (f'<a href="{html_text(links.to(frame.csv))}">Data ({html_text(frame.csv.rsplit(".", 1)[-1].upper())})</a>'
            if frame.csv else "")
    buttons = "".join(f'<button type="button" class="md-button tracker-tool" data-tracker-{kind}="{value}" hidden>'
                      f"{words}</button>" for kind, value, words in (
                          ("download", "png", "Image (PNG)"), ("download", "svg", "Image (SVG)"),
                          ("embed", html_text(embed), "Copy embed code")))
    return (f'<p class="tracker-chart-tools">{data} {buttons} <a href="{html_text(embed)}">Chart alone</a> '
            f'<a href="#{html_text(frame.chart_id)}">Link to this chart</a></p>')


def chart_figure(chart_id: str, spec: dict, caption: str, summary: str, frame: ChartFrame | None = None,
                 links: Links | None = None) -> str:
    """A chart in a <figure>: its title and subtitle, the drawing (filled by charts.js), its source
    and date, the tools, and a caption with the summary."""
    if frame is None or links is None:
        return (f'<figure class="tracker-figure" id="{html_text(chart_id)}">'
                f'{chart_drawing(spec, caption + ". " + summary)}'
                f"<figcaption><strong>{html_text(caption)}</strong> {html_text(summary)}</figcaption></figure>")
    return (f'<figure class="tracker-figure" id="{html_text(chart_id)}">'
            f'<p class="tracker-chart-title">{html_text(frame.title)}</p>'
            f'<p class="tracker-chart-subtitle">{html_text(frame.subtitle)}</p>'
            f"{chart_drawing(spec, frame.title + '. ' + summary, frame)}"
            f'<p class="tracker-chart-source">{html_text(frame.source)} · '
            f'<span class="tracker-data-to">{html_text(frame.data_to_words)}</span></p>'
            f"{chart_tools(frame, links)}"
            f"<figcaption>{html_text(summary)}</figcaption></figure>")
