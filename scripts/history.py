"""What changed, and when: the history of facts/ in git, commit by commit. Dates come from the
commits, never from the clock, so a rebuild of the same commit gives the same pages."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

from scripts.corrections import BaseFact, BaseUnavailable, base_facts
from scripts.paths import ProjectPaths


@dataclass(frozen=True)
class Change:
    kind: str  # added, corrected, changed, retracted, removed
    fact_id: str
    metric: str
    old: float | None
    new: float | None


@dataclass(frozen=True)
class Revision:
    commit: str
    date: str  # ISO 8601, the commit's
    subject: str
    changes: tuple[Change, ...]


def fact_commits(paths: ProjectPaths, limit: int = 200) -> list[tuple[str, str, str]]:
    """(commit, ISO date, subject) of the commits that touched facts/, newest first."""
    try:
        done = subprocess.run(["git", "log", f"-{limit}", "--format=%H%x09%cI%x09%s", "--", "facts/"],
                              cwd=paths.root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    return [tuple(line.split("\t", 2)) for line in done.stdout.splitlines() if line.count("\t") >= 2]


def diff(before: dict[str, BaseFact], after: dict[str, BaseFact]) -> tuple[Change, ...]:
    changes = []
    for fact_id, new in sorted(after.items()):
        old = before.get(fact_id)
        if old is None:
            changes.append(Change("added", fact_id, new.metric, None, new.value))
        elif new.status == "retracted" and old.status != "retracted":
            changes.append(Change("retracted", fact_id, new.metric, old.value, new.value))
        elif (new.value, new.qualifier) != (old.value, old.qualifier):
            changes.append(Change("changed", fact_id, new.metric, old.value, new.value))
    changes += [Change("removed", i, f.metric, f.value, None) for i, f in sorted(before.items()) if i not in after]
    return tuple(changes)


def read_history(paths: ProjectPaths, limit: int = 200) -> list[Revision]:
    """The revisions of facts/, newest first, each with the figures it added, changed or retracted."""
    commits = fact_commits(paths, limit)
    revisions = []
    for commit, when, subject in commits:
        try:
            after = base_facts(paths, commit)
            try:
                before = base_facts(paths, f"{commit}^")
            except BaseUnavailable:
                before = {}
        except BaseUnavailable:
            continue
        revisions.append(Revision(commit, when, subject, diff(before, after)))
    return revisions
