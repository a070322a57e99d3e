"""The pull request every editor opens: a new article and a verified figure quoted from it, added
to a copy of the real project. Validation and the build must pass, and the figure must be on the
site — however many articles and figures the project already has."""

from __future__ import annotations

import json

from scripts.build import build_site
from scripts.cli import main
from scripts.load import load_dataset

SEED = "2026-01-20-a-new-report-for-the-tracker"
QUOTE = "Officials said on Monday that at least 3 of them were now in the region."


def add_article_and_figure(project) -> str:
    """A small seed, and an entry typed by hand into the fact file of its metric's topic."""
    (project.seeds / f"{SEED}.md").write_text(
        "---\ntitle: A new report for the tracker\noutlet: Test Wire\npublished: 2026-01-20\n"
        f"published_precision: stated\nexcerpt: false\n---\nA short report written for a test.\n\n{QUOTE}\n",
        encoding="utf-8")
    dataset, _ = load_dataset(project)
    metric = next(m for m in dataset.metrics.values() if m.kind == "level" and (m.plausible_max or 3) >= 3)
    fact_file = project.facts / f"{metric.topic}.yaml"
    text = fact_file.read_text(encoding="utf-8")
    indent = "  " if "\n  - id:" in text else ""
    fields = [f"id: new-article-{metric.id.replace('_', '-')}-2026-01-19", f"metric: {metric.id}", "value: 3",
              "qualifier: at_least", "as_of: 2026-01-19", "as_of_precision: day", f"source: {SEED}",
              f"quote: {QUOTE}", "status: verified"]
    entry = indent + "- " + ("\n" + indent + "  ").join(fields) + "\n"
    fact_file.write_text(text.rstrip("\n") + "\n\n" + entry, encoding="utf-8")
    return metric.id


def test_a_new_article_and_its_figure_validate_build_and_appear_on_the_site(real_copy, monkeypatch, tmp_path,
                                                                            capsys):
    metric = add_article_and_figure(real_copy)
    monkeypatch.setattr("scripts.cli.ProjectPaths.default", classmethod(lambda cls: real_copy))
    assert main(["validate", "--strict"]) == 0, capsys.readouterr().out
    site = tmp_path / "site"
    build_site(real_copy, strict=True, site_dir=site)
    facts = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    (mine,) = [f for f in facts if f["source"] == SEED]
    assert (mine["metric"], mine["value"], mine["qualifier"], mine["as_of"]) == (metric, 3, "at_least", "2026-01-19")
    page = (site / "metrics" / metric / "index.html").read_text(encoding="utf-8")
    assert "Officials said on Monday that at least 3 of them" in page
    assert SEED in (site / "sources" / "index.html").read_text(encoding="utf-8") or \
        "A new report for the tracker" in (site / "sources" / "index.html").read_text(encoding="utf-8")
