"""MkDocs hooks: a thin layer that adds the generated pages to the build, in memory.

Nothing is written into docs/. The work is done by tested code (scripts.validate and
scripts.render.site); here we only hand its output to MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from scripts.paths import ProjectPaths
from scripts.problems import has_errors
from scripts.history import read_history
from scripts.render.exports import data_version
from scripts.render.site import render_site
from scripts.validate import validate_project

log = logging.getLogger("mkdocs.hooks.tracker")
_state = {"command": "build"}

PLOTLY_URI = "assets/vendor/plotly-basic.min.js"


def on_startup(command: str, dirty: bool) -> None:  # noqa: ARG001 - MkDocs signature
    _state["command"] = command


def on_files(files: Files, config) -> Files:
    paths = ProjectPaths(Path(config.config_file_path).resolve().parent)
    dataset, problems = validate_project(paths)
    if has_errors(problems):
        listing = "\n".join(p.format() for p in problems)
        if _state["command"] != "serve":
            raise PluginError(f"the facts have problems; run `python -m scripts validate`:\n{listing}")
        # While previewing, show the problems and build from the entries that are valid.
        log.warning("facts have problems; showing what is valid:\n%s", listing)
    revisions = read_history(paths)
    newest = next((r for r in revisions if r.changes), None)
    config.extra["tracker_updated"] = (newest.date[:10] if newest else data_version(dataset))
    for path, content in render_site(dataset, revisions, config.site_url or "").items():
        files.append(File.generated(config, path, content=content))
    if not paths.plotly_js.exists():
        raise PluginError(f"{paths.relative(paths.plotly_js)} is missing: run the README's build command, "
                          "which installs it with npm")
    files.append(File.generated(config, PLOTLY_URI, abs_src_path=str(paths.plotly_js)))
    return files
