"""Who publishes the site and where: what pages, the feed, share cards and the dataset's description
need, read once into a typed record. The story's words (name, publisher, places) come from
story.yaml; where this copy is published (address, repository) from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from scripts.story import Story


class PublicationError(ValueError):
    """A setting of mkdocs.yml `extra: tracker:` has the wrong type."""


@dataclass(frozen=True)
class Publication:
    name: str = "Tracker"                   # story.yaml name
    url: str = "http://127.0.0.1:8000/"     # site_url: absolute, ends with '/'
    description: str = ""                   # story.yaml description
    publisher: str = ""                     # story.yaml publisher: the feed's author, the dataset's creator
    coverage: str = ""                      # story.yaml coverage: the place the figures are about
    repository: str = ""                    # extra.tracker.repository: where readers report errors

    def absolute(self, path: str = "") -> str:
        """A site path ('data/', 'assets/cards/home.png') as an absolute address."""
        return self.url.rstrip("/") + "/" + path.lstrip("/")

    @property
    def issues_url(self) -> str:
        """Where a reader reports an error: the repository's new-issue chooser."""
        return self.repository.rstrip("/") + "/issues/new/choose" if self.repository else ""


SETTINGS = ("repository",)
MOVED = ("publisher", "coverage")  # now in story.yaml: what the story is, not where it is published


def publication_from_config(story: Story, site_url: str | None, extra: Mapping[str, Any]) -> Publication:
    """The record from the story (name, description, publisher, coverage) and MkDocs' configuration
    (site_url, and `extra: tracker: repository:`: where this copy is published)."""
    tracker = extra.get("tracker") or {}
    if not isinstance(tracker, Mapping):
        raise PublicationError("mkdocs.yml: `extra: tracker:` must be a mapping of settings")
    for key in MOVED:
        if key in tracker:
            raise PublicationError(f"mkdocs.yml: `extra: tracker: {key}:` belongs in story.yaml now (`{key}:`)")
    for key in SETTINGS:
        if not isinstance(tracker.get(key, ""), str):
            raise PublicationError(f"mkdocs.yml: `extra: tracker: {key}:` must be text")
    url = (site_url or Publication.url).rstrip("/") + "/"
    return Publication(name=story.name, url=url, description=story.description, publisher=story.publisher,
                       coverage=story.coverage, **{key: tracker.get(key, "").strip() for key in SETTINGS})
