"""What `validate` prints into a CI log and a job summary: a file name or a value from a pull
request cannot start a workflow command, a line of its own or Markdown of its own."""

from __future__ import annotations

import shutil

import pytest

from scripts.cli import github_annotation, github_summary, main
from scripts.problems import printable, problem
from tests.conftest import DATA

HOSTILE_NAME = "x\n::stop-commands::token\n::error file=a,line=1::forged\r%0A\x1b[31m.yaml"


@pytest.fixture
def hostile_file(mini, monkeypatch):
    shutil.copy(DATA / "invalid" / "unknown-metric.yaml", mini.facts / HOSTILE_NAME)
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: mini))
    return mini


def test_a_file_name_with_line_breaks_starts_no_workflow_command(hostile_file, capsys, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["validate", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    # The name reaches the log escaped twice over: shown printable (a line break as a backslash and n), then by GitHub's rules.
    assert lines and all(line.startswith(("::error file=facts/x\\n%3A%3Astop-commands", "::warning ")) for line in lines)
    assert "%250A" in lines[0] and "\x1b" not in lines[0]  # '%' is escaped first, control characters shown
    table = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| facts/")]
    assert len(table) == 1 and "stop-commands" in table[0]


def test_plain_output_shows_control_characters_escaped(hostile_file, capsys):
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("facts/x\\n::stop-commands::token\\n::error")
    assert "\x1b" not in out and "\r" not in out


def test_annotation_properties_and_message_follow_githubs_escaping():
    p = problem("unknown-metric", "facts/a,b:c%.yaml", 3, "line one\nline two 100%")
    assert github_annotation(p) == ("::error file=facts/a%2Cb%3Ac%25.yaml,line=3,col=1,title=unknown-metric::"
                                    "line one%0Aline two 100%25 — " + p.fix)


def test_the_job_summary_renders_data_as_text():
    p = problem("unknown-metric", "facts/a|b.yaml", 1, "![x](https://example.org/t.png) <img src=x> [y](javascript:1)")
    row = github_summary([p]).splitlines()[-1]
    assert row.startswith("| facts/a\\|b.yaml | 1 | `unknown-metric` | ")
    assert "<img" not in row and "![" not in row and "](" not in row


def test_printable_escapes_only_what_cannot_be_shown():
    assert printable("a\nb\tc\x1b\x85\u2028\u202e “é”") == "a\\nb\\tc\\x1b\\x85\\u2028\\u202e “é”"
