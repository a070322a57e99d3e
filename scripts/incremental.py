"""Incremental previews: generated files kept on disk between rebuilds, rewritten only when
their content changed.

MkDocs' dirty build (`serve` uses one) rebuilds a page only when its source is newer than the
page it built last time. Pages handed to MkDocs from memory always count as new; written here,
an unchanged page keeps its old modification time and MkDocs leaves its HTML as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping


def write_if_changed(path: Path, content: str) -> bool:
    """Write ``content`` unless the file already holds exactly it; returns whether it wrote."""
    data = content.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def stage_generated(folder: Path, files: Mapping[str, str]) -> tuple[dict[str, Path], list[str]]:
    """Keep ``folder`` equal to ``files`` ({relative path: content}): write what changed, delete
    what is gone. Returns where each file is and the paths that were written."""
    written = [rel for rel, content in files.items() if write_if_changed(folder / rel, content)]
    wanted = {folder / rel for rel in files}
    if folder.exists():
        for stale in [p for p in folder.rglob("*") if p.is_file() and p not in wanted]:
            stale.unlink()
    return {rel: folder / rel for rel in files}, written
