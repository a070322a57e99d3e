"""Build stage: validate and render once into the staging folder (scripts/staging.py), run the
site engine on it into a fresh folder (scripts/engines.py), and only then replace site/.

A failed or interrupted build leaves the previous site/ whole; a build killed while it swaps the
folders leaves a whole site that the next build puts back (``recover_directory``). Dates that the
engine would take from the clock (sitemap, gzip headers) come from SOURCE_DATE_EPOCH, set from the
last commit for the engine's run only, so two builds of one commit are byte-identical and two
builds of different commits in one process carry their own dates.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time as dtime, timezone
from pathlib import Path
from typing import Iterator

from scripts.paths import ProjectPaths
from scripts.problems import Problem, ProblemsFound, has_errors
from scripts.engines import ENGINES, BuildFailed
from scripts.staging import Stage, StagingFailed, read_settings, stage_site, validated

__all__ = ["BuildFailed", "BuildResult", "build_site", "recover_directory", "replace_directory"]


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds: validate, render, engine


def source_date_epoch(paths: ProjectPaths) -> str:
    """The time of the last commit; outside git, midnight UTC of the newest article."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=paths.root, capture_output=True,
                             text=True, timeout=10, check=True).stdout.strip()
        if out.isdigit():
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stem[:10] for p in paths.seeds.glob("*.md")), default="2025-01-01")
    day = datetime.combine(datetime.fromisoformat(newest).date(), dtime(0), tzinfo=timezone.utc)
    return str(int(day.timestamp()))


def _leftovers(target: Path, stage: str) -> list[Path]:
    """Folders a build left beside ``target`` at one stage of the swap, oldest first."""
    found = [p for p in target.parent.glob(f".{target.name}-{stage}-*") if p.is_dir() and not p.is_symlink()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name))


def recover_directory(target: Path) -> None:
    """Undo what a killed build left: if ``target`` is missing, put back the whole site the swap
    was moving (the new one if it was ready, else the old one); then delete every leftover."""
    if not os.path.lexists(target):
        for stage in ("ready", "old"):  # both are whole sites; "new" may be half built
            found = _leftovers(target, stage)
            if found:
                os.rename(found[-1], target)
                break
    for stage in ("new", "ready", "old", "trash"):
        for path in _leftovers(target, stage):
            shutil.rmtree(path, ignore_errors=True)


def replace_directory(new: Path, target: Path) -> None:
    """Swap ``new`` (a finished ``.site-new-*``) in as ``target`` with renames. At every point a
    whole site is on disk under a name that says it is whole (``target``, ``.site-ready-*`` or
    ``.site-old-*``), so ``recover_directory`` can finish the swap after a kill."""
    suffix = new.name.rsplit("-new-", 1)[-1]
    ready = target.with_name(f".{target.name}-ready-{suffix}")
    os.rename(new, ready)
    old = None
    if os.path.lexists(target):
        old = target.with_name(f".{target.name}-old-{suffix}")
        os.rename(target, old)
    os.rename(ready, target)
    if old is not None:
        trash = target.with_name(f".{target.name}-trash-{suffix}")  # no longer whole while it is deleted
        os.rename(old, trash)
        shutil.rmtree(trash, ignore_errors=True)


@contextmanager
def records_frozen() -> Iterator[None]:
    """The records live until the build ends: spare the garbage collector from scanning them again
    at every collection (at 10,000 facts the rest of the build grew faster than the data without
    it), and give them back to it when the build ends, so nothing of one build weighs on the next."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build_site(paths: ProjectPaths, strict: bool = False, site_dir: Path | None = None,
               engine: str = "mkdocs") -> BuildResult:
    """load → validate → render, once, into the staging folder; then the engine builds it into a
    fresh folder that replaces site/ only when it is whole."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    dataset, problems = validated(paths)
    timings["validate"] = time.perf_counter() - started
    if has_errors(problems) or (strict and problems):
        raise ProblemsFound(problems)
    run_engine = ENGINES[engine]
    target = (site_dir or paths.site).resolve()
    with records_frozen():
        try:
            settings = read_settings(paths, dataset.story)
            stage = Stage.of(paths, "staging")
            stage_site(paths, dataset, settings, stage)
        except StagingFailed as err:
            raise BuildFailed(str(err)) from err
        timings["render"] = time.perf_counter() - started - timings["validate"]
        target.parent.mkdir(parents=True, exist_ok=True)
        recover_directory(target)
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
        try:
            run_engine(stage.config, fresh, strict, source_date_epoch(paths))
            replace_directory(fresh, target)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    timings["engine"] = time.perf_counter() - started - timings["validate"] - timings["render"]
    pages = sum(1 for _ in target.rglob("index.html"))
    return BuildResult(target, pages, time.perf_counter() - started,
                       [p for p in problems if p.severity == "warning"], timings)
