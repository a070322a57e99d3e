"""Replacing site/: a build killed at any point of the swap leaves a whole site, which the next
build puts back; what killed builds leave behind is cleaned and git-ignored."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from scripts.build import build_site, recover_directory, replace_directory


def a_site(folder: Path, words: str) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(words, encoding="utf-8")
    (folder / "sub" / "index.html").write_text(words, encoding="utf-8")
    return folder


def contents(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even cleanup."""


def test_a_kill_at_any_rename_of_the_swap_leaves_a_whole_site(tmp_path, monkeypatch):
    real_rename = os.rename
    for kill_at in range(1, 5):  # the swap makes at most four renames
        root = tmp_path / f"run-{kill_at}"
        target = a_site(root / "site", "old")
        new = a_site(root / ".site-new-abc123", "new")
        calls = []

        def rename(src, dst, _calls=calls, _kill_at=kill_at):
            _calls.append((src, dst))
            if len(_calls) == _kill_at:
                raise Killed
            real_rename(src, dst)

        monkeypatch.setattr(os, "rename", rename)
        with pytest.raises(Killed):
            replace_directory(new, target)
        monkeypatch.setattr(os, "rename", real_rename)
        recover_directory(target)
        assert contents(target) in ({"index.html": "old", "sub/index.html": "old"},
                                    {"index.html": "new", "sub/index.html": "new"}), kill_at
        assert sorted(p.name for p in root.iterdir()) == ["site"], kill_at


def test_the_next_build_restores_the_site_and_cleans_what_a_killed_build_left(mini, tmp_path):
    site = tmp_path / "site"
    build_site(mini, site_dir=site)
    os.rename(site, tmp_path / ".site-old-killed")          # killed between the two renames
    a_site(tmp_path / ".site-new-halfbuilt", "half")         # and a build killed while MkDocs ran
    recover_directory(site)
    assert (site / "index.html").is_file()
    build_site(mini, site_dir=site)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_leftover_build_folders_are_git_ignored(tmp_path):
    from scripts.paths import REPO_ROOT

    names = [".site-new-x1y2/index.html", ".site-old-x1y2/index.html", ".site-ready-x1y2/a",
             ".site-trash-x1y2/a", "site/index.html"]
    out = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=REPO_ROOT, capture_output=True,
                         text=True, check=False).stdout.split()
    assert out == names
