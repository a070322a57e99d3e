"""The staging folder: one pass of load → validate → render writes every file of the pages into
build/, and a site engine builds it with a generated configuration (no hook). A preview
(`serve`) stages what is valid and rewrites only what changed; a build leaves no state behind."""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import shutil
from pathlib import Path

import yaml

from scripts.build import build_site
from scripts.engines import run_mkdocs, run_zensical
from scripts.serve import InputWatcher, preview_stage, stage_preview
from scripts.staging import Stage, sync_folder
from tests.conftest import make_project


def broken(mini) -> None:
    path = mini.facts / "strikes.yaml"
    path.write_text(path.read_text().replace("metric: boat_strikes", "metric: boat_strike"))


def staged_files(stage: Stage) -> set[str]:
    return {p.relative_to(stage.folder).as_posix() for p in stage.folder.rglob("*") if p.is_file()}


def test_a_preview_reports_problems_and_stages_what_is_valid(mini, caplog):
    broken(mini)
    with caplog.at_level(logging.WARNING, logger="mkdocs.tracker"):
        assert stage_preview(mini)
    assert "unknown-metric" in caplog.text
    assert {"index.md", "strikes/index.md", "metrics/strike_deaths/index.md", "methodology.md",
            "assets/vendor/plotly-basic.min.js", "assets/cards/home.png"} <= staged_files(preview_stage(mini))


def test_the_engine_configuration_points_at_the_staging_folder_and_runs_no_hook(mini, tmp_path):
    build_site(mini, site_dir=tmp_path / "site")
    stage = Stage.of(mini, "staging")
    config = yaml.safe_load(stage.config.read_text(encoding="utf-8"))
    assert config["docs_dir"] == str(stage.folder) and "hooks" not in config
    assert "scripts.markdown_blocks" in config["markdown_extensions"]
    assert config["extra"]["tracker_dates"]["data_to"] == "7 Oct 2025"
    assert sorted(p.name for p in mini.docs.iterdir()) == sorted(p.name for p in (make_docs(tmp_path)).iterdir())
    assert {"strikes/index.md", "strikes/strike-2025-09-15/index.md", "data/strikes.csv"} <= staged_files(stage)
    assert "strikes.md" not in staged_files(stage) and {"Strikes": "strikes/index.md"} in config["nav"]
    strike = (stage.folder / "strikes" / "strike-2025-09-15" / "index.md").read_text(encoding="utf-8")
    assert strike.startswith("---\nshare:\n  url: ") and "assets/cards/strikes/strike-2025-09-15.png" in strike


def make_docs(tmp_path: Path) -> Path:
    """docs/ as the repository has it: the build wrote nothing into the project's docs/."""
    return make_project(tmp_path / "fresh").docs


