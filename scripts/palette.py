"""The charts' constants, for Python, JavaScript and CSS alike: the colours a story may name and
the heights of a chart. Python is the source; the build writes them for the browser as CSS
custom properties and a small JSON block (``browser_constants``). Imports nothing from the project."""

from __future__ import annotations

import json

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
COLOURS: dict[str, str] = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "grey": "#8C8C8C",
}
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY = COLOURS.values()
# On the dark palette, the dark blue is hard to see: charts.js swaps it for the sky blue.
DARK_SWAPS = {BLUE: SKY}
# Vermillion rings the figures that sources disagree on: a story's topic should not take it.
DISAGREEMENT = VERMILLION

CHART_HEIGHT = 340          # a chart's plot, in CSS pixels (the stylesheet's --tracker-chart-height)
TIMELINE_BASE_HEIGHT = 120  # the timeline: this, plus a row per kind
TIMELINE_ROW_HEIGHT = 36


def colour(name: str) -> str:
    """A colour a story names ('blue', or '#rrggbb') as '#RRGGBB'."""
    return COLOURS.get(name, name).upper() if not name.startswith("#") else name.upper()


def browser_constants() -> str:
    """The constants as JSON for charts.js (read from a data attribute, never run as code)."""
    return json.dumps({"colours": COLOURS, "darkSwaps": DARK_SWAPS, "chartHeight": CHART_HEIGHT},
                      sort_keys=True, separators=(",", ":"))


STYLESHEET = "assets/stylesheets/tracker-constants.css"  # written by the build, linked by every page
# Where the reader's scheme is dark: Material's dark palette, or an embed page on a dark system.
DARK_SCOPES = ((None, '[data-md-color-scheme="slate"] .tracker-static'),
               ("(prefers-color-scheme: dark)", ".tracker-embed .tracker-static"))


def css_custom_properties(extra: dict[str, str] | None = None) -> str:
    """`:root { --tracker-blue: #0072B2; … }`: the palette and a story's own colours for the stylesheet."""
    names = {f"--tracker-{name}": value for name, value in COLOURS.items()} | (extra or {})
    return ":root {\n" + "".join(f"  {key}: {value};\n" for key, value in sorted(names.items())) + "}\n"


def dark_swap_rules() -> str:
    """The chart drawn at build time in the dark palette's colours, as Plotly will draw it: each
    swapped colour, written as an SVG paint attribute, repainted under a dark scheme."""
    names = {value: name for name, value in COLOURS.items()}
    out = []
    for media, scope in DARK_SCOPES:
        rules = "".join(f'{scope} [{paint}="{light}"] {{ {paint}: var(--tracker-{names[dark]}); }}\n'
                        for light, dark in sorted(DARK_SWAPS.items()) for paint in ("fill", "stroke"))
        out.append(f"@media {media} {{\n{rules}}}\n" if media else rules)
    return "".join(out)


def stylesheet() -> str:
    """The constants for the stylesheets (tracker.css reads them, repeats none) and the dark swaps."""
    return css_custom_properties({"--tracker-chart-height": f"{CHART_HEIGHT}px"}) + dark_swap_rules()
