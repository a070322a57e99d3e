"""Which numbers of a sentence are a strike's toll: a figure of the toll's metric that is not a
running total ("have been killed", "since September", "bringing the toll to 46"), not another
figure's ("injuring one", "six surviving men", "four more than first reported"), not a sum over
days or a campaign ("in the three days of strikes", "120 deaths in 35 attacks"), and told of a
strike on a boat, not of an attack on a named place or a raid.

Which words are another figure's comes from the metrics' own cues (facts/metrics.yaml), not from here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scripts.extract.candidates import Candidate
from scripts.extract.classify import RUNNING, Vocabulary, normalise_word
from scripts.extract.dates import WEEKDAYS
from scripts.extract.numbers import ORDINALS
from scripts.extract.sentences import MONTHS


def not_a_toll(sentence: str, toll: Candidate, here: list[Candidate], others: frozenset[str],
               count: tuple[str | None, int | None]) -> bool:
    """A figure of the toll's metric that tells something else: a running total, another figure,
    a difference, a sum over several days, or a campaign's tally."""
    return bool((_running(sentence, toll, 0, here) and not _one_days_part_of_a_tally(sentence, toll)) or _counts_another_figure(sentence, toll, others)
                or _DIFFERENCE.match(sentence, toll.end) or _SPAN.search(sentence, toll.end, toll.end + 80)
                or _beside_a_campaigns_count(sentence, toll, here, *count))


# "At least 115 people have been killed", "The US has now carried out 41 strikes, killing 144": the
# perfect tense tells a tally, not one strike ("it had killed five" tells one); "have left 87 dead" too.
_TALLY_TENSE = re.compile(r"\b(?:have|has)\s+(?:now\s+|so far\s+|already\s+)?(?:been\s+)?"
                          r"(?:[a-z]+(?:ed|en|ne)|left|cost|hit|struck)\b", re.I)
_SINCE = re.compile(r"\bsince\b|\bas of\b", re.I)
_ORDW = "|".join(sorted(ORDINALS, key=len, reverse=True))


# What follows a toll after one of these is another clause's: "killing six and bringing the toll to 46".
_NEXT_CLAUSE = re.compile(r"[,;—–]|\s(?:and|while|but)\s|$")


def _running(sentence: str, c: Candidate, sentence_start: int, here: list[Candidate] = ()) -> bool:
    """A toll that is a running total: a total word ("toll", "so far", "since") close to the number,
    a total brought to it, "since …" before it, or a tally told in the perfect tense."""
    at = c.start - sentence_start
    after = sentence[at: at + 40]
    after = after[:_NEXT_CLAUSE.search(after).start()]  # "killing six, bringing the toll to 46": the 46's words
    before = "" if _ORDINAL_INTRO.search(sentence[:at]) else sentence[_after_another_numbers_clause(sentence, at, here, c.metric):at]
    return bool(RUNNING.search(before[-60:] + " " + after) or "brought to" in c.reason
                or _SINCE.search(before) or _TALLY_TENSE.search(sentence[max(0, at - 100): at + 70]))


# "have killed at least 87 people, including four on Thursday": the part of a tally one day gives is
# that day's toll.
_INCLUDING = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+(?:at least\s+|about\s+)?$", re.I)
_ON_A_DAY = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:on\s+|late\s+|early\s+)?([A-Za-z]+)", re.I)


def _one_days_part_of_a_tally(sentence: str, toll: Candidate) -> bool:
    day = _ON_A_DAY.match(sentence, toll.end)
    return bool(_INCLUDING.search(sentence[max(0, toll.start - 40):toll.start]) and day and day.group(1).lower().rstrip(".") in _TIME_WORDS)


def a_running_total(sentence: str, toll: Candidate) -> bool:
    return bool(_running(sentence, toll, 0))


