"""`python -m scripts init DIR`: a new story's project, small and valid, that builds as it is.

It writes story.yaml, facts/ (one metric, one fact), seeds/ (one article), docs/ (a methodology
stub and the engine's stylesheet and chart script), a copy of the schemas (the fact files' VS Code
hints point at it) and mkdocs.yml (which names the engine's hook and theme overrides by their
absolute place). Nothing that exists is overwritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.paths import REPO_ROOT


class InitRefused(Exception):
    """The folder is not empty: init never writes over an editor's files."""


STORY = """# yaml-language-server: $schema=schemas/story.schema.json
# What this story is: see the README's "A new story". Every name, topic and kind the pages show is here.
name: {name}
description: The numbers of {name}, each with its source.
publisher: {name}
coverage: Where the figures are about
licence:
  name: CC-BY-4.0
  title: Creative Commons Attribution 4.0
  url: https://creativecommons.org/licenses/by/4.0/
  short: CC BY 4.0
citation: {name}, and the original articles named in each row's source.
dataset:
  name: {slug}
  description: Figures of {name}, each with its source article, hedge and verbatim quote.
home:
  key_figures: [example_count]
  opening:
    - {{metric: example_count, text: "The latest count is {{q}} ({{date}})."}}
timeline:
  description: The events of the story, dated and sourced.
  home_item: the events of the story, dated and sourced.
  chart_description: Each event on one time axis, a row per kind.
topics:
  - slug: figures
    title: Figures
    intro: The story's figures, each with its source.
    colour: blue
kinds:
  - {{slug: statement, colour: grey}}
"""

METRICS = """# yaml-language-server: $schema=../schemas/metrics.schema.json
metrics:
  - id: example_count
    label: People counted in the example
    unit: people
    kind: level
    topic: figures
    description: An example metric; replace it with the story's first.
    nouns: [people]
    cues: [counted]
"""

FACTS = """# yaml-language-server: $schema=../schemas/observations.schema.json
observations:
  - id: example-count-2025-01-01
    metric: example_count
    value: 12
    qualifier: at_least
    as_of: 2025-01-01
    as_of_precision: day
    source: 2025-01-02-example-article
    quote: Officials said at least 12 people were counted on Wednesday.
    status: verified
"""

SEED = """---
title: An example article
outlet: The Example Post
published: 2025-01-02
published_precision: stated
excerpt: false
---
Officials said at least 12 people were counted on Wednesday. Replace this article with the story's first.
"""

METHODOLOGY = """---
title: Methodology
description: What counts as a fact on this site and how figures are shown.
---

# Methodology

Every figure comes from a news article, with the sentence it was taken from, checked by the build.
Hedges such as *at least* and *about* are kept, and where sources disagree, all of them are shown.
"""

MKDOCS = """# The site's engine configuration; the story's own words are in story.yaml.
site_name: {name}
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
docs_dir: docs
site_dir: site
theme:
  name: material
  custom_dir: {engine}/overrides
  language: en
  font: false
extra:
  generator: false
  tracker:
    repository: ""
extra_css:
  - assets/stylesheets/tracker.css
extra_javascript:
  - assets/javascripts/charts.js
markdown_extensions:
  - attr_list
  - admonition
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - scripts.markdown_blocks
plugins:
  - search
not_in_nav: |
  /metrics/*.md
  /sources/*.md
  /problems.md
"""


def scaffold(root: Path, name: str = "New Tracker", engine: Path = REPO_ROOT) -> list[Path]:
    """Write a new story's project into ``root`` (missing or empty); the files written."""
    if root.exists() and any(root.iterdir()):
        raise InitRefused(f"{root} is not empty: init writes only into a new or empty folder")
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split()) or "tracker"
    files = {
        "story.yaml": STORY.format(name=name, slug=slug),
        "facts/metrics.yaml": METRICS,
        "facts/figures.yaml": FACTS,
        "seeds/2025-01-02-example-article.md": SEED,
        "docs/methodology.md": METHODOLOGY,
        "mkdocs.yml": MKDOCS.format(name=name, engine=engine.as_posix()),
        ".gitignore": "/site/\n/.site-*/\n/build/\n/.cache/\n",
    }
    written = []
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    shutil.copytree(engine / "schemas", root / "schemas")
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(engine / "docs" / "assets" / folder, root / "docs" / "assets" / folder)
    return written
