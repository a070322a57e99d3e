"""The engine's navigation names each generated page where it is staged (<address>/index.md)."""

from __future__ import annotations

from scripts.navigation import default_nav, moved_nav, moved_not_in_nav, relinked
from scripts.render.links import staged_source

MOVED = {page: staged_source(page) for page in ("strikes.md", "sources.md", "problems.md", "metrics/x.md")}


def test_a_generated_page_is_staged_in_the_folder_of_its_address():
    assert staged_source("strikes.md") == "strikes/index.md"
    assert staged_source("strikes/strike-1.md") == "strikes/strike-1/index.md"
    assert staged_source("index.md") == "index.md" and staged_source("metrics/index.md") == "metrics/index.md"
    assert staged_source("data/facts.csv") == "data/facts.csv"


def test_the_configured_nav_names_the_staged_pages_and_keeps_the_rest():
    nav = [{"Home": "index.md"}, {"Strikes": "strikes.md"}, {"More": ["methodology.md", {"Sources": "sources.md"}]},
           {"Elsewhere": "https://example.org/"}]
    assert moved_nav(nav, MOVED) == [{"Home": "index.md"}, {"Strikes": "strikes/index.md"},
                                     {"More": ["methodology.md", {"Sources": "sources/index.md"}]},
                                     {"Elsewhere": "https://example.org/"}]


def test_not_in_nav_patterns_also_match_the_staged_pages():
    assert moved_not_in_nav("/metrics/*.md\n/problems.md\n# a note\n/raw/\n").splitlines() == [
        "/metrics/*.md", "/problems.md", "# a note", "/raw/", "/metrics/*/index.md", "/problems/index.md"]


def test_without_a_nav_the_menu_lists_the_pages_flat_as_the_engine_would_have():
    pages = ["methodology.md", "strikes.md", "index.md", "sources.md", "problems.md", "metrics/x.md",
             "metrics/index.md", "data/facts.csv"]
    assert default_nav(pages, "/metrics/*.md\n/problems.md\n", MOVED) == [
        "index.md", "methodology.md", "sources/index.md", "strikes/index.md"]


def test_a_hand_written_page_links_generated_pages_by_their_own_names():
    text = ("See [Sources](sources.md), [a part](strikes.md#table) and [the metric](metrics/x.md).\n"
            "[codes]: problems.md\n")
    assert relinked(text, "methodology.md", MOVED) == (
        "See [Sources](sources/index.md), [a part](strikes/index.md#table) and [the metric](metrics/x/index.md).\n"
        "[codes]: problems/index.md\n")


def test_a_link_from_a_sub_folder_is_resolved_from_that_folder():
    assert relinked("[back](../strikes.md)", "guide/howto.md", MOVED) == "[back](../strikes/index.md)"


def test_links_to_hand_written_pages_and_elsewhere_are_left_as_written():
    text = "[m](methodology.md) [w](https://example.org/sources.md) [a](#sources.md) `sources.md`"
    assert relinked(text, "about.md", MOVED) == text
