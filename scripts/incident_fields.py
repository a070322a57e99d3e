"""An event's incident block (and a source's reading of it) checked against the story's incident
type while loading: a block the event's kind does not carry, a place or a figure the story does not
declare. Problems are appended to the list given; the answer says whether the event can be loaded."""

from __future__ import annotations

import difflib

from scripts.problems import Problem, problem
from scripts.story import IncidentType
from scripts.yamlfile import YamlDocument

# The fields of an event and of a citation that are not an incident's.
_EVENT_FIELDS = frozenset(("id", "date", "date_precision", "kind", "title", "summary", "sources", "status", "note",
                           "corrections"))
CITATION_FIELDS = frozenset(("source", "quote", "date", "date_precision", "note"))
CORRECTED_FIELDS = ("date", "status")


def incident_block_problems(entry: dict, doc: YamlDocument, key: tuple, incident: IncidentType | None,
                       problems: list[Problem]) -> bool:
    """Problems of an event's incident block against the story: a block the event's kind does not
    carry, a place or figure the story does not declare. True when the event can be loaded."""
    path, ok = doc.path, True
    for name in entry.keys() - _EVENT_FIELDS:
        if incident is None or name != incident.kind:
            carried = f"events of kind '{entry['kind']}' carry " + (f"`{incident.kind}:`" if incident else "no incident")
            problems.append(problem("unknown-field", path, doc.line_of(key + (name,)),
                                              f"event '{entry['id']}' has a field `{name}`: {carried}",
                                              "remove it, or declare the incident type in story.yaml `incidents:`",
                                              col=doc.col_of(key + (name,))))
            ok = False
    if incident is None:
        return ok
    block = entry.get(incident.kind)
    if block is None:
        return ok  # an event of the kind whose figures no article gives yet
    return block_problems(block, entry["id"], doc, key + (incident.kind,), incident, problems, needs_place=True) and ok


def block_problems(block: dict, event_id: str, doc: YamlDocument, key: tuple, incident: IncidentType,
                    problems: list[Problem], needs_place: bool, allowed: frozenset[str] = frozenset({"derived"})) -> bool:
    """An incident block's (or a citation's reading's) fields: the place, declared figures, nothing else."""
    ok = True
    if needs_place and incident.place_field not in block:
        problems.append(problem("missing-field", doc.path, doc.line_of(key), f"the `{incident.kind}:` of "
                                          f"event '{event_id}' has no `{incident.place_field}`",
                                          f"add `{incident.place_field}:` ({', '.join(incident.place_names)})"))
        ok = False
    for name, value in block.items():
        at = doc.line_of(key + (name,)), doc.col_of(key + (name,))
        if name == incident.place_field:
            if value not in incident.place_names:
                guess = difflib.get_close_matches(str(value), incident.place_names, n=1, cutoff=0.5)
                problems.append(problem(
                    "unknown-place", doc.path, at[0], f"event '{event_id}' gives the {incident.place_field} "
                    f"{str(value)[:60]!r}, which story.yaml does not declare for '{incident.kind}'",
                    f"did you mean `{guess[0]}`?" if guess else f"use one of: {', '.join(incident.place_names)}",
                    col=at[1]))
                ok = False
        elif name in allowed:
            continue
        elif name not in incident.figure_names or not isinstance(value, dict):
            known = [*incident.figure_names, incident.place_field]
            guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            problems.append(problem(
                "unknown-figure", doc.path, at[0], f"event '{event_id}' gives `{name}`, which is not a figure of "
                f"'{incident.kind}' in story.yaml", f"did you mean `{guess[0]}`?" if guess
                else f"figures: {', '.join(incident.figure_names)}", col=at[1]))
            ok = False
    return ok
