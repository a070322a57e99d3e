"""Preview: MkDocs' live-reloading server. Fact and seed files are watched (mkdocs.yml `watch:`);
problems are printed and the server keeps running with the entries that are valid."""

from __future__ import annotations

from scripts.paths import ProjectPaths


def serve_site(paths: ProjectPaths, port: int = 8000) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(paths.mkdocs_config), dev_addr=f"127.0.0.1:{port}", livereload=True)
    return 0
