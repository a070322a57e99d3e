"""Check a document's shape against the JSON Schemas in schemas/ and explain each failure
in an editor's words (the same schemas give editors autocompletion in VS Code)."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import fastjsonschema
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from scripts.problems import MAX_PROBLEMS_PER_FILE, Problem, problem
from scripts.safefiles import MAX_SCHEMA_BYTES, read_input
from scripts.yamlfile import YamlDocument

_LISTS = ("observations", "events", "metrics")
_TYPE_WORDS = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
               "object": "a set of fields", "array": "a list", "null": "empty"}


@dataclass(frozen=True)
class Schemas:
    """The JSON Schemas of one project as read now: every *.schema.json file's name and text.
    Read once per load and handed on; what is compiled from them is cached by their text, so an
    edited schema is seen at the next load (a preview rebuilding under `serve` included)."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def read(cls, folder: Path) -> Schemas:
        return cls(tuple((path.name, read_input(path, MAX_SCHEMA_BYTES).decode("utf-8"))
                         for path in sorted(folder.glob("*.schema.json"))))

    def document(self, name: str) -> Any:
        text = dict(self.texts).get(name)
        if text is None:
            raise FileNotFoundError(f"schemas/{name} is missing")
        return json.loads(text)


@lru_cache(maxsize=32)
def _validator(schemas: Schemas, name: str) -> Draft7Validator:
    resources = [(file, Resource.from_contents(json.loads(text), default_specification=DRAFT7))
                 for file, text in schemas.texts]
    registry = Registry().with_resources(resources)
    return Draft7Validator(schemas.document(name), registry=registry)


def _bundled(schemas: Schemas, name: str) -> dict:
    """One self-contained schema: references to common.schema.json become local definitions."""
    common = schemas.document("common.schema.json")

    def rewrite(node):
        if isinstance(node, dict):
            out = {k: rewrite(v) for k, v in node.items()}
            ref = out.get("$ref")
            if isinstance(ref, str) and ref.startswith("common.schema.json#/definitions/"):
                out["$ref"] = "#/definitions/common__" + ref.rsplit("/", 1)[1]
            return out
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        return node

    schema = rewrite(schemas.document(name))
    definitions = schema.setdefault("definitions", {})
    for key, value in common.get("definitions", {}).items():
        local = json.loads(json.dumps(value).replace('"#/definitions/', '"#/definitions/common__'))
        definitions[f"common__{key}"] = local
    return schema


@lru_cache(maxsize=32)
def _fast_check(schemas: Schemas, name: str):
    """A compiled validator that only says valid or not: most documents are valid, and the full
    (slower) validator then only runs to explain the ones that are not."""
    return fastjsonschema.compile(_bundled(schemas, name))


def check_shape(doc: YamlDocument, schemas: Schemas | Path, schema_name: str) -> tuple[list[Problem], set[tuple]]:
    """Problems with the document's shape, and the paths of entries that failed (to skip).
    ``schemas``: as read by the caller, or the folder to read them from (for a single document)."""
    if not isinstance(schemas, Schemas):
        schemas = Schemas.read(schemas)
    try:
        _fast_check(schemas, schema_name)(doc.data)
        return [], set()
    except fastjsonschema.JsonSchemaException:
        pass
    validator = _validator(schemas, schema_name)
    problems: list[Problem] = []
    failed: set[tuple] = set()
    for error in _leaf_errors(validator.iter_errors(doc.data)):
        if len(problems) >= MAX_PROBLEMS_PER_FILE:
            # Stop looking: the rest of the file is not loaded (a file this broken is rewritten,
            # not patched) and the count of what was left out is not worth the time it takes.
            problems.append(problem("too-many-problems", doc.path, 1, f"the file has more than "
                                    f"{MAX_PROBLEMS_PER_FILE} problems of shape; none of its entries was loaded"))
            failed.add(())
            break
        path = tuple(error.absolute_path)
        if len(path) >= 2:
            failed.add(path[:2])
        else:
            failed.add(())
        found = _explain(error, doc)
        if found.col == 1:
            path_key = tuple(error.absolute_path)
            if error.validator == "additionalProperties":
                extras = [k for k in (error.instance or {}) if k not in error.schema.get("properties", {})]
                path_key = path_key + (extras[0],) if extras else path_key
            found = replace(found, col=doc.col_of(path_key))
        problems.append(found)
    return problems, failed


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    """``$ref`` and ``if/then`` wrap the real failures; report those."""
    for error in errors:
        if error.context:
            yield from _leaf_errors(iter(error.context))
        else:
            yield error


