"""Finding the numbers of a sentence as journalists write them: 4,500; 11 million; $50 million;
seven; a pair of; nearly a dozen; the sixth; its 20th; with the hedge in front of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.extract.sentences import MONTHS

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
PHRASES = {"half a dozen": 6, "a half-dozen": 6, "half-dozen": 6, "a dozen": 12, "dozen": 12, "a pair of": 2, "a couple of": 2, "a hundred": 100, "hundred": 100,
           "a thousand": 1000, "the sole": 1, "a sole": 1, "the lone": 1, "a lone": 1}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
MULTIPLIERS = {"dozen": 12, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# The article's hedge → the qualifier it keeps. Longest first, so "more than" wins over "more".
HEDGES = {
    "at least": "at_least", "no fewer than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "roughly": "about", "some": "about", "about": "about", "around": "about", "approximately": "about",
    "nearly": "about", "almost": "about", "close to": "about", "an estimated": "about", "estimated": "about",
    "as many as": "up_to", "up to": "up_to", "at most": "up_to",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_TENS = "|".join(TENS)
_UNITS_1_9 = "|".join(k for k, v in UNITS.items() if 1 <= v <= 9)
_PHRASE = "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True))
_ORDW = "|".join(sorted(ORDINALS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_HEDGE = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))
_DETERMINER = r"(?:the|its|their|his|her|this|that)"

_NUMBER_PATTERN = (
    r"(?<![\w\-.$/])"
    r"(?P<money>\$\s?)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>st|nd|rd|th)?"
    rf"|(?P<word>(?:{_TENS})-(?:{_UNITS_1_9})|{_PHRASE}|{_WORD})"
    rf"|(?P<ordinal>{_ORDW})|(?P<times>once|twice|thrice))"
    r"(?:\s+(?P<mult>dozen|thousand|million|billion)\b)?"
    r"(?![\w\-]|[.,]\d|%)")
# Matching lowercased text without IGNORECASE is several times faster; offsets stay the same
# whenever lowercasing keeps the length (it does for all but a few letters, handled below).
NUMBER = re.compile(_NUMBER_PATTERN)
NUMBER_ANY_CASE = re.compile(_NUMBER_PATTERN, re.IGNORECASE)
# Where a number can start: a digit or "$", or the first word of a number word or phrase. The
# full pattern is tried only there: trying it at every character is what makes regexes slow.
_FIRST_WORDS = sorted({w.split()[0].split("-")[0] for w in [*UNITS, *TENS, *PHRASES, *ORDINALS, "once", "twice",
                                                            "thrice"]} - {"a"}, key=len, reverse=True)
_START = re.compile(r"[$\d]|\ba (?=dozen|pair|couple|hundred|thousand|sole|lone|half-dozen)|\bthe (?=sole|lone)|\b(?:%s)\b" % "|".join(_FIRST_WORDS))
_HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{_HEDGE})\s+(?:(?P<det>the)\s+)?$", re.IGNORECASE)
# The day of a date: "Sept. 2", "December 4-5", "between December 4 and 5" (but "on Sept. 2 and 14
# were killed" counts 14 people).
_DATE_BEFORE = re.compile(rf"(?:\bbetween\s+(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+and\s+"
                          rf"|\b(?:{_MONTH})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:to|-|–)\s*)?)$", re.IGNORECASE)
# "12 January (AP)", "3 Jan 2026": a day written before its month.
_MONTH_AFTER = re.compile(r"\s+(?P<month>[A-Z][a-z]{2,8})\b")  # capitalised: "12 may be more" is no date
_AFTER_ORDINAL = re.compile(rf"\b(?:{_ORDW}|\d+(?:st|nd|rd|th))\s+$", re.IGNORECASE)
_INDEFINITE = re.compile(r"\ba\s+$", re.IGNORECASE)
_ORDINAL_DETERMINER = re.compile(rf"\b{_DETERMINER}\s+$|\b(?:{_HEDGE})\s+the\s+$", re.IGNORECASE)
# "the 18th and 19th strikes", "the 14th, 15th and 16th": the determiner of a list holds for each
_ORD_ANY = rf"(?:{_ORDW}|\d+(?:st|nd|rd|th))"
_IN_ORDINAL_LIST = re.compile(rf"\b{_DETERMINER}\s+(?:{_ORD_ANY}(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))+$",
                              re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A number in a sentence; offsets are into the sentence, and cover the hedge too."""

    value: float
    qualifier: str
    start: int
    end: int
    number_start: int
    number_end: int
    text: str
    ordinal: bool = False
    money: bool = False
    times: bool = False  # "twice", "once": a count of occurrences
    high: float | None = None  # the high end of a range ("30 to 50 million": value 30 million)
    article: bool = False  # "eight warships and a submarine": "a" as one item of a list of counts


