"""Chart specs: records in, a Plotly figure (as a plain dict) out. Drawing happens in the
reader's browser from the spec, by docs/assets/javascripts/charts.js."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

import plotly.graph_objects as go

from scripts.records import EVENT_KINDS, Event, Metric, Observation, Quantity, Seed
from scripts.render.format import (QUALIFIER_MEANING, format_date, format_number, format_quantity,
                                   format_quantity_with_unit)
from scripts.render.series import Disagreement, best_supported_line, disagreements, hedge_class
from scripts.render.tally import SumStep
from scripts.render.text import first_words, plot_text

# Okabe–Ito: distinguishable with the common colour-vision deficiencies. charts.js swaps the
# dark blue for the sky blue on the dark palette.
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#8C8C8C")
THEATER_COLOURS = {"Caribbean": ORANGE, "Eastern Pacific": BLUE, "unknown": GREY}
KIND_COLOURS = dict(zip(EVENT_KINDS, (VERMILLION, BLUE, ORANGE, PURPLE, GREEN, GREY)))

HEDGES = {  # hedge class → marker symbol and the legend's words
    "exact": ("circle", "exact figure"),
    "about": ("circle-open", "approximate (about, roughly)"),
    "lower": ("triangle-up", "lower bound (at least, more than)"),
    "upper": ("triangle-down", "upper bound (up to, as many as)"),
    "range": ("diamond", "range (from … to …)"),
}

SourceLink = Callable[[str], str]


def _layout(**extra) -> dict:
    layout = dict(
        height=340,
        margin=dict(l=56, r=12, t=12, b=8),
        hovermode="closest",
        dragmode=False,
        showlegend=True,
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.16, yanchor="top"),
        xaxis=dict(type="date", tickformat="%-d %b %Y", automargin=True, fixedrange=True),
        yaxis=dict(rangemode="tozero", tickformat=",~r", automargin=True, fixedrange=True),
        hoverlabel=dict(align="left"),
    )
    layout.update(extra)
    return layout


def _figure(traces: list, layout: dict) -> dict:
    fig = go.Figure(data=traces, layout=go.Layout(template=go.layout.Template(), **layout))
    spec = fig.to_plotly_json()
    spec["layout"].pop("template", None)
    return spec


def _date_range(days: list[date]) -> list[str]:
    first, last = min(days), max(days)
    pad = max(timedelta(days=3), (last - first) / 20)
    return [(first - pad).isoformat(), (last + pad).isoformat()]


def observation_hover(obs: Observation, metric: Metric, seed: Seed | None, conflict: str | None = None) -> str:
    """Plotly's hover text: value, the hedge in words, as-of date, outlet, the quote's first words."""
    outlet = seed.outlet if seed else obs.source
    credit = f" (citing {obs.attribution})" if obs.attribution else ""
    lines = [
        f"<b>{plot_text(format_quantity_with_unit(obs.quantity, metric.unit))}</b>",
        plot_text(QUALIFIER_MEANING[obs.qualifier]),
        f"as of {plot_text(format_date(obs.as_of, obs.as_of_precision))}",
        plot_text(outlet + credit),
        f"“{plot_text(first_words(obs.quote))}”",
    ]
    if conflict:
        lines.append(f"<b>Sources disagree:</b> {plot_text(conflict)}")
    return "<br>".join(lines)


def _conflicts(found: list[Disagreement], metric: Metric) -> dict[str, str]:
    notes: dict[str, str] = {}
    for d in found:
        for this, other in ((d.first, d.second), (d.second, d.first)):
            text = (f"{format_quantity(other.quantity, metric.unit)} as of "
                    f"{format_date(other.as_of, other.as_of_precision)} in another source")
            notes[this.id] = f"{notes[this.id]}; {text}" if this.id in notes else text
    return notes


def whisker(quantities: list[Quantity], colour: str) -> dict | None:
    """Plotly error bars from each range's low end (the point) up to its high end; None if no range."""
    ups = [(q.high - q.value) if q.qualifier == "range" and q.high is not None else 0 for q in quantities]
    if not any(ups):
        return None
    return dict(type="data", symmetric=False, array=ups, arrayminus=[0] * len(ups), color=colour,
                thickness=2, width=7)


