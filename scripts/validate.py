"""Validate stage: checks of meaning over the loaded records (the shape was checked while
loading). Every check adds problems; none stops the others."""

from __future__ import annotations

import difflib
from collections import defaultdict
from datetime import date, timedelta
from typing import Iterable, Iterator

from scripts.corrections import BaseUnavailable, check_against_base, read_base
from scripts.load import load_dataset
from scripts.paths import ProjectPaths
from scripts.problems import Problem, capped, problem
from scripts.quotes import MIN_QUOTE_CHARS, closest_sentence, find_quote, quote_too_short
from scripts.figures import mismatches
from scripts.records import Dataset, Event, Metric, Observation, Quantity
from scripts.wording import format_date, format_number, format_quantity


def validate_project(paths: ProjectPaths, base: str | None = None) -> tuple[Dataset, list[Problem]]:
    """Load and check everything; with ``base`` (a git revision), also that changes to verified
    figures are recorded as corrections. The problems come sorted by file and line. Every call
    reads the files again: a build calls it once and hands the result on."""
    dataset, problems = load_dataset(paths)
    problems = problems + list(check_dataset(dataset))
    if base:
        try:
            problems += list(check_against_base(dataset, read_base(paths, base)))
        except BaseUnavailable as err:
            problems.append(problem("base-unavailable", "facts", 1, f"cannot read '{base}': {err}"))
    return dataset, capped(sorted(set(problems)))


def check_dataset(dataset: Dataset) -> Iterator[Problem]:
    yield from check_unique_ids(dataset)
    for obs in dataset.observations:
        yield from check_observation(obs, dataset)
    for event in dataset.events:
        yield from check_event(event, dataset)
    yield from check_duplicate_figures(dataset.observations)
    yield from check_cumulative_order(dataset)
    yield from check_annotations(dataset)
    yield from check_story_references(dataset)


def check_story_references(dataset: Dataset) -> Iterator[Problem]:
    """What story.yaml names exists: its key figures' metrics, its context topic; and what a metric
    sums is an incident type's figure."""
    story = dataset.story
    for metric_id, (line, col) in story.positions.items():
        if metric_id.startswith("topic:"):
            if metric_id[6:] not in story.topic_slugs:
                yield problem("unknown-topic", story.path, line, f"`context_topic: {metric_id[6:]}` is not one of "
                              "the story's topics", f"use one of: {', '.join(story.topic_slugs)}")
        elif metric_id not in dataset.metrics:
            yield problem("unknown-metric", story.path, line, f"story.yaml names the metric '{metric_id}', which is "
                          "not in facts/metrics.yaml", _suggest(metric_id, dataset.metrics) or None, col=col)
    for metric in dataset.metrics.values():
        if metric.sums is None:
            continue
        line, col = metric.origin.at("sums")
        kind = story.incident(metric.sums.kind)
        if kind is None:
            yield problem("unknown-kind", metric.origin.path, line, f"metric '{metric.id}' sums events of kind "
                          f"'{metric.sums.kind}', which is no incident type of story.yaml",
                          f"use one of: {', '.join(i.kind for i in story.incidents) or '(none declared)'}", col=col)
        elif metric.sums.figure not in kind.figure_names:
            yield problem("unknown-figure", metric.origin.path, line, f"metric '{metric.id}' sums the figure "
                          f"'{metric.sums.figure}', which '{kind.kind}' does not declare",
                          f"use one of: {', '.join(kind.figure_names)}", col=col)


def check_annotations(dataset: Dataset) -> Iterator[Problem]:
    """A metric's `annotate` names events that exist."""
    known = {e.id for e in dataset.events}
    for metric in dataset.metrics.values():
        for note in metric.annotate:
            if note.event not in known:
                yield problem("unknown-event", metric.origin.path, metric.origin.at("annotate")[0],
                              f"metric '{metric.id}' annotates event '{note.event}', which is not in facts/events*.yaml",
                              _suggest(note.event, known) or None)


