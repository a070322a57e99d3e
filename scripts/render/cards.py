"""What each page's share card says (pure: facts in, words out; card_image.py draws them).

A card carries the site's name, the page's title and the page's key figure with its hedge, all
computed from the facts: for a page of incidents, what the recorded incidents add up to ("at least
183 people killed in 48 recorded strikes"); for a topic or a metric, its latest figure for the
whole region; for an incident, its toll. The last line dates the data: "Data to … · updated …".
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.records import Dataset, Event, Metric, Observation, Quantity
from scripts.story import IncidentType
from scripts.wording import format_date, format_number, format_quantity, format_quantity_with_unit, unit_words
from scripts.render.incidents import incident_events, incident_page_path
from scripts.render.links import page_url
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


def incident_tally(dataset: Dataset, kind: IncidentType) -> tuple[str, str, str] | None:
    """What the recorded incidents add up to: ('at least 183', 'people killed in 48 recorded strikes',
    'Latest reported total: …'); None when no metric sums their toll."""
    toll = summing_metric(dataset, kind.toll, kind.kind)
    steps = recorded_sum(dataset.events, toll.sums) if toll else []
    if not steps:
        return None
    counted = summing_metric(dataset, kind.count, kind.kind) if kind.count else None
    incidents = (recorded_sum(dataset.events, counted.sums)[-1].total if counted
                 else float(sum(len(s.events) for s in steps)))
    total = steps[-1].total
    words = (f"{unit_words(total, toll.unit)} {toll.sums.figure} in {format_number(incidents)} recorded "
             f"{kind.nouns(incidents)}")
    latest = latest_whole_region(dataset, toll)
    note = (f"Latest reported total: {format_quantity(latest.quantity)}, {_as_of_source(dataset, latest)}"
            if latest else "")
    return format_quantity(Quantity(total, "at_least")), words, note


def _metric_card(dataset: Dataset, metric: Metric, title: str, site: str, dated: str) -> ShareCard:
    latest = latest_whole_region(dataset, metric)
    if latest is None:
        return ShareCard(site, title, "", "No figure for the whole region yet", "", dated)
    if title == metric.label:  # the title says what the figure counts: the figure takes its unit
        number, counted = format_quantity_with_unit(latest.quantity, metric.unit), ""
    else:
        number, counted = figure_parts(metric, latest.quantity)
    return ShareCard(site, title, number, counted, _as_of_source(dataset, latest), dated)


def _incident_card(dataset: Dataset, event: Event, site: str, dated: str) -> ShareCard:
    incident, kind = event.incident, event.incident.type
    toll = incident.toll
    figure = (f"{format_quantity(toll)} {kind.label(kind.toll).lower()}" if toll
              else f"{kind.wording.toll_name.capitalize()} not reported")
    where = f" in the {incident.place}" if incident.place_known else ""
    others = [format_quantity_with_unit(q, name) for name, q in incident.figure_values
              if name not in (kind.toll, kind.count)]
    sources = len({c.source for c in event.sources})
    others.append(f"{sources} source{'s' if sources != 1 else ''}")
    counted = f"{(kind.plural if incident.several else kind.noun).capitalize()} of " \
              f"{format_date(event.date, event.date_precision)}{where}"
    return ShareCard(site, event.title, figure, counted, " · ".join(others), dated)


def share_cards(dataset: Dataset, site: str, dated: str) -> dict[str, tuple[str, ShareCard]]:
    """{page source path: (card path, card)} for the home page, the topic pages, every metric
    page and every incident page."""
    tallies = {k.kind: t for k in dataset.story.incidents if (t := incident_tally(dataset, k))}
    tally = next(iter(tallies.values()), None)
    cards: dict[str, ShareCard] = {}
    first = next((m for m in dataset.metrics.values() if latest_whole_region(dataset, m)), None)
    if tally:
        cards["index.md"] = ShareCard(site, site, *tally, dated)
    elif first:
        cards["index.md"] = _metric_card(dataset, first, site, site, dated)
    else:
        cards["index.md"] = ShareCard(site, site, "", "", "", dated)
    for topic in dataset.story.topics:
        metrics = dataset.metrics_of(topic.slug)
        summed = next((tallies[m.sums.kind] for m in metrics if m.sums is not None and m.sums.kind in tallies), None)
        key = next((m for m in metrics if latest_whole_region(dataset, m)), None)
        if summed:
            cards[topic.page] = ShareCard(site, topic.title, *summed, dated)
        elif key:
            cards[topic.page] = _metric_card(dataset, key, topic.title, site, dated)
        else:
            cards[topic.page] = ShareCard(site, topic.title, "", topic.intro, "", dated)
    for metric in dataset.metrics.values():
        cards[f"metrics/{metric.id}.md"] = _metric_card(dataset, metric, metric.label, site, dated)
    for event in incident_events(dataset):
        cards[incident_page_path(event)] = _incident_card(dataset, event, site, dated)
    return {page: (card_path(page), card) for page, card in cards.items()}
