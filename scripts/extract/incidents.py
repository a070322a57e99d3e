"""Strike incidents proposed from an article: one per strike, or per announced operation of one
day, that the article reports, with the strike's own date.

A sentence reports an incident when it gives a toll (a figure of the metric whose words say
"killed") that is not a running total. Its date is the one the sentence gives ("on Tuesday",
"late Friday", "on Dec. 4"), resolved against the publication date; a sentence that gives none
takes the last strike date an earlier sentence gave ("The strike took place on Saturday. … three
were killed"). The other figures of the same sentence fill the rest (vessels, strikes, survivors).

Nothing here names a metric or a place: which metric fills which field comes from the metrics'
own words (facts/metrics.yaml), the field names and the places from story.yaml's incident type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from datetime import date, timedelta

from scripts.extract.candidates import Candidate, candidate_id, extract_text
from scripts.extract.dates import WEEKDAYS, dates_in
from scripts.extract.numbers import ORDINALS
from scripts.extract.classify import RUNNING, Vocabulary, normalise_word
from scripts.extract.sentences import MONTHS, split_sentences
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
                         incident.count or "")


def _quantity(c: Candidate | None) -> dict | None:
    if c is None:
        return None
    return {"value": c.value, "qualifier": c.qualifier, **({"high": c.high} if c.high is not None else {})}


def _place(text: str, places: tuple[str, ...]) -> str | None:
    named = [t for t in places if re.search(rf"\b{re.escape(t)}\b", text, re.I)]
    return named[0] if len(named) == 1 else None


# "At least 115 people have been killed", "The US has now carried out 41 strikes, killing 144": the
# perfect tense tells a tally, not one strike ("it had killed five" tells one); "have left 87 dead" too.
_TALLY_TENSE = re.compile(r"\b(?:have|has)\s+(?:now\s+|so far\s+|already\s+)?(?:been\s+)?(?:[a-z]+(?:ed|en|ne)|left|cost|hit|struck)\b", re.I)
_SINCE = re.compile(r"\bsince\b|\bas of\b", re.I)
_ORDW = "|".join(sorted(ORDINALS, key=len, reverse=True))


# What follows a toll after one of these is another clause's: "killing six and bringing the toll to 46".
_NEXT_CLAUSE = re.compile(r"[,;—–]|\s(?:and|while|but)\s|$")


def _running(sentence: str, c: Candidate, sentence_start: int) -> bool:
    """A toll that is a running total: a total word ("toll", "so far", "since") close to the number,
    a total brought to it, "since …" before it, or a tally told in the perfect tense."""
    at = c.start - sentence_start
    after = sentence[at: at + 40]
    after = after[:_NEXT_CLAUSE.search(after).start()]  # "killing six, bringing the toll to 46": the 46's words
    before = "" if _ORDINAL_INTRO.search(sentence[:at]) else sentence[:at]
    return bool(RUNNING.search(before[-60:] + " " + after) or "brought to" in c.reason
                or _SINCE.search(before) or _TALLY_TENSE.search(sentence[max(0, at - 100): at + 70]))


# "In the eighth known attack on a boat since Sept. 2, two men were killed": the opening phrase places
# the strike in the count ("since" dates the count); the toll, first in the clause after it, is the strike's.
_ORDINAL_INTRO = re.compile(rf"^\W*(?:in\s+)?(?:what\s+(?:is|was)\s+)?the\s+(?:{_ORDW}|\d+(?:st|nd|rd|th))\b[^,;]*,\s*$",
                            re.I)


def _stem(word: str) -> str:
    """'surviving', 'survived', 'survivors' → 'surviv'; 'injuring', 'injuries' → 'injur'."""
    return re.sub(r"(?:ing|ed|ors?|ies|es|e|s)$", "", word.lower())


def _other_cue_stems(vocab: Vocabulary, toll_metric: str) -> frozenset[str]:
    """The one-word cues of every other metric, as stems, less those the toll's own words share."""
    own = {_stem(w) for w in (*vocab.metric(toll_metric).cues, *vocab.metric(toll_metric).nouns)}
    return frozenset(_stem(w) for m in vocab.metrics if m.id != toll_metric for w in m.cues if " " not in w) - own


