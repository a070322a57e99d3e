"""Rendering: formatting by hand-checked examples, the line rule, and pages built from fixtures."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest

from scripts.load import load_dataset
from scripts.records import Metric, Observation, Origin, Quantity
from scripts.render.format import format_date, format_number, format_quantity, format_quantity_with_unit
from scripts.render.links import Links, page_url
from scripts.render.series import best_supported_line, disagreements, latest_figures
from scripts.render.site import render_site
from scripts.render.text import md_text, safe_url


@pytest.mark.parametrize("value, unit, text", [
    (10000, None, "10,000"), (4500, None, "4,500"), (11_000_000, None, "11 million"),
    (1_800_000, None, "1.8 million"), (50_000_000, "USD", "$50 million"), (14579, None, "14,579"),
    (500, "tons/year", "500"), (2.5, None, "2.5"), (1_234_567, None, "1,234,567"),
])
def test_numbers_are_formatted_for_people(value, unit, text):
    assert format_number(value, unit) == text


def test_hedges_and_units_survive_into_the_sentence():
    assert format_quantity(Quantity(80, "more_than")) == "more than 80"
    assert format_quantity(Quantity(10000, "about")) == "about 10,000"
    assert format_quantity(Quantity(39, "up_to")) == "up to 39"
    assert format_quantity_with_unit(Quantity(14, "at_least"), "people") == "at least 14 people"
    assert format_quantity_with_unit(Quantity(1, "exact"), "tankers") == "1 tanker"
    assert format_quantity_with_unit(Quantity(500, "about"), "tons/year") == "about 500 tons a year"
    assert format_quantity_with_unit(Quantity(1_100_000, "about"), "barrels/day") == "about 1.1 million barrels a day"


def test_dates_are_formatted_for_people():
    assert format_date(date(2025, 12, 19)) == "19 Dec 2025"
    assert format_date(date(2025, 8, 1), "month") == "Aug 2025"
    assert format_date(date(2025, 11, 2), "approx") == "around 2 Nov 2025"


def obs(id, value, qualifier="exact", day=1, source="s1", scope=None, status="verified") -> Observation:
    return Observation(id=id, metric="m", quantity=Quantity(value, qualifier), as_of=date(2025, 10, day),
                       as_of_precision="day", scope=scope, source=source, quote="q" * 10, attribution=None,
                       status=status, note=None, origin=Origin("f.yaml", 1))


def metric(kind="cumulative") -> Metric:
    return Metric(id="m", label="M", unit="people", kind=kind, topic="strikes", description="d", cues=("x",),
                  origin=Origin("m.yaml", 1))


def test_the_running_total_line_takes_the_highest_lower_bound_and_never_falls():
    series = [obs("a", 20, "at_least", 1), obs("b", 30, "more_than", 5, "s2"), obs("c", 25, "exact", 9, "s3"),
              obs("d", 90, "up_to", 10, "s4"), obs("e", 99, day=11, scope="one strike")]
    line = best_supported_line(metric("cumulative"), series)
    assert [(p.day.day, p.value, p.basis.id) for p in line] == [(1, 20, "a"), (5, 30, "b"), (9, 30, "b")]


def test_a_level_line_follows_each_date_and_may_fall():
    line = best_supported_line(metric("level"), [obs("a", 7, day=1), obs("b", 6, day=5, source="s2")])
    assert [p.value for p in line] == [7, 6]


def test_disagreement_needs_about_the_same_date_and_ranges_that_do_not_overlap():
    same_day = [obs("a", 21, "about", 6, "s1"), obs("b", 23, "exact", 6, "s2")]
    assert [(d.first.id, d.second.id) for d in disagreements(same_day)] == [("a", "b")]
    compatible = [obs("a", 87, "at_least", 6, "s1"), obs("b", 87, "exact", 6, "s2")]
    assert disagreements(compatible) == []
    growing = [obs("a", 13, day=1, source="s1"), obs("b", 14, day=3, source="s2")]
    assert disagreements(growing, cumulative=True) == []
    assert len(disagreements(growing, cumulative=False)) == 1
    far_apart = [obs("a", 13, day=1, source="s1"), obs("b", 30, day=20, source="s2")]
    assert disagreements(far_apart, cumulative=False) == []


def test_latest_figures_keep_every_source_of_the_newest_date():
    latest = latest_figures([obs("a", 80, day=1), obs("b", 87, "at_least", 6, "s2"), obs("c", 87, day=6, source="s3")])
    assert [o.id for o in latest] == ["c", "b"]


def test_links_are_relative_to_the_page():
    assert page_url("index.md") == "" and page_url("metrics/x.md") == "metrics/x/"
    assert page_url("metrics/index.md") == "metrics/"
    assert Links("index.md").source("s") == "sources/#s"
    assert Links("strikes.md").source("s") == "../sources/#s"
    assert Links("metrics/x.md").event("e") == "../../timeline/#event-e"


def test_untrusted_text_is_inert():
    assert md_text("<script>alert(1)</script> [x](javascript:y) *b*") == (
        "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(javascript:y\\) \\*b\\*")
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"


@pytest.fixture
def mini_site(mini):
    dataset, problems = load_dataset(mini)
    assert problems == []
    return render_site(dataset)


def chart_specs(page: str) -> list[dict]:
    return [json.loads(unescape(m)) for m in re.findall(r'data-figure="([^"]*)"', page)]


def test_every_page_of_the_site_is_rendered(mini_site):
    for path in ("index.md", "deployments.md", "strikes.md", "oil.md", "context.md", "timeline.md",
                 "sources.md", "data.md", "metrics/index.md", "metrics/strike_deaths.md",
                 "data/facts.csv", "data/facts.json", "data/events.json", "data/metrics/strike_deaths.csv"):
        assert path in mini_site


def test_a_chart_shows_every_whole_region_figure_with_its_hedge(mini_site):
    specs = chart_specs(mini_site["strikes.md"])
    deaths = next(s for s in specs if any(t.get("name", "").startswith("lower bound") for t in s["data"]))
    markers = {t["name"]: t["y"] for t in deaths["data"] if t.get("mode") == "markers"}
    assert markers == {"lower bound (at least, more than)": [20, 30]}   # the one-strike figure is not plotted
    hover = next(t for t in deaths["data"] if t.get("mode") == "markers")["hovertext"][0]
    assert "at least 20 people" in hover and "lower bound" in hover and "Test Wire" in hover


def test_scoped_figures_are_in_the_metric_page_table_not_in_the_chart(mini_site):
    page = mini_site["metrics/strike_deaths.md"]
    assert "the strike of 30 Sep 2025" in page
    assert all(6 not in t.get("y", []) for s in chart_specs(page) for t in s["data"] if t.get("mode") == "markers")


def test_home_sentence_and_cards_are_generated_from_the_facts(mini_site):
    home = mini_site["index.md"]
    assert "more than 30 people killed (7 Oct 2025)" in home
    assert "4 strikes on alleged drug boats as of around 1 Oct 2025" in home


def test_drafts_are_not_published(mini_site):
    assert "warships-seven" not in mini_site["data/facts.csv"]
    assert "deaths-first" in mini_site["data/facts.csv"]


def test_sources_page_lists_each_article_with_its_quotes_but_not_its_text(mini_site):
    page = mini_site["sources.md"]
    assert "{#2025-10-01-test-strike-report}" in page and "https://example.org/strike" in page
    assert "date inferred" in page and "Test notes on how the date was inferred." in page
    assert "campaign has killed at least 20 people so far" in page          # a verified fact's quote
    assert "The Navy has seven warships there." not in page   # a draft's quote is not published


def test_hostile_text_in_every_field_is_rendered_as_text(mini):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) {{ config }}'
    for path in (mini.facts / "strikes.yaml", mini.facts / "events.yaml"):
        text = path.read_text()
        text = text.replace("    status: verified", f"    note: '{hostile}'\n    status: verified")
        path.write_text(text.replace("title: A strike in the Caribbean", f"title: '{hostile}'")
                        .replace("summary: Six people are killed.", f"summary: '{hostile}'"))
    seed = mini.seeds / "2025-10-01-test-strike-report.md"
    seed.write_text(seed.read_text().replace("outlet: Test Wire", f"outlet: '{hostile}'")
                    .replace("title: Test report of a strike", f"title: '{hostile}'"))
    dataset, problems = load_dataset(mini)
    assert problems == []
    site = render_site(dataset)
    for path, content in site.items():
        if path.endswith(".md"):
            assert "<script>" not in content and "<img" not in content, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in site["timeline.md"]


def test_the_metric_page_lists_figures_that_disagree_side_by_side(mini):
    from scripts.render.pages import render_metric_page

    strikes = mini.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text(encoding="utf-8") + (
        "  - id: deaths-low\n    metric: strike_deaths\n    value: 6\n    qualifier: exact\n    as_of: 2025-10-07\n    as_of_precision: day\n"
        "    source: 2025-10-01-test-strike-report\n"
        "    quote: The U.S. military killed 6 people on Tuesday in a strike on a boat, officials said.\n"
        "    status: verified\n"), encoding="utf-8")
    dataset, problems = load_dataset(mini)
    assert problems == []
    page = render_metric_page(dataset, dataset.metrics["strike_deaths"])
    section = page[page.index("## Where sources disagree"):]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", section)
    assert len(rows) == 1
    texts = sorted(re.sub(r"<[^>]+>", "", cell) for cell in rows[0])
    assert texts == ["6 people as of 7 Oct 2025, Test Wire", "more than 30 people as of 7 Oct 2025, an outlet the stored text does not name"]
    assert 'href="../../metrics/strike_deaths/#fact-deaths-low"' in section


def test_a_metric_page_says_so_when_no_sources_disagree(mini_site):
    section = mini_site["metrics/strike_deaths.md"].split("## Where sources disagree")[1]
    assert "No two sources give figures of about the same date" in section and "<table" not in section
