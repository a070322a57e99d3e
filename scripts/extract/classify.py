"""Which metric a number belongs to, read from the sentence the way a reader does it.

1. What does the number count? The words right after it ("4,500 troops", "16 alleged drug-smuggling
   boats", "$50 million reward"). If they name a metric's `nouns` (facts/metrics.yaml), the metric
   is one of those. If they name something else ("500 long-range missiles", "250 km"), the number
   is not forced into a metric.
2. When they name people in general ("64 people", "14 smugglers"), only metrics that count
   people qualify, and the sentence's `cues` decide: "killed" → deaths, "deported" → people deported.
3. When nothing follows ("the death toll has risen to 80,"), or the number counts times ("the
   fourth time that … have flown near"), the nearest cue decides; "the total number of operations
   … to 13" counts operations.
4. A value above the metric's plausible maximum, or a count of another country's forces, is left
   unplaced.

The sentence's words, nouns and cues are indexed in vocabulary.py; ordinals and series ("its 20th
strike", "the fourth time that …") are read in series.py; numbers set aside by the few characters
around them ("Task Force 4", "three of these") in asides.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from scripts.extract.asides import aside
from scripts.extract.numbers import Mention
from scripts.extract.scope import another_sides, narrower
from scripts.extract.series import (RUNNING, counts_by_ordinal, named_by_its_cue, ordinal_of_a_deed, place_ordinal,
                                    place_times, series_done_to)
from scripts.extract.vocabulary import (BREAK, STOP, TIMES, Anchor, Placement, SentenceIndex, Token, Vocabulary,
                                        by_context, counted_words, cue_distance, noun_matches, normalise_word,
                                        words_of)
from scripts.records import Metric

__all__ = ["RUNNING", "Placement", "SentenceIndex", "Vocabulary", "normalise_word", "place", "strike_scope"]

INJURED = {"injured", "wounded", "hurt", "injuring", "wounding"}
AUXILIARY = {"were", "was", "been", "had", "have", "being"}
SINGLE = re.compile(r"\b(a|one|the|this|that|latest|new) (\w+[\s-]){0,2}(strike|attack|operation)\b(?!s)", re.I)
CAPACITY = re.compile(r"\b(?:can|could|able to|capable of)\s+(?:carry|carrying|hold|holding|transport)\s+(?:up to\s+|almost\s+|nearly\s+|about\s+)?$", re.I)
RATE = re.compile(r"(?:per|a|each) (?:day|week|month|year)\b|daily\b|annually\b")


_OPENING_QUOTE = re.compile(r"^\s+[“\"‘']$")


def _unquoted(gap: str) -> str:
    """three “smugglers”: a word in scare quotes still says what the number counts."""
    return " " if _OPENING_QUOTE.match(gap) else gap


LINKED = re.compile(r"\b(?:with|of which|of them|including|remaining|the other|the rest of|while)\s+(?:the\s+)?$", re.I)
THE_OTHER = re.compile(r"\bthe\s+other\s+$", re.I)
ANAPHORA = re.compile(r"\b(?:that|this|the same)\s+(?:number|figure|total|count|tally)\b", re.I)


def place(mention: Mention, sentence: str, vocab: Vocabulary, previous: str | None = None,
          previous_in_sentence: bool = False, index: SentenceIndex | None = None) -> Placement:
    """The metric of ``mention``; ``previous`` is the metric of the figure placed just before it
    (in this sentence when ``previous_in_sentence``), for "…, with eight being …" and "that number"."""
    index = index or SentenceIndex.build(sentence, vocab)
    words = index.words
    after = bisect_left(index.starts, mention.number_end)
    first = bisect_left(index.starts, mention.start)
    at = Anchor(first, after)
    if after == len(words) or BREAK.search(_unquoted(sentence[mention.number_end:words[after].start])):
        chunk: list[int] = []  # "has risen to 80, with …": punctuation right after the number
    else:
        chunk = counted_words(index, after)
        if mention.ordinal and chunk and words[chunk[0]].norm == "one":
            chunk = []  # "the fourth one this month": the pronoun names nothing; the sentence does
    near_before = sentence[max(0, mention.start - 48): mention.start]  # anchored patterns look this far
    if CAPACITY.search(near_before):
        return Placement(None, 0.15, f"“{mention.text}” is a capacity, not a count")
    set_aside = aside(sentence, mention)
    if set_aside:
        return Placement(None, 0.1, f"“{mention.text}” is {set_aside}, not a count")
    if chunk and THE_OTHER.search(near_before) and noun_matches(index, chunk)[0]:
        # "the other seven strikes targeted …", "crews of the other two boats": the rest of a set
        # whose total the article gives ("the other two survived" names people by their verb)
        return Placement(None, 0.15, f"“the other {mention.text}” is the rest of a set, not a count of it")
    if _is_label(index, mention, vocab):
        return Placement(None, 0.1, f"“{mention.text}” numbers a list entry")
    if mention.ordinal and mention.value == 1 and (chunk and words[chunk[-1]].norm in TIMES or _first_one(index, at)):
        # "the first time that survivors were reported", "the first one in the Atlantic": news that
        # something happened at all (there), not a count of it ("the fourth time that … flew near" is one)
        return Placement(None, 0.15, f"“{mention.text}” says something is new; it is not a running count")
    if mention.ordinal and not (counts_by_ordinal(sentence, mention, [words[i] for i in chunk])
                                or named_by_its_cue(index, chunk)):
        return Placement(None, 0.15, f"“{mention.text}” labels one event; it is not a running count")
    if not chunk and previous and not mention.times and (
            (previous_in_sentence and LINKED.search(near_before))
            or ANAPHORA.search(sentence[: mention.start])):
        return Placement(previous, 0.7, "continues the figure before it (“with eight being …”, “that number …”)")
    placement = _place(mention, index, at, chunk, vocab)
    if mention.article:
        return _listed_one(placement, index, chunk, vocab)
    if placement.metric is None:
        return placement
    metric = vocab.metric(placement.metric)
    if metric.plausible_max is not None and mention.value > metric.plausible_max:
        return Placement(None, 0.2, f"{mention.text} is too large for {metric.id}")
    if vocab.own_prefix and metric.id.startswith(vocab.own_prefix) and another_sides(index, at, chunk, vocab):
        return Placement(None, 0.2, f"{mention.text} counts another country's forces")
    part = narrower(sentence, mention, metric)
    if part:
        return Placement(None, 0.2, f"“{mention.text}” counts {part}")
    return placement


def _first_one(index: SentenceIndex, at: Anchor) -> bool:
    return at.after < len(index.words) and index.words[at.after].norm == "one"


def _listed_one(placement: Placement, index: SentenceIndex, chunk: list[int], vocab: Vocabulary) -> Placement:
    """'a nuclear submarine' after 'eight warships and': one, when what follows is a noun of a
    metric that counts what is there (kind `level`: forces deployed). A running count (kind
    `cumulative`) is never 'a': 'seized a ship' is one event of the tally, not the tally."""
    named, _ = noun_matches(index, chunk) if chunk else (set(), 0)
    if placement.metric in named and vocab.metric(placement.metric).kind == "level" and _ends_phrase(index, chunk[-1]):
        return placement
    return Placement(None, 0.0, "“a” names one thing, not a count")


def _ends_phrase(index: SentenceIndex, i: int) -> bool:
    """The word is the head of its phrase: what follows is punctuation, a function word or nothing
    ('a Marine F-35B squadron' counts a squadron, not marines)."""
    if i + 1 >= len(index.words):
        return True
    return index.words[i + 1].norm in STOP or bool(BREAK.search(index.text[index.words[i].end:index.words[i + 1].start]))


def _is_label(index: SentenceIndex, mention: Mention, vocab: Vocabulary) -> bool:
    """'Attack 1 (North Sea):' — a capitalised noun of a metric, then the number, then punctuation."""
    after = index.text[mention.number_end:mention.number_end + 3]
    if mention.start != mention.number_start or not re.match(r"\s*[(:–—-]", after):
        return False
    previous = re.search(r"([A-Z][\w-]*)\s+$", index.text[max(0, mention.number_start - 40): mention.number_start])
    if not previous:
        return False
    word = normalise_word(previous.group(1))
    return any(seq == (word,) for seq, _ in vocab.nouns.get(word, ()))


BROUGHT_TO = re.compile(r"\b(?:bring|brings|brought|bringing|take|takes|took|taking|push|pushes|pushed|pushing|"
                        r"raise|raises|raised|raising|increase|increases|increased|increasing|lift|lifts|lifted|"
                        r"lifting|put|puts|putting)\b[^,;:.]{3,160}?\b(?:up\s+)?to\s+$", re.I)


def _brought_to(index: SentenceIndex, mention: Mention) -> tuple[str, str] | None:
    """'brought the cumulative death toll in the campaign against drug boats to 80': the total is
    the verb's object, the first cue after the verb, however far the number is."""
    verb = BROUGHT_TO.search(index.text, max(0, mention.start - 200), mention.start)
    if not verb or verb.end() != mention.start:
        return None
    first, last = bisect_left(index.starts, verb.start()) + 1, bisect_left(index.starts, mention.start)
    found = [(o.start, o.metric) for occs in index.cues.values() for o in occs if first <= o.start < last]
    if not found:
        return None
    start, mid = min(found)
    length = next(o.length for o in index.cues[mid] if o.start == start)
    return mid, " ".join(w.text for w in index.words[start:start + length])