# A number's own phrase ends at a break or a word that starts another phrase.
_PHRASE_END = re.compile(r"[,;:.()\"“”—–]|\b(?:in|on|at|of|aboard|from|to|near|off|during|when|after|as|and|but|or|"
                         r"while|with|by|for)\b", re.I)


def _counts_another_figure(sentence: str, toll: Candidate, others: frozenset[str]) -> bool:
    """A toll whose own words are another figure's: "killing two and injuring one", "the six surviving
    men", "one person surviving the strike" (the verb before the number, or its phrase after it)."""
    before = re.search(r"([A-Za-z]+)\s+$", sentence[:toll.start])
    rest = sentence[toll.end:]
    phrase = re.findall(r"[A-Za-z-]+", rest[:_PHRASE_END.search(rest + ".").start()])[:3]
    return any(_stem(w) in others for w in ([before.group(1)] if before else []) + phrase)


# More strikes than one day's operation has ever counted: "130 deaths in 38 attacks" is a campaign's.
_OPERATION_MOST = 5
_PAIRED = re.compile(r"\s+(?:[\w-]+\s+){0,4}$")


def _beside_a_campaigns_count(sentence: str, toll: Candidate, here: list[Candidate], strikes: str | None) -> bool:
    """A toll paired with a count of more strikes than an operation holds ("21 attacks and 83 deaths")
    is a running total of the campaign, whatever its tense."""
    for c in here:
        if c.metric != strikes or c.value <= _OPERATION_MOST or _ORDINAL_END.search(sentence, c.start, c.end):
            continue
        gap = sentence[c.end:toll.start] if c.end <= toll.start else sentence[toll.end:c.start]
        if _PAIRED.fullmatch(" " + gap) and not re.search(r"[,;:]", gap):
            return True
    return False


_ORDINAL_END = re.compile(rf"(?:{_ORDW}|\d(?:st|nd|rd|th))$", re.I)


# "eight more people than previously reported": a difference between two counts, not a toll.
_DIFFERENCE = re.compile(r"\s+(?:more|fewer|less)\s+(?:[\w-]+\s+){0,3}?than\b", re.I)

# "ten were killed in the three days of strikes", "over the past week": a sum over several days.
_SPAN = re.compile(r"\b(?:in|over|during|across)\s+(?:the\s+)?(?:(?:past|last|previous)\s+(?:[\w-]+\s+)?"
                   r"(?:days|weeks|months|week|month)|[\w-]+\s+(?:days|weeks|months)\s+of)\b", re.I)

# "FILE - This image from video … shows a vessel … on Jan. 23": a wire photo's caption.
_CAPTION = re.compile(r"\s*FILE\s*[-–—]\s")

# A name is not the thing: "Operation Absolute Resolve" names a raid, not an incident the word operation counts.
_NAME = re.compile(r"[A-Z][\w-]*\s+[A-Z]")


def _about_boats(text: str, nouns: frozenset[str]) -> bool:
    """The sentence names a strike or a vessel (not as part of a capitalised name, nor an attack on a
    named place)."""
    for word in re.finditer(r"[\w-]+", text):
        if (normalise_word(word.group()) in nouns and not (word.start() > 0 and _NAME.match(text, word.start()))
                and not _on_a_place(text, word.end())):
            return True
    return False


# "the attack on Venezuela", "strikes against Caracas": a named place is no boat ("on Sept. 2",
# "on Tuesday" date the strike).
_ON_A_NAME = re.compile(r"\s+(?:on|against)\s+([A-Z][\w-]*)")
_TIME_WORDS = frozenset((*MONTHS, *WEEKDAYS))


def _on_a_place(text: str, at: int) -> bool:
    named = _ON_A_NAME.match(text, at)
    return bool(named) and named.group(1).lower().rstrip(".") not in _TIME_WORDS