def sum_trace(steps: list[SumStep], until: date, unit: str, event_link: Callable[[str], str],
              colour: str) -> go.Scatter:
    """The running sum of the recorded events: a step up on each day with an event, from zero."""
    first = steps[0].day.isoformat()
    xs = [first] + [s.day.isoformat() for s in steps] + [max(until, steps[-1].day).isoformat()]
    ys = [0] + [s.total for s in steps] + [steps[-1].total]
    hover = [f"<b>Sum of recorded strikes by {plot_text(format_date(s.day))}: at least "
             f"{plot_text(format_number(s.total))} {plot_text(unit)}</b><br>"
             + "<br>".join(plot_text(e.title) for e in s.events) for s in steps]
    links = [event_link(s.events[0].id) for s in steps]
    return go.Scatter(x=xs, y=ys, mode="lines", name="sum of recorded strikes (lower bound)",
                      line=dict(color=GREY, width=2, shape="hv", dash="dot"),
                      hovertext=[hover[0], *hover, hover[-1]], hoverinfo="text",
                      customdata=[links[0], *links, links[-1]], legendrank=1)


def metric_chart(metric: Metric, observations: list[Observation], seeds: dict[str, Seed],
                 source_link: SourceLink, colour: str = BLUE, recorded: list[SumStep] | None = None,
                 event_link: Callable[[str], str] = str) -> dict:
    """Every verified whole-region figure as a point shaped by its hedge; for a level, the line
    rule; for a running total, no line between reports but, where events are summed, their sum."""
    plotted = [o for o in observations if o.whole_region and o.status == "verified"]
    conflicts = _conflicts(disagreements(plotted, metric.kind == "cumulative"), metric)
    traces = []
    line = best_supported_line(metric, plotted) if metric.kind == "level" else []
    if len(line) > 1:
        traces.append(go.Scatter(
            x=[p.day.isoformat() for p in line], y=[p.value for p in line], mode="lines",
            name="highest figure at each date", line=dict(color=colour, width=2), hoverinfo="skip", legendrank=1))
    if recorded:
        until = max([o.as_of for o in plotted] + [recorded[-1].day])
        traces.append(sum_trace(recorded, until, metric.unit, event_link, GREY))
    for hedge, (symbol, words) in HEDGES.items():
        group = [o for o in plotted if hedge_class(o.qualifier) == hedge]
        if not group:
            continue
        traces.append(go.Scatter(
            x=[o.as_of.isoformat() for o in group], y=[o.value for o in group], mode="markers", name=words,
            marker=dict(symbol=symbol, size=11, color=colour,
                        line=dict(width=2, color=[VERMILLION if o.id in conflicts else colour for o in group])),
            error_y=whisker([o.quantity for o in group], colour),
            hovertext=[observation_hover(o, metric, seeds.get(o.source), conflicts.get(o.id)) for o in group],
            hoverinfo="text", customdata=[source_link(o.source) for o in group], legendrank=2))
    if conflicts:
        disputed = [o for o in plotted if o.id in conflicts]
        traces.append(go.Scatter(
            x=[o.as_of.isoformat() for o in disputed], y=[o.value for o in disputed], mode="markers",
            name="sources disagree", hoverinfo="skip", legendrank=3,
            marker=dict(symbol="circle-open", size=20, color=VERMILLION, line=dict(width=2))))
    top = max([o.quantity.high or o.value for o in plotted] + [s.total for s in recorded or []] + [1])
    layout = _layout(yaxis=dict(rangemode="tozero", range=[0, top * 1.18], tickformat=",~r",
                                automargin=True, fixedrange=True,
                                title=dict(text=plot_text(metric.unit), standoff=6)))
    days = [o.as_of for o in plotted] + [s.day for s in recorded or []]
    if days:
        layout["xaxis"] = dict(layout["xaxis"], range=_date_range(days))
    return _figure(traces, layout)


def strike_hover(event: Event) -> str:
    s = event.strike
    parts = [f"<b>{plot_text(event.title)}</b>", plot_text(format_date(event.date, event.date_precision)),
             plot_text(s.theater)]
    for label, q in (("strikes", s.strikes), ("vessels", s.vessels), ("killed", s.killed),
                     ("survivors", s.survivors)):
        if q is not None or label in ("killed", "survivors"):
            parts.append(f"{label}: {plot_text(format_quantity(q) if q else 'not reported')}")
    if event.readings:
        parts.append("<b>Sources disagree</b>: see the strike's page")
    return "<br>".join(parts)


