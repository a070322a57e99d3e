"""The Corrections page: every recorded correction, newest first, and every retracted figure."""

from __future__ import annotations

from scripts.records import Dataset, Quantity
from scripts.wording import format_date, format_quantity
from scripts.render.incidents import event_correction_rows
from scripts.render.links import Links
from scripts.render.pages import front_matter
from scripts.render.tables import Row, figure_table
from scripts.render.text import html_text


def render_corrections(dataset: Dataset) -> str:
    links = Links("corrections.md")
    entries = [(c, o) for o in dataset.observations for c in o.corrections]
    cells = event_correction_rows(dataset, links)  # (date, id, cells), as the figures' below
    for correction, obs in entries:
        metric = dataset.metrics.get(obs.metric)
        label = metric.label if metric else obs.metric
        unit = metric.unit if metric else None
        was = Quantity(correction.old_value, correction.old_qualifier or "exact", correction.old_high)
        cells.append((correction.date, obs.id, (
            html_text(format_date(correction.date)),
            f'<a href="{html_text(links.fact(obs.metric, obs.id))}">{html_text(label)}</a>, '
            f"as of {html_text(format_date(obs.as_of, obs.as_of_precision))} (<code>{html_text(obs.id)}</code>)",
            f"{html_text(format_quantity(was, unit))} → {html_text(format_quantity(obs.quantity, unit))}",
            html_text(correction.reason))))
    rows = [Row(row) for *_key, row in sorted(cells, reverse=True)]
    retracted = [o for o in dataset.observations if o.status == "retracted"]
    items = "".join(
        f"<li><code>{html_text(o.id)}</code>: {html_text(dataset.metrics[o.metric].label if o.metric in dataset.metrics else o.metric)}, "
        f"{html_text(format_quantity(o.quantity))} as of {html_text(format_date(o.as_of, o.as_of_precision))}"
        f'{": " + html_text(o.note) if o.note else ""}</li>' for o in sorted(retracted, key=lambda o: o.id))
    table = figure_table("Corrections, newest first", ["Corrected on", "Figure", "Was → is", "Why"], rows) if rows \
        else "<p>No figure has been corrected yet.</p>"
    return (front_matter("Corrections", "Every correction to a published figure, and every retracted figure.")
            + "# Corrections\n\n"
            + "A published figure is never changed silently: each change is recorded here with the old value "
              "and the reason, and a figure found wrong is kept, marked retracted, not deleted.\n\n"
            + table + "\n\n## Retracted figures\n\n"
            + (f'<ul class="tracker-retracted">{items}</ul>\n' if items else "<p>None.</p>\n"))
