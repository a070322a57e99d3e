"""Which metric a number belongs to, read from the sentence the way a reader does it.

1. What does the number count? The words right after it ("4,500 troops", "16 alleged drug-smuggling
   boats", "$50 million reward"). If they name a metric's `nouns` (facts/metrics.yaml), the metric
   is one of those. If they name something else ("500 long-range missiles", "250 km"), the number
   is not forced into a metric.
2. When they name people in general ("64 people", "14 narco-terrorists"), only metrics that count
   people qualify, and the sentence's `cues` decide: "killed" → deaths, "deported" → deportees.
3. When nothing follows ("the death toll has risen to 80,"), or the number counts times ("the
   fourth time that … have flown near"), the nearest cue decides; "the total number of operations
   … to 13" counts operations.
4. A value above the metric's plausible maximum, or a count of another country's forces, is left
   unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.extract.numbers import Mention
from scripts.records import Metric

STOP = {"in", "on", "of", "to", "and", "or", "that", "which", "who", "with", "from", "at", "for", "by", "since",
        "as", "were", "was", "have", "has", "had", "are", "is", "be", "been", "being", "the", "a", "an", "it",
        "its", "their", "this", "while", "but", "during", "after", "before", "into", "across", "near", "off",
        "per", "including", "according", "aboard", "between", "than", "so", "far", "said", "says", "will",
        "would", "could", "correspond", "account", "accounted", "remain", "remained", "took", "this", "these"}
PEOPLE = {"people", "person", "men", "man", "women", "woman", "children", "individual", "crew", "member",
          "civilian", "fishermen", "fisherman", "venezuelan", "terrorist", "narco-terrorist", "narcoterrorist",
          "suspect", "smuggler", "trafficker", "other", "passenger", "sailor", "male"}
TIMES = {"time", "times", "occasion", "occasions"}
FOREIGN = {"venezuelan", "venezuela's", "russian", "chinese", "iranian", "cuban", "colombian", "mexican"}
RUNNING = re.compile(r"\b(so far|in total|total|toll|since|campaign|to date|overall|cumulative|brought|raising|"
                     r"risen|rose|altogether|series)\b", re.I)
SINGLE = re.compile(r"\b(a|one|the|this|that|latest|new) (\w+[\s-]){0,2}(strike|attack|operation)\b(?!s)", re.I)
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9$](?:[A-Za-z0-9'’\-]|\.(?=[A-Za-z0-9]))*")
_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-+\s|\.")
CAPACITY = re.compile(r"\b(?:can|could|able to|capable of)\s+(?:carry|carrying|hold|holding|transport)\s+(?:up to\s+|almost\s+|nearly\s+|about\s+)?$", re.I)
RATE = re.compile(r"(?:per|a|each) (?:day|week|month|year)\b|daily\b|annually\b")
QUANTIFIERS = {"several", "multiple", "many", "some", "few", "two", "three", "four", "five", "numerous"}


@dataclass(frozen=True)
class Token:
    text: str   # as written
    norm: str   # lowercase, singular, no possessive
    start: int
    end: int


@dataclass(frozen=True)
class Placement:
    metric: str | None
    confidence: float
    reason: str


def normalise_word(word: str) -> str:
    word = word.lower().rstrip(".").replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), normalise_word(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def phrase(words: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens(words))


@dataclass(frozen=True)
class Vocabulary:
    """The metrics' nouns and cues as token sequences, longest first."""

    metrics: tuple[Metric, ...]
    nouns: tuple[tuple[tuple[str, ...], str], ...]
    cues: tuple[tuple[tuple[str, ...], str], ...]

    @classmethod
    def of(cls, metrics: dict[str, Metric]) -> Vocabulary:
        nouns = [(phrase(n), m.id) for m in metrics.values() for n in m.nouns]
        cues = [(phrase(c), m.id) for m in metrics.values() for c in m.cues]
        return cls(tuple(metrics.values()), tuple(sorted(nouns, key=lambda x: -len(x[0]))),
                   tuple(sorted(cues, key=lambda x: -len(x[0]))))

    def metric(self, metric_id: str) -> Metric:
        return next(m for m in self.metrics if m.id == metric_id)


