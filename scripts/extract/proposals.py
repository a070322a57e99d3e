"""What `extract` proposes from one article: its figure candidates and its strike incidents, the
figures dated as the event they describe.

A figure an incident carries (its toll, vessels, strikes, survivors) describes that strike: it is
dated by the strike's day the incident reads, not by the day it was announced ("the minister said
Tuesday") nor by publication; the article proposes each (metric, value) once, so a headline's toll
its body restates is the same figure. An ordinal that ranks the article's strike in the series ("the
eighth known attack", "at least the 15th such strike"), undated in its own sentence, names that
strike too: it takes the strike's day when the article reports strikes of one day only.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from scripts.extract.candidates import Candidate, extract_text
from scripts.extract.classify import Vocabulary
from scripts.extract.incidents import IncidentWords, incidents_of
from scripts.extract.numbers import ORDINALS

_ORDINAL = re.compile(r"(?:%s|\d+(?:st|nd|rd|th))$" % "|".join(ORDINALS), re.I)


def propose(source: str, body: str, published: date | None, vocab: Vocabulary,
            words: IncidentWords) -> tuple[list[Candidate], list[dict]]:
    """The article's figure candidates and incident candidates, each figure dated by its event."""
    candidates = extract_text(source, body, published, vocab)
    incidents = incidents_of(source, body, published, vocab, words)
    return dated_by_incidents(candidates, incidents, words.fields, body, published, vocab), incidents


def dated_by_incidents(candidates: list[Candidate], incidents: list[dict], fields: dict[str, str], body: str,
                       published: date | None, vocab: Vocabulary) -> list[Candidate]:
    """Each figure an incident carries takes the incident's day; an ordinal that ranks the article's
    only strike day, and has no date of its own, takes that day."""
    carried: dict[tuple, set[str]] = {}  # (metric, value) → the days of the incidents that carry it
    for i in incidents:
        for name, metric in fields.items():
            if i["date"] and i.get(name):
                carried.setdefault((metric, float(i[name]["value"])), set()).add(i["date"])
    days = {i["date"] for i in incidents if i["date"]}
    out = []
    for c in candidates:
        told = carried.get((c.metric, float(c.value)), set())
        if len(told) == 1:
            c = _redated(c, next(iter(told)), "the strike it counts")
        elif len(days) == 1 and _ranks_an_event(c, body, published, vocab):
            c = _redated(c, next(iter(days)), "the strike it ranks")
        out.append(c)
    return out


def _ranks_an_event(c: Candidate, body: str, published: date | None, vocab: Vocabulary) -> bool:
    """An ordinal of a count of events ("the eighth known attack"), dated by publication only."""
    metric = vocab.metric(c.metric) if c.metric else None
    return (metric is not None and metric.counts_events and published is not None
            and c.as_of == published.isoformat() and c.as_of_precision == "approx"
            and bool(_ORDINAL.search(body[c.start:c.end])))


def _redated(c: Candidate, day: str, what: str) -> Candidate:
    if c.as_of == day:
        return c
    reason = re.sub(r"; dated by [^;]*", "", c.reason) + f"; dated by {what} ({day})"
    return replace(c, as_of=day, as_of_precision="day", reason=reason)
