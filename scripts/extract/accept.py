"""Accepting candidates and incidents: append them to their topics' fact files as new entries (an
incident of a recorded event becomes a citation of that event), and keep the change
only if the facts still validate — all of them or none, one validation for the lot. The files'
existing text (entries, order, comments, the value of every field) is never rewritten: new
entries are added at the end, a citation right after its event's last one, as text, read back
to check nothing else changed (scripts/extract/append.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.extract.accept_incidents import IncidentPlan, new_events_file, plan_incidents
from scripts.extract.append import AppendRefused, append_entries, insert_citation
from scripts.extract.incident_queue import IncidentDraft
from scripts.extract.queue import Draft
from scripts.paths import ProjectPaths
from scripts.records import Dataset
from scripts.validate import validate_project


NEW_FILE = "# yaml-language-server: $schema=../schemas/observations.schema.json\nobservations:\n"


class AcceptRefused(Exception):
    """The candidates cannot be accepted as they are; the message says what to change."""


@dataclass(frozen=True)
class Accepted:
    candidate: str
    fact_id: str
    path: str
    line: int
    how: str = "added"  # an incident: "cited" on a recorded event, "joined" one added, "already" cited


def fact_id(taken: set[str], metric: str, as_of: str, value: float) -> str:
    """A new id, unique among ``taken`` (which it joins)."""
    number = str(int(value)) if float(value).is_integer() else str(value).replace(".", "-")
    base = f"{metric.replace('_', '-')}-{as_of}-{number}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def build_entry(dataset: Dataset, draft: Draft, overrides: dict, taken: set[str]) -> dict:
    """The fact: the options of the command first, then what the drafts file says."""
    metric = overrides.get("metric") or draft.metric
    if not metric:
        raise AcceptRefused(f"{draft.id}: this number was not placed in a metric: give one with --metric")
    if metric not in dataset.metrics:
        raise AcceptRefused(f"{draft.id}: unknown metric '{metric}': use an id from facts/metrics.yaml")
    as_of = overrides.get("as_of") or draft.as_of
    if not as_of:
        raise AcceptRefused(f"{draft.id}: the candidate has no as-of date: give one with --as-of YYYY-MM-DD")
    entry = {
        "id": fact_id(taken, metric, str(as_of), draft.value),
        "metric": metric,
        "value": draft.value,
        "qualifier": overrides.get("qualifier") or draft.qualifier,
        **_range_end(draft, overrides),
        "as_of": str(as_of),
        "as_of_precision": overrides.get("as_of_precision") or draft.as_of_precision or "day",
    }
    scope = overrides.get("scope", draft.scope)
    if scope:
        entry["scope"] = scope
    entry.update({"source": draft.source, "quote": draft.quote})
    attribution = overrides.get("attribution") or draft.attribution
    if attribution:
        entry["attribution"] = attribution
    entry["status"] = overrides.get("status") or "verified"
    if overrides.get("note"):
        entry["note"] = overrides["note"]
    return entry


def _range_end(draft: Draft, overrides: dict) -> dict:
    """``high`` for a range, from --high or the range the article gives ("30 to 50 million"); a
    range without it, or a high without a range, is refused."""
    qualifier = overrides.get("qualifier") or draft.qualifier
    high = overrides.get("high")
    if high is None and qualifier == "range":
        high = draft.high
    if qualifier == "range" and high is None:
        raise AcceptRefused(f"{draft.id}: a range needs its high end: give it with --high")
    if high is not None and qualifier != "range":
        raise AcceptRefused(f"{draft.id}: --high goes with --qualifier range")
    if high is None:
        return {}
    if high <= draft.value:
        raise AcceptRefused(f"{draft.id}: --high {high:g} is not above the value {draft.value:g}")
    return {"high": int(high) if float(high).is_integer() else high}


def _topic_file(paths: ProjectPaths, dataset: Dataset, entry: dict) -> Path:
    return paths.facts / f"{dataset.metrics[entry['metric']].topic}.yaml"


@dataclass
class _Written:
    """What one accepted draft wrote, and the lines it fills (``last`` 0: to the end of the file)."""

    candidate: str
    fact_id: str
    path: str
    first: int
    last: int = 0
    how: str = "added"

    def covers(self, line: int) -> bool:
        return self.first <= line and (not self.last or line <= self.last)


def accept_drafts(paths: ProjectPaths, dataset: Dataset, drafts: list[Draft], overrides: dict,
                  incidents: list[IncidentDraft] | None = None) -> list[Accepted]:
    """Append every candidate and add every incident (a new event, or a citation of the
    recorded one), validate once, and keep all of them or none (raising why)."""
    taken = {o.id for o in dataset.observations} | {e.id for e in dataset.events}
    refused, appends = [], {}
    for draft in drafts:
        try:
            entry = build_entry(dataset, draft, overrides, taken)
        except AcceptRefused as err:
            refused.append(str(err))
            continue
        appends.setdefault(_topic_file(paths, dataset, entry), ("observations", NEW_FILE, []))[2].append(
            (draft.id, entry))
    plans, refused_incidents = plan_incidents(paths, dataset, incidents or [], overrides, taken)
    if refused + refused_incidents:
        raise AcceptRefused("nothing was written:\n" + "\n".join(refused + refused_incidents))
    for plan in plans:
        if plan.how == "added":
            appends.setdefault(plan.path, ("events", new_events_file(plan.incident.type), []))[2].append((plan.incident.id, plan.entry))
    inserts = [plan for plan in plans if plan.how == "cited"]
    before = {path: path.read_bytes() if path.exists() else None for path in [*appends, *(p.path for p in inserts)]}
    try:
        written = _write(paths, appends, inserts)
    except AppendRefused as err:
        _restore(before)
        raise AcceptRefused(f"nothing was written: {err}") from None
    _, problems = validate_project(paths)
    new = [p for p in problems if p.severity == "error" and any(w.path == p.path and w.covers(p.line) for w in written)]
    if new:
        _restore(before)
        raise AcceptRefused("the entries would not validate, so nothing was written:\n"
                            + "\n".join(p.format() for p in new))
    joined = {w.fact_id: w for w in written if w.how == "added"}
    done = [Accepted(w.candidate, w.fact_id, w.path, w.first, w.how) for w in written]
    for plan in plans:
        if plan.how in ("joined", "already"):
            line = joined[plan.event_id].first if plan.event_id in joined else 0
            done.append(Accepted(plan.incident.id, plan.event_id, paths.relative(plan.path), line, plan.how))
    return done


def _write(paths: ProjectPaths, appends: dict, inserts: list[IncidentPlan]) -> list[_Written]:
    """Citations first (in the middle of their files), then the new entries at the ends."""
    written: list[_Written] = []
    for plan in inserts:
        shown = paths.relative(plan.path)
        first, last = insert_citation(plan.path, plan.event_id, plan.citation, shown)
        for earlier in written:
            if earlier.path == shown and earlier.first >= first:
                earlier.first += last - first + 1
                earlier.last += last - first + 1
        written.append(_Written(plan.incident.id, plan.event_id, shown, first, last, "cited"))
    for path, (key, new_file, group) in appends.items():
        shown = paths.relative(path)
        lines = append_entries(path, key, [entry for _, entry in group], shown, new_file)
        written += [_Written(cid, entry["id"], shown, line) for (cid, entry), line in zip(group, lines)]
    return written


def _restore(before: dict[Path, bytes | None]) -> None:
    for path, content in before.items():
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(content)
