"""The story: what one tracker is about (name, topics, key figures, event kinds, incident types and
the words its pages use), read once from story.yaml into typed records.

The engine names no story: pages, schemas' choices, charts' colours and the extractor's incident
fields come from here. A broken story.yaml is reported like a broken fact file (file, line, code)
and the rest of the project still loads against what could be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from scripts.palette import colour
from scripts.paths import ProjectPaths
from scripts.problems import Problem, problem
from scripts.safefiles import read_input, read_problem
from scripts.schema import check_shape
from scripts.yamlfile import MAX_YAML_BYTES, YamlDocument, decode_text, parse_yaml


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    intro: str
    colour: str  # '#RRGGBB'
    line: int = field(default=1, compare=False)  # where story.yaml declares it

    @property
    def page(self) -> str:
        return f"{self.slug}.md"


@dataclass(frozen=True)
class Kind:
    slug: str
    colour: str
    description: str = ""


@dataclass(frozen=True)
class Place:
    name: str
    colour: str


@dataclass(frozen=True)
class IncidentFigure:
    name: str
    label: str   # a column's heading: 'Killed'
    unit: str    # what one counts: 'people'
    words: str   # what the number counts: 'people killed'


# A name in the templates of a new incident's title and summary: {killed}, {killed:person/people}.
TEMPLATE_FIELD = re.compile(r"\{(\w+)(?::([^/{}]*)/([^{}]*))?\}")
TEMPLATE_NAMES = frozenset(("Noun", "noun", "verb", "where", "toll", "outlet", "also", "figures", "place"))


@dataclass(frozen=True)
class IncidentWording:
    section: str
    chart_title: str
    chart_description: str
    more_reasons: tuple[str, ...] = ()
    less_reasons: tuple[str, ...] = ()
    toll_name: str = "figure"  # what the toll is called: 'no reported toll'
    toll_words: str = ""       # what the toll's sum counts: 'add up to at least 32 deaths'
    # What `accept` writes for a new incident (templates, see scripts/extract/incident_wording.py).
    title: str = "{Noun}{where}"
    summary: tuple[str, ...] = ("{Noun}{where}: {figures} ({outlet}).",)
    where: str = " ({place})"
    nowhere: str = ""
    also: tuple[tuple[str, str], ...] = ()  # (figure, clause written when the figure is given)


@dataclass(frozen=True)
class IncidentType:
    """Events of ``kind`` that carry figures of their own under a key of the same name: where the
    incident happened (``place_field``, one of ``places``) and hedged numbers (``figures``)."""

    kind: str
    noun: str
    plural: str
    place_field: str
    place_label: str
    places: tuple[Place, ...]
    figures: tuple[IncidentFigure, ...]
    toll: str
    wording: IncidentWording
    count: str | None = None
    verb: str = "count"
    unknown_place: str = "unknown"
    largest_count: int | None = None  # the most incidents one event has covered (the extractor's tallies)

    @property
    def figure_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.figures)

    @property
    def place_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.places)

    def figure(self, name: str) -> IncidentFigure | None:
        return next((f for f in self.figures if f.name == name), None)

    def label(self, name: str) -> str:
        """A field's heading: a figure's label, the place's label, or the name capitalised."""
        found = self.figure(name)
        if found:
            return found.label
        return self.place_label if name == self.place_field else name.capitalize()

    @property
    def pages(self) -> str:
        """The folder of the incidents' own pages: 'attacks' → attacks/<event id>/."""
        return self.plural.lower().replace(" ", "-")

    def nouns(self, count: float | None) -> str:
        return self.plural if count is not None and count != 1 else self.noun

    def unknown_template_names(self) -> list[str]:
        """The names the title and summary templates use that are neither fixed nor its figures."""
        wording = self.wording
        texts = [wording.title, wording.where, *wording.summary, *(clause for _, clause in wording.also)]
        used = {m.group(1) for text in texts for m in TEMPLATE_FIELD.finditer(text)}
        used |= {name for name, _ in wording.also}
        return sorted(used - TEMPLATE_NAMES - set(self.figure_names))


