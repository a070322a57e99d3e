"""Incidents in the review queue: the `incidents:` list of a drafts file, beside its `candidates:`.
Their fields are those of the story's incident type (story.yaml `incidents:`): its place field and
its figures.

An editor may correct an incident's date, place and its figures other than the toll in the drafts
file; the id, the toll and the sentence come from the article: the id is re-derived from the
sentence and where its toll stands, so no id can be lent to a forged toll.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from scripts.extract.incidents import incident_id
from scripts.extract.numbers import find_numbers
from scripts.quotes import quote_in_text
from scripts.problems import Problem, problem
from scripts.records import Quantity
from scripts.story import IncidentType, Story

def quantity_of(raw: dict | None) -> Quantity | None:
    if not isinstance(raw, dict) or "value" not in raw:
        return None
    return Quantity(raw["value"], raw.get("qualifier") or "exact", raw.get("high"))


def quantity_entry(quantity: Quantity | None, keep_exact: bool = True) -> dict | None:
    """A figure as the fact files write it (``keep_exact``: say `qualifier: exact`)."""
    if quantity is None:
        return None
    entry: dict = {"value": int(quantity.value) if float(quantity.value).is_integer() else quantity.value}
    if keep_exact or quantity.qualifier != "exact":
        entry["qualifier"] = quantity.qualifier
    if quantity.high is not None:
        entry["high"] = int(quantity.high) if float(quantity.high).is_integer() else quantity.high
    return entry


@dataclass(frozen=True)
class IncidentDraft:
    """One incident of a drafts file: the extractor's proposal with the editor's corrections. Its
    fields are the story's incident type's (``type``): the place under its field name, each figure
    under its own; the toll (``type.toll``) comes from the article."""

    id: str
    source: str
    type: IncidentType
    quote: str
    figures: dict[str, Quantity] = field(hash=False)
    place: str | None = None
    date: str | None = None
    date_precision: str | None = None
    start: int = 0
    end: int = 0
    confidence: float = 0.0
    reason: str | None = None
    path: str = ""
    line: int = 1

    @property
    def kind(self) -> str:
        return self.type.kind

    @property
    def toll(self) -> Quantity:
        return self.figures[self.type.toll]

    @classmethod
    def of(cls, found: dict, story: Story, path: str = "", line: int = 1) -> IncidentDraft | None:
        """From an `incidents_of` result or a drafts entry; None without an incident type or a toll."""
        incident = story.incident(found.get("kind") or "")
        if incident is None:
            return None
        figures = {name: q for name in incident.figure_names if (q := quantity_of(found.get(name))) is not None}
        if incident.toll not in figures:
            return None
        plain = {k: found.get(k) for k in ("date", "date_precision", "reason")}
        return cls(id=found["id"], source=found["source"], type=incident, quote=found["quote"], figures=figures,
                   place=found.get(incident.place_field), **plain, start=found.get("start", 0),
                   end=found.get("end", 0), confidence=found.get("confidence", 0.0), path=path, line=line)

    def as_entry(self) -> dict:
        """The drafts file's entry: every field of the incident type, empty where not given."""
        return {"id": self.id, "kind": self.kind, "date": self.date, "date_precision": self.date_precision,
                self.type.place_field: self.place,
                **{name: quantity_entry(self.figures.get(name)) for name in self.type.figure_names},
                "quote": self.quote, "start": self.start, "end": self.end, "confidence": self.confidence,
                "reason": self.reason}

    def checks_out(self) -> bool:
        """Whether the id is the one of this sentence and toll (so the toll is the article's)."""
        for mention in find_numbers(self.quote):
            if mention.value == self.toll.value and \
                    incident_id(self.source, self.quote, mention.start, mention.end, mention.value) == self.id:
                return True
        return False

    def carry_over(self, annotated: IncidentDraft) -> IncidentDraft:
        """The editor's corrections: date, place and the figures other than the toll."""
        figures = {**{k: q for k, q in annotated.figures.items() if k != self.type.toll}, self.type.toll: self.toll}
        return replace(self, date=annotated.date, date_precision=annotated.date_precision, place=annotated.place,
                       figures=figures)


