"""HTML fragments: observation tables and chart figures. All text goes through html_text."""

from __future__ import annotations

import html
import json

from scripts.records import UNNAMED_OUTLET, Metric, Observation, Seed
from scripts.render.format import format_date, format_quantity_with_unit
from scripts.render.links import Links
from scripts.render.text import html_text


def source_cell(seed: Seed | None, source_id: str, links: Links) -> str:
    name = seed.outlet_shown if seed else UNNAMED_OUTLET
    when = f", {format_date(seed.published)}" if seed else ""
    return f'<a href="{html_text(links.source(source_id))}">{html_text(name + when)}</a>'


def _derived(obs: Observation) -> str:
    """How the editor derived a figure the quote does not state: shown with the quote."""
    return f'<br><span class="tracker-derived">Derived: {html_text(obs.derived)}</span>' if obs.derived else ""


def observation_table(metric: Metric, observations: list[Observation], seeds: dict[str, Seed],
                      links: Links, caption: str) -> str:
    rows = []
    for obs in observations:
        status = "" if obs.status == "verified" else f' <span class="tracker-status">{html_text(obs.status)}</span>'
        rows.append(
            f'<tr id="fact-{html_text(obs.id)}">'
            f"<td>{html_text(format_date(obs.as_of, obs.as_of_precision))}</td>"
            f"<td>{html_text(format_quantity_with_unit(obs.quantity, metric.unit))}{status}</td>"
            f"<td>{html_text(obs.scope or 'whole region')}</td>"
            f"<td>{source_cell(seeds.get(obs.source), obs.source, links)}</td>"
            f"<td>{html_text(obs.attribution or '')}</td>"
            f'<td class="tracker-quote"><q>{html_text(obs.quote)}</q>{_derived(obs)}</td></tr>')
    return (
        '<div class="tracker-table-wrap"><table class="tracker-table">'
        f"<caption>{html_text(caption)}</caption>"
        "<thead><tr><th scope=\"col\">As of</th><th scope=\"col\">Figure</th><th scope=\"col\">Covers</th>"
        "<th scope=\"col\">Source</th><th scope=\"col\">Credited to</th><th scope=\"col\">Quote</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>")


def chart_figure(chart_id: str, spec: dict, caption: str, summary: str) -> str:
    """A chart in a <figure>: the drawing area (filled by charts.js), a caption and a summary."""
    data = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return (
        f'<figure class="tracker-figure" id="{html_text(chart_id)}">'
        f'<div class="tracker-chart" role="img" aria-label="{html_text(caption + ". " + summary)}" '
        f'data-figure="{html.escape(data, quote=True)}"></div>'
        f"<figcaption><strong>{html_text(caption)}</strong> {html_text(summary)}</figcaption></figure>")
