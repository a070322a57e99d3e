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
