"""Finding a quote in its source: the comparison forgives whitespace, quote marks and dashes
(which copy and paste change), and nothing else."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
                        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_MARKS)).strip()


@lru_cache(maxsize=4096)
def normalised_source(text: str) -> str:
    """An article's text, normalised once however many quotes are looked up in it."""
    return normalise(text)


def quote_in_text(quote: str, text: str) -> bool:
    return normalise(quote) in normalised_source(text)


def sentences(text: str) -> list[str]:
    """The text cut into sentences (good enough to suggest the sentence a quote came from)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def closest_sentence(quote: str, text: str) -> str | None:
    """The sentence of ``text`` that looks most like ``quote``, for a 'did you mean'."""
    target = normalise(quote)
    best, best_score = None, 0.0
    for sentence in sentences(text):
        matcher = difflib.SequenceMatcher(None, target, normalise(sentence), autojunk=False)
        if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = sentence, score
    return best if best_score >= 0.4 else None
