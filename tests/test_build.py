"""Building the site: every page exists with its charts' data; builds are atomic and repeatable."""

from __future__ import annotations

import hashlib
import json
from datetime import date
import re
from html import unescape
from pathlib import Path

import pytest

from scripts.build import BuildFailed, build_site
from scripts.problems import ProblemsFound

PAGES = ("index.html", "deployments/index.html", "strikes/index.html", "oil/index.html", "context/index.html",
         "timeline/index.html", "sources/index.html", "data/index.html", "methodology/index.html",
         "metrics/index.html")


def charts_in(html: str) -> list[dict]:
    return [json.loads(unescape(m)) for m in re.findall(r'data-figure="([^"]*)"', html)]


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    from scripts.paths import ProjectPaths

    site = tmp_path_factory.mktemp("real") / "site"
    build_site(ProjectPaths.default(), strict=True, site_dir=site)
    return site


def test_the_real_site_has_every_page(real_site):
    from scripts.load import load_dataset
    from scripts.paths import ProjectPaths

    for page in PAGES:
        assert (real_site / page).is_file(), page
    metrics = load_dataset(ProjectPaths.default())[0].metrics
    assert metrics
    for metric in metrics:                     # whatever the data dictionary holds today
        assert (real_site / "metrics" / metric / "index.html").is_file(), metric
    for download in ("data/facts.csv", "data/facts.json", "data/events.json", "assets/vendor/plotly-basic.min.js"):
        assert (real_site / download).is_file()


@pytest.mark.parametrize("page", ["strikes/index.html", "deployments/index.html", "oil/index.html",
                                  "timeline/index.html"])
def test_chart_pages_carry_their_charts_data(real_site, page):
    html = (real_site / page).read_text(encoding="utf-8")
    specs = charts_in(html)
    assert specs                               # how many depends on the data; tests/test_render.py counts on mini
    for spec in specs:
        assert spec["data"], "a chart with no trace"
        assert all(len(t["x"]) == len(t["y"]) for t in spec["data"])
    assert "<script>" not in html.split('class="md-content"')[1].split("</article>")[0]


def test_every_plotted_point_is_a_verified_fact(real_site):
    facts = json.loads((real_site / "data" / "facts.json").read_text())
    from scripts.render.chart_frame import span_middle  # a month's figure sits mid-month, on a bar across it

    known = {(f["metric"], f["value"], span_middle(date.fromisoformat(f["as_of"]), f["as_of_precision"]).isoformat())
             for f in facts if f["status"] == "verified"}
    html = (real_site / "strikes" / "index.html").read_text()
    for spec in charts_in(html)[1:]:
        for trace in spec["data"]:
            if trace.get("mode") == "markers" and "hovertext" in trace:
                for x, y in zip(trace["x"], trace["y"]):
                    assert any(v == y and d == x for (_, v, d) in known), (x, y)


def test_no_page_loads_anything_from_another_site(real_site):
    for page in real_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # rel="canonical" and rel="alternate" name the site's own published address; they load nothing.
        loading = re.sub(r'<link rel="(?:canonical|alternate)"[^>]*>', "", html)
        for url in re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', loading):
            assert not re.match(r"(?:https?:)?//", url) or url.startswith("http://127.0.0.1"), (page, url)


def test_two_builds_of_the_same_commit_are_byte_identical(mini, tmp_path):
    build_site(mini, site_dir=tmp_path / "one")
    build_site(mini, site_dir=tmp_path / "two")
    assert digest(tmp_path / "one") == digest(tmp_path / "two")


def test_invalid_facts_stop_the_build_and_leave_the_old_site(mini, tmp_path):
    site = tmp_path / "site"
    build_site(mini, site_dir=site)
    before = digest(site)
    strikes = mini.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text().replace("metric: boat_strikes", "metric: boat_strike"))
    with pytest.raises(ProblemsFound) as err:
        build_site(mini, site_dir=site)
    assert [p.code for p in err.value.problems] == ["unknown-metric"]
    assert digest(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_a_failing_mkdocs_build_leaves_the_old_site(mini, tmp_path):
    site = tmp_path / "site"
    build_site(mini, site_dir=site)
    before = digest(site)
    (mini.root / "mkdocs.yml").write_text((mini.root / "mkdocs.yml").read_text().replace(
        "  - Methodology: methodology.md", "  - Methodology: methodology.md\n  - Missing: missing.md"))
    with pytest.raises(BuildFailed):
        build_site(mini, strict=True, site_dir=site)
    assert digest(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_hostile_text_is_escaped_in_the_built_html(mini, tmp_path):
    hostile = '<script>alert(1)</script> [x](javascript:alert(3)) {{ config.site_name }}'
    seed = mini.seeds / "2025-10-01-test-strike-report.md"
    seed.write_text(seed.read_text().replace("outlet: Test Wire", f"outlet: '{hostile}'")
                    .replace("title: Test report of a strike", f"title: '{hostile}'"))
    site = tmp_path / "site"
    build_site(mini, site_dir=site)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert 'href="javascript:' not in html, page
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sources
    assert "{{ config.site_name }}" in sources


def test_pages_carry_link_previews_and_the_data_page_describes_the_dataset(real_site):
    strikes = (real_site / "strikes" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="Strikes — US–Venezuela Escalation Tracker">' in strikes
    assert '<meta property="og:description" content="US strikes on boats' in strikes
    data = (real_site / "data" / "index.html").read_text(encoding="utf-8")
    jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', data, re.S).group(1))
    assert jsonld["@type"] == "Dataset" and jsonld["license"].endswith("/by/4.0/")
    package = json.loads((real_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = package["resources"][0]["schema"]["fields"]
    header = (real_site / "data" / "facts.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [f["name"] for f in fields] == header and all(f["description"] for f in fields)
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["citation"]


def test_two_builds_of_the_real_commit_are_byte_identical(tmp_path):
    from scripts.paths import ProjectPaths

    build_site(ProjectPaths.default(), site_dir=tmp_path / "one")
    build_site(ProjectPaths.default(), site_dir=tmp_path / "two")
    assert digest(tmp_path / "one") == digest(tmp_path / "two")
    page = (tmp_path / "one" / "strikes" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Data to \d{1,2} \w{3} \d{4} · updated \d{1,2} \w{3} \d{4}", page)


def test_strike_pages_live_under_the_strikes_page_out_of_nav_and_search(mini, tmp_path):
    site = tmp_path / "site"
    build_site(mini, strict=True, site_dir=site)
    strikes = (site / "strikes" / "index.html").read_text(encoding="utf-8")
    page = site / "strikes" / "strike-2025-09-15" / "index.html"
    assert page.is_file() and (site / "data" / "strikes.csv").is_file()
    links = set(re.findall(r'href="(\.\./strikes/strike-[0-9-]+/)"', strikes))   # relative to /strikes/
    assert {link.split("/")[2] for link in links} == {"strike-2025-09-15", "strike-2025-09-30", "strike-2025-10-05"}
    assert all((site / "strikes" / link / "index.html").resolve().is_file() for link in links)
    html = page.read_text(encoding="utf-8")
    assert "Where sources disagree" in html and "Test Courier" in html
    nav = strikes.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "strike-2025-09-15" not in nav
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("strikes/strike-")]
    assert [d for d in index["docs"] if d["location"].startswith("strikes/")]
