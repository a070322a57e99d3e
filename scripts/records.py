"""The nouns of the tracker as typed, frozen records. Built once, at loading; nothing after
loading reads raw YAML dicts."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import Iterable, Literal, Mapping, TypeVar

from scripts.story import IncidentType, Story

T = TypeVar("T")
Qualifier = Literal["exact", "about", "at_least", "more_than", "up_to", "less_than", "range"]
QUALIFIERS: tuple[str, ...] = ("exact", "about", "at_least", "more_than", "up_to", "less_than", "range")
LOWER_BOUNDS = ("at_least", "more_than")
UPPER_BOUNDS = ("up_to", "less_than")
PRECISIONS = ("day", "month", "approx")
STATUSES = ("verified", "draft", "disputed", "retracted")

UNNAMED_OUTLET = "an outlet the stored text does not name"


@dataclass(frozen=True)
class Origin:
    """Where a record was written: what an editor needs to find it, down to each field."""

    path: str
    line: int
    col: int = 1
    # Where each field stands: (line, column) by field name, shared with the loaded document.
    fields: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False, hash=False)

    def at(self, name: str) -> tuple[int, int]:
        """(line, column) of a field of the record, or of the record itself."""
        return self.fields.get(name, (self.line, self.col))


@dataclass(frozen=True)
class Quantity:
    """A hedged number: 'at least 14' is Quantity(14, 'at_least'); '30 to 50 million' is
    Quantity(30_000_000, 'range', high=50_000_000): a range keeps its low end in ``value``."""

    value: float
    qualifier: Qualifier = "exact"
    high: float | None = None

    @property
    def lower(self) -> float:
        """The smallest value the phrase allows (``about`` allows 5% either way)."""
        if self.qualifier in UPPER_BOUNDS:
            return 0.0
        return self.value * 0.95 if self.qualifier == "about" else self.value

    @property
    def upper(self) -> float:
        if self.qualifier in LOWER_BOUNDS:
            return math.inf
        if self.qualifier == "range" and self.high is not None:
            return self.high
        return self.value * 1.05 if self.qualifier == "about" else self.value


@dataclass(frozen=True)
class EventSum:
    """A running total that recorded events add up to: each ``kind`` event adds its ``figure``;
    one that does not give the figure still adds ``unreported`` (a strike is at least 1 strike)."""

    kind: str
    figure: str
    unreported: float = 0


@dataclass(frozen=True)
class Annotation:
    """An event drawn on a metric's chart as a dotted line, with a short label (the event's title
    cut short when the editor gives none)."""

    event: str
    label: str | None = None


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    unit: str
    kind: Literal["level", "cumulative"]
    topic: str
    description: str
    cues: tuple[str, ...]
    origin: Origin
    plausible_max: float | None = None
    nouns: tuple[str, ...] = ()
    sums: EventSum | None = None
    annotate: tuple[Annotation, ...] = ()

    @property
    def counted(self) -> bool:
        """Whole things (people, ships, dollars): a fraction there is a typo. A rate ('barrels/day') is not."""
        return "/" not in self.unit

    @property
    def counts_events(self) -> bool:
        """A running total of happenings (strikes, flights, seizures), where an ordinal states the
        count: "the 20th strike" is 20 strikes. Not of people: "the third survivor" is one."""
        return self.kind == "cumulative" and self.counted and self.unit != "people"


@dataclass(frozen=True)
class Seed:
    """One article. The file stem is its id; ``body`` is the article text, verbatim."""

    id: str
    title: str
    title_origin: str
    outlet: str
    url: str | None
    published: date
    published_precision: Literal["stated", "inferred"]
    notes: str | None
    excerpt: bool
    origin_file: str | None
    body: str
    origin: Origin

    @property
    def outlet_shown(self) -> str:
        """The outlet as readers see it: one wording wherever the stored text names none."""
        return UNNAMED_OUTLET if self.outlet.strip().lower() in ("unknown", "", UNNAMED_OUTLET) else self.outlet


@dataclass(frozen=True)
class Correction:
    date: date
    old_value: float
    reason: str
    old_qualifier: str | None = None
    old_high: float | None = None


@dataclass(frozen=True)
class Observation:
    """One number from one source, as the source hedges it."""

    id: str
    metric: str
    quantity: Quantity
    as_of: date
    as_of_precision: str
    scope: str | None
    source: str
    quote: str
    attribution: str | None
    status: str
    note: str | None
    origin: Origin
    corrections: tuple[Correction, ...] = ()
    # How an editor derived a figure the quote does not state (a sum, a difference, another
    # sentence); empty when the quote states the number.
    derived: str | None = None

    @property
    def value(self) -> float:
        return self.quantity.value

    @property
    def qualifier(self) -> str:
        return self.quantity.qualifier

    @property
    def whole_region(self) -> bool:
        return not self.scope


Figures = tuple[tuple[str, Quantity], ...]  # (figure name, its quantity), in the story's order


@dataclass(frozen=True)
class Reading:
    """What one source says of an incident where it differs from the event's own figures: another
    date, place or figure. Kept and shown beside the others, never merged."""

    date: date | None = None
    date_precision: str | None = None
    place: str | None = None
    figure_values: Figures = ()
    note: str | None = None

    def figures(self) -> dict[str, Quantity]:
        return dict(self.figure_values)


@dataclass(frozen=True)
class Citation:
    source: str
    quote: str
    line: int
    reading: Reading | None = None


@dataclass(frozen=True)
class Incident:
    """What the articles say of one incident (or of one announced operation of one day): where it
    happened and its figures (the story's incident type names them), each with its hedge."""

    type: IncidentType  # the story's declaration: its figures' names and labels, its toll, its place field
    place: str
    figure_values: Figures = ()
    origin: Origin | None = field(default=None, compare=False, hash=False)
    # How an editor read figures the quotes do not state (a translation, a sum): shown with them.
    derived: str | None = None

    def figures(self) -> dict[str, Quantity]:
        return dict(self.figure_values)

    def figure(self, name: str | None) -> Quantity | None:
        return next((q for n, q in self.figure_values if n == name), None)

    @property
    def place_field(self) -> str:
        return self.type.place_field

    @property
    def toll(self) -> Quantity | None:
        """The figure charted per incident (the story's `toll`)."""
        return self.figure(self.type.toll)

    @property
    def count(self) -> Quantity | None:
        """How many incidents the event covers, when it says (the story's `count`)."""
        return self.figure(self.type.count)

    @property
    def several(self) -> bool:
        return self.count is not None and self.count.value > 1

    @property
    def place_known(self) -> bool:
        return self.place != self.type.unknown_place

    @property
    def page(self) -> str:
        """The folder of this type's pages: its plural ('attacks': each incident at attacks/<event id>/)."""
        return self.type.pages


@dataclass(frozen=True)
class EventCorrection:
    """A figure of an event that changed after it was published (a toll revised by a later count)."""

    date: date
    field: str
    old_value: float | str
    reason: str
    old_qualifier: str | None = None
    old_high: float | None = None
    source: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    date: date
    date_precision: str
    kind: str
    title: str
    summary: str
    sources: tuple[Citation, ...]
    status: str
    origin: Origin
    incident: Incident | None = None
    note: str | None = None
    corrections: tuple[EventCorrection, ...] = ()

    @property
    def readings(self) -> list[tuple[Citation, Reading]]:
        """The sources that read this incident differently, with their readings."""
        return [(c, c.reading) for c in self.sources if c.reading is not None]


@dataclass(frozen=True)
class Dataset:
    """Everything the site is made of, after loading."""

    metrics: dict[str, Metric]
    seeds: dict[str, Seed]
    observations: tuple[Observation, ...]
    events: tuple[Event, ...]
    fact_files: tuple[str, ...] = field(default=())
    story: Story = field(default_factory=Story)

    @cached_property
    def _by_metric(self) -> dict[str, list[Observation]]:
        """Observations per metric, oldest first (ties keep file order): pages ask once per metric,
        and scanning every observation each time would grow with the square of the data."""
        ordered = sorted(self.observations, key=lambda o: o.as_of)
        return _grouped((o, (o.metric,)) for o in ordered)

    @cached_property
    def _by_source(self) -> dict[str, list[Observation]]:
        return _grouped((o, (o.source,)) for o in self.observations)

    @cached_property
    def _events_by_source(self) -> dict[str, list[Event]]:
        return _grouped((e, dict.fromkeys(c.source for c in e.sources)) for e in self.events)

    def observations_of(self, metric_id: str, statuses: tuple[str, ...] = ("verified",)) -> list[Observation]:
        """A metric's observations, oldest first; ties keep file order."""
        return [o for o in self._by_metric.get(metric_id, ()) if o.status in statuses]

    def observations_from(self, seed_id: str, statuses: tuple[str, ...] = ("verified",)) -> list[Observation]:
        """The observations taken from one article, in file order."""
        return [o for o in self._by_source.get(seed_id, ()) if o.status in statuses]

    def events_citing(self, seed_id: str) -> list[Event]:
        return list(self._events_by_source.get(seed_id, ()))

    def published(self, statuses: tuple[str, ...] = ("verified",)) -> list[Observation]:
        return [o for o in self.observations if o.status in statuses]

    def metrics_of(self, topic: str) -> list[Metric]:
        return [m for m in self.metrics.values() if m.topic == topic]


def _grouped(items: Iterable[tuple[T, Iterable[str]]]) -> dict[str, list[T]]:
    """{key: items under it, in order} from (item, its keys) pairs."""
    index: dict[str, list[T]] = defaultdict(list)
    for item, keys in items:
        for key in keys:
            index[key].append(item)
    return dict(index)
