"""extract and accept as an editor runs them: the review queue, the invariants on curated
files, one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.cli import main
from scripts.validate import validate_project


@pytest.fixture
def project(mini, monkeypatch):
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: mini))
    monkeypatch.chdir(mini.root)
    return mini


def placed_ids(project, source: str) -> list[str]:
    data = yaml.safe_load((project.drafts / f"{source}.yaml").read_text(encoding="utf-8"))
    return [c["id"] for c in data["candidates"] if c.get("metric")]


def new_report(project) -> Path:
    path = project.seeds / "2025-10-15-new-report.md"
    path.write_text("---\ntitle: New report\noutlet: Test Wire\npublished: 2025-10-15\npublished_precision: stated\n"
                    "---\nThe U.S. military has killed at least 45 people in 9 strikes, officials said on Monday.\n")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def test_json_prints_every_candidate_with_the_specified_fields_and_writes_nothing(project, capsys):
    before = snapshot(project.facts)
    assert main(["extract", "--json", "seeds/2025-10-01-test-strike-report.md"]) == 0
    printed = json.loads(capsys.readouterr().out)
    candidates = [c for c in printed if "kind" not in c]
    incidents = [c for c in printed if "kind" in c]
    assert incidents and {tuple(sorted(i)) for i in incidents} == {tuple(sorted(
        ["id", "source", "kind", "date", "date_precision", "theater", "strikes", "vessels", "killed", "survivors", "quote",
         "start", "end", "confidence", "reason"]))}
    assert {tuple(sorted(c)) for c in candidates} == {tuple(sorted(
        ["id", "source", "metric", "value", "qualifier", "high", "as_of", "as_of_precision", "scope", "quote", "start",
         "end", "confidence", "reason"]))}
    body = (project.seeds / "2025-10-01-test-strike-report.md").read_text().split("---\n", 2)[2]
    for c in candidates:
        assert c["quote"] in body and body[c["start"]:c["end"]] in c["quote"]
    for i in incidents:
        assert body[i["start"]:i["end"]] == i["quote"]
    deaths = next(c for c in candidates if c["metric"] == "strike_deaths" and c["value"] == 20)
    assert (deaths["qualifier"], deaths["as_of"], body[deaths["start"]:deaths["end"]]) == ("at_least", "2025-10-01", "at least 20")
    assert snapshot(project.facts) == before
    assert not (project.drafts).exists() and not (project.facts / "drafts").exists()


def test_the_queue_skips_curated_figures_and_a_second_run_changes_nothing(project, capsys):
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project.root, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"], cwd=project.root, check=True)
    before = snapshot(project.facts)
    assert main(["extract"]) == 0
    drafts = (project.drafts / "2025-10-01-test-strike-report.yaml").read_text()
    assert "value: 20\n" not in drafts.split("metric: null")[0]        # curated: (strike_deaths, 20)
    first = snapshot(project.drafts)
    assert main(["extract"]) == 0
    assert snapshot(project.drafts) == first
    assert snapshot(project.facts) == before
    status = subprocess.run(["git", "status", "--porcelain", "--", "facts/*.yaml", "seeds"], cwd=project.root,
                            capture_output=True, text=True, check=True).stdout
    assert status == ""


def test_accept_appends_an_entry_that_validates_and_keeps_everything_else(project, capsys):
    path = new_report(project)
    strikes = project.facts / "strikes.yaml"
    strikes.write_text("# An editor's comment that must survive.\n" + strikes.read_text())
    before = strikes.read_text()
    assert main(["extract", str(path)]) == 0
    ids = placed_ids(project, "2025-10-15-new-report")
    assert len(ids) == 2
    assert main(["accept", *ids]) == 0
    after = strikes.read_text()
    assert after.startswith(before)                                # nothing rewritten, reordered or dropped
    assert "id: strike-deaths-2025-10-13-45" in after and "id: boat-strikes-2025-10-13-9" in after
    _, problems = validate_project(project)
    assert problems == []
    capsys.readouterr()
    assert main(["extract", str(path)]) == 0                        # accepted figures are not proposed again
    assert "value: 45" not in (project.drafts / "2025-10-15-new-report.yaml").read_text()


def test_accept_refuses_what_would_not_validate_and_writes_nothing(project, capsys):
    main(["extract", str(new_report(project))])
    ids = placed_ids(project, "2025-10-15-new-report")
    before = snapshot(project.facts)
    assert main(["accept", ids[0], "--as-of", "2025-12-01"]) == 1   # after the publication date
    assert "as-of-after-publication" in capsys.readouterr().err
    assert snapshot(project.facts) == before
    assert main(["accept", "cdeadbeef"]) == 1


@pytest.mark.parametrize("name, content, code", [
    ("empty.txt", b"", "seed-empty-body"),
    ("binary.txt", b"\x00\x01\x02PNG\x00", "not-utf8"),
    ("latin1.txt", "Caf\u00e9: 14 people were killed.".encode("latin-1"), "not-utf8"),
    ("huge.txt", b"14 people were killed. " * 500_000, "file-too-large"),
    ("2025-10-09-bad-front-matter.md", b"---\ntitle: [unclosed\n---\nText.\n", "yaml-syntax"),
])
def test_bad_input_gives_one_line_naming_the_file_and_the_others_are_still_processed(project, capsys, name, content, code):
    bad = project.root / name
    bad.write_bytes(content)
    good = project.root / "good.txt"
    good.write_text("The strikes have killed 57 people so far.")
    assert main(["extract", "--json", "--published", "2025-10-29", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1 and name in errors[0] and code in errors[0]
    (candidate,) = [c for c in json.loads(captured.out) if c.get("metric")]
    assert (candidate["source"], candidate["value"], candidate["as_of"]) == ("good", 57, "2025-10-29")


def test_a_txt_without_a_publication_date_leaves_as_of_empty(project, capsys):
    article = project.root / "article.txt"
    article.write_text("The U.S. military killed 11 people on Tuesday.")
    assert main(["extract", "--json", str(article)]) == 0
    (candidate,) = [c for c in json.loads(capsys.readouterr().out) if c.get("metric")]
    assert candidate["as_of"] is None and candidate["as_of_precision"] is None


def test_every_command_is_documented_in_the_readme():
    from scripts.cli import build_parser

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert {"extract", "review", "accept", "reject"} <= set(sub.choices)
    for name in sub.choices:
        assert f"`{name}`" in readme, name


@pytest.mark.parametrize("argv", [["accept"], ["accept", "c12345678", "--all", "x"], ["reject"],
                                  ["reject", "c12345678", "--except", "c87654321"]])
def test_accept_and_reject_need_ids_or_all_but_not_both(project, capsys, argv):
    assert main(argv) == 1
    assert "Nothing was" in capsys.readouterr().err