def _describe(doc: YamlDocument, path: tuple) -> str:
    """'observation 'strike-deaths-…'' for the entry that a path points into."""
    if len(path) >= 2 and isinstance(path[1], int):
        entry = doc.data.get(path[0], [])[path[1]] if isinstance(doc.data, dict) else None
        kind = path[0][:-1] if isinstance(path[0], str) and path[0].endswith("s") else "entry"
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            return f"{kind} '{entry['id']}'"
        return f"{kind} #{path[1] + 1}"
    return "the file"


def _field(path: tuple) -> str:
    names = [str(p) for p in path if isinstance(p, str)]
    return names[-1] if names else "the file"


def _explain(error: ValidationError, doc: YamlDocument) -> Problem:
    path = tuple(error.absolute_path)
    where = _describe(doc, path)
    line = doc.line_of(path)
    kind = error.validator
    if kind == "required":
        missing = [name for name in error.validator_value if name not in (error.instance or {})]
        name = missing[0] if missing else "?"
        if not path and name in _LISTS:
            return problem("wrong-top-level", doc.path, line, f"the file has no top-level `{name}:` list",
                           f"start the file with `{name}:` followed by the entries")
        if not path:
            where = "the front matter" if doc.path.endswith(".md") else "the file"
        return problem("missing-field", doc.path, line, f"{where} has no `{name}`",
                       f"add `{name}:` to {where}")
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed]
        name = extras[0] if extras else "?"
        line = doc.line_of(path + (name,))
        if not path and not doc.path.endswith(".md"):
            return problem("wrong-top-level", doc.path, line, f"unexpected top-level key `{name}`",
                           f"the file's top level holds only: {', '.join(allowed)}")
        where = where if path else "the front matter"
        guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        fix = f"did you mean `{guess[0]}`?" if guess else f"known fields: {', '.join(allowed)}"
        return problem("unknown-field", doc.path, line, f"{where} has an unknown field `{name}`", fix)
    name = _field(path)
    if kind == "type":
        if not path:
            return problem("wrong-top-level", doc.path, line, "the file's top level is not a set of fields",
                           "start the file with the list's name, e.g. `observations:`")
        return problem("wrong-type", doc.path, line, f"`{name}` of {where} is {_show(error.instance)}, "
                       f"not {_expected(error.validator_value)}", _type_fix(error))
    if kind in ("enum", "const"):
        choices = error.validator_value if kind == "enum" else [error.validator_value]
        guess = difflib.get_close_matches(str(error.instance), [str(c) for c in choices], n=1, cutoff=0.5)
        fix = f"did you mean `{guess[0]}`?" if guess else f"use one of: {', '.join(map(str, choices))}"
        return problem("invalid-value", doc.path, line,
                       f"`{name}` of {where} is {_show(error.instance)}, not one of: "
                       f"{', '.join(map(str, choices))}", fix)
    if kind == "pattern":
        if name == "url":
            return problem("unsafe-url", doc.path, line, f"`url` {_show(error.instance)} is not an http(s) address")
        return problem("invalid-format", doc.path, line,
                       f"`{name}` of {where} is {_show(error.instance)}, not {_pattern_words(name)}",
                       f"write `{name}` as {_pattern_words(name)}")
    if kind == "maxLength":
        return problem("too-long", doc.path, line, f"`{name}` of {where} is {len(error.instance):,} characters; "
                       f"the limit is {error.validator_value:,}")
    if kind == "minLength":
        return problem("invalid-format", doc.path, line, f"`{name}` of {where} is too short",
                       f"write at least {error.validator_value} characters")
    if kind == "minItems":
        return problem("missing-field", doc.path, line, f"`{name}` of {where} is empty",
                       f"give at least {error.validator_value} entry")
    return problem("invalid-format", doc.path, line, f"`{name}` of {where}: {error.message}")


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"the text '{value[:60]}'"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return "a set of fields" if isinstance(value, dict) else "a list"
    return repr(value)


def _expected(types: Any) -> str:
    types = types if isinstance(types, list) else [types]
    return " or ".join(_TYPE_WORDS.get(t, t) for t in types)


def _type_fix(error: ValidationError) -> str:
    value, expected = error.instance, error.validator_value
    if expected in ("number", "integer") and isinstance(value, str):
        digits = value.replace("_", "").replace(",", "")
        if digits.isdigit():
            return f"write the number without separators: {int(digits)}"
        return "write a plain number, such as 10000 (words and '.inf'/'.nan' are not numbers)"
    if expected == "boolean":
        return "write true or false (yes/no/on/off are not booleans here)"
    if expected == "string" or "string" in (expected if isinstance(expected, list) else []):
        return "put the value in quotes"
    return f"write {_expected(expected)}"


def _pattern_words(name: str) -> str:
    if name in ("as_of", "date", "published"):
        return "a date YYYY-MM-DD"
    if name == "source":
        return "a seed's file name without .md (YYYY-MM-DD-words)"
    if name in ("id", "metric"):
        return "lowercase words joined by hyphens (ids) or underscores (metrics)"
    return "the expected form"
