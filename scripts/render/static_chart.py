"""A chart drawn at build time as SVG, from the same Plotly spec the browser draws: shown with the
page's HTML, so a reader on a slow phone sees the chart at once; charts.js replaces it with the
interactive chart when plotly.js has arrived.

It draws what the tracker's specs use and nothing else: markers (circle, open circle, triangles,
diamond, cross) with their outline colours, whiskers (error_y), lines (straight or steps, solid
or dotted), date and category axes, dotted event lines with their labels, and the legend. Every
text comes from the spec, where it is already escaped for Plotly (plot_text), and is escaped
again here for SVG after Plotly's <b>/<br> are removed.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime

from scripts.palette import GREY
from scripts.render.chart_frame import date_ticks

FONT = 12
RIGHT, TOP, BOTTOM = 12, 12, 26
LEGEND_ROW, CHAR_PX = 18, 6.4
_TAGS = re.compile(r"<[^>]+>")


def _text(plotly_text: str) -> str:
    """Plotly's label text (entities, <b>, <br>) as escaped SVG text."""
    return html.escape(html.unescape(_TAGS.sub(" ", plotly_text or "")).strip())


def _ms(value: str) -> float:
    return datetime.fromisoformat(value).timestamp() * 1000


def _nice_step(span: float, count: int = 5) -> float:
    raw = span / count
    power = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    return next((m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw), 10 * power)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


class _Plot:
    """The plot area and its mapping from data to pixels."""

    def __init__(self, layout: dict, width: int, height: int):
        self.width, self.height = width, height
        x0, x1 = layout["xaxis"]["range"]
        self.x_range = (_ms(x0), _ms(x1))
        y = layout["yaxis"]
        self.categories = list(y.get("categoryarray") or []) if y.get("type") == "category" else None
        self.y_range = (-0.5, len(self.categories) - 0.5) if self.categories is not None else tuple(y["range"])
        if self.categories is not None:
            self.left = 12 + max((len(c) for c in self.categories), default=0) * CHAR_PX
        else:  # room for the longest tick label and the axis title
            self.left = 28 + len(_number(self.y_range[1])) * CHAR_PX

    def x(self, value: str) -> float:
        lo, hi = self.x_range
        return self.left + (_ms(value) - lo) / (hi - lo) * (self.width - RIGHT - self.left)

    def y(self, value) -> float:
        if self.categories is not None:
            value = self.categories.index(value)
        lo, hi = self.y_range
        return TOP + (1 - (value - lo) / (hi - lo)) * (self.height - BOTTOM - TOP)


def _months(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def _x_axis(plot: _Plot) -> list[str]:
    first, last = (date.fromisoformat(datetime.fromtimestamp(v / 1000).date().isoformat()) for v in plot.x_range)
    ticks = date_ticks(first, last, plot.width - plot.left - RIGHT)
    out, bottom = [], plot.height - BOTTOM
    if str(ticks["dtick"]).startswith("M"):  # as Plotly: tick0 (a 1st of month) + k × step months
        step, start, days = int(ticks["dtick"][1:]), date.fromisoformat(ticks["tick0"]), []
        for k in range(0, _months(start, last) + 1, step):
            day = date(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1, 1)
            if first <= day <= last:
                days.append((day, day.strftime("%b %Y")))
    else:
        step = int(ticks["dtick"] / 86_400_000)
        days = [(date.fromordinal(o), f"{date.fromordinal(o).day} {date.fromordinal(o):%b}")
                for o in range(first.toordinal() + 1, last.toordinal() + 1, step)]
    for day, label in days:
        x = plot.x(day.isoformat())
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom}" class="g"/>'
                   f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{label}</text>')
    return out


def _y_axis(plot: _Plot, yaxis: dict) -> list[str]:
    out = []
    if plot.categories is not None:
        for name in plot.categories:
            y = plot.y(name)
            out.append(f'<text x="{plot.left - 6}" y="{y + 4:.1f}" text-anchor="end">{_text(name)}</text>')
        return out
    lo, hi = plot.y_range
    step = yaxis.get("dtick") or _nice_step(hi - lo)
    if yaxis.get("tickformat") == ",d":
        step = max(1, round(step))
    value = 0.0
    while value <= hi:
        y = plot.y(value)
        out.append(f'<line x1="{plot.left}" x2="{plot.width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="g"/>'
                   f'<text x="{plot.left - 6}" y="{y + 4:.1f}" text-anchor="end">{_number(value)}</text>')
        value += step
    title = _text((yaxis.get("title") or {}).get("text", ""))
    if title:
        mid = (TOP + plot.height - BOTTOM) / 2
        out.append(f'<text transform="translate(12 {mid:.1f}) rotate(-90)" text-anchor="middle">{title}</text>')
    return out


