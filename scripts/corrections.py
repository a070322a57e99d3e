"""Corrections are recorded, not silent. The base branch (a pull request's target) holds what was
published: compared with it, a verified figure or event may change only with a `corrections`
entry saying what it was and why, may stop being verified only with a correction (or, retracted,
with a note), may not disappear (retract it instead), and its id may not name another figure.
Correction entries are append-only: the record of past corrections is itself published."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Any, Iterator

from scripts.paths import ProjectPaths, printable
from scripts.problems import Problem, problem
from scripts.quotes import normalise
from scripts.records import Dataset, Event, Observation
from scripts.yamlfile import decode_text, parse_yaml

# Fields of a published record that a correction must account for.
OBSERVATION_FIELDS = ("value", "qualifier", "as_of", "as_of_precision", "scope", "quote")
# Of an event: its date, and its incident's place and figures (whatever story.yaml names them).


@dataclass(frozen=True)
class BaseFact:
    id: str
    metric: str
    source: str
    value: float
    qualifier: str
    status: str
    path: str
    published: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    corrections: tuple = field(default=(), compare=False, hash=False)


@dataclass(frozen=True)
class BaseEvent:
    id: str
    status: str
    path: str
    published: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    corrections: tuple = field(default=(), compare=False, hash=False)


@dataclass(frozen=True)
class Base:
    observations: dict[str, BaseFact]
    events: dict[str, BaseEvent]


class BaseUnavailable(Exception):
    """git could not show the base revision (no history in this checkout, or a wrong name)."""


def _git(paths: ProjectPaths, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=false", *args], cwd=paths.root, capture_output=True,
                              timeout=30)
    except (OSError, subprocess.SubprocessError) as err:
        raise BaseUnavailable(str(err)) from err
    if done.returncode != 0:
        raise BaseUnavailable(done.stderr.decode("utf-8", "replace").strip() or "git failed")
    return done.stdout


def _fact_blobs(paths: ProjectPaths, ref: str) -> Iterator[tuple[str, Any]]:
    """(file name, parsed data) of each YAML file of facts/ at ``ref``; names are read NUL-separated
    and blobs by their hash, so no file name is ever quoted, split or skipped."""
    for entry in _git(paths, "ls-tree", "-z", f"{ref}:facts").split(b"\0"):
        meta, _, raw_name = entry.partition(b"\t")
        name = printable(raw_name.decode("utf-8", "replace"))
        parts = meta.split()
        if len(parts) != 3 or parts[1] != b"blob" or not name.endswith(".yaml") or name == "metrics.yaml":
            continue
        text, _ = decode_text(_git(paths, "cat-file", "blob", parts[2].decode()), f"facts/{name}")
        doc, _ = parse_yaml(text or "", f"facts/{name}")
        yield name, (doc.data if doc and isinstance(doc.data, dict) else {})


def _entries(data: dict, key: str) -> list[dict]:
    entries = data.get(key)
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)] if isinstance(entries, list) else []


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _figure(raw: Any) -> tuple | None:
    if not isinstance(raw, dict):
        return None
    return (raw.get("value"), raw.get("qualifier", "exact"))


def read_base(paths: ProjectPaths, ref: str) -> Base:
    """The observations and events of facts/ at ``ref``, read leniently (only what is compared)."""
    observations: dict[str, BaseFact] = {}
    events: dict[str, BaseEvent] = {}
    for name, data in _fact_blobs(paths, ref):
        path = f"facts/{name}"
        for e in _entries(data, "observations"):
            if not (_number(e.get("value")) and isinstance(e.get("metric"), str) and isinstance(e.get("source"), str)):
                continue
            published = {"value": e["value"], "qualifier": e.get("qualifier", "exact"), "as_of": e.get("as_of"),
                         "as_of_precision": e.get("as_of_precision"), "scope": e.get("scope") or None,
                         "quote": normalise(e["quote"]) if isinstance(e.get("quote"), str) else None}
            observations[e["id"]] = BaseFact(e["id"], e["metric"], e["source"], e["value"], published["qualifier"],
                                             e.get("status", "draft"), path, published, _corrections(e))
        for e in _entries(data, "events"):
            kind = e.get("kind")
            block = e.get(kind) if isinstance(kind, str) and isinstance(e.get(kind), dict) else {}
            published = {"date": e.get("date"), **{k: v if isinstance(v, str) else _figure(v)
                                                   for k, v in block.items() if k != "derived"}}
            events[e["id"]] = BaseEvent(e["id"], e.get("status", "draft"), path, published, _corrections(e))
    return Base(observations, events)


def _corrections(entry: dict) -> tuple:
    raw = entry.get("corrections")
    return tuple(_comparable(c) for c in raw) if isinstance(raw, list) else ()


def _comparable(correction: Any) -> tuple:
    """A correction entry as a tuple that compares equal only to the same entry."""
    if not isinstance(correction, dict):
        return (repr(correction),)
    return tuple(sorted((k, str(v)) for k, v in correction.items()))


def base_facts(paths: ProjectPaths, ref: str) -> dict[str, BaseFact]:
    """The observations of facts/ at ``ref``."""
    return read_base(paths, ref).observations


def _observation_now(obs: Observation) -> dict[str, Any]:
    return {"value": obs.value, "qualifier": obs.qualifier, "as_of": obs.as_of.isoformat(),
            "as_of_precision": obs.as_of_precision, "scope": obs.scope, "quote": normalise(obs.quote)}


def _event_now(event: Event) -> dict[str, Any]:
    incident = event.incident
    if incident is None:
        return {"date": event.date.isoformat()}
    return {"date": event.date.isoformat(), incident.place_field: incident.place,
            **{k: (q.value, q.qualifier) for k, q in incident.figures().items()}}


def _current_corrections(record: Observation | Event) -> tuple:
    return tuple(_comparable({k: (v.isoformat() if k == "date" else v) for k, v in vars(c).items() if v is not None})
                 for c in record.corrections)


def check_against_base(dataset: Dataset, base: Base | dict[str, BaseFact]) -> Iterator[Problem]:
    if isinstance(base, dict):  # observations only (older callers)
        base = Base(base, {})
    current = {o.id: o for o in dataset.observations}
    for fact_id, old in sorted(base.observations.items()):
        obs = current.get(fact_id)
        if obs is None:
            yield problem("fact-removed", old.path, 1,
                          f"'{fact_id}' ({old.metric} {old.value:g}) was in the base branch and is gone",
                          "keep the entry and set `status: retracted` with a note saying why; ids are never reused")
            continue
        if (obs.metric, obs.source) != (old.metric, old.source):
            yield problem("id-reused", obs.origin.path, obs.origin.line,
                          f"'{fact_id}' was {old.metric} from {old.source}; now it is {obs.metric} from {obs.source}",
                          "give the new figure a new id, and retract the old one if it was wrong", col=obs.origin.col)
            continue
        yield from _check_published(obs, old, _observation_now(obs))
    events = {e.id: e for e in dataset.events}
    for event_id, old in sorted(base.events.items()):
        event = events.get(event_id)
        if event is None:
            yield problem("fact-removed", old.path, 1, f"event '{event_id}' was in the base branch and is gone",
                          "keep the entry and set `status: retracted` with a note saying why; ids are never reused")
            continue
        yield from _check_published(event, old, _event_now(event))


def _check_published(record: Observation | Event, old: BaseFact | BaseEvent, now: dict[str, Any]) -> Iterator[Problem]:
    """The checks shared by figures and events: append-only corrections, status, changed fields."""
    path, what = record.origin.path, f"'{record.id}'"
    entries = _current_corrections(record)
    if entries[: len(old.corrections)] != old.corrections:
        line, col = record.origin.at("corrections")
        yield problem("correction-removed", path, line, f"a correction entry of {what} was deleted or edited",
                      "keep every earlier correction as it was and add new ones at the end", col=col)
    added = record.corrections[len(old.corrections):]
    if old.status != "verified":
        return
    if record.status == "retracted":
        if not (getattr(record, "note", None) or added):
            line, col = record.origin.at("status")
            yield problem("retraction-without-reason", path, line, f"published {what} is retracted with no reason",
                          "say why in `note:`", col=col)
        return
    if record.status != "verified" and not added:
        line, col = record.origin.at("status")
        yield problem("unpublished-without-correction", path, line,
                      f"published {what} went from verified to {record.status} with no correction recorded",
                      "keep it verified, retract it with a note, or add a `corrections` entry saying why", col=col)
    for name, was in old.published.items():
        if _same(was, now.get(name)) or _recorded(record, old, name, added):
            continue
        line, col = _position(record, name)
        yield problem("uncorrected-change", path, line,
                      f"published {what} changed its `{name}` from {_show(was)} to {_show(now.get(name))} "
                      "with no correction recorded", _fix(record, old, name), col=col)


def _same(was: Any, now: Any) -> bool:
    if isinstance(was, tuple) and isinstance(now, tuple):
        return len(was) == len(now) and all(_same(a, b) for a, b in zip(was, now))
    if _number(was) and _number(now):
        return float(was) == float(now)
    return was == now


def _recorded(record: Observation | Event, old: BaseFact | BaseEvent, name: str, added: tuple) -> bool:
    """Whether a correction added since the base accounts for the change of ``name``: for a
    figure's value or hedge, one giving the old value (and hedge); for an event, one naming the
    field and its old value; for any other field of a figure, any new correction."""
    if isinstance(record, Event):
        was = old.published[name]
        was = was[0] if isinstance(was, tuple) else was
        return any(c.field == name and _same(c.old_value, was) for c in added)
    if name in ("value", "qualifier"):
        return any(_same(c.old_value, old.value) and (c.old_qualifier or record.qualifier) == old.qualifier
                   for c in added)
    return bool(added)


def _position(record: Observation | Event, name: str) -> tuple[int, int]:
    if isinstance(record, Event) and name != "date" and record.incident and record.incident.origin is not None:
        return record.incident.origin.at(name)
    return record.origin.at(name)


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        value = " ".join(str(v) for v in reversed(value) if v not in (None, "exact"))
    if value is None:
        return "nothing"
    return f"{value:g}" if _number(value) else repr(value)[:80]


def _fix(record: Observation | Event, old: BaseFact | BaseEvent, name: str) -> str:
    if isinstance(old, BaseEvent):
        was = old.published[name]
        was = was[0] if isinstance(was, tuple) else was
        return (f"add `corrections: [{{date: YYYY-MM-DD, field: {name}, old_value: {_show(was)}, reason: …}}]` "
                "to the event")
    hedge = f"old_qualifier: {old.qualifier}, " if old.qualifier != record.qualifier else ""
    return f"add `corrections: [{{date: YYYY-MM-DD, old_value: {old.value:g}, {hedge}reason: …}}]` to the fact"


def change_summary(dataset: Dataset, base: dict[str, BaseFact]) -> dict[str, int]:
    """What a pull request does to the figures: added, changed, corrected, retracted."""
    current = {o.id: o for o in dataset.observations}
    changed = [i for i, o in current.items() if i in base and (o.value, o.qualifier) != (base[i].value, base[i].qualifier)]
    return {
        "added": sum(1 for i in current if i not in base),
        "changed": len(changed),
        "corrected": sum(1 for i in changed if current[i].corrections),
        "retracted": sum(1 for i, o in current.items() if o.status == "retracted"
                         and (i not in base or base[i].status != "retracted")),
    }
