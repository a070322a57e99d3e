"""Page weight of each chart page (HTML, CSS, JS, data; raw and gzip) against the same charts made
the default Plotly way (`fig.to_html(include_plotlyjs=True)`), and the time from navigation to the
first chart drawn in headless Chromium (median of repeated loads).

    .venv/bin/python bench/page_weight.py [--loads 7]     (build the site first: make site)
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
    files = [(site / page / "index.html")]
    for ref in refs:
        target = (site / page / ref.split("?")[0]).resolve()
        if target.is_file():
            files.append(target)
    if "tracker-chart" in html:
        files.append(site / "assets" / "vendor" / "plotly-basic.min.js")  # loaded by charts.js
    return files


def default_plotly(html: str) -> tuple[int, int]:
    import plotly.graph_objects as go

    raw = gz = 0
    for spec in (json.loads(unescape(m)) for m in re.findall(r'data-figure="([^"]*)"', html)):
        page = go.Figure(spec).to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
        r, g = sizes(page)
        raw, gz = raw + r, gz + g
    return raw, gz


def render_times(url: str, pages: tuple[str, ...], loads: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    times: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + pages[0])  # warm the cache once, as a returning reader has it
        for path in pages:
            runs = []
            for _ in range(loads):
                page.goto(url + path, wait_until="commit")
                page.wait_for_selector('.tracker-chart[data-drawn="true"]', timeout=20000)
                runs.append(page.evaluate("performance.now()"))
            times[path] = statistics.median(runs)
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=7)
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

    with serve_folder(site, 8000) as url:
        times = render_times(url, PAGES, args.loads)
    for page, ms in times.items():
        print(f"first chart drawn, {page:24} median {ms:6.0f} ms over {args.loads} loads")


if __name__ == "__main__":
    main()
