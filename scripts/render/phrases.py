"""A figure named in words, from its metric's label and unit: 'at least 148 people killed in the
strikes', or 'US Navy warships in the region: 11 ships' when the label does not start with what
the unit counts. Used by the change log and the share cards; every word comes from the facts."""

from __future__ import annotations

from scripts.records import Metric, Quantity
from scripts.wording import format_quantity, format_quantity_with_unit, unit_words


def _lowered(word: str) -> str:
    """A label's first word in mid-sentence: 'People' → 'people'; 'US' stays 'US'."""
    return word[:1].lower() + word[1:] if word[1:2].islower() else word


def _counted_at(metric: Metric) -> int | None:
    """Where the label names what the unit counts: first, or after acronyms ('US submarines')."""
    words = metric.label.split(" ")
    counted = metric.unit.partition("/")[0].lower()
    at = next((i for i, w in enumerate(words[:3]) if w.lower() == counted), None)
    return at if at is not None and all(w.isupper() for w in words[:at]) else None


def figure_parts(metric: Metric, quantity: Quantity) -> tuple[str, str]:
    """(the number with its hedge, what it counts): ('at least 148', 'people killed in the strikes')
    or ('about 1.1 million barrels a day', "the country's oil output")."""
    at = _counted_at(metric)
    if at is None:
        return format_quantity_with_unit(quantity, metric.unit), metric.label
    words = metric.label.split(" ")
    named = [*words[:at], unit_words(quantity.value, metric.unit) or words[at], *words[at + 1:]]
    return format_quantity(quantity, metric.unit), " ".join(named)


def figure_words(metric: Metric | None, quantity: Quantity | None, fallback: str) -> str:
    """The figure as a phrase; without a quantity, what the metric counts ('people killed in the
    strikes'); without a metric (one since removed), its id."""
    if metric is None:
        return f"{fallback}: {format_quantity(quantity)}" if quantity else fallback
    if quantity is None:
        return _lowered(metric.label) if _counted_at(metric) == 0 else metric.label
    number, counted = figure_parts(metric, quantity)
    if _counted_at(metric) is None:
        return f"{counted}: {number}"
    return f"{number} {counted}"
