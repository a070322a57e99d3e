"""Read YAML strictly, keeping the line of every value.

PyYAML's defaults are unsafe for files edited by hand: a repeated key silently keeps the last
value, ``no`` becomes ``False``, ``2025-11-31`` raises deep inside a constructor, and an alias
bomb can expand without bound. This reader builds plain Python values from PyYAML's node tree
itself, with YAML 1.2 core scalars (only ``true``/``false`` are booleans; dates stay strings
and are checked later), and turns every trap into a ``Problem`` with its line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Mapping

import yaml
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent, StreamEndEvent)

from scripts.problems import Problem, problem

MAX_YAML_BYTES = 5 * 1024 * 1024
# No fact needs more: a number beyond this is a typo or an attack (and beyond 2**53 a float is no
# longer exact); nesting beyond this is no fact file's shape, and would exhaust Python's stack.
MAX_NUMBER = 10 ** 15
MAX_DEPTH = 50

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

    def field_positions(self, key: Key) -> FieldPositions:
        """Where each field of the mapping at ``key`` stands, for messages."""
        return FieldPositions(self, tuple(key))


class FieldPositions(Mapping):
    """(line, column) by field name of one mapping of a document, looked up when a message needs it."""

    def __init__(self, doc: YamlDocument, key: Key):
        self._doc, self._key = doc, key

    def __getitem__(self, name: str) -> tuple[int, int]:
        full = self._key + (name,)
        if full not in self._doc.lines:
            raise KeyError(name)
        return self._doc.lines[full], self._doc.columns.get(full, 1)

    def __iter__(self):
        n = len(self._key) + 1
        return (k[-1] for k in self._doc.lines if len(k) == n and k[:-1] == self._key)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Refused(Exception):
    def __init__(self, code: str, line: int, message: str, col: int = 1):
        self.code, self.line, self.message, self.col = code, line, message, col


# libyaml parses in C; the pure-Python parser is the fallback where it is missing.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    """Text → document with line numbers; ``line_offset`` shifts lines (front matter).

    Values are built from the parser's events, not from PyYAML's composed nodes: an alias is
    refused where it stands, so nothing can ever expand."""
    builder = _Builder(path, line_offset)
    loader = _Loader(text)
    try:
        data = builder.document(loader)
    except _Refused as err:
        return None, [problem(err.code, path, err.line + line_offset, err.message, col=err.col)]
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, text, path, line_offset)]
    except yaml.YAMLError as err:
        return None, [problem("yaml-syntax", path, 1 + line_offset, str(err))]
    finally:
        loader.dispose()
    if data is _EMPTY:
        return None, [problem("empty-file", path, 1 + line_offset, "the file holds no YAML data")]
    return YamlDocument(path, data, builder.lines, builder.columns), builder.problems


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, path: str, offset: int) -> Problem:
    mark = err.problem_mark or err.context_mark
    left_open = err.context and any(w in err.context for w in ("flow sequence", "flow mapping", "quoted scalar"))
    if err.context_mark and (left_open or (mark is not None and mark.line >= text.count("\n"))):
        mark = err.context_mark  # a bracket or quote left open: point at where it opened
    message = " ".join(str(x) for x in (err.context, err.problem) if x)
    fix = None
    if "\\t" in message or "'\\t'" in message or "tab" in message.lower():
        fix = "indent with spaces: YAML does not allow tabs"
    return problem("yaml-syntax", path, (mark.line + 1 if mark else 1) + offset, message, fix,
                   col=mark.column + 1 if mark else 1)


_EMPTY = object()


class _Builder:
    """Plain values from YAML events, remembering where each value and key stands."""

    def __init__(self, path: str, offset: int):
        self.path, self.offset = path, offset
        self.lines: dict[Key, int] = {}
        self.columns: dict[Key, int] = {}
        self.problems: list[Problem] = []

    def document(self, loader) -> Any:
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return _EMPTY
        loader.get_event()  # document start
        data = self.node(loader, ())
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            event = loader.peek_event()
            raise _Refused("yaml-syntax", event.start_mark.line + 1, "the file holds more than one YAML document "
                           "(a `---` line in the middle)")
        return _EMPTY if data is None and not self.lines.get(()) else data

    def _mark(self, key: Key, event) -> int:
        line = event.start_mark.line + 1 + self.offset
        self.lines[key] = line
        self.columns[key] = event.start_mark.column + 1
        return line

    def node(self, loader, key: Key) -> Any:
        event = loader.get_event()
        if len(key) > MAX_DEPTH:
            raise _Refused("yaml-too-deep", event.start_mark.line + 1,
                           f"the values are nested more than {MAX_DEPTH} levels deep", event.start_mark.column + 1)
        if isinstance(event, AliasEvent):
            raise _Refused("yaml-alias", event.start_mark.line + 1, f"alias '*{event.anchor}' is not allowed",
                           event.start_mark.column + 1)
        if getattr(event, "anchor", None) is not None:
            raise _Refused("yaml-alias", event.start_mark.line + 1, f"anchor '&{event.anchor}' is not allowed",
                           event.start_mark.column + 1)
        line = self._mark(key, event)
        tag = event.tag
        if tag not in (None, "!") and tag not in _ALLOWED_TAGS:
            self.problems.append(problem("yaml-tag", self.path, line, f"tag '{tag}' is not allowed"))
            self._skip(loader, event)
            return None
        if isinstance(event, ScalarEvent):
            return self.scalar(event, line, event.start_mark.column + 1)
        if isinstance(event, SequenceStartEvent):
            items = []
            while not loader.check_event(SequenceEndEvent):
                items.append(self.node(loader, key + (len(items),)))
            loader.get_event()
            return items
        return self.mapping(loader, key)

    def mapping(self, loader, key: Key) -> dict:
        result: dict[str, Any] = {}
        while not loader.check_event(MappingEndEvent):
            key_event = loader.peek_event()
            line = key_event.start_mark.line + 1 + self.offset
            col = key_event.start_mark.column + 1
            if not isinstance(key_event, ScalarEvent) or getattr(key_event, "anchor", None) is not None:
                name = self.node(loader, key + ("?",))  # refuses aliases and anchors with their line
                self.problems.append(problem("yaml-syntax", self.path, line, "a field name must be plain text"))
                self.node(loader, key + ("?",))
                continue
            loader.get_event()
            name = str(key_event.value)
            if key_event.tag == _STD + "merge" or (name == "<<" and not key_event.style):
                self.problems.append(problem("yaml-alias", self.path, line, "merge key '<<' is not allowed", col=col))
                self._skip(loader, loader.get_event())
                continue
            if name in result:
                first = self.lines.get(key + (name,), line)
                self.problems.append(problem("duplicate-key", self.path, line,
                                             f"field '{name}' appears twice (first on line {first})",
                                             "keep one of the two lines", col=col))
                self._skip(loader, loader.get_event())
                continue
            child = key + (name,)
            if loader.check_event(ScalarEvent):  # the common case, inlined: a plain field
                event = loader.peek_event()
                if event.anchor is None and event.tag in (None, "!"):
                    loader.get_event()
                    result[name] = self.scalar(event, line, event.start_mark.column + 1)
                    self.lines[child] = line  # the key's place is where an editor looks
                    self.columns[child] = col
                    continue
            result[name] = self.node(loader, child)
            self.lines[child] = line
            self.columns[child] = col
        loader.get_event()
        return result

    def scalar(self, event: ScalarEvent, line: int, col: int) -> Any:
        """A plain value; a number out of range is reported and kept as its text (never inf, nan
        or a 400-digit integer, which break arithmetic and formatting later)."""
        value = _scalar(event)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and _out_of_range(value):
            shown = event.value if len(event.value) <= 40 else event.value[:37] + "..."
            self.problems.append(problem("number-out-of-range", self.path, line,
                                         f"the number {shown} is not finite or beyond ±{MAX_NUMBER:,}", col=col))
            return event.value
        return value

    def _skip(self, loader, event) -> None:
        """Consume a value's events without building it (refusing aliases inside it too)."""
        if isinstance(event, AliasEvent):
            raise _Refused("yaml-alias", event.start_mark.line + 1, f"alias '*{event.anchor}' is not allowed")
        depth = 1 if isinstance(event, (SequenceStartEvent, MappingStartEvent)) else 0
        while depth:
            inner = loader.get_event()
            if isinstance(inner, AliasEvent):
                raise _Refused("yaml-alias", inner.start_mark.line + 1, f"alias '*{inner.anchor}' is not allowed")
            if isinstance(inner, (SequenceStartEvent, MappingStartEvent)):
                depth += 1
            elif isinstance(inner, (SequenceEndEvent, MappingEndEvent)):
                depth -= 1




def _scalar(event: ScalarEvent) -> Any:
    """YAML 1.2 core schema for plain scalars; anything quoted, or tagged !!str, stays text."""
    value = event.value
    if event.style or event.tag == _STD + "str":
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        if len(value.lstrip("+-0")) > 18:  # far out of range: never convert thousands of digits
            return math.inf
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _out_of_range(value: float) -> bool:
    return not math.isfinite(value) or abs(value) > MAX_NUMBER
