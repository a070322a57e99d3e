"""Ordinals and series: "its 20th strike", "the ninth such operation", "the seven ships seized
since …", "the fourth time that …": a number that ranks one event in a series, or counts the times
something happened, counts a running total (kind `cumulative`), never what is there at a moment."""

from __future__ import annotations

import re

from scripts.extract.numbers import Mention
from scripts.extract.vocabulary import (TIMES, Anchor, Placement, SentenceIndex, Token, Vocabulary, by_context,
                                        cue_distance, words_of)

RUNNING = re.compile(r"\b(so far|in total|total|toll|since|campaign|to date|overall|cumulative|brought|raising|"
                     r"risen|rose|altogether|series)\b", re.I)
SERIES_AFTER = re.compile(r"\s+(?:such|known|confirmed|reported|one)\b", re.I)
QUANTIFIERS = {"several", "multiple", "many", "some", "few", "two", "three", "four", "five", "numerous"}


def named_by_its_cue(index: SentenceIndex, chunk: list[int]) -> bool:
    """'the eighth ship seized by', 'the ninth boat destroyed': the thing counted, then what
    was done to it (a metric's cue, as a participle), counts like 'the ninth such'."""
    return bool(_done_to(index, chunk))


def _done_to(index: SentenceIndex, chunk: list[int]) -> list[str]:
    """The metrics whose cue, as a participle right after the counted words, says what was done to
    them ('seven ships seized since …')."""
    if not chunk or chunk[-1] + 1 >= len(index.words) or not index.words[chunk[-1] + 1].norm.endswith("ed"):
        return []
    at = chunk[-1] + 1
    return [mid for mid, occs in index.cues.items() if any(o.start == at for o in occs)]


def counts_by_ordinal(sentence: str, mention: Mention, chunk: list[Token]) -> bool:
    """'its 20th strike', 'the first known operation since …', 'the fourth time': counts; 'during
    the third strike' of one operation only labels it."""
    before = sentence[max(0, mention.number_start - 40): mention.number_start].lower()
    if re.search(r"\b(?:its|their|his|her|a)\s+$", before) or mention.qualifier != "exact":
        return True  # "its 20th strike", "a fourth strike", "at least the fifth"
    if SERIES_AFTER.match(sentence[mention.number_end:]):
        return True  # "the ninth such operation", "the eighth known attack", "the fourth one this month"
    if chunk and chunk[-1].norm in TIMES:
        return True
    return bool(RUNNING.search(sentence))


def series_done_to(index: SentenceIndex, chunk: list[int], found: list[str], vocab: Vocabulary) -> str | None:
    """'the seven ships seized since …': things of a kind that is there at a moment (kind `level`:
    ships in the region), then what was done to them, count the running total of that deed."""
    if any(vocab.metric(m).kind != "level" for m in found):
        return None
    series = [m for m in _done_to(index, chunk) if vocab.metric(m).kind == "cumulative"]
    return series[0] if len(series) == 1 else None


def place_ordinal(index: SentenceIndex, at: Anchor, chunk: list[int], found: set[str],
                   vocab: Vocabulary) -> Placement:
    """'the seventh ship apprehended since …': an ordinal ranks one event in a series, so it counts
    a running total (kind `cumulative`), never what is there at a moment (kind `level`: 'ships'
    in the region). A noun of a level metric, or of several metrics, leaves the sentence's cue to say
    what the series is ('a third ship known as …' is none)."""
    words = index.words
    series = [m.id for m in vocab.metrics if m.kind == "cumulative" and m.id in found]
    if len(found) == 1 and series:
        cue = cue_distance(index, at, series[0], set(chunk))
        return Placement(series[0], 0.9 if cue is not None else 0.8,
                         f"“{words_of(words, chunk)}” follows the number (a noun of {series[0]})"
                         + (f"; “{cue[1]}” agrees" if cue else ""))
    eligible = series or [m.id for m in vocab.metrics if m.kind == "cumulative"]
    mid, cue = by_context(index, at, eligible, set(chunk), reach=8)
    if mid is None:
        return Placement(None, 0.2, f"“{words_of(words, chunk)}” ranks in no running count")
    return Placement(mid, 0.7, f"an ordinal counts a series, and “{cue}” says of what ({mid})")


def place_times(index: SentenceIndex, at: Anchor, chunk: list[int], vocab: Vocabulary) -> Placement:
    """'the fourth time that … have flown near', 'at least twice deployed … to fly near': a count of
    events, so only running totals qualify, and the event's cue decides."""
    words = index.words
    cumulative = [m.id for m in vocab.metrics if m.kind == "cumulative"]
    # "the first time that several strikes were conducted": a quantity of strikes, not of times
    quantified = {i for i in range(1, len(words)) if words[i - 1].norm in QUANTIFIERS}
    # What happened that many times is told after the number: "the fourth time that … flew near".
    mid, cue = by_context(index, at, cumulative, set(chunk) | quantified, reach=10, after_weight=1)
    if mid:
        return Placement(mid, 0.65, f"counts the times that “{cue}” happened ({mid})")
    return Placement(None, 0.2, "counts times of something that is not a metric")


def ordinal_of_a_deed(index: SentenceIndex, chunk: list[int], vocab: Vocabulary) -> Placement | None:
    """'the fourth such seizure', 'its ninth interdiction': an ordinal whose head names the deed
    itself (a cue of one running total, as a noun) ranks that deed's series."""
    head = chunk[-1]
    named = [mid for mid, occs in index.cues.items() if vocab.metric(mid).kind == "cumulative"
             and any(o.start <= head < o.start + o.length for o in occs)]
    if len(named) != 1:
        return None
    return Placement(named[0], 0.7, f"an ordinal of “{words_of(index.words, chunk)}”, the deed {named[0]} counts")
