"""The words of a sentence as the classifier reads them: tokens normalised once, where the
metrics' nouns and cues occur (facts/metrics.yaml), the words right after a number that say what it
counts, and how far each metric's nearest cue stands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from scripts.records import Metric
from scripts.story import ExtractorWords

STOP = {"in", "on", "of", "to", "and", "or", "that", "which", "who", "with", "from", "at", "for", "by", "since",
        "as", "were", "was", "have", "has", "had", "are", "is", "be", "been", "being", "the", "a", "an", "it",
        "its", "their", "this", "while", "but", "during", "after", "before", "into", "across", "near", "off",
        "per", "including", "according", "aboard", "between", "than", "so", "far", "said", "says", "will",
        "would", "could", "correspond", "account", "accounted", "remain", "remained", "took", "this", "these"}
PEOPLE = {"people", "person", "men", "man", "women", "woman", "children", "individual", "crew", "member",
          "civilian", "fishermen", "fisherman", "terrorist",
          "suspect", "smuggler", "trafficker", "other", "passenger", "sailor", "male"}
TIMES = {"time", "times", "occasion", "occasions"}
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9$](?:[A-Za-z0-9'’\-]|\.(?=[A-Za-z0-9]))*")
BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-+\s|\.")


class Token(NamedTuple):  # a NamedTuple: sentences make tens of thousands of these
    text: str   # as written
    norm: str   # lowercase, singular, no possessive
    start: int
    end: int


@dataclass(frozen=True)
class Placement:
    metric: str | None
    confidence: float
    reason: str


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    word = word.lower().rstrip(".").replace("’", "'").rstrip("'")  # "‘smugglers’", "sailors’ ship"
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), normalise_word(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def phrase(words: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens(words))


Phrases = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


Phrases = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def _by_first_word(pairs: list[tuple[tuple[str, ...], str]]) -> Phrases:
    index: dict[str, list] = {}
    for seq, mid in sorted(pairs, key=lambda x: -len(x[0])):
        if seq:
            index.setdefault(seq[0], []).append((seq, mid))
    return {k: tuple(v) for k, v in index.items()}


@dataclass(frozen=True)
class Vocabulary:
    """The metrics' nouns and cues as token sequences, indexed by their first word."""

    metrics: tuple[Metric, ...]
    nouns: Phrases
    cues: Phrases
    by_id: dict[str, Metric]
    # The story's own words (story.yaml `extractor:`): more words for people in general, and the
    # words that make a number another side's ("20 [rival] soldiers") for the metrics they name.
    people: frozenset[str] = frozenset(PEOPLE)
    foreign: frozenset[str] = frozenset()
    own_prefix: str | None = None

    @classmethod
    def of(cls, metrics: dict[str, Metric], words: ExtractorWords | None = None) -> Vocabulary:
        nouns = [(phrase(n), m.id) for m in metrics.values() for n in m.nouns]
        cues = [(phrase(c), m.id) for m in metrics.values() for c in m.cues]
        words = words or ExtractorWords()
        return cls(tuple(metrics.values()), _by_first_word(nouns), _by_first_word(cues), dict(metrics),
                   frozenset(PEOPLE | {w.lower() for w in words.people}),
                   frozenset(w.lower() for w in words.foreign), words.own_prefix)

    def metric(self, metric_id: str) -> Metric:
        return self.by_id[metric_id]


@dataclass(frozen=True)
class Occurrence:
    start: int
    length: int
    metric: str


def _occurrences(phrases: Phrases, words: list[Token]) -> list[Occurrence]:
    found = []
    for i, word in enumerate(words):
        for seq, mid in phrases.get(word.norm, ()):
            if _match_at(words, i, seq):
                found.append(Occurrence(i, len(seq), mid))
    return found