def _names_a_land_attack(text: str, nouns: frozenset[str]) -> bool:
    return any(normalise_word(w.group()) in nouns and _on_a_place(text, w.end()) for w in re.finditer(r"[\w-]+", text))


def incidents_of(source: str, body: str, published: date | None, vocab: Vocabulary,
                 words: IncidentWords) -> list[dict]:
    """Incident candidates of one article, in reading order: one per toll and strike date."""
    toll_metric = words.fields.get(words.toll)
    if toll_metric is None:
        return []
    article_place = _place(body, words.places)
    sentences = split_sentences(body)
    per_sentence = [extract_text(source, s.text, published, vocab) for s in sentences]
    nouns = _strike_nouns(vocab, words)
    others = _other_cue_stems(vocab, toll_metric)
    strike_days = [(None, None) if _CAPTION.match(s.text) else _strike_day_of(s.text, published, nouns)
                   for s in sentences]  # a wire photo's caption dates an earlier strike, not this one
    found: list[dict] = []
    parts: set[str] = set()  # the ids of tolls told of one part of an operation
    first_counts: set[str] = set()  # … and of tolls told as first announced
    for n, (sentence, here) in enumerate(zip(sentences, per_sentence)):
        for toll in (c for c in here if c.metric == toll_metric):
            if (_running(sentence.text, toll, 0) or _counts_another_figure(sentence.text, toll, others)
                    or _DIFFERENCE.match(sentence.text, toll.end) or _SPAN.search(sentence.text, toll.end, toll.end + 80)):
                continue
            if _beside_a_campaigns_count(sentence.text, toll, here, words.fields.get(words.count)):
                continue
            if not (_about_boats(sentence.text, nouns) or (n and _about_boats(sentences[n - 1].text, nouns)
                                                            and not _names_a_land_attack(sentence.text, nouns))):
                continue  # other parties' deaths: a raid, a land operation
            if _CAPTION.match(sentence.text):
                continue  # a photo's caption retells an earlier strike
            day, how = _strike_day(sentence.text, toll, published, strike_days, n)
            same = next((i for i in found if i[words.toll]["value"] == toll.value and _same_day(i, day, how)), None)
            if same is not None:
                if same["date"] is None and day:
                    same.update(date=day, date_precision="day", reason=_reason(how))
                continue
            if day is not None and _names_a_part(sentence.text, nouns):
                parts.add(incident_id(source, sentence.text, toll.start, toll.end, toll.value))
            if day is not None and _FIRST_COUNT.search(sentence.text):
                first_counts.add(incident_id(source, sentence.text, toll.start, toll.end, toll.value))
            by_field = {f: next((c for c in here if c.metric == m), None) for f, m in words.fields.items()}
            by_field[words.toll] = toll  # two incidents in one sentence: each its own toll
            found.append({
                "id": incident_id(source, sentence.text, toll.start, toll.end, toll.value),
                "source": source, "kind": words.kind, "date": day, "date_precision": "day" if day else None,
                words.place_field: _place(sentence.text, words.places) or article_place,
                **{f: _quantity(by_field.get(f)) for f in words.figures},
                "quote": sentence.text, "start": sentence.start, "end": sentence.end,
                "confidence": round(min(0.9, toll.confidence), 2), "reason": _reason(how)})
    return _without_first_counts(_without_parts(found, words.toll, parts), first_counts)


# "When the attack was first announced, the navy said only that …": a count the article corrects.
_FIRST_COUNT = re.compile(r"\b(?:(?:was|were|had)\s+(?:first|initially|originally)|initially|originally|at first)\s+"
                          r"(?:announced|reported|said|stated)\b", re.I)


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


# "the first strike", "the second boat", "the other two vessels": one part of an operation.
_PART = re.compile(rf"\bthe\s+(?:{_ORDW}|other|last)\s+(?:[\w-]+\s+){{0,2}}?([\w-]+)", re.I)


