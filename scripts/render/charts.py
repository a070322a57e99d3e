"""Chart specs: records in, a Plotly figure (as a plain dict) out. Drawing happens in the
reader's browser from the spec, by docs/assets/javascripts/charts.js."""

from __future__ import annotations

from datetime import date
from typing import Callable

import plotly.graph_objects as go

from scripts.palette import BLUE, CHART_HEIGHT, GREY, TIMELINE_BASE_HEIGHT, TIMELINE_ROW_HEIGHT, VERMILLION
from scripts.records import Event, Metric, Observation, Quantity, Seed
from scripts.story import IncidentType, Kind
from scripts.render.chart_frame import count_ticks, date_axis, date_span, event_marks, span_middle
from scripts.wording import (HEDGE_LEGEND, QUALIFIER_MEANING, format_date, format_quantity,
                             format_quantity_with_unit)
from scripts.render.series import Disagreement, best_supported_line, disagreements, hedge_class
from scripts.render.tally import SumStep
from scripts.render.text import first_words, plot_lines, plot_text

# One visual language on every chart: a marker's shape says how exact its value is (its words are
# the wording module's); a bar across the time axis says its date is not one known day.
SYMBOLS = {"exact": "circle", "about": "circle-open", "lower": "triangle-up", "upper": "triangle-down",
           "range": "diamond"}
HEDGES = {hedge: (symbol, HEDGE_LEGEND[hedge]) for hedge, symbol in SYMBOLS.items()}

SourceLink = Callable[[str], str]


def _layout(**extra) -> dict:
    layout = dict(
        height=CHART_HEIGHT,
        margin=dict(l=56, r=12, t=12, b=8),
        hovermode="closest",
        dragmode=False,
        showlegend=True,
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.16, yanchor="top"),
        xaxis=dict(type="date", tickformat="%b %Y", automargin=True, fixedrange=True),
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


SPAN_WORDS = "bar across dates: day approximate, or month only"
RING_WORDS = "red ring: sources disagree"
SPAN_NAME = "date span"  # the bars' own traces, out of the legend (SPAN_WORDS stands for them)


def span_trace(items: list[tuple[date, str, float | str]], colour: str) -> go.Scatter | None:
    """Horizontal bars over the days an uncertain date may mean, one per (date, precision, y)."""
    xs, ys = [], []
    for day, precision, y in items:
        span = date_span(day, precision)
        if span:
            xs += [span[0].isoformat(), span[1].isoformat(), None]
            ys += [y, y, None]
    if not xs:
        return None
    return go.Scatter(x=xs, y=ys, mode="lines", name=SPAN_NAME, line=dict(color=colour, width=3), hoverinfo="skip",
                      showlegend=False, connectgaps=False)


def span_legend(traces: list) -> list:
    """The legend's words for the date bars, once, when a chart has any."""
    if not any(t.name == SPAN_NAME for t in traces):
        return []
    return [go.Scatter(x=[None], y=[None], mode="lines", name=SPAN_WORDS, hoverinfo="skip",
                       line=dict(color=GREY, width=3), legendrank=4)]


def observation_hover(obs: Observation, metric: Metric, seed: Seed | None, conflict: str | None = None) -> str:
    """Plotly's hover text: value, the hedge in words, as-of date, outlet, the quote's first words."""
    outlet = seed.outlet if seed else obs.source
    credit = f" (citing {obs.attribution})" if obs.attribution else ""
    lines = [format_quantity_with_unit(obs.quantity, metric.unit), QUALIFIER_MEANING[obs.qualifier],
             f"as of {format_date(obs.as_of, obs.as_of_precision)}", outlet + credit, f"“{first_words(obs.quote)}”"]
    if conflict:
        lines.append(f"Sources disagree: {conflict}")
    return plot_lines(lines)


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


