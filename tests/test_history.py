"""What changed: the history of facts/ in git becomes a page and an Atom feed, one day at a time,
each change a sentence with its hedge, its date and its source; dates come from the commits."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date

from scripts.history import Change, read_history
from scripts.load import load_dataset
from scripts.past_facts import PastFigure
from scripts.publication import Publication
from scripts.records import Quantity
from scripts.render.change_sentences import change_sentence
from scripts.render.changes import site_dates
from scripts.render.links import Links
from scripts.render.site import render_site

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITE = Publication(name="Test Tracker", url="https://example.org/tracker/", publisher="The Test Desk")


def commit(project, message, when):
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "PATH": "/usr/bin:/bin"}
    for args in (["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project.root, check=True,
                       capture_output=True, env=env)


def edit(path, old, new, count=-1):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))


def start_history(mini):
    """The fixture's facts as the first commit of a new repository, on 2 Oct 2025."""
    subprocess.run(["git", "init", "-q"], cwd=mini.root, check=True)
    commit(mini, "First figures", "2025-10-02T10:00:00+00:00")


def three_days(mini):
    """First figures on 2 Oct; a correction on 9 Oct; a retraction and a corrected strike toll on 10 Oct."""
    start_history(mini)
    edit(mini.facts / "strikes.yaml", "    value: 30\n",
         "    value: 31\n    corrections:\n      - {date: 2025-10-09, old_value: 30, reason: Revised.}\n")
    commit(mini, "Correct the Pentagon figure", "2025-10-09T10:00:00+00:00")
    edit(mini.facts / "strikes.yaml", "    status: verified\n", "    status: retracted\n", 1)
    commit(mini, "Retract the first toll", "2025-10-10T09:00:00+00:00")
    edit(mini.facts / "events.yaml", "killed: {value: 6, qualifier: exact}", "killed: {value: 7, qualifier: exact}")
    edit(mini.facts / "events.yaml", "        old_value: 3\n", "        old_value: 3\n      - date: 2025-10-10\n"
         "        field: killed\n        old_value: 6\n        reason: A body was found.\n")
    commit(mini, "Seven dead in the strike of 30 Sep", "2025-10-10T18:00:00+00:00")


def sentences(revision, dataset):
    return [change_sentence(c, dataset, Links("changes.md")).text for c in revision.changes]


def test_history_lists_changes_by_day_newest_first(mini):
    three_days(mini)
    revisions = read_history(mini)
    assert [r.day for r in revisions] == ["2025-10-10", "2025-10-09", "2025-10-02"]   # two commits on 10 Oct: one day
    assert revisions[0].date == "2025-10-10T18:00:00+00:00"
    assert [(c.kind, c.fact_id) for c in revisions[0].changes] == [("corrected", "strike-2025-09-30"),
                                                                    ("retracted", "deaths-first")]
    assert [(c.kind, c.old, c.new) for c in revisions[1].changes] == [("corrected", 30, 31)]
    assert {c.kind for c in revisions[2].changes} == {"added"}
    assert {c.fact_id for c in revisions[2].changes if c.is_event} == {"strike-2025-09-30", "strike-2025-09-15",
                                                                       "strike-2025-10-05"}
    assert "warships-seven" not in {c.fact_id for c in revisions[2].changes}   # a draft is not published


def test_a_figure_added_and_changed_on_one_day_is_one_change(mini):
    start_history(mini)
    edit(mini.facts / "deployments.yaml", "    status: draft\n", "    status: verified\n")
    commit(mini, "Publish the warships", "2025-10-03T08:00:00+00:00")
    edit(mini.facts / "deployments.yaml", "    value: 7\n", "    value: 8\n")
    commit(mini, "Oops, eight", "2025-10-03T09:00:00+00:00")
    newest = read_history(mini)[0]
    assert [(c.kind, c.fact_id, c.new) for c in newest.changes] == [("added", "warships-seven", 8)]


