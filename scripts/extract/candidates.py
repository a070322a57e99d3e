"""Candidate facts: every number of an article, placed in a metric where the sentence says so."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import date

from scripts.extract.classify import RUNNING, SentenceIndex, Vocabulary, place, strike_scope
from scripts.extract.dates import AsOf, dates_in, resolve_as_of
from scripts.extract.numbers import Mention, find_numbers
from scripts.extract.sentences import Sentence, split_sentences
from scripts.records import Metric
from scripts.wording import format_date


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
    seen: dict[tuple, int] = {}  # (metric, value) → where it stands in found
    headlines: set[int] = set()  # places in found of figures read from a headline
    previous: str | None = None
    before: str = ""  # the sentence before, which may date this one's event
    for sentence in split_sentences(body):
        in_sentence = False
        headline = _is_headline(sentence, body)
        mentions = find_numbers(sentence.text)
        index = SentenceIndex.build(sentence.text, vocab) if mentions else None
        ends = tuple(m.number_end for m in mentions) if len(mentions) > 1 else ()
        for mention in mentions:
            placement = place(mention, sentence.text, vocab, previous, in_sentence, index)
            if mention.article and placement.metric is None:
                continue  # "and a …" that is no count is no number either
            if placement.metric:
                previous, in_sentence = placement.metric, True
            as_of = resolve_as_of(sentence.text, mention.number_start, published,
                                  tuple(e for e in ends if e != mention.number_end))
            metric = vocab.metric(placement.metric) if placement.metric else None
            day_before = _day_of(before, published) if as_of.words is None and _one_event(metric, sentence.text) else None
            carried = day_before is not None
            if day_before is not None:
                as_of = day_before
            scope = strike_scope(sentence.text, metric, as_of.words if as_of.precision == "day" else None,
                                 format_date(as_of.day) if as_of.day and metric and metric.sums else None)
            reason = placement.reason
            reason += f"; dated by “{as_of.words}”" if as_of.words else ("; dated by publication" if as_of.day else "")
            reason += " in the sentence before" if carried else ""
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
                if seen[key] in headlines and not headline:  # the body's sentence says more
                    found[seen[key]] = candidate
                    headlines.discard(seen[key])
                continue
            seen[key] = len(found)
            if headline:
                headlines.add(len(found))
            found.append(candidate)
        before = sentence.text
    return _without_restated_headlines(found, headlines, vocab)


def _without_restated_headlines(found: list[Candidate], headlines: set[int], vocab: Vocabulary) -> list[Candidate]:
    """A headline restates the body's figure in looser words ("a Sixth Vessel" for the sixth
    strike): a headline's count of events whose value the body gives as a count of other events of
    the same topic is that figure, which the body's sentence places. People are never restated so
    ("kills 3" is not "3 survivors")."""
    def events(c: Candidate) -> tuple | None:
        metric = vocab.metric(c.metric) if c.metric else None
        return (metric.topic, c.value) if metric and metric.counts_events else None

    body = {events(c) for i, c in enumerate(found) if i not in headlines} - {None}
    return [c for i, c in enumerate(found) if not (i in headlines and events(c) in body)]


def _is_headline(sentence: Sentence, body: str) -> bool:
    """A line of its own with no full stop: a headline, which the body usually repeats."""
    return (not sentence.text.endswith((".", "!", "?", "\"", "”", ":", "’", "'"))
            and body[sentence.end:sentence.end + 1] in ("\n", "\r", ""))


def _one_event(metric: Metric | None, sentence: str) -> bool:
    """A figure of one event (a toll, not a running total), which an earlier sentence may date:
    "The strike took place on Saturday. It killed three."."""
    return metric is not None and metric.kind == "cumulative" and not RUNNING.search(sentence)


_DAY_WORDS = re.compile(r"\d|day\b", re.IGNORECASE)  # every day date has a digit or a "…day" word


def _day_of(sentence: str, published: date | None) -> AsOf | None:
    """The one day a sentence gives ("on Saturday", "Dec. 4"), if it gives exactly one."""
    if published is None or not _DAY_WORDS.search(sentence):
        return None
    days = {d[1] for d in dates_in(sentence, published) if d[2] == "day"}
    if len(days) != 1:
        return None
    return next(AsOf(d[1], "day", d[3]) for d in dates_in(sentence, published) if d[2] == "day")


def _hedge_reason(mention: Mention) -> str:
    if mention.qualifier == "range":
        return f"; a range, “{mention.text}”"
    hedge = mention.text[: mention.number_start - mention.start].strip()
    if mention.qualifier == "exact":
        return ""
    return f"; hedge “{hedge}”" if hedge else "; the hedge of the number before it holds for this one too"
