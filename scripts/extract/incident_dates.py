"""The day of a strike an article reports: the toll's own clause's day, not the announcement's
("announced Thursday that it struck … on Wednesday", "the June 22 report"); "the day before" an
announcement; a day after another strike ("comes a day after"); else the nearest sentence that
dates a strike, the only strike day the article gives, or the day it was announced. A time that
is not a day ("late last month", "days after") leaves the toll undated; a day more than a year
back is history.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from scripts.extract.candidates import Candidate
from scripts.extract.classify import normalise_word
from scripts.extract.dates import dates_in


# "said on Friday", "wrote on social media Saturday", "said in a statement Monday", "in a post on
# Thursday": the day of an announcement (its verb, or its noun, then where it was made).
_ANNOUNCED_ON = re.compile(r"\b(?:(?:said|says|announced|announces|stated|reported|confirmed|posted|wrote|writes|"
                          r"tweeted|told \w+|added)(?:\s+(?:on|in|to)\s+(?:a\s+|an\s+|the\s+)?(?:social media|X|"
                          r"statement|post|briefing|interview|reporters|television)(?:\s+\w+)?)?"
                          r"|(?:a|an|the|his|her|its|their)\s+(?:post|statement|briefing|announcement|interview|"
                          r"press release|news conference))"
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


# "The minister on Tuesday announced", and a day restated after the announcement's ("said on Monday,
# November 10", "said on Friday (March 20, 2026)") is the announcement's too.
_ANNOUNCING = re.compile(r"\s+(?:said|says|announced|announces|stated|reported|confirmed|posted)\b", re.I)
_RESTATED = re.compile(r"[\s,(]*$")


# A day further back than this is history ("the Sept. 11, 2001, attacks"), not a strike the article reports.
_HISTORY_DAYS = 366


# "in the screen grab from handout video released December 4", "a photo taken on Monday": the day
# of a picture (a caption), which may show any strike, not the day of one the article reports; nor
# is a count's day ("As of Jan. 7, there have been 35 strikes").
_PICTURE = re.compile(r"\b(?:video|videos|image|images|photo|photos|photograph|footage|picture|screen ?grabs?)\b"
                      r"[^.;:]{0,60}?\b(?:released|posted|taken|published|shared|shot|dated)\b[^.;:]{0,50}$", re.I)


def _days_and_announcements(sentence: str, published: date) -> list[tuple[int, date, str, bool]]:
    """The days a sentence gives, in order, each with whether it is the day of an announcement; a
    picture's day is neither."""
    days = sorted((pos, day, words) for pos, day, precision, words, as_of in dates_in(sentence, published)
                  if precision == "day" and not as_of and (published - day).days <= _HISTORY_DAYS
                  and not _PICTURE.search(sentence[max(0, pos - 120):pos]))
    found: list[tuple[int, date, str, bool]] = []
    for pos, day, words in days:
        said = bool(_ANNOUNCED_ON.search(sentence[max(0, pos - 60):pos]) or _ANNOUNCEMENT.match(sentence, pos + len(words))
                    or _ANNOUNCING.match(sentence, pos + len(words)))
        if found and found[-1][3] and _RESTATED.match(sentence[found[-1][0] + len(found[-1][2]):pos]):
            said = True
        found.append((pos, day, words, said))
    return found


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


NOT_A_DAY = "no day (its time is not a day)"
OWN_DAY = "the sentence's date"

# Times that are not a day: "late last month", "in January", "days after", "a few days ago", "an earlier strike".
_VAGUE = re.compile(r"\b(?:days|weeks|months)\s+(?:ago|after|before|earlier|later)\b"
                    r"|\b(?:an|one)\s+earlier\b|\ba\s+(?:previous|prior)\b", re.I)  # "an earlier strike killed six"


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


def strike_day(sentence: str, toll: Candidate, published: date | None, strike_days: list[tuple],
                n: int) -> tuple[str | None, str]:
    """The strike's day: the sentence's own, else the nearest sentence that dates a strike
    (an earlier one first: "The strike took place on Saturday. … three were killed")."""
    if _only_vaguely_dated(sentence, toll.start, published):
        return None, NOT_A_DAY
    day, how = _strike_day_from(sentence, toll, published, strike_days, n)
    after = _DAY_AFTER.search(sentence)
    if day and after and after.start() < toll.start:
        return (date.fromisoformat(day) - timedelta(days=1)).isoformat(), f"the day before {how}"
    return day, how


def _strike_day_from(sentence: str, toll: Candidate, published: date | None, strike_days: list[tuple],
                     n: int) -> tuple[str | None, str]:
    day = _sentence_day(sentence, toll.start, published)
    if day:
        return day, OWN_DAY
    day = _day_before(sentence, published)
    if day:
        return day, "the day before it was announced"
    earlier, later = [*range(n - 1, max(-1, n - 4), -1)], [*range(n + 1, min(len(strike_days), n + 3))]
    for m in earlier:
        if strike_days[m][0]:
            return strike_days[m][0], "the date a nearby sentence gives"
    # "X announced on Wednesday that it struck a boat. … the three crew members, all of whom perished":
    # the strike just announced, not one a later sentence dates ("Two died in a separate attack on Tuesday").
    if n and strike_days[n - 1][1] and not _sentence_day(sentence, toll.start, published, announced=True):
        return strike_days[n - 1][1], "the day the sentence before says it was announced"
    for m in later:
        if strike_days[m][0]:
            return strike_days[m][0], "the date a nearby sentence gives"
    article_days = {d for d, _ in strike_days if d}
    if len(article_days) == 1:
        return article_days.pop(), "the only strike date the article gives"
    day = _sentence_day(sentence, toll.start, published, announced=True)
    if day:
        return day, "the day it was announced (no strike date given)"
    for m in (*earlier, *later):
        if strike_days[m][1]:
            return strike_days[m][1], "the day a nearby sentence says it was announced"
    announced = {a for _, a in strike_days if a}
    if len(announced) == 1:
        return announced.pop(), "the only day the article says a strike was announced"
    return None, "no date given"


def strike_day_of(sentence: str, published: date | None, nouns: frozenset[str]) -> tuple[str | None, str | None]:
    """The day a sentence about a strike gives ("The strike took place on Saturday"), and the day
    it says the strike was announced, if any."""
    if not nouns & {normalise_word(w) for w in re.findall(r"[\w-]+", sentence)}:
        return None, None
    return (_sentence_day(sentence, 0, published) or _day_before(sentence, published),
            _sentence_day(sentence, 0, published, announced=True))
