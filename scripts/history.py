"""What changed, and when: the history of facts/ in git, day by day. Dates come from the commits,
never from the clock, so a rebuild of the same commit gives the same pages; a copy of the project
without git history has no revisions, and says nothing about updates.

The history is the published one: the first-parent line of the current branch (a merged branch
counts on the day it was merged). Each day compares the facts as the day's last commit left them
with the facts as the day before left them, so a figure added and corrected on one day is one
change, and no commit message reaches readers.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from itertools import groupby

from scripts.past_facts import PastEvent, PastFigure, PastState, read_state
from scripts.paths import ProjectPaths

KINDS = ("corrected", "retracted", "removed", "changed", "added")  # what readers most need to know first
SHOWN = ("verified", "disputed")  # the statuses a reader sees


@dataclass(frozen=True)
class Change:
    """A figure or an event as readers saw it change: ``before`` and ``after`` as the facts wrote
    them (``before`` is None when added, ``after`` when removed)."""

    kind: str  # one of KINDS
    before: PastFigure | PastEvent | None
    after: PastFigure | PastEvent | None

    @property
    def record(self) -> PastFigure | PastEvent:
        return self.after or self.before  # type: ignore[return-value]

    @property
    def fact_id(self) -> str:
        return self.record.id

    @property
    def is_event(self) -> bool:
        return isinstance(self.record, PastEvent)

    @property
    def metric(self) -> str:
        return "" if self.is_event else self.record.metric  # type: ignore[union-attr]

    @property
    def old(self) -> float | None:
        return _value(self.before)

    @property
    def new(self) -> float | None:
        return _value(self.after)


def _value(record: PastFigure | PastEvent | None) -> float | None:
    if isinstance(record, PastFigure):
        return record.quantity.value
    return None  # an event's figures are compared by the story's names (render/change_sentences.py)


@dataclass(frozen=True)
class Revision:
    """One day of changes to the published facts."""

    day: str      # YYYY-MM-DD, the day of the commits (in the committer's time zone)
    date: str     # ISO 8601 time of the day's last commit
    commit: str   # the day's last commit
    changes: tuple[Change, ...]


def fact_commits(paths: ProjectPaths, limit: int = 400) -> list[tuple[str, str]]:
    """(commit, ISO date) of the published commits that touched facts/, newest first."""
    try:
        done = subprocess.run(["git", "log", "--first-parent", f"-{limit}", "--format=%H%x09%cI", "--", "facts/"],
                              cwd=paths.root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    return [(c, d) for c, _, d in (line.partition("\t") for line in done.stdout.splitlines()) if d]


def _order(change: Change) -> tuple:
    record = change.record
    when = record.date if isinstance(record, PastEvent) else record.as_of
    return (KINDS.index(change.kind), change.is_event, when.isoformat() if when else "", record.id)


def _compared(before, after) -> Change | None:
    """How one figure or event changed for readers, if it did."""
    if before is None or before.status not in SHOWN:
        return Change("added", None, after) if after is not None and after.status in SHOWN else None
    if after is None or after.status not in SHOWN:
        kind = "retracted" if after is not None and after.status == "retracted" else "removed"
        return Change(kind, before, after)
    if before.reading == after.reading:
        return None
    return Change("corrected" if after.corrected > before.corrected else "changed", before, after)


def diff(before: PastState, after: PastState) -> tuple[Change, ...]:
    """What a reader would see change from one state of the facts to the next."""
    changes = []
    for old, new in ((before.figures, after.figures), (before.events, after.events)):
        for key in sorted(set(old) | set(new)):
            change = _compared(old.get(key), new.get(key))
            if change is not None:
                changes.append(change)
    return tuple(sorted(changes, key=_order))


def read_history(paths: ProjectPaths, limit: int = 400) -> list[Revision]:
    """The days on which the published facts changed, newest first, each with its changes."""
    commits = fact_commits(paths, limit)
    days = [(day, list(group)) for day, group in groupby(commits, key=lambda c: c[1][:10])]
    states: dict[str, PastState] = {}
    parsed: dict = {}

    def state(ref: str) -> PastState:
        if ref not in states:
            states[ref] = read_state(paths, ref, parsed)
        return states[ref]

    revisions = []
    for i, (day, group) in enumerate(days):
        newest, oldest = group[0], group[-1]
        earlier = days[i + 1][1][0][0] if i + 1 < len(days) else f"{oldest[0]}^"
        revisions.append(Revision(day, newest[1], newest[0], diff(state(earlier), state(newest[0]))))
    return revisions


def last_update(revisions: list[Revision]) -> str | None:
    """The day (YYYY-MM-DD) of the newest change readers can see, or None without history."""
    return next((r.day for r in revisions if r.changes), None)
