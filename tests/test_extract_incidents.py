"""Strike incidents proposed from made-up articles: one rule of how journalists write per case.
Expected incidents are (date, killed), written by hand from the sentences as an editor reads them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from scripts.extract.classify import Vocabulary
from scripts.extract.incidents import incident_words, incidents_of
from scripts.load import load_dataset
from scripts.paths import ProjectPaths
from scripts.story import load_story
from tests.conftest import frozen_vocabulary_project

PUBLISHED = date(2025, 11, 16)  # a Sunday


@pytest.fixture(scope="module")
def vocabulary_and_words():
    dataset, _ = load_dataset(frozen_vocabulary_project())
    vocab = Vocabulary.of(dataset.metrics, dataset.story.extractor)
    return vocab, incident_words(vocab, load_story(ProjectPaths.default())[0])


@pytest.fixture(scope="module")
def proposed(vocabulary_and_words):
    vocab, words = vocabulary_and_words

    def incidents(body: str) -> list[tuple]:
        return [(i["date"], i["killed"] and i["killed"]["value"]) for i in incidents_of("t", body, PUBLISHED, vocab, words)]
    return incidents


RULES = {
    "a_wire_photos_caption_dates_no_strike": (
        "Navy strike on a boat kills two. "
        "FILE - This image shows a skiff shortly before it was destroyed in a strike on Oct. 3, 2025. "
        "The navy said on Saturday it struck the boat on Friday.", [("2025-11-14", 2)]),
    "a_toll_beside_the_total_it_brings_up": (
        "The navy struck a boat on Friday, killing four people and bringing the death toll of the campaign to 50.",
        [("2025-11-14", 4)]),
    "since_in_an_ordinals_opening_phrase_dates_the_count": (
        "In the twelfth known strike on a boat since September, three men aboard were killed on Friday, "
        "the navy said.", [("2025-11-14", 3)]),
    "a_toll_after_an_ordinals_since_in_its_own_clause_is_a_tally": (
        "It was the twelfth strike on a boat since September, leading to at least 60 deaths.", []),
    "a_day_years_back_is_history_not_the_strikes": (
        "A strike on a boat killed three people, the navy said Saturday. "
        "Officials likened it to the Oct. 12, 2000, attack on a destroyer.", [("2025-11-15", 3)]),
    "the_only_announcement_day_dates_an_undated_toll": (
        "The admiral on Friday announced that the navy had struck a boat. Officials gave no names. "
        "The crew had left port days earlier. The sea was calm. The strike killed four men aboard the skiff.",
        [("2025-11-14", 4)]),
    "a_toll_told_late_last_month_is_another_undated_strike": (
        "The navy said on Friday it killed two men in a strike on a boat. "
        "It carried out another strike on a skiff late last month, killing two.",
        [("2025-11-14", 2), (None, 2)]),
    "a_toll_days_after_another_is_undated": (
        "The attack on Saturday killed three people on a boat. It comes a day after the navy killed two men in a "
        "strike on a skiff, and days after another strike on a vessel killed one man.",
        [("2025-11-15", 3), ("2025-11-14", 2), (None, 1)]),
    "the_parts_of_a_days_operation_that_add_up_are_that_operation": (
        "Strikes on two boats on Friday killed five people, the navy said. "
        "In the first strike, two men were killed on the boat. In the second strike, three men died.",
        [("2025-11-14", 5)]),
    "parts_that_do_not_add_up_to_the_days_toll_stay": (
        "Strikes on two boats on Friday killed five people, the navy said. "
        "In the first strike, two men were killed on the boat.",
        [("2025-11-14", 5), ("2025-11-14", 2)]),
    "a_number_another_figures_verb_governs_is_no_toll": (  # as "injuring one" where injuries are a metric
        "A strike on a boat on Friday destroyed the skiff, killing two and capturing one.", [("2025-11-14", 2)]),
    "the_surviving_are_no_toll": (
        "The navy killed two men on a boat on Friday, with one person surviving the strike.", [("2025-11-14", 2)]),
    "a_difference_between_counts_is_no_toll": (
        "The navy killed nine men in a strike on a boat on Friday, four more people than first reported.",
        [("2025-11-14", 9)]),
    "more_without_than_is_still_a_toll": (
        "The navy said Saturday it killed four more people in a strike on a boat.", [("2025-11-15", 4)]),
    "deaths_of_an_attack_on_a_named_place_are_no_boat_strike": (  # the boat's strike, with no toll told
        "The strike on Friday targeted a boat. The campaign also included the attack on Port Verde, which killed "
        "at least 20 people.", [("2025-11-14", None)]),
    "a_strike_without_a_toll_in_an_article_that_tells_tolls_is_history": (
        "The navy killed two men on a boat on Friday. During the first strike, on Oct. 3, two men survived.",
        [("2025-11-14", 2)]),
    "an_attack_on_a_named_day_is_still_a_strike": (
        "The attack on Friday killed three people aboard.", [("2025-11-14", 3)]),
    "a_toll_over_several_days_is_a_sum": (
        "The navy said on Friday that eight people were killed in the four days of strikes on boats.", []),
    "a_tally_in_the_perfect_tense_of_an_irregular_verb": (
        "The strikes on boats have left at least 40 dead.", []),
    "a_first_count_the_article_corrects_is_no_incident": (
        "The navy killed seven men in strikes on boats on Friday, officials said. When the strike was first "
        "announced, the navy said only that it had killed two people.", [("2025-11-14", 7)]),
    "a_first_count_alone_stays": (
        "When the strike on a boat on Friday was first announced, the navy said it had killed two people.",
        [("2025-11-14", 2)]),
    "a_toll_paired_with_more_strikes_than_an_operation_is_a_tally": (
        "Officials on Friday reported 120 deaths in 35 attacks on boats.", []),
    "a_toll_of_a_days_few_strikes_is_one_operation": (
        "The navy killed 11 people in three strikes on boats on Friday.", [("2025-11-14", 11)]),
    "a_pictures_day_dates_no_strike": (
        "Navy strike on a boat kills two. A boat is hit in this screen grab from video released on Oct. 3. "
        "The navy said the strike took place on Friday.", [("2025-11-14", 2)]),
    "an_assault_named_by_its_day_dates_the_toll": (  # 'assault' is a strike noun of the metrics' vocabulary
        "The navy struck a boat, killing three people. The Tuesday assault was the latest of the campaign.",
        [("2025-11-11", 3)]),
    "an_undated_toll_of_a_strike_named_by_its_rank_is_history": (
        "The navy struck a boat on Friday, killing two. In the fifth attack, announced weeks ago, six people died.",
        [("2025-11-14", 2)]),
    "crewmembers_are_people": (  # story.yaml's extractor people words
        "Two crewmembers died when the navy struck their boat on Friday.", [("2025-11-14", 2)]),
    "perished_is_a_toll_in_a_relative_clause_too": (  # 'perished' is a cue of the toll's metric
        "The navy struck a boat on Friday and named the three men aboard, all of whom perished, as smugglers.",
        [("2025-11-14", 3)]),
    "a_toll_after_its_strikes_announcement_is_of_that_strike_not_a_later_sentences": (
        "The admiral announced on Friday that the navy had struck a boat. He called the three men aboard, all of "
        "whom perished, smugglers. Two men died in a separate strike on Wednesday.",
        [("2025-11-14", 3), ("2025-11-12", 2)]),
    "a_part_the_figure_rules_set_aside_still_adds_up_to_the_days_toll": (
        "The navy said strikes on two boats on Friday killed five people. Two men died and one survived the first "
        "strike. Three men were killed during the second strike.", [("2025-11-14", 5)]),
    "a_part_the_figure_rules_set_aside_is_not_proposed_alone": (
        "The navy said strikes on two boats on Friday killed five people. Three men were killed during the second "
        "strike, it said.", [("2025-11-14", 5)]),
    "a_counts_as_of_day_dates_no_strike": (
        "The navy struck a boat, killing three. As of Friday, there have been 20 strikes on boats.", [(None, 3)]),
    "a_toll_right_after_a_tally_breaks_the_tally_down": (
        "Officials said the strikes on boats have killed 80 people so far. Seventy-five men were killed at sea, "
        "they said.", []),
}


@pytest.mark.parametrize("name", sorted(RULES))
def test_incident_rule(name, proposed):
    body, expected = RULES[name]
    assert proposed(body) == expected


def test_the_most_strikes_one_operation_holds_comes_from_the_story(vocabulary_and_words):
    """story.yaml's `largest_count`: a toll beside more strikes is a tally; a story whose operations
    hold more reads the same sentence as one operation's toll."""
    vocab, words = vocabulary_and_words
    body = "Officials on Friday reported 120 deaths in 35 attacks on boats."
    assert incidents_of("t", body, PUBLISHED, vocab, words) == []
    larger = [(i["date"], i["killed"]["value"]) for i in incidents_of("t", body, PUBLISHED, vocab,
                                                                         replace(words, largest_count=40))]
    assert larger == [("2025-11-14", 120)]
