"""Is a figure its quote's own? The numbers a quote states are read the way the extractor reads
them (digits, "1,200", "eleven", "a dozen", "11 million", "the 20th strike"), and every number a
record claims must be one of them, with a hedge no stronger than the quote's: "at least 87" may
be recorded as at least 87, never as exactly 87 (the site would claim more than the source).

A figure an editor works out (a sum of parts, a difference, a number from another sentence) says
so in ``derived:``, and is then not looked for in the quote."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from scripts.extract.numbers import MULTIPLIERS, ORDINALS, find_numbers
from scripts.records import Quantity

# "a strike", "one vessel", "the sole survivor": 1 written as a word before the counted noun.
_ONE = r"\b(?:a|an|one|single|sole)\s+(?:[\w-]+\s+){0,2}?"
_ONE_MORE = r"\b(?:another|the)\s+(?:[\w-]+\s+){0,2}?"
_RANGE_JOIN = re.compile(r"\s*(?:to|or|and|-|–)\s*", re.IGNORECASE)
_MULTIPLIER_AT_END = re.compile(r"\b(thousand|million|billion)$", re.IGNORECASE)
# Any ordinal a quote writes ("a SECOND strike", "the 18th and 19th strike"): for a count of
# events the editor reads it as the running count, which the extractor, wary of "a second
# look", proposes only after "the".
_ANY_ORDINAL = re.compile(r"\b(?:(?P<digits>\d{1,6})(?:st|nd|rd|th)|(?P<word>" + "|".join(
    sorted(ORDINALS, key=len, reverse=True)) + r"))\b", re.IGNORECASE)
# Reading numbers from a quote longer than this is not worth the time: quotes are one sentence.
MAX_QUOTE_READ = 2000


@dataclass(frozen=True)
class Mismatch:
    code: str  # value-not-in-quote or qualifier-not-in-quote
    claimed: Quantity
    stated: tuple[Quantity, ...]  # what the quote states (all of it, or the same number's hedges)


@lru_cache(maxsize=4096)
def stated_quantities(quote: str, counts_events: bool) -> tuple[Quantity, ...]:
    """The numbers a quote states, each with its hedge; ordinals ("the 20th strike") only when
    the metric counts events."""
    found = []
    mentions = find_numbers(quote[:MAX_QUOTE_READ])
    for mention, after in zip(mentions, [*mentions[1:], None]):
        if mention.ordinal and not counts_events:
            continue
        if mention.high is not None:  # "30 to 50 million": at least the one, at most the other
            found += [Quantity(mention.value, "at_least"), Quantity(mention.high, "up_to")]
            continue
        found.append(Quantity(mention.value, mention.qualifier))
        scale = _shared_multiplier(quote, mention, after)
        if scale:  # "30 to 50 million": the 30 is 30 million too
            found.append(Quantity(mention.value * scale, mention.qualifier))
    if counts_events:
        for match in _ANY_ORDINAL.finditer(quote[:MAX_QUOTE_READ]):
            digits, word = match.group("digits"), match.group("word")
            found.append(Quantity(float(digits) if digits else float(ORDINALS[word.lower()])))
    return tuple(found)


def _shared_multiplier(quote: str, low, high) -> int | None:
    """The multiplier of the second number of "30 to 50 million", "23 or 24 thousand"."""
    if high is None or not _RANGE_JOIN.fullmatch(quote[low.number_end:high.number_start]):
        return None
    word = _MULTIPLIER_AT_END.search(quote[high.number_start:high.number_end])
    return MULTIPLIERS[word.group(1).lower()] if word and not _MULTIPLIER_AT_END.search(
        quote[low.number_start:low.number_end]) else None


def _singular(nouns: Sequence[str]) -> set[str]:
    return {(noun[:-1] if noun.endswith("s") else noun).lower() for noun in nouns}


def _names(forms: set[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def states_one(quote: str, nouns: Sequence[str], incident: bool = False) -> bool:
    """Whether the quote says "a"/"one"/"single" before one of the counted nouns (singular too);
    of one incident, also "another"/"the" before one in the singular ("another strike", "the
    vessel"), which name a single thing."""
    singular = _singular(nouns)
    forms = singular | {n.lower() for n in nouns}
    if not forms:
        return False
    text = quote[:MAX_QUOTE_READ]
    return (re.search(rf"{_ONE}(?:{_names(forms)})\b", text, re.IGNORECASE) is not None
            or (incident and re.search(rf"{_ONE_MORE}(?:{_names(singular)})\b", text, re.IGNORECASE) is not None))


def states_none(quote: str, nouns: Sequence[str]) -> bool:
    """Whether the quote says "no survivors", "no one survived"-like none of a counted noun."""
    forms = _singular(nouns) | {n.lower() for n in nouns}
    return bool(forms) and re.search(rf"\bno\s+(?:[\w-]+\s+)?(?:{_names(forms)})\b", quote[:MAX_QUOTE_READ],
                                     re.IGNORECASE) is not None


def _within(claimed: Quantity, stated: Quantity) -> bool:
    """The claim allows everything the quote allows: as hedged as the quote, or more."""
    return claimed.lower <= stated.lower and stated.upper <= claimed.upper


def mismatches(claims: Iterable[Quantity], quote: str, counts_events: bool = False,
               nouns: Sequence[str] = (), incident: bool = False) -> list[Mismatch]:
    """What is wrong with each number a record claims (its value, and with a range its high end)
    as against what its quote states; empty when every claim is stated. ``incident``: the figures
    of one event (a strike's vessels), not a running total."""
    stated = stated_quantities(quote, counts_events)
    found: list[Mismatch] = []
    for claim in claims:
        same = tuple(s for s in stated if abs(s.value - claim.value) <= 1e-9 * max(1.0, abs(claim.value)))
        if not same and claim.value == 1 and states_one(quote, nouns, incident):
            same = (Quantity(1, "exact"),)
        if not same and claim.value == 0 and states_none(quote, nouns):
            same = (Quantity(0, "exact"),)
        if not same:
            found.append(Mismatch("value-not-in-quote", claim, stated))
        elif not any(_within(claim, s) for s in same):
            found.append(Mismatch("qualifier-not-in-quote", claim, same))
    return found
