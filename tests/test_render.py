"""Rendering: formatting by hand-checked examples, the line rule, and pages built from fixtures."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest

from scripts.load import load_dataset
from scripts.records import Metric, Observation, Origin, Quantity
from scripts.render.charts import SPAN_NAME
from scripts.wording import format_date, format_number, format_quantity, format_quantity_with_unit
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
    assert Links("index.md").source("s") == "sources/s/"
    assert Links("strikes.md").source("s") == "../sources/s/"
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
    index = mini_site["sources.md"]
    # the index: a line per article, keeping its old anchor, linking to the article's own page
    assert '<li id="2025-10-01-test-strike-report"><a href="../sources/2025-10-01-test-strike-report/">' in index
    assert "date inferred" in index and "campaign has killed" not in index
    page = mini_site["sources/2025-10-01-test-strike-report.md"]
    assert "https://example.org/strike" in page and "search:\n  exclude: true" in page
    assert "campaign has killed at least 20 people so far" in page          # a verified fact's quote
    assert 'href="../../metrics/strike_deaths/#fact-' in page and 'href="../../sources/"' in page
    inferred = next(v for k, v in mini_site.items() if k.startswith("sources/") and "date inferred" in v)
    assert "Test notes on how the date was inferred." in inferred
    assert not any("The Navy has seven warships there." in v for v in mini_site.values()
                   if isinstance(v, str))   # a draft's quote is not published


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
    rows = re.findall(r'<tr role="row"><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>', section)
    assert len(rows) == 1
    texts = sorted(re.sub(r"<[^>]+>", "", cell) for cell in rows[0])
    assert texts == ["6 people as of 7 Oct 2025, Test Wire", "more than 30 people as of 7 Oct 2025, an outlet the stored text does not name"]
    assert 'href="../../metrics/strike_deaths/#fact-deaths-low"' in section


def test_a_metric_page_says_so_when_no_sources_disagree(mini_site):
    section = mini_site["metrics/strike_deaths.md"].split("## Where sources disagree")[1]
    assert "No two sources give figures of about the same date" in section and "<table" not in section


# --- strikes as incidents, sums of recorded strikes, ranges ---


def test_a_range_is_written_low_to_high():
    assert format_quantity(Quantity(23, "range", 24)) == "23 to 24"
    assert format_quantity(Quantity(30_000_000, "range", 50_000_000)) == "30 to 50 million"
    assert format_quantity_with_unit(Quantity(23, "range", 24), "people") == "23 to 24 people"


def test_a_strike_page_shows_the_record_the_readings_side_by_side_and_the_corrections(mini_site):
    page = mini_site["strikes/strike-2025-09-15.md"]
    assert "search:\n  exclude: true" in page
    assert "<dt>Date</dt><dd>15 Sep 2025</dd>" in page and "<dt>Killed</dt><dd>3</dd>" in page
    readings = page[page.index("## Where sources disagree"):]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", readings.split("<tbody")[1])
    cells = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)] for row in rows]
    assert cells[0][:5] == ["This record (Test Wire)", "15 Sep 2025", "Caribbean", "1", "3"]
    assert cells[1][:5] == ["Test Courier, 22 Oct 2025", "14 Sep 2025", "Eastern Pacific", "—", "2"]
    assert cells[2][4:] == ["at least 4", "A rights group&#x27;s count."]
    assert 'href="../../sources/2025-10-22-fourth-test-report/"' in page
    assert "A rights group counted at least 4 dead in the strike of mid-September." in page
    corrected = mini_site["strikes/strike-2025-09-30.md"]
    history = corrected[corrected.index("## Corrections"):]
    assert "8 Oct 2025" in history and "3 → 6" in history and "the military&#x27;s later count" in history
    assert "## Where sources disagree" not in corrected


def test_a_strike_page_title_is_made_of_checked_fields_only(mini_site):
    page = mini_site["strikes/strike-2025-10-05.md"]
    assert page.startswith('---\ntitle: Strike of around 5 Oct 2025, Eastern Pacific\n')
    assert "<dt>Killed</dt><dd>23 to 24</dd>" in page and "<dt>Strikes</dt><dd>2</dd>" in page


def test_the_strikes_page_lists_every_strike_with_its_flags_and_links(mini_site):
    page = mini_site["strikes.md"]
    table = page[page.index("Every strike record (3)"):].split("</table>")[0]
    assert [m for m in re.findall(r'href="\.\./strikes/([a-z0-9-]+)/"', table)] == [
        "strike-2025-09-15", "strike-2025-09-30", "strike-2025-10-05"]
    rows = table.split('<tr role="row">')[2:]
    assert "sources disagree (2 other readings)" in rows[0] and "corrected" in rows[1]
    assert "23 to 24" in rows[2]


def test_the_strikes_chart_draws_a_range_as_a_whisker(mini_site):
    spec = next(s for s in chart_specs(mini_site["strikes.md"])
                if s["layout"]["yaxis"].get("title", {}).get("text") == "killed")
    ranged = next(t for t in spec["data"] if t.get("error_y"))
    assert ranged["y"] == [23] and ranged["error_y"]["array"] == [1] and ranged["error_y"]["arrayminus"] == [0]
    assert ranged["marker"]["symbol"] == ["diamond"]
    assert "range (from … to …)" in [t["name"] for t in spec["data"]]


def test_a_range_figure_is_drawn_with_a_whisker_on_a_metric_chart():
    series = [obs("a", 20, "at_least", 1), obs("b", 23, "range", 6, "s2")]
    series[1] = Observation(**{**series[1].__dict__, "quantity": Quantity(23, "range", 24)})
    from scripts.render.charts import metric_chart
    spec = metric_chart(metric(), series, {}, lambda s: s)
    ranged = next(t for t in spec["data"] if t["name"].startswith("range"))
    assert ranged["error_y"]["array"] == [1] and ranged["marker"]["symbol"] == "diamond"
    assert "23 to 24 people" in ranged["hovertext"][0] and "range" in ranged["hovertext"][0]
    assert "error_y" not in next(t for t in spec["data"] if t["name"].startswith("lower bound"))


def test_the_sum_of_recorded_strikes_rises_at_each_strike_and_keeps_to_lower_bounds(mini):
    from scripts.render.tally import recorded_sum

    dataset, _ = load_dataset(mini)
    deaths = dataset.metrics["strike_deaths"]
    steps = recorded_sum(dataset.events, deaths.sums)
    assert [(s.day.isoformat(), s.total) for s in steps] == [
        ("2025-09-15", 3), ("2025-09-30", 9), ("2025-10-05", 32)]       # 23 to 24 adds 23
    strikes = recorded_sum(dataset.events, dataset.metrics["boat_strikes"].sums)
    assert [s.total for s in strikes] == [1, 2, 4]                    # no count given: at least one strike


def test_the_deaths_chart_has_the_sum_line_and_no_flat_line_between_reports(mini_site):
    spec = next(s for s in chart_specs(mini_site["strikes.md"])
                if any(t.get("name", "").startswith("lower bound") for t in s["data"]))
    lines = [t for t in spec["data"] if t.get("mode") == "lines" and t["name"] != SPAN_NAME and t["x"] != [None]]
    assert [t["name"] for t in lines] == ["sum of recorded strikes (lower bound)"]
    line = lines[0]
    assert line["line"]["shape"] == "hv"
    assert line["x"][:3] == ["2025-09-15", "2025-09-15", "2025-09-30"] and line["y"][:3] == [0, 3, 9]
    assert max(line["y"]) == 32 and line["x"][-1] == "2025-10-07"     # held to the last report, no higher


def test_a_level_keeps_its_line_and_a_total_without_sums_has_none():
    from scripts.render.charts import metric_chart

    level = metric_chart(metric("level"), [obs("a", 7, day=1), obs("b", 6, day=5, source="s2")], {}, str)
    assert [t["name"] for t in level["data"] if t["mode"] == "lines"] == ["highest figure at each date"]
    total = metric_chart(metric(), [obs("a", 7, day=1), obs("b", 9, day=5, source="s2")], {}, str)
    assert [t for t in total["data"] if t["mode"] == "lines" and t["name"] != SPAN_NAME] == []


def test_each_reported_total_is_set_beside_the_recorded_sum_with_the_reason(mini_site):
    page = mini_site["metrics/strike_deaths.md"]
    section = page[page.index("Reported totals and recorded strikes"):]
    rows = section.split("<tbody")[1].split("</tbody>")[0].split("</tr>")[:-1]
    assert "at least 20 people" in rows[0] and "at least 9 (2 strike records)" in rows[0]
    assert "it counts 11 more than the strikes recorded by then" in rows[0]
    assert "people presumed dead" in rows[0] and "1 figure was revised after that date" in rows[0]
    assert "at least 32 (3 strike records)" in rows[1] and "add up to as much" in rows[1]
    assert "Each reported total beside the sum" in mini_site["strikes.md"]
    assert "The 3 strike records here add up to at least 32 deaths" in mini_site["strikes.md"]
    assert "The dotted line adds up the strikes recorded here: at least 32 people by 5 Oct 2025." in page


def test_strikes_csv_has_one_row_per_verified_strike_with_its_hedges(mini_site):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(mini_site["data/strikes.csv"])))
    assert [r["id"] for r in rows] == ["strike-2025-09-15", "strike-2025-09-30", "strike-2025-10-05"]
    ranged = rows[2]
    assert (ranged["killed"], ranged["killed_qualifier"], ranged["killed_high"]) == ("23", "range", "24")
    assert (ranged["strikes"], ranged["vessels"]) == ("2", "2")
    assert (ranged["survivors"], ranged["survivors_qualifier"]) == ("", "")
    assert rows[0]["sources"] == "2025-10-20-third-test-report;2025-10-22-fourth-test-report"
    assert (rows[0]["disagreements"], rows[1]["corrections"]) == ("2", "1")
    assert rows[0]["url"] == "http://127.0.0.1:8000/strikes/strike-2025-09-15/"
    package = json.loads(mini_site["data/datapackage.json"])
    resource = next(r for r in package["resources"] if r["name"] == "strikes")
    assert [f["name"] for f in resource["schema"]["fields"]] == list(rows[0])
    facts = next(r for r in package["resources"] if r["name"] == "facts")
    assert "high" in [f["name"] for f in facts["schema"]["fields"]]
    assert mini_site["data/facts.csv"].splitlines()[0].split(",")[4:7] == ["value", "high", "qualifier"]


def test_a_text_cell_of_strikes_csv_never_starts_a_formula():
    from scripts.render.csv_cells import csv_safe

    assert csv_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)" and csv_safe("-1") == "'-1"
    assert csv_safe("A strike") == "A strike"


def test_events_json_keeps_each_reading_and_correction(mini_site):
    events = {e["id"]: e for e in json.loads(mini_site["data/events.json"])}
    readings = events["strike-2025-09-15"]["sources"]
    assert readings[1]["killed"] == {"value": 2, "qualifier": "exact"} and readings[1]["theater"] == "Eastern Pacific"
    assert "killed" not in readings[0]
    assert events["strike-2025-10-05"]["strike"]["killed"] == {"value": 23, "qualifier": "range", "high": 24}
    assert events["strike-2025-09-30"]["corrections"][0]["old_value"] == 3


def test_the_corrections_page_lists_a_strike_toll_revised_later(mini_site):
    page = mini_site["corrections.md"]
    assert '<a href="../strikes/strike-2025-09-30/">A strike in the Caribbean</a>: killed' in page
    assert '<td role="cell" data-label="Was → is">3 → 6</td>' in page


def test_every_cell_of_the_corrections_table_is_labelled_by_its_column(mini_site):
    page = mini_site["corrections.md"]
    cells = re.findall(r"<td[^>]*>", page)
    assert len(cells) >= 4
    assert [c for c in cells if 'data-label="' not in c] == []
    assert 'data-label="Corrected on"' in page and 'data-label="Why"' in page


def test_a_running_total_card_on_the_home_page_adds_up_the_recorded_events(mini_site):
    home = mini_site["index.md"]
    # mini: strikes on 15 Sep (3 killed), 30 Sep (6) and 5 Oct (2 strikes, 23 to 24 killed: its low end)
    assert "Sum of the 3 strike records here: at least 32, to 5 Oct 2025" in home
    assert "Sum of the 3 strike records here: at least 4, to 5 Oct 2025" in home