def sum_trace(steps: list[SumStep], until: date, unit: str, event_link: Callable[[Event], str],
              colour: str, plural: str = "events") -> go.Scatter:
    """The running sum of the recorded events: a step up on each day with an event, from zero."""
    first = steps[0].day.isoformat()
    xs = [first] + [s.day.isoformat() for s in steps] + [max(until, steps[-1].day).isoformat()]
    ys = [0] + [s.total for s in steps] + [steps[-1].total]
    hover = [plot_lines([f"Sum of recorded {plural} by {format_date(s.day)}: "
                         f"{format_quantity_with_unit(Quantity(s.total, 'at_least'), unit)}",
                         *(e.title for e in s.events)]) for s in steps]
    links = [event_link(s.events[0]) for s in steps]
    return go.Scatter(x=xs, y=ys, mode="lines", name=f"sum of recorded {plural} (lower bound)",
                      line=dict(color=GREY, width=2, shape="hv", dash="dot"),
                      hovertext=[hover[0], *hover, hover[-1]], hoverinfo="text",
                      customdata=[links[0], *links, links[-1]], legendrank=1)


def metric_chart(metric: Metric, observations: list[Observation], seeds: dict[str, Seed],
                 source_link: SourceLink, colour: str = BLUE, recorded: list[SumStep] | None = None,
                 event_link: Callable[[Event], str] = str, events: dict[str, Event] | None = None,
                 summed: str = "events") -> dict:
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
        traces.append(sum_trace(recorded, until, metric.unit, event_link, GREY, summed))
    spans = span_trace([(o.as_of, o.as_of_precision, o.value) for o in plotted], colour)
    traces += [spans, *span_legend([spans])] if spans else []
    for hedge, (symbol, words) in HEDGES.items():
        group = [o for o in plotted if hedge_class(o.qualifier) == hedge]
        if not group:
            continue
        traces.append(go.Scatter(
            x=[span_middle(o.as_of, o.as_of_precision).isoformat() for o in group], y=[o.value for o in group],
            mode="markers", name=words,
            marker=dict(symbol=symbol, size=11, color=colour,
                        line=dict(width=2, color=[VERMILLION if o.id in conflicts else colour for o in group])),
            error_y=whisker([o.quantity for o in group], colour),
            hovertext=[observation_hover(o, metric, seeds.get(o.source), conflicts.get(o.id)) for o in group],
            hoverinfo="text", customdata=[source_link(o.source) for o in group], legendrank=2))
    if conflicts:
        disputed = [o for o in plotted if o.id in conflicts]
        traces.append(go.Scatter(
            x=[span_middle(o.as_of, o.as_of_precision).isoformat() for o in disputed], y=[o.value for o in disputed],
            mode="markers", name=RING_WORDS, hoverinfo="skip", legendrank=3,
            marker=dict(symbol="circle-open", size=20, color=VERMILLION, line=dict(width=2))))
    top = max([o.quantity.high or o.value for o in plotted] + [s.total for s in recorded or []] + [1]) * 1.18
    layout = _layout(yaxis=dict(rangemode="tozero", range=[0, top], automargin=True, fixedrange=True,
                                title=dict(text=plot_text(metric.unit), standoff=6),
                                **count_ticks(top, metric.counted)))
    days = [o.as_of for o in plotted] + [s.day for s in recorded or []]
    if days:
        layout["xaxis"] = dict(layout["xaxis"], **date_axis(days))
        layout["shapes"], layout["annotations"] = event_marks(metric.annotate, events or {}, layout["xaxis"]["range"])
    return _figure(traces, layout)


def incident_hover(event: Event) -> str:
    incident, kind = event.incident, event.incident.type
    parts = [event.title, f"{format_date(event.date, event.date_precision)}, {incident.place}"]
    for figure in kind.figures:
        q = incident.figure(figure.name)
        # what the toll counts (people) is worth saying unknown; a count of things only when given
        if q is not None or figure.unit == kind.figure(kind.toll).unit:
            parts.append(f"{figure.label.lower()}: {format_quantity(q) if q else 'not reported'}")
    if event.readings:
        parts.append(f"Sources disagree: see the {kind.noun}'s page")
    return plot_lines(parts)


def _legend_entry(name: str, symbol: str, colour: str, group: str | None = None) -> go.Scatter:
    """A legend line with nothing drawn: what a colour or a shape means."""
    return go.Scatter(x=[None], y=[None], mode="markers", name=name, hoverinfo="skip", legendgroup=group,
                      marker=dict(symbol=symbol, size=11, color=colour))


