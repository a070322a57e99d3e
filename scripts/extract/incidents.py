"""Strike incidents proposed from an article: one per strike, or per announced operation of one
day, that the article reports, with the strike's own date.

A sentence reports an incident when it gives a toll (a figure of the metric whose words say
"killed") that is not a running total. Its date is the one the sentence gives ("on Tuesday",
"late Friday", "on Dec. 4"), resolved against the publication date; a sentence that gives none
takes the last strike date an earlier sentence gave ("The strike took place on Saturday. … three
were killed"). The other figures of the same sentence fill the rest (vessels, strikes, survivors).
Which numbers are tolls: incident_tolls.py; which day a toll is of: incident_dates.py. One day's
operation is one incident: its parts that add up to its toll, and a first count the article
corrects, are folded into it.

Nothing here names a metric or a place: which metric fills which field comes from the metrics'
own words (facts/metrics.yaml), the field names and the places from story.yaml's incident type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from datetime import date

from scripts.extract.candidates import Candidate, candidate_id, extract_text
from scripts.extract.classify import Vocabulary, normalise_word
from scripts.extract.incident_dates import NOT_A_DAY, OWN_DAY, strike_day, strike_day_of
from scripts.extract.incident_tolls import (CAPTION, FIRST_COUNT, PART_SET_ASIDE, a_running_total, about_boats, killed_by_someone_named,
                                            names_a_land_attack, names_a_part,
                                            not_a_toll, other_cue_stems, with_parts_tolls)
from scripts.extract.sentences import split_sentences
from scripts.story import Story


@dataclass(frozen=True)
class IncidentWords:
    """The incident's fields (its figures) → the metric that fills each, and the places an incident
    may name: the story's first incident type (story.yaml `incidents:`)."""

    fields: dict[str, str]
    places: tuple[str, ...]
    kind: str = ""
    figures: tuple[str, ...] = ()
    toll: str = ""
    place_field: str = ""
    count: str = ""  # the field that counts strikes
    largest_count: int | None = None  # the most strikes one event has held


def incident_words(vocab: Vocabulary, story: Story) -> IncidentWords:
    """A metric fills a field when it sums that figure of the incident's events (metrics.yaml
    `sums: {kind, figure}`), else when the field's word is one of its nouns or cues ("killed")."""
    if not story.incidents:
        return IncidentWords({}, ())
    incident = story.incidents[0]
    by_field: dict[str, str] = {}
    for metric in vocab.metrics:
        sums = metric.sums
        if sums is not None and sums.kind == incident.kind and sums.figure in incident.figure_names:
            by_field.setdefault(sums.figure, metric.id)
    for metric in vocab.metrics:
        words = {normalise_word(w) for w in (*metric.nouns, *metric.cues)}
        for name in incident.figure_names:
            if normalise_word(name) in words and name not in by_field:
                by_field[name] = metric.id
    places = tuple(p for p in incident.place_names if p != incident.unknown_place)
    return IncidentWords(by_field, places, incident.kind, incident.figure_names, incident.toll, incident.place_field,
                         incident.count or "", incident.largest_count)


def _quantity(c: Candidate | None) -> dict | None:
    if c is None:
        return None
    return {"value": c.value, "qualifier": c.qualifier, **({"high": c.high} if c.high is not None else {})}


def _place(text: str, places: tuple[str, ...], at: int | None = None) -> str | None:
    """The one place a text names; where it names several, the last named before the toll at ``at``
    ("a boat in the North Sea on Monday, killing three, and another in the Baltic, killing two")."""
    named = sorted((m.start(), t) for t in places for m in re.finditer(rf"\b{re.escape(t)}\b", text, re.I))
    if len({t for _, t in named}) == 1:
        return named[0][1]
    before = [t for pos, t in named if at is not None and pos < at]
    return before[-1] if before else None