def preview_build(stage: Stage, site: Path) -> None:
    """A rebuild the way `serve` does it: a dirty build into the same folder as the last one."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(stage.config), site_dir=str(site)), dirty=True)


def html_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("index.html"))}


def test_a_preview_rebuilds_only_the_pages_whose_content_changed(mini, tmp_path):
    from scripts.render.links import page_url

    site = tmp_path / "preview"
    stage_preview(mini)
    stage = preview_stage(mini)
    preview_build(stage, site)
    written = {path: p.stat().st_mtime_ns for path, p in ((k, site / k) for k in html_pages(site))}
    before = {k: (stage.folder / k).read_bytes() for k in staged_files(stage) if k.endswith(".md")}
    facts = mini.facts / "deployments.yaml"
    facts.write_text(facts.read_text().replace("    status: verified", "    attribution: officials\n    status: verified", 1))
    stage_preview(mini)
    after = {k: (stage.folder / k).read_bytes() for k in staged_files(stage) if k.endswith(".md")}
    changed = {page_url(k) + "index.html" for k in after if before.get(k) != after[k]}
    assert 0 < len(changed) < len(written) / 2, changed

    preview_build(stage, site)
    rebuilt = {k for k, mtime in written.items() if (site / k).stat().st_mtime_ns != mtime}
    assert rebuilt == changed
    build_site(mini, site_dir=tmp_path / "clean")  # and the preview shows what a whole build would
    assert html_pages(site) == html_pages(tmp_path / "clean")


def test_a_build_is_the_same_with_html_blocks_set_aside_as_through_markdown(mini, tmp_path, monkeypatch):
    from scripts.render import blocks

    build_site(mini, site_dir=tmp_path / "fast")
    monkeypatch.setattr(blocks, "set_aside", lambda markdown: (markdown, []))
    build_site(mini, site_dir=tmp_path / "slow")
    assert html_pages(tmp_path / "fast") == html_pages(tmp_path / "slow")


def test_the_staging_folder_keeps_unchanged_files_and_drops_files_that_are_gone(tmp_path):
    folder = tmp_path / "stage"
    sync_folder(folder, {"a.md": b"one", "sub/b.md": b"two"})
    mtime = (folder / "a.md").stat().st_mtime_ns
    os.utime(folder / "a.md", ns=(mtime - 10**9, mtime - 10**9))
    assert sync_folder(folder, {"a.md": b"one", "c.md": b"three"}) == ["c.md"]
    assert (folder / "a.md").stat().st_mtime_ns == mtime - 10**9
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == ["a.md", "c.md"]


def test_the_watcher_sees_an_edited_fact_file(mini):
    watcher = InputWatcher(mini)
    assert not watcher.changed()
    facts = mini.facts / "deployments.yaml"
    facts.write_text(facts.read_text() + "\n")
    assert watcher.changed() and not watcher.changed()


def sitemap_dates(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def test_two_builds_with_different_dates_in_one_process_give_different_dates(tmp_path):
    """Outside git the build date is the newest article's day: a second project, one article newer,
    built in the same process, carries its own date; nothing is left in the environment or frozen."""
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    first = make_project(tmp_path / "first")
    second = make_project(tmp_path / "second")
    newest = max(second.seeds.glob("*.md"))
    shutil.copy(newest, second.seeds / ("2025-12-24" + newest.name[10:]))
    text = (second.seeds / ("2025-12-24" + newest.name[10:])).read_text(encoding="utf-8")
    (second.seeds / ("2025-12-24" + newest.name[10:])).write_text(
        re.sub(r"published: \S+", "published: 2025-12-24", text, count=1), encoding="utf-8")
    build_site(first, site_dir=tmp_path / "one")
    assert "SOURCE_DATE_EPOCH" not in os.environ and gc.get_freeze_count() == 0
    build_site(second, site_dir=tmp_path / "two")
    assert "SOURCE_DATE_EPOCH" not in os.environ and gc.get_freeze_count() == 0
    assert sitemap_dates(tmp_path / "two") == {"2025-12-24"}
    assert sitemap_dates(tmp_path / "one") != sitemap_dates(tmp_path / "two")


def test_an_edited_schema_is_seen_by_the_next_load_in_the_same_process(mini):
    from scripts.load import load_dataset

    _, problems = load_dataset(mini)
    assert not [p for p in problems if p.severity == "error"]
    schema = mini.schemas / "seed.schema.json"
    data = json.loads(schema.read_text(encoding="utf-8"))
    data["required"].append("checked_by")  # a field no seed of the fixture has
    schema.write_text(json.dumps(data), encoding="utf-8")
    _, problems = load_dataset(mini)
    assert any(p.path.startswith("seeds/") for p in problems if p.severity == "error")


def test_zensical_builds_the_same_staging_folder_with_every_page_and_its_charts(mini, tmp_path):
    build_site(mini, site_dir=tmp_path / "mkdocs")
    build_site(mini, site_dir=tmp_path / "zensical", engine="zensical")
    mkdocs_pages, zensical_pages = html_pages(tmp_path / "mkdocs"), html_pages(tmp_path / "zensical")
    assert set(zensical_pages) == set(mkdocs_pages)
    for page in ("strikes/index.html", "metrics/strike_deaths/index.html"):
        html = zensical_pages[page].decode("utf-8")
        assert html.count('data-figure="') == mkdocs_pages[page].decode("utf-8").count('data-figure="') > 0
        assert '<meta property="og:image"' in html and "Data to 7 Oct 2025" in html
    for asset in ("assets/vendor/plotly-basic.min.js", "assets/javascripts/charts.js", "assets/cards/home.png",
                  "data/facts.csv", "feed.xml"):
        assert (tmp_path / "zensical" / asset).is_file(), asset
    assert run_zensical is not run_mkdocs


def test_the_built_site_carries_the_chart_constants_as_css_custom_properties(mini, tmp_path):
    from scripts.palette import CHART_HEIGHT, COLOURS, STYLESHEET
    site = tmp_path / "site"
    build_site(mini, site_dir=site)
    css = (site / STYLESHEET).read_text(encoding="utf-8")
    assert f"--tracker-chart-height: {CHART_HEIGHT}px;" in css
    assert all(f"--tracker-{name}: {value};" in css for name, value in COLOURS.items())
    for page in ("index.html", "strikes/index.html", "methodology/index.html"):
        assert f'href="{"../" * page.count("/")}{STYLESHEET}"' in (site / page).read_text(encoding="utf-8"), page
    assert f'href="../../{STYLESHEET}"' in (site / "embed" / "chart-strike_deaths" / "index.html").read_text("utf-8")