def _word_value(word: str) -> int:
    word = word.lower()
    if word in PHRASES:
        return PHRASES[word]
    if "-" in word:
        tens, unit = word.split("-")
        return TENS[tens] + UNITS[unit]
    return UNITS.get(word, TENS.get(word, 0))


def _matches(sentence: str):
    lower = sentence.lower()
    if len(lower) != len(sentence):  # lowercasing changed offsets: take the slow, exact path
        yield from NUMBER_ANY_CASE.finditer(sentence)
        return
    end = 0
    for start in _START.finditer(lower):
        if start.start() < end:
            continue
        match = NUMBER.match(lower, start.start())
        if match:
            end = match.end()
            yield match


def find_numbers(sentence: str) -> list[Mention]:
    mentions = []
    for match in _matches(sentence):
        mention = _mention(sentence, match)
        if mention is not None:
            mentions.append(mention)
    if len(mentions) > 1:
        mentions = _share_hedges(sentence, _join_ranges(sentence, mentions))
    if mentions:
        mentions = sorted(mentions + _listed_articles(sentence, mentions[0].end), key=lambda m: m.start)
    return mentions


# Larger numbers are not figures of any story; the validator refuses them in fact files too.
MAX_VALUE = 10 ** 15


# "eight warships and (even) a nuclear submarine": after a count, "a" in the same list counts one. Only
# the metric's kind decides whether it is a figure (classify.py); elsewhere "a" is not a number.
_LISTED_ARTICLE = re.compile(r"(?:,|\band|\bplus|\balong with)\s+(?:even\s+|also\s+)?(?P<a>an?)\s+(?=[\w-])", re.IGNORECASE)


def _listed_articles(sentence: str, after: int) -> list[Mention]:
    return [Mention(value=1, qualifier="exact", start=m.start("a"), end=m.end("a"), number_start=m.start("a"),
                    number_end=m.end("a"), text=m.group("a"), article=True)
            for m in _LISTED_ARTICLE.finditer(sentence, after)]


