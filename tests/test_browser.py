"""The built site in a real browser (Debian's Chromium via Playwright), served on 127.0.0.1.

These run in CI: the test command installs Chromium when it is missing. Screenshots of every
chart page (desktop and 375 px, light and dark) are saved under test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.build import build_site
from scripts.paths import REPO_ROOT, ProjectPaths
from tests.browser import CHROMIUM_ARGS, PageWatch, chromium_path, free_port, serve_folder, wait_for_charts

pytestmark = pytest.mark.browser
SHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
CHART_PAGES = ("", "deployments/", "strikes/", "oil/", "timeline/", "metrics/strike_deaths/",
               "metrics/us_personnel/")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    # Material's instant navigation only follows links listed in sitemap.xml, whose URLs carry
    # site_url's port: build for the address the site is served from, as CI builds for Pages.
    port = free_port()
    site = tmp_path_factory.mktemp("browser") / "site"
    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"
    try:
        build_site(ProjectPaths.default(), site_dir=site)
    finally:
        os.environ.pop("SITE_URL") if saved is None else os.environ.__setitem__("SITE_URL", saved)
    with serve_folder(site, port) as url:
        yield url, site


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def all_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_page_loads_cleanly_and_draws_its_charts(site_url, browser):
    url, site = site_url
    pages = all_pages(site)
    assert len(pages) >= 25
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page)
    for path in pages:
        page.goto(url + path)
        for chart in wait_for_charts(page):
            assert chart["drawn"] and chart["width"] > 300, (path, chart)
            assert abs(chart["svg"] - chart["width"]) <= 2, (path, chart)
    assert watch.errors == []
    assert watch.outside == []
    context.close()


def test_charts_draw_after_an_instant_navigation_click(site_url, browser):
    url, _ = site_url
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = PageWatch(page)
    # Material follows a click instantly only once it has read sitemap.xml; a click before that
    # is a plain page load. Wait for the sitemap and for the network to settle, as a reader would.
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.click("nav.md-nav--primary a[href$='strikes/']")
    page.wait_for_url("**/strikes/")
    charts = wait_for_charts(page, minimum=4)
    assert len(charts) >= 4 and all(c["svg"] > 300 for c in charts)
    assert page.evaluate("window.__sameDocument") is True, "the click reloaded the page: no instant navigation"
    page.click("nav.md-nav--primary a[href$='timeline/']")
    page.wait_for_url("**/timeline/")
    assert wait_for_charts(page, minimum=1)
    assert watch.errors == [] and watch.outside == []
    page.close()


def test_the_palette_toggle_recolours_the_charts(site_url, browser):
    url, _ = site_url
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page.goto(url + "deployments/")
    wait_for_charts(page, minimum=1)
    colour_js = ("() => { const t = document.querySelector('.tracker-chart .xtick text');"
                 " return t ? getComputedStyle(t).fill : null; }")
    line_js = "() => document.querySelector('.tracker-chart .scatterlayer path.js-line').style.stroke"
    before = (page.evaluate(colour_js), page.evaluate(line_js))
    page.click("form[data-md-component=palette] label:not([hidden])")
    page.wait_for_function("() => document.querySelector('.tracker-chart').getAttribute('data-theme') === 'dark'")
    after = (page.evaluate(colour_js), page.evaluate(line_js))
    assert before[0] != after[0], "axis text colour did not change"
    assert before[1] != after[1], "series colour did not change"
    page.close()


def test_phone_width_has_no_horizontal_scroll(site_url, browser):
    url, _ = site_url
    page = browser.new_page(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    for path in CHART_PAGES + ("sources/", "data/", "methodology/"):
        page.goto(url + path)
        wait_for_charts(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.close()


@pytest.mark.parametrize("width, scheme", [(1280, "light"), (1280, "dark"), (375, "light"), (375, "dark")])
def test_screenshots_of_every_chart_page(site_url, browser, width, scheme):
    url, _ = site_url
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    for path in CHART_PAGES:
        page.goto(url + path)
        charts = wait_for_charts(page, minimum=0 if path == "" else 1)
        assert all(c["theme"] == scheme for c in charts)
        name = (path.strip("/").replace("/", "-") or "home") + f"-{width}-{scheme}.png"
        if charts:  # show the first chart with its caption, as a reader scrolling to it sees it
            page.evaluate("document.querySelector('.tracker-figure').scrollIntoView({block: 'start'})")
            page.wait_for_timeout(200)
        page.screenshot(path=str(SHOTS / name), full_page=False)
        assert (SHOTS / name).stat().st_size > 10_000
    page.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_wcag_violation(site_url, browser, scheme):
    url, site = site_url
    axe = (REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = []
    for path in all_pages(site) if scheme == "light" else CHART_PAGES:
        page.goto(url + path)
        wait_for_charts(page)
        page.add_script_tag(content=axe)
        violations = page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))",
            AXE_TAGS)
        found += [f"{path or 'home'}: {v}" for v in violations]
    assert found == []
    page.close()


def build_to_serve(project, site: Path) -> int:
    """Build for a free loopback port (the sitemap carries site_url's port); returns the port."""
    port = free_port()
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"
    try:
        build_site(project, site_dir=site)
    finally:
        os.environ.pop("SITE_URL")
    return port


STATIC_COLOURS_JS = """() => {
  const svg = document.querySelector('.tracker-static-wide svg');
  const paint = (selector, property) => {
    const node = svg.querySelector(selector); return node ? getComputedStyle(node)[property] : null; };
  return {error: document.querySelector('.tracker-chart').getAttribute('data-error'),
          text: paint('text', 'fill'), blue: paint('[stroke="#0072B2"]', 'stroke')};
}"""


def luminance(rgb: str) -> float:
    red, green, blue = (int(part) for part in re.findall(r"\d+", rgb)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_a_dark_page_shows_its_build_time_chart_in_dark_colours_when_plotly_never_arrives(browser, tmp_path):
    from scripts.palette import BLUE, DARK_SWAPS
    from tests.conftest import make_project

    port = build_to_serve(make_project(tmp_path / "project"), tmp_path / "site")
    with serve_folder(tmp_path / "site", port) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
        page.route("**/plotly-basic.min.js", lambda route: route.abort())
        page.goto(url + "strikes/")
        page.wait_for_function("() => document.querySelector('.tracker-chart').hasAttribute('data-error')")
        found = page.evaluate(STATIC_COLOURS_JS)
        page.close()
    assert found["error"] and found["text"] and found["blue"], found  # the drawing stays, with a blue series
    assert luminance(found["text"]) > 0.7, found
    swapped = DARK_SWAPS[BLUE].lstrip("#")
    assert found["blue"] == "rgb({}, {}, {})".format(*(int(swapped[i:i + 2], 16) for i in (0, 2, 4))), found


def test_a_hostile_fact_is_shown_as_text_and_runs_nothing(browser, tmp_path):
    from tests.conftest import make_project

    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    project = make_project(tmp_path / "project")
    strikes = project.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text().replace("    attribution: the Pentagon", f"    attribution: '{hostile}'")
                       .replace("    status: verified", f"    note: '{hostile}'\n    status: verified"))
    seed = project.seeds / "2025-10-01-test-strike-report.md"
    seed.write_text(seed.read_text().replace("outlet: Test Wire", f"outlet: '{hostile}'")
                    .replace("title: Test report of a strike", f"title: '{hostile} [x](javascript:alert(3))'"))
    port = build_to_serve(project, tmp_path / "site")
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve_folder(tmp_path / "site", port) as url:
        for path in ("", "strikes/", "sources/", "metrics/strike_deaths/"):
            page.goto(url + path)
            wait_for_charts(page)
            if path == "strikes/":  # show a hover label, whose text comes from the facts
                point = page.locator(".tracker-chart .scatterlayer .point").first
                point.scroll_into_view_if_needed()
                box = point.bounding_box()
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.wait_for_selector(".hoverlayer .hovertext", timeout=5000)
        page.goto(url + "sources/")
        assert hostile in page.inner_text("article")
        assert page.evaluate("document.querySelectorAll('article img[src=x], article script:not([type])').length") == 0
    assert dialogs == []
    page.close()


def swipe_up(cdp, x: float, y: float, distance: int = 250) -> None:
    """A finger put down at (x, y) and moved up the screen, as a reader scrolls down."""
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - distance * step / 10}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_a_finger_moving_over_a_chart_scrolls_the_page(site_url, browser):
    # Plotly's drag-to-zoom would take the gesture (the page would not move): dragmode and
    # fixedrange keep it off, and this proves it on the plot area of each chart page's first chart.
    url, _ = site_url
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    for path in ("strikes/", "deployments/", "timeline/", "metrics/strike_deaths/"):
        page.goto(url + path)
        wait_for_charts(page, minimum=1)
        page.evaluate("document.querySelector('.tracker-chart').scrollIntoView({block: 'start'})")
        page.wait_for_timeout(100)
        area = page.locator(".tracker-chart .nsewdrag").first.bounding_box()
        x, y = area["x"] + area["width"] / 2, area["y"] + area["height"] / 2
        assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).classList.contains('nsewdrag')", [x, y])
        before = page.evaluate("window.scrollY")
        swipe_up(cdp, x, y)
        try:  # the page may still be gliding: give it time, but not for ever
            page.wait_for_function("(before) => window.scrollY - before > 100", arg=before, timeout=5000)
        except PlaywrightTimeout:
            pytest.fail(f"{path}: a swipe over the chart did not scroll the page")
    context.close()


