"""Strike incidents proposed from an article: one per strike, or per announced operation of one
day, that the article reports, with the strike's own date.

A sentence reports an incident when it gives a toll (a figure of the metric whose words say
"killed") that is not a running total. Its date is the one the sentence gives ("on Tuesday",
"late Friday", "on Dec. 4"), resolved against the publication date; a sentence that gives none
takes the last strike date an earlier sentence gave ("The strike took place on Saturday. … three
were killed"). The other figures of the same sentence fill the rest (vessels, strikes, survivors).

Nothing here names a metric or a place: which metric fills which field comes from the metrics'
own words (facts/metrics.yaml), the field names and the theaters from schemas/events.schema.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from datetime import date

from scripts.extract.candidates import Candidate, extract_text
from scripts.extract.dates import resolve_as_of
from scripts.extract.classify import RUNNING, Vocabulary, normalise_word
from scripts.extract.sentences import split_sentences


@dataclass(frozen=True)
class StrikeWords:
    """The incident's fields (strikes, vessels, killed, survivors) → the metric that fills each,
    and the theaters an incident may name."""

    fields: dict[str, str]
    theaters: tuple[str, ...]


@lru_cache(maxsize=4)
def _schema_words(schemas: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    schema = json.loads((schemas / "events.schema.json").read_text(encoding="utf-8"))
    fields: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict) and "killed" in props:
                fields.extend(k for k, v in props.items() if "quantity" in json.dumps(v) and k not in fields)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    theaters = tuple(t for t in schema["definitions"]["theater"]["enum"] if t != "unknown")
    return tuple(fields), theaters


def strike_words(vocab: Vocabulary, schemas: Path) -> StrikeWords:
    """A metric fills a field when the field's word is one of its nouns or cues ("killed")."""
    fields, theaters = _schema_words(schemas)
    by_field: dict[str, str] = {}
    for metric in vocab.metrics:
        words = {normalise_word(w) for w in (*metric.nouns, *metric.cues)}
        for field in fields:
            if normalise_word(field) in words and field not in by_field:
                by_field[field] = metric.id
    return StrikeWords(by_field, theaters)


def _quantity(c: Candidate | None) -> dict | None:
    return None if c is None else {"value": c.value, "qualifier": c.qualifier}


def _theater(text: str, theaters: tuple[str, ...]) -> str | None:
    named = [t for t in theaters if re.search(rf"\b{re.escape(t)}\b", text, re.I)]
    return named[0] if len(named) == 1 else None


def _running(sentence: str, c: Candidate, sentence_start: int) -> bool:
    """A toll that is a running total: a total word ("toll", "so far", "since") close to the number."""
    at = c.start - sentence_start
    return bool(RUNNING.search(sentence[max(0, at - 60): at + 40]))


def incidents_of(source: str, body: str, published: date | None, vocab: Vocabulary,
                 words: StrikeWords) -> list[dict]:
    """Incident candidates of one article, in reading order: one per toll and strike date."""
    killed_metric = words.fields.get("killed")
    if killed_metric is None:
        return []
    article_theater = _theater(body, words.theaters)
    sentences = split_sentences(body)
    per_sentence = [extract_text(source, s.text, published, vocab) for s in sentences]
    strike_days = [_strike_day_of(s.text, published, vocab, words) for s in sentences]
    found: list[dict] = []
    for n, (sentence, here) in enumerate(zip(sentences, per_sentence)):
        for toll in (c for c in here if c.metric == killed_metric):
            if _running(sentence.text, toll, 0):
                continue
            day, how = _strike_day(toll, strike_days, n)
            same = next((i for i in found if i["killed"]["value"] == toll.value
                         and (i["date"] == day or None in (i["date"], day))), None)
            if same is not None:
                if same["date"] is None and day:
                    same.update(date=day, date_precision="day", reason=_reason(how))
                continue
            by_field = {f: next((c for c in here if c.metric == m), None) for f, m in words.fields.items()}
            found.append({
                "source": source, "kind": "strike", "date": day, "date_precision": "day" if day else None,
                "theater": _theater(sentence.text, words.theaters) or article_theater,
                **{f: _quantity(by_field.get(f)) for f in ("strikes", "vessels", "killed", "survivors")},
                "quote": sentence.text, "start": sentence.start, "end": sentence.end,
                "confidence": round(min(0.9, toll.confidence), 2), "reason": _reason(how)})
    return found


def _strike_day(toll: Candidate, strike_days: list[str | None], n: int) -> tuple[str | None, str]:
    """The strike's day: the sentence's own, else the nearest sentence that dates a strike
    (an earlier one first: "The strike took place on Saturday. … three were killed")."""
    if toll.as_of_precision == "day":
        return toll.as_of, "the sentence's date"
    for m in [*range(n - 1, max(-1, n - 4), -1), *range(n + 1, min(len(strike_days), n + 3))]:
        if strike_days[m]:
            return strike_days[m], "the date a nearby sentence gives"
    return None, "no date given"


def _strike_day_of(sentence: str, published: date | None, vocab: Vocabulary, words: StrikeWords) -> str | None:
    """The day a sentence about a strike gives ("The strike took place on Saturday"), if any."""
    nouns = {normalise_word(n) for m in words.fields.values() for n in vocab.metric(m).nouns}
    if not nouns & {normalise_word(w) for w in re.findall(r"[\w-]+", sentence)}:
        return None
    as_of = resolve_as_of(sentence, 0, published)
    return as_of.day.isoformat() if as_of.day and as_of.precision == "day" else None


def _reason(how: str) -> str:
    return f"a toll that is not a running total; dated by {how}"
