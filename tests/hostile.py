"""Helpers for the tests of hostile input: payloads, and a scan of built HTML for anything that
would run in a reader's browser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# One line each: labels and titles are one-line fields.
HOSTILE_LINE = ('"><img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) '
                "{: onclick=alert(4) } &amp; ' \" <b>bold</b>")
# A description that tries to end the front matter and start Markdown of its own.
HOSTILE_BLOCK = ("Fine so far.\n---\n<img src=x onerror=alert(5)>\n\n[click](javascript:alert(6))\n\n"
                 "<script>alert(7)</script>\n\n## heading {: onclick=alert(8) }\n\ntitle: injected")


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")
        if tag == "meta" and dict(attrs).get("name") == "title":
            self.found.append("a meta field injected from front matter")
        # A JSON-LD block is data, never run (its '<' are \u003c, so it cannot end early).
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/ld+json"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


def active_content(html: str) -> list[str]:
    """Elements and attributes of the page that would run code from the payloads above."""
    scan = _Scan()
    scan.feed(html)
    return scan.found


def scan_site(site: Path) -> dict[str, list[str]]:
    return {p.relative_to(site).as_posix(): found for p in sorted(site.rglob("*.html"))
            if (found := active_content(p.read_text(encoding="utf-8")))}