def _names_a_part(sentence: str, nouns: frozenset[str]) -> bool:
    return any(normalise_word(m.group(1)) in nouns for m in _PART.finditer(sentence))


_ANNOUNCED_ON = re.compile(r"\b(?:said|says|announced|announces|stated|reported|confirmed|posted|told \w+|added)"
                          r"\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_ANNOUNCEMENT = re.compile(r"[\s’'s]*(?:report|statement|announcement|post|briefing|press release|news conference)",
                           re.I)
_CLAUSE = re.compile(r";|,\s+(?:while|whereas|but)\b|\bwhile\b", re.I)


def _sentence_day(sentence: str, at: int, published: date | None, announced: bool = False) -> str | None:
    """The strike's day in its sentence: not the announcement's ("announced Thursday that it struck
    … on Wednesday", "the June 22 report"), and in the toll's own clause when that gives one
    ("On Tuesday a strike killed four, while a strike Monday killed two")."""
    if published is None:
        return None
    days = [(pos, day, words) for pos, day, words, said in _days_and_announcements(sentence, published)
            if announced == said]
    if not days:
        return None
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    clause = next((a, b) for a, b in zip(cuts, cuts[1:]) if a <= at <= b)
    own = [d for d in days if clause[0] <= d[0] < clause[1]] or days
    return min(own, key=lambda d: abs(d[0] - at))[1].isoformat()


# "Hegseth on Tuesday announced", and a day restated after the announcement's ("said on Monday,
# November 10", "said on Friday (March 20, 2026)") is the announcement's too.
_ANNOUNCING = re.compile(r"\s+(?:said|says|announced|announces|stated|reported|confirmed|posted)\b", re.I)
_RESTATED = re.compile(r"[\s,(]*$")


# A day further back than this is history ("the Sept. 11, 2001, attacks"), not a strike the article reports.
_HISTORY_DAYS = 366


def _days_and_announcements(sentence: str, published: date) -> list[tuple[int, date, str, bool]]:
    """The days a sentence gives, in order, each with whether it is the day of an announcement."""
    days = sorted((pos, day, words) for pos, day, precision, words, _ in dates_in(sentence, published)
                  if precision == "day" and (published - day).days <= _HISTORY_DAYS)
    found: list[tuple[int, date, str, bool]] = []
    for pos, day, words in days:
        said = bool(_ANNOUNCED_ON.search(sentence[max(0, pos - 30):pos]) or _ANNOUNCEMENT.match(sentence, pos + len(words))
                    or _ANNOUNCING.match(sentence, pos + len(words)))
        if found and found[-1][3] and _RESTATED.match(sentence[found[-1][0] + len(found[-1][2]):pos]):
            said = True
        found.append((pos, day, words, said))
    return found


def incident_id(source: str, sentence: str, start: int, end: int, killed: float) -> str:
    """Like candidate_id: the article, the sentence and where its toll stands, stable across runs
    and across edits elsewhere in the article ('i' + 8 hex digits, never a candidate's id)."""
    return "i" + candidate_id(source, sentence, start, end, killed)[1:]


# "strikes carried out the day before", "a day earlier": the day before the announcement.
_DAY_BEFORE = re.compile(r"\b(?:the|a|one) day (?:before|earlier)\b(?!\s+(?:the|a|an|its|his|her|their)\b)"
                         r"|\bthe previous day\b", re.I)


def _day_before(sentence: str, published: date | None) -> str | None:
    if published is None or not _DAY_BEFORE.search(sentence):
        return None
    said = _sentence_day(sentence, 0, published, announced=True) or published.isoformat()
    return (date.fromisoformat(said) - timedelta(days=1)).isoformat()


# "The attack comes a day after the US killed two people": the toll is of the day before the
# strike the sentence starts from.
_DAY_AFTER = re.compile(r"\b(?:comes?|came|coming)\s+(?:a|one)\s+day\s+after\b", re.I)


_NOT_A_DAY = "no day (its time is not a day)"


def _same_day(incident: dict, day: str | None, how: str) -> bool:
    """A toll of the same day, or one undated retold: an undated title and its dated body. A toll
    told with a time that is not a day ("another strike late last month") is another strike."""
    if incident["date"] == day:
        return True
    return None in (incident["date"], day) and _reason(_NOT_A_DAY) != incident["reason"] and how != _NOT_A_DAY


# Times that are not a day: "late last month", "in January", "days after", "a few days ago".
_VAGUE = re.compile(r"\b(?:days|weeks|months)\s+(?:ago|after|before|earlier|later)\b", re.I)


def _only_vaguely_dated(sentence: str, at: int, published: date | None) -> bool:
    """The time told nearest the toll is not a day ("another strike late last month killed two", "days
    after another attack killed one"): the toll's day is unknown, not a nearby sentence's."""
    if published is None:
        return False
    times = [(pos, precision != "day") for pos, _, precision, words, _ in dates_in(sentence, published)
             if words.lower() != "this week"]
    times += [(m.start(), False) for pattern in (_DAY_AFTER, _DAY_BEFORE) for m in pattern.finditer(sentence)]
    times += [(m.start(), True) for m in _VAGUE.finditer(sentence)]
    return bool(times) and min(times, key=lambda t: abs(t[0] - at))[1]


def _strike_day(sentence: str, toll: Candidate, published: date | None, strike_days: list[tuple],
                n: int) -> tuple[str | None, str]:
    """The strike's day: the sentence's own, else the nearest sentence that dates a strike
    (an earlier one first: "The strike took place on Saturday. … three were killed")."""
    if _only_vaguely_dated(sentence, toll.start, published):
        return None, _NOT_A_DAY
    day, how = _strike_day_from(sentence, toll, published, strike_days, n)
    after = _DAY_AFTER.search(sentence)
    if day and after and after.start() < toll.start:
        return (date.fromisoformat(day) - timedelta(days=1)).isoformat(), f"the day before {how}"
    return day, how


def _strike_day_from(sentence: str, toll: Candidate, published: date | None, strike_days: list[tuple],
                     n: int) -> tuple[str | None, str]:
    day = _sentence_day(sentence, toll.start, published)
    if day:
        return day, "the sentence's date"
    day = _day_before(sentence, published)
    if day:
        return day, "the day before it was announced"
    nearby = [*range(n - 1, max(-1, n - 4), -1), *range(n + 1, min(len(strike_days), n + 3))]
    for m in nearby:
        if strike_days[m][0]:
            return strike_days[m][0], "the date a nearby sentence gives"
    article_days = {d for d, _ in strike_days if d}
    if len(article_days) == 1:
        return article_days.pop(), "the only strike date the article gives"
    day = _sentence_day(sentence, toll.start, published, announced=True)
    if day:
        return day, "the day it was announced (no strike date given)"
    for m in nearby:
        if strike_days[m][1]:
            return strike_days[m][1], "the day a nearby sentence says it was announced"
    announced = {a for _, a in strike_days if a}
    if len(announced) == 1:
        return announced.pop(), "the only day the article says a strike was announced"
    return None, "no date given"


def _strike_nouns(vocab: Vocabulary, words: IncidentWords) -> frozenset[str]:
    return frozenset(normalise_word(n) for m in words.fields.values() for n in vocab.metric(m).nouns)


def _strike_day_of(sentence: str, published: date | None, nouns: frozenset[str]) -> tuple[str | None, str | None]:
    """The day a sentence about a strike gives ("The strike took place on Saturday"), and the day
    it says the strike was announced, if any."""
    if not nouns & {normalise_word(w) for w in re.findall(r"[\w-]+", sentence)}:
        return None, None
    return (_sentence_day(sentence, 0, published) or _day_before(sentence, published),
            _sentence_day(sentence, 0, published, announced=True))


def _reason(how: str) -> str:
    return f"a toll that is not a running total; dated by {how}"
