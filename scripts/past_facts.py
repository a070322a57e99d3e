"""The facts as a past commit wrote them, read leniently from git: only what a reader's change log
needs, and an entry that cannot be read is skipped (the validator judged it when it was written).

All the files of one commit are read through one `git cat-file --batch`, and a file that did not
change between two commits is parsed once."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date

from scripts.paths import ProjectPaths
from scripts.records import QUALIFIERS, Quantity
from scripts.yamlfile import decode_text, parse_yaml

NOT_FACTS = ("metrics.yaml", "rejected.yaml")


@dataclass(frozen=True)
class PastFigure:
    id: str
    metric: str
    source: str
    quantity: Quantity
    as_of: date | None
    as_of_precision: str
    scope: str | None
    status: str
    corrected: int  # how many corrections the entry records

    @property
    def reading(self) -> tuple:
        """What a reader sees of the figure: a change here is a change to report."""
        return (self.metric, self.quantity, self.as_of, self.as_of_precision, self.scope)


@dataclass(frozen=True)
class PastEvent:
    id: str
    kind: str
    title: str
    date: date | None
    date_precision: str
    place: str | None  # an incident's place (the story names its field), else None
    figures: tuple[tuple[str, Quantity], ...]  # an incident's figures, by the story's names
    source: str
    status: str
    corrected: int

    @property
    def reading(self) -> tuple:
        return (self.date, self.date_precision, self.place, self.figures)

    def figure(self, name: str | None) -> Quantity | None:
        return next((q for n, q in self.figures if n == name), None)


@dataclass(frozen=True)
class PastState:
    figures: dict[str, PastFigure] = field(default_factory=dict)
    events: dict[str, PastEvent] = field(default_factory=dict)


def _git(paths: ProjectPaths, args: list[str], given: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=paths.root, input=given, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def fact_blobs(paths: ProjectPaths, ref: str) -> dict[str, str]:
    """{file name: blob id} of the fact files at ``ref``; empty when git cannot show it."""
    listing = _git(paths, ["ls-tree", "-z", ref, "facts/"])
    found = {}
    for entry in (listing or b"").decode("utf-8", "replace").split("\0"):
        meta, _, path = entry.partition("\t")
        name = path.rpartition("/")[2]
        _mode, kind, blob = (meta.split(" ") + ["", "", ""])[:3]
        if kind == "blob" and name.endswith(".yaml") and name not in NOT_FACTS:
            found[name] = blob
    return found


def blob_texts(paths: ProjectPaths, blobs: list[str]) -> dict[str, bytes]:
    """The contents of many blobs, through one git process."""
    out = _git(paths, ["cat-file", "--batch"], "".join(f"{b}\n" for b in blobs).encode()) if blobs else b""
    texts, at = {}, 0
    while out and at < len(out):
        header_end = out.index(b"\n", at)
        blob, kind, size = (out[at:header_end].decode().split(" ") + ["", ""])[:3]
        start = header_end + 1
        if kind == "blob":
            texts[blob] = out[start:start + int(size)]
            at = start + int(size) + 1
        else:
            at = start
    return texts


def _quantity(raw) -> Quantity | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("value"), (int, float)):
        return None
    qualifier = raw.get("qualifier", "exact")
    high = raw.get("high")
    return Quantity(raw["value"], qualifier if qualifier in QUALIFIERS else "exact",
                    high if isinstance(high, (int, float)) else None)


def _day(raw) -> date | None:
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        return None


def _figure(entry: dict) -> PastFigure | None:
    quantity = _quantity(entry)
    if quantity is None:
        return None
    return PastFigure(str(entry["id"]), str(entry["metric"]), str(entry.get("source", "")), quantity,
                      _day(entry.get("as_of")), str(entry.get("as_of_precision", "day")), entry.get("scope") or None,
                      str(entry.get("status", "draft")), len(entry.get("corrections") or ()))


def _event(entry: dict) -> PastEvent | None:
    kind = entry.get("kind")
    block = entry.get(kind) if isinstance(kind, str) and isinstance(entry.get(kind), dict) else {}
    place = next((v for k, v in block.items() if isinstance(v, str) and k != "derived"), None)
    figures = tuple((k, q) for k, v in block.items() if isinstance(v, dict) and (q := _quantity(v)) is not None)
    sources = entry.get("sources") if isinstance(entry.get("sources"), list) else []
    first = sources[0].get("source", "") if sources and isinstance(sources[0], dict) else ""
    return PastEvent(str(entry["id"]), str(entry.get("kind", "")), str(entry.get("title", "")),
                     _day(entry.get("date")), str(entry.get("date_precision", "day")), place, figures,
                     str(first), str(entry.get("status", "draft")),
                     len(entry.get("corrections") or ()))


def parse_blob(name: str, raw: bytes) -> tuple[tuple[str, PastFigure | PastEvent], ...]:
    """The records of one fact file's text: figures, or events for events*.yaml."""
    text, _ = decode_text(raw, f"facts/{name}")
    doc, _ = parse_yaml(text or "", f"facts/{name}")
    key, build = ("events", _event) if name.startswith("events") else ("observations", _figure)
    entries = doc.data.get(key) if doc and isinstance(doc.data, dict) else None
    records = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            record = build(entry)
        except (KeyError, TypeError, AttributeError):
            continue
        if record is not None:
            records.append((key, record))
    return tuple(records)


Parsed = dict[tuple[str, str], tuple[tuple[str, PastFigure | PastEvent], ...]]


def read_state(paths: ProjectPaths, ref: str, parsed: Parsed | None = None) -> PastState:
    """The figures and events of facts/ at ``ref``; an empty state when git cannot show it.
    ``parsed`` keeps the records of each (file, blob) between calls: most files do not change."""
    parsed = {} if parsed is None else parsed
    blobs = fact_blobs(paths, ref)
    texts = blob_texts(paths, sorted({b for n, b in blobs.items() if (n, b) not in parsed}))
    state = PastState()
    for name, blob in sorted(blobs.items()):
        if (name, blob) not in parsed:
            parsed[name, blob] = parse_blob(name, texts.get(blob, b""))
        for key, record in parsed[name, blob]:
            (state.events if key == "events" else state.figures)[record.id] = record
    return state
