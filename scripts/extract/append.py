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
