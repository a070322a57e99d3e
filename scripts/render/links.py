"""Relative links between generated pages (raw HTML is not rewritten by MkDocs, so the
renderers compute the relative path from the page they are on)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scripts.records import Event


def page_url(src_path: str) -> str:
    """'index.md' → '', 'strikes.md' → 'strikes/', 'metrics/x.md' → 'metrics/x/' (directory URLs)."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def staged_source(src_path: str) -> str:
    """Where a generated page's Markdown is staged: in the folder of its address ('strikes.md' →
    'strikes/index.md'; 'index.md' and 'metrics/index.md' stay). There a link relative to the file is
    also relative to the page, and engines disagree on which of the two a link in raw HTML is
    relative to (MkDocs: the page; Zensical: the file)."""
    return page_url(src_path) + "index.md" if src_path.endswith(".md") else src_path


@dataclass(frozen=True)
class Links:
    """Links from one page (given by its source path) to the others."""

    src_path: str

    @property
    def _up(self) -> str:
        return "../" * page_url(self.src_path).count("/")

    def to(self, target: str, anchor: str | None = None) -> str:
        return self._up + target + (f"#{anchor}" if anchor else "")

    def source(self, seed_id: str) -> str:
        """An article's own page: sources/<seed id>/."""
        return self.to(f"sources/{seed_id}/")

    def event(self, event_id: str) -> str:
        return self.to("timeline/", f"event-{event_id}")

    def incident(self, event: Event) -> str:
        """An incident's own page: <its type's folder>/<event id>/."""
        return self.to(f"{event.incident.page}/{event.id}/") if event.incident else self.event(event.id)

    def metric(self, metric_id: str) -> str:
        return self.to(f"metrics/{metric_id}/")

    def fact(self, metric_id: str, fact_id: str) -> str:
        return self.to(f"metrics/{metric_id}/", f"fact-{fact_id}")
