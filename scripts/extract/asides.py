"""Numbers in a sentence that are not a count of what the sentence reports, the way a reader
sets them aside:

- a citation marker: "two alleged smugglers died [2]";
- an age in apposition or in brackets, or after "aged": "Lance Cpl. Jane Doe, 21, was …", "Jose
  Perez (27)", "the two survivors, aged 24 and 31"; a parent's children: "a father of two";
- a name that carries a number: "Task Force 4", "Destroyer Squadron 22", "the ship Ever Given 2",
  a hull number "(DDG 107)";
- one part of a total broken down: "eight killed: three in the first vessel and two in the
  second", "4 on the first vessel" (the total is the figure; its parts and the ordinal that labels
  each part are not);
- an ordinal that a later one in its list follows: "the 18th and 19th strikes" are two events,
  and only the last ranks the series;
- a number inside a quoted title: the report “Two Boats, Eleven Dead”, the book "Six Warships
  and a Submarine" (a title's words are capitalised; a quoted statement's are not);
- a part of the things just told: "at least three of these operations", "two of the strikes this
  week" (a subset, not the count);
- "one" as "a certain": "in one October operation, two survivors were found" (the event is told, not
  counted);
- a difference between two figures: "11 killed, eight more people than first reported", "two
  fewer than the week before" (a correction or a comparison, not a count of anything).

Each rule reads only the few characters around the number (fast, and no story words: the
vocabulary stays in facts/metrics.yaml)."""

from __future__ import annotations

import re

from scripts.extract.numbers import Mention
from scripts.extract.sentences import MONTHS

_ORDINAL_WORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|other|last|final|"
                 r"\d+(?:st|nd|rd|th))")
_CITATION_BEFORE = re.compile(r"\[[\d,\s]*$")
_CITATION_AFTER = re.compile(r"^[\d,\s]*\]")
_AGE_BEFORE = re.compile(r"[A-Z][\w.'’-]+,\s*$")
_AGE_AFTER = re.compile(r"^\s*,")
_NAME_BEFORE = re.compile(r"(?<=[\s(])([A-Z][A-Za-z-]+)\s$")  # "Task Force 4", "(DDG 107)"
# "aged 24 and 31", "ages 19 to 40": ages, however many
_AGED_BEFORE = re.compile(r"\bage[ds]?\s+(?:between\s+)?(?:\d{1,3}\s*(?:,|and|or|to|-|–)\s*)*$", re.I)
# "Jose Perez (27)": an age in brackets after a name
_AGE_IN_BRACKETS_BEFORE = re.compile(r"[A-Z][\w.'’-]+\s*\($")
# "a father of two": a parent's children
_CHILDREN_BEFORE = re.compile(r"\b(?:grand)?(?:father|mother|parent)s?\s+of\s+$", re.I)
_NOT_NAMES = {m.lower() for m in MONTHS} | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                             "sunday", "us", "u.s", "the", "in", "on", "at", "some", "over",
                                             "about", "around", "nearly", "almost", "only", "just"}
# "three in the first vessel", "two killed aboard the second", "4 on the first vessel", "three
# male crew were killed during the second strike"
_PART_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+){{0,4}}?(?:in|on|aboard|during)\s+the\s+{_ORDINAL_WORD}\b", re.I)
# the ordinal itself: "… aboard the first vessel", "during the second strike"
_PART_ORDINAL_BEFORE = re.compile(r"\b(?:in|on|aboard|during)\s+the\s+$", re.I)
_NEXT_ORDINAL = re.compile(rf"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+){_ORDINAL_WORD}\b", re.I)
_OF_THESE_AFTER = re.compile(r"^\s+of\s+(?:these|those|the)\b", re.I)
# "eight more people than", "two fewer strikes than": "than" after the counted words
_DIFFERENCE_AFTER = re.compile(r"^\s+(?:more|fewer|less)\s+(?:[\w-]+\s+){0,2}?than\b", re.I)
# "in one October operation, two survivors …": "one" as "a certain", naming no count
_A_CERTAIN_BEFORE = re.compile(r"\b(?:in|during)\s+$", re.I)
_LATER_PART = re.compile(r"\b(?:in|on|aboard|during)\s+the\s+(?:second|other|last|final)\b", re.I)


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def _in_quoted_title(sentence: str, mention: Mention) -> bool:
    """The number stands between quotation marks, and every word quoted is capitalised."""
    start = max(sentence.rfind("“", 0, mention.start), sentence.rfind("‘", 0, mention.start))
    if start < sentence.rfind("”", 0, mention.start) or start < sentence.rfind("’ ", 0, mention.start):
        start = -1
    if start < 0 and sentence.count('"', 0, mention.start) % 2 == 1:
        start = sentence.rfind('"', 0, mention.start)
    if start < 0 or mention.start - start > 80:
        return False
    end = min((i for i in (sentence.find(q, mention.end) for q in ("”", "’", '"')) if i >= 0), default=-1)
    if end < 0 or end - mention.end > 80:
        return False
    words = [w for w in _TITLE_WORD.findall(sentence[start + 1:end]) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def aside(sentence: str, mention: Mention) -> str | None:
    """Why ``mention`` is not a count (a short reason), or None when it may be one."""
    before = sentence[max(0, mention.number_start - 40): mention.number_start]
    after = sentence[mention.number_end: mention.number_end + 60]
    if _CITATION_BEFORE.search(before) and _CITATION_AFTER.match(after):
        return "a citation marker"
    if mention.start == mention.number_start and mention.text[:1].isdigit():
        if mention.value < 120 and ((_AGE_AFTER.match(after) and _AGE_BEFORE.search(before))
                                    or (after.startswith(")") and _AGE_IN_BRACKETS_BEFORE.search(before))):
            return "an age after a name"
        if mention.value < 120 and "ge" in before and _AGED_BEFORE.search(before):
            return "an age"
        name = _NAME_BEFORE.search(before)
        if name and name.group(1).lower() not in _NOT_NAMES and not mention.ordinal:
            return f"part of a name (“{name.group(1)} {mention.text}”)"
    if before.endswith("of ") and _CHILDREN_BEFORE.search(before):
        return "a parent's children"
    if _in_quoted_title(sentence, mention):
        return "part of a quoted title"
    if mention.ordinal and _NEXT_ORDINAL.match(after):
        return "one of a list of ordinals, of which the last ranks the series"
    if not mention.ordinal and _OF_THESE_AFTER.match(after):
        return "a part of the things just told"
    if not mention.ordinal and _DIFFERENCE_AFTER.match(after):
        return "a difference between two figures"
    if mention.text.lower() == "one" and _A_CERTAIN_BEFORE.search(before):
        return "“one” as “a certain”, which names one event"
    if mention.ordinal and _PART_ORDINAL_BEFORE.search(before) and _LATER_PART.search(sentence):
        return "labels one part of a total"
    if not mention.ordinal and _PART_AFTER.match(after):
        return "one part of a total broken down"
    return None
