"""Load stage: seeds/ and facts/ → typed records, collecting every problem on the way.

Loading never stops at the first problem: a broken entry is reported and skipped, and the rest
of its file and every other file are still read, so an editor sees all problems in one run.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import frontmatter

from scripts.paths import ProjectPaths
from scripts.problems import Problem, problem
from scripts.records import (Annotation, Citation, Correction, Dataset, Event, EventCorrection, EventSum, Incident, Metric,
                             Observation, Origin, Quantity, Reading, Seed)
from scripts.safefiles import read_input, read_problem
from scripts.incident_fields import CITATION_FIELDS, CORRECTED_FIELDS, block_problems, incident_block_problems
from scripts.schema import Schemas, check_shape
from scripts.story import IncidentType, Story, load_story
from scripts.yamlfile import MAX_YAML_BYTES, YamlDocument, decode_text, parse_yaml

MAX_SEED_BYTES = 1024 * 1024
SEED_NAME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n")
# The story's dates lie well inside these years; a date outside is a typo (0001-01-01), and
# dates near year 1 or 9999 break date arithmetic in charts.
PLAUSIBLE_YEARS = range(1900, 2101)
_HOST_LABEL = re.compile(r"(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?")


@dataclass
class _Collector:
    """Problems of one loading run, and the date parser that feeds it."""

    problems: list[Problem]
    schemas: Schemas
    story: Story = Story()

    def date(self, value: str, doc_path: str, line: int, name: str) -> date | None:
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            self.problems.append(problem("invalid-date", doc_path, line, f"`{name}` {value!r} is not a real date"))
            return None
        if day.year not in PLAUSIBLE_YEARS:
            self.problems.append(problem("implausible-date", doc_path, line, f"`{name}` {value} is outside the years "
                                         f"{PLAUSIBLE_YEARS.start}–{PLAUSIBLE_YEARS.stop - 1}"))
            return None
        return day


def read_yaml_file(path: Path, paths: ProjectPaths) -> tuple[YamlDocument | None, list[Problem]]:
    shown = paths.relative(path)
    try:
        raw = read_input(path, MAX_YAML_BYTES)
    except OSError as err:
        return None, [read_problem(err, shown)]
    text, problems = decode_text(raw, shown)
    if text is None:
        return None, problems
    return parse_yaml(text, shown)


def _entries(doc: YamlDocument, key: str, schemas: Schemas, schema: str,
             collector: _Collector) -> list[tuple[int, dict[str, Any]]]:
    """Shape-check a document and return the entries that passed, with their index."""
    problems, failed = check_shape(doc, schemas, schema)
    collector.problems.extend(problems)
    if () in failed or not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
        return []
    return [(i, e) for i, e in enumerate(doc.data[key]) if (key, i) not in failed and isinstance(e, dict)]


def _annotation(entry: str | dict) -> Annotation:
    """`annotate: [event-id, {event: event-id, label: short words}]`."""
    return Annotation(entry) if isinstance(entry, str) else Annotation(entry["event"], entry.get("label"))


def load_metrics(paths: ProjectPaths, collector: _Collector) -> dict[str, Metric]:
    doc, problems = read_yaml_file(paths.metrics_file, paths)
    collector.problems.extend(problems)
    if doc is None:
        return {}
    metrics: dict[str, Metric] = {}
    for i, entry in _entries(doc, "metrics", collector.schemas, "metrics.schema.json", collector):
        line = doc.line_of(("metrics", i))
        if entry["id"] in metrics:
            collector.problems.append(problem("duplicate-id", doc.path, line, f"metric '{entry['id']}' is defined twice"))
            continue
        topics = collector.story.topic_slugs
        if entry["topic"] not in topics:
            at = ("metrics", i, "topic")
            guess = difflib.get_close_matches(entry["topic"], topics, n=1, cutoff=0.5)
            collector.problems.append(problem(
                "unknown-topic", doc.path, doc.line_of(at), f"metric '{entry['id']}' has the topic '{entry['topic']}', "
                f"which is not one of the topics in {collector.story.path}", f"did you mean `{guess[0]}`?" if guess
                else f"use one of: {', '.join(topics)}, or add it to `topics:`", col=doc.col_of(at)))
            continue
        metrics[entry["id"]] = Metric(
            id=entry["id"], label=entry["label"], unit=entry["unit"], kind=entry["kind"], topic=entry["topic"],
            description=entry["description"], cues=tuple(entry["cues"]), origin=_origin(doc, ("metrics", i)),
            plausible_max=entry.get("plausible_max"), nouns=tuple(entry.get("nouns", ())),
            sums=EventSum(**entry["sums"]) if "sums" in entry else None,
            annotate=tuple(_annotation(a) for a in entry.get("annotate", ())))
    return metrics


def load_seed(path: Path, paths: ProjectPaths, collector: _Collector) -> Seed | None:
    shown = paths.relative(path)
    try:
        raw = read_input(path, MAX_SEED_BYTES)
    except OSError as err:
        collector.problems.append(read_problem(err, shown))
        return None
    text, problems = decode_text(raw, shown, MAX_SEED_BYTES)
    collector.problems.extend(problems)
    if text is None:
        return None
    stem = path.stem
    if not SEED_NAME.fullmatch(stem):
        collector.problems.append(problem("seed-bad-name", shown, 1, f"'{path.name}' is not YYYY-MM-DD-slug.md"))
        return None
    if not _FRONT_MATTER.match(text):
        collector.problems.append(problem("seed-missing-front-matter", shown, 1, "the file does not start with `---`"))
        return None
    try:
        head, body = frontmatter.YAMLHandler().split(text)
    except ValueError:
        collector.problems.append(problem("seed-missing-front-matter", shown, 1,
                                          "the front matter is not closed by a second `---` line"))
        return None
    # Lines of the front matter are reported as lines of the file.
    offset = text[: text.find(head, 3)].count("\n") if head else 1
    doc, problems = parse_yaml(head, shown, line_offset=offset)
    collector.problems.extend(problems)
    if doc is None:
        return None
    shape, failed = check_shape(doc, collector.schemas, "seed.schema.json")
    collector.problems.extend(shape)
    if failed:
        return None
    meta = doc.data
    published = collector.date(meta["published"], shown, doc.line_of(("published",)), "published")
    if published is None:
        return None
    if stem[:10] != meta["published"]:
        collector.problems.append(problem(
            "seed-date-mismatch", shown, doc.line_of(("published",)),
            f"the file name starts with {stem[:10]} but `published` is {meta['published']}"))
    url = meta.get("url")
    if url is not None and not is_web_address(url):
        collector.problems.append(problem("unsafe-url", shown, doc.line_of(("url",)),
                                          f"`url` {url[:80]!r} is not a well-formed http(s) address with a host"))
        url = None
    body_line = text[: text.find("\n---", 3) + 1].count("\n") + 2  # the line after the closing ---
    body = body.lstrip("\r\n")
    if not body.strip():
        collector.problems.append(problem("seed-empty-body", shown, body_line,
                                          "there is no article text after the front matter"))
        return None
    return Seed(id=stem, title=meta["title"], title_origin=meta.get("title_origin", "headline"),
                outlet=meta["outlet"], url=url, published=published,
                published_precision=meta["published_precision"], notes=meta.get("notes"),
                excerpt=bool(meta.get("excerpt", False)), origin_file=meta.get("origin"), body=body,
                origin=Origin(shown, 1))


def is_web_address(url: str) -> bool:
    """http(s), a host of proper labels (``example[].org`` and ``https:///x`` are not), a valid port."""
    try:
        parts = urlsplit(url)
        parts.port  # raises on a port that is not a number
    except ValueError:
        return False
    host = parts.hostname or ""
    labels = host.rstrip(".").split(".")
    return (parts.scheme in ("http", "https") and "@" not in parts.netloc and len(labels) >= 2
            and all(_HOST_LABEL.fullmatch(label) for label in labels))


def load_seeds(paths: ProjectPaths, collector: _Collector) -> dict[str, Seed]:
    seeds = {}
    for path in sorted(paths.seeds.glob("*.md")):
        seed = load_seed(path, paths, collector)
        if seed is not None:
            seeds[seed.id] = seed
    return seeds


def _origin(doc: YamlDocument, key: tuple) -> Origin:
    return Origin(doc.path, doc.line_of(key), doc.col_of(key), doc.field_positions(key))


def _quantity(raw: dict) -> Quantity:
    return Quantity(value=raw["value"], qualifier=raw.get("qualifier", "exact"), high=raw.get("high"))


def _figures(raw: dict, incident: IncidentType) -> tuple[tuple[str, Quantity], ...]:
    return tuple((name, _quantity(raw[name])) for name in incident.figure_names if isinstance(raw.get(name), dict))


def _observation(entry: dict, doc: YamlDocument, i: int, collector: _Collector) -> Observation | None:
    key = ("observations", i)
    as_of = collector.date(entry["as_of"], doc.path, doc.line_of(key + ("as_of",)), "as_of")
    corrections = []
    for j, raw in enumerate(entry.get("corrections", [])):
        when = collector.date(raw["date"], doc.path, doc.line_of(key + ("corrections", j, "date")), "date")
        if when is None:
            return None
        corrections.append(Correction(when, raw["old_value"], raw["reason"], raw.get("old_qualifier"),
                                      raw.get("old_high")))
    if as_of is None:
        return None
    return Observation(
        id=entry["id"], metric=entry["metric"], quantity=_quantity(entry),
        as_of=as_of, as_of_precision=entry["as_of_precision"], scope=entry.get("scope") or None,
        source=entry["source"], quote=entry["quote"], attribution=entry.get("attribution"),
        status=entry["status"], note=entry.get("note"), origin=_origin(doc, key),
        corrections=tuple(corrections), derived=entry.get("derived"))


def _event(entry: dict, doc: YamlDocument, i: int, collector: _Collector) -> Event | None:
    key = ("events", i)
    story = collector.story
    if entry["kind"] not in story.kind_slugs:
        guess = difflib.get_close_matches(entry["kind"], story.kind_slugs, n=1, cutoff=0.5)
        collector.problems.append(problem(
            "unknown-kind", doc.path, doc.line_of(key + ("kind",)), f"event '{entry['id']}' has the kind "
            f"'{entry['kind']}', which is not one of the kinds in {story.path}",
            f"did you mean `{guess[0]}`?" if guess else f"use one of: {', '.join(story.kind_slugs)}, or add it "
            "to `kinds:`", col=doc.col_of(key + ("kind",))))
        return None
    incident_type = story.incident(entry["kind"])
    if not incident_block_problems(entry, doc, key, incident_type, collector.problems):
        return None
    when = collector.date(entry["date"], doc.path, doc.line_of(key + ("date",)), "date")
    if when is None:
        return None
    incident = None
    if incident_type is not None and incident_type.kind in entry:
        raw = entry[incident_type.kind]
        incident = Incident(type=incident_type, place=raw[incident_type.place_field],
                            figure_values=_figures(raw, incident_type), origin=_origin(doc, key + (incident_type.kind,)),
                            derived=raw.get("derived"))
    sources = []
    for j, raw in enumerate(entry["sources"]):
        line = doc.line_of(key + ("sources", j))
        extra = {k: v for k, v in raw.items() if k not in CITATION_FIELDS}
        if extra and (incident_type is None or not block_problems(extra, entry["id"], doc, key + ("sources", j),
                                                                   incident_type, collector.problems, needs_place=False,
                                                                   allowed=frozenset())):
            if incident_type is None:
                name = next(iter(extra))
                collector.problems.append(problem("unknown-field", doc.path, doc.line_of(key + ("sources", j, name)),
                                                  f"a source of event '{entry['id']}' has a field `{name}`: only an "
                                                  "incident's sources give readings of their own"))
            return None
        reading = _reading(raw, incident_type, doc.path, line, collector)
        if reading is False:
            return None
        sources.append(Citation(raw["source"], raw["quote"], line, reading or None))
    corrections = []
    corrected = (*CORRECTED_FIELDS, *((incident_type.place_field, *incident_type.figure_names) if incident_type else ()))
    for j, raw in enumerate(entry.get("corrections", [])):
        if raw["field"] not in corrected:
            collector.problems.append(problem("invalid-value", doc.path, doc.line_of(key + ("corrections", j, "field")),
                                              f"a correction of event '{entry['id']}' names the field '{raw['field']}'",
                                              f"use one of: {', '.join(corrected)}"))
            return None
        on = collector.date(raw["date"], doc.path, doc.line_of(key + ("corrections", j, "date")), "date")
        if on is None:
            return None
        corrections.append(EventCorrection(on, raw["field"], raw["old_value"], raw["reason"],
                                           raw.get("old_qualifier"), raw.get("old_high"), raw.get("source")))
    return Event(id=entry["id"], date=when, date_precision=entry["date_precision"], kind=entry["kind"],
                 title=entry["title"], summary=entry["summary"], sources=tuple(sources), status=entry["status"],
                 origin=_origin(doc, key), incident=incident, note=entry.get("note"), corrections=tuple(corrections))


def _reading(raw: dict, incident: IncidentType | None, path: str, line: int,
             collector: _Collector) -> Reading | None | bool:
    """A citation's own reading of an incident; None when it gives none, False when its date is bad."""
    fields = ("date", "date_precision", "note", *((incident.place_field, *incident.figure_names) if incident else ()))
    if incident is None or not any(name in raw for name in fields):
        return None
    day = None
    if "date" in raw:
        day = collector.date(raw["date"], path, line, "date")
        if day is None:
            return False
    return Reading(date=day, date_precision=raw.get("date_precision"), place=raw.get(incident.place_field),
                   note=raw.get("note"), figure_values=_figures(raw, incident))


_KINDS: dict[str, tuple[str, str, Callable]] = {
    "events": ("events", "events.schema.json", _event),
    "observations": ("observations", "observations.schema.json", _observation),
}


def fact_file_kind(path: Path) -> str:
    """events*.yaml hold events; every other fact file but metrics.yaml holds observations."""
    return "events" if path.name.startswith("events") else "observations"


def load_fact_files(paths: ProjectPaths, collector: _Collector) -> tuple[list[Observation], list[Event], list[str]]:
    observations: list[Observation] = []
    events: list[Event] = []
    files = []
    for path in sorted(paths.facts.glob("*.yaml")):
        if path in (paths.metrics_file, paths.rejected_file):  # not facts: read by scripts/extract/
            continue
        doc, problems = read_yaml_file(path, paths)
        collector.problems.extend(problems)
        files.append(paths.relative(path))
        if doc is None:
            continue
        key, schema, build = _KINDS[fact_file_kind(path)]
        target = events if key == "events" else observations
        for i, entry in _entries(doc, key, collector.schemas, schema, collector):
            record = build(entry, doc, i, collector)
            if record is not None:
                target.append(record)
    return observations, events, files


def load_dataset(paths: ProjectPaths) -> tuple[Dataset, list[Problem]]:
    """Everything that loads, and every problem met while loading. Never raises on bad input."""
    story, problems = load_story(paths)
    collector = _Collector(problems, Schemas.read(paths.schemas), story)
    metrics = load_metrics(paths, collector)
    seeds = load_seeds(paths, collector)
    observations, events, files = load_fact_files(paths, collector)
    dataset = Dataset(metrics=metrics, seeds=seeds, observations=tuple(observations), events=tuple(events),
                      fact_files=tuple(files), story=story)
    return dataset, collector.problems
