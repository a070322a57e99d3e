"""Scoring the extractor against a development set of hand-annotated figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.extract.candidates import Candidate


@dataclass(frozen=True)
class GoldFigure:
    metric: str
    value: float
    qualifier: str
    as_of: str


@dataclass(frozen=True)
class GoldIncident:
    date: str | None
    theater: str | None
    killed: int | None


@dataclass(frozen=True)
class DevelopmentSet:
    """The annotated articles, and which of them the rules are only measured on (never tuned on)."""
    figures: dict[str, list[GoldFigure]]
    incidents: dict[str, list[GoldIncident]]
    measure: frozenset[str]

    def part(self, measured: bool) -> dict[str, list[GoldFigure]]:
        return {s: f for s, f in self.figures.items() if (s in self.measure) == measured}


def _opt(value) -> str | None:
    return None if value is None else str(value)


def load_development_set(path: Path) -> DevelopmentSet:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    measure = frozenset(raw.pop("measure", None) or [])
    figures, incidents = {}, {}
    for source, entry in raw.items():
        if isinstance(entry, dict):
            items = entry.get("figures") or []
            if "incidents" in entry:
                incidents[source] = [GoldIncident(_opt(d), t, k) for d, t, k in entry["incidents"] or []]
        else:
            items = entry or []
        figures[source] = [GoldFigure(m, v, q, str(d)) for m, v, q, d in items]
    return DevelopmentSet(figures, incidents, measure)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    qualifier_right: int = 0
    as_of_right: int = 0
    misses: list[tuple[str, GoldFigure]] = field(default_factory=list)
    extras: list[Candidate] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_right / self.true_positives if self.true_positives else 1.0

    @property
    def as_of_accuracy(self) -> float:
        return self.as_of_right / self.true_positives if self.true_positives else 1.0


def score(gold: dict[str, list[GoldFigure]], found: dict[str, list[Candidate]]) -> Score:
    """Recall and precision of (metric, value) per article; qualifier and as-of accuracy on matches."""
    result = Score()
    for source, expected in gold.items():
        placed = {}
        for c in found.get(source, []):
            if c.metric is not None:
                placed.setdefault((c.metric, c.value), c)
        wanted: dict[tuple, list[GoldFigure]] = {}
        for g in expected:
            wanted.setdefault((g.metric, g.value), []).append(g)
        for key, figures in wanted.items():
            candidate = placed.get(key)
            if candidate is None:
                result.false_negatives += 1
                result.misses.append((source, figures[0]))
                continue
            result.true_positives += 1  # the same figure twice in one article counts once
            result.qualifier_right += any(candidate.qualifier == g.qualifier for g in figures)
            result.as_of_right += any(candidate.as_of == g.as_of for g in figures)
        for key, candidate in placed.items():
            if key not in wanted:
                result.false_positives += 1
                result.extras.append(candidate)
    return result


def score_incidents(gold: dict[str, list[GoldIncident]], found: dict[str, list[dict]]) -> Score:
    """Recall and precision of (date, killed) per article, on the articles whose incidents are annotated."""
    result = Score()
    for source, expected in gold.items():
        wanted = {(g.date, g.killed) for g in expected}
        proposed = {(i["date"], i["killed"]["value"] if i["killed"] else None) for i in found.get(source, [])}
        result.true_positives += len(wanted & proposed)
        result.false_negatives += len(wanted - proposed)
        result.false_positives += len(proposed - wanted)
    return result
