"""Cutting an article into sentences, keeping each one's place in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# A full stop after these does not end a sentence ("Sept. 2", "U.S. forces", "Mr. Smith").
ABBREVIATIONS = {"u.s", "u.n", "mr", "mrs", "ms", "dr", "gen", "adm", "sen", "rep", "gov", "st", "no", "vs",
                 "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
                 "corp", "co", "jr", "sr", "lt", "col", "sgt", "capt", "e.g", "i.e", "approx", "est"}
# A run of stops is tried from its first character only, and atomically (no backtracking), so a
# long run of dots costs linear time, not quadratic.
_END = re.compile(r"(?<![.!?…])(?>[.!?…]+)(?>[\"'”’)\]]*)(?=\s)|\n")
# What a stored web page leaves before a sentence: a "date 2025-10-28" stamp, a breadcrumb
# ("Home / World News / "). Not the article's words: a quote starts after it.
_PAGE_DEBRIS = re.compile(r"(?:date \d{4}-\d{2}-\d{2}\s+)?(?:[A-Z][\w&' ]{0,30}? / )*")
_DATE_HEADING = re.compile(r"(?:%s)\.? \d{1,2}\.?" % "|".join(sorted(MONTHS, key=len, reverse=True)), re.I)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``. A bare date line ("Nov. 12.") joins the sentence after
    it, as in dated lists of events."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if match.group() != "\n" and _is_abbreviation(text, match.start()):
            continue
        end = match.end() if match.group() != "\n" else match.start()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    sentences: list[Sentence] = []
    pending: int | None = None
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        a += _PAGE_DEBRIS.match(text, a, b).end() - a
        if a >= b:
            continue
        if pending is not None:
            a, pending = pending, None
        elif _DATE_HEADING.fullmatch(text[a:b]):
            pending = a
            continue
        sentences.append(Sentence(a, b, text[a:b]))
    return sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    if token in ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha()  # an initial: "Frank M. Bradley"