def hidden_charts_page(project) -> None:
    """A hand-written page with a chart in the second of two content tabs and one in a closed block."""
    from scripts.render.tables import chart_figure

    spec = {"data": [{"type": "scatter", "mode": "lines+markers", "x": ["2025-09-01", "2025-10-01"], "y": [1, 2]}],
            "layout": {"height": 300}}
    tab = chart_figure("tab-chart", spec, "In a tab", "Two points.")
    details = chart_figure("details-chart", spec, "In a closed block", "Two points.")
    (project.docs / "hidden.md").write_text(
        f'# Hidden charts\n\n=== "Words"\n\n    The chart is in the next tab.\n\n=== "Chart"\n\n    {tab}\n\n'
        f'??? note "A chart in a closed block"\n\n    {details}\n', encoding="utf-8")


def test_charts_in_a_tab_and_a_closed_block_are_drawn_when_shown(browser, tmp_path):
    from tests.conftest import make_project

    project = make_project(tmp_path / "project")
    hidden_charts_page(project)
    build_site(project, site_dir=tmp_path / "site")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = PageWatch(page)
    drawn = "(id) => document.querySelector('#' + id + ' .tracker-chart').getAttribute('data-drawn') === 'true'"
    with serve_folder(tmp_path / "site") as url:
        page.goto(url + "hidden/")
        page.wait_for_function("() => window.Plotly")
        page.wait_for_timeout(300)
        assert not page.evaluate(drawn, "tab-chart"), "a chart in a hidden tab has no width to be drawn at"
        for opener, chart_id in (("label[for$='_2']", "tab-chart"), ("details summary", "details-chart")):
            assert not page.locator(f"#{chart_id} .tracker-chart").is_visible()
            page.click(opener)
            page.wait_for_function(drawn, arg=chart_id, timeout=10000)
            chart = page.locator(f"#{chart_id} .tracker-chart")
            width = chart.evaluate("el => el.clientWidth")
            svg = chart.evaluate("el => Number(el.querySelector('svg.main-svg').getAttribute('width'))")
            assert width > 300 and abs(svg - width) <= 2, (chart_id, width, svg)
    assert watch.errors == [] and watch.outside == []
    page.close()


