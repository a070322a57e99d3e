"""What frames a chart, the same on every one: its axes (date ticks that never repeat a label,
whole-number ticks for counts), the events drawn on it, the span of an uncertain date, and the
words that package it like a grapher chart (title, subtitle, source, "data to")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from scripts.palette import GREY
from scripts.records import Annotation, Event
from scripts.wording import format_date
from scripts.render.text import plot_lines, plot_text
from scripts.validate import date_window  # one reading of a date's uncertainty, the checker's

DAY_MS = 86_400_000
# A month label ("Nov 2025") takes about this many pixels at the charts' font size; a day label
# ("19 Nov") a little less. charts.js applies the same rule at the chart's real width.
MONTH_LABEL_PX, DAY_LABEL_PX = 62, 56
MONTH_STEPS = (1, 2, 3, 6, 12)
DEFAULT_WIDTH = 680  # the content column at 1280 px: the width of the static chart and of the export
NARROW_WIDTH = 360  # a phone's column: the static chart's second drawing


@dataclass(frozen=True)
class ChartFrame:
    """A chart's packaging: what it is, where its figures come from, how far they go, and where
    a reader gets them. ``csv`` is a site path ('data/metrics/x.csv'); ``link_words`` name what
    a point's link opens."""

    chart_id: str
    title: str
    subtitle: str
    source: str
    data_to: date | None
    csv: str | None
    link_words: str = "Open the source"

    @property
    def data_to_words(self) -> str:
        return f"Data to {format_date(self.data_to)}" if self.data_to else "No data yet"

    def as_spec(self) -> dict:
        """The words charts.js draws into a downloaded image (plain text; it sets them as text)."""
        return {"title": self.title, "subtitle": self.subtitle, "source": self.source,
                "data_to": self.data_to_words, "link_words": self.link_words, "id": self.chart_id}


@dataclass(frozen=True)
class ChartBlock:
    """A chart ready to place: its packaging, its Plotly spec and the sentence that sums it up."""

    frame: ChartFrame
    spec: dict
    summary: str


def source_words(articles: int) -> str:
    return f"Source: {articles} news article{'s' if articles != 1 else ''}, each figure quoted on the Sources page"


def _months_between(first: date, last: date) -> int:
    """How many 1sts of month from ``first`` (a 1st) to ``last``."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def date_ticks(first: date, last: date, width: int = DEFAULT_WIDTH) -> dict:
    """Ticks for a date axis from ``first`` to ``last`` at a plot ``width`` in pixels: months
    ("Nov 2025", every 1, 2, 3, 6 or 12 months so the labels fit) when the span is over three
    months, else days (every 1, 7 or 14 days). One label a tick, each label a distinct date."""
    if (last - first).days > 92:
        start = first if first.day == 1 else (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        months = _months_between(start, last)  # the 1sts of month on the axis
        step = next((s for s in MONTH_STEPS if months / s * MONTH_LABEL_PX <= width), 12)
        return dict(dtick=f"M{step}", tick0=start.isoformat(), tickformat="%b %Y")
    days = max(1, (last - first).days)
    step = next((s for s in (1, 7) if days / s * DAY_LABEL_PX <= width), 14)
    return dict(dtick=step * DAY_MS, tick0=first.isoformat(), tickformat="%-d %b")


def count_ticks(top: float, counted: bool) -> dict:
    """A value axis up to ``top``: counts get whole-number labels and never a step under one."""
    if not counted:
        return dict(tickformat=",~r")
    ticks = dict(tickformat=",d")
    if top <= 6:
        ticks["dtick"] = 1
    elif top <= 12:
        ticks["dtick"] = 2
    return ticks


def date_span(day: date, precision: str) -> tuple[date, date] | None:
    """The days a date may mean when it is not one known day: the whole month of a month, a week
    either side of an approximate day (as validation reads them); None for a known day."""
    return None if precision == "day" else date_window(day, precision)


def span_middle(day: date, precision: str) -> date:
    """Where a point is drawn: a month's figure in the middle of its month, not on the 1st."""
    span = date_span(day, precision)
    return span[0] + (span[1] - span[0]) / 2 if span else day


LABEL_ROW = 15  # px between the two rows of event labels: a line of their 11 px text


def short_label(text: str, limit: int = 24) -> str:
    """An event's title cut at a word to fit over a chart: 'The USS Gerald R. Ford…'."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def event_marks(notes: tuple[Annotation, ...], events: dict[str, Event],
                axis_range: list[str]) -> tuple[list[dict], list[dict]]:
    """Plotly shapes and annotations for the events a metric annotates: a dotted vertical line at
    each event's date and its label at the top of the plot, alternating two rows a line apart (in
    pixels, so they do not touch on a short plot) so close events do not overlap; a label in the last third of the axis is written leftwards of its line. Events
    that are missing, not verified or off the axis are left out."""
    start, end = (date.fromisoformat(d) for d in axis_range)
    shapes, labels = [], []
    shown = [(n, events[n.event]) for n in notes if n.event in events and events[n.event].status == "verified"
             and start <= events[n.event].date <= end]
    for i, (note, event) in enumerate(sorted(shown, key=lambda item: item[1].date)):
        day = span_middle(event.date, event.date_precision)
        x = day.isoformat()
        leftwards = (day - start) > (end - start) * 2 / 3
        shapes.append(dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, layer="below",
                           line=dict(color=GREY, width=1.5, dash="dot")))
        labels.append(dict(x=x, xref="x", y=1, yref="paper", yshift=-LABEL_ROW * (i % 2),
                           xanchor="right" if leftwards else "left", yanchor="top",
                           text=plot_text(note.label or short_label(event.title)), showarrow=False,
                           font=dict(size=11, color=GREY), align="left",
                           hovertext=plot_lines([event.title, format_date(event.date, event.date_precision)])))
    return shapes, labels


def padded_range(days: list[date]) -> list[str]:
    first, last = min(days), max(days)
    pad = max(timedelta(days=3), (last - first) / 20)
    return [(first - pad).isoformat(), (last + pad).isoformat()]


def date_axis(days: list[date]) -> dict:
    """A date axis over ``days`` (padded), ticks set for the plot of a chart of the default width
    (charts.js sets them again for the chart's real width)."""
    span = padded_range(days)
    return dict(range=span, **date_ticks(date.fromisoformat(span[0]), date.fromisoformat(span[1]), DEFAULT_WIDTH - 70))
