"""Validation: every broken input gives its code at its file and line; the real data is clean."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts.cli import main
from scripts.problems import CODES
from scripts.validate import validate_project
from tests.conftest import DATA

INVALID = sorted((DATA / "invalid").glob("*.yaml"))


def expectations(path: Path) -> tuple[str, list[tuple[str, int]]]:
    """A fixture's header: '# kind: events' (default observations) and '# expect: <code> <line>' lines."""
    head = path.read_bytes().decode("utf-8", errors="replace")
    kind = re.search(r"# kind: (\w+)", head)
    expected = [(code, int(line)) for code, line in re.findall(r"# expect: ([a-z0-9-]+) (\d+)", head)]
    return (kind.group(1) if kind else "observations"), expected


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_each_broken_fact_file_gives_its_code_file_and_line(mini, fixture):
    kind, expected = expectations(fixture)
    assert expected, f"{fixture.name} has no '# expect:' line"
    # "zz-" sorts after the mini files, so a duplicate is reported on the fixture (the later one).
    target = mini.facts / ("events-zz-broken.yaml" if kind == "events" else "zz-broken.yaml")
    shutil.copy(fixture, target)
    _, problems = validate_project(mini)
    found = {(p.code, p.line) for p in problems if p.path == f"facts/{target.name}"}
    for code, line in expected:
        assert (code, line) in found, f"expected {code} at line {line}, got {sorted(found)}"
    assert all(p.path != f"facts/{target.name}" or p.code in CODES for p in problems)


def test_the_mini_project_is_valid(mini):
    _, problems = validate_project(mini)
    assert problems == []


def test_the_real_seeds_and_facts_are_valid(real):
    """Valid, whatever their number: a pull request that adds a correct article or figure passes."""
    dataset, problems = validate_project(real)
    assert [p.format() for p in problems] == []
    assert dataset.seeds and dataset.metrics and dataset.observations, "nothing was loaded: the folders moved?"
    read = {f"facts/{p.name}" for p in real.facts.glob("*.yaml") if p.name not in ("metrics.yaml", "rejected.yaml")}
    assert set(dataset.fact_files) == read


def test_a_broken_file_does_not_hide_problems_in_other_files(mini):
    shutil.copy(DATA / "invalid" / "yaml-syntax.yaml", mini.facts / "a-broken.yaml")
    shutil.copy(DATA / "invalid" / "unknown-metric.yaml", mini.facts / "b-broken.yaml")
    _, problems = validate_project(mini)
    assert {(p.path, p.code) for p in problems} >= {("facts/a-broken.yaml", "yaml-syntax"),
                                                   ("facts/b-broken.yaml", "unknown-metric")}


def test_a_broken_entry_does_not_stop_the_others_being_checked(mini):
    text = (mini.facts / "strikes.yaml").read_text()
    text = text.replace("qualifier: more_than", "qualifier: morethan").replace(
        "quote: The U.S. military killed 6 people", "quote: The US military killed 6 people")
    (mini.facts / "strikes.yaml").write_text(text)
    _, problems = validate_project(mini)
    assert {p.code for p in problems} == {"invalid-value", "quote-not-in-source"}


def test_quote_not_found_suggests_the_closest_sentence(mini):
    shutil.copy(DATA / "invalid" / "quote-not-in-source.yaml", mini.facts / "broken.yaml")
    _, problems = validate_project(mini)
    (found,) = [p for p in problems if p.code == "quote-not-in-source"]
    assert "did you mean" in found.fix and "at least 20 people so far" in found.fix


def test_quotes_match_across_typographic_quote_marks_and_spacing(mini):
    # The seed writes “officials.” with curly quotes; the fact uses straight ones.
    _, problems = validate_project(mini)
    assert not [p for p in problems if p.code == "quote-not-in-source"]


