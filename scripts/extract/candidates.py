"""Candidate facts: every number of an article, placed in a metric where the sentence says so."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date

from scripts.extract.classify import SentenceIndex, Vocabulary, place, strike_scope
from scripts.extract.dates import resolve_as_of
from scripts.extract.numbers import Mention, find_numbers
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
    id: str = ""  # candidate_id(...), set by extract_text
    high: float | None = None  # a range's high end ("30 to 50 million"): value is the low end

    def as_dict(self) -> dict:
        fields = asdict(self)
        out = {"id": fields.pop("id")}
        for key, value in fields.items():
            if key != "high":
                out[key] = value
            if key == "qualifier":
                out["high"] = fields["high"]
        return out


def candidate_id(source: str, sentence: str, start: int, end: int, value: float) -> str:
    """What a candidate is, re-derivable from a drafts entry: the article, the sentence, where
    the figure stands in that sentence and its value. Stable across runs, and across edits of
    the article elsewhere; what the extractor concludes (metric, hedge, date) is not part of it,
    so an editor can correct those."""
    key = f"{source}\x1f{sentence}\x1f{start}:{end}\x1f{float(value)!r}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


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
            reason += _hedge_reason(mention)
            candidate = Candidate(
                source=source, metric=placement.metric, value=mention.value, qualifier=mention.qualifier,
                as_of=as_of.day.isoformat() if as_of.day else None, as_of_precision=as_of.precision, scope=scope,
                quote=sentence.text, start=sentence.start + mention.start, end=sentence.start + mention.end,
                confidence=round(placement.confidence, 2), reason=reason,
                id=candidate_id(source, sentence.text, mention.start, mention.end, mention.value),
                high=mention.high)
            key = (candidate.metric, candidate.value)
            if candidate.metric is not None and key in seen:
                continue
            seen.add(key)
            found.append(candidate)
    return found


def _hedge_reason(mention: Mention) -> str:
    if mention.qualifier == "range":
        return f"; a range, “{mention.text}”"
    hedge = mention.text[: mention.number_start - mention.start].strip()
    if mention.qualifier == "exact":
        return ""
    return f"; hedge “{hedge}”" if hedge else "; the hedge of the number before it holds for this one too"
