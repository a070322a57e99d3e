"""MkDocs hooks: a thin layer that adds the generated pages to the build, in memory.

Nothing is written into docs/. The work is done by tested code (scripts.validate and
scripts.render.site); here we only hand its output to MkDocs.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from scripts.paths import ProjectPaths
from scripts.problems import has_errors
from scripts.history import read_history
from scripts.incremental import stage_generated
from scripts.publication import PublicationError, publication_from_config
from scripts.render import blocks
from scripts.render.card_image import card_png
from scripts.render.cards import share_cards
from scripts.render.changes import site_dates
from scripts.render.site import render_site
from scripts.render.text import meta_as_html
from scripts.safefiles import unsafe_inputs
from scripts.validate import validate_project

log = logging.getLogger("mkdocs.hooks.tracker")
_state: dict = {"command": "build", "dirty": False, "generated": set(), "blocks": {}, "shares": {}}

PLOTLY_URI = "assets/vendor/plotly-basic.min.js"


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


def on_files(files: Files, config) -> Files:
    # The folder of mkdocs.yml as given: not resolved, so a linked mkdocs.yml builds its own folder.
    paths = ProjectPaths(Path(os.path.abspath(config.config_file_path)).parent)
    refused = unsafe_inputs(paths)  # MkDocs would follow a link in docs/ and publish what it points at
    if refused:
        raise PluginError("links or special files in the project:\n" + "\n".join(p.format() for p in refused))
    dataset, problems = validate_project(paths)
    if has_errors(problems):
        listing = "\n".join(p.format() for p in problems)
        if _state["command"] != "serve":
            raise PluginError(f"the facts have problems; run `python -m scripts validate`:\n{listing}")
        # While previewing, show the problems and build from the entries that are valid.
        log.warning("facts have problems; showing what is valid:\n%s", listing)
    try:
        publication = publication_from_config(dataset.story, config.site_url, config.extra)
    except PublicationError as err:
        raise PluginError(str(err)) from err
    config.site_name, config.site_description = publication.name, publication.description  # story.yaml's
    revisions = read_history(paths)
    dates = site_dates(dataset, revisions)
    config.extra["tracker_dates"] = {"data_to": dates.data_to, "updated": dates.updated}
    config.extra["tracker_issues_url"] = publication.issues_url
    generated = render_site(dataset, revisions, publication)
    cards = share_cards(dataset, publication.name, dates.line)
    _state["shares"] = {page: {"url": publication.absolute(uri), "alt": card.alt} for page, (uri, card) in cards.items()}
    config.extra["tracker_share"] = _state["shares"].get("index.md")
    for uri, card in cards.values():
        files.append(File.generated(config, uri, content=card_png(card)))
    _state["generated"] = set(generated)
    if _state["dirty"]:  # a preview rebuilds only the pages whose content changed
        on_disk, written = stage_generated(paths.generated_cache, generated)
        log.info("%d of %d generated files changed", len(written), len(generated))
        for path, source in on_disk.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
    else:
        for path, content in generated.items():
            files.append(File.generated(config, path, content=content))
    if not paths.plotly_js.exists():
        raise PluginError(f"{paths.relative(paths.plotly_js)} is missing: run the README's build command, "
                          "which installs it with npm")
    files.append(File.generated(config, PLOTLY_URI, abs_src_path=str(paths.plotly_js)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:  # noqa: ARG001 - MkDocs signature
    """Every page: its title and description reach the theme escaped. Generated pages: Markdown
    sees placeholders instead of the large HTML blocks."""
    page.meta = meta_as_html(page.meta)
    page.meta["share"] = _state["shares"].get(page.file.src_uri, config.extra.get("tracker_share"))
    if page.file.src_uri not in _state["generated"]:
        return markdown
    markdown, _state["blocks"][page.file.src_uri] = blocks.set_aside(markdown)
    return markdown


def on_page_content(html: str, page, config, files) -> str:  # noqa: ARG001 - MkDocs signature
    aside = _state["blocks"].pop(page.file.src_uri, None)
    return html if aside is None else blocks.put_back(html, aside)