def _legend_entry(name: str, symbol: str, colour: str, group: str | None = None) -> go.Scatter:
    """A legend line with nothing drawn: what a colour or a shape means."""
    return go.Scatter(x=[None], y=[None], mode="markers", name=name, hoverinfo="skip", legendgroup=group,
                      marker=dict(symbol=symbol, size=11, color=colour))


def _strike_points(group: list[Event], name: str, colour: str, event_link: Callable[[str], str]) -> go.Scatter:
    tolls = [e.strike.killed for e in group]
    return go.Scatter(
        x=[e.date.isoformat() for e in group], y=[q.value for q in tolls], mode="markers", name=name,
        legendgroup=name, showlegend=False,
        marker=dict(symbol=[HEDGES[hedge_class(q.qualifier)][0] for q in tolls], size=12, color=colour,
                    line=dict(width=2, color=colour)),
        error_y=whisker(tolls, colour), hovertext=[strike_hover(e) for e in group], hoverinfo="text",
        customdata=[event_link(e.id) for e in group])


def strikes_chart(events: list[Event], event_link: Callable[[str], str]) -> dict:
    """One point per strike event at its death toll, coloured by theater and shaped by the toll's
    hedge; a whisker up to a range's high end; a grey cross where no toll is known."""
    strikes = [e for e in events if e.strike is not None and e.status == "verified"]
    tolled = [e for e in strikes if e.strike.killed is not None]
    traces = []
    for theater, colour in THEATER_COLOURS.items():
        group = [e for e in tolled if e.strike.theater == theater]
        ranged = [e for e in group if e.strike.killed.qualifier == "range"]
        single = [e for e in group if e.strike.killed.qualifier != "range"]
        name = f"killed, {theater}"
        if group:
            traces.append(_legend_entry(name, "circle", colour, name))
        traces += [_strike_points(part, name, colour, event_link) for part in (single, ranged) if part]
    for hedge, (symbol, words) in HEDGES.items():  # the shapes' meaning, once, in the legend
        if hedge != "exact" and any(hedge_class(e.strike.killed.qualifier) == hedge for e in tolled):
            traces.append(_legend_entry(words, symbol, GREY))
    unknown = [e for e in strikes if e.strike.killed is None]
    if unknown:
        traces.append(go.Scatter(
            x=[e.date.isoformat() for e in unknown], y=[0 for _ in unknown], mode="markers",
            name="toll not reported", marker=dict(symbol="x", size=11, color=GREY),
            hovertext=[strike_hover(e) for e in unknown], hoverinfo="text",
            customdata=[event_link(e.id) for e in unknown]))
    top = max([e.strike.killed.high or e.strike.killed.value for e in tolled] + [1])
    layout = _layout(yaxis=dict(rangemode="tozero", range=[0, top * 1.15], tickformat=",~r", fixedrange=True,
                                automargin=True, title=dict(text="killed", standoff=6)))
    if strikes:
        layout["xaxis"] = dict(layout["xaxis"], range=_date_range([e.date for e in strikes]))
    return _figure(traces, layout)


def timeline_chart(events: list[Event], event_link: Callable[[str], str]) -> dict:
    """Events on one time axis, one row per kind; hollow markers where the day is not certain."""
    shown = [e for e in events if e.status == "verified"]
    traces = []
    for kind in EVENT_KINDS:
        group = [e for e in shown if e.kind == kind]
        if not group:
            continue
        traces.append(go.Scatter(
            x=[e.date.isoformat() for e in group], y=[kind for _ in group], mode="markers", name=kind,
            marker=dict(size=13, color=KIND_COLOURS[kind],
                        symbol=["circle" if e.date_precision == "day" else "circle-open" for e in group],
                        line=dict(width=2, color=KIND_COLOURS[kind])),
            hovertext=[f"<b>{plot_text(e.title)}</b><br>{plot_text(format_date(e.date, e.date_precision))}"
                       for e in group],
            hoverinfo="text", customdata=[event_link(e.id) for e in group]))
    kinds = [k for k in EVENT_KINDS if any(e.kind == k for e in shown)]
    layout = _layout(height=120 + 36 * len(kinds), showlegend=False,
                     yaxis=dict(type="category", categoryorder="array", categoryarray=list(reversed(kinds)),
                                automargin=True, fixedrange=True))
    if shown:
        layout["xaxis"] = dict(layout["xaxis"], range=_date_range([e.date for e in shown]))
    return _figure(traces, layout)
