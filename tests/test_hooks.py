"""The MkDocs hook: a thin layer, tested on its own. While previewing (`serve`), broken facts are
reported and the site is still built from what is valid; a build refuses them."""

from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files



def broken(mini) -> None:
    path = mini.facts / "strikes.yaml"
    path.write_text(path.read_text().replace("metric: boat_strikes", "metric: boat_strike"))


def run_hook(mini, command: str) -> Files:
    """Run the hook the way MkDocs does: through the plugin collection that mkdocs.yml sets up."""
    config = load_config(str(mini.mkdocs_config))
    config.plugins.on_startup(command=command, dirty=False)
    return config.plugins.on_files(Files([]), config=config)


def test_build_refuses_broken_facts(mini):
    broken(mini)
    with pytest.raises(PluginError, match="unknown-metric"):
        run_hook(mini, "build")


def test_serve_reports_problems_and_keeps_serving_what_is_valid(mini, caplog):
    broken(mini)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.tracker"):
        files = run_hook(mini, "serve")
    assert "unknown-metric" in caplog.text
    uris = {f.src_uri for f in files}
    assert {"index.md", "strikes.md", "metrics/strike_deaths.md", "assets/vendor/plotly-basic.min.js"} <= uris


def preview_build(mini, site) -> None:
    """A rebuild the way `serve` does it: a dirty build into the same folder as the last one."""
    from mkdocs.commands.build import build

    config = load_config(str(mini.mkdocs_config), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)


def clean_build(mini, site) -> None:
    from mkdocs.commands.build import build

    config = load_config(str(mini.mkdocs_config), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


def generated_markdown(mini) -> dict[str, str]:
    from scripts.load import load_dataset
    from scripts.render.site import render_site

    dataset, _ = load_dataset(mini)
    return {k: v for k, v in render_site(dataset).items() if k.endswith(".md")}


def html_pages(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("index.html"))}


def test_a_preview_rebuilds_only_the_pages_whose_content_changed(mini, tmp_path):
    from scripts.render.links import page_url

    site = tmp_path / "preview"
    preview_build(mini, site)
    written = {path: p.stat().st_mtime_ns for path, p in ((k, site / k) for k in html_pages(site))}
    before = generated_markdown(mini)
    facts = mini.facts / "deployments.yaml"
    facts.write_text(facts.read_text().replace("    status: verified", "    attribution: officials\n    status: verified", 1))
    after = generated_markdown(mini)
    changed = {page_url(k) + "index.html" for k in after if before.get(k) != after[k]}
    assert 0 < len(changed) < len(written) / 2, changed

    preview_build(mini, site)
    rebuilt = {k for k, mtime in written.items() if (site / k).stat().st_mtime_ns != mtime}
    assert rebuilt == changed
    clean_build(mini, tmp_path / "clean")  # and the preview shows what a whole build would
    assert html_pages(site) == html_pages(tmp_path / "clean")


def test_a_build_is_the_same_with_html_blocks_set_aside_as_through_markdown(mini, tmp_path, monkeypatch):
    from scripts.render import blocks

    clean_build(mini, tmp_path / "fast")
    monkeypatch.setattr(blocks, "set_aside", lambda markdown: (markdown, []))
    clean_build(mini, tmp_path / "slow")
    assert html_pages(tmp_path / "fast") == html_pages(tmp_path / "slow")


def test_the_hook_adds_a_page_per_strike_and_the_strikes_csv(mini):
    uris = {f.src_uri for f in run_hook(mini, "build")}
    assert {"strikes.md", "strikes/strike-2025-09-15.md", "strikes/strike-2025-10-05.md", "data/strikes.csv"} <= uris
