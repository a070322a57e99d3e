"""Candidate facts: every number of an article, placed in a metric where the sentence says so."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date

from scripts.extract.classify import SentenceIndex, Vocabulary, place, strike_scope
from scripts.extract.dates import resolve_as_of
from scripts.extract.numbers import find_numbers
from scripts.extract.sentences import split_sentences
from scripts.render.format import format_date


@dataclass(frozen=True)
class Candidate:
    source: str
    metric: str | None
    value: float
    qualifier: str
    as_of: str | None
    as_of_precision: str | None
    scope: str | None
    quote: str
    start: int
    end: int
    confidence: float
    reason: str

    @property
    def id(self) -> str:
        """Stable across runs: the same number in the same place of the same article."""
        digest = hashlib.sha1(f"{self.source}:{self.start}:{self.end}:{self.metric}".encode()).hexdigest()
        return f"c{digest[:8]}"

    def as_dict(self) -> dict:
        return {"id": self.id, **asdict(self)}


def extract_text(source: str, body: str, published: date | None, vocab: Vocabulary) -> list[Candidate]:
    """Candidates of one article, in reading order. A (metric, value) already proposed by an
    earlier sentence is not proposed again; unplaced numbers are all kept."""
    found: list[Candidate] = []
    seen: set[tuple] = set()
    previous: str | None = None
    for sentence in split_sentences(body):
        in_sentence = False
        mentions = find_numbers(sentence.text)
        index = SentenceIndex.build(sentence.text, vocab) if mentions else None
        for mention in mentions:
            placement = place(mention, sentence.text, vocab, previous, in_sentence, index)
            if placement.metric:
                previous, in_sentence = placement.metric, True
            as_of = resolve_as_of(sentence.text, mention.number_start, published)
            metric = vocab.metric(placement.metric) if placement.metric else None
            scope = strike_scope(sentence.text, metric, as_of.words if as_of.precision == "day" else None,
                                 format_date(as_of.day) if as_of.day and metric and metric.topic == "strikes" else None)
            reason = placement.reason
            reason += f"; dated by “{as_of.words}”" if as_of.words else ("; dated by publication" if as_of.day else "")
            if mention.qualifier != "exact":
                reason += f"; hedge “{mention.text[: mention.number_start - mention.start].strip()}”"
            candidate = Candidate(
                source=source, metric=placement.metric, value=mention.value, qualifier=mention.qualifier,
                as_of=as_of.day.isoformat() if as_of.day else None, as_of_precision=as_of.precision, scope=scope,
                quote=sentence.text, start=sentence.start + mention.start, end=sentence.start + mention.end,
                confidence=round(placement.confidence, 2), reason=reason)
            key = (candidate.metric, candidate.value)
            if candidate.metric is not None and key in seen:
                continue
            seen.add(key)
            found.append(candidate)
    return found
