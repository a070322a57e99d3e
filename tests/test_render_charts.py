"""Charts a reader can use (issue 14): ticks that never repeat, one visual language for hedges and
uncertain dates, labels that fit a phone, packaging (title, source, date, tools), events drawn
from the facts, embed pages, the chart drawn at build time, and tables that turn into cards."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from html import unescape

import pytest

from scripts.load import load_dataset
from scripts.render.chart_frame import count_ticks, date_ticks
from scripts.render.charts import SPAN_NAME, VERMILLION
from scripts.wording import format_quantity_with_unit
from scripts.records import Quantity
from scripts.render.site import render_site
from scripts.render.static_chart import static_svg
from scripts.validate import validate_project


from tests.test_render import chart_specs as specs, mini_site  # noqa: F401 - a fixture shared with test_render


def add_deaths_figure(mini, id: str, value: int, qualifier: str, as_of: str, precision: str, source: str,
                      quote: str) -> None:
    strikes = mini.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text(encoding="utf-8") + (
        f"  - id: {id}\n    metric: strike_deaths\n    value: {value}\n    qualifier: {qualifier}\n"
        f"    as_of: {as_of}\n    as_of_precision: {precision}\n    source: {source}\n    quote: {quote}\n"
        "    status: verified\n"), encoding="utf-8")


def add_annotation(mini, entry: str) -> None:
    metrics = mini.facts / "metrics.yaml"
    text = metrics.read_text(encoding="utf-8")
    metrics.write_text(text.replace("    sums: {kind: strike, figure: killed}\n",
                                    f"    sums: {{kind: strike, figure: killed}}\n    annotate: [{entry}]\n", 1),
                       encoding="utf-8")


def month_labels(first: date, last: date, width: int) -> list[str]:
    """The labels Plotly writes for date_ticks: tick0 plus every step months, inside the span."""
    ticks = date_ticks(first, last, width)
    step, start = int(ticks["dtick"][1:]), date.fromisoformat(ticks["tick0"])
    labels, k = [], 0
    while True:
        month = start.month - 1 + k
        day = date(start.year + month // 12, month % 12 + 1, 1)
        if day > last:
            return labels
        labels.append(day.strftime("%b %Y"))
        k += step


@pytest.mark.parametrize("days, width", [(100, 300), (200, 300), (330, 273), (330, 680), (700, 300), (1500, 680)])
def test_month_ticks_never_repeat_a_label_and_fit_the_width(days, width):
    first = date(2025, 8, 19)
    labels = month_labels(first, first + timedelta(days=days), width)
    assert len(labels) == len(set(labels)) >= 1
    assert len(labels) * 62 <= width + 62  # no more labels than the width holds


def test_a_short_span_gets_day_ticks_and_a_long_one_month_ticks():
    short = date_ticks(date(2025, 10, 1), date(2025, 10, 10), 680)
    assert short["tickformat"] == "%-d %b" and short["dtick"] == 86_400_000
    assert date_ticks(date(2025, 10, 1), date(2025, 11, 25), 500)["dtick"] == 7 * 86_400_000
    assert date_ticks(date(2025, 10, 1), date(2025, 12, 25), 300)["dtick"] == 14 * 86_400_000
    assert date_ticks(date(2025, 8, 19), date(2026, 7, 5), 700) == dict(dtick="M1", tick0="2025-09-01",
                                                                       tickformat="%b %Y")


def test_counts_get_whole_number_ticks_and_rates_keep_fractions():
    assert count_ticks(3.5, True) == {"tickformat": ",d", "dtick": 1}
    assert count_ticks(11, True) == {"tickformat": ",d", "dtick": 2}
    assert count_ticks(200, True) == {"tickformat": ",d"}
    assert count_ticks(3.5, False) == {"tickformat": ",~r"}


def test_one_person_is_a_person():
    assert format_quantity_with_unit(Quantity(1), "people") == "1 person"
    assert format_quantity_with_unit(Quantity(1), "aircraft") == "1 aircraft"
    assert format_quantity_with_unit(Quantity(2), "people") == "2 people"


def test_every_hover_line_fits_a_phone(mini_site):
    for page in ("strikes.md", "timeline.md", "metrics/strike_deaths.md"):
        for spec in specs(mini_site[page]):
            for trace in spec["data"]:
                for text in trace.get("hovertext") or []:
                    lines = [unescape(re.sub(r"</?b>", "", line)) for line in text.split("<br>")]
                    assert max(len(line) for line in lines) <= 40, lines


def test_the_disagreement_ring_is_vermillion_and_the_series_is_not(mini):
    add_deaths_figure(mini, "deaths-low", 6, "exact", "2025-10-07", "day", "2025-10-01-test-strike-report",
                      "The U.S. military killed 6 people on Tuesday in a strike on a boat, officials said.")
    dataset, _ = load_dataset(mini)
    spec = specs(render_site(dataset)["metrics/strike_deaths.md"])[0]
    ring = next(t for t in spec["data"] if t["name"].startswith("red ring"))
    points = [t for t in spec["data"] if t.get("mode") == "markers" and t["name"] in ("exact figure",)]
    assert ring["marker"]["color"] == VERMILLION
    assert points and all(t["marker"]["color"] != VERMILLION for t in points)


def test_an_uncertain_date_is_a_bar_across_its_days_not_a_dot_on_the_first(mini):
    add_deaths_figure(mini, "deaths-month", 40, "at_least", "2025-10-01", "month", "2025-10-22-fourth-test-report",
                      "A rights group counted at least 4 dead in the strike of mid-September.")
    dataset, problems = load_dataset(mini)
    spec = specs(render_site(dataset)["metrics/strike_deaths.md"])[0]
    bound = next(t for t in spec["data"] if t["name"].startswith("lower bound"))
    assert bound["x"][bound["y"].index(40)] == "2025-10-16"  # the middle of October, not the 1st
    span = next(t for t in spec["data"] if t["name"] == SPAN_NAME)
    assert ["2025-10-01", "2025-10-31", None] == span["x"][span["y"].index(40):][:3]
    assert any(t["name"].startswith("bar across dates") for t in spec["data"])


def test_the_timeline_uses_the_same_language_no_hollow_marker_for_a_date(mini_site):
    spec = specs(mini_site["timeline.md"])[0]
    markers = [t for t in spec["data"] if t.get("mode") == "markers"]
    assert markers and all(t["marker"]["symbol"] == "circle" for t in markers)
    assert any(t["name"] == SPAN_NAME for t in spec["data"])  # strike-2025-10-05 is dated "approx"


def test_an_annotated_event_is_a_dotted_line_with_a_short_label(mini):
    add_annotation(mini, "{event: strike-2025-09-30, label: Second strike}")
    dataset, problems = validate_project(mini)
    assert problems == []
    spec = specs(render_site(dataset)["metrics/strike_deaths.md"])[0]
    assert [s["x0"] for s in spec["layout"]["shapes"]] == ["2025-09-30"]
    assert spec["layout"]["shapes"][0]["line"]["dash"] == "dot"
    assert [a["text"] for a in spec["layout"]["annotations"]] == ["Second strike"]


def test_an_annotation_naming_no_event_is_reported(mini):
    add_annotation(mini, "strike-2025-09-31")
    _, problems = validate_project(mini)
    assert [(p.code, p.path) for p in problems] == [("unknown-event", "facts/metrics.yaml")]
    assert "strike-2025-09-30" in problems[0].format()


def test_a_chart_is_packaged_with_title_source_date_and_tools(mini_site):
    page = mini_site["strikes.md"]
    figure = page[page.index('<figure class="tracker-figure" id="chart-individual-strikes"'):].split("</figure>")[0]
    assert '<p class="tracker-chart-title">Deaths in each recorded strike</p>' in figure
    assert "Source: " in figure and "Data to 5 Oct 2025" in figure
    assert 'href="../data/strikes.csv"' in figure and 'href="../embed/chart-individual-strikes/"' in figure
    assert 'data-tracker-download="png"' in figure and 'data-tracker-download="svg"' in figure
    frame = json.loads(unescape(re.search(r'data-frame="([^"]*)"', figure).group(1)))
    assert frame["title"] == "Deaths in each recorded strike" and frame["data_to"] == "Data to 5 Oct 2025"
    metric_page = mini_site["metrics/strike_deaths.md"]
    assert 'href="../../data/metrics/strike_deaths.csv">Data (CSV)' in metric_page


def test_the_chart_is_drawn_in_the_page_before_any_script(mini_site):
    page = mini_site["strikes.md"]
    figure = page[page.index('id="chart-individual-strikes"'):].split("</figure>")[0]
    wide, narrow = re.findall(r'<div class="tracker-static-(?:wide|narrow)"><svg[^>]*>(.*?)</svg>', figure)
    for svg in (wide, narrow):
        ticks = re.findall(r'text-anchor="middle">([A-Z][a-z]{2} \d{4}|\d+ [A-Z][a-z]{2})</text>', svg)
        assert ticks and len(ticks) == len(set(ticks))
        assert svg.count("<polygon") >= 1  # the range's diamond


def test_the_static_drawing_escapes_the_text_it_is_given():
    spec = {"data": [{"type": "scatter", "mode": "markers", "x": ["2025-10-01"], "y": [1],
                      "name": "&lt;script&gt;x", "marker": {"symbol": "circle"}}],
            "layout": {"xaxis": {"type": "date", "range": ["2025-09-01", "2025-12-01"]},
                       "yaxis": {"range": [0, 2], "title": {"text": "<b>people</b>"}}}}
    svg = static_svg(spec, 360)
    assert "<script" not in svg and "&lt;script&gt;x" in svg


def test_every_chart_has_an_embed_page_that_draws_it_alone(mini_site):
    embeds = {path: html for path, html in mini_site.items() if path.startswith("embed/")}
    assert "embed/chart-individual-strikes/index.html" in embeds and "embed/chart-timeline/index.html" in embeds
    page = embeds["embed/chart-strike_deaths/index.html"]
    assert page.startswith("<!doctype html>") and page.count('class="tracker-chart"') == 1
    assert "md-header" not in page and "<nav" not in page
    assert '<script src="../../assets/javascripts/charts.js"></script>' in page
    assert 'href="../../metrics/strike_deaths/"' in page
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)  # nothing from a third party


def test_every_cell_of_a_figure_table_names_its_column(mini_site):
    for page in ("strikes.md", "metrics/strike_deaths.md", "strikes/strike-2025-09-15.md"):
        cells = re.findall(r"<td[^>]*>", mini_site[page])
        assert cells and all("data-label=" in c for c in cells), page


def test_a_figure_for_the_whole_series_does_not_claim_a_region(mini_site):
    assert "whole region" not in mini_site["metrics/strike_deaths.md"]


def test_a_metric_page_does_not_repeat_its_title_or_link_to_itself(mini_site):
    page = mini_site["metrics/strike_deaths.md"]
    assert "## People killed in the strikes" not in page
    assert 'href="../../metrics/strike_deaths/"' not in page


# --- the chart constants: one source (scripts/palette.py), written for the browser ---

def test_every_chart_carries_the_palette_constants(mini_site):
    from scripts.palette import CHART_HEIGHT, COLOURS, DARK_SWAPS
    charts = [(page, m) for page, text in mini_site.items() if isinstance(text, str)
              for m in re.findall(r'<div class="tracker-chart"[^>]*>', text)]
    assert len(charts) >= 5
    for page, tag in charts:
        found = re.search(r'data-constants="([^"]*)"', tag)
        assert found, page
        constants = json.loads(unescape(found.group(1)))
        assert constants == {"colours": COLOURS, "darkSwaps": DARK_SWAPS, "chartHeight": CHART_HEIGHT}


def test_the_browser_code_repeats_no_colour_or_height_of_the_palette():
    from scripts.palette import CHART_HEIGHT, COLOURS
    from scripts.paths import REPO_ROOT
    assets = REPO_ROOT / "docs" / "assets"
    for path in [assets / "javascripts" / "charts.js", *(assets / "stylesheets").glob("*.css")]:
        text = path.read_text(encoding="utf-8").lower()
        assert [c for c in COLOURS.values() if c.lower() in text] == [], path.name
        assert not re.search(rf"\b{CHART_HEIGHT}\b", text), path.name


def test_every_constant_the_stylesheet_reads_is_written_by_the_build():
    from scripts.palette import stylesheet
    from scripts.paths import REPO_ROOT
    css = (REPO_ROOT / "docs" / "assets" / "stylesheets" / "tracker.css").read_text(encoding="utf-8")
    used = set(re.findall(r"var\((--tracker-[\w-]+)\)", css))
    assert "--tracker-chart-height" in used
    assert {name for name in used if f"  {name}: " not in stylesheet()} == set()


def test_the_css_custom_properties_are_the_palette():
    from scripts.palette import COLOURS, css_custom_properties
    css = css_custom_properties({"--tracker-topic-x": "#123456"})
    assert all(f"--tracker-{name}: {value};" in css for name, value in COLOURS.items())
    assert "--tracker-topic-x: #123456;" in css and css.startswith(":root {")


def close_events(*days: str):
    from scripts.records import Annotation, Event, Origin

    events = {f"e{i}": Event(id=f"e{i}", date=date.fromisoformat(day), date_precision="day", kind="strike",
                             title=f"Event number {i}", summary="", sources=(), status="verified",
                             origin=Origin("events.yaml", 1)) for i, day in enumerate(days)}
    return tuple(Annotation(event=key) for key in events), events


def test_labels_of_close_events_stand_a_line_apart_in_pixels_on_any_plot_height():
    from scripts.render.chart_frame import LABEL_ROW, event_marks

    notes, events = close_events("2025-11-10", "2025-11-16")
    _, labels = event_marks(notes, events, ["2025-09-01", "2025-12-01"])
    assert [label["y"] for label in labels] == [1, 1]
    assert [label["yshift"] for label in labels] == [0, -LABEL_ROW] and LABEL_ROW >= 14  # 11 px text
    layout = {"xaxis": {"range": ["2025-09-01", "2025-12-01"]}, "yaxis": {"range": [0, 10]},
              "shapes": [], "annotations": labels, "height": 200}
    rows = [float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)"[^>]*>Event number', static_svg(
        {"data": [], "layout": layout}, 375))]
    assert len(rows) == 2 and rows[1] - rows[0] == LABEL_ROW