def _symbol(kind: str, x: float, y: float, size: float, fill: str, stroke: str) -> str:
    r = size / 2
    hollow = kind.endswith("-open")
    paint = f'fill="{"none" if hollow else fill}" stroke="{stroke}" stroke-width="2"'
    if kind.startswith("triangle"):
        sign = -1 if kind.startswith("triangle-up") else 1
        points = f"{x - r:.1f},{y - sign * r * 0.7:.1f} {x + r:.1f},{y - sign * r * 0.7:.1f} {x:.1f},{y + sign * r:.1f}"
        return f'<polygon points="{points}" {paint}/>'
    if kind.startswith("diamond"):
        return f'<polygon points="{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}" {paint}/>'
    if kind.startswith("x"):
        d = r * 0.7
        return (f'<path d="M{x - d:.1f} {y - d:.1f}L{x + d:.1f} {y + d:.1f}M{x - d:.1f} {y + d:.1f}L{x + d:.1f} {y - d:.1f}" '
                f'stroke="{fill}" stroke-width="3"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r - 1:.1f}" {paint}/>'


def _each(value, i: int):
    return value[i] if isinstance(value, list) else value


def _lines(trace: dict, plot: _Plot) -> list[str]:
    line = trace.get("line") or {}
    dash = ' stroke-dasharray="2 3"' if line.get("dash") == "dot" else ""
    out, points = [], []
    for x, y in list(zip(trace["x"], trace["y"])) + [(None, None)]:
        if x is None or y is None:
            if len(points) > 1:
                out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{line.get("color", GREY)}" '
                           f'stroke-width="{line.get("width", 2)}"{dash}/>')
            points = []
            continue
        px, py = plot.x(x), plot.y(y)
        if line.get("shape") == "hv" and points:
            points.append(f"{px:.1f},{points[-1].split(',')[1]}")
        points.append(f"{px:.1f},{py:.1f}")
    return out


def _markers(trace: dict, plot: _Plot) -> list[str]:
    marker = trace.get("marker") or {}
    outline = (marker.get("line") or {}).get("color", marker.get("color"))
    ups = (trace.get("error_y") or {}).get("array")
    out = []
    for i, (x, y) in enumerate(zip(trace["x"], trace["y"])):
        if x is None or y is None:
            continue
        px, py = plot.x(x), plot.y(y)
        colour = _each(marker.get("color", GREY), i)
        if ups and ups[i]:
            top = plot.y(y + ups[i])
            out.append(f'<path d="M{px:.1f} {py:.1f}V{top:.1f}M{px - 3.5:.1f} {top:.1f}H{px + 3.5:.1f}" '
                       f'stroke="{colour}" stroke-width="2"/>')
        out.append(_symbol(str(_each(marker.get("symbol", "circle"), i)), px, py, marker.get("size", 10),
                           colour, _each(outline, i) or colour))
    return out


def _legend(traces: list[dict], width: int, top: float) -> tuple[list[str], float]:
    out, x, y = [], 8.0, top + 10
    for trace in traces:
        if trace.get("showlegend") is False or not trace.get("name"):
            continue
        name = _text(trace["name"])
        item = 26 + len(name) * CHAR_PX + 14
        if x + item > width and x > 8:
            x, y = 8.0, y + LEGEND_ROW
        if "markers" in trace.get("mode", ""):
            m = trace.get("marker") or {}
            colour = _each(m.get("color", GREY), 0)
            out.append(_symbol(str(_each(m.get("symbol", "circle"), 0)), x + 9, y, 10, colour, colour))
        else:
            line = trace.get("line") or {}
            dash = ' stroke-dasharray="2 3"' if line.get("dash") == "dot" else ""
            out.append(f'<line x1="{x}" x2="{x + 18}" y1="{y}" y2="{y}" stroke="{line.get("color", GREY)}" '
                       f'stroke-width="{line.get("width", 2)}"{dash}/>')
        out.append(f'<text x="{x + 24:.1f}" y="{y + 4:.1f}">{name}</text>')
        x += item
    return out, (y + 12 - top if out else 0)


def _events(layout: dict, plot: _Plot) -> list[str]:
    out = []
    for shape in layout.get("shapes") or []:
        x = plot.x(shape["x0"])
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{plot.height - BOTTOM}" stroke="{GREY}" '
                   'stroke-width="1.5" stroke-dasharray="2 3"/>')
    for note in layout.get("annotations") or []:
        y = TOP + (1 - note["y"]) * (plot.height - BOTTOM - TOP) + 12 - note.get("yshift", 0)
        x = plot.x(note["x"])
        right = note.get("xanchor") == "right"
        out.append(f'<text x="{x + (-3 if right else 3):.1f}" y="{y:.1f}" text-anchor="{"end" if right else "start"}" '
                   f'fill="{GREY}">{_text(note["text"])}</text>')
    return out


def can_draw(spec: dict) -> bool:
    """Whether the spec is one of the tracker's: a date axis with its range, a value axis with its
    range or its categories. Any other chart waits for Plotly."""
    layout = spec.get("layout") or {}
    x, y = layout.get("xaxis") or {}, layout.get("yaxis") or {}
    return bool(x.get("range")) and bool(y.get("range") or y.get("categoryarray"))


def static_svg(spec: dict, width: int) -> str:
    """The chart of ``spec`` as an SVG ``width`` pixels wide (its plot as tall as the spec's)."""
    layout, traces = spec["layout"], spec["data"]
    plot = _Plot(layout, width, layout.get("height", 340) - 40)
    body = _y_axis(plot, layout["yaxis"]) + _x_axis(plot) + _events(layout, plot)
    for trace in traces:
        mode = trace.get("mode", "")
        if "lines" in mode:
            body += _lines(trace, plot)
        if "markers" in mode:
            body += _markers(trace, plot)
    legend, legend_height = ([], 0) if layout.get("showlegend") is False else _legend(traces, width, plot.height)
    height = plot.height + legend_height
    return (f'<svg class="tracker-static" viewBox="0 0 {width} {height:.0f}" width="{width}" height="{height:.0f}" '
            f'aria-hidden="true" focusable="false" font-size="{FONT}" fill="currentColor">'
            + "".join(body + legend) + "</svg>")