def _place(mention: Mention, index: SentenceIndex, at: Anchor, chunk: list[int], vocab: Vocabulary) -> Placement:
    ids = [m.id for m in vocab.metrics]
    words = index.words
    if mention.times:
        return place_times(index, at, [], vocab)
    if mention.money:
        usd = [m.id for m in vocab.metrics if m.unit == "USD"]
        mid, cue = by_context(index, at, usd, set(), reach=12)
        found, _ = noun_matches(index, chunk) if chunk else (set(), 0)
        mid = mid or next((m for m in usd if m in found), None)
        return Placement(mid, 0.85 if mid else 0.2,
                         f"an amount of money, and “{cue or words_of(words, chunk)}” says what for" if mid
                         else "an amount of money with no metric")
    people = [m.id for m in vocab.metrics if m.unit == "people"]
    verb = _verb_after(index, at.after - 1, people) if chunk else None
    if verb:  # "and one survived", "two died": the number names people by what they did
        return Placement(verb[0], 0.75, f"counts people who “{verb[1]}”")
    hurt = _injured(index, at, people)
    if hurt:
        return hurt
    if chunk:
        found, _length = noun_matches(index, chunk)
        head = words[chunk[-1]]
        if found and mention.ordinal:
            return place_ordinal(index, at, chunk, found, vocab)
        if found:
            ordered = [mid for mid in ids if mid in found]
            series = series_done_to(index, chunk, ordered, vocab)
            if series:
                return Placement(series, 0.75, f"“{words_of(words, chunk)} {words[chunk[-1] + 1].text}”: what was "
                                               f"done to them counts a running total ({series})")
            if RATE.match(_rest(words, chunk)) and not any("/" in vocab.metric(m).unit for m in ordered):
                return Placement(None, 0.2, f"“{words_of(words, chunk)} {_rest(words, chunk)}” is a rate, not a count")
            if len(ordered) == 1:
                cue = cue_distance(index, at, ordered[0], set(chunk))
                if cue is None and _undone(index, vocab.metric(ordered[0]), vocab):
                    return Placement(None, 0.2, f"“{words_of(words, chunk)}” names what {ordered[0]} counts, but "
                                                f"nothing in the sentence was done to them")
                return Placement(ordered[0], 0.9 if cue is not None else 0.8,
                                 f"“{words_of(words, chunk)}” follows the number (a noun of {ordered[0]})"
                                 + (f"; “{cue[1]}” agrees" if cue else ""))
            mid, cue = by_context(index, at, ordered, set(chunk))
            if mid is None:
                return Placement(None, 0.3, f"“{words_of(words, chunk)}” could be {' or '.join(ordered)}; no cue decides")
            return Placement(mid, 0.75, f"“{words_of(words, chunk)}” follows the number and “{cue}” points to {mid}")
        if head.norm in index.people:
            verb = _verb_after(index, chunk[-1], people)
            if verb:
                return Placement(verb[0], 0.8, f"counts people (“{head.text}”) who “{verb[1]}”")
            mid, cue = by_context(index, at, people, set(chunk))
            if mid:
                return Placement(mid, 0.75, f"counts people (“{head.text}”), and “{cue}” points to {mid}")
            return Placement(None, 0.2, f"counts people (“{head.text}”) but no cue says which metric")
        if head.norm in TIMES:
            return place_times(index, at, chunk, vocab)
        deed = ordinal_of_a_deed(index, chunk, vocab) if mention.ordinal else None
        if deed:
            return deed
        return Placement(None, 0.2, f"counts “{words_of(words, chunk)}”, which is not a metric's noun")
    counted = _number_of(index, vocab)
    if counted:
        return Placement(counted, 0.7, "the sentence gives “the number of” what this counts")
    brought = _brought_to(index, mention)
    if brought:
        return Placement(brought[0], 0.6, f"a total brought to this number; “{brought[1]}” says which")
    mid, cue = by_context(index, at, ids, set(), reach=8)
    if mid:
        return Placement(mid, 0.5, f"nothing follows the number; the nearest cue, “{cue}”, points to {mid}")
    return Placement(None, 0.1, "nothing in the sentence says what this counts")


