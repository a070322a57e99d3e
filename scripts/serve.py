"""Preview: MkDocs' live-reloading server on a staging folder of its own (build/preview/), and a
watcher that stages the pages again when an input changes (facts, seeds, schemas, docs/,
mkdocs.yml). Problems are printed and the preview keeps running with the entries that are valid.

Rebuilds are incremental: every page is rendered again in memory (cheap), but only the files
whose content changed are written into the staging folder, and MkDocs' dirty build turns into
HTML only the pages whose file changed. The preview's search index then holds those pages only;
the published site is always built whole.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from scripts.paths import ProjectPaths
from scripts.problems import ProblemsFound, has_errors
from scripts.staging import Stage, StagingFailed, read_settings, stage_site, validated

log = logging.getLogger("mkdocs.tracker")
POLL_SECONDS = 0.5


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every incremental rebuild that links may be stale; ours are not (every
    generated page is compared with its previous version), so the warning would only alarm."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def preview_stage(paths: ProjectPaths) -> Stage:
    return Stage.of(paths, "preview")


def stage_preview(paths: ProjectPaths) -> bool:
    """Stage the pages for the preview: problems are logged, and what is valid is staged. Returns
    whether the folder could be staged (a link out of the project or a broken mkdocs.yml stop it)."""
    try:
        dataset, problems = validated(paths)
        if problems:
            listing = "\n".join(p.format() for p in problems)
            if has_errors(problems):
                log.warning("facts have problems; showing what is valid:\n%s", listing)
            else:
                log.info("warnings:\n%s", listing)
        _, written = stage_site(paths, dataset, read_settings(paths, dataset.story), preview_stage(paths))
    except ProblemsFound as err:
        log.error("not staged:\n%s", "\n".join(p.format() for p in err.problems))
        return False
    except StagingFailed as err:
        log.error("not staged: %s", err)
        return False
    log.info("%d staged files changed", len(written))
    return True


class InputWatcher:
    """Which inputs of the pages changed since the last look: by name, size and modification time."""

    def __init__(self, paths: ProjectPaths):
        self.paths = paths
        self.seen = self.signature()

    def signature(self) -> frozenset[tuple[str, int, int]]:
        found = []
        for folder in (self.paths.seeds, self.paths.facts, self.paths.schemas, self.paths.docs):
            for root, _dirs, names in os.walk(folder):
                for name in names:
                    found.append(os.path.join(root, name))
        found.append(str(self.paths.mkdocs_config))
        marks = set()
        for path in found:
            try:
                info = os.stat(path)
            except OSError:
                continue
            marks.add((path, info.st_mtime_ns, info.st_size))
        return frozenset(marks)

    def changed(self) -> bool:
        now = self.signature()
        if now == self.seen:
            return False
        self.seen = now
        return True


def _watch(paths: ProjectPaths, watcher: InputWatcher, stop: threading.Event) -> None:
    while not stop.wait(POLL_SECONDS):
        if watcher.changed():
            stage_preview(paths)


def serve_site(paths: ProjectPaths, port: int = 8000) -> int:
    from mkdocs.commands.serve import serve

    watcher = InputWatcher(paths)
    if not stage_preview(paths):
        return 1
    stage = preview_stage(paths)
    quiet = _NoDirtyWarning()
    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(quiet)
    stop = threading.Event()
    thread = threading.Thread(target=_watch, args=(paths, watcher, stop), name="tracker-watch", daemon=True)
    thread.start()
    overrides = [str(p) for p in (paths.root / "overrides",) if Path(p).is_dir()]
    try:
        serve(config_file=str(stage.config), dev_addr=f"127.0.0.1:{port}", livereload=True,
              build_type="dirty", watch=overrides)
    finally:
        stop.set()
        logger.removeFilter(quiet)
    return 0
