"""Untrusted text (titles, quotes, notes, outlets) made inert for the context it goes into.

Fact files come from pull requests by anyone, so nothing from them is ever interpreted:
in HTML it is entity-escaped; in Markdown every punctuation mark Markdown could read is
backslash-escaped as well; a URL is kept only if it is http(s).
"""

from __future__ import annotations

import html
import re
import textwrap
from urllib.parse import urlsplit

import yaml
from markupsafe import escape

# Python-Markdown's escapable characters, plus '|' (tables extension); '<' and '&' are entities.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_SPACE = re.compile(r"\s+")


def one_line(text: str | None) -> str:
    """Text with every run of white space (line breaks of any kind included) made one space."""
    return _SPACE.sub(" ", text or "").strip()


def html_text(text: str | None) -> str:
    """Text for an HTML element or attribute (quotes escaped too)."""
    return html.escape(one_line(text), quote=True)


def plot_text(text: str | None) -> str:
    """Text for a Plotly label (hover text, axis title): Plotly reads a few tags (<b>, <br>, <a>)
    in it, so '<', '>' and '&' are entities; quotes are left as they are, because Plotly decodes
    only &lt; &gt; &amp; and numeric entities and would show '&quot;' as written."""
    return html.escape(one_line(text), quote=False)


# A hover label longer than this many characters a line runs off a 375 px screen.
LABEL_WIDTH = 40


def plot_lines(lines: list[str], width: int = LABEL_WIDTH) -> str:
    """A hover label from plain lines: each wrapped at ``width`` characters, made inert
    (``plot_text``) and joined with <br>; the first line in bold."""
    wrapped = [[plot_text(part) for part in textwrap.wrap(one_line(line), width) or [""]] for line in lines]
    if wrapped:
        wrapped[0] = [f"<b>{part}</b>" for part in wrapped[0]]
    return "<br>".join(part for group in wrapped for part in group)


def md_text(text: str | None) -> str:
    """Text for a Markdown line: HTML-escaped, then Markdown punctuation backslash-escaped."""
    escaped = html.escape(one_line(text), quote=False)
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
    """Page metadata, serialised by YAML itself: one line per field, whatever the text holds, so a
    title or description from the data can never close the front matter or add a field. A page
    left out of the search index repeats what a searchable page says.

    The title and description are written as escaped HTML: site engines print a page's title and
    description into the page as they are, as if they were HTML (Material does, in the navigation,
    the table of contents and the <title>), so a title from the data must arrive escaped, whatever
    the engine. Our templates (overrides/) read them as HTML too (``| safe``) and escape the rest."""
    meta: dict = {"title": str(escape(one_line(title))), "description": str(escape(one_line(description)))}
    if not searchable:
        meta["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=float("inf")) + "---\n\n"
