"""The story is data: story.yaml's problems, a second story built with no code change, `init`,
no story word in engine code, and stages that import one way."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from scripts.build import build_site
from scripts.cli import main
from scripts.init import scaffold
from scripts.paths import REPO_ROOT, ProjectPaths
from scripts.story import load_story
from scripts.validate import validate_project

RED_SEA = Path(__file__).parent / "data" / "stories" / "red-sea"


def red_sea_project(root: Path) -> ProjectPaths:
    """The red-sea story in a project made by `init` (its mkdocs.yml, docs and schemas)."""
    scaffold(root, "placeholder")
    for name in ("facts", "seeds"):
        shutil.rmtree(root / name)
        shutil.copytree(RED_SEA / name, root / name)
    shutil.copy(RED_SEA / "story.yaml", root / "story.yaml")
    return ProjectPaths(root)


@pytest.fixture
def red_sea(tmp_path: Path) -> ProjectPaths:
    return red_sea_project(tmp_path / "red-sea")


def codes(paths: ProjectPaths) -> set[tuple[str, str, int]]:
    return {(p.code, p.path, p.line) for p in validate_project(paths)[1]}


def test_a_second_story_validates_and_builds_with_no_code_change(red_sea, tmp_path):
    assert codes(red_sea) == set()
    result = build_site(red_sea, site_dir=tmp_path / "site")
    site = result.site_dir
    for page in ("index.html", "attacks/index.html", "shipping/index.html", "timeline/index.html",
                 "attacks/attack-2025-03-03-red-sea/index.html", "metrics/suez_transits/index.html"):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Red Sea Shipping Monitor" in home and "At least 25" in home or "more than 25" in home
    attacks = (site / "attacks/index.html").read_text(encoding="utf-8")
    assert attacks.count('class="tracker-chart"') >= 2            # the attacks' chart and a metric's
    assert "Attack by attack" in attacks and "Crew killed" in attacks and "Red Sea" in attacks
    assert (site / "data/attacks.csv").read_text(encoding="utf-8").splitlines()[0].startswith(
        "id,date,date_precision,title,sea,ships,")
    assert "attack" in (site / "timeline/index.html").read_text(encoding="utf-8")


def test_init_scaffolds_a_story_that_validates_and_builds(tmp_path):
    project = tmp_path / "new"
    assert main(["init", str(project), "--name", "A New Story"]) == 0
    assert main(["validate", "--project", str(project)]) == 0
    assert main(["build", "--project", str(project)]) == 0
    assert "A New Story" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert main(["init", str(project)]) == 1    # never over an existing project


def test_a_topic_kind_place_or_figure_the_story_does_not_declare_is_a_problem(red_sea):
    metrics = red_sea.metrics_file.read_text()
    red_sea.metrics_file.write_text(metrics.replace("topic: shipping", "topic: shippin"))
    events = red_sea.facts / "events.yaml"
    text = events.read_text()
    events.write_text(text.replace("kind: talks", "kind: summit").replace("sea: Red Sea", "sea: Red Seas")
                      .replace("crew_killed: {value: 3}", "crew_killed: {value: 3}\n      injured: {value: 1}"))
    found = {(code, path) for code, path, _ in codes(red_sea)}
    assert found >= {("unknown-topic", "facts/metrics.yaml"), ("unknown-kind", "facts/events.yaml"),
                     ("unknown-place", "facts/events.yaml"), ("unknown-figure", "facts/events.yaml")}
    (message,) = [p for p in validate_project(red_sea)[1] if p.code == "unknown-topic"]
    assert message.fix == "did you mean `shipping`?"


def test_the_story_names_only_metrics_and_topics_that_exist(red_sea):
    story = red_sea.story_file
    story.write_text(story.read_text().replace("key_figures: [ships_attacked,", "key_figures: [ship_attacked,")
                     .replace("context_topic: shipping", "context_topic: trade"))
    found = {(code, path) for code, path, _ in codes(red_sea)}
    assert {("unknown-metric", "story.yaml"), ("unknown-topic", "story.yaml")} <= found


def test_a_broken_or_missing_story_is_reported_never_raised(red_sea):
    red_sea.story_file.write_text(red_sea.story_file.read_text().replace("colour: orange\n", "colour: pink\n", 1))
    assert ("invalid-format", "story.yaml") in {(c, p) for c, p, _ in codes(red_sea)}
    red_sea.story_file.unlink()
    assert "missing-story" in {c for c, _, _ in codes(red_sea)}


def test_an_incident_type_names_its_own_figures(red_sea):
    red_sea.story_file.write_text(red_sea.story_file.read_text().replace("toll: crew_killed", "toll: deaths"))
    _, problems = load_story(red_sea)
    assert [(p.code, p.path) for p in problems] == [("unknown-figure", "story.yaml")]


# --- no story in engine code ---

def _story_words(story_file: Path) -> tuple[list[str], list[str]]:
    """(words that may not appear anywhere, names that may not appear as string literals): the
    story's place names, metric ids and proper names; its topic and kind slugs."""
    paths = ProjectPaths(story_file.parent)
    story, _ = load_story(paths)
    metrics = re.findall(r"^  - id: (\w+)", paths.metrics_file.read_text(encoding="utf-8"), re.M)
    proper = {w for w in re.findall(r"\b[A-Z][a-z]{3,}\b", f"{story.name} {story.coverage}")} - {"Escalation", "Tracker", "Ocean", "Eastern"}
    places = {p.name for i in story.incidents for p in i.places if p.name != i.unknown_place}
    anywhere = sorted(proper | places | set(metrics) | {"tanker", "maduro", "narco"})
    literals = sorted({*story.topic_slugs, *story.kind_slugs} - {"context", "policy", "statement"})
    return anywhere, literals


