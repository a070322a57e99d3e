"""Corrections are recorded, not silent: changes to verified figures are compared with the base
branch, as CI does on a pull request."""

from __future__ import annotations

import subprocess

import pytest

from scripts.load import load_dataset
from scripts.render.site import render_site
from scripts.validate import validate_project


def git(project, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project.root, check=True,
                   capture_output=True)


@pytest.fixture
def repo(mini):
    git(mini, "init", "-q")
    git(mini, "add", "-A")
    git(mini, "commit", "-qm", "base")
    return mini


def edit(project, old, new):
    path = project.facts / "strikes.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


# What the comparison with the base reports (a value changed here is no longer its quote's own:
# that is another check's problem).
BASE_CODES = {"uncorrected-change", "fact-removed", "id-reused", "base-unavailable", "correction-removed",
              "unpublished-without-correction", "retraction-without-reason"}


def codes(project) -> list[tuple[str, str, int]]:
    _, problems = validate_project(project, base="HEAD")
    return [(p.code, p.path, p.line) for p in problems if p.code in BASE_CODES]


def test_changing_a_verified_value_without_a_correction_fails(repo):
    edit(repo, "    value: 30\n", "    value: 31\n")
    assert codes(repo) == [("uncorrected-change", "facts/strikes.yaml", 13)]


def test_a_recorded_correction_makes_the_change_valid(repo):
    edit(repo, "    value: 30\n", "    value: 31\n    corrections:\n      - date: 2025-10-09\n"
                                  "        old_value: 30\n        reason: The Pentagon revised its figure.\n")
    assert codes(repo) == []


def test_changing_only_the_qualifier_also_needs_a_correction(repo):
    edit(repo, "    qualifier: more_than\n", "    qualifier: at_least\n")
    assert [c[0] for c in codes(repo)] == ["uncorrected-change"]


def test_deleting_a_fact_fails_and_retracting_it_passes(repo):
    path = repo.facts / "strikes.yaml"
    text = path.read_text()
    start = text.index("  - id: deaths-second")
    end = text.index("  - id: strikes-first")
    path.write_text(text[:start] + text[end:])
    assert {c[0] for c in codes(repo)} == {"fact-removed"}
    path.write_text(text.replace("    attribution: the Pentagon\n    status: verified",
                                 "    attribution: the Pentagon\n    status: retracted\n    note: The source withdrew it."))
    assert codes(repo) == []


def test_an_id_may_not_be_reused_for_another_figure(repo):
    edit(repo, "  - id: deaths-second\n    metric: strike_deaths", "  - id: deaths-second\n    metric: boat_strikes")
    assert [c[0] for c in codes(repo)] == ["id-reused"]


def test_without_history_the_check_is_skipped_with_a_warning(mini):
    _, problems = validate_project(mini, base="origin/main")
    assert [(p.code, p.severity) for p in problems] == [("base-unavailable", "warning")]


def test_the_corrections_page_lists_corrections_newest_first_and_retractions(mini):
    edit(mini, "    value: 30\n", "    value: 31\n    corrections:\n      - date: 2025-10-09\n"
                                  "        old_value: 30\n        reason: Revised.\n")
    edit(mini, "    value: 4\n", "    value: 5\n    corrections:\n      - date: 2025-10-20\n"
                                 "        old_value: 4\n        reason: A fifth strike was counted.\n")
    edit(mini, "  - id: deaths-one-strike\n", "  - id: deaths-one-strike\n    note: Withdrawn by the source.\n")
    edit(mini, "    scope: the strike of 30 Sep 2025\n    source: 2025-10-01-test-strike-report\n"
               "    quote: The U.S. military killed 6 people on Tuesday in a strike on a boat, officials said.\n"
               "    status: verified", "    scope: the strike of 30 Sep 2025\n    source: 2025-10-01-test-strike-report\n"
               "    quote: The U.S. military killed 6 people on Tuesday in a strike on a boat, officials said.\n"
               "    status: retracted")
    dataset, problems = load_dataset(mini)
    assert problems == []
    page = render_site(dataset)["corrections.md"]
    assert page.index("20 Oct 2025") < page.index("9 Oct 2025")
    assert "A fifth strike was counted." in page and "4 → 5" in page
    assert "Withdrawn by the source." in page and "deaths-one-strike" in page


def test_the_pull_request_summary_counts_added_changed_corrected_and_retracted(repo, monkeypatch, tmp_path):
    from scripts.cli import main

    edit(repo, "    value: 30\n", "    value: 31\n    derived: thirty of the quote and one more the same day\n"
                                  "    corrections:\n      - date: 2025-10-09\n"
                                  "        old_value: 30\n        reason: Revised.\n")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: repo))
    assert main(["validate", "--format", "github", "--base", "HEAD"]) == 0
    assert "| 0 | 1 | 1 | 0 |" in summary.read_text()