@dataclass(frozen=True)
class ExtractorWords:
    """The story's words for the extractor: more words that name people in general ('rebels'), and
    the words that make a number another side's ('20 [rival] soldiers') for metrics whose id starts
    with ``own_prefix``."""

    people: tuple[str, ...] = ()
    foreign: tuple[str, ...] = ()
    own_prefix: str | None = None


@dataclass(frozen=True)
class Opening:
    metric: str
    text: str


@dataclass(frozen=True)
class Licence:
    name: str = "CC-BY-4.0"
    title: str = "Creative Commons Attribution 4.0"
    url: str = "https://creativecommons.org/licenses/by/4.0/"
    short: str = "CC BY 4.0"


@dataclass(frozen=True)
class Story:
    name: str = "Tracker"
    description: str = ""
    publisher: str = ""
    coverage: str = ""
    licence: Licence = Licence()
    citation: str = ""
    dataset_name: str = "tracker"
    dataset_description: str = ""
    home_description: str = ""
    key_figures: tuple[str, ...] = ()
    opening: tuple[Opening, ...] = ()
    context_topic: str | None = None
    timeline_description: str = "The events, dated and sourced."
    timeline_home_item: str = "the events, dated and sourced."
    timeline_chart_description: str = "Each event on one time axis, a row per kind."
    topics: tuple[Topic, ...] = ()
    kinds: tuple[Kind, ...] = ()
    incidents: tuple[IncidentType, ...] = ()
    extractor: ExtractorWords = ExtractorWords()
    path: str = "story.yaml"
    # Where each key figure and opening metric is written, for problems: (line, col) by metric id.
    positions: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, hash=False)

    @property
    def topic_slugs(self) -> tuple[str, ...]:
        return tuple(t.slug for t in self.topics)

    @property
    def kind_slugs(self) -> tuple[str, ...]:
        return tuple(k.slug for k in self.kinds)

    def topic(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)

    def kind_colour(self, slug: str) -> str:
        return next((k.colour for k in self.kinds if k.slug == slug), colour("grey"))

    def incident(self, kind: str) -> IncidentType | None:
        """The incident type events of this kind carry, if any."""
        return next((i for i in self.incidents if i.kind == kind), None)


def _incident(raw: dict) -> IncidentType:
    place, wording = raw["place"], raw["wording"]
    return IncidentType(
        kind=raw["kind"], noun=raw["noun"], plural=raw["plural"], place_field=place["field"],
        place_label=place["label"], places=tuple(Place(v["name"], colour(v["colour"])) for v in place["values"]),
        figures=tuple(IncidentFigure(f["name"], f["label"], f["unit"], f["words"]) for f in raw["figures"]),
        toll=raw["toll"], count=raw.get("count"), verb=raw.get("verb", "count"),
        unknown_place=place.get("unknown", "unknown"), largest_count=raw.get("largest_count"),
        wording=IncidentWording(wording["section"], wording["chart_title"], wording["chart_description"],
                                tuple(wording.get("more_reasons", ())), tuple(wording.get("less_reasons", ())),
                                wording.get("toll_name", "figure"), wording.get("toll_words", ""),
                                **_new_incident_wording(wording)))


def _new_incident_wording(wording: dict) -> dict:
    """The templates of a new incident's title and summary that story.yaml gives (the rest default)."""
    found = {k: wording[k] for k in ("title", "where", "nowhere") if k in wording}
    if "summary" in wording:
        found["summary"] = tuple(wording["summary"])
    if "also" in wording:
        found["also"] = tuple(wording["also"].items())
    return found