def check_unique_ids(dataset: Dataset) -> Iterator[Problem]:
    first: dict[str, tuple[str, int]] = {}
    records: Iterable[Observation | Event] = [*dataset.observations, *dataset.events]
    for record in records:
        if record.id in first:
            path, line = first[record.id]
            yield problem("duplicate-id", record.origin.path, record.origin.line,
                          f"id '{record.id}' is already used at {path}:{line}",
                          "give this entry a new, unique id (ids are never reused)")
        else:
            first[record.id] = (record.origin.path, record.origin.line)


def _suggest(name: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
    return f"did you mean `{guess[0]}`?" if guess else ""


def check_source_quote(source: str, quote: str, what: str, path: str, at_source: tuple[int, int],
                       at_quote: tuple[int, int], dataset: Dataset) -> Iterator[Problem]:
    seed = dataset.seeds.get(source)
    if seed is None:
        hint = _suggest(source, dataset.seeds)
        yield problem("unknown-source", path, at_source[0], f"{what} cites '{source}', which is not a seed in seeds/",
                      hint or None, col=at_source[1])
        return
    if quote_too_short(quote):
        yield problem("quote-too-short", path, at_quote[0], f"the quote of {what} is shorter than {MIN_QUOTE_CHARS} "
                      "characters once its spaces are tidied", col=at_quote[1])
        return
    found = find_quote(quote, seed.body)
    if found == "cut":
        yield problem("quote-cut", path, at_quote[0], f"the quote of {what} starts or ends inside a word or number "
                      f"of seeds/{source}.md", col=at_quote[1])
    elif found == "missing":
        near = closest_sentence(quote, seed.body)
        fix = f'did you mean: "{near}"' if near else "copy the sentence from the source exactly"
        yield problem("quote-not-in-source", path, at_quote[0], f"the quote of {what} does not occur in "
                      f"seeds/{source}.md", fix, col=at_quote[1])


def check_observation(obs: Observation, dataset: Dataset) -> Iterator[Problem]:
    path, at = obs.origin.path, obs.origin.at
    what = f"'{obs.id}'"
    metric = dataset.metrics.get(obs.metric)
    if metric is None:
        yield problem("unknown-metric", path, at("metric")[0], f"{what} has metric '{obs.metric}', which is not in "
                      "facts/metrics.yaml", _suggest(obs.metric, dataset.metrics) or None, col=at("metric")[1])
    yield from check_source_quote(obs.source, obs.quote, what, path, at("source"), at("quote"), dataset)
    if metric is not None and obs.derived is None:
        yield from check_figures_stated(claimed_numbers(obs.quantity), obs, metric)
    seed = dataset.seeds.get(obs.source)
    if seed is not None and obs.as_of > seed.published:
        yield problem("as-of-after-publication", path, at("as_of")[0],
                      f"{what} is dated {obs.as_of}, after its source was published on {seed.published}",
                      col=at("as_of")[1])
    line, col = at("value")
    yield from check_range(obs.quantity, what, path, at("high"))
    if obs.value < 0 or (metric is not None and metric.counted and obs.value != int(obs.value)):
        yield from check_count(obs.value, what, metric.unit if metric else "", path, line, col)
    elif metric is not None and metric.plausible_max is not None and obs.value > metric.plausible_max:
        yield problem("implausible-value", path, line,
                      f"{what} gives {obs.value:,g} {metric.unit}; more than {metric.plausible_max:,g} is "
                      f"implausible for {metric.id}", col=col)


def check_range(quantity: Quantity, what: str, path: str, at: tuple[int, int]) -> Iterator[Problem]:
    if quantity.high is not None and quantity.high <= quantity.value:
        yield problem("range-inverted", path, at[0], f"{what} gives the range {quantity.value:g} to "
                      f"{quantity.high:g}", col=at[1])


def check_incident_figures_stated(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Each figure of an incident is one a quote states: the event's own in one of its quotes, a
    source's reading in that source's quote; unless the editor says in `derived:` how they read it."""
    incident = event.incident
    kind = dataset.story.incident(event.kind)
    if incident.derived or kind is None:
        return
    nouns = {m.sums.figure: m.nouns for m in dataset.metrics.values() if m.sums and m.sums.kind == event.kind}
    path, what = event.origin.path, f"event '{event.id}'"
    quotes = [c.quote for c in event.sources]
    for name, quantity in incident.figures().items():
        if quantity.value == 1 and not nouns.get(name):
            continue  # "a boat" is one only of a noun some metric counts; none says what this counts
        stated = lambda quote: not mismatches(claimed_numbers(quantity), quote, name == kind.count,  # noqa: E731
                                              nouns.get(name, ()), incident=True)
        if not any(stated(q) for q in quotes):
            line, col = incident.origin.at(name) if incident.origin else event.origin.at(event.kind)
            yield problem("event-figure-not-in-quote", path, line,
                          f"{what} gives {name} {format_number(quantity.value)}, which none of its quotes states",
                          col=col)
    for citation, reading in event.readings:
        for name, quantity in reading.figures().items():
            if mismatches(claimed_numbers(quantity), citation.quote, name == kind.count, nouns.get(name, ()),
                          incident=True):
                yield problem("event-figure-not-in-quote", path, citation.line,
                              f"the reading of {citation.source} on {what} gives {name} "
                              f"{format_number(quantity.value)}, which its quote does not state")


def check_incident(event: Event) -> Iterator[Problem]:
    """Ranges the right way up, and readings that say something the event does not."""
    path, what = event.origin.path, f"event '{event.id}'"
    for quantity in event.incident.figures().values():
        yield from check_range(quantity, what, path, event.origin.at(event.kind))
    own = event.incident.figures()
    for citation, reading in event.readings:
        for name, quantity in reading.figures().items():
            yield from check_range(quantity, what, path, (citation.line, 9))
            if own.get(name) == quantity:
                yield problem("reading-same-as-event", path, citation.line,
                              f"the reading of {citation.source} on {what} repeats its `{name}`")


def claimed_numbers(quantity: Quantity) -> list[Quantity]:
    """The numbers a figure claims: a range claims its low end as a floor and its high end as a
    ceiling ("30 to 50 million": at least 30 million, at most 50 million)."""
    if quantity.qualifier == "range" and quantity.high is not None:
        return [Quantity(quantity.value, "at_least"), Quantity(quantity.high, "up_to")]
    return [quantity]


def check_figures_stated(claims: list[Quantity], obs: Observation, metric: Metric) -> Iterator[Problem]:
    """Each number the record claims is one its quote states, hedged no more firmly than there."""
    line, col = obs.origin.at("value")
    for wrong in mismatches(claims, obs.quote, metric.counts_events, metric.nouns):
        said = ", ".join(dict.fromkeys(_say(q) for q in wrong.stated)) or "no number"
        if wrong.code == "value-not-in-quote":
            yield problem("value-not-in-quote", obs.origin.path, line,
                          f"'{obs.id}' gives {format_number(wrong.claimed.value)}, but its quote states {said}",
                          "write the number the quote states; if you worked the figure out (a sum, a "
                          "difference, another sentence), say how in `derived:`", col=col)
        else:
            line, col = obs.origin.at("qualifier")
            yield problem("qualifier-not-in-quote", obs.origin.path, line,
                          f"'{obs.id}' says {_say(wrong.claimed)}, but its quote says {said}: the site would "
                          "claim more than the source", f"write the quote's hedge: `qualifier: "
                          f"{wrong.stated[0].qualifier}`", col=col)


def _say(quantity: Quantity) -> str:
    return format_quantity(Quantity(quantity.value, quantity.qualifier))


def check_event(event: Event, dataset: Dataset) -> Iterator[Problem]:
    if event.incident is not None:
        yield from check_incident(event)
        yield from check_incident_figures_stated(event, dataset)
        kind = dataset.story.incident(event.kind)
        for name, quantity in event.incident.figures().items():
            line, col = event.incident.origin.at(name) if event.incident.origin else event.origin.at(event.kind)
            unit = kind.figure(name).unit if kind and kind.figure(name) else "things"
            yield from check_count(quantity.value, f"`{name}` of event '{event.id}'", unit,
                                   event.origin.path, line, col)
    for citation in event.sources:
        yield from check_source_quote(citation.source, citation.quote, f"event '{event.id}'",
                                      event.origin.path, (citation.line, 9), (citation.line, 9), dataset)
        seed = dataset.seeds.get(citation.source)
        if seed is not None and event.date > seed.published and event.date_precision == "day":
            yield problem("as-of-after-publication", event.origin.path, citation.line,
                          f"event '{event.id}' is dated {event.date}, after its source was published "
                          f"on {seed.published}")


def check_count(value: float, what: str, unit: str, path: str, line: int, col: int) -> Iterator[Problem]:
    """A count is whole and never below zero."""
    if value < 0:
        yield problem("negative-value", path, line, f"{what} has the value {value:g}", col=col)
    elif value != int(value):
        yield problem("fractional-count", path, line, f"{what} counts {unit} but has the value {value:g}", col=col)


def check_duplicate_figures(observations: Iterable[Observation]) -> Iterator[Problem]:
    seen: dict[tuple, Observation] = {}
    for obs in observations:
        key = (obs.metric, obs.value, obs.qualifier, obs.as_of, obs.source, obs.scope)
        if key in seen:
            yield problem("duplicate-figure", obs.origin.path, obs.origin.line,
                          f"'{obs.id}' repeats '{seen[key].id}' (same metric, value, date, source and scope)")
        else:
            seen[key] = obs


APPROX_DAYS = timedelta(days=7)


def date_window(day: date, precision: str) -> tuple[date, date]:
    """The days a dated figure may describe: one day; a week either side of an approximate
    date; the whole month of a month."""
    if precision == "approx":
        return day - APPROX_DAYS, day + APPROX_DAYS
    if precision == "month":
        start = day.replace(day=1)
        after = (start + timedelta(days=32)).replace(day=1)
        return start, after - timedelta(days=1)
    return day, day


def surely_after(later: Observation, earlier: Observation) -> bool:
    """True when every day ``later`` may describe comes after every day ``earlier`` may: two
    counts a few days apart, one of them dated only roughly, cannot be put in order."""
    return date_window(later.as_of, later.as_of_precision)[0] > date_window(earlier.as_of, earlier.as_of_precision)[1]


def check_cumulative_order(dataset: Dataset) -> Iterator[Problem]:
    """A running total cannot fall: warn when a later figure's most is below an earlier least."""
    by_metric: dict[str, list[Observation]] = defaultdict(list)
    for obs in dataset.observations:
        metric = dataset.metrics.get(obs.metric)
        if metric and metric.kind == "cumulative" and obs.status == "verified" and obs.whole_region:
            by_metric[obs.metric].append(obs)
    for metric_id, series in by_metric.items():
        series.sort(key=lambda o: o.as_of)
        strongest: Observation | None = None
        for obs in series:
            if (strongest is not None and surely_after(obs, strongest)
                    and obs.quantity.upper < strongest.quantity.lower):
                yield problem("cumulative-decrease", obs.origin.path, obs.origin.line,
                              f"{metric_id} {format_number(obs.value)} on {format_date(obs.as_of)} ('{obs.id}') "
                              f"after {format_number(strongest.value)} on {format_date(strongest.as_of)} "
                              f"('{strongest.id}')")
            if strongest is None or obs.quantity.lower > strongest.quantity.lower:
                strongest = obs
