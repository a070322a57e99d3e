"""Incremental writes: a file rewritten only when its content changed.

MkDocs' dirty build (`serve` uses one) rebuilds a page only when its source is newer than the
page it built last time. The staging folder (scripts/staging.py) is written through here, so an
unchanged page keeps its old modification time and MkDocs leaves its HTML as it was.
"""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write ``content`` unless the file already holds exactly it; returns whether it wrote."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True
