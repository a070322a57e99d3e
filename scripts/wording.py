"""Numbers, hedges and dates as people write them: 10,000; 11 million; at least 14; 19 Dec 2025.

The one owner of the hedge words: pages, charts' legends, share cards, the change log, the
problems' messages and the extractor's review all import them from here (a neutral module, so
the validate and extract stages need not import from render)."""

from __future__ import annotations

from datetime import date

from scripts.records import Quantity

QUALIFIER_WORDS = {
    "exact": "",
    "about": "about",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
    "less_than": "less than",
    "range": "",
}

QUALIFIER_MEANING = {
    "exact": "exact figure",
    "about": "approximate figure",
    "at_least": "lower bound (at least)",
    "more_than": "lower bound (more than)",
    "up_to": "upper bound (up to)",
    "less_than": "upper bound (less than)",
    "range": "range (from … to …)",
}


# The legend's words for a marker's shape: what each kind of hedge means (charts draw the shapes).
HEDGE_LEGEND = {
    "exact": "exact figure",
    "about": "approximate (about, roughly)",
    "lower": "lower bound (at least, more than)",
    "upper": "upper bound (up to, as many as)",
    "range": "range (from … to …)",
}


def format_number(value: float, unit: str | None = None) -> str:
    """10000 → '10,000'; 11000000 → '11 million'; 1800000 → '1.8 million'; USD gets a '$'."""
    if value >= 1_000_000 and (value / 100_000) == int(value / 100_000):
        millions = value / 1_000_000
        text = f"{millions:,.1f}".rstrip("0").rstrip(".") + " million"
    elif value == int(value):
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"${text}" if unit == "USD" else text


def format_quantity(quantity: Quantity, unit: str | None = None) -> str:
    """Quantity(80, 'more_than') → 'more than 80'; a range → '30 to 50 million'."""
    if quantity.qualifier == "range" and quantity.high is not None:
        return format_range(quantity.value, quantity.high, unit)
    words = QUALIFIER_WORDS[quantity.qualifier]
    number = format_number(quantity.value, unit)
    return f"{words} {number}" if words else number


def format_range(low: float, high: float, unit: str | None = None) -> str:
    """30e6, 50e6 → '30 to 50 million'; 23, 24 → '23 to 24'."""
    first, last = format_number(low, unit), format_number(high, unit)
    if first.endswith(" million") and last.endswith(" million"):
        first = first[: -len(" million")]
    return f"{first} to {last}"


def unit_words(value: float, unit: str) -> str:
    """The unit as it follows a number in a sentence: '1 ship', '87 people', '500 tons a year'."""
    if unit == "USD":
        return ""
    counted, _, per = unit.partition("/")
    if per:  # a rate: 'tons/year' → 'tons a year', 'barrels/day' → 'barrels a day'
        return f"{counted} a {per}"
    if value == 1:
        return {"people": "person"}.get(unit, unit[:-1] if unit.endswith("s") else unit)
    return unit


def format_quantity_with_unit(quantity: Quantity, unit: str) -> str:
    words = unit_words(quantity.value, unit)
    text = format_quantity(quantity, unit)
    return f"{text} {words}" if words else text


def format_date(day: date, precision: str = "day") -> str:
    """date(2025, 12, 19) → '19 Dec 2025'; month precision → 'Dec 2025'; approx → 'around 19 Dec 2025'."""
    if precision == "month":
        return day.strftime("%b %Y")
    text = f"{day.day} {day.strftime('%b %Y')}"
    return f"around {text}" if precision == "approx" else text