def _incident_points(group: list[Event], name: str, colour: str, event_link: Callable[[Event], str]) -> go.Scatter:
    tolls = [e.incident.toll for e in group]
    return go.Scatter(
        x=[span_middle(e.date, e.date_precision).isoformat() for e in group], y=[q.value for q in tolls],
        mode="markers", name=name,
        legendgroup=name, showlegend=False,
        marker=dict(symbol=[HEDGES[hedge_class(q.qualifier)][0] for q in tolls], size=12, color=colour,
                    line=dict(width=2, color=colour)),
        error_y=whisker(tolls, colour), hovertext=[incident_hover(e) for e in group], hoverinfo="text",
        customdata=[event_link(e) for e in group])


def incidents_chart(kind: IncidentType, events: list[Event], event_link: Callable[[Event], str]) -> dict:
    """One point per incident at its toll, coloured by place and shaped by the toll's hedge; a
    whisker up to a range's high end; a grey cross where no toll is known."""
    incidents = [e for e in events if e.incident is not None and e.incident.type == kind and e.status == "verified"]
    tolled = [e for e in incidents if e.incident.toll is not None]
    toll = kind.label(kind.toll).lower()
    traces = []
    for place in kind.places:
        group = [e for e in tolled if e.incident.place == place.name]
        ranged = [e for e in group if e.incident.toll.qualifier == "range"]
        single = [e for e in group if e.incident.toll.qualifier != "range"]
        name = f"{toll}, {place.name}"
        if group:
            traces.append(_legend_entry(name, "circle", place.colour, name))
            spans = span_trace([(e.date, e.date_precision, e.incident.toll.value) for e in group], place.colour)
            traces += [spans] if spans else []
        traces += [_incident_points(part, name, place.colour, event_link) for part in (single, ranged) if part]
    for hedge, (symbol, words) in HEDGES.items():  # the shapes' meaning, once, in the legend
        if hedge != "exact" and any(hedge_class(e.incident.toll.qualifier) == hedge for e in tolled):
            traces.append(_legend_entry(words, symbol, GREY))
    traces += span_legend(traces)
    unknown = [e for e in incidents if e.incident.toll is None]
    if unknown:
        traces.append(go.Scatter(
            x=[span_middle(e.date, e.date_precision).isoformat() for e in unknown], y=[0 for _ in unknown],
            mode="markers",
            name=f"{kind.wording.toll_name} not reported", marker=dict(symbol="x", size=11, color=GREY),
            hovertext=[incident_hover(e) for e in unknown], hoverinfo="text",
            customdata=[event_link(e) for e in unknown]))
    top = max([e.incident.toll.high or e.incident.toll.value for e in tolled] + [1]) * 1.15
    layout = _layout(yaxis=dict(rangemode="tozero", range=[0, top], fixedrange=True, automargin=True,
                                title=dict(text=toll, standoff=6), **count_ticks(top, True)))
    if incidents:
        layout["xaxis"] = dict(layout["xaxis"], **date_axis([e.date for e in incidents]))
    return _figure(traces, layout)


def timeline_chart(kinds: tuple[Kind, ...], events: list[Event], event_link: Callable[[str], str]) -> dict:
    """Events on one time axis, one row per kind (the story's, in its order); a bar across the
    days an uncertain date may mean."""
    shown = [e for e in events if e.status == "verified"]
    traces = []
    for kind in kinds:
        group = [e for e in shown if e.kind == kind.slug]
        if not group:
            continue
        spans = span_trace([(e.date, e.date_precision, kind.slug) for e in group], kind.colour)
        traces += [spans] if spans else []
        traces.append(go.Scatter(
            x=[span_middle(e.date, e.date_precision).isoformat() for e in group], y=[kind.slug for _ in group],
            mode="markers", name=kind.slug, marker=dict(size=13, color=kind.colour, symbol="circle"),
            hovertext=[plot_lines([e.title, format_date(e.date, e.date_precision)]) for e in group],
            hoverinfo="text", customdata=[event_link(e.id) for e in group]))
    kinds = [k.slug for k in kinds if any(e.kind == k.slug for e in shown)]
    layout = _layout(height=TIMELINE_BASE_HEIGHT + TIMELINE_ROW_HEIGHT * len(kinds), showlegend=False,
                     yaxis=dict(type="category", categoryorder="array", categoryarray=list(reversed(kinds)),
                                automargin=True, fixedrange=True))
    if shown:
        layout["xaxis"] = dict(layout["xaxis"], **date_axis([e.date for e in shown]))
    return _figure(traces, layout)
