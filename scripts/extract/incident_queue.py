"""Strike incidents in the review queue: the `incidents:` list of a drafts file, beside its
`candidates:`.

An editor may correct an incident's date, theater and its figures other than the toll in the
drafts file; the id, the toll (`killed`) and the sentence come from the article: the id is
re-derived from the sentence and where its toll stands, so no id can be lent to a forged toll.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from scripts.extract.incidents import incident_id
from scripts.extract.numbers import find_numbers
from scripts.quotes import quote_in_text
from scripts.records import Quantity

# The figures a queued incident carries (the drafts file's fields; see schemas/drafts.schema.json).
STRIKE_FIGURES = ("strikes", "vessels", "killed", "survivors")

EDITABLE = ("date", "date_precision", "theater", "strikes", "vessels", "survivors")


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
    """One strike incident of a drafts file: the extractor's proposal with the editor's corrections."""

    id: str
    source: str
    killed: Quantity
    quote: str
    date: str | None = None
    date_precision: str | None = None
    theater: str | None = None
    strikes: Quantity | None = None
    vessels: Quantity | None = None
    survivors: Quantity | None = None
    start: int = 0
    end: int = 0
    confidence: float = 0.0
    reason: str | None = None
    path: str = ""
    line: int = 1
    kind: str = ""  # the story's incident kind

    @classmethod
    def of(cls, found: dict, path: str = "", line: int = 1) -> IncidentDraft | None:
        """From an `incidents_of` result or a drafts entry; None without a toll."""
        killed = quantity_of(found.get("killed"))
        if killed is None:
            return None
        figures = {f: quantity_of(found.get(f)) for f in STRIKE_FIGURES if f != "killed"}
        plain = {k: found.get(k) for k in ("date", "date_precision", "theater", "reason")}
        return cls(id=found["id"], source=found["source"], killed=killed, quote=found["quote"], **plain, **figures,
                   start=found.get("start", 0), end=found.get("end", 0), confidence=found.get("confidence", 0.0),
                   path=path, line=line, kind=found.get("kind") or "")

    def figures(self) -> dict[str, Quantity]:
        return {f: q for f in STRIKE_FIGURES if (q := getattr(self, f)) is not None}

    def as_entry(self) -> dict:
        entry = {k: v for k, v in asdict(self).items() if k not in ("source", "path", "line", "kind")}
        entry.update({f: quantity_entry(getattr(self, f)) for f in STRIKE_FIGURES})
        return {"id": self.id, "kind": self.kind, **{k: v for k, v in entry.items() if k != "id"}}

    def checks_out(self) -> bool:
        """Whether the id is the one of this sentence and toll (so the toll is the article's)."""
        for mention in find_numbers(self.quote):
            if mention.value == self.killed.value and \
                    incident_id(self.source, self.quote, mention.start, mention.end, mention.value) == self.id:
                return True
        return False

    def carry_over(self, annotated: IncidentDraft) -> IncidentDraft:
        return replace(self, **{k: getattr(annotated, k) for k in EDITABLE})


def read_incident_entries(entries: list, failed: set, source: str, shown: str, line_of) -> list[IncidentDraft]:
    """The incidents of a parsed drafts file that have the right shape (``failed``: the keys the
    schema check refused)."""
    found = []
    for i, entry in enumerate(entries or []):
        if ("incidents", i) in failed or not isinstance(entry, dict):
            continue
        draft = IncidentDraft.of({**entry, "source": source}, shown, line_of(("incidents", i)))
        if draft is not None:
            found.append(draft)
    return found


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
                    cited: dict[str, list[str]]) -> list[IncidentDraft]:
    """Like merge_drafts: fresh incidents with the editor's corrections carried over, old ones kept
    while their sentence is in the article; rejected (``skip``) and already cited ones left out."""
    previous = {d.id: d for d in old}
    merged = []
    for found in fresh:
        draft = IncidentDraft.of(found)
        if draft is None:
            continue
        annotated = previous.pop(draft.id, None)
        merged.append(draft if annotated is None else draft.carry_over(annotated))
    merged += [d for d in previous.values() if quote_in_text(d.quote, body) and d.checks_out()]
    left = [d for d in merged if d.id not in skip and not is_cited(d, cited)]
    return sorted(left, key=lambda d: (d.start, d.id))


def figures_left_to_incidents(candidates: list, incidents: list[dict], fields: dict[str, str]) -> list:
    """The figure candidates, less those an incident of the same sentence carries: one strike's toll
    is proposed once, as a strike to record, not a second time as a figure of a running total."""
    carried = {(metric, float(found[name]["value"]), found["start"], found["end"])
               for found in incidents for name, metric in fields.items() if found.get(name)}
    return [c for c in candidates
            if not any(c.metric == metric and c.value == value and start <= c.start < end
                       for metric, value, start, end in carried)]
