"""A synthetic tracker built from the real one, for benchmarks: N articles (copies of the real
articles under new names and dates), about ten observations per article (copies of the real
ones, pointing at the copies, so every quote is still found in its source), and one set of the
real metrics per 50 articles (so 1,000 articles have 360 metric pages)."""

from __future__ import annotations

import copy
import shutil
from datetime import timedelta
from pathlib import Path

import yaml

from scripts.load import load_dataset
from scripts.paths import REPO_ROOT, ProjectPaths


ARTICLES_PER_METRIC_SET = 50
ENTRIES_PER_FILE = 5000


def metric_sets(articles: int) -> int:
    return max(1, articles // ARTICLES_PER_METRIC_SET)


def metric_copy(metric_id: str, number: int) -> str:
    return metric_id if number == 0 else f"{metric_id}_{number:03d}"


def write_metrics(root: Path, sets: int) -> None:
    """The real data dictionary, and ``sets - 1`` copies of it under numbered ids. A copy gets a
    word list of its own that no article uses, as distinct metrics have distinct words: the real
    metrics' words, repeated 20 times over, would make each word 20 times as ambiguous."""
    real = yaml.safe_load((REPO_ROOT / "facts" / "metrics.yaml").read_text(encoding="utf-8"))["metrics"]
    copies = []
    for n in range(sets):
        for m in real:
            entry = copy.deepcopy(m)
            if n:
                entry.update(id=metric_copy(m["id"], n), label=f"{m['label']} (set {n})", nouns=[],
                             cues=[f"synthetic-cue-{m['id']}-{n}"])
            copies.append(entry)
    (root / "facts" / "metrics.yaml").write_text(
        yaml.safe_dump({"metrics": copies}, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")


def running_totals_rise(entries: list[dict], cumulative: set[str]) -> None:
    """Copies of different articles, shifted by different numbers of days, would make a running
    total fall (a `cumulative-decrease` warning each, thousands at 10,000 articles): a whole-region
    figure of a running total below an earlier one is raised to it, saying so in `derived`."""
    series: dict[str, list[dict]] = {}
    for entry in entries:
        if entry["metric"] in cumulative and entry["scope"] is None:
            series.setdefault(entry["metric"], []).append(entry)
    for items in series.values():
        highest = None
        for entry in sorted(items, key=lambda e: (e["as_of"], e["id"])):
            if highest is not None and entry["value"] < highest:
                entry["value"] = highest
                if "high" in entry:
                    entry["high"] = max(entry["high"], highest)
                entry["derived"] = "synthetic copy: raised to the running total reported before it"
            highest = entry["value"] if highest is None else max(highest, entry["value"])


def build_synthetic(root: Path, articles: int, facts_per_article: int = 10) -> ProjectPaths:
    """Write a project of ``articles`` seeds and about ``articles * facts_per_article`` observations."""
    real, problems = load_dataset(ProjectPaths.default())
    assert not problems, "the real data must be valid"
    root.mkdir(parents=True, exist_ok=True)
    for name in ("schemas", "docs", "overrides"):  # copied: the build refuses links in its input folders
        if not (root / name).exists():
            shutil.copytree(REPO_ROOT / name, root / name)
    for name in ("mkdocs.yml", "scripts", "node_modules"):
        target = root / name
        if not target.exists():
            target.symlink_to(REPO_ROOT / name)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "facts").mkdir(parents=True, exist_ok=True)
    sets = metric_sets(articles)
    write_metrics(root, sets)
    shutil.copy(REPO_ROOT / "facts" / "events.yaml", root / "facts" / "events.yaml")
    for seed_file in (REPO_ROOT / "seeds").glob("*.md"):  # the events cite the real articles
        shutil.copy(seed_file, root / "seeds" / seed_file.name)
    by_source = {s.id: [o for o in real.observations if o.source == s.id] for s in real.seeds.values()}
    # Copies of the articles that have figures: each copy's facts quote its own text.
    originals = sorted((s for s in real.seeds.values() if by_source[s.id]), key=lambda s: s.id)
    entries: dict[str, list[dict]] = {topic: [] for topic in ("deployments", "strikes", "oil", "context")}
    for i in range(articles):
        seed = originals[i % len(originals)]
        shift = timedelta(days=i // len(originals))
        published = seed.published + shift
        seed_id = f"{published.isoformat()}-synthetic-{i:05d}"
        meta = {"title": f"{seed.title} ({i})", "outlet": seed.outlet, "published": published.isoformat(),
                "published_precision": "stated"}
        (root / "seeds" / f"{seed_id}.md").write_text(
            "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + seed.body
            + f"\n\nThis is synthetic copy {i} of a real article.\n", encoding="utf-8")  # a text of its own
        source_facts = by_source[seed.id]
        for j in range(facts_per_article):
            obs = source_facts[j % len(source_facts)]
            metric = real.metrics[obs.metric]
            as_of = min(obs.as_of + shift, published)
            entries[metric.topic].append({
                "id": f"{obs.id}-s{i:05d}-{j}", "metric": metric_copy(obs.metric, i % sets), "value": obs.value + j,
                "qualifier": obs.qualifier, "as_of": as_of.isoformat(), "as_of_precision": obs.as_of_precision,
                "scope": obs.scope or f"synthetic copy {j}" if j else obs.scope,
                "source": seed_id if obs.source == seed.id else seed_id, "quote": obs.quote,
                "status": "verified"})
            if obs.quantity.high is not None:
                entries[metric.topic][-1]["high"] = obs.quantity.high + j
            if j:  # a value the quote does not state: say how it was worked out, as an editor would
                entries[metric.topic][-1]["derived"] = f"synthetic copy {j}: the quoted figure plus {j}"
    running_totals_rise([e for items in entries.values() for e in items],
                        {metric_copy(m.id, n) for m in real.metrics.values() if m.kind == "cumulative"
                         for n in range(sets)})
    for topic, items in entries.items():
        for item in items:
            if item["scope"] is None:
                del item["scope"]
        # A fact file may hold at most 5 MB (scripts/yamlfile.py): large trackers split each topic,
        # as editors would, into files of ENTRIES_PER_FILE entries.
        for part, start in enumerate(range(0, max(len(items), 1), ENTRIES_PER_FILE)):
            name = f"{topic}.yaml" if part == 0 else f"{topic}-{part:03d}.yaml"
            (root / "facts" / name).write_text(
                yaml.safe_dump({"observations": items[start:start + ENTRIES_PER_FILE]}, sort_keys=False,
                               allow_unicode=True, width=110), encoding="utf-8")
    return ProjectPaths(root)