def test_a_hostile_metric_label_and_description_run_nothing_and_show_as_written(browser, tmp_path):
    from tests.conftest import make_project
    from tests.hostile import HOSTILE_BLOCK, HOSTILE_LINE
    from tests.test_hostile_site import hostile_metric

    project = make_project(tmp_path / "project")
    hostile_metric(project)
    strikes = project.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text().replace("    attribution: the Pentagon",
                                                   "    attribution: 'the \"Pentagon\" & co'"))
    port = build_to_serve(project, tmp_path / "site")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    injected = ("document.querySelectorAll('img[src=x], [onerror], [onclick], a[href^=\"javascript:\"], "
                "meta[name=title]').length")
    with serve_folder(tmp_path / "site", port) as url:
        for path in ("", "strikes/", "metrics/", "metrics/strike_deaths/", "data/", "sources/"):
            page.goto(url + path)
            wait_for_charts(page)
            assert page.evaluate(injected) == 0, path
        page.goto(url + "metrics/strike_deaths/")
        wait_for_charts(page)
        assert page.title() == f"{HOSTILE_LINE} - US–Venezuela Escalation Tracker"
        assert page.locator("meta[property='og:description']").get_attribute("content") == " ".join(HOSTILE_BLOCK.split())
        assert page.inner_text("[data-md-component=header-topic]").strip() == HOSTILE_LINE
        assert page.inner_text("article h1").strip().removesuffix("¶") == HOSTILE_LINE
        # The hover labels, whose text comes from the facts, show quotation marks as written.
        hovers = []
        points = page.locator(".tracker-chart .scatterlayer .point")
        for i in range(points.count()):
            points.nth(i).scroll_into_view_if_needed()
            box = points.nth(i).bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_selector(".hoverlayer .hovertext", timeout=5000)
            hovers.append(page.evaluate("document.querySelector('.hoverlayer .hovertext').textContent"))
            page.mouse.move(0, 0)
        assert any('the "Pentagon" & co' in h for h in hovers), hovers
    assert dialogs == []
    page.close()


