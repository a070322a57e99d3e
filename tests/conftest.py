"""Shared fixtures: a small named project (tests/data/mini) copied into a temporary folder,
and the real repository's paths."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.paths import REPO_ROOT, ProjectPaths

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"


def make_project(root: Path, data: Path = MINI) -> ProjectPaths:
    """A working project: the repo's schemas, docs and config, with the given story.yaml, seeds/ and facts/."""
    for name in ("schemas", "docs", "overrides"):
        shutil.copytree(REPO_ROOT / name, root / name)
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO_ROOT / ".gitignore", root / ".gitignore")
    for name in ("seeds", "facts"):
        shutil.copytree(data / name, root / name)
    shutil.copy(data / "story.yaml", root / "story.yaml")
    node = root / "node_modules"
    node.mkdir()
    (node / "plotly.js-basic-dist-min").symlink_to(REPO_ROOT / "node_modules" / "plotly.js-basic-dist-min")
    (root / "scripts").symlink_to(REPO_ROOT / "scripts")
    return ProjectPaths(root)


@dataclass(frozen=True)
class FrozenVocabularyPaths(ProjectPaths):
    """The real repository, with the metric dictionary the extraction tests were written with."""

    @property
    def metrics_file(self) -> Path:
        return DATA / "extraction" / "metrics.yaml"


def frozen_vocabulary_project() -> ProjectPaths:
    return FrozenVocabularyPaths(REPO_ROOT)


@pytest.fixture
def mini(tmp_path: Path) -> ProjectPaths:
    return make_project(tmp_path / "project")


@pytest.fixture
def real() -> ProjectPaths:
    return ProjectPaths.default()


@pytest.fixture
def real_copy(tmp_path: Path) -> ProjectPaths:
    """A throwaway copy of the real data, to break on purpose."""
    return make_project(tmp_path / "project", REPO_ROOT)
