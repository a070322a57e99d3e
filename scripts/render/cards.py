"""What each page's share card says (pure: facts in, words out; card_image.py draws them).

A card carries the site's name, the page's title and the page's key figure with its hedge, all
computed from the facts: for a page of strikes, what the recorded strikes add up to ("at least
183 people killed in 48 recorded strikes"); for a topic or a metric, its latest figure for the
whole region; for a strike, its toll. The last line dates the data: "Data to … · updated …".
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.records import Dataset, Event, Metric, Observation
from scripts.wording import format_date, format_number, format_quantity, format_quantity_with_unit, unit_words
from scripts.render.incidents import strike_events, strike_page_path
from scripts.render.links import page_url
from scripts.render.pages import TOPICS
from scripts.render.phrases import figure_parts
from scripts.render.series import latest_figures
from scripts.render.summaries import outlet_name
from scripts.render.tally import recorded_sum, summing_metric

CARDS_FOLDER = "assets/cards/"


@dataclass(frozen=True)
class ShareCard:
    site: str       # the site's name
    title: str      # the page's title
    figure: str     # the key figure with its hedge: 'at least 183'
    counted: str    # what it counts: 'people killed in 48 recorded strikes'
    note: str       # its date and source, or what else the page holds
    dated: str      # 'Data to 20 Jun 2026 · updated 22 Nov 2026'

    @property
    def alt(self) -> str:
        """The card in words, for readers who do not see it."""
        figure = " ".join(p for p in (self.figure, self.counted) if p)
        return ". ".join(p for p in (f"{self.title}: {figure}" if figure else self.title, self.note, self.dated) if p)


def card_path(page: str) -> str:
    """The card of a page, by the page's source path: 'strikes.md' → 'assets/cards/strikes.png'."""
    return f"{CARDS_FOLDER}{page_url(page).rstrip('/') or 'home'}.png"


def latest_whole_region(dataset: Dataset, metric: Metric) -> Observation | None:
    """A metric's latest verified figure for the whole region."""
    found = latest_figures([o for o in dataset.observations_of(metric.id) if o.whole_region])
    return found[0] if found else None


def _as_of_source(dataset: Dataset, obs: Observation) -> str:
    return f"as of {format_date(obs.as_of, obs.as_of_precision)} · {outlet_name(dataset, obs.source)}"


def strike_tally(dataset: Dataset) -> tuple[str, str, str] | None:
    """What the recorded strikes add up to: ('at least 183', 'people killed in 48 recorded strikes',
    'Latest reported total: …'); None when no metric sums the strikes' deaths."""
    killed = summing_metric(dataset, "killed")
    steps = recorded_sum(dataset.events, killed.sums) if killed else []
    if not steps:
        return None
    counted = summing_metric(dataset, "strikes")
    strikes = (recorded_sum(dataset.events, counted.sums)[-1].total if counted
               else float(sum(len(s.events) for s in steps)))
    total = steps[-1].total
    words = (f"{unit_words(total, killed.unit)} {killed.sums.figure} in {format_number(strikes)} recorded "
             f"{killed.sums.kind}{'s' if strikes != 1 else ''}")
    latest = latest_whole_region(dataset, killed)
    note = (f"Latest reported total: {format_quantity(latest.quantity)}, {_as_of_source(dataset, latest)}"
            if latest else "")
    return f"at least {format_number(total)}", words, note


def _metric_card(dataset: Dataset, metric: Metric, title: str, site: str, dated: str) -> ShareCard:
    latest = latest_whole_region(dataset, metric)
    if latest is None:
        return ShareCard(site, title, "", "No figure for the whole region yet", "", dated)
    if title == metric.label:  # the title says what the figure counts: the figure takes its unit
        number, counted = format_quantity_with_unit(latest.quantity, metric.unit), ""
    else:
        number, counted = figure_parts(metric, latest.quantity)
    return ShareCard(site, title, number, counted, _as_of_source(dataset, latest), dated)


def _strike_card(dataset: Dataset, event: Event, site: str, dated: str) -> ShareCard:
    detail = event.strike
    figure = f"{format_quantity(detail.killed)} killed" if detail.killed else "Toll not reported"
    where = f" in the {detail.theater}" if detail.theater != "unknown" else ""
    others = [format_quantity_with_unit(q, name) for name, q in (("vessels", detail.vessels),
                                                                   ("survivors", detail.survivors)) if q]
    sources = len({c.source for c in event.sources})
    others.append(f"{sources} source{'s' if sources != 1 else ''}")
    counted = f"{'Strikes' if detail.strikes and detail.strikes.value > 1 else 'Strike'} of " \
              f"{format_date(event.date, event.date_precision)}{where}"
    return ShareCard(site, event.title, figure, counted, " · ".join(others), dated)


def share_cards(dataset: Dataset, site: str, dated: str) -> dict[str, tuple[str, ShareCard]]:
    """{page source path: (card path, card)} for the home page, the topic pages, every metric
    page and every strike page."""
    tally = strike_tally(dataset)
    cards: dict[str, ShareCard] = {}
    first = next((m for m in dataset.metrics.values() if latest_whole_region(dataset, m)), None)
    if tally:
        cards["index.md"] = ShareCard(site, site, *tally, dated)
    elif first:
        cards["index.md"] = _metric_card(dataset, first, site, site, dated)
    else:
        cards["index.md"] = ShareCard(site, site, "", "", "", dated)
    for topic, (page, title, blurb, _colour) in TOPICS.items():
        metrics = dataset.metrics_of(topic)
        sums_strikes = any(m.sums is not None and m.sums.kind == "strike" for m in metrics)
        key = next((m for m in metrics if latest_whole_region(dataset, m)), None)
        if sums_strikes and tally:
            cards[page] = ShareCard(site, title, *tally, dated)
        elif key:
            cards[page] = _metric_card(dataset, key, title, site, dated)
        else:
            cards[page] = ShareCard(site, title, "", blurb, "", dated)
    for metric in dataset.metrics.values():
        cards[f"metrics/{metric.id}.md"] = _metric_card(dataset, metric, metric.label, site, dated)
    for event in strike_events(dataset):
        cards[strike_page_path(event)] = _strike_card(dataset, event, site, dated)
    return {page: (card_path(page), card) for page, card in cards.items()}