@pytest.mark.parametrize("edit, code", [
    (lambda t: t.replace("published: 2025-10-01", "published: 2025-10-02"), "seed-date-mismatch"),
    (lambda t: t.replace("title: Test report of a strike\n", ""), "missing-field"),
    (lambda t: t.replace("url: https://example.org/strike", "url: javascript:alert(1)"), "unsafe-url"),
    (lambda t: t.replace("url: https://example.org/strike", "url: https://example[].org/x"), "unsafe-url"),
    (lambda t: t.replace("url: https://example.org/strike", "url: https:///strike"), "unsafe-url"),
    (lambda t: t.replace("url: https://example.org/strike", 'url: "https://example.org/x\\n"'), "unsafe-url"),
    (lambda t: t.replace("published: 2025-10-01", "published: 0001-01-01"), "implausible-date"),
    (lambda t: t.replace("excerpt: false", "excerpt: no"), "wrong-type"),
    (lambda t: t.split("---\n", 2)[2], "seed-missing-front-matter"),
])
def test_seed_front_matter_problems(mini, edit, code):
    path = mini.seeds / "2025-10-01-test-strike-report.md"
    path.write_text(edit(path.read_text()))
    _, problems = validate_project(mini)
    assert code in {p.code for p in problems if p.path == "seeds/2025-10-01-test-strike-report.md"}


def test_a_metric_id_ending_in_a_newline_is_refused_with_its_line(mini):
    path = mini.facts / "metrics.yaml"
    lines = path.read_text().splitlines(keepends=True)
    number = lines.index("  - id: us_warships\n") + 1
    path.write_text(path.read_text().replace("  - id: us_warships\n", '  - id: "us_warships\\n"\n'))
    _, problems = validate_project(mini)
    assert ("invalid-format", "facts/metrics.yaml", number) in {(p.code, p.path, p.line) for p in problems}


def test_cli_reports_path_line_code_and_fix_and_exits_1(real_copy, monkeypatch, capsys):
    strikes = real_copy.facts / "strikes.yaml"
    lines = strikes.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("  qualifier: more_than"))
    lines[number] = "  qualifier: morethan\n"
    strikes.write_text("".join(lines))
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: real_copy))
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert f"facts/strikes.yaml:{number + 1}:3: invalid-value:" in out
    assert "did you mean `more_than`?" in out
    assert "1 error(s), 0 warning(s)." in out


def test_cli_exits_0_on_the_real_data(monkeypatch, capsys):
    assert main(["validate"]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_warnings_alone_exit_0_and_strict_makes_them_fail(mini, monkeypatch, capsys):
    shutil.copy(DATA / "invalid" / "duplicate-figure.yaml", mini.facts / "broken.yaml")
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: mini))
    assert main(["validate"]) == 0
    assert main(["validate", "--strict"]) == 1


def test_json_and_github_formats(mini, monkeypatch, capsys, tmp_path):
    import json

    shutil.copy(DATA / "invalid" / "unknown-metric.yaml", mini.facts / "broken.yaml")
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: mini))
    main(["validate", "--format", "json"])
    (item,) = json.loads(capsys.readouterr().out)
    assert (item["path"], item["line"], item["code"]) == ("facts/broken.yaml", 4, "unknown-metric")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["validate", "--format", "github"])
    assert capsys.readouterr().out.startswith("::error file=facts/broken.yaml,line=4,col=5,title=unknown-metric::")
    assert "| facts/broken.yaml | 4 | `unknown-metric` |" in summary.read_text()


INVALID_SEEDS = sorted((DATA / "invalid" / "seeds").glob("*.md"))


@pytest.mark.parametrize("fixture", INVALID_SEEDS, ids=[p.stem for p in INVALID_SEEDS])
def test_each_broken_seed_gives_its_code_file_and_line(mini, fixture):
    _, expected = expectations(fixture)
    assert expected, f"{fixture.name} has no '# expect:' line"
    shutil.copy(fixture, mini.seeds / fixture.name)
    _, problems = validate_project(mini)
    found = {(p.code, p.line) for p in problems if p.path == f"seeds/{fixture.name}"}
    for code, line in expected:
        assert (code, line) in found, f"expected {code} at line {line}, got {sorted(found)}"


