"""The engine's navigation for pages staged in the folder of their address.

Every generated page is staged as `<its address>/index.md` ('strikes.md' → 'strikes/index.md',
scripts/render/links.py: ``staged_source``), where a link relative to the Markdown file is also
relative to the page, whichever engine reads it. mkdocs.yml keeps naming pages as the renderer
does; these functions translate what it says for the staging folder."""

from __future__ import annotations

import posixpath
import re
from typing import Iterable, Mapping

from pathspec.gitignore import GitIgnoreSpec

from scripts.render.links import staged_source


def moved_nav(nav, moved: Mapping[str, str]):
    """The navigation with each generated page named where it is staged."""
    if isinstance(nav, str):
        return moved.get(nav, nav)
    if isinstance(nav, list):
        return [moved_nav(item, moved) for item in nav]
    if isinstance(nav, dict):
        return {title: moved_nav(item, moved) for title, item in nav.items()}
    return nav


def moved_not_in_nav(patterns: str) -> str:
    """`not_in_nav` patterns that also match the pages as staged ('/problems.md' adds
    '/problems/index.md', '/metrics/*.md' adds '/metrics/*/index.md')."""
    lines = [line.strip() for line in patterns.splitlines() if line.strip()]
    added = [staged_source(line) for line in lines if not line.startswith("#") and line.endswith(".md")]
    return "\n".join(dict.fromkeys(lines + added)) + "\n"


def default_nav(pages: Iterable[str], not_in_nav: str, moved: Mapping[str, str]) -> list[str]:
    """A menu for a configuration without `nav`: what the engine would list from the pages' own
    names (the index first, then by path; none that `not_in_nav` names), flat, each named where it
    is staged. Left to itself, the engine would make every staged page a folder of its own."""
    hidden = GitIgnoreSpec.from_lines(not_in_nav.splitlines())
    shown = [page for page in pages if page.endswith(".md") and not hidden.match_file(page)]
    shown.sort(key=lambda page: (page.split("/")[:-1], page.rsplit("/", 1)[-1] != "index.md", page))
    return [moved.get(page, page) for page in shown]


# An inline link's target `](page.md#part)` or a reference definition's `[name]: page.md#part`.
_MD_LINK = re.compile(r"(\]\(\s*|^\s{0,3}\[[^\]]+\]:\s*)([^\s)#:]+\.md)(?=[#\s)]|$)", re.MULTILINE)


def relinked(text: str, page: str, moved: Mapping[str, str]) -> str:
    """A hand-written page's Markdown with its links to generated pages pointed where they are
    staged: an editor writes `[Sources](sources.md)`, as mkdocs.yml's nav does."""
    folder = posixpath.dirname(page)

    def staged(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(2)))
        if target not in moved:
            return match.group(0)
        return match.group(1) + posixpath.relpath(moved[target], folder or ".")

    return _MD_LINK.sub(staged, text)