def incidents_of(source: str, body: str, published: date | None, vocab: Vocabulary,
                 words: IncidentWords) -> list[dict]:
    """Incident candidates of one article, in reading order: one per toll and strike date."""
    toll_metric = words.fields.get(words.toll)
    if toll_metric is None:
        return []
    article_place = _place(body, words.places)
    sentences = split_sentences(body)
    nouns = _strike_nouns(vocab, words)
    cues = frozenset(w.lower() for w in vocab.metric(toll_metric).cues)
    per_sentence = [with_parts_tolls(s.text, extract_text(source, s.text, published, vocab), toll_metric, cues, nouns)
                    for s in sentences]
    others = other_cue_stems(vocab, toll_metric)
    strike_days = [(None, None) if CAPTION.match(s.text) else strike_day_of(s.text, published, nouns)
                   for s in sentences]  # a wire photo's caption dates an earlier strike, not this one
    found: list[dict] = []
    parts: set[str] = set()  # the ids of tolls told of one part of an operation
    first_counts: set[str] = set()  # … and of tolls told as first announced
    for n, (sentence, here) in enumerate(zip(sentences, per_sentence)):
        for toll in (c for c in here if c.metric == toll_metric):
            if not_a_toll(sentence.text, toll, here, others, (words.fields.get(words.count), words.largest_count)):
                continue
            if not _told_of_a_boat(n, sentences, per_sentence, nouns, toll_metric) or (
                    not about_boats(sentence.text, nouns) and killed_by_someone_named(sentence.text, toll, cues)):
                continue  # other parties' deaths (a raid, a land operation), or a tally broken down
            if CAPTION.match(sentence.text):
                continue  # a photo's caption retells an earlier strike
            day, how = strike_day(sentence.text, toll, published, strike_days, n)
            if day is None and names_a_part(sentence.text, nouns):
                continue  # "In the fifth attack, announced days ago, six died": an earlier strike retold
            same = next((i for i in found if i[words.toll]["value"] == toll.value and _same_day(i, day, how)), None)
            if same is not None:
                if same["date"] is None and day:
                    same.update(date=day, date_precision="day", reason=_reason(how))
                continue
            if day is not None and names_a_part(sentence.text, nouns):
                parts.add(incident_id(source, sentence.text, toll.start, toll.end, toll.value))
            if day is not None and FIRST_COUNT.search(sentence.text):
                first_counts.add(incident_id(source, sentence.text, toll.start, toll.end, toll.value))
            by_field = {f: next((c for c in here if c.metric == m), None) for f, m in words.fields.items()}
            by_field[words.toll] = toll  # two incidents in one sentence: each its own toll
            found.append({
                "id": incident_id(source, sentence.text, toll.start, toll.end, toll.value),
                "source": source, "kind": words.kind, "date": day, "date_precision": "day" if day else None,
                words.place_field: _place(sentence.text, words.places, toll.start) or article_place,
                **{f: _quantity(by_field.get(f)) for f in words.figures},
                "quote": sentence.text, "start": sentence.start, "end": sentence.end,
                "confidence": round(min(0.9, toll.confidence), 2),
                "reason": _part_reason(how) if toll.reason == PART_SET_ASIDE else _reason(how)})
    added_up = _without_parts(found, words.toll, parts)
    tolled = _without_first_counts([i for i in added_up if not i["reason"].startswith(PART_SET_ASIDE)
                                    or _alone_on_its_day(i, added_up)], first_counts)
    return tolled + _strikes_without_a_toll(source, sentences, per_sentence, strike_days, tolled, vocab, words)


def _strikes_without_a_toll(source: str, sentences: list, per_sentence: list[list[Candidate]],
                            strike_days: list[tuple], tolled: list[dict], vocab: Vocabulary,
                            words: IncidentWords) -> list[dict]:
    """A strike on a day it gives, in an article that tells no toll ("struck a vessel on Tuesday; two
    people survived"): one incident per day, with its figures and no toll. An article that tells tolls
    retells other strikes without theirs ("during the first strike, on Sept. 2, two survived"). A
    strike is told by a verb of what was done to a vessel or its people (the cues of the incident's
    figures that are not their nouns)."""
    if tolled:
        return []
    deeds = {normalise_word(w) for f, m in words.fields.items() if f != words.toll
             for w in vocab.metric(m).cues if normalise_word(w) not in {normalise_word(n) for n in vocab.metric(m).nouns}}
    days: set[str] = set()
    found: list[dict] = []
    for sentence, here, (day, _) in zip(sentences, per_sentence, strike_days):
        said = {normalise_word(w) for w in re.findall(r"[\w-]+", sentence.text)}
        if day is None or day in days or CAPTION.match(sentence.text) or not deeds & said:
            continue
        days.add(day)
        # Its figures, not the running totals beside it ("In all, 21 boats have been destroyed; the
        # latest strike, on Monday, destroyed two").
        by_field = {f: next((c for c in here if c.metric == m and not a_running_total(sentence.text, c)), None)
                    for f, m in words.fields.items() if f != words.toll}
        found.append({
            "id": incident_id(source, sentence.text, 0, 0, 0), "source": source, "kind": words.kind,
            "date": day, "date_precision": "day", words.place_field: _place(sentence.text, words.places),
            **{f: _quantity(by_field.get(f)) for f in words.figures},
            "quote": sentence.text, "start": sentence.start, "end": sentence.end, "confidence": 0.5,
            "reason": "a strike on a day the article gives, with no toll"})
    return found