def _match_at(words: list[Token], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(t.norm for t in words[i:i + len(seq)]) == seq


def _is_noun(vocab: Vocabulary, words: list[Token], i: int) -> bool:
    """A word that names what is counted: a person, a time, or (the start or end of) a metric noun."""
    if words[i].norm in PEOPLE or words[i].norm in TIMES:
        return True
    return any(_match_at(words, i, seq) or (i - len(seq) + 1 >= 0 and _match_at(words, i - len(seq) + 1, seq))
               for seq, _ in vocab.nouns)


def _chunk(vocab: Vocabulary, words: list[Token], first: int, text: str) -> list[int]:
    """Indexes of the words naming what a number counts: up to its first noun (the head), at most
    five words, never across punctuation or a function word."""
    out: list[int] = []
    for i in range(first, min(first + 5, len(words))):
        if words[i].norm in STOP:
            break
        gap = text[words[i - 1].end:words[i].start] if i > 0 else ""
        if out and _BREAK.search(gap):
            break
        out.append(i)
        if _is_noun(vocab, words, i):
            break
    return out


def _noun_matches(vocab: Vocabulary, words: list[Token], chunk: list[int]) -> tuple[set[str], int]:
    """Metrics whose noun phrase covers the chunk's last word (its head); the longest phrase wins."""
    head = chunk[-1]
    best, found = 0, set()
    for seq, mid in vocab.nouns:  # longest first
        if len(seq) < best:
            break
        if any(_match_at(words, start, seq) for start in range(max(chunk[0], head - len(seq) + 1), head + 1)):
            found.add(mid)
            best = len(seq)
    return found, best


@dataclass(frozen=True)
class Anchor:
    """Where a number sits among the sentence's words: its first word (the hedge, if any) and the
    first word after it."""

    first: int
    after: int


def _cue_distance(vocab: Vocabulary, words: list[Token], at: Anchor, metric_id: str, skip: set[int],
                  after_weight: int = 2) -> tuple[int, str] | None:
    """The nearest cue of a metric: (distance in words, the cue as written)."""
    best = None
    for seq, mid in vocab.cues:
        if mid != metric_id:
            continue
        for i in range(len(words) - len(seq) + 1):
            if i in skip or not _match_at(words, i, seq) or at.first <= i < at.after:
                continue
            # The subject usually comes first ("the death toll has risen to 80, with two survivors"):
            # by default a cue after the number counts as twice as far as one before it.
            if i < at.first:
                distance = at.first - (i + len(seq) - 1)
            else:
                distance = after_weight * (i - at.after + 1)
            written = " ".join(w.text for w in words[i:i + len(seq)])
            if best is None or distance < best[0]:
                best = (distance, written)
    return best


def _by_context(vocab: Vocabulary, words: list[Token], at: Anchor, eligible: list[str], skip: set[int],
                reach: int = 99, after_weight: int = 2) -> tuple[str | None, str | None]:
    """The eligible metric with the nearest cue, and that cue as written."""
    scored = [(d[0], i, mid, d[1]) for i, mid in enumerate(eligible)
              if (d := _cue_distance(vocab, words, at, mid, skip, after_weight)) is not None and d[0] <= reach]
    if not scored:
        return None, None
    _, _, mid, cue = min(scored)
    return mid, cue


LINKED = re.compile(r"\b(?:with|of which|of them|including|remaining|the other|the rest of|while)\s+(?:the\s+)?$", re.I)
ANAPHORA = re.compile(r"\b(?:that|this|the same)\s+(?:number|figure|total|count|tally)\b", re.I)


def place(mention: Mention, sentence: str, vocab: Vocabulary, previous: str | None = None,
          previous_in_sentence: bool = False) -> Placement:
    """The metric of ``mention``; ``previous`` is the metric of the figure placed just before it
    (in this sentence when ``previous_in_sentence``), for "…, with eight being …" and "that number"."""
    words = tokens(sentence)
    after = [i for i, w in enumerate(words) if w.start >= mention.number_end]
    first = next((i for i, w in enumerate(words) if w.start >= mention.start), len(words))
    at = Anchor(first, after[0] if after else len(words))
    if after and _BREAK.search(sentence[mention.number_end:words[at.after].start]):
        chunk = []  # "has risen to 80, with …": punctuation right after the number
    else:
        chunk = _chunk(vocab, words, at.after, sentence) if after else []
    if CAPACITY.search(sentence[: mention.start]):
        return Placement(None, 0.15, f"“{mention.text}” is a capacity, not a count")
    if _is_label(vocab, words, at, mention, sentence):
        return Placement(None, 0.1, f"“{mention.text}” numbers a list entry")
    if mention.ordinal and not _counts_by_ordinal(sentence, mention, [words[i] for i in chunk]):
        return Placement(None, 0.15, f"“{mention.text}” labels one event; it is not a running count")
    if not chunk and previous and not mention.times and (
            (previous_in_sentence and LINKED.search(sentence[: mention.start]))
            or ANAPHORA.search(sentence[: mention.start])):
        return Placement(previous, 0.7, "continues the figure before it (“with eight being …”, “that number …”)")
    placement = _place(mention, words, at, chunk, vocab)
    if placement.metric is None:
        return placement
    metric = vocab.metric(placement.metric)
    if metric.plausible_max is not None and mention.value > metric.plausible_max:
        return Placement(None, 0.2, f"{mention.text} is too large for {metric.id}")
    if metric.id.startswith("us_") and any(words[i].norm in FOREIGN for i in chunk):
        return Placement(None, 0.2, f"{mention.text} counts another country's forces")
    return placement


def _is_label(vocab: Vocabulary, words: list[Token], at: Anchor, mention: Mention, sentence: str) -> bool:
    """'Attack 1 (Caribbean):' — a capitalised noun of a metric, then the number, then punctuation."""
    before = [w for w in words if w.end <= mention.number_start]
    if not before or not before[-1].text[:1].isupper() or mention.start != mention.number_start:
        return False
    after = sentence[mention.number_end:mention.number_end + 3]
    return bool(re.match(r"\s*[(:–—-]", after)) and any(seq == (before[-1].norm,) for seq, _ in vocab.nouns)


def _counts_by_ordinal(sentence: str, mention: Mention, chunk: list[Token]) -> bool:
    """'its 20th strike', 'the first known operation since …', 'the fourth time': counts; 'during
    the third strike' of one operation only labels it."""
    before = sentence[: mention.number_start].lower()
    if re.search(r"\b(?:its|their|his|her)\s+$", before):
        return True
    if chunk and chunk[-1].norm in TIMES:
        return True
    return bool(RUNNING.search(sentence))


def _place(mention: Mention, words: list[Token], at: Anchor, chunk: list[int], vocab: Vocabulary) -> Placement:
    ids = [m.id for m in vocab.metrics]
    if mention.times:
        return _place_times(mention, words, at, [], vocab)
    if mention.money:
        usd = [m.id for m in vocab.metrics if m.unit == "USD"]
        mid, cue = _by_context(vocab, words, at, usd, set(), reach=12)
        found, _ = _noun_matches(vocab, words, chunk) if chunk else (set(), 0)
        mid = mid or next((m for m in usd if m in found), None)
        return Placement(mid, 0.85 if mid else 0.2,
                         f"an amount of money, and “{cue or _words(words, chunk)}” says what for" if mid
                         else "an amount of money with no metric")
    if chunk:
        found, _length = _noun_matches(vocab, words, chunk)
        head = words[chunk[-1]]
        if found:
            ordered = [mid for mid in ids if mid in found]
            if RATE.match(_rest(words, chunk)) and not any("/" in vocab.metric(m).unit for m in ordered):
                return Placement(None, 0.2, f"“{_words(words, chunk)} {_rest(words, chunk)}” is a rate, not a count")
            if len(ordered) == 1:
                cue = _cue_distance(vocab, words, at, ordered[0], set(chunk))
                return Placement(ordered[0], 0.9 if cue is not None else 0.8,
                                 f"“{_words(words, chunk)}” follows the number (a noun of {ordered[0]})"
                                 + (f"; “{cue[1]}” agrees" if cue else ""))
            mid, cue = _by_context(vocab, words, at, ordered, set(chunk))
            if mid is None:
                return Placement(None, 0.3, f"“{_words(words, chunk)}” could be {' or '.join(ordered)}; no cue decides")
            return Placement(mid, 0.75, f"“{_words(words, chunk)}” follows the number and “{cue}” points to {mid}")
        if head.norm in PEOPLE:
            people = [m.id for m in vocab.metrics if m.unit == "people"]
            mid, cue = _by_context(vocab, words, at, people, set(chunk))
            if mid:
                return Placement(mid, 0.75, f"counts people (“{head.text}”), and “{cue}” points to {mid}")
            return Placement(None, 0.2, f"counts people (“{head.text}”) but no cue says which metric")
        if head.norm in TIMES:
            return _place_times(mention, words, at, chunk, vocab)
        return Placement(None, 0.2, f"counts “{_words(words, chunk)}”, which is not a metric's noun")
    counted = _number_of(words, vocab)
    if counted:
        return Placement(counted, 0.7, "the sentence gives “the number of” what this counts")
    mid, cue = _by_context(vocab, words, at, ids, set(), reach=8)
    if mid:
        return Placement(mid, 0.5, f"nothing follows the number; the nearest cue, “{cue}”, points to {mid}")
    return Placement(None, 0.1, "nothing in the sentence says what this counts")


def _place_times(mention: Mention, words: list[Token], at: Anchor, chunk: list[int], vocab: Vocabulary) -> Placement:
    """'the fourth time that … have flown near', 'at least twice deployed … to fly near': a count of
    events, so only running totals qualify, and the event's cue decides."""
    cumulative = [m.id for m in vocab.metrics if m.kind == "cumulative"]
    # "the first time that several strikes were conducted": a quantity of strikes, not of times
    quantified = {i for i in range(1, len(words)) if words[i - 1].norm in QUANTIFIERS}
    # What happened that many times is told after the number: "the fourth time that … flew near".
    mid, cue = _by_context(vocab, words, at, cumulative, set(chunk) | quantified, reach=10, after_weight=1)
    if mid:
        return Placement(mid, 0.65, f"counts the times that “{cue}” happened ({mid})")
    return Placement(None, 0.2, "counts times of something that is not a metric")


def _number_of(words: list[Token], vocab: Vocabulary) -> str | None:
    """'the total number of US military operations … to 13': what 'number of' names."""
    for i in range(len(words) - 2):
        if words[i].norm in ("number", "total", "tally", "count") and words[i + 1].norm == "of":
            chunk = _chunk(vocab, words, i + 2, "")
            if chunk:
                found, _ = _noun_matches(vocab, words, chunk)
                ordered = [m.id for m in vocab.metrics if m.id in found]
                if ordered:
                    return ordered[0]
    return None


def _words(words: list[Token], chunk: list[int]) -> str:
    return " ".join(words[i].text for i in chunk)


def _rest(words: list[Token], chunk: list[int]) -> str:
    """The two words after a chunk ("per day")."""
    return " ".join(w.norm for w in words[chunk[-1] + 1:chunk[-1] + 3])


def strike_scope(sentence: str, metric: Metric | None, day_words: str | None, as_of_text: str | None) -> str | None:
    """A strike figure reported for one operation, not the campaign's running total."""
    if metric is None or metric.topic != "strikes" or RUNNING.search(sentence):
        return None
    if SINGLE.search(sentence) or day_words:
        return f"one operation{' on ' + as_of_text if as_of_text and day_words else ''}"
    return None
