"""Accepting a candidate: append it to its topic's fact file as a new entry, and keep the change
only if the facts still validate. The file's existing text (entries, order, comments) is never
rewritten: the new entry is added at the end, as text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.paths import ProjectPaths
from scripts.records import Dataset
from scripts.validate import validate_project


class AcceptRefused(Exception):
    """The candidate cannot be accepted as it is; the message says what to add."""


@dataclass(frozen=True)
class Accepted:
    fact_id: str
    path: str
    line: int


def fact_id(dataset: Dataset, metric: str, as_of: str, value: float) -> str:
    number = str(int(value)) if float(value).is_integer() else str(value).replace(".", "-")
    base = f"{metric.replace('_', '-')}-{as_of}-{number}"
    taken = {o.id for o in dataset.observations} | {e.id for e in dataset.events}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def entry_text(entry: dict, indent: str) -> str:
    """One list item in the style of the fact files, each value quoted only where YAML needs it."""
    lines = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=110).splitlines()
    lines = [re.sub(r"^(\s*(?:- )?(?:as_of)): '(\d{4}-\d{2}-\d{2})'$", r"\1: \2", line) for line in lines]
    return "\n".join(indent + line for line in lines) + "\n"


def build_entry(dataset: Dataset, source: str, draft: dict, overrides: dict) -> dict:
    metric = overrides.get("metric") or draft.get("metric")
    if not metric:
        raise AcceptRefused("this number was not placed in a metric: give one with --metric")
    if metric not in dataset.metrics:
        raise AcceptRefused(f"unknown metric '{metric}': use an id from facts/metrics.yaml")
    if source not in dataset.seeds:
        raise AcceptRefused(f"'{source}' is not a seed: add the article to seeds/ first, then extract from it")
    as_of = overrides.get("as_of") or draft.get("as_of")
    if not as_of:
        raise AcceptRefused("the candidate has no as-of date: give one with --as-of YYYY-MM-DD")
    entry = {
        "id": fact_id(dataset, metric, str(as_of), draft["value"]),
        "metric": metric,
        "value": draft["value"],
        "qualifier": overrides.get("qualifier") or draft["qualifier"],
        "as_of": str(as_of),
        "as_of_precision": overrides.get("as_of_precision") or draft.get("as_of_precision") or "day",
    }
    scope = overrides.get("scope", draft.get("scope"))
    if scope:
        entry["scope"] = scope
    entry.update({"source": source, "quote": draft["quote"]})
    if overrides.get("attribution"):
        entry["attribution"] = overrides["attribution"]
    entry["status"] = overrides.get("status") or "verified"
    entry["note"] = f"Accepted from extraction ({draft['id']}): {draft['reason']}"[:1900]
    return entry


def append_entry(path: Path, entry: dict) -> int:
    """Append to the file's list; returns the line the entry starts on."""
    text = path.read_text(encoding="utf-8") if path.exists() else "observations:\n"
    indent = re.search(r"^([ \t]*)- id:", text, re.M)
    prefix = indent.group(1) if indent else ""
    if text and not text.endswith("\n"):
        text += "\n"
    start = text.count("\n") + 2
    path.write_text(text + "\n" + entry_text(entry, prefix), encoding="utf-8")
    return start


def accept(paths: ProjectPaths, dataset: Dataset, source: str, draft: dict, overrides: dict) -> Accepted:
    """Append the candidate to facts/<topic>.yaml; undo and raise if the facts stop validating."""
    entry = build_entry(dataset, source, draft, overrides)
    target = paths.facts / f"{dataset.metrics[entry['metric']].topic}.yaml"
    before = target.read_bytes() if target.exists() else None
    line = append_entry(target, entry)
    _, problems = validate_project(paths)
    shown = paths.relative(target)
    new = [p for p in problems if p.severity == "error" and p.path == shown and p.line >= line]
    if new:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
        raise AcceptRefused("the entry would not validate, so nothing was written:\n"
                            + "\n".join(p.format() for p in new))
    return Accepted(entry["id"], shown, line)

