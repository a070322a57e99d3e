"""Untrusted text (titles, quotes, notes, outlets) made inert for the context it goes into.

Fact files come from pull requests by anyone, so nothing from them is ever interpreted:
in HTML it is entity-escaped; in Markdown every punctuation mark Markdown could read is
backslash-escaped as well; a URL is kept only if it is http(s).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

# Python-Markdown's escapable characters, plus '|' (tables extension); '<' and '&' are entities.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_SPACE = re.compile(r"\s+")


def html_text(text: str | None) -> str:
    """Text for an HTML element or attribute (quotes escaped too)."""
    return html.escape(_SPACE.sub(" ", text or "").strip(), quote=True)


def md_text(text: str | None) -> str:
    """Text for a Markdown line: HTML-escaped, then Markdown punctuation backslash-escaped."""
    escaped = html.escape(_SPACE.sub(" ", text or "").strip(), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) address, else None (no javascript:, data:, …)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def first_words(text: str, limit: int = 12) -> str:
    """The quote's first words, for hover labels: 'The attacks have left at least…'."""
    words = _SPACE.sub(" ", text).strip().split(" ")
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def front_matter(title: str, description: str, searchable: bool = True) -> str:
    """Page metadata. A page left out of the search index repeats what a searchable page says."""
    safe = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731 - YAML double-quoted
    search = "" if searchable else "search:\n  exclude: true\n"
    return f'---\ntitle: "{safe(title)}"\ndescription: "{safe(description)}"\n{search}---\n\n'