@pytest.fixture(scope="module")
def mini_with_history(tmp_path_factory):
    """The mini project with two days of history in git (a figure added, then corrected), built
    for the loopback port it is served on."""
    import subprocess

    from tests.conftest import make_project

    root = tmp_path_factory.mktemp("history")
    project = make_project(root / "project")
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    for when, change in (("2025-10-02T10:00:00+00:00", None), ("2025-10-11T10:00:00+00:00", (
            "value: 30\n", "value: 31\n    derived: A later count by the same officials.\n    corrections:\n      - {date: 2025-10-11, old_value: 30, reason: Revised.}\n"))):
        if change:
            path = project.facts / "strikes.yaml"
            path.write_text(path.read_text().replace(*change))
        env = {"PATH": "/usr/bin:/bin", "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
        for args in (["add", "-A"], ["commit", "-qm", "facts"]):
            subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project.root,
                           check=True, capture_output=True, env=env)
    port = build_to_serve(project, root / "site")
    with serve_folder(root / "site", port) as url:
        yield url


def test_what_changed_keeps_the_hedges(mini_with_history, browser):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(mini_with_history + "changes/")
    text = " ".join(page.inner_text("article").split())
    assert "Corrected: people killed in the strikes, as of 7 Oct 2025, from more than 30 to more than 31" in text
    assert "Added: at least 20 people killed in the strikes, as of around 1 Oct 2025 — Test Wire" in text
    assert "Added: strikes of around 5 Oct 2025 in the Eastern Pacific, 23 to 24 killed" in text
    assert [h.strip() for h in page.locator("article h2").all_inner_texts()] == ["11 Oct 2025", "2 Oct 2025"]
    assert "updated 11 Oct 2025" in " ".join(page.inner_text("body").split())
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.close()


def test_the_share_card_of_a_page_loads_as_an_image(mini_with_history, browser):
    page = browser.new_page()
    for path in ("strikes/", "metrics/strike_deaths/", "strikes/strike-2025-10-05/", ""):
        page.goto(mini_with_history + path)
        card = page.get_attribute('meta[property="og:image"]', "content")
        assert card.startswith(mini_with_history + "assets/cards/"), card
        size = page.evaluate("""url => new Promise(done => {
            const image = new Image();
            image.onload = () => done([image.naturalWidth, image.naturalHeight]);
            image.onerror = () => done(null);
            image.src = url;
        })""", card)
        assert size == [1200, 630], (path, card)


# --- issue 14: evidence that reads, charts that work under a finger, charts packaged to take away ---

CLIPPED_JS = """() => Array.from(document.querySelectorAll('.tracker-table tbody td, .tracker-table tbody th')).filter(cell => {
  if (!cell.offsetParent) return false;                    // a cell not shown (an empty one on a card)
  const clipped = cell.scrollWidth > cell.clientWidth + 1;
  const wrap = cell.closest('.tracker-table-wrap');
  const box = cell.getBoundingClientRect(), view = wrap.getBoundingClientRect();
  const outside = box.right > view.right + 1 || box.left < view.left - 1;
  return clipped || (outside && !wrap.hasAttribute('data-scrolls'));
}).map(cell => cell.textContent.slice(0, 40))"""


