"""Appending entries to an editor's YAML file without changing a byte or a value of what is there.

The new text goes after the existing text, never into it. That alone is not enough: YAML lets
the last value of a file reach past its end (a block scalar `|+` keeps every trailing newline,
so a blank line appended after it becomes part of the editor's note). So the result is read back
with the project's strict reader, and it is written only if every earlier value is unchanged and
the new entries read back as they were meant.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.yamlfile import decode_text, parse_yaml


class AppendRefused(Exception):
    """The entries cannot be appended without changing the file's existing text or meaning."""


def entry_text(entry: dict, indent: str) -> str:
    """One list item in the style of the fact files, each value quoted only where YAML needs it."""
    lines = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=110).splitlines()
    lines = [re.sub(r"^(\s*(?:- )?(?:as_of|date)): '(\d{4}-\d{2}-\d{2})'$", r"\1: \2", line) for line in lines]
    return "\n".join(indent + line for line in lines) + "\n"


def _list_of(text: str, key: str, shown: str) -> tuple[dict, list]:
    doc, problems = parse_yaml(text, shown)
    errors = [p for p in problems if p.severity == "error"]
    if doc is None or errors:
        raise AppendRefused("\n".join(p.format() for p in (errors or problems))
                            or f"{shown}: the file cannot be read")
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get(key) or [], list):
        raise AppendRefused(f"{shown}:1:1: wrong-top-level: the file has no top-level `{key}:` list — "
                            f"start the file with `{key}:`")
    return doc.data, doc.data.get(key) or []


def appended_text(text: str, key: str, entries: list[dict], shown: str) -> tuple[str, list[int]]:
    """``text`` with ``entries`` added to its top-level list ``key``, and the line each new entry
    starts on. Raises AppendRefused when no way of appending keeps the old values."""
    data, old = _list_of(text, key, shown)
    item = re.search(r"^([ \t]*)- ", text, re.M)
    indent = item.group(1) if item else "  "
    texts = [entry_text(e, indent) for e in entries]
    body = "".join(texts)
    base = text if not text or text.endswith("\n") else text + "\n"
    for separator in ("\n", "") if old else ("",):  # a blank line between entries where it changes nothing
        new = base + separator + body
        try:
            new_data, new_list = _list_of(new, key, shown)
        except AppendRefused:
            continue
        rest = {k: v for k, v in new_data.items() if k != key}
        if (new_list[: len(old)] == old and new_list[len(old):] == entries
                and rest == {k: v for k, v in data.items() if k != key}):
            first = new[: len(base) + len(separator)].count("\n") + 1
            return new, [first + sum(t.count("\n") for t in texts[:i]) for i in range(len(texts))]
    raise AppendRefused(
        f"{shown}: appending would change the text of the last entry (it ends with a block scalar that keeps "
        "its trailing newlines, `|+` or `>+`, or the file does not end with a newline) — end that entry with "
        "another field, or use `|` instead of `|+`, then run the command again")


def append_entries(path: Path, key: str, entries: list[dict], shown: str, new_file: str) -> list[int]:
    """Append to the file (``new_file`` is the text of a file that does not exist yet); returns the
    line each new entry starts on."""
    text = new_file
    if path.exists():
        text, problems = decode_text(path.read_bytes(), shown)
        if text is None:
            raise AppendRefused("\n".join(p.format() for p in problems))
    new, lines = appended_text(text, key, entries, shown)
    path.write_text(new, encoding="utf-8")
    return lines


def _event_at(text: str, event_id: str, shown: str):
    """The parsed file and the index of the event ``event_id`` in it."""
    doc, problems = parse_yaml(text, shown)
    errors = [p for p in problems if p.severity == "error"]
    if doc is None or errors:
        raise AppendRefused("\n".join(p.format() for p in (errors or problems)) or f"{shown}: the file cannot be read")
    events = doc.data.get("events") if isinstance(doc.data, dict) else None
    for i, event in enumerate(events if isinstance(events, list) else []):
        if isinstance(event, dict) and event.get("id") == event_id and isinstance(event.get("sources"), list):
            return doc, i
    raise AppendRefused(f"{shown}: there is no event '{event_id}' with a `sources:` list in this file — "
                        "run `python -m scripts validate`, then accept again")


def _end_of_item(lines: list[str], first: int, indent: str) -> int:
    """The last line (1-based) of the list item starting on line ``first``: its text runs until a
    line indented no deeper than its dash (the next key or entry); blank and comment lines after
    it are not its own."""
    end = first
    for number in range(first + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= len(indent):
            break
        end = number
    return end


def inserted_citation(text: str, event_id: str, citation: dict, shown: str) -> tuple[str, int, int]:
    """``text`` with ``citation`` added at the end of the `sources:` list of event ``event_id``,
    its lines right after the last line of that list, at its indentation; and the first and last
    line of the citation. Raises AppendRefused unless every other value reads back unchanged."""
    doc, index = _event_at(text, event_id, shown)
    sources = doc.data["events"][index]["sources"]
    lines = text.splitlines(keepends=True)
    last = doc.line_of(("events", index, "sources", len(sources) - 1))
    item = re.match(r"^([ \t]*)- ", lines[last - 1]) if sources and last <= len(lines) else None
    refusal = (f"{shown}: the `sources:` of event '{event_id}' is not a block list (`- source: …` on lines "
               "of their own), so a citation cannot be added without rewriting it — write it as a block list, "
               "or add the citation by hand")
    if item is None:
        raise AppendRefused(refusal)
    end = _end_of_item(lines, last, item.group(1))
    before = "".join(lines[:end])
    if not before.endswith("\n"):
        before += "\n"
    added = entry_text(citation, item.group(1))
    new = before + added + "".join(lines[end:])
    new_doc, index_again = _event_at(new, event_id, shown)
    expected = {**doc.data, "events": [dict(e) for e in doc.data["events"]]}
    expected["events"][index] = {**doc.data["events"][index], "sources": [*sources, citation]}
    if index_again != index or new_doc.data != expected:
        raise AppendRefused(refusal)
    return new, end + 1, end + added.count("\n")


def insert_citation(path: Path, event_id: str, citation: dict, shown: str) -> tuple[int, int]:
    """Add the citation to the event in the file; returns its first and last line."""
    text, problems = decode_text(path.read_bytes(), shown)
    if text is None:
        raise AppendRefused("\n".join(p.format() for p in problems))
    new, first, last = inserted_citation(text, event_id, citation, shown)
    path.write_text(new, encoding="utf-8")
    return first, last
