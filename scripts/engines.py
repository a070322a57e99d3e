"""Site engines: each builds the staging folder (scripts/staging.py) with the configuration
written beside it, into a given folder. MkDocs with Material is the default; Zensical, its
successor by the same team, reads the same configuration (requirements/zensical.txt)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class BuildFailed(Exception):
    """The engine could not build the site (configuration, theme, or a warning under --strict)."""


def run_mkdocs(config_file: Path, site_dir: Path, strict: bool, build_date: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    try:
        with environment(SOURCE_DATE_EPOCH=build_date):
            config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
            build(config)
    except (Abort, MkDocsException) as err:
        raise BuildFailed(str(err) or type(err).__name__) from err
    finally:
        logger.removeHandler(handler)


def run_zensical(config_file: Path, site_dir: Path, strict: bool, build_date: str) -> None:
    """Zensical in a process of its own (it is a program, not a library), on a copy of the
    configuration; the project's folder on the import path for the Markdown extension mkdocs.yml
    names (scripts.markdown_blocks). Zensical writes only inside the configuration's folder, so it
    builds into build/zensical-site/, which then moves to ``site_dir``."""
    import yaml

    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    out = config_file.parent / "zensical-site"
    shutil.rmtree(out, ignore_errors=True)
    config["site_dir"] = out.name
    # Zensical wants the folders relative to its configuration (absolute ones stop it).
    config["docs_dir"] = os.path.relpath(config["docs_dir"], config_file.parent)
    if (config.get("theme") or {}).get("custom_dir"):
        config["theme"]["custom_dir"] = os.path.relpath(config["theme"]["custom_dir"], config_file.parent)
    config_copy = config_file.with_name(f"{config_file.stem}-zensical.yml")
    config_copy.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_date,
           "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
    command = [sys.executable, "-m", "zensical", "build", "--config-file", str(config_copy), "--clean"]
    if strict:
        command.append("--strict")
    try:
        done = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True)
    except OSError as err:
        raise BuildFailed(f"cannot run Zensical: {err}") from err
    if done.returncode != 0 or not out.is_dir():
        raise BuildFailed(f"Zensical failed (is it installed? pip install -r requirements/zensical.txt):\n"
                          f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    shutil.rmtree(site_dir)
    shutil.move(out, site_dir)


ENGINES: dict[str, Callable[[Path, Path, bool, str], None]] = {"mkdocs": run_mkdocs, "zensical": run_zensical}


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Environment variables set for a block and put back as they were after it: nothing of one
    build is left for the next. A value already set by whoever runs the build wins
    (SOURCE_DATE_EPOCH given by a packager)."""
    added = [key for key in values if key not in os.environ]
    for key in added:
        os.environ[key] = values[key]
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)