# "30 to 50 million", "23 or 24", "between 23 and 24": one figure with a low and a high end. Not
# "from 80 to 83" (a change) and not a low end above the high one ("a vote of 50 to 45").
_RANGE_GAP = re.compile(r"\s*(?:to|or|-|–)\s*$|\s+and\s+$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _join_ranges(sentence: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        low = out[-1] if out else None
        if low is not None and _is_range(sentence, low, mention):
            out[-1] = _range(sentence, low, mention)
        else:
            out.append(mention)
    return out


def _is_range(sentence: str, low: Mention, high: Mention) -> bool:
    gap = sentence[low.number_end:high.number_start]
    if not _RANGE_GAP.fullmatch(gap) or low.high is not None or low.ordinal or high.ordinal:
        return False
    if high.qualifier != "exact" or low.times or high.times or low.money != high.money:
        return False
    before = sentence[max(0, low.start - 12):low.start]
    if gap.strip() == "and" and not _BETWEEN.search(before):
        return False  # "killed 3 and wounded 2": two figures
    if _FROM.search(before):
        return False
    return _scaled(low, high) < high.value


def _scaled(low: Mention, high: Mention) -> float:
    """The low end in the high end's unit: "30 to 50 million" is 30 million to 50 million."""
    word = re.search(r"\b(thousand|million|billion)\b", high.text[high.number_start - high.start:], re.IGNORECASE)
    if word and not re.search(r"\b(?:thousand|million|billion)\b", low.text, re.IGNORECASE):
        return low.value * MULTIPLIERS[word.group(1).lower()]
    return low.value


def _range(sentence: str, low: Mention, high: Mention) -> Mention:
    value = _scaled(low, high)
    value = int(value) if value == int(value) else value
    between = _BETWEEN.search(sentence[max(0, low.start - 12):low.start])
    start = low.start - (len(between.group()) if between and low.start == low.number_start else 0)
    return Mention(value=value, qualifier="range", start=start, end=high.end, number_start=low.number_start,
                   number_end=high.number_end, text=sentence[start:high.end], money=high.money, high=high.value)


# "as many as 11 million barrels in 39 ships": an estimate's hedge holds for the number that
# completes its phrase, a few words later after a preposition. A floor does not: in "at least 90
# people in 30 attacks" the deaths may be undercounted, the attacks are counted.
SHARED = ("up_to", "about")
_SHARED_GAP = re.compile(r"\s+(?:[\w-]+\s+){1,5}?(?:in|on|aboard|across|from|over)\s+$", re.IGNORECASE)


def _share_hedges(sentence: str, mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if first.qualifier not in SHARED or second.qualifier != "exact" or second.ordinal:
            continue
        if _SHARED_GAP.fullmatch(sentence[first.number_end:second.start]):
            out[i] = Mention(**{**second.__dict__, "qualifier": first.qualifier})
    return out


# Patterns anchored at the number ("at least ", "Sept. ") are searched in the few words before
# it, not in the whole sentence: a regex search over a long prefix is what made extraction slow.
WINDOW = 48


def _mention(sentence: str, match: re.Match) -> Mention | None:
    offset = max(0, match.start() - WINDOW)
    before = sentence[offset: match.start()]
    ordinal = bool(match.group("ordinal") or match.group("suffix"))
    if match.group("digits"):
        digits = match.group("digits")
        if len(digits) > 40:
            return None
        value = float(digits.replace(",", ""))
        if _DATE_BEFORE.search(before) or _looks_like_year(digits, match, sentence) or (
                value <= 31 and not match.group("mult") and _is_month_after(sentence, match.end())):
            return None
        if re.match(r"\s*(?:[ap]\.?m\b|:\d)", sentence[match.end():], re.I):  # a time of day
            return None
    elif match.group("word"):
        value = float(_word_value(match.group("word")))
        if match.group("word").lower() == "one" and _AFTER_ORDINAL.search(before):
            return None  # "the fourth one this month": a pronoun
        if match.group("word").lower() in ("one", "a pair of", "a couple of") and re.match(
                r"\s+(?:of|another|other|another)\b", sentence[match.end():], re.I):
            return None
    elif match.group("times"):
        value = float({"once": 1, "twice": 2, "thrice": 3}[match.group("times").lower()])
        if match.group("times").lower() == "once" and not re.search(r"\b(?:at least|only|just)\s+$", before, re.I):
            return None  # "once" is mostly "formerly" or "as soon as"
    else:
        value = float(ORDINALS[match.group("ordinal").lower()])
    if ordinal and not (_ORDINAL_DETERMINER.search(before) or (value >= 3 and _INDEFINITE.search(before))
                        or _IN_ORDINAL_LIST.search(before)):
        return None  # "a second strike", "first reported": not counts; "a fourth strike" is one
    if match.group("mult"):
        value *= MULTIPLIERS[match.group("mult").lower()]
    if not value <= MAX_VALUE:  # a 400-digit run is no figure (and no float holds it)
        return None
    hedge = _HEDGE_BEFORE.search(before)
    if hedge and hedge.group("det") and hedge.group("hedge").lower() != "at least":
        hedge = None  # "know about the second strike": a preposition, not a hedge
    qualifier = HEDGES[hedge.group("hedge").lower()] if hedge else "exact"
    start = offset + hedge.start() if hedge else match.start()
    if value == int(value):
        value = int(value)
    return Mention(value=value, qualifier=qualifier, start=start, end=match.end(),
                   number_start=match.start(), number_end=match.end(), text=sentence[start:match.end()],
                   ordinal=ordinal, money=bool(match.group("money")), times=bool(match.group("times")))


def _is_month_after(sentence: str, at: int) -> bool:
    month = _MONTH_AFTER.match(sentence, at)
    return bool(month) and month.group("month").lower() in MONTHS


def _looks_like_year(digits: str, match: re.Match, sentence: str) -> bool:
    """1900–2100 written without a comma, not followed by a thing counted ("in 2019", "2025")."""
    if "," in digits or "." in digits or not (1900 <= int(digits) <= 2100) or match.group("mult"):
        return False
    return not re.match(r"\s+(?:troops|people|sailors|marines|personnel)\b", sentence[match.end():], re.I)