def _undone(index: SentenceIndex, metric: Metric, vocab: Vocabulary) -> bool:
    """A running total of a deed (kind `cumulative`: vessels struck) counts things to which the
    sentence says the deed, or one of its topic's, was done: '12 vessels bound for port turned
    away' were not struck."""
    if metric.kind != "cumulative":
        return False
    topic = {m.id for m in vocab.metrics if m.topic == metric.topic}
    return not any(mid in topic for mid in index.cues)


def _verb_after(index: SentenceIndex, head: int, eligible: list[str]) -> tuple[str, str] | None:
    """'one smuggler survived', 'three crew members died': the people's own verb, right
    after them (or after 'were'/'was'), says which metric counts them."""
    at = head + 1
    if at < len(index.words) and index.words[at].norm in ("were", "was", "had", "have"):
        at += 1
    for mid in eligible:
        for occ in index.cues.get(mid, ()):
            if occ.start == at:
                return mid, index.words[at].text
    return None


def _injured(index: SentenceIndex, at: Anchor, people: list[str]) -> Placement | None:
    """'killing two and injuring one', 'seven troops were injured', 'two wounded': the number
    counts the injured, whom a metric counts only if its cues name them so; never the dead or
    the forces present."""
    words = index.words
    at_word = None
    if at.first > 0 and words[at.first - 1].norm in INJURED:
        at_word = at.first - 1
    for i in range(at.after, min(at.after + 5, len(words))) if at_word is None else ():
        if BREAK.search(index.text[words[i - 1].end:words[i].start]):
            break
        if words[i].norm in INJURED:
            at_word = i
            break
        if words[i].norm in STOP and words[i].norm not in AUXILIARY:
            break
    if at_word is None:
        return None
    named = [mid for mid in people if any(o.start == at_word for o in index.cues.get(mid, ()))]
    if named:
        return Placement(named[0], 0.7, f"counts people who were “{words[at_word].text}”")
    return Placement(None, 0.2, f"counts the “{words[at_word].text}”, whom no metric counts")


def _number_of(index: SentenceIndex, vocab: Vocabulary) -> str | None:
    """'the total number of US military operations … to 13': what 'number of' names."""
    words = index.words
    for i in range(len(words) - 2):
        if words[i].norm in ("number", "total", "tally", "count") and words[i + 1].norm == "of":
            chunk = counted_words(index, i + 2)
            if chunk:
                found, _ = noun_matches(index, chunk)
                ordered = [m.id for m in vocab.metrics if m.id in found]
                if ordered:
                    return ordered[0]
    return None


def _rest(words: list[Token], chunk: list[int]) -> str:
    """The two words after a chunk ("per day")."""
    return " ".join(w.norm for w in words[chunk[-1] + 1:chunk[-1] + 3])


def strike_scope(sentence: str, metric: Metric | None, day_words: str | None, as_of_text: str | None) -> str | None:
    """A figure of a metric that sums incidents reported for one operation, not the running total."""
    if metric is None or metric.sums is None or RUNNING.search(sentence):
        return None
    if SINGLE.search(sentence) or day_words:
        return f"one operation{' on ' + as_of_text if as_of_text and day_words else ''}"
    return None
