"""Preview: MkDocs' live-reloading server. Fact and seed files are watched (mkdocs.yml `watch:`);
problems are printed and the server keeps running with the entries that are valid.

Rebuilds are incremental: every page is rendered again in memory (cheap), but MkDocs turns into
HTML only the pages whose Markdown changed (scripts.incremental). The preview's search index then
holds those pages only; the published site is always built whole.
"""

from __future__ import annotations

import logging

from scripts.paths import ProjectPaths


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every incremental rebuild that links may be stale; ours are not (every
    generated page is compared with its previous version), so the warning would only alarm."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def serve_site(paths: ProjectPaths, port: int = 8000) -> int:
    from mkdocs.commands.serve import serve

    quiet = _NoDirtyWarning()
    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(quiet)
    try:
        serve(config_file=str(paths.mkdocs_config), dev_addr=f"127.0.0.1:{port}", livereload=True,
              build_type="dirty")
    finally:
        logger.removeFilter(quiet)
    return 0
