"""Sharing: every page names its share card (a PNG drawn at build time from the facts), its title
with the site's name, and absolute addresses from site_url; the dataset's JSON-LD says what, when,
where and who; editors' pages stay out of the readers' navigation."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from scripts.build import build_site
from scripts.load import load_dataset
from scripts.publication import Publication, PublicationError, publication_from_config
from scripts.story import Story
from scripts.render.card_image import card_png
from scripts.render.cards import ShareCard, card_path, share_cards
from scripts.render.site import render_site
from tests.conftest import make_project

SITE_URL = "https://news.example/tracker/"
SITE = Publication(name="Test Tracker", url=SITE_URL, publisher="The Test Desk",
                   coverage="The Caribbean Sea and the Eastern Pacific Ocean")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, after checking the signature and the chunk's CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    body, crc = data[16:29], struct.unpack(">I", data[29:33])[0]
    assert zlib.crc32(b"IHDR" + body) == crc
    return struct.unpack(">II", body[:8])


def meta(html: str, key: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    assert found, key
    return found.group(1)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The mini project in git (two days of history), built twice for SITE_URL."""
    root = tmp_path_factory.mktemp("sharing")
    project = make_project(root / "project")
    env = {"PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    for when, change in (("2025-10-02T10:00:00+00:00", None), ("2025-10-11T10:00:00+00:00", ("value: 30\n", "value: 31\n    derived: A later count by the same officials.\n    corrections:\n      - {date: 2025-10-11, old_value: 30, reason: Revised.}\n"))):
        if change:
            path = project.facts / "strikes.yaml"
            path.write_text(path.read_text().replace(*change))
        for args in (["add", "-A"], ["commit", "-qm", "facts"]):
            subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project.root,
                           check=True, capture_output=True, env=env | {"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when})
    mp = pytest.MonkeyPatch()
    mp.setenv("SITE_URL", SITE_URL)
    mp.setenv("REPOSITORY_URL", "https://git.example/desk/tracker")
    try:
        build_site(project, site_dir=root / "one")
        build_site(project, site_dir=root / "two")
    finally:
        mp.undo()
    return root / "one", root / "two"


def test_a_card_is_a_1200_by_630_png():
    card = ShareCard("Test Tracker", "Strikes", "at least 32", "people killed in 4 recorded strikes",
                     "as of 7 Oct 2025 · Test Wire", "Data to 7 Oct 2025 · updated 10 Oct 2025")
    data = card_png(card)
    assert png_size(data) == (1200, 630)
    assert data.endswith(b"IEND\xaeB`\x82")
    assert b"tEXt" not in data and b"tIME" not in data   # nothing that changes from one build to the next


def test_the_key_figure_is_computed_from_the_facts_with_its_hedge(mini):
    dataset, _ = load_dataset(mini)
    cards = share_cards(dataset, "Test Tracker", "Data to 7 Oct 2025")
    _path, strikes = cards["strikes.md"]
    # 6 + 3 + '23 to 24' killed (the least: 32) in 1 + 1 + 2 strikes
    assert (strikes.figure, strikes.counted) == ("at least 32", "people killed in 4 recorded strikes")
    assert strikes.note.startswith("Latest reported total: more than 30, as of 7 Oct 2025")
    _path, metric = cards["metrics/us_personnel.md"]
    assert (metric.figure, metric.note) == ("about 5,000 people", "as of around 1 Oct 2025 · Test Wire")
    _path, strike = cards["strikes/strike-2025-10-05.md"]
    assert (strike.figure, strike.counted) == ("23 to 24 killed", "Strikes of around 5 Oct 2025 in the Eastern Pacific")
    events = mini.facts / "events.yaml"
    events.write_text(events.read_text().replace("killed: {value: 6, qualifier: exact}", "killed: {value: 9}"))
    changed = share_cards(load_dataset(mini)[0], "Test Tracker", "")
    assert changed["strikes.md"][1].figure == "at least 35"


def test_every_page_kind_has_its_own_card():
    assert card_path("index.md") == "assets/cards/home.png"
    assert card_path("strikes.md") == "assets/cards/strikes.png"
    assert card_path("metrics/us_personnel.md") == "assets/cards/metrics/us_personnel.png"
    assert card_path("strikes/strike-2025-10-05.md") == "assets/cards/strikes/strike-2025-10-05.png"


def test_pages_name_their_card_and_title_with_absolute_addresses(built):
    site, _ = built
    for page, card in (("strikes/", "strikes.png"), ("", "home.png"), ("metrics/us_personnel/", "metrics/us_personnel.png"),
                       ("strikes/strike-2025-10-05/", "strikes/strike-2025-10-05.png"), ("sources/", "home.png")):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        image = meta(html, "og:image")
        assert image == f"{SITE_URL}assets/cards/{card}", page
        assert meta(html, "twitter:image") == image and meta(html, "twitter:card") == "summary_large_image"
        assert png_size((site / image[len(SITE_URL):]).read_bytes()) == (1200, 630)
        assert re.search(rf'<link rel="canonical" href="{re.escape(SITE_URL + page)}">', html), page
        # the feed link stays on the page's own host: Material fetches the sitemap beside every alternate link
        feed = re.search(r'type="application/atom\+xml" title="[^"]*" href="([^"]+)"', html).group(1)
        assert feed.endswith("feed.xml") and "//" not in feed, page
    strikes = (site / "strikes" / "index.html").read_text(encoding="utf-8")
    assert meta(strikes, "og:title") == "Strikes — US–Venezuela Escalation Tracker"
    assert meta(strikes, "og:image:alt").startswith("Strikes: at least 32 people killed in 4 recorded strikes")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert meta(home, "og:title") == "US–Venezuela Escalation Tracker"
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'<link rel="self" type="application/atom+xml" href="{SITE_URL}feed.xml"/>' in feed


def test_share_cards_are_byte_identical_across_two_builds(built):
    one, two = built
    cards = sorted(p.relative_to(one) for p in (one / "assets" / "cards").rglob("*.png"))
    assert len(cards) >= 10
    assert all((one / c).read_bytes() == (two / c).read_bytes() for c in cards)


def test_every_page_says_data_to_and_updated(built):
    site, _ = built
    for page in ("", "strikes/", "methodology/", "strikes/strike-2025-10-05/"):
        text = re.sub(r"\s+", " ", (site / page / "index.html").read_text(encoding="utf-8"))
        assert "Data to 7 Oct 2025 · updated 11 Oct 2025 (" in text, page


def test_problem_codes_are_in_the_footer_not_the_readers_navigation(built):
    site, _ = built
    html = (site / "index.html").read_text(encoding="utf-8")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "problems/" not in nav and "Problem codes" not in nav
    footer = html.split('<footer class="md-footer">', 1)[1]
    assert 'href="problems/"' in footer
    assert 'href="https://git.example/desk/tracker/issues/new/choose">Report an error</a>' in footer
    assert (site / "problems" / "index.html").is_file()


def test_the_dataset_says_what_when_where_and_who(mini):
    dataset, _ = load_dataset(mini)
    page = render_site(dataset, (), SITE)["data.md"]
    found = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert found["url"] == f"{SITE_URL}data/"
    assert found["creator"] == {"@type": "Organization", "name": "The Test Desk", "url": SITE_URL}
    assert found["temporalCoverage"] == "2025-09-15/2025-10-07"   # the first and last date the facts describe
    assert found["spatialCoverage"] == {"@type": "Place", "name": "The Caribbean Sea and the Eastern Pacific Ocean"}
    assert all(d["contentUrl"].startswith(SITE_URL) for d in found["distribution"])


def test_the_publication_settings_come_from_the_configuration():
    story = Story(name="T", description="A site.", publisher="Desk")
    found = publication_from_config(story, "https://x.example/t", {"tracker": {"repository": "https://g/x/"}})
    assert (found.name, found.url, found.description, found.publisher, found.issues_url) == (
        "T", "https://x.example/t/", "A site.", "Desk", "https://g/x/issues/new/choose")
    assert found.absolute("assets/cards/home.png") == "https://x.example/t/assets/cards/home.png"
    with pytest.raises(PublicationError, match="publisher"):
        publication_from_config(story, None, {"tracker": {"publisher": "moved to story.yaml"}})
    with pytest.raises(PublicationError, match="repository"):
        publication_from_config(story, None, {"tracker": {"repository": ["a list"]}})
