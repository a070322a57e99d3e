"""A chart page on a slow phone: first contentful paint, first chart drawn and bytes transferred,
in Chromium throttled the way Chrome's "slow 3G-ish" phone profile is (1.6 Mbps down, 750 Kbps up,
150 ms round trip, a CPU 4 times slower), with a cold cache, the site served compressed (gzip, as
GitHub Pages serves it) from 127.0.0.1. The same pages served without compression are the
reference, measured in the same run.

    .venv/bin/python bench/slow_phone.py [--loads 3] [--pages strikes/ deployments/ metrics/strike_deaths/]
    (build the site first: make site)

"first chart" is the sooner of: the chart drawn at build time (an SVG in the page's HTML) laid out
in a rendered frame, and never before the first contentful paint (`tracker:static-chart`, marked
by a script the bench adds to the page); and charts.js's `tracker:first-chart` (the interactive
chart drawn by Plotly). Both are reported. Pages built before the static drawing existed have
only the second.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import statistics
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.paths import ProjectPaths  # noqa: E402

PAGES = ("strikes/", "deployments/", "metrics/strike_deaths/")
DOWN_BPS, UP_BPS, LATENCY_MS, CPU_SLOWDOWN = 1_600_000, 750_000, 150, 4
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".csv", ".txt", ".map")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped on the fly when the server is told to and the browser accepts it."""

    compress = True

    def log_message(self, *args) -> None:  # noqa: D401 - silence the access log
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with its slash
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(folder: Path, compress: bool):
    handler = functools.partial(type("H", (_Handler,), {"compress": compress}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Marks the first rendered frame in which the build-time drawing has a size: requestAnimationFrame
# runs only once the page may render (its stylesheets loaded).
STATIC_SEEN = """(() => {
  const look = () => {
    const drawn = Array.from(document.querySelectorAll('.tracker-static-wide svg, .tracker-static-narrow svg'))
      .some(svg => svg.getBoundingClientRect().height > 0);  // the one of the two the screen's width shows
    if (drawn) performance.mark('tracker:static-chart');
    else if (!performance.getEntriesByName('tracker:first-chart').length) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();"""

MARKS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const mark = (name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : null; };
  const seen = mark('tracker:static-chart');
  return {fcp: paint ? paint.startTime : null, static: seen === null ? null : Math.max(seen, paint ? paint.startTime : 0),
          plotly: mark('tracker:first-chart'), dom: nav.domInteractive};
}"""


def measure(browser, url: str, path: str) -> dict:
    """One cold load of a page under the phone profile."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(STATIC_SEEN)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS,
        "downloadThroughput": DOWN_BPS / 8, "uploadThroughput": UP_BPS / 8})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    received = {"bytes": 0}
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__("bytes", received["bytes"] + e["encodedDataLength"]))
    page.goto(url + path, wait_until="load", timeout=120000)
    page.wait_for_function("performance.getEntriesByName('tracker:first-chart').length > 0", timeout=120000)
    page.wait_for_timeout(300)
    found = page.evaluate(MARKS)
    found["bytes"] = received["bytes"]
    context.close()
    return found


def first_chart(m: dict) -> float:
    return min(t for t in (m["static"], m["plotly"]) if t is not None)


def run(site: Path, pages: tuple[str, ...], loads: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for compress in (True, False):
            with serve(site, compress) as url:
                for path in pages:
                    runs = [measure(browser, url, path) for _ in range(loads)]
                    rows.append({"page": path, "gzip": compress, "runs": runs})
        browser.close()
    return rows


def median(runs: list[dict], key) -> float | None:
    values = [key(r) for r in runs]
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def report(rows: list[dict]) -> str:
    def ms(value):
        return "—" if value is None else f"{value / 1000:.2f} s"

    lines = [f"Phone profile: {DOWN_BPS / 1e6:g} Mbps down, {UP_BPS / 1e3:g} Kbps up, {LATENCY_MS} ms, CPU ÷{CPU_SLOWDOWN}; "
             "cold cache; medians",
             "| page | served | first contentful paint | first chart (static SVG) | interactive chart (Plotly) "
             "| bytes transferred |", "|---|---|---|---|---|---|"]
    by_key = {}
    for row in rows:
        runs = row["runs"]
        fcp, static, plotly = (median(runs, lambda r: r["fcp"]), median(runs, lambda r: r["static"]),
                               median(runs, lambda r: r["plotly"]))
        size = median(runs, lambda r: r["bytes"])
        by_key[(row["page"], row["gzip"])] = median(runs, first_chart)
        lines.append(f"| {row['page']} | {'gzip' if row['gzip'] else 'plain'} | {ms(fcp)} | {ms(static)} | {ms(plotly)} "
                     f"| {size / 1024:,.0f} KB |")
    lines.append("")
    for page in dict.fromkeys(r["page"] for r in rows):
        plain, zipped = by_key.get((page, False)), by_key.get((page, True))
        if plain and zipped:
            lines.append(f"{page}: first chart {ms(zipped)} gzip vs {ms(plain)} plain: ×{plain / zipped:.1f} sooner")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--site", type=Path, default=None)
    args = parser.parse_args()
    site = args.site or ProjectPaths.default().site
    if not (site / "index.html").exists():
        sys.exit(f"{site} has no built site: run `make site` first")
    print(report(run(site, tuple(args.pages), args.loads)))


if __name__ == "__main__":
    main()