def _part_reason(how: str) -> str:
    """A part set aside keeps the day its own sentence gives, which may make it a strike of its own."""
    return f"{PART_SET_ASIDE}; dated by {how}" if how == OWN_DAY else PART_SET_ASIDE


def _alone_on_its_day(part: dict, found: list[dict]) -> bool:
    """A part of a total that its own sentence dates, with no other toll of that day, is that strike's
    toll: "Of the 83 people killed so far, 11 died in the first strike, on Sept. 2" (the total is a
    tally, not that day's operation)."""
    return part["reason"] != PART_SET_ASIDE and sum(i["date"] == part["date"] for i in found) == 1


def _told_of_a_boat(n: int, sentences: list, per_sentence: list[list[Candidate]], nouns: frozenset[str],
                    toll_metric: str) -> bool:
    """The toll's sentence names a strike or a boat, or the sentence before does ("A strike hit a boat.
    Three were killed."), unless that one gives a running total, which the toll then breaks down
    ("As of today there have been 35 strikes and 123 deaths." "114 were killed during engagements …")."""
    text = sentences[n].text
    if about_boats(text, nouns):
        return True
    if not n or names_a_land_attack(text, nouns) or not about_boats(sentences[n - 1].text, nouns):
        return False
    before = sentences[n - 1].text
    return not any(c.metric == toll_metric and a_running_total(before, c) for c in per_sentence[n - 1])


def _without_first_counts(found: list[dict], first_counts: set[str]) -> list[dict]:
    """A toll first announced, beside another the article gives for the same day, is the count corrected."""
    corrected = {i["date"] for i in found if i["id"] not in first_counts}
    return [i for i in found if not (i["id"] in first_counts and i["date"] in corrected)]


def _without_parts(found: list[dict], toll: str, parts: set[str]) -> list[dict]:
    """The parts of one day's operation ("In the first strike, two were killed. Three died in the
    second.") that add up to the day's total ("strikes on two boats killed five") are that operation."""
    by_day: dict[str, list[dict]] = {}
    for i in found:
        if i["date"] is not None:
            by_day.setdefault(i["date"], []).append(i)
    folded: set[str] = set()
    for same_day in by_day.values():
        pieces = [i for i in same_day if i["id"] in parts]
        totals = {i[toll]["value"] for i in same_day if i["id"] not in parts}
        if pieces and sum(i[toll]["value"] for i in pieces) in totals:
            folded |= {i["id"] for i in pieces}
    return [i for i in found if i["id"] not in folded]


def incident_id(source: str, sentence: str, start: int, end: int, killed: float) -> str:
    """Like candidate_id: the article, the sentence and where its toll stands, stable across runs
    and across edits elsewhere in the article ('i' + 8 hex digits, never a candidate's id)."""
    return "i" + candidate_id(source, sentence, start, end, killed)[1:]


def _strike_nouns(vocab: Vocabulary, words: IncidentWords) -> frozenset[str]:
    return frozenset(normalise_word(n) for m in words.fields.values() for n in vocab.metric(m).nouns)


def _same_day(incident: dict, day: str | None, how: str) -> bool:
    """A toll of the same day, or one undated retold: an undated title and its dated body. A toll
    told with a time that is not a day ("another strike late last month") is another strike."""
    if incident["date"] == day:
        return True
    return None in (incident["date"], day) and _reason(NOT_A_DAY) != incident["reason"] and how != NOT_A_DAY


def _reason(how: str) -> str:
    return f"a toll that is not a running total; dated by {how}"
