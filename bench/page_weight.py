"""Page weight of each chart page (HTML, CSS, JS, data; raw and gzip) against the same charts made
the default Plotly way (`fig.to_html(include_plotlyjs=True)`), and the time from navigation to the
first chart drawn in headless Chromium (median of repeated loads).

    .venv/bin/python bench/page_weight.py [--loads 15]     (build the site first: make site)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.paths import ProjectPaths  # noqa: E402

PAGES = ("strikes/", "deployments/", "oil/", "timeline/", "metrics/strike_deaths/")


def sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def page_assets(site: Path, page: str) -> list[Path]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    files = [(site / page / "index.html").resolve()]
    for ref in refs:
        target = (site / page / ref.split("?")[0]).resolve()
        if target.is_file() and target not in files:
            files.append(target)
    plotly = (site / "assets" / "vendor" / "plotly-basic.min.js").resolve()
    if "tracker-chart" in html and plotly not in files:
        files.append(plotly)  # loaded by charts.js
    return files


def default_plotly(html: str) -> tuple[int, int]:
    import plotly.graph_objects as go

    raw = gz = 0
    for spec in (json.loads(unescape(m)) for m in re.findall(r'data-figure="([^"]*)"', html)):
        page = go.Figure(spec).to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
        r, g = sizes(page)
        raw, gz = raw + r, gz + g
    return raw, gz


FIRST_CHART = "performance.getEntriesByName('tracker:first-chart').length > 0"
NAVIGATION = "performance.getEntriesByType('navigation')[0]"


def render_times(url: str, pages: tuple[str, ...], loads: int) -> dict[str, list[float]]:
    """Milliseconds from navigation start to charts.js's `tracker:first-chart` mark, per load.

    The baseline row is the time to `domInteractive` of a page without a chart: what this machine
    takes to show any page at all. The "after DOM ready" rows are what the charts add to that.
    """
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    times: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.goto(url + pages[0])  # warm the cache once, as a returning reader has it
        page.wait_for_function(FIRST_CHART, timeout=20000)
        baseline = []
        for _ in range(loads):
            page.goto(url + "methodology/", wait_until="domcontentloaded")
            baseline.append(page.evaluate(f"{NAVIGATION}.domInteractive"))
        times["(no chart: methodology/, DOM ready)"] = baseline
        for path in pages:
            runs = []
            for _ in range(loads):
                page.goto(url + path, wait_until="commit")
                page.wait_for_function(FIRST_CHART, timeout=20000)
                runs.append(page.evaluate(
                    f"[performance.getEntriesByName('tracker:first-chart')[0].startTime, {NAVIGATION}.domInteractive]"))
            times[path] = [first for first, _ in runs]
            times[f"  {path} after DOM ready"] = [first - ready for first, ready in runs]
        browser.close()
    return times


def machine_stalls(seconds: float = 5.0) -> tuple[int, float]:
    """How often this machine stops running a busy process for over 50 ms, and the longest stop:
    timings in a browser cannot be better than the machine under them."""
    import time

    stalls, longest = 0, 0.0
    last = time.perf_counter()
    end = last + seconds
    while last < end:
        now = time.perf_counter()
        if now - last > 0.05:
            stalls, longest = stalls + 1, max(longest, now - last)
        last = now
    return stalls, longest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=15)
    args = parser.parse_args()
    site = ProjectPaths.default().site
    print(f"{'page':26} {'ours raw':>10} {'ours gzip':>10} {'Plotly default raw':>19} {'gzip':>10}")
    for page in PAGES:
        raw = gz = 0
        for path in page_assets(site, page):
            r, g = sizes(path.read_bytes())
            raw, gz = raw + r, gz + g
        d_raw, d_gz = default_plotly((site / page / "index.html").read_text(encoding="utf-8"))
        print(f"{page:26} {raw / 1024:9.0f}K {gz / 1024:9.0f}K {d_raw / 1024:18.0f}K {d_gz / 1024:9.0f}K")
    from tests.browser import serve_folder

    stalls, longest = machine_stalls()
    print(f"\nthis machine: {stalls} stalls over 50 ms in 5 s of busy loop, the longest {longest * 1000:.0f} ms")
    with serve_folder(site, 8000) as url:
        times = render_times(url, PAGES, args.loads)
    print(f"{'first chart drawn, ms':40} {'median':>7} {'best':>6} {'worst':>6}  over {args.loads} loads")
    for page, runs in times.items():
        print(f"{page:40} {statistics.median(runs):7.0f} {min(runs):6.0f} {max(runs):6.0f}")


if __name__ == "__main__":
    main()
