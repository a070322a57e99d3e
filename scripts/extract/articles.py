"""Reading an article to extract from: a seed (front matter + text) or a plain .txt file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.load import MAX_SEED_BYTES, _Collector, load_seed
from scripts.paths import ProjectPaths
from scripts.problems import Problem, problem
from scripts.safefiles import read_input, read_problem
from scripts.schema import Schemas
from scripts.yamlfile import decode_text


@dataclass(frozen=True)
class Article:
    source: str
    body: str
    published: date | None
    is_seed: bool


class ArticleUnreadable(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.format() for p in problems))


def read_article(path: Path, paths: ProjectPaths, published: date | None = None,
                 schemas: Schemas | None = None) -> Article:
    """The article at ``path``; raises ArticleUnreadable with the problems that stop it.
    ``schemas``: as read once for many articles (else read for this one)."""
    if path.suffix == ".md":
        collector = _Collector([], schemas or Schemas.read(paths.schemas))
        seed = load_seed(path, paths, collector)
        errors = [p for p in collector.problems if p.severity == "error"]
        if seed is None or errors:
            raise ArticleUnreadable(errors or [problem("file-unreadable", paths.relative(path), 1, "not a seed")])
        return Article(seed.id, seed.body, seed.published, is_seed=True)
    shown = paths.relative(path)
    try:
        raw = read_input(path, MAX_SEED_BYTES)
    except OSError as err:
        raise ArticleUnreadable([read_problem(err, shown)])
    text, problems = decode_text(raw, shown, MAX_SEED_BYTES)
    if text is None:
        raise ArticleUnreadable(problems)
    if not text.strip():
        raise ArticleUnreadable([problem("seed-empty-body", shown, 1, "the file has no text")])
    return Article(path.stem, text, published, is_seed=False)
