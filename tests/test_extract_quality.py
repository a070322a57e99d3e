"""The extractor scored on the development set (tests/data/extraction/gold.yaml): the figures a
careful editor takes from each of its articles. Targets: recall and precision ≥ 0.9. Articles
added to seeds/ after it was written are not part of it (and need not be)."""

from __future__ import annotations

import yaml

from scripts.extract.candidates import extract_text
from scripts.extract.classify import Vocabulary
from scripts.extract.evaluate import GoldFigure, score
from scripts.load import load_dataset
from scripts.paths import ProjectPaths
from tests.conftest import DATA


def load_gold() -> dict[str, list[GoldFigure]]:
    raw = yaml.safe_load((DATA / "extraction" / "gold.yaml").read_text(encoding="utf-8"))
    return {source: [GoldFigure(m, v, q, str(d)) for m, v, q, d in items] for source, items in raw.items()}


def test_every_article_of_the_development_set_is_a_seed():
    dataset, _ = load_dataset(ProjectPaths.default())
    gold = load_gold()
    assert gold and set(gold) <= set(dataset.seeds), set(gold) - set(dataset.seeds)


def test_extraction_reaches_the_targets_on_the_development_set(capsys):
    dataset, _ = load_dataset(ProjectPaths.default())
    vocab = Vocabulary.of(dataset.metrics)
    gold = load_gold()
    found = {sid: extract_text(sid, s.body, s.published, vocab) for sid, s in dataset.seeds.items() if sid in gold}
    result = score(gold, found)
    with capsys.disabled():
        print(f"\nextraction on the development set: precision {result.precision:.3f}, recall {result.recall:.3f}, "
              f"qualifier accuracy {result.qualifier_accuracy:.3f}, as-of accuracy {result.as_of_accuracy:.3f} "
              f"({result.true_positives} found, {result.false_positives} extra, {result.false_negatives} missed)")
    assert result.recall >= 0.9, result.misses
    assert result.precision >= 0.9, [(c.source, c.metric, c.value) for c in result.extras]
    assert result.qualifier_accuracy >= 0.9
    assert result.as_of_accuracy >= 0.75


def test_the_scorer_counts_misses_and_extras():
    from scripts.extract.candidates import Candidate

    def cand(metric, value):
        return Candidate("s", metric, value, "exact", "2025-01-01", "day", None, "q", 0, 1, 0.9, "r")

    gold = {"s": [GoldFigure("a", 1, "exact", "2025-01-01"), GoldFigure("b", 2, "exact", "2025-01-01")]}
    result = score(gold, {"s": [cand("a", 1), cand("c", 3), cand(None, 9)]})
    assert (result.true_positives, result.false_positives, result.false_negatives) == (1, 1, 1)
    assert (result.precision, result.recall) == (0.5, 0.5)
