"""Every relative link of the built site reaches a file when the site is published under a path
(a GitHub Pages project site: https://owner.github.io/<repository>/), with either engine.

Zensical reads a relative link in raw HTML as relative to the page's Markdown file, MkDocs as
relative to the page's address; the build stages every generated page where the two agree."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from scripts.build import build_site
from scripts.staging import Stage
from tests.conftest import make_project

class _Targets(HTMLParser):
    """The href and src of every tag (templates, Markdown and raw HTML alike)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [unescape(value) for name, value in attrs if name in ("href", "src") and value]


def link_targets(html: str) -> list[str]:
    parser = _Targets()
    parser.feed(html)
    return parser.found


def page_address(base: str, site: Path, page: Path) -> str:
    """The address a page is served at under ``base`` (directory URLs: x/index.html is x/)."""
    relative = page.relative_to(site).as_posix()
    return base + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def missing_target(base: str, site: Path, address: str, link: str) -> str | None:
    """Why a link of the page at ``address`` reaches nothing on the site published at ``base``
    (an absolute path is fine only when it is under the base's path, as the 404 page's are)."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site, mailto:, data:, or a fragment of the page itself
    target = urlsplit(urljoin(address, link)).path
    root = urlsplit(base).path
    if not target.startswith(root):
        return f"leaves the site: {target}"
    relative = PurePosixPath(target[len(root):].rstrip("/") or ".")
    path = site / relative
    if path.is_dir():
        path = path / "index.html"
    return None if path.is_file() else f"no file: {relative}"


def broken_links(site: Path, base: str) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        address = page_address(base, site, page)
        for link in link_targets(page.read_text(encoding="utf-8")):
            why = missing_target(base, site, address, link)
            if why:
                broken.append(f"{page.relative_to(site)}: {link}: {why}")
    return broken


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("links") / "project")


def test_the_checker_finds_a_link_one_level_too_deep(tmp_path):
    (tmp_path / "strikes").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_text("a\n")
    (tmp_path / "strikes" / "index.html").write_text('<a href="../data/x.csv">ok</a><a href="../../data/x.csv">'
                                                     'deep</a><a href="/data/x.csv">abs</a><a href="#a">here</a>')
    assert broken_links(tmp_path, "https://owner.github.io/repo/") == [
        "strikes/index.html: ../../data/x.csv: leaves the site: /data/x.csv",
        "strikes/index.html: /data/x.csv: leaves the site: /data/x.csv"]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_relative_link_reaches_a_file_under_a_sub_path(project, tmp_path, engine):
    site = tmp_path / engine
    build_site(project, site_dir=site, engine=engine)
    assert (site / "strikes" / "index.html").is_file()
    base = yaml.safe_load(Stage.of(project, "staging").config.read_text(encoding="utf-8"))["site_url"]
    assert urlsplit(base).path.count("/") == 2  # published under a sub-path: /<repository>/
    assert broken_links(site, base) == []
