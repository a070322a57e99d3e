"""Figures that count less than their metric does, the way a reader tells them apart: the
number is right and names the metric's thing, but counts only a part of it.

- forces that take part in one operation are not the forces deployed (kind `level`): "about 300
  marines took part in the raid", "four ships and 12 helicopters joined the search", "a raid
  involving 200 troops", "about 150 troops carried out the raid", "the mission involved 20 aircraft".
- forces added are not the forces there (kind `level`): "an additional 2,000 troops", "three more
  destroyers", "another 1,000 Marines".
- an ordinal ranks one person, never counts people: "its first death", "the third survivor" (as
  validation reads a quote: scripts/figures.py);
- an ordinal that ranks within a stretch of time is not the running total: "the third in a week",
  "the sixth boat sunk this month alone", "the first one of 2026".

Each rule reads the words around the number and the metric's kind; no story words (the vocabulary
stays in facts/metrics.yaml)."""

from __future__ import annotations

import re

from scripts.extract.numbers import Mention
from scripts.extract.vocabulary import BREAK, Anchor, SentenceIndex, Vocabulary
from scripts.records import Metric

# what the number's clause says its subject did: took part in one event
_TOOK_PART = re.compile(r"\b(?:participated|participating|participate|took part|take part|taking part|joined|join|"
                        r"joining|were involved|was involved|carried out|carry out|conducted|staged|executed)\s+(?:in\s+)?(?:the\s+|a\s+|an\s+|this\s+|that\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:search|searches|operation|mission|raid|rescue|assault|efforts?|hunt)\b",
                        re.I)
# or the event, then its forces: "a raid involving nearly 200 troops"
_EVENT_INVOLVING = re.compile(r"\b(?:search|operation|mission|raid|rescue|assault|engagement|attack)e?s?\s+"
                              r"(?:[\w-]+\s+){0,2}?(?:involving|involved|that involved|which involved)\s+$", re.I)
# forces added to those there, not the forces there: "an additional 2,000 troops", "three more destroyers"
_ADDED_BEFORE = re.compile(r"\b(?:additional|another|further|extra)\s+$", re.I)
_ADDED_AFTER = re.compile(r"^\s+(?:more|additional|extra)\b", re.I)
# a stretch of time that bounds what an ordinal ranks: "the third in a week", "the sixth boat
# sunk this month alone", "the fifth in the past ten days", "the first one of 2026" (a calendar year
# bounds it too: a campaign's count is told since its start)
_WINDOW_AFTER = re.compile(r"^(?:\s+[\w-]+){0,4}?\s+(?:(?:in|within|during|over)\s+(?:just\s+)?(?:a|one)\s+(?:single\s+)?"
                           r"(?:day|week|month|fortnight)\b|in\s+(?:the\s+)?(?:past|last)\s+(?:[\w-]+\s+)?"
                           r"(?:days|weeks|months)\b|(?:this|that)\s+(?:week|month)\s+alone\b|(?:this|that|last)\s+year\b|"
                           r"(?:of|in)\s+(?:the\s+year|(?:19|20)\d\d)\b)", re.I)


def _clause_after(sentence: str, mention: Mention) -> str:
    """The rest of the number's clause: up to a semicolon or a dash that opens another."""
    rest = sentence[mention.end:]
    cut = re.search(r";|\s[—–]\s", rest)
    return rest[:cut.start()] if cut else rest


def another_sides(index: SentenceIndex, at: Anchor, chunk: list[int], vocab: Vocabulary) -> bool:
    """Forces of another side (story.yaml `extractor: foreign`): named in the counted words ("20
    Ruritanian soldiers"), or the last party the number's clause names before it ("Ruritania sent
    25,000 troops", "Ruritania said it had mobilized 200,000 soldiers"; not "Ruritania said the
    Navy had sent 4,000 sailors", nor "… 2,000 Marines", whose own name says whose they are)."""
    words = index.words
    if any(words[i].norm in vocab.foreign for i in chunk):
        return True
    if any(words[i].text[:1].isupper() for i in chunk):
        return False
    for i in range(at.first - 1, -1, -1):
        if BREAK.search(index.text[words[i].end:words[i + 1].start]):
            return False  # the clause ends here: "Off Ruritania, the navy has 12 ships"
        if words[i].text[:1].isupper():
            return words[i].norm in vocab.foreign
    return False


def narrower(sentence: str, mention: Mention, metric: Metric) -> str | None:
    """Why ``mention``, placed in ``metric``, counts only a part of what the metric counts (a
    short reason), or None."""
    if metric.kind == "level" and (_TOOK_PART.search(_clause_after(sentence, mention))
                                   or _EVENT_INVOLVING.search(sentence[max(0, mention.start - 60):mention.start])):
        return "forces that took part in one operation, not the forces deployed"
    if metric.kind == "level" and (_ADDED_BEFORE.search(sentence[max(0, mention.start - 12):mention.start])
                                   or _ADDED_AFTER.match(sentence[mention.end:])):
        return "forces added to those there, not the forces there"
    if mention.ordinal and not metric.counts_events:
        return "one person ranked in a series (“its first death”), not a count of people"
    if mention.ordinal and metric.kind == "cumulative" and _WINDOW_AFTER.match(sentence[mention.number_end:]):
        return "a rank within a stretch of time, not the running total"
    return None
