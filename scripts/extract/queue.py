"""The review queue: facts/drafts/<source>.yaml, one file per article, rewritten by each run.

Drafts are proposals, not data: the folder is git-ignored, and extraction never opens a curated
fact file for writing. A candidate whose (metric, value) the article already has in facts/ is not
proposed again. Accepting a candidate appends it, as text, to the end of its topic's fact file.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.extract.candidates import Candidate
from scripts.paths import ProjectPaths
from scripts.records import Dataset

HEADER = ("# Candidate facts proposed by `python -m scripts extract` for seeds/{source}.md.\n"
          "# Rewritten by every run: do not edit. Accept one with `python -m scripts accept <id>`.\n")


def drafts_dir(paths: ProjectPaths) -> Path:
    return paths.facts / "drafts"


def curated_keys(dataset: Dataset) -> set[tuple[str, str, float]]:
    return {(o.source, o.metric, o.value) for o in dataset.observations}


def pending(candidates: list[Candidate], done: set[tuple[str, str, float]]) -> list[Candidate]:
    """Candidates not yet curated (``done``: the curated_keys, computed once per run), placed ones
    first, then in reading order."""
    left = [c for c in candidates if c.metric is None or (c.source, c.metric, c.value) not in done]
    return sorted(left, key=lambda c: (c.metric is None, c.start))


def render_drafts(source: str, candidates: list[Candidate]) -> str:
    entries = []
    for c in candidates:
        entry = c.as_dict()
        entry.pop("source")
        entries.append(entry)
    body = yaml.safe_dump({"source": source, "candidates": entries}, sort_keys=False, allow_unicode=True,
                          width=110)
    return HEADER.format(source=source) + body


def write_drafts(paths: ProjectPaths, source: str, candidates: list[Candidate]) -> bool:
    """Write the queue of one article; returns whether the file changed (a rerun changes nothing)."""
    folder = drafts_dir(paths)
    target = folder / f"{source}.yaml"
    text = render_drafts(source, candidates)
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True


def find_draft(paths: ProjectPaths, candidate_id: str) -> tuple[str, dict] | None:
    folder = drafts_dir(paths)
    if not re.fullmatch(r"c[0-9a-f]{8}", candidate_id) or not folder.is_dir():
        return None
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("candidates", []):
            if entry.get("id") == candidate_id:
                return data["source"], entry
    return None
