"""The editor's queue as an editor uses it: review, accept many at once (all or none), reject for
good, annotations that survive a re-run, drafts that cannot be forged, appends that never change
an earlier entry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.cli import main
from scripts.extract.candidates import candidate_id
from scripts.extract.rejections import read_rejections
from scripts.validate import validate_project
from scripts.yamlfile import parse_yaml

NEW = "2025-10-15-new-report"
SENTENCE = "The U.S. military has killed at least 45 people in 9 strikes, officials said on Monday."


@pytest.fixture
def project(mini, monkeypatch):
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: mini))
    monkeypatch.chdir(mini.root)
    return mini


def write_article(project, body: str) -> Path:
    path = project.seeds / f"{NEW}.md"
    path.write_text("---\ntitle: New report\noutlet: Test Wire\npublished: 2025-10-15\npublished_precision: stated\n"
                    f"---\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def queued(project, capsys):
    """The new article extracted: two placed candidates (45 deaths, 9 strikes) and one not placed."""
    write_article(project, SENTENCE + " The F-35 jets flew 3 times.")
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    capsys.readouterr()
    return project


def drafts(project, source: str = NEW) -> list[dict]:
    return yaml.safe_load((project.drafts / f"{source}.yaml").read_text(encoding="utf-8"))["candidates"]


def by_value(project, value) -> dict:
    return next(c for c in drafts(project) if c["value"] == value)


def edit_draft(project, which, **changes) -> None:
    path = project.drafts / f"{NEW}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for c in data["candidates"]:
        if c["value"] == which:
            c.update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def read(path: Path) -> dict:
    """A file as the project reads it (dates stay text)."""
    doc, problems = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    assert problems == []
    return doc.data


def observations(project, name: str = "strikes.yaml") -> list[dict]:
    return read(project.facts / name)["observations"]


def fact_bytes(project) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(project.facts.glob("*.yaml"))}


# --- where drafts live, and ids ---------------------------------------------------------------

def test_drafts_live_in_the_git_ignored_cache_and_ids_are_re_derived_from_sentence_and_figure(queued):
    assert (queued.drafts / f"{NEW}.yaml").is_file() and not (queued.facts / "drafts").exists()
    assert "/.cache/" in (queued.root / ".gitignore").read_text().splitlines()
    deaths = by_value(queued, 45)
    start = SENTENCE.index("at least 45")
    assert deaths["id"] == candidate_id(NEW, SENTENCE, start, start + len("at least 45"), 45)


def test_ids_do_not_change_when_the_article_changes_elsewhere(queued, capsys):
    before = {c["value"]: c["id"] for c in drafts(queued)}
    write_article(queued, "A paragraph added above.\n\n" + SENTENCE + " The F-35 jets flew 3 times.")
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    assert {c["value"]: c["id"] for c in drafts(queued)} == before


# --- review -----------------------------------------------------------------------------------

def test_review_prints_each_candidate_with_its_figure_marked_in_the_sentence(queued, capsys):
    assert main(["review", f"seeds/{NEW}.md"]) == 0
    out = capsys.readouterr().out
    deaths = by_value(queued, 45)["id"]
    line = next(line for line in out.splitlines() if line.strip().startswith(deaths))
    assert "strike_deaths" in line and "at least 45" in line and "as of 2025-10-13 (day)" in line
    assert "killed [at least 45] people in 9 strikes" in out
    assert "The F-35 jets flew [3] times." in out and "(no metric)" in out
    assert main(["review"]) == 0
    assert f"{NEW}: 2 placed, 1 not placed" in capsys.readouterr().out


# --- annotations survive a re-run -------------------------------------------------------------

def test_an_editors_corrections_in_the_drafts_survive_a_rerun_and_new_candidates_are_merged_in(queued, capsys):
    edit_draft(queued, 45, as_of="2025-10-12", scope=None, attribution="Pentagon")
    edit_draft(queued, 3, metric="us_aircraft")
    write_article(queued, SENTENCE + " The F-35 jets flew 3 times. Another 2 boats were struck on Friday.")
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    deaths, flights = by_value(queued, 45), by_value(queued, 3)
    assert (deaths["as_of"], deaths["scope"], deaths["attribution"]) == ("2025-10-12", None, "Pentagon")
    assert flights["metric"] == "us_aircraft"
    assert 2 in {c["value"] for c in drafts(queued)}                       # the new sentence's figure
    write_article(queued, SENTENCE)                                         # a sentence leaves the article
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    assert {c["value"] for c in drafts(queued)} == {45, 9}
    assert by_value(queued, 45)["attribution"] == "Pentagon"


def test_accept_uses_the_corrections_typed_into_the_drafts(queued, capsys):
    edit_draft(queued, 45, as_of="2025-10-12", attribution="Pentagon")
    assert main(["accept", by_value(queued, 45)["id"]]) == 0
    added = observations(queued)[-1]
    assert (added["value"], added["as_of"], added["attribution"]) == (45, "2025-10-12", "Pentagon")


# --- many at once, all or none ----------------------------------------------------------------

def test_accept_all_of_an_article_except_some_validates_once(queued, capsys, monkeypatch):
    import scripts.extract.accept as accept_module

    calls = []
    real = accept_module.validate_project
    monkeypatch.setattr(accept_module, "validate_project", lambda paths: calls.append(1) or real(paths))
    strikes = by_value(queued, 9)["id"]
    assert main(["accept", "--all", NEW, "--except", strikes]) == 0
    assert len(calls) == 1
    out = capsys.readouterr().out
    assert "strike-deaths-2025-10-13-45" in out and "not placed in a metric were left" in out
    assert [o["value"] for o in observations(queued) if o["source"] == NEW] == [45]
    assert {c["value"] for c in drafts(queued)} == {9, 3}                   # accepted ones leave the queue
    _, problems = validate_project(queued)
    assert problems == []


def test_accept_keeps_nothing_when_one_of_several_does_not_validate(queued, capsys):
    edit_draft(queued, 9, as_of="2025-12-01")                               # after the publication date
    before = fact_bytes(queued)
    assert main(["accept", by_value(queued, 45)["id"], by_value(queued, 9)["id"]]) == 1
    err = capsys.readouterr().err
    assert "as-of-after-publication" in err and "Nothing was accepted" in err
    assert fact_bytes(queued) == before
    assert {c["value"] for c in drafts(queued)} == {45, 9, 3}


def test_accept_all_names_the_problem_when_an_id_is_unknown_and_writes_nothing(queued, capsys):
    before = fact_bytes(queued)
    assert main(["accept", by_value(queued, 45)["id"], "c00000000"]) == 1
    assert "c00000000: no such candidate" in capsys.readouterr().err
    assert main(["accept", "--all", NEW, "--except", "c00000000"]) == 1
    assert fact_bytes(queued) == before


# --- reject, remembered -----------------------------------------------------------------------

def test_a_rejected_candidate_is_recorded_and_never_proposed_again(queued, capsys):
    strikes, flights = by_value(queued, 9)["id"], by_value(queued, 3)["id"]
    assert main(["reject", strikes, flights, "--reason", "the strikes of the whole campaign, not of Monday"]) == 0
    rejected = read(queued.rejected_file)["rejected"]
    assert [(r["candidate"], r["source"], r["value"]) for r in rejected] == [(strikes, NEW, 9), (flights, NEW, 3)]
    assert rejected[0]["reason"].startswith("the strikes") and rejected[0]["quote"] == SENTENCE
    assert len(rejected[0]["date"]) == 10
    assert queued.rejected_file.read_text().startswith("# yaml-language-server: $schema=../schemas/rejected.schema.json")
    assert read_rejections(queued) == ({(NEW, strikes), (NEW, flights)}, [])
    assert main(["extract"]) == 0
    assert {c["id"] for c in drafts(queued)} == {by_value(queued, 45)["id"]}
    _, problems = validate_project(queued)                                   # not read as observations
    assert problems == []


def test_reject_all_of_an_article(queued, capsys):
    assert main(["reject", "--all", NEW]) == 0
    assert drafts(queued) == []
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    assert drafts(queued) == []


def test_a_broken_rejections_file_stops_extract_with_one_line(queued, capsys):
    queued.rejected_file.write_text("rejected:\n  - candidate: nope\n")
    assert main(["extract"]) == 1
    err = capsys.readouterr().err
    assert "facts/rejected.yaml:2:" in err and "Traceback" not in err


# --- drafts that cannot be forged -------------------------------------------------------------

def test_an_alias_bomb_in_drafts_is_refused_and_the_file_left_alone(queued, capsys):
    path = queued.drafts / f"{NEW}.yaml"
    bomb = 'source: x\na: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    path.write_text(bomb)
    assert main(["accept", "--all", NEW]) == 1
    assert "yaml-alias" in capsys.readouterr().err
    assert main(["extract", f"seeds/{NEW}.md"]) == 1
    assert "yaml-alias" in capsys.readouterr().err and path.read_text() == bomb


def test_a_drafts_file_that_is_a_list_gives_one_line_not_a_crash(queued, capsys):
    (queued.drafts / f"{NEW}.yaml").write_text("- id: c12345678\n  value: 45\n")
    assert main(["accept", "--all", NEW]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert any(f".cache/drafts/{NEW}.yaml:1:1: wrong-top-level" in line for line in err), err
    assert not any("internal error" in line for line in err)


def test_a_forged_drafts_file_that_sorts_first_cannot_lend_its_figure_to_a_real_id(queued, capsys):
    real = by_value(queued, 45)
    forged = dict(real, value=4500)
    (queued.drafts / "0000-forged.yaml").write_text(yaml.safe_dump({"source": NEW, "candidates": [forged]}))
    (queued.drafts / "0001-forged.yaml").write_text(yaml.safe_dump({"source": "0001-forged", "candidates": [forged]}))
    assert main(["accept", real["id"]]) == 0
    captured = capsys.readouterr()
    assert "draft-mismatch" in captured.err
    assert [o["value"] for o in observations(queued) if o["source"] == NEW] == [45]


def test_a_candidate_whose_value_or_quote_was_edited_is_refused(queued, capsys):
    edit_draft(queued, 45, value=4500)
    before = fact_bytes(queued)
    assert main(["accept", "--all", NEW]) == 1
    assert "draft-mismatch" in capsys.readouterr().err
    assert fact_bytes(queued) == before


def test_a_forged_candidate_with_a_consistent_id_but_a_sentence_not_in_the_article_is_refused(queued, capsys):
    quote = "The U.S. military has killed at least 4500 people in 9 strikes."
    start = quote.index("at least 4500")
    forged = {"id": candidate_id(NEW, quote, start, start + len("at least 4500"), 4500), "metric": "strike_deaths",
              "value": 4500, "qualifier": "at_least", "as_of": "2025-10-13", "as_of_precision": "day", "quote": quote}
    path = queued.drafts / f"{NEW}.yaml"
    path.write_text(yaml.safe_dump({"source": NEW, "candidates": drafts(queued) + [forged]}))
    before = fact_bytes(queued)
    assert main(["accept", "--all", NEW]) == 1
    assert "is no longer in seeds/" in capsys.readouterr().err
    assert fact_bytes(queued) == before


# --- appending never changes an earlier entry -------------------------------------------------

KEEP = "    note: |+\n      The editor's note, with trailing newlines kept.\n\n\n"


def test_accept_after_a_keep_block_scalar_leaves_that_entry_unchanged(queued, capsys):
    strikes = queued.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text().rstrip("\n") + "\n" + KEEP)
    before_text = strikes.read_text()
    before, _ = parse_yaml(before_text, "strikes.yaml")
    assert main(["accept", by_value(queued, 45)["id"]]) == 0
    after_text = strikes.read_text()
    after, _ = parse_yaml(after_text, "strikes.yaml")
    assert after_text.startswith(before_text)
    old = before.data["observations"]
    assert after.data["observations"][: len(old)] == old
    assert old[-1]["note"] == "The editor's note, with trailing newlines kept.\n\n\n"


def test_accept_refuses_rather_than_change_a_keep_scalar_at_the_end_of_a_file_without_newline(queued, capsys):
    strikes = queued.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text().rstrip("\n") + "\n" + KEEP.rstrip("\n"))
    before = fact_bytes(queued)
    assert main(["accept", by_value(queued, 45)["id"]]) == 1
    err = capsys.readouterr().err
    assert "appending would change the text of the last entry" in err and "|+" in err
    assert fact_bytes(queued) == before


def appended_entry(project, entry_id_prefix: str) -> dict:
    data = yaml.safe_load((project.facts / "strikes.yaml").read_text(encoding="utf-8"))
    return next(e for e in data["observations"] if e["id"].startswith(entry_id_prefix))


def test_accept_writes_a_range_a_note_and_drops_a_proposed_scope(project, capsys):
    write_article(project, "The strikes have killed 45 to 50 people since September, officials said on Monday.")
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    edit_draft(project, 45, scope="one operation on 13 Oct 2025")
    queued = project
    cid = by_value(queued, 45)["id"]
    assert main(["accept", cid, "--qualifier", "range", "--high", "50", "--whole-region",
                 "--note", "Officials gave the figure."]) == 0
    entry = appended_entry(queued, "strike-deaths-2025-10")
    assert (entry["value"], entry["qualifier"], entry["high"]) == (45, "range", 50)
    assert "scope" not in entry
    assert entry["note"] == "Officials gave the figure."


def test_accept_refuses_a_range_without_its_high_end(queued, capsys):
    cid = by_value(queued, 45)["id"]
    assert main(["accept", cid, "--qualifier", "range"]) != 0
    assert "--high" in capsys.readouterr().err
    assert "strike-deaths-2025-10-15" not in (queued.facts / "strikes.yaml").read_text(encoding="utf-8")


def test_a_range_the_article_gives_is_accepted_with_its_own_high_end_and_kept_in_the_drafts_file():
    from scripts.extract.accept import _range_end
    from scripts.extract.queue import Draft, render_drafts

    draft = Draft("s", "oil_barrels_waiting", 20_000_000, "range", "2025-12-01", "day", None,
                  "They held 20 to 40 million barrels.", 10, 33, 0.8, "r", id="c00000000", high=40_000_000)
    assert _range_end(draft, {}) == {"high": 40_000_000}
    assert _range_end(draft, {"high": 45_000_000.0}) == {"high": 45_000_000}
    assert "high: 40000000" in render_drafts("s", [draft])
    assert "high:" not in render_drafts("s", [Draft(**{**draft.__dict__, "qualifier": "exact", "high": None})])