def incident_problems(entry: dict, story: Story, shown: str, line: int) -> list[Problem]:
    """Why a drafts file's incident entry cannot be read against the story: a kind that carries no
    incident, a field that is not its own, no toll."""
    incident = story.incident(str(entry.get("kind")))
    if incident is None:
        return [problem("unknown-kind", shown, line, f"incident {entry.get('id')} is of kind '{entry.get('kind')}', "
                        "which story.yaml declares no incident type for", "delete it, or run `extract` again")]
    own = {"id", "kind", "date", "date_precision", "quote", "start", "end", "confidence", "reason",
           incident.place_field, *incident.figure_names}
    found = [problem("unknown-figure", shown, line, f"incident {entry.get('id')} gives `{name}`, which is not a "
                     f"field of '{incident.kind}'", f"figures: {', '.join(incident.figure_names)}")
             for name in sorted(entry.keys() - own)]
    if quantity_of(entry.get(incident.toll)) is None:
        found.append(problem("missing-field", shown, line, f"incident {entry.get('id')} has no `{incident.toll}`",
                             "the toll comes from the article: run `extract` again"))
    return found


def read_incident_entries(entries: list, failed: set, source: str, shown: str, line_of,
                          story: Story) -> tuple[list[IncidentDraft], list[Problem]]:
    """The incidents of a parsed drafts file that have the right shape for the story's incident
    types (``failed``: the keys the schema check refused), and the problems of the others."""
    found, problems = [], []
    for i, entry in enumerate(entries or []):
        if ("incidents", i) in failed or not isinstance(entry, dict):
            continue
        trouble = incident_problems(entry, story, shown, line_of(("incidents", i)))
        draft = None if trouble else IncidentDraft.of({**entry, "source": source}, story, shown, line_of(("incidents", i)))
        if draft is not None:
            found.append(draft)
        problems += trouble
    return found, problems


def cited_sentences(events) -> dict[str, list[str]]:
    """The quotes already cited on events, by source: their incidents are curated."""
    cited: dict[str, list[str]] = {}
    for event in events:
        for citation in event.sources:
            cited.setdefault(citation.source, []).append(" ".join(citation.quote.split()))
    return cited


def is_cited(incident: IncidentDraft, cited: dict[str, list[str]]) -> bool:
    sentence = " ".join(incident.quote.split())
    return any(quote in sentence or sentence in quote for quote in cited.get(incident.source, ()))


def merge_incidents(fresh: list[dict], old: list[IncidentDraft], body: str, skip: set[str],
                    cited: dict[str, list[str]], story: Story) -> list[IncidentDraft]:
    """Like merge_drafts: fresh incidents with the editor's corrections carried over, old ones kept
    while their sentence is in the article; rejected (``skip``) and already cited ones left out."""
    previous = {d.id: d for d in old}
    merged = []
    for found in fresh:
        draft = IncidentDraft.of(found, story)
        if draft is None:
            continue
        annotated = previous.pop(draft.id, None)
        merged.append(draft if annotated is None else draft.carry_over(annotated))
    merged += [d for d in previous.values() if quote_in_text(d.quote, body) and d.checks_out()]
    left = [d for d in merged if d.id not in skip and not is_cited(d, cited)]
    return sorted(left, key=lambda d: (d.start, d.id))


def figures_left_to_incidents(candidates: list, incidents: list[dict], fields: dict[str, str]) -> list:
    """The figure candidates, less those an incident of the same sentence carries: one incident's
    toll is proposed once, as an incident to record, not a second time as a figure of a running total."""
    carried = {(metric, float(found[name]["value"]), found["start"], found["end"])
               for found in incidents for name, metric in fields.items() if found.get(name)}
    return [c for c in candidates
            if not any(c.metric == metric and c.value == value and start <= c.start < end
                       for metric, value, start, end in carried)]
