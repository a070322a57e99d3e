"""Who publishes the site and where: the few settings of mkdocs.yml that pages, the feed, share cards
and the dataset's description need, read once into a typed record. Story words (names, places)
live in mkdocs.yml, never in engine code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping


class PublicationError(ValueError):
    """A setting of mkdocs.yml `extra: tracker:` has the wrong type."""


@dataclass(frozen=True)
class Publication:
    name: str = "Tracker"                   # site_name
    url: str = "http://127.0.0.1:8000/"     # site_url: absolute, ends with '/'
    description: str = ""                   # site_description
    publisher: str = ""                     # extra.tracker.publisher: the feed's author, the dataset's creator
    coverage: str = ""                      # extra.tracker.coverage: the place the figures are about
    repository: str = ""                    # extra.tracker.repository: where readers report errors

    def absolute(self, path: str = "") -> str:
        """A site path ('data/', 'assets/cards/home.png') as an absolute address."""
        return self.url.rstrip("/") + "/" + path.lstrip("/")

    @property
    def issues_url(self) -> str:
        """Where a reader reports an error: the repository's new-issue chooser."""
        return self.repository.rstrip("/") + "/issues/new/choose" if self.repository else ""


SETTINGS = ("publisher", "coverage", "repository")


def publication_from_config(site_name: str, site_url: str | None, description: str | None,
                            extra: Mapping[str, Any]) -> Publication:
    """The record from MkDocs' configuration (site_name, site_url, site_description, extra)."""
    tracker = extra.get("tracker") or {}
    if not isinstance(tracker, Mapping):
        raise PublicationError("mkdocs.yml: `extra: tracker:` must be a mapping of settings")
    for key in SETTINGS:
        if not isinstance(tracker.get(key, ""), str):
            raise PublicationError(f"mkdocs.yml: `extra: tracker: {key}:` must be text")
    url = (site_url or Publication.url).rstrip("/") + "/"
    return Publication(name=site_name, url=url, description=" ".join((description or "").split()),
                       **{key: tracker.get(key, "").strip() for key in SETTINGS})