def _after_another_numbers_clause(sentence: str, at: int, here: list[Candidate], toll_metric: str | None) -> int:
    """Where the words that may tell of the toll at ``at`` start: after the clause of another toll
    before it ("Of the 83 people killed so far, 11 died": "so far" is the 83's). A count of another
    figure keeps its words ("five attacks since Sept. 2, resulting in 27 deaths": a tally)."""
    ends = [c.end for c in here if c.end <= at and c.metric == toll_metric]
    if not ends:
        return 0
    cut = re.search(r"[,;]", sentence[max(ends):at])
    return max(ends) + cut.end() if cut else 0


# "In the eighth known attack on a boat since Sept. 2, two men were killed": the opening phrase places
# the strike in the count ("since" dates the count); the toll, first in the clause after it, is the strike's.
# So does an ordinal's phrase that is the toll verb's subject: "The first strike of the campaign, on
# Sept. 2, killed 11 people" (not "The fifth attack since September, resulting in 27 deaths").
_ORDINAL_INTRO = re.compile(rf"^\W*(?:in\s+)?(?:what\s+(?:is|was)\s+)?the\s+(?:{_ORDW}|\d+(?:st|nd|rd|th))\b"
                            r"[^,;]*(?:,\s*$|(?:,[^,;]*,[^,;]*)?\s[a-z]+\s+$)", re.I)


def _stem(word: str) -> str:
    """'surviving', 'survived', 'survivors' → 'surviv'; 'injuring', 'injuries' → 'injur'."""
    return re.sub(r"(?:ing|ed|ors?|ies|es|e|s)$", "", word.lower())


def other_cue_stems(vocab: Vocabulary, toll_metric: str) -> frozenset[str]:
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


_PAIRED = re.compile(r"\s+(?:[\w-]+\s+){0,4}$")


def _beside_a_campaigns_count(sentence: str, toll: Candidate, here: list[Candidate],
                              strikes: str | None, largest: int | None) -> bool:
    """A toll paired with a count of more strikes than an operation holds ("21 attacks and 83 deaths";
    the most: story.yaml's `largest_count`) is a running total of the campaign, whatever its tense."""
    if strikes is None or largest is None:
        return False
    for c in here:
        if c.metric != strikes or c.value <= largest or _ORDINAL_END.search(sentence, c.start, c.end):
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
CAPTION = re.compile(r"\s*FILE\s*[-–—]\s")

# A name is not the thing: "Operation Absolute Resolve" names a raid, not an incident the word operation counts.
_NAME = re.compile(r"[A-Z][\w-]*\s+[A-Z]")


def about_boats(text: str, nouns: frozenset[str]) -> bool:
    """The sentence names a strike or a vessel (not as part of a capitalised name, nor an attack on a
    named place)."""
    for word in re.finditer(r"[\w-]+", text):
        if (normalise_word(word.group()) in nouns and not (word.start() > 0 and _NAME.match(text, word.start()))
                and not _on_a_place(text, word.end())):
            return True
    return False


# "the attack on Port Verde", "strikes against Lakeside": a named place is no boat ("on Sept. 2",
# "on Tuesday" date the strike).
_ON_A_NAME = re.compile(r"\s+(?:on|against)\s+([A-Z][\w-]*)")
_TIME_WORDS = frozenset((*MONTHS, *WEEKDAYS))


def _on_a_place(text: str, at: int) -> bool:
    named = _ON_A_NAME.match(text, at)
    return bool(named) and named.group(1).lower().rstrip(".") not in _TIME_WORDS


# "Hours later, gang violence in a border town killed seven": the killing's own subject, named.
_KILLER = re.compile(r"(?:^|[,;:—–])\s*(?P<subject>[^,;:—–]*?)\s*\b(?P<verb>[a-z]+)\s+"
                     r"(?:at least\s+|more than\s+|about\s+|some\s+|nearly\s+|an estimated\s+)?$", re.I)
_PRONOUN = re.compile(r"^(?:(?:and|but|then|which|who|that|it|they|he|she|we)\b\s*)*$", re.I)