def edit_events(project, old, new):
    path = project.facts / "events.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_fact_file_whose_name_git_would_quote_is_compared_too(repo):
    (repo.facts / "strikes.yaml").rename(repo.facts / "strikes é x.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "rename")
    path = repo.facts / "strikes é x.yaml"
    path.write_text(path.read_text().replace("    qualifier: more_than\n", "    qualifier: at_least\n", 1))
    assert [c[:2] for c in codes(repo)] == [("uncorrected-change", "facts/strikes é x.yaml")]


def test_unpublishing_a_verified_figure_needs_a_correction(repo):
    edit(repo, "    attribution: the Pentagon\n    status: verified", "    attribution: the Pentagon\n    status: draft")
    assert [c[0] for c in codes(repo)] == ["unpublished-without-correction"]
    edit(repo, "    status: draft", "    status: draft\n    corrections:\n      - date: 2025-10-09\n"
                                    "        old_value: 30\n        reason: The Pentagon withdrew the figure for review.")
    assert codes(repo) == []


def test_laundering_a_change_through_draft_fails_at_the_first_step(repo):
    """verified → draft, then a new value, then verified again: the first pull request fails."""
    edit(repo, "    attribution: the Pentagon\n    status: verified", "    attribution: the Pentagon\n    status: draft")
    assert "unpublished-without-correction" in [c[0] for c in codes(repo)]


def test_a_retraction_needs_a_reason(repo):
    edit(repo, "    attribution: the Pentagon\n    status: verified", "    attribution: the Pentagon\n    status: retracted")
    assert [c[0] for c in codes(repo)] == ["retraction-without-reason"]


@pytest.mark.parametrize("old, new, field", [
    ("    as_of: 2025-10-07\n", "    as_of: 2025-10-06\n", "as_of"),
    ("    as_of_precision: day\n    source: 2025-10-08", "    as_of_precision: approx\n    source: 2025-10-08", "as_of_precision"),
    ("    attribution: the Pentagon\n", "    attribution: the Pentagon\n    scope: the Caribbean only\n", "scope"),
])
def test_any_published_field_change_needs_a_correction(repo, old, new, field):
    edit(repo, old, new)
    found = codes(repo)
    assert [c[0] for c in found] == ["uncorrected-change"]
    _, problems = validate_project(repo, base="HEAD")
    assert f"`{field}`" in next(p.message for p in problems if p.code == "uncorrected-change")
    edit(repo, "    status: verified\n  - id: strikes-first", "    status: verified\n    corrections:\n"
         "      - date: 2025-10-09\n        old_value: 30\n        reason: The date was misread.\n  - id: strikes-first")
    assert codes(repo) == []


def test_correction_entries_are_append_only(repo):
    edit(repo, "    value: 30\n", "    value: 30\n    corrections:\n      - date: 2025-10-09\n"
                                  "        old_value: 31\n        reason: A typo was fixed.\n")
    git(repo, "commit", "-qam", "correct")
    edit(repo, "        reason: A typo was fixed.\n", "        reason: Nothing happened.\n")
    assert [c[0] for c in codes(repo)] == ["correction-removed"]
    edit(repo, "    corrections:\n      - date: 2025-10-09\n        old_value: 31\n        reason: Nothing happened.\n", "")
    assert [c[0] for c in codes(repo)] == ["correction-removed"]


def test_an_event_may_not_vanish_and_its_toll_may_not_change_silently(repo):
    edit_events(repo, "      killed: {value: 6, qualifier: exact}", "      killed: {value: 7, qualifier: exact}")
    assert [(c[0], c[1], c[2]) for c in codes(repo)] == [("uncorrected-change", "facts/events.yaml", 13)]
    edit_events(repo, "        source: 2025-10-08-second-test-report\n    status: verified",
                "        source: 2025-10-08-second-test-report\n      - date: 2025-10-09\n"
                "        field: killed\n        old_value: 6\n        reason: A seventh body was found.\n"
                "    status: verified")
    assert codes(repo) == []
    edit_events(repo, "    date: 2025-09-30\n", "    date: 2025-09-29\n")
    assert [c[0] for c in codes(repo)] == ["uncorrected-change"]
    (repo.facts / "events.yaml").write_text("events: []\n")
    assert {c[0] for c in codes(repo)} == {"fact-removed"}