@pytest.mark.parametrize("width", [1280, 375])
def test_no_table_text_is_clipped(site_url, browser, width):
    url, site = site_url
    strike = next(p for p in all_pages(site) if p.startswith("strikes/strike-") or p.count("/") == 2 and p.startswith("strikes/"))
    page = browser.new_page(viewport={"width": width, "height": 900})
    for path in ("strikes/", "deployments/", "metrics/strike_deaths/", strike):
        page.goto(url + path)
        page.wait_for_function("() => document.querySelectorAll('.tracker-table td').length > 0")
        assert page.evaluate(CLIPPED_JS) == [], (path, width)
        if width == 375:  # a card: every cell names its column
            labels = page.evaluate("() => getComputedStyle(document.querySelector('.tracker-table td[data-label]'),"
                                   " '::before').content")
            assert labels not in ("none", "normal", ""), path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    page.close()


def test_a_tap_on_a_chart_point_shows_its_label_inside_the_screen_and_stays_on_the_page(site_url, browser):
    url, _ = site_url
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ("strikes/", "metrics/strike_deaths/"):
        page.goto(url + path)
        wait_for_charts(page, minimum=1)
        point = page.locator(".tracker-chart .scatterlayer .point").nth(3)
        point.scroll_into_view_if_needed()
        box = point.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tip = page.wait_for_selector(".tracker-tip", timeout=5000)
        page.wait_for_timeout(300)
        assert page.url == url + path, "a tap navigated"
        area = tip.bounding_box()
        assert area["x"] >= 0 and area["x"] + area["width"] <= 375, area
        assert area["y"] >= 0 and area["y"] + area["height"] <= 740, area
        link = page.locator(".tracker-tip a")
        assert link.count() == 1 and link.get_attribute("href")
        assert len(tip.inner_text()) > 20
        link.tap()  # the second tap, on the link, opens the source
        page.wait_for_url(lambda u: u != url + path, timeout=5000)
    context.close()


def test_a_chart_downloads_as_png_and_svg_with_its_title_source_and_date(site_url, browser):
    url, _ = site_url
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(url + "strikes/")
    wait_for_charts(page, minimum=1)
    figure = page.locator("#chart-individual-strikes")
    title = figure.locator(".tracker-chart-title").inner_text()
    data_to = figure.locator(".tracker-data-to").inner_text()
    with page.expect_download() as svg_download:
        figure.locator("[data-tracker-download=svg]").click()
    svg = Path(svg_download.value.path()).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and title in svg and data_to in svg and "Source: " in svg
    with page.expect_download() as png_download:
        figure.locator("[data-tracker-download=png]").click()
    png = Path(png_download.value.path()).read_bytes()
    assert png_download.value.suggested_filename == "chart-individual-strikes.png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == 1920 and 800 < height < 1600, (width, height)  # the export layout, at twice the size
    assert len(png) > 30_000
    page.close()


def test_the_embed_page_draws_its_chart_alone(site_url, browser):
    url, _ = site_url
    page = browser.new_page(viewport={"width": 600, "height": 700})
    watch = PageWatch(page)
    page.set_content(f'<iframe src="{url}embed/chart-strike_deaths/" width="560" height="640"></iframe>')
    frame = page.frame_locator("iframe")
    frame.locator('.tracker-chart[data-drawn="true"]').wait_for(timeout=15000)
    inner = page.frames[1]
    assert inner.evaluate("document.querySelectorAll('.tracker-chart').length") == 1
    assert inner.evaluate("document.querySelectorAll('nav, header, .md-header, .md-sidebar').length") == 0
    assert inner.evaluate("document.querySelector('.tracker-chart svg.main-svg').getBoundingClientRect().width") > 500
    assert "Data to" in inner.inner_text("body") and "Source:" in inner.inner_text("body")
    assert watch.errors == [] and watch.outside == []
    page.close()
