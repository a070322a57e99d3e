"""Rejections: candidates an editor turned down, in facts/rejected.yaml (committed: a rejection is
an editorial decision the next editor inherits). `extract` never proposes them again."""

from __future__ import annotations

from datetime import date

from scripts.extract.append import append_entries
from scripts.extract.incident_queue import IncidentDraft
from scripts.extract.queue import Draft
from scripts.paths import ProjectPaths
from scripts.problems import Problem
from scripts.schema import check_shape
from scripts.yamlfile import decode_text, parse_yaml

NEW_FILE = ("# yaml-language-server: $schema=../schemas/rejected.schema.json\n"
            "# Candidates an editor rejected: `python -m scripts extract` never proposes them again.\n"
            "# Added by `python -m scripts reject <id> --reason …`; delete an entry to have it proposed again.\n"
            "rejected:\n")


def read_rejections(paths: ProjectPaths) -> tuple[set[tuple[str, str]], list[Problem]]:
    """The (source, candidate id) of every rejection, and the problems of the file."""
    path = paths.rejected_file
    if not path.exists():
        return set(), []
    shown = paths.relative(path)
    text, problems = decode_text(path.read_bytes(), shown)
    if text is None:
        return set(), problems
    doc, problems = parse_yaml(text, shown)
    if doc is None:
        return set(), problems
    shape, failed = check_shape(doc, paths.schemas, "rejected.schema.json")
    problems = problems + shape
    if () in failed or not isinstance(doc.data, dict):
        return set(), problems
    entries = doc.data.get("rejected") or []
    return {(e["source"], e["candidate"]) for i, e in enumerate(entries)
            if ("rejected", i) not in failed and isinstance(e, dict)}, problems


def rejection(draft: Draft | IncidentDraft, reason: str | None, day: date) -> dict:
    """What was turned down; an incident by its toll."""
    if isinstance(draft, IncidentDraft):
        entry = {"candidate": draft.id, "source": draft.source, "value": draft.toll.value,
                 "qualifier": draft.toll.qualifier, "quote": draft.quote}
    else:
        entry = {"candidate": draft.id, "source": draft.source, "metric": draft.metric, "value": draft.value,
                 "qualifier": draft.qualifier, "quote": draft.quote}
    if reason:
        entry["reason"] = reason
    entry["date"] = day.isoformat()
    return entry


def record_rejections(paths: ProjectPaths, drafts: list[Draft | IncidentDraft], reason: str | None, day: date) -> list[int]:
    """Append the rejections; returns the line of each. Raises AppendRefused."""
    path = paths.rejected_file
    return append_entries(path, "rejected", [rejection(d, reason, day) for d in drafts], paths.relative(path),
                          NEW_FILE)
