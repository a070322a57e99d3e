"""The title and summary `accept` writes for a new incident, from the templates of story.yaml's
incident `wording` (the engine writes no sentence of its own).

A template names what it writes in braces: {Noun} and {noun} (the incident's noun, or its plural
when the `count` figure is more than one), {verb} (the story's verb agreeing with it), {where} (the
`where` wording with the place, or `nowhere`), {toll} or a figure by name in words ('two', 'at least
3'), {name:one/many} (the first form when the figure is exactly one), {outlet}, {also} (the `also`
clause of each figure given) and {figures} (every figure given with its words). Templates are
substituted, never evaluated: an unknown name is a problem of story.yaml (scripts/story.py).
"""

from __future__ import annotations

import re

from scripts.records import Quantity
from scripts.story import TEMPLATE_FIELD as _FIELD, IncidentType
from scripts.wording import format_quantity

SMALL_COUNTS = ("no one", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_words(quantity: Quantity) -> str:
    """'two' for an exact small count, else the hedged number: 'at least 14'."""
    if quantity.qualifier == "exact" and float(quantity.value).is_integer() and 0 <= quantity.value < len(SMALL_COUNTS):
        return SMALL_COUNTS[int(quantity.value)]
    return format_quantity(quantity)


def _one(quantity: Quantity) -> bool:
    return quantity.qualifier == "exact" and quantity.value == 1


def _verb_agreeing(verb: str, several: bool) -> str:
    if several:
        return verb
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


def _fill(template: str, values: dict[str, str], figures: dict[str, Quantity]) -> str:
    def one(match: re.Match) -> str:
        name, singular, plural = match.groups()
        if singular is not None:
            quantity = figures.get(name)
            return singular if quantity is not None and _one(quantity) else plural
        return values.get(name, match.group())
    return _FIELD.sub(one, template)


def _named(template: str) -> set[str]:
    return {m.group(1) for m in _FIELD.finditer(template)}


def title_and_summary(incident: IncidentType, place: str | None, figures: dict[str, Quantity],
                      outlet: str) -> tuple[str, str]:
    """The new incident's title and summary: 'Attack in the Red Sea kills three'."""
    wording = incident.wording
    count = figures.get(incident.count) if incident.count else None
    several = count is not None and not _one(count)
    noun = incident.plural if several else incident.noun
    known = place not in (None, incident.unknown_place)
    values = {name: count_words(q) for name, q in figures.items()}
    if incident.toll in figures:
        values["toll"] = values[incident.toll]
    values |= {"noun": noun, "Noun": noun[:1].upper() + noun[1:], "verb": _verb_agreeing(incident.verb, several),
               "outlet": outlet, "place": place or "",
               "figures": ", ".join(f"{count_words(figures[f.name])} {f.words}" for f in incident.figures
                                    if f.name in figures)}
    values["where"] = _fill(wording.where, values, figures) if known else wording.nowhere
    values["also"] = "".join(_fill(clause, values, figures) for name, clause in wording.also if name in figures)
    given = set(values)
    template = next((t for t in wording.summary if _named(t) <= given), wording.summary[-1])
    title, summary = _fill(wording.title, values, figures), _fill(template, values, figures)
    return title[:1].upper() + title[1:], summary[:1].upper() + summary[1:]
