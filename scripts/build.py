"""Build stage: validate, run MkDocs into a fresh folder, and only then replace site/.

A failed or interrupted build leaves the previous site/ whole; a build killed while it swaps the
folders leaves a whole site that the next build puts back (``recover_directory``). Dates that MkDocs would take
from the clock (sitemap, gzip headers) come from SOURCE_DATE_EPOCH, set from the last commit,
so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, time as dtime, timezone
from pathlib import Path

from scripts.paths import ProjectPaths
from scripts.problems import Problem, ProblemsFound, has_errors
from scripts.safefiles import unsafe_inputs
from scripts.validate import validate_project


class BuildFailed(Exception):
    """MkDocs could not build the site (configuration, theme, or a warning under --strict)."""


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)


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


def run_mkdocs(paths: ProjectPaths, site_dir: Path, strict: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    try:
        config = load_config(str(paths.mkdocs_config), site_dir=str(site_dir), strict=strict)
        build(config)
    except (Abort, MkDocsException) as err:
        raise BuildFailed(str(err) or type(err).__name__) from err
    finally:
        logger.removeHandler(handler)


def build_site(paths: ProjectPaths, strict: bool = False, site_dir: Path | None = None) -> BuildResult:
    started = time.perf_counter()
    refused = unsafe_inputs(paths)  # before anything reads a file that a link could point out of the project
    if refused:
        raise ProblemsFound(refused)
    _, problems = validate_project(paths)
    if has_errors(problems) or (strict and problems):
        raise ProblemsFound(problems)
    # The records live until the build ends: spare the garbage collector from scanning them again
    # at every collection, which at 10,000 facts made the rest of the build grow faster than the data.
    gc.freeze()
    target = (site_dir or paths.site).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_directory(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(paths))
    try:
        run_mkdocs(paths, staging, strict)
        replace_directory(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = sum(1 for _ in target.rglob("index.html"))
    return BuildResult(target, pages, time.perf_counter() - started, [p for p in problems if p.severity == "warning"])