def killed_by_someone_named(text: str, toll: Candidate, cues: frozenset[str]) -> bool:
    """The toll is the object of a killing verb whose subject the sentence names ("gang violence …
    killed seven"), not a pronoun ("it killed three"): in a sentence that names no strike or boat,
    another party's deaths, not the strike the sentence before told."""
    killer = _KILLER.search(text[max(0, toll.start - 200):toll.start])
    return bool(killer and killer.group("verb").lower() in cues and not _PRONOUN.match(killer.group("subject")))


def names_a_land_attack(text: str, nouns: frozenset[str]) -> bool:
    return any(normalise_word(w.group()) in nouns and _on_a_place(text, w.end()) for w in re.finditer(r"[\w-]+", text))


# "When the attack was first announced, the navy said only that …": a count the article corrects.
FIRST_COUNT = re.compile(r"\b(?:(?:was|were|had)\s+(?:first|initially|originally)|initially|originally|at first)\s+"
                          r"(?:announced|reported|said|stated)\b", re.I)


# "the first strike", "the second boat", "the other two vessels": one part of an operation.
_PART = re.compile(rf"\bthe\s+(?:{_ORDW}|other|last)\s+(?:[\w-]+\s+){{0,2}}?([\w-]+)", re.I)


def names_a_part(sentence: str, nouns: frozenset[str]) -> bool:
    return any(normalise_word(m.group(1)) in nouns for m in _PART.finditer(sentence))


PART_SET_ASIDE = "the toll of one part of an operation, told only to add up to the day's toll"


def with_parts_tolls(sentence: str, here: list[Candidate], toll_metric: str, cues: frozenset[str],
                     nouns: frozenset[str]) -> list[Candidate]:
    """The figures of a sentence, with the people killed in one part of an operation ("Three men were
    killed during the second strike", which the figure rules set aside as a part of a total) read as
    a toll of that part, so the parts of the day's operation can be added up (and not proposed alone)."""
    here = _with_the_killings_objects(sentence, here, toll_metric, cues)
    if all(c.metric is not None for c in here) or not names_a_part(sentence, nouns):
        return here
    return [replace(c, metric=toll_metric, reason=PART_SET_ASIDE) if c.metric is None and not _ORDINAL_END.search(sentence, c.start, c.end)
            and _killed_in_phrase(sentence, c.end, cues) else c for c in here]


_HEDGE = r"(?:at least\s+|more than\s+|about\s+|nearly\s+|another\s+)?"
_MORE_OR_PART = re.compile(r"\s+(?:more|others?|of\s+(?:the|those|them|all))\b", re.I)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|them|all)\s+(?:[\w-]+\s+)?$", re.I)


def _with_the_killings_objects(sentence: str, here: list[Candidate], toll_metric: str,
                               cues: frozenset[str]) -> list[Candidate]:
    """The number right after a killing verb, then "more", "others" or "of the …", is its toll ("killed
    two more", "killed two of the four people aboard"); the whole it is a part of ("of the four people")
    is not."""
    def object_of_the_verb(c: Candidate) -> bool:
        verb = re.search(rf"\b([A-Za-z]+)\s+{_HEDGE}$", sentence[max(0, c.start - 60):c.start])
        return bool(verb) and verb.group(1).lower() in cues and bool(_MORE_OR_PART.match(sentence, c.end))
    objects = [c for c in here if c.metric is None and object_of_the_verb(c)]
    wholes = {id(w) for o in objects for w in here if w.start > o.end and _PARTITIVE.fullmatch(sentence, o.end, w.start)}
    return [replace(c, metric=toll_metric) if any(c is o for o in objects)
            else replace(c, metric=None) if id(c) in wholes else c for c in here]


def _killed_in_phrase(sentence: str, at: int, cues: frozenset[str]) -> bool:
    """A cue of the toll among the few words after a number, before a break ("male crew were killed")."""
    rest = sentence[at:]
    stop = re.search(r"[,;:.()\"“”—–]|\b(?:in|on|during|aboard|and|but)\b", rest)
    return any(w.lower() in cues for w in re.findall(r"[A-Za-z-]+", rest[:stop.start() if stop else 60])[:5])
