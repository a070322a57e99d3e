"""Hostile text from the data dictionary and the articles reaches the built site as text only:
in the page head (title, description, link previews), the header, the headings and the body."""

from __future__ import annotations

import os
import re
from html import unescape

import pytest
import yaml

from scripts.build import build_site
from tests.hostile import HOSTILE_BLOCK, HOSTILE_LINE, active_content, scan_site


def hostile_metric(project, label: str = HOSTILE_LINE, description: str = HOSTILE_BLOCK) -> None:
    path = project.facts / "metrics.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    metric = next(m for m in data["metrics"] if m["id"] == "strike_deaths")
    metric.update(label=label, description=description)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def hostile_site(mini, tmp_path):
    hostile_metric(mini)
    events = mini.facts / "events.yaml"
    events.write_text(re.sub(r"(?m)^(\s+)title: .*$", lambda m: f"{m.group(1)}title: {yaml.safe_dump(HOSTILE_LINE, width=10**6).strip().removesuffix('...').strip()}",
                             events.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    site = tmp_path / "site"
    build_site(mini, strict=True, site_dir=site)
    return site


def test_no_page_runs_anything_from_a_hostile_metric(hostile_site):
    assert scan_site(hostile_site) == {}


def test_the_metric_page_shows_the_label_and_description_as_written(hostile_site):
    html = (hostile_site / "metrics" / "strike_deaths" / "index.html").read_text(encoding="utf-8")
    one_line = " ".join(HOSTILE_BLOCK.split())
    titled = f"{HOSTILE_LINE} — US–Venezuela Escalation Tracker"   # the page's title, then the site's name
    for prop, expected in (("og:title", titled), ("og:description", one_line),
                           ("twitter:title", titled), ("twitter:description", one_line)):
        found = re.search(rf'<meta property="{prop}" content="([^"]*)">|<meta name="{prop}" content="([^"]*)">', html)
        assert found, prop
        assert unescape(found.group(1) or found.group(2)) == expected, prop
    description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    assert unescape(description) == one_line
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert unescape(title).startswith(HOSTILE_LINE + " - ")
    header = re.search(r'data-md-component="header-topic">\s*<span class="md-ellipsis">(.*?)</span>', html, re.S)
    assert unescape(header.group(1).strip()) == HOSTILE_LINE
    # The rest of the description did not become Markdown: no heading, no link, one paragraph.
    article = html.split('class="md-content"')[1].split("</article>")[0]
    assert "title: injected" in unescape(article) and '<h2 id="heading' not in article
    assert not re.search(r"<h[1-6][^>]*>[^<]*Fine so far", article)


def test_the_front_matter_of_a_generated_page_cannot_be_ended_by_the_data():
    from markupsafe import escape
    from mkdocs.utils.meta import get_data

    from scripts.render.pages import front_matter

    for title, description in ((HOSTILE_LINE, HOSTILE_BLOCK), ("---", "...\n---\n"),
                               ("a\u2028---\u2029b", "c\x85---\rd"), ("'", '"\\')):
        body, meta = get_data(front_matter(title, description, searchable=False) + "# Body\n")
        assert body.strip() == "# Body"
        # written as escaped HTML, which is how every site engine prints a page's title and description
        assert meta == {"title": str(escape(" ".join(title.split()))),
                        "description": str(escape(" ".join(description.split()))), "search": {"exclude": True}}


def test_a_metric_label_in_markdown_headings_stays_text():
    from markdown import Markdown

    from scripts.render.text import md_text

    md = Markdown(extensions=["attr_list", "tables", "toc"])
    html = md.convert(f"## {md_text(HOSTILE_LINE)} {{#the-id}}\n\n{md_text(HOSTILE_BLOCK)}\n")
    assert active_content(html) == []
    assert 'id="the-id"' in html and "onclick" not in html.split(">", 1)[0]


def rendered(project) -> dict[str, str]:
    from scripts.load import load_dataset
    from scripts.render.site import render_site

    dataset, problems = load_dataset(project)
    assert problems == []
    return render_site(dataset)


FORMULAS = ('=HYPERLINK("http://example.org","click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx")


def test_csv_downloads_hold_no_formula(mini):
    import csv
    import io

    strikes = mini.facts / "strikes.yaml"
    text = strikes.read_text(encoding="utf-8")
    for i, formula in enumerate(FORMULAS):  # one hostile attribution and note per fact, in turn
        text = text.replace("    attribution: the Pentagon",
                            f"    attribution: {yaml.safe_dump(formula).strip().removesuffix('...').strip()}\n"
                            f"    note: {yaml.safe_dump(FORMULAS[-1 - i]).strip().removesuffix('...').strip()}", 1)
    strikes.write_text(text, encoding="utf-8")
    files = rendered(mini)
    for name in ("data/facts.csv", "data/metrics/strike_deaths.csv"):
        rows = list(csv.DictReader(io.StringIO(files[name], newline="")))
        cells = [row[field] for row in rows for field in ("attribution", "note") if row[field]]
        assert cells, name
        assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), (name, cells)
        assert "'" + FORMULAS[0] in cells
        assert all(float(row["value"]) >= 0 for row in rows)  # numbers stay numbers
    facts = yaml.safe_load(files["data/facts.json"])  # JSON is data, not a spreadsheet: as written
    assert FORMULAS[0] in {f["attribution"] for f in facts}


def test_a_negative_number_stays_a_number_in_a_csv_cell():
    from scripts.render.csv_cells import csv_safe as csv_cell

    assert csv_cell(-5) == -5 and csv_cell(-0.5) == -0.5
    assert csv_cell("-5") == "'-5" and csv_cell("=1") == "'=1" and csv_cell("a=1") == "a=1"


def test_hover_labels_show_quotes_as_written_and_tags_as_text(mini):
    import json
    from html import unescape

    strikes = mini.facts / "strikes.yaml"
    strikes.write_text(strikes.read_text(encoding="utf-8").replace(
        "    attribution: the Pentagon", "    attribution: 'the \"Pentagon\" <b>x</b> & co'"), encoding="utf-8")
    page = rendered(mini)["strikes.md"]
    hovers = [h for m in re.findall(r'data-figure="([^"]*)"', page) for t in json.loads(unescape(m))["data"]
              for h in t.get("hovertext") or []]
    hovers = [h.replace("<br>", " ") for h in hovers]  # a label's lines are wrapped where a space was
    quoted = [h for h in hovers if "Pentagon" in h]
    assert quoted and all('the "Pentagon" &lt;b&gt;x&lt;/b&gt; &amp; co' in h for h in quoted)
    assert not any("&quot;" in h or "&#x27;" in h for h in hovers)


# Files outside the project: links and special files are refused, never followed.

def test_a_link_in_docs_is_refused_not_published(mini, tmp_path):
    from scripts.problems import ProblemsFound

    secret = tmp_path / "secret.txt"
    secret.write_text("the password is hunter2\n", encoding="utf-8")
    (mini.docs / "leak.md").symlink_to(secret)
    (mini.docs / "assets" / "linked-folder").symlink_to(tmp_path)
    with pytest.raises(ProblemsFound) as err:
        build_site(mini, site_dir=tmp_path / "site")
    assert [(p.path, p.line, p.code) for p in err.value.problems] == [
        ("docs/assets/linked-folder", 1, "file-is-link"), ("docs/leak.md", 1, "file-is-link")]
    assert not (tmp_path / "site").exists()


def test_a_fact_file_linked_to_dev_zero_is_refused_without_reading_it(mini):
    from scripts.load import load_dataset
    from scripts.safefiles import unsafe_inputs

    (mini.facts / "zero.yaml").symlink_to("/dev/zero")
    assert [(p.path, p.code) for p in unsafe_inputs(mini)] == [("facts/zero.yaml", "file-is-link")]
    _, problems = load_dataset(mini)  # the loader refuses it too, whoever calls it
    assert [(p.path, p.code) for p in problems] == [("facts/zero.yaml", "file-is-link")]


def test_a_seed_linked_outside_is_never_read(mini, tmp_path):
    from scripts.load import load_dataset

    outside = tmp_path / "private.md"
    outside.write_text((mini.seeds / "2025-10-01-test-strike-report.md").read_text(encoding="utf-8")
                       + "\nPRIVATE TEXT that must not be quoted.\n", encoding="utf-8")
    (mini.seeds / "2025-10-02-linked.md").symlink_to(outside)
    _, problems = load_dataset(mini)
    assert [(p.path, p.code) for p in problems] == [("seeds/2025-10-02-linked.md", "file-is-link")]
    assert all("PRIVATE" not in p.message + p.fix for p in problems)


def test_special_and_oversized_files_are_refused_before_reading(tmp_path):
    from scripts.safefiles import InputRefused, read_input

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
    with pytest.raises(InputRefused) as err:
        read_input(pipe, 100)
    assert err.value.code == "file-not-regular"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    with pytest.raises(InputRefused) as err:
        read_input(big, 100)
    assert err.value.code == "file-too-large" and "101 bytes" in err.value.strerror
    assert read_input(big, 101) == b"x" * 101


def test_validate_reports_a_link_and_reads_nothing(mini, monkeypatch, capsys):
    from scripts.cli import main
    from scripts.paths import ProjectPaths

    (mini.facts / "zero.yaml").symlink_to("/dev/zero")
    monkeypatch.setattr(ProjectPaths, "default", classmethod(lambda cls: mini))
    assert main(["validate"]) == 1
    assert "facts/zero.yaml:1:1: file-is-link:" in capsys.readouterr().out
