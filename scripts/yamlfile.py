"""Read YAML strictly, keeping the line of every value.

PyYAML's defaults are unsafe for files edited by hand: a repeated key silently keeps the last
value, ``no`` becomes ``False``, ``2025-11-31`` raises deep inside a constructor, and an alias
bomb can expand without bound. This reader builds plain Python values from PyYAML's node tree
itself, with YAML 1.2 core scalars (only ``true``/``false`` are booleans; dates stay strings
and are checked later), and turns every trap into a ``Problem`` with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scripts.problems import Problem, problem

MAX_YAML_BYTES = 2 * 1024 * 1024

Key = tuple  # a path into the document: keys and list indexes

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp",
                                     "value", "merge")}


@dataclass(frozen=True)
class YamlDocument:
    path: str
    data: Any
    lines: dict[Key, int]
    columns: dict[Key, int]

    def _nearest(self, key: Key) -> Key:
        key = tuple(key)
        while key not in self.lines and key:
            key = key[:-1]
        return key

    def line_of(self, key: Key) -> int:
        """The line of the value at ``key``, or of its nearest parent that has one."""
        return self.lines.get(self._nearest(key), 1)

    def col_of(self, key: Key) -> int:
        return self.columns.get(self._nearest(key), 1)

    def field_positions(self, key: Key) -> tuple[tuple[str, int, int], ...]:
        """(field, line, column) of each field of the mapping at ``key``, for messages."""
        key = tuple(key)
        return tuple((k[-1], line, self.columns.get(k, 1)) for k, line in self.lines.items()
                     if len(k) == len(key) + 1 and k[: len(key)] == key and isinstance(k[-1], str))


class _Refused(Exception):
    def __init__(self, code: str, line: int, message: str):
        self.code, self.line, self.message = code, line, message


class _NoAliasLoader(yaml.SafeLoader):
    """Composes nodes but refuses anchors and aliases before anything can expand."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused("yaml-alias", event.start_mark.line + 1,
                           f"alias '*{event.anchor}' is not allowed")
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused("yaml-alias", event.start_mark.line + 1, f"anchor '&{anchor}' is not allowed")
        return super().compose_node(parent, index)


def decode_text(raw: bytes, path: str, limit: int = MAX_YAML_BYTES) -> tuple[str | None, list[Problem]]:
    """Bytes → text, refusing what editors' tools get wrong (size, encoding, BOM)."""
    if len(raw) > limit:
        return None, [problem("file-too-large", path, 1,
                              f"the file is {len(raw):,} bytes; the limit is {limit:,}")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [problem("byte-order-mark", path, 1, "the file starts with a UTF-8 byte-order mark")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [problem("not-utf8", path, line,
                              f"byte 0x{raw[err.start]:02x} at offset {err.start} is not UTF-8")]
    if "\x00" in text:
        return None, [problem("not-utf8", path, text[: text.index("\x00")].count("\n") + 1,
                              "the file contains a NUL byte: it is binary, not text")]
    return text, []


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[YamlDocument | None, list[Problem]]:
    """Text → document with line numbers; ``line_offset`` shifts lines (front matter)."""
    try:
        root = yaml.compose(text, Loader=_NoAliasLoader)
    except _Refused as err:
        return None, [problem(err.code, path, err.line + line_offset, err.message)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        left_open = err.context and any(w in err.context for w in ("flow sequence", "flow mapping", "quoted scalar"))
        if err.context_mark and (left_open or mark.line >= text.count("\n")):
            mark = err.context_mark  # a bracket or quote left open: point at where it opened
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        message = " ".join(str(x) for x in (err.context, err.problem) if x)
        fix = None
        if "\\t" in message or "'\\t'" in message or "tab" in message.lower():
            fix = "indent with spaces: YAML does not allow tabs"
        return None, [problem("yaml-syntax", path, line, message, fix, col=col)]
    except yaml.YAMLError as err:
        return None, [problem("yaml-syntax", path, 1 + line_offset, str(err))]
    if root is None:
        return None, [problem("empty-file", path, 1 + line_offset, "the file holds no YAML data")]
    lines: dict[Key, int] = {}
    columns: dict[Key, int] = {}
    problems: list[Problem] = []
    data = _build(root, (), (lines, columns), problems, path, line_offset)
    return YamlDocument(path, data, lines, columns), problems


def _line(node: Node, offset: int) -> int:
    return node.start_mark.line + 1 + offset


def _build(node: Node, key: Key, marks: tuple[dict, dict], problems: list, path: str, offset: int) -> Any:
    lines, columns = marks
    lines[key] = _line(node, offset)
    columns[key] = node.start_mark.column + 1
    if node.tag not in _ALLOWED_TAGS:
        problems.append(problem("yaml-tag", path, _line(node, offset), f"tag '{node.tag}' is not allowed"))
        return None
    if isinstance(node, MappingNode):
        return _build_mapping(node, key, marks, problems, path, offset)
    if isinstance(node, SequenceNode):
        return [_build(item, key + (i,), marks, problems, path, offset) for i, item in enumerate(node.value)]
    return _scalar(node)


def _build_mapping(node: MappingNode, key: Key, marks, problems, path, offset) -> dict:
    lines, columns = marks
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = _line(key_node, offset)
        if key_node.tag == _STD + "merge" or key_node.value == "<<":
            problems.append(problem("yaml-alias", path, line, "merge key '<<' is not allowed"))
            continue
        if not isinstance(key_node, ScalarNode):
            problems.append(problem("yaml-syntax", path, line, "a field name must be plain text"))
            continue
        name = str(key_node.value)
        if name in result:
            first = lines.get(key + (name,), line)
            problems.append(problem("duplicate-key", path, line,
                                    f"field '{name}' appears twice (first on line {first})",
                                    "keep one of the two lines", col=key_node.start_mark.column + 1))
            continue
        result[name] = _build(value_node, key + (name,), marks, problems, path, offset)
        lines[key + (name,)] = line  # the key's place is where an editor looks
        columns[key + (name,)] = key_node.start_mark.column + 1
    return result


_RESOLVER = yaml.resolver.Resolver()


def _explicitly_text(node: ScalarNode) -> bool:
    """``!!str 123``: the node says text where a plain scalar would resolve to something else."""
    return node.tag == _STD + "str" and _RESOLVER.resolve(ScalarNode, node.value, (True, False)) != node.tag


def _scalar(node: ScalarNode) -> Any:
    """YAML 1.2 core schema for plain scalars; anything quoted or tagged str stays text."""
    value = node.value
    if node.style or _explicitly_text(node):
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value
