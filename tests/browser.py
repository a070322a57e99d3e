"""Helpers for the browser tests: serve a built site on 127.0.0.1 and drive Debian's Chromium."""

from __future__ import annotations

import functools
import os
import http.server
import shutil
import socket
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D401 - silence the access log
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve_folder(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve a folder on a loopback port (an ephemeral one by default); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or CHROMIUM
    if not Path(path).exists():
        raise RuntimeError("Debian's chromium is not installed: run the README's test command, which installs it")
    return path


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in ("127.0.0.1", "localhost", "::1")


class PageWatch:
    """Records what a page did that it should not: console errors, failed or outside requests."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        # A request cut short because the test moved on to the next page is not a failure; one the
        # server could not answer (an HTTP error) or that never got an answer is.
        page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
                and self.errors.append(f"failed request {r.url}: {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status} for {r.url}"))
        page.route("**/*", self._route)

    def _route(self, route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()


DRAWN_JS = """() => Array.from(document.querySelectorAll('.tracker-chart')).map(el => {
  const svg = el.querySelector('svg.main-svg');
  return {drawn: el.getAttribute('data-drawn') === 'true', width: el.clientWidth,
          svg: svg ? Number(svg.getAttribute('width')) : 0, theme: el.getAttribute('data-theme')};
})"""


def wait_for_charts(page, minimum: int = 0, timeout: float = 15000) -> list[dict]:
    """Wait until the page has at least ``minimum`` charts and every one of them is drawn."""
    page.wait_for_function(
        "(minimum) => { const charts = Array.from(document.querySelectorAll('.tracker-chart'));"
        " return charts.length >= minimum && charts.every(el => el.getAttribute('data-drawn') === 'true'); }",
        arg=minimum, timeout=timeout)
    return page.evaluate(DRAWN_JS)