def test_each_change_is_a_sentence_with_its_hedge_date_and_source(mini):
    three_days(mini)
    dataset, _ = load_dataset(mini)
    newest, corrected, first = read_history(mini)
    assert sentences(corrected, dataset) == [
        "Corrected: people killed in the strikes, as of 7 Oct 2025, from more than 30 to more than 31 — "
        "an outlet the stored text does not name"]
    assert sentences(newest, dataset) == [
        "Corrected: strike of 30 Sep 2025 in the Caribbean, killed from 6 to 7 — Test Wire",
        "Retracted: at least 20 people killed in the strikes, as of around 1 Oct 2025 — Test Wire"]
    added = sentences(first, dataset)
    assert "Added: about 5,000 US personnel: about 5,000 people, as of around 1 Oct 2025 — Test Wire" not in added
    assert "Added: US personnel: about 5,000 people, as of around 1 Oct 2025 — Test Wire" in added
    assert "Added: strikes of around 5 Oct 2025 in the Eastern Pacific, 23 to 24 killed — Test Wire" in added
    assert "Added: 6 people killed in the strikes (the strike of 30 Sep 2025), as of 30 Sep 2025 — Test Wire" in added


def test_a_range_keeps_both_ends_in_its_sentence(mini):
    dataset, _ = load_dataset(mini)
    figure = PastFigure("ships-range", "us_warships", "2025-10-01-test-strike-report",
                        Quantity(30_000_000, "range", 50_000_000), date(2025, 10, 1), "day", None, "verified", 0)
    text = change_sentence(Change("added", None, figure), dataset, Links("changes.md")).text
    assert text == "Added: US warships: 30 to 50 million ships, as of 1 Oct 2025 — Test Wire"


def test_the_page_groups_by_day_and_shows_no_commit_message(mini):
    three_days(mini)
    dataset, _ = load_dataset(mini)
    page = render_site(dataset, read_history(mini), SITE)["changes.md"]
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings == ["10 Oct 2025", "9 Oct 2025", "2 Oct 2025"]
    assert "Retract the first toll" not in page and "Correct the Pentagon figure" not in page
    assert "<strong>Retracted:</strong>" in page and "more than 30 to more than 31" in page


def test_a_redated_strike_says_what_its_date_was(mini):
    start_history(mini)
    edit(mini.facts / "events.yaml", "    date: 2025-10-05\n    date_precision: approx\n",
         "    date: 2025-10-05\n    date_precision: day\n")
    commit(mini, "Date known", "2025-10-03T10:00:00+00:00")
    dataset, _ = load_dataset(mini)
    page = render_site(dataset, read_history(mini), SITE)["changes.md"]
    assert "strikes of 5 Oct 2025 in the Eastern Pacific</a> (was dated around 5 Oct 2025) — Test Wire" in page


def test_the_feed_has_an_author_absolute_links_and_the_hedges(mini):
    three_days(mini)
    dataset, _ = load_dataset(mini)
    feed = ET.fromstring(render_site(dataset, read_history(mini), SITE)["feed.xml"])
    assert feed.findtext("a:author/a:name", namespaces=ATOM) == "The Test Desk"
    assert feed.findtext("a:updated", namespaces=ATOM) == "2025-10-10T18:00:00+00:00"
    entries = feed.findall("a:entry", ATOM)
    assert [e.findtext("a:title", namespaces=ATOM) for e in entries] == [
        "10 Oct 2025: 1 corrected, 1 retracted", "9 Oct 2025: 1 corrected", "2 Oct 2025: 8 added"]
    links = [el.get("href") for el in feed.iter(f"{{{ATOM['a']}}}link")]
    assert links and all(h.startswith("https://example.org/tracker/") for h in links)
    content = entries[1].findtext("a:content", namespaces=ATOM)
    assert "from more than 30 to more than 31" in content
    assert all(h.startswith("https://example.org/tracker/") for h in re.findall(r'href="([^"]+)"', content))


def test_the_site_dates_come_from_the_data_and_from_git(mini):
    three_days(mini)
    dataset, _ = load_dataset(mini)
    dates = site_dates(dataset, read_history(mini))
    assert (dates.data_to, dates.updated) == ("7 Oct 2025", "10 Oct 2025")
    assert dates.line == "Data to 7 Oct 2025 · updated 10 Oct 2025"


def test_without_git_the_page_says_so_and_nothing_claims_an_update(mini):
    dataset, _ = load_dataset(mini)
    revisions = read_history(mini)
    assert revisions == []
    site = render_site(dataset, revisions, SITE)
    assert "No history is available" in site["changes.md"]
    assert ET.fromstring(site["feed.xml"]).findall("a:entry", ATOM) == []
    assert site_dates(dataset, revisions).line == "Data to 7 Oct 2025"