def engine_files() -> list[Path]:
    files = [*(REPO_ROOT / "scripts").rglob("*.py"), *(REPO_ROOT / "docs" / "assets").rglob("*.js"),
             *(REPO_ROOT / "docs" / "assets").rglob("*.css")]
    return sorted(files)


def test_the_story_words_come_from_the_real_story():
    anywhere, literals = _story_words(REPO_ROOT / "story.yaml")
    assert "Venezuela" in anywhere and "Caribbean" in anywhere and any(w.endswith("_deaths") for w in anywhere)
    assert "strikes" in literals and "strike" in literals


def test_no_engine_file_names_the_story():
    anywhere, literals = _story_words(REPO_ROOT / "story.yaml")
    word = re.compile("|".join(re.escape(w) for w in anywhere), re.I)
    literal = re.compile("[\"'](?:" + "|".join(re.escape(w) for w in literals) + ")[\"']")
    found = []
    for path in engine_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for hit in [*word.findall(line), *literal.findall(line)]:
                found.append(f"{path.relative_to(REPO_ROOT)}:{n}: {hit}")
    assert found == []


# --- stages import one way ---

def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


@pytest.mark.parametrize("path", [REPO_ROOT / "scripts" / "validate.py", REPO_ROOT / "scripts" / "load.py",
                                  REPO_ROOT / "scripts" / "story.py", *sorted((REPO_ROOT / "scripts" / "extract").glob("*.py"))],
                         ids=lambda p: p.name)
def test_validate_and_extract_do_not_import_from_render(path):
    assert not [m for m in _imports(path) if m.startswith("scripts.render")]


# --- the incident queue takes the story's incident type ---

GULF_ATTACK = """---
title: A tanker hit in the Gulf of Aden
outlet: The Example Wire
published: 2025-05-07
published_precision: stated
excerpt: false
---
Two crew members were killed when a missile hit a ship in the Gulf of Aden on Tuesday, the monitor said.
"""


def test_the_red_sea_story_extracts_and_accepts_an_attack_of_its_own_type(red_sea, monkeypatch, capsys):
    import yaml
    (red_sea.seeds / "2025-05-07-gulf-attack.md").write_text(GULF_ATTACK, encoding="utf-8")
    monkeypatch.chdir(red_sea.root)
    assert main(["extract", "seeds/2025-05-07-gulf-attack.md"]) == 0
    drafts = yaml.safe_load((red_sea.drafts / "2025-05-07-gulf-attack.yaml").read_text(encoding="utf-8"))
    [incident] = drafts["incidents"]
    assert (incident["kind"], incident["sea"], incident["date"]) == ("attack", "Gulf of Aden", "2025-05-06")
    assert incident["crew_killed"] == {"value": 2, "qualifier": "exact"} and "theater" not in incident
    assert main(["review", "2025-05-07-gulf-attack"]) == 0
    assert "crew_killed 2" in capsys.readouterr().out
    assert main(["accept", incident["id"], "--figure", "ships=1"]) == 0
    assert "added 'attack-2025-05-06-gulf-of-aden' at facts/events-attacks-2025.yaml" in capsys.readouterr().out
    [event] = yaml.safe_load((red_sea.facts / "events-attacks-2025.yaml").read_text(encoding="utf-8"))["events"]
    assert event["title"] == "Attack in the Gulf of Aden kills two"
    assert event["summary"] == ("One ship was hit in the Gulf of Aden; two crew members killed, "
                                "according to The Example Wire.")
    assert event["attack"] == {"sea": "Gulf of Aden", "ships": {"value": 1, "qualifier": "exact"},
                               "crew_killed": {"value": 2, "qualifier": "exact"}}
    assert codes(red_sea) == set()


def test_an_incident_template_names_only_its_own_figures(red_sea):
    red_sea.story_file.write_text(red_sea.story_file.read_text().replace("{crew_killed} {crew", "{killed} {crew", 1))
    _, problems = load_story(red_sea)
    assert [(p.code, p.path) for p in problems] == [("unknown-figure", "story.yaml")]
    assert "`killed`" in problems[0].message
