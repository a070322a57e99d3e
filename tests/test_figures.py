"""A figure is its quote's own: the value is a number the quote states (read as the extractor
reads numbers), hedged no more firmly than there, unless the editor says how it was derived."""

from __future__ import annotations

import time

import pytest

from scripts.figures import mismatches
from scripts.quotes import closest_sentence, find_quote
from scripts.records import Quantity
from scripts.validate import validate_project

Q = Quantity


@pytest.mark.parametrize("claim, quote, events, nouns", [
    (Q(87, "at_least"), "The attacks have left at least 87 dead.", False, ()),
    (Q(1200), "Some 1,200 troops arrived; 1,200 were counted.", False, ()),
    (Q(11), "The strike killed eleven people.", False, ()),
    (Q(12, "about"), "Nearly a dozen boats were hit.", False, ()),
    (Q(11_000_000, "up_to"), "as many as 11 million barrels in 39 tankers", False, ()),
    (Q(39, "up_to"), "as many as 11 million barrels in 39 tankers", False, ()),  # hedging more is allowed
    (Q(20), "It was the 20th strike since September.", True, ()),
    (Q(1), "The US hit a boat on Tuesday, officials said.", False, ("boats",)),
    (Q(1), "The sole survivor was flown to Ecuador.", False, ("survivors",)),
    (Q(1), "A single strike destroyed it.", True, ("strikes",)),
    (Q(2), "Forces conducted a SECOND Kinetic Strike this morning.", True, ()),  # any ordinal, for events
    (Q(19), "He announced the 18th and 19th strike on Sunday.", True, ()),
])
def test_numbers_the_quote_states_are_accepted(claim, quote, events, nouns):
    assert mismatches([claim], quote, events, nouns) == []


@pytest.mark.parametrize("claim, quote, events, code", [
    (Q(870, "at_least"), "The attacks have left at least 87 dead.", False, "value-not-in-quote"),
    (Q(87), "The attacks have left at least 87 dead.", False, "qualifier-not-in-quote"),
    (Q(10_000), "Some 10,000 troops are there.", False, "qualifier-not-in-quote"),
    (Q(39, "at_least"), "up to 39 tankers wait", False, "qualifier-not-in-quote"),
    (Q(20), "It was the 20th strike since September.", False, "value-not-in-quote"),  # deaths: not a count
    (Q(1), "Officials gave no figure for the boat.", False, "value-not-in-quote"),
])
def test_a_number_the_quote_does_not_state_is_reported(claim, quote, events, code):
    assert [m.code for m in mismatches([claim], quote, events, ("boats",))] == [code]


def test_a_range_claims_its_low_end_as_a_floor_and_its_high_end_as_a_ceiling():
    from scripts.validate import claimed_numbers

    claims = claimed_numbers(Q(4, "range", 16))
    assert mismatches(claims, "At least 4 tankers got through, maybe as many as 16.") == []
    assert mismatches(claimed_numbers(Q(30_000_000, "range", 50_000_000)),
                      "between 30 million to 50 million barrels of oil") == []
    assert [m.code for m in mismatches(claims, "At least 4 tankers got through, maybe 17.")] == ["value-not-in-quote"]


def test_a_range_checks_both_of_its_numbers():
    from scripts.validate import claimed_numbers

    def claims(low, high):
        return claimed_numbers(Q(low, "range", high))

    assert mismatches(claims(30_000_000, 50_000_000), "Between 30 and 50 million people live there.") == []
    assert mismatches(claims(23, 24), "The boat carried 23 or 24 people.") == []
    assert [m.claimed.value for m in mismatches(claims(23, 25), "The boat carried 23 or 24 people.")] == [25]
    # one end of a range recorded as an exact figure claims more than the source
    assert [m.code for m in mismatches([Q(23)], "The boat carried 23 or 24 people.")] == ["qualifier-not-in-quote"]


@pytest.mark.parametrize("quote, text, found", [
    ("at least 8", "The toll is at least 87 dead.", "cut"),
    ("7 dead, officials", "The toll is 87 dead, officials said.", "cut"),
    ("is at least 87", "The toll is at least 87.5 dead.", "cut"),
    ("at least 87", "at least 8 and at least 87 dead", "found"),
    ("at least 87 dead.", "The toll is at least 87 dead.", "found"),
    ("killed 6", "killed 7 and not 6", "missing"),
])
def test_a_quote_matches_its_source_on_word_boundaries(quote, text, found):
    assert find_quote(quote, text) == found


def test_a_derived_figure_says_how_and_is_then_not_looked_for(mini):
    path = mini.facts / "strikes.yaml"
    text = path.read_text()
    path.write_text(text.replace("    value: 20\n", "    value: 24\n", 1))
    _, problems = validate_project(mini)
    assert [p.code for p in problems] == ["value-not-in-quote"]
    path.write_text(text.replace("    value: 20\n", "    value: 24\n    derived: 20 dead in the campaign plus the "
                                 "4 of a later strike in the same article\n", 1))
    dataset, problems = validate_project(mini)
    assert problems == []
    assert next(o for o in dataset.observations if o.id == "deaths-first").derived.startswith("20 dead")


def test_the_did_you_mean_search_is_bounded_whatever_the_article():
    words = [f"w{i}" for i in range(4000)]
    article = " ".join(words[(i * 7919) % 4000] for i in range(7000))  # 40 KB, one sentence
    quote = " ".join(words[(i * 104729) % 4000] for i in range(150))[:900]
    start = time.perf_counter()
    for n in range(5):
        closest_sentence(quote + str(n), article)
    assert (time.perf_counter() - start) / 5 < 0.05
