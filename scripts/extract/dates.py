"""The date a figure describes, from the words of its sentence and the publication date.

"on Friday" → the last Friday on or before publication (day); "Sept. 2" → that day of the most
recent such month (day); "as of Friday" likewise; "in August" → the month; "last week" → a week
before (approx); otherwise the publication date (approx): a total given "so far" is as of the
article. "since …" dates start a period and are never taken as the as-of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta

from scripts.extract.sentences import MONTHS

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_OF_MONTH = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>20\d\d))?",
                           re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\b\.?(?:\s+(?P<year>20\d\d))?", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?P<weekday>%s)\b" % "|".join(WEEKDAYS), re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"\b(?:in|during|by|since|from|early|late|mid)[\s-]+(?:early\s+|late\s+|mid-?)?"
                         rf"(?P<month>{_MONTH})\b(?!\.?\s+\d)", re.IGNORECASE)
_RELATIVE = {"yesterday": (1, "day"), "last week": (7, "approx"), "this week": (0, "approx"),
             "today": (0, "day"), "last month": (30, "approx")}
_RELATIVE_RE = re.compile(r"\b(?P<rel>%s)\b" % "|".join(_RELATIVE), re.IGNORECASE)
_AS_OF = re.compile(r"\bas of\s+$", re.IGNORECASE)
# A month alone further than this from the number usually dates another clause ("launched a
# campaign in September"); a day ("on Tuesday", "Nov. 9") dates the sentence's event wherever it is.
NEAR = 60
_STARTS_A_PERIOD = re.compile(r"\b(?:since|from|began|begun|beginning|begin|started|starting|start|launched|"
                              r"launching|launch)\s+(?:on\s+|in\s+)?(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


@dataclass(frozen=True)
class AsOf:
    day: date | None
    precision: str | None
    words: str | None  # the words it was read from, for the reason shown to editors


def _month_day(published: date, month: int, day: int, year: int | None) -> date | None:
    try:
        if year:
            return date(year, month, day)
        guess = date(published.year, month, day)
        return guess if guess <= published else date(published.year - 1, month, day)
    except ValueError:
        return None


def _days_before(published: date, days: int) -> date | None:
    """``days`` before ``published``, or None before the calendar starts (year 1)."""
    try:
        return published - timedelta(days=days)
    except OverflowError:
        return None


def _last_weekday(published: date, weekday: int) -> date | None:
    return _days_before(published, (published.weekday() - weekday) % 7)


def resolve_as_of(sentence: str, position: int, published: date | None, others: tuple[int, ...] = ()) -> AsOf:
    """The as-of date for a number at ``position`` in ``sentence``; the nearest date words win,
    except a date that follows another number of the sentence (``others``: where they end):
    "have killed 90 people in 30 attacks, including six on Sunday" dates the six only."""
    if published is None:
        return AsOf(None, None, None)
    dates = dates_in(sentence, published)
    running = bool(dates) and _running_clause(sentence, position)
    found = [f for f in dates if not _owned_by_another(sentence, f[0], position, others)
             and not _another_clause(sentence, f[0], position, running)]
    if not found:
        return AsOf(published, "approx", None)
    stated = [f for f in found if f[4]]
    near = stated or [f for f in found if f[2] != "month" or abs(f[0] - position) <= NEAR]
    if not near:
        return AsOf(published, "approx", None)
    _, day, precision, words, _ = min(near, key=lambda f: abs(f[0] - position))
    return AsOf(day, precision, words)


_RUNNING_TOTAL = re.compile(r"\b(?:so far|to date|in total|in all|altogether|overall)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:—–]")


def _running_clause(sentence: str, position: int) -> bool:
    """The number's own clause (between commas) calls it a running total: "Of the 83 killed so far,"."""
    start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, position)), default=0)
    end = _CLAUSE_END.search(sentence, position)
    return bool(_RUNNING_TOTAL.search(sentence, start, end.start() if end else len(sentence)))


def _another_clause(sentence: str, at: int, position: int, running: bool) -> bool:
    """A date across a semicolon dates that clause's event ("In all, 21 boats have been destroyed;
    the latest strike, on Monday, sank two"); a running total's clause ("Of the 83 killed so far,
    11 died on Saturday") is dated by its own words only."""
    between = sentence[min(at, position):max(at, position)]
    return ";" in between or (running and bool(_CLAUSE_END.search(between)))


_OWN_DATE = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:on|late|early|overnight|last|this)\s+(?:on\s+)?$")


def _owned_by_another(sentence: str, at: int, position: int, others: tuple[int, ...]) -> bool:
    """A date right after another number ("six on Sunday", "two more late Friday") is that number's."""
    return any(end <= at and not (end <= position < at) and _OWN_DATE.fullmatch(sentence[end:at]) for end in others)


@lru_cache(maxsize=1024)
def dates_in(sentence: str, published: date) -> tuple[tuple[int, date, str, str, bool], ...]:
    """Every date expression of a sentence: (position, date, precision, words, after "as of");
    computed once per sentence however many numbers it has."""
    found: list[tuple[int, date, str, str]] = []
    for pattern in (_DAY_OF_MONTH, _DAY_MONTH):
        for m in pattern.finditer(sentence):
            if _STARTS_A_PERIOD.search(sentence[max(0, m.start() - 48): m.start()]):
                continue
            day = _month_day(published, MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")),
                             int(m.group("year")) if m.group("year") else None)
            if day and day <= published:
                found.append((m.start(), day, "day", m.group()))
    for m in _WEEKDAY.finditer(sentence):
        day = _last_weekday(published, WEEKDAYS[m.group("weekday").lower()])
        if day and not _STARTS_A_PERIOD.search(sentence[max(0, m.start() - 48): m.start()]):
            found.append((m.start(), day, "day", m.group()))
    for m in _RELATIVE_RE.finditer(sentence):
        back, precision = _RELATIVE[m.group("rel").lower()]
        day = _days_before(published, back)
        if day:
            found.append((m.start(), day, precision, m.group()))
    for m in _MONTH_ONLY.finditer(sentence):
        if m.group().lower().startswith(("since", "from")) or _STARTS_A_PERIOD.search(sentence[max(0, m.start() - 48): m.start()]):
            continue
        month = MONTHS[m.group("month").lower()]
        year = published.year if month <= published.month else published.year - 1
        if year >= 1:
            found.append((m.start(), date(year, month, 1), "month", m.group()))
    return tuple((*f, bool(_AS_OF.search(sentence[max(0, f[0] - 12): f[0]]))) for f in found)
