"""Finding a quote in its source: the comparison forgives whitespace, quote marks and dashes
(which copy and paste change), and nothing else. A quote must start and end where the source's
words do: "at least 8" is not in "at least 87"."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import lru_cache
from typing import Literal

_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
                        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_WORDS = re.compile(r"\w+")
# A quote shorter than this once normalised proves nothing: it is found almost anywhere.
MIN_QUOTE_CHARS = 10
# Places a quote is tried at before it counts as cut (a real quote is found at its first few).
MAX_PLACES = 1000
# Bounds of the "did you mean" search, so that one wrong quote costs milliseconds whatever the
# article: only so much of the article is searched, in windows of a few hundred characters, and
# only the few windows sharing the quote's rarest words are compared letter by letter.
SUGGEST_TEXT_CHARS = 100_000
SUGGEST_QUOTE_CHARS = 300
SUGGEST_WINDOW_CHARS = 400
SUGGEST_RARE_WORDS = 8
SUGGEST_CANDIDATES = 6

Found = Literal["found", "cut", "missing"]


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_MARKS)).strip()


@lru_cache(maxsize=4096)
def normalised_source(text: str) -> str:
    """An article's text, normalised once however many quotes are looked up in it."""
    return normalise(text)


def quote_too_short(quote: str) -> bool:
    return len(normalise(quote)) < MIN_QUOTE_CHARS


def find_quote(quote: str, text: str) -> Found:
    """'found' where the quote occurs on word boundaries; 'cut' where it occurs only inside words
    or numbers; 'missing' otherwise."""
    target, source = normalise(quote), normalised_source(text)
    if not target:
        return "missing"
    at = source.find(target)
    if at < 0:
        return "missing"
    for _ in range(MAX_PLACES):
        if at < 0 or _on_boundaries(source, at, at + len(target)):
            break
        at = source.find(target, at + 1)
    return "found" if at >= 0 and _on_boundaries(source, at, at + len(target)) else "cut"


def quote_in_text(quote: str, text: str) -> bool:
    return find_quote(quote, text) == "found"


def _on_boundaries(source: str, start: int, end: int) -> bool:
    """Neither end of ``source[start:end]`` splits a word or a number ("8" of "87", "1" of "1.5")."""
    first, last = source[start], source[end - 1]
    if first.isalnum() and start > 0 and (source[start - 1].isalnum() or (
            first.isdigit() and start > 1 and source[start - 1] in ".," and source[start - 2].isdigit())):
        return False
    if last.isalnum() and end < len(source) and (source[end].isalnum() or (
            last.isdigit() and end + 1 < len(source) and source[end] in ".," and source[end + 1].isdigit())):
        return False
    return True


def sentences(text: str) -> list[str]:
    """The text cut into sentences (good enough to suggest the sentence a quote came from)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


@lru_cache(maxsize=64)
def _windows(text: str) -> tuple[tuple[str, ...], dict[str, list[int]]]:
    """The article's sentences (long ones cut into overlapping windows), and which windows hold
    each word."""
    windows: list[str] = []
    for sentence in sentences(text[:SUGGEST_TEXT_CHARS]):
        sentence = normalise(sentence)
        step = SUGGEST_WINDOW_CHARS // 2
        starts = range(0, max(1, len(sentence) - step), step) if len(sentence) > SUGGEST_WINDOW_CHARS else [0]
        windows.extend(sentence[a:a + SUGGEST_WINDOW_CHARS] for a in starts)
    index: dict[str, list[int]] = {}
    for i, window in enumerate(windows):
        for word in set(_WORDS.findall(window.lower())):
            index.setdefault(word, []).append(i)
    return tuple(windows), index


def closest_sentence(quote: str, text: str) -> str | None:
    """The passage of ``text`` that looks most like ``quote``, for a 'did you mean'."""
    target = normalise(quote)[:SUGGEST_QUOTE_CHARS]
    windows, index = _windows(text)
    shared = sorted((w for w in set(_WORDS.findall(target.lower())) if w in index), key=lambda w: len(index[w]))
    votes = Counter(i for word in shared[:SUGGEST_RARE_WORDS] for i in index[word][:200])
    best, best_score = None, 0.0
    for i, _ in votes.most_common(SUGGEST_CANDIDATES):
        matcher = difflib.SequenceMatcher(None, target, windows[i])
        if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = windows[i], score
    return best if best_score >= 0.4 else None