def story_from_document(doc: YamlDocument) -> Story:
    """The record from a document whose shape was checked."""
    data: dict[str, Any] = doc.data
    home, timeline, dataset = data.get("home", {}), data.get("timeline", {}), data.get("dataset", {})
    extractor = data.get("extractor", {})
    positions = {m: (doc.line_of(("home", "key_figures", i)), doc.col_of(("home", "key_figures", i)))
                 for i, m in enumerate(home.get("key_figures", ()))}
    positions |= {o["metric"]: (doc.line_of(("home", "opening", i)), doc.col_of(("home", "opening", i)))
                  for i, o in enumerate(home.get("opening", ())) if o["metric"] not in positions}
    if "context_topic" in home:
        positions[f"topic:{home['context_topic']}"] = (doc.line_of(("home", "context_topic")), 1)
    defaults = Story()
    return Story(
        name=data["name"], description=" ".join(data["description"].split()), publisher=data.get("publisher", ""),
        coverage=data.get("coverage", ""), licence=Licence(**data["licence"]), citation=data["citation"],
        dataset_name=dataset.get("name", "tracker"),
        dataset_description=" ".join(dataset.get("description", data["description"]).split()),
        home_description=" ".join(home.get("description", data["description"]).split()),
        key_figures=tuple(home.get("key_figures", ())),
        opening=tuple(Opening(o["metric"], o["text"]) for o in home.get("opening", ())),
        context_topic=home.get("context_topic"),
        timeline_description=timeline.get("description", defaults.timeline_description),
        timeline_home_item=timeline.get("home_item", defaults.timeline_home_item),
        timeline_chart_description=timeline.get("chart_description", defaults.timeline_chart_description),
        topics=tuple(Topic(t["slug"], t["title"], t["intro"], colour(t["colour"]),
                           doc.line_of(("topics", i))) for i, t in enumerate(data["topics"])),
        kinds=tuple(Kind(k["slug"], colour(k["colour"]), k.get("description", "")) for k in data["kinds"]),
        incidents=tuple(_incident(i) for i in data.get("incidents", ())),
        extractor=ExtractorWords(tuple(extractor.get("people", ())), tuple(extractor.get("foreign", ())),
                                 extractor.get("own_prefix")),
        path=doc.path, positions=positions)


def check_story(story: Story, doc: YamlDocument) -> list[Problem]:
    """What the schema cannot say: slugs declared once, incident types that name their own figures
    and an event kind that exists."""
    problems = []
    for key, slugs in (("topics", story.topic_slugs), ("kinds", story.kind_slugs)):
        seen: set[str] = set()
        for i, slug in enumerate(slugs):
            if slug in seen:
                problems.append(problem("duplicate-id", doc.path, doc.line_of((key, i)),
                                        f"{key[:-1]} '{slug}' is declared twice"))
            seen.add(slug)
    for i, incident in enumerate(story.incidents):
        line = doc.line_of(("incidents", i))
        if incident.kind not in story.kind_slugs:
            problems.append(problem("unknown-kind", doc.path, line, f"incident type '{incident.kind}' is not one "
                                    "of the story's `kinds`", "add it to `kinds:`, or use a declared kind"))
        for role in ("toll", "count"):
            name = getattr(incident, role)
            if name is not None and name not in incident.figure_names:
                problems.append(problem("unknown-figure", doc.path, doc.line_of(("incidents", i, role)),
                                        f"`{role}: {name}` of incident type '{incident.kind}' is not one of its "
                                        f"figures ({', '.join(incident.figure_names)})"))
        for name in incident.unknown_template_names():
            problems.append(problem("unknown-figure", doc.path, doc.line_of(("incidents", i, "wording")),
                                    f"the wording of incident type '{incident.kind}' names `{name}`, which is not "
                                    f"one of its figures ({', '.join(incident.figure_names)})"))
        if incident.unknown_place not in incident.place_names:
            problems.append(problem("unknown-place", doc.path, doc.line_of(("incidents", i, "place")),
                                    f"the place '{incident.unknown_place}' meaning 'not known' is not one of the "
                                    "place's `values`"))
    return problems


def load_story(paths: ProjectPaths) -> tuple[Story, list[Problem]]:
    """The story of a project, and every problem met reading it; a story that cannot be read is
    replaced by an empty one (every topic and kind then reports as undeclared)."""
    shown = paths.relative(paths.story_file)
    try:
        raw = read_input(paths.story_file, MAX_YAML_BYTES)
    except OSError as err:
        if not paths.story_file.exists():
            return Story(path=shown), [problem("missing-story", shown, 1, f"{shown} is missing")]
        return Story(path=shown), [read_problem(err, shown)]
    text, problems = decode_text(raw, shown)
    if text is None:
        return Story(path=shown), problems
    doc, problems = parse_yaml(text, shown)
    if doc is None:
        return Story(path=shown), problems
    shape, failed = check_shape(doc, paths.schemas, "story.schema.json")
    if failed or shape:
        return Story(path=shown), shape
    story = story_from_document(doc)
    return story, check_story(story, doc)
