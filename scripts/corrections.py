"""Corrections are recorded, not silent: compared with the base branch (a pull request's target),
a verified figure whose value changed needs a `corrections` entry, a fact may not disappear
(retract it instead), and an id may not be reused for another figure."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Iterator

from scripts.paths import ProjectPaths
from scripts.problems import Problem, problem
from scripts.records import Dataset
from scripts.yamlfile import decode_text, parse_yaml


@dataclass(frozen=True)
class BaseFact:
    id: str
    metric: str
    source: str
    value: float
    qualifier: str
    status: str
    path: str


class BaseUnavailable(Exception):
    """git could not show the base revision (no history in this checkout, or a wrong name)."""


def _git(paths: ProjectPaths, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=paths.root, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as err:
        raise BaseUnavailable(str(err)) from err
    if done.returncode != 0:
        raise BaseUnavailable(done.stderr.decode("utf-8", "replace").strip() or "git failed")
    return done.stdout.decode("utf-8", "replace")


def base_facts(paths: ProjectPaths, ref: str) -> dict[str, BaseFact]:
    """The observations of facts/ at ``ref``, read leniently (only what the comparison needs)."""
    names = _git(paths, "ls-tree", "--name-only", f"{ref}:facts").split()
    found: dict[str, BaseFact] = {}
    for name in names:
        if not name.endswith(".yaml") or name == "metrics.yaml" or name.startswith("events"):
            continue
        text, _ = decode_text(_git(paths, "show", f"{ref}:facts/{name}").encode("utf-8"), f"facts/{name}")
        doc, _ = parse_yaml(text or "", f"facts/{name}")
        entries = doc.data.get("observations", []) if doc and isinstance(doc.data, dict) else []
        for entry in entries if isinstance(entries, list) else []:
            try:
                fact = BaseFact(entry["id"], entry["metric"], entry["source"], entry["value"],
                                entry.get("qualifier", "exact"), entry.get("status", "draft"), f"facts/{name}")
            except (KeyError, TypeError):
                continue
            found[fact.id] = fact
    return found


def check_against_base(dataset: Dataset, base: dict[str, BaseFact]) -> Iterator[Problem]:
    current = {o.id: o for o in dataset.observations}
    for fact_id, old in sorted(base.items()):
        obs = current.get(fact_id)
        if obs is None:
            yield problem("fact-removed", old.path, 1,
                          f"'{fact_id}' ({old.metric} {old.value:g}) was in the base branch and is gone",
                          "keep the entry and set `status: retracted` with a note saying why; ids are never reused")
            continue
        path, (line, col) = obs.origin.path, obs.origin.at("value")
        if (obs.metric, obs.source) != (old.metric, old.source):
            yield problem("id-reused", path, obs.origin.line,
                          f"'{fact_id}' was {old.metric} from {old.source}; now it is {obs.metric} from {obs.source}",
                          "give the new figure a new id, and retract the old one if it was wrong", col=obs.origin.col)
            continue
        if old.status != "verified" or (obs.value, obs.qualifier) == (old.value, old.qualifier):
            continue
        recorded = any(c.old_value == old.value and (c.old_qualifier or obs.qualifier) == old.qualifier
                       for c in obs.corrections)
        if not recorded:
            was = f"{old.qualifier} {old.value:g}" if old.qualifier != obs.qualifier else f"{old.value:g}"
            yield problem("uncorrected-change", path, line,
                          f"verified figure '{fact_id}' changed from {was} to {obs.value:g} with no correction recorded",
                          f"add `corrections: [{{date: YYYY-MM-DD, old_value: {old.value:g}, "
                          f"{'old_qualifier: ' + old.qualifier + ', ' if old.qualifier != obs.qualifier else ''}"
                          "reason: …}]` to the fact", col=col)


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
