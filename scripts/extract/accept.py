"""Accepting candidates: append them to their topics' fact files as new entries, and keep the
change only if the facts still validate — all of them or none, one validation for the lot. The
files' existing text (entries, order, comments, the value of every field) is never rewritten:
the new entries are added at the end, as text (scripts/extract/append.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.extract.append import AppendRefused, append_entries
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


def accept_drafts(paths: ProjectPaths, dataset: Dataset, drafts: list[Draft], overrides: dict) -> list[Accepted]:
    """Append every candidate, validate once, and keep all of them or none (raising why)."""
    taken = {o.id for o in dataset.observations} | {e.id for e in dataset.events}
    refused, entries = [], []
    for draft in drafts:
        try:
            entries.append((draft, build_entry(dataset, draft, overrides, taken)))
        except AcceptRefused as err:
            refused.append(str(err))
    if refused:
        raise AcceptRefused("nothing was written:\n" + "\n".join(refused))
    by_file: dict[Path, list[tuple[Draft, dict]]] = {}
    for draft, entry in entries:
        by_file.setdefault(_topic_file(paths, dataset, entry), []).append((draft, entry))
    before = {path: path.read_bytes() if path.exists() else None for path in by_file}
    done: list[Accepted] = []
    try:
        for path, group in by_file.items():
            lines = append_entries(path, "observations", [e for _, e in group], paths.relative(path), NEW_FILE)
            done += [Accepted(d.id, e["id"], paths.relative(path), line) for (d, e), line in zip(group, lines)]
    except AppendRefused as err:
        _restore(before)
        raise AcceptRefused(f"nothing was written: {err}") from None
    _, problems = validate_project(paths)
    first = {a.path: min(b.line for b in done if b.path == a.path) for a in done}
    new = [p for p in problems if p.severity == "error" and p.path in first and p.line >= first[p.path]]
    if new:
        _restore(before)
        raise AcceptRefused("the entries would not validate, so nothing was written:\n"
                            + "\n".join(p.format() for p in new))
    return done


def _restore(before: dict[Path, bytes | None]) -> None:
    for path, content in before.items():
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(content)
