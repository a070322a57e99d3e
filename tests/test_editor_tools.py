"""The tools editors use beside the validator: the schema line for their editor, yamllint,
the pull-request and issue templates."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.paths import REPO_ROOT

FACT_FILES = sorted((REPO_ROOT / "facts").glob("*.yaml"))


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_every_fact_file_names_its_schema_for_editors(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=../schemas/")
    schema = REPO_ROOT / "facts" / first.split("$schema=")[1]
    assert schema.resolve().is_file()


def yamllint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "yamllint", "-c", str(REPO_ROOT / ".yamllint.yaml"), *args],
                          capture_output=True, text=True)


def test_yamllint_passes_on_the_fact_files():
    result = yamllint(str(REPO_ROOT / "facts"))
    assert result.returncode == 0, result.stdout


def test_yamllint_flags_yaml_1_1_booleans(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("observations:\n  - id: a\n    excerpt: yes\n")
    result = yamllint(str(bad))
    assert result.returncode == 1 and "truthy" in result.stdout


def test_the_pull_request_and_issue_templates_exist():
    template = (REPO_ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "make validate" in template and "quote" in template
    issue = (REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "wrong-figure.yml").read_text(encoding="utf-8")
    for field in ("page", "figure", "source"):
        assert f"id: {field}" in issue
