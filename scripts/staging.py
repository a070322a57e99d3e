"""Stage: every file of the site's pages, hand-written and generated, written into one folder
outside docs/ that a site engine then builds (scripts/engines.py).

One pass: the dataset is loaded and validated once (scripts.validate), rendered once
(scripts.render), and what the engine needs is written here, each file only when its content
changed, so an engine's incremental rebuild (`serve`) sees only what changed. Nothing here keeps
state between builds: every input is a parameter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from scripts import palette
from scripts.history import read_history
from scripts.incremental import write_if_changed
from scripts.navigation import default_nav, moved_nav, moved_not_in_nav, relinked
from scripts.paths import ProjectPaths
from scripts.problems import Problem, ProblemsFound
from scripts.publication import Publication, PublicationError, publication_from_config
from scripts.story import Story
from scripts.records import Dataset
from scripts.render.card_image import card_png
from scripts.render.cards import share_cards
from scripts.render.changes import site_dates
from scripts.render.links import staged_source
from scripts.render.site import render_site
from scripts.safefiles import unsafe_inputs
from scripts.validate import validate_project

PLOTLY_URI = "assets/vendor/plotly-basic.min.js"


class StagingFailed(Exception):
    """The pages cannot be staged: a setting of mkdocs.yml, a missing install, a clash of names."""


@dataclass(frozen=True)
class Stage:
    """Where one kind of build stages its pages, and the engine configuration that builds them."""

    folder: Path
    config: Path

    @classmethod
    def of(cls, paths: ProjectPaths, name: str) -> Stage:
        """build/<name>/ and build/<name>.yml: git-ignored scratch space, kept between builds."""
        return cls(paths.build / name, paths.build / f"{name}.yml")


@dataclass(frozen=True)
class Settings:
    """mkdocs.yml as written (environment variables resolved), and the publication it describes."""

    config: dict
    publication: Publication


@dataclass(frozen=True)
class Staged:
    files: dict[str, bytes]   # every file of the pages, by its path in the staging folder
    extra: dict               # what the templates read from `config.extra`, computed from the data
    moved: dict[str, str] = field(default_factory=dict)  # generated page → where it is staged

    def rendered_names(self) -> list[str]:
        """The generated files by the names the renderer gives them ('strikes.md')."""
        back = {staged: page for page, staged in self.moved.items()}
        return [back.get(path, path) for path in self.files]


def read_settings(paths: ProjectPaths, story: Story) -> Settings:
    """The engine's configuration, with the site's name and description from the story."""
    from mkdocs.utils.yaml import yaml_load  # reads !ENV and !relative as MkDocs does

    try:
        with open(paths.mkdocs_config, encoding="utf-8") as handle:
            config = yaml_load(handle) or {}
        extra = config.get("extra") or {}
        publication = publication_from_config(story, config.get("site_url"), extra)
        config["site_name"], config["site_description"] = publication.name, publication.description
    except (OSError, yaml.YAMLError, PublicationError, AttributeError) as err:
        raise StagingFailed(f"{paths.relative(paths.mkdocs_config)}: {err}") from err
    return Settings(config, publication)


def validated(paths: ProjectPaths) -> tuple[Dataset, list[Problem]]:
    """The dataset and its problems, once; links or special files in the project stop everything
    before a file is read (an engine would follow a link in docs/ and publish what it points at)."""
    refused = unsafe_inputs(paths)
    if refused:
        raise ProblemsFound(refused)
    return validate_project(paths)


def with_meta(markdown: str, fields: Mapping) -> str:
    """A generated page with more fields in its front matter (which front_matter always opens)."""
    head = yaml.safe_dump(dict(fields), allow_unicode=True, sort_keys=False, width=float("inf"))
    if markdown.startswith("---\n"):
        return "---\n" + head + markdown[4:]
    return "---\n" + head + "---\n\n" + markdown


def render_pages(paths: ProjectPaths, dataset: Dataset, settings: Settings) -> Staged:
    """Every generated file (pages, downloads, feed, embeds, share cards) and the template data."""
    publication = settings.publication
    revisions = read_history(paths)
    dates = site_dates(dataset, revisions)
    cards = share_cards(dataset, publication.name, dates.line)
    shares = {page: {"url": publication.absolute(uri), "alt": card.alt} for page, (uri, card) in cards.items()}
    files: dict[str, bytes] = {}
    moved: dict[str, str] = {}
    for path, content in render_site(dataset, revisions, publication).items():
        if path in shares:
            content = with_meta(content, {"share": shares[path]})
        if staged_source(path) != path:
            moved[path] = staged_source(path)
        files[moved.get(path, path)] = content.encode("utf-8")
    for uri, card in cards.values():
        files[uri] = card_png(card)
    files[palette.STYLESHEET] = palette.stylesheet().encode("utf-8")
    extra = {"tracker_dates": {"data_to": dates.data_to, "updated": dates.updated},
             "tracker_issues_url": publication.issues_url, "tracker_share": shares.get("index.md")}
    return Staged(files, extra, moved)


def hand_written(paths: ProjectPaths) -> dict[str, bytes]:
    """docs/ as it is, and the chart library installed by npm."""
    found = {p.relative_to(paths.docs).as_posix(): p.read_bytes() for p in sorted(paths.docs.rglob("*")) if p.is_file()}
    if not paths.plotly_js.exists():
        raise StagingFailed(f"{paths.relative(paths.plotly_js)} is missing: run the README's build command, "
                            "which installs it with npm")
    found[PLOTLY_URI] = paths.plotly_js.read_bytes()
    return found


def relinked_page(path: str, content: bytes, moved: Mapping[str, str]) -> bytes:
    """A hand-written Markdown page with its links to generated pages pointed where they are
    staged; any other file, or a page that is not UTF-8 (the engine reports it), as it is."""
    if not path.endswith(".md"):
        return content
    try:
        return relinked(content.decode("utf-8"), path, moved).encode("utf-8")
    except UnicodeDecodeError:
        return content


def sync_folder(folder: Path, files: Mapping[str, bytes]) -> list[str]:
    """Make ``folder`` hold exactly ``files``: write what changed (an unchanged file keeps its
    modification time), delete what is gone. Returns the paths written."""
    written = [rel for rel, content in files.items() if write_if_changed(folder / rel, content)]
    if folder.exists():
        for root, dirs, names in os.walk(folder, topdown=False):
            here = Path(root)
            for name in names:
                if (here / name).relative_to(folder).as_posix() not in files:
                    (here / name).unlink()
            for name in dirs:
                if not any((here / name).iterdir()):
                    (here / name).rmdir()
    return written


def engine_config(paths: ProjectPaths, settings: Settings, stage: Stage, staged: Staged,
                  pages: Iterable[str] = ()) -> dict:
    """mkdocs.yml pointed at the staging folder, with the data's template values in `extra` and the
    generated pages named where they are staged. Paths become absolute (the configuration lives in
    build/); `hooks` and `watch` go: nothing runs inside the engine, and `serve` watches the inputs
    itself."""
    config = {k: v for k, v in settings.config.items() if k not in ("hooks", "watch")}
    not_in_nav = config.get("not_in_nav") if isinstance(config.get("not_in_nav"), str) else ""
    if "nav" in config:
        config["nav"] = moved_nav(config["nav"], staged.moved)
    else:
        config["nav"] = default_nav(pages, not_in_nav, staged.moved)
    if not_in_nav:
        config["not_in_nav"] = moved_not_in_nav(not_in_nav)
    config["docs_dir"] = str(stage.folder)
    config["site_dir"] = str(paths.site)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = os.path.abspath(paths.root / theme["custom_dir"])
    config["theme"] = theme
    config["extra"] = {**(config.get("extra") or {}), **staged.extra}
    config["extra_css"] = [palette.STYLESHEET, *(config.get("extra_css") or [])]
    return config


def stage_site(paths: ProjectPaths, dataset: Dataset, settings: Settings, stage: Stage) -> tuple[Staged, list[str]]:
    """Render once and write the staging folder and its engine configuration; the paths written."""
    staged = render_pages(paths, dataset, settings)
    written = {path: relinked_page(path, content, staged.moved) for path, content in hand_written(paths).items()}
    clash = sorted(set(written) & set(staged.files))
    if clash:
        raise StagingFailed(f"docs/{clash[0]} has the name of a generated file: rename it")
    changed = sync_folder(stage.folder, {**written, **staged.files})
    config = engine_config(paths, settings, stage, staged, [*written, *staged.rendered_names()])
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    write_if_changed(stage.config, "# Generated by scripts/staging.py from mkdocs.yml: edit that instead.\n" + text)
    return staged, changed