@dataclass(frozen=True)
class SentenceIndex:
    """A sentence's words and where the metrics' nouns and cues occur in it, computed once."""

    text: str
    words: list[Token]
    nouns: list[Occurrence]
    cues: dict[str, list[Occurrence]]
    noun_edges: frozenset[int]
    starts: list[int]
    people: frozenset[str] = frozenset(PEOPLE)

    @classmethod
    def build(cls, sentence: str, vocab: Vocabulary) -> SentenceIndex:
        words = tokens(sentence)
        nouns = _occurrences(vocab.nouns, words)
        cues: dict[str, list[Occurrence]] = {}
        for occ in _occurrences(vocab.cues, words):
            cues.setdefault(occ.metric, []).append(occ)
        edges = frozenset([o.start for o in nouns] + [o.start + o.length - 1 for o in nouns])
        return cls(sentence, words, nouns, cues, edges, [w.start for w in words], vocab.people)


def _match_at(words: list[Token], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(t.norm for t in words[i:i + len(seq)]) == seq


def _is_noun(index: SentenceIndex, i: int) -> bool:
    """A word that names what is counted: a person, a time, or (the start or end of) a metric noun."""
    return index.words[i].norm in index.people or index.words[i].norm in TIMES or i in index.noun_edges


def counted_words(index: SentenceIndex, first: int) -> list[int]:
    """Indexes of the words naming what a number counts: up to its first noun (the head), at most
    five words, never across punctuation or a function word."""
    words, out = index.words, []
    for i in range(first, min(first + 5, len(words))):
        if words[i].norm in STOP:
            break
        gap = index.text[words[i - 1].end:words[i].start] if i > 0 else ""
        if out and BREAK.search(gap):
            break
        out.append(i)
        if _is_noun(index, i) and not _modifies_next(index, i):
            break
    return out


def _modifies_next(index: SentenceIndex, i: int) -> bool:
    """'nine vessel strikes', 'one attack submarine': a noun right before another metric's noun
    only modifies it; the last noun (the head) says what is counted."""
    j = i + 1
    if j >= len(index.words) or BREAK.search(index.text[index.words[i].end:index.words[j].start]):
        return False
    return any(o.start == j for o in index.nouns) and not any(o.start <= i < o.start + o.length - 1 for o in index.nouns)


def noun_matches(index: SentenceIndex, chunk: list[int]) -> tuple[set[str], int]:
    """Metrics whose noun phrase covers the chunk's last word (its head); the longest phrase wins."""
    head = chunk[-1]
    covering = [o for o in index.nouns if chunk[0] <= o.start <= head < o.start + o.length]
    if not covering:
        return set(), 0
    best = max(o.length for o in covering)
    return {o.metric for o in covering if o.length == best}, best


@dataclass(frozen=True)
class Anchor:
    """Where a number sits among the sentence's words: its first word (the hedge, if any) and the
    first word after it."""

    first: int
    after: int


def cue_distance(index: SentenceIndex, at: Anchor, metric_id: str, skip: set[int],
                  after_weight: int = 2) -> tuple[int, str] | None:
    """The nearest cue of a metric: (distance in words, the cue as written)."""
    best = None
    for occ in index.cues.get(metric_id, ()):
        i = occ.start
        if i in skip or at.first <= i < at.after:
            continue
        # The subject usually comes first ("the death toll has risen to 80, with two survivors"):
        # by default a cue after the number counts as twice as far as one before it.
        if i < at.first:
            distance = at.first - (i + occ.length - 1)
        else:
            distance = after_weight * (i - at.after + 1)
        if best is None or distance < best[0]:
            best = (distance, " ".join(w.text for w in index.words[i:i + occ.length]))
    return best


def by_context(index: SentenceIndex, at: Anchor, eligible: list[str], skip: set[int],
                reach: int = 99, after_weight: int = 2) -> tuple[str | None, str | None]:
    """The eligible metric with the nearest cue, and that cue as written."""
    scored = [(d[0], i, mid, d[1]) for i, mid in enumerate(eligible)
              if (d := cue_distance(index, at, mid, skip, after_weight)) is not None and d[0] <= reach]
    if not scored:
        return None, None
    _, _, mid, cue = min(scored)
    return mid, cue


def words_of(words: list[Token], chunk: list[int]) -> str:
    return " ".join(words[i].text for i in chunk)