def test_there_are_at_least_40_kinds_of_broken_input():
    assert len(INVALID) + len(INVALID_SEEDS) >= 40


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_problem_code_has_a_fixture_or_a_named_test(code):
    fixtures = " ".join(p.read_bytes().decode("utf-8", "replace") for p in [*INVALID, *INVALID_SEEDS])
    tests = " ".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    assert f"# expect: {code} " in fixtures or f'"{code}"' in tests.replace(f'"{code}" in CODES', "")


def test_a_fact_file_that_cannot_be_read_is_reported_not_raised(mini):
    (mini.facts / "folder.yaml").mkdir()
    _, problems = validate_project(mini)
    assert [(p.path, p.code) for p in problems] == [("facts/folder.yaml", "file-unreadable")]


def test_every_code_the_code_can_raise_is_declared_and_documented():
    import ast

    used = set()
    for path in (Path(__file__).parent.parent / "scripts").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "problem" and node.args:
                if isinstance(node.args[0], ast.Constant):
                    used.add(node.args[0].value)
    assert used, "no problem() call found: the scan is broken"
    assert used <= set(CODES), used - set(CODES)
    from scripts.render.reference import render_problem_reference

    page = render_problem_reference()
    for code, doc in CODES.items():
        assert doc.title and doc.example and doc.fix, code
        assert f'<tr id="{code}"><td><code>{code}</code></td>' in page


def test_a_roughly_dated_lower_count_near_a_higher_one_is_not_a_decrease():
    from datetime import date

    from scripts.records import Origin, Quantity, Observation
    from scripts.validate import surely_after

    def obs(day, precision):
        return Observation("x", "m", Quantity(1), day, precision, None, "s", "q", None, "verified", None,
                           Origin("f", 1))

    assert not surely_after(obs(date(2026, 2, 15), "approx"), obs(date(2026, 2, 13), "day"))
    assert surely_after(obs(date(2026, 2, 25), "approx"), obs(date(2026, 2, 13), "day"))
    assert surely_after(obs(date(2026, 2, 14), "day"), obs(date(2026, 2, 13), "day"))
    assert not surely_after(obs(date(2026, 2, 20), "day"), obs(date(2026, 2, 1), "month"))


def test_a_flood_of_problems_is_cut_per_file_and_per_run(mini):
    entry = ("  - id: e{n}\n    metric: strike_deaths\n    value: 20\n    qualifier: at_least\n    as_of: 2025-10-01\n"
             "    as_of_precision: day\n    source: 2025-10-01-test-strike-report\n"
             "    quote: The campaign has killed at least 21 people so far in 4 strikes.\n    status: verified\n")
    (mini.facts / "zz-broken.yaml").write_text("observations:\n" + "".join(entry.format(n=n) for n in range(300)))
    _, problems = validate_project(mini)
    mine = [p for p in problems if p.path == "facts/zz-broken.yaml"]
    assert len(mine) == 201 and mine[-1].code == "too-many-problems"
    assert f"{len(problems_of_all(mini)) - 200:,} more" in mine[-1].message
    for n in range(6):
        (mini.facts / f"zz-broken-{n}.yaml").write_text((mini.facts / "zz-broken.yaml").read_text())
    _, problems = validate_project(mini)
    assert len([p for p in problems if p.code != "too-many-problems"]) == 1000


def problems_of_all(project):
    """Every problem of the project, uncut."""
    from scripts.load import load_dataset
    from scripts.validate import check_dataset
    dataset, problems = load_dataset(project)
    return set(problems + list(check_dataset(dataset)))


def test_a_file_of_a_million_broken_entries_is_cut_short(mini):
    (mini.facts / "zz-broken.yaml").write_text("observations: [" + ",".join(["1"] * 200_000) + "]\n")
    _, problems = validate_project(mini)
    assert len(problems) == 201 and "too-many-problems" in {p.code for p in problems}
