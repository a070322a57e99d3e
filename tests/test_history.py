"""What changed: the history of facts/ in git becomes a page and an Atom feed, dated by commits."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

from scripts.history import read_history
from scripts.load import load_dataset
from scripts.render.site import render_site


def commit(project, message, when):
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "PATH": "/usr/bin:/bin"}
    for args in (["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project.root, check=True,
                       capture_output=True, env=env)


def test_history_lists_added_changed_and_retracted_figures_newest_first(mini):
    subprocess.run(["git", "init", "-q"], cwd=mini.root, check=True)
    commit(mini, "First figures", "2025-10-02T10:00:00+00:00")
    path = mini.facts / "strikes.yaml"
    path.write_text(path.read_text().replace("    value: 30\n", "    value: 31\n    corrections:\n"
                                             "      - {date: 2025-10-09, old_value: 30, reason: Revised.}\n"))
    commit(mini, "Correct the Pentagon figure", "2025-10-09T10:00:00+00:00")
    path.write_text(path.read_text().replace("    status: verified\n", "    status: retracted\n", 1))
    commit(mini, "Retract the first toll", "2025-10-10T10:00:00+00:00")
    revisions = read_history(mini)
    assert [r.subject for r in revisions] == ["Retract the first toll", "Correct the Pentagon figure", "First figures"]
    assert [(c.kind, c.fact_id) for c in revisions[0].changes] == [("retracted", "deaths-first")]
    assert [(c.kind, c.old, c.new) for c in revisions[1].changes] == [("changed", 30, 31)]
    assert {c.kind for c in revisions[2].changes} == {"added"}
    dataset, _ = load_dataset(mini)
    site = render_site(dataset, revisions, "https://example.org/tracker/")
    page = site["changes.md"]
    assert page.index("10 Oct 2025") < page.index("9 Oct 2025") < page.index("2 Oct 2025")
    feed = ET.fromstring(site["feed.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)][0] == "Retract the first toll"
    assert feed.findtext("a:updated", namespaces=ns) == "2025-10-10T10:00:00+00:00"


def test_without_git_the_page_says_so(mini):
    dataset, _ = load_dataset(mini)
    assert "No history is available" in render_site(dataset, read_history(mini))["changes.md"]
