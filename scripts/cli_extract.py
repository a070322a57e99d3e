"""The extract and accept commands (the CLI's half that deals with candidates)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from scripts.paths import ProjectPaths


def _published(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"--published: '{text}' is not a date YYYY-MM-DD") from None


def cmd_extract(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from tqdm import tqdm

    from scripts.extract.articles import ArticleUnreadable, read_article
    from scripts.extract.candidates import extract_text
    from scripts.extract.classify import Vocabulary
    from scripts.extract.incidents import incidents_of, strike_words
    from scripts.extract.queue import curated_keys, pending, write_drafts
    from scripts.load import load_dataset

    published = _published(args.published)
    files = [Path(f) for f in args.files] or sorted(paths.seeds.glob("*.md"))
    dataset, _ = load_dataset(paths)
    if not dataset.metrics:
        print("facts/metrics.yaml has problems: run `python -m scripts validate`", file=sys.stderr)
        return 1
    vocab = Vocabulary.of(dataset.metrics)
    curated = curated_keys(dataset)
    status, everything, changed, proposed = 0, [], 0, 0
    progress = tqdm(files, desc="extracting", unit="article", file=sys.stderr, disable=None if len(files) > 1 else True)
    for path in progress:
        try:
            article = read_article(path.resolve() if path.is_absolute() else (Path.cwd() / path), paths, published)
        except ArticleUnreadable as err:
            for p in err.problems:
                progress.write(f"{p.path}:{p.line}: {p.code}: {p.message} — {p.fix}", file=sys.stderr)
            status = 1
            continue
        candidates = extract_text(article.source, article.body, article.published, vocab)
        if args.json:
            everything += [c.as_dict() for c in candidates]
            everything += incidents_of(article.source, article.body, article.published, vocab,
                                       strike_words(vocab, paths.schemas))
            continue
        queue = pending(candidates, curated)
        proposed += sum(c.metric is not None for c in queue)
        changed += write_drafts(paths, article.source, queue)
    if args.json:
        json.dump(everything, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"{proposed} candidate(s) to review in facts/drafts/ ({changed} file(s) changed). "
              "Accept one with `python -m scripts accept <id>`.")
    return status


def cmd_accept(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from scripts.extract.accept import AcceptRefused, accept
    from scripts.extract.queue import find_draft
    from scripts.load import load_dataset

    overrides = {k: v for k, v in (("metric", args.metric), ("qualifier", args.qualifier), ("as_of", args.as_of),
                                   ("as_of_precision", args.as_of_precision), ("scope", args.scope),
                                   ("attribution", args.attribution), ("status", args.status)) if v}
    status = 0
    for candidate_id in args.ids:
        found = find_draft(paths, candidate_id)
        if found is None:
            print(f"{candidate_id}: no such candidate in facts/drafts/ — run `python -m scripts extract` first "
                  "and copy the id from the drafts file", file=sys.stderr)
            status = 1
            continue
        dataset, _ = load_dataset(paths)
        try:
            done = accept(paths, dataset, found[0], found[1], overrides)
        except AcceptRefused as err:
            print(f"{candidate_id}: {err}", file=sys.stderr)
            status = 1
            continue
        print(f"{candidate_id}: added '{done.fact_id}' at {done.path}:{done.line}")
    return status


def add_commands(sub) -> None:
    extract = sub.add_parser("extract", help="propose candidate facts from articles, for review")
    extract.add_argument("files", nargs="*", help="seeds (.md) or plain .txt articles; default: every seed")
    extract.add_argument("--json", action="store_true", help="print the candidates as JSON and write nothing")
    extract.add_argument("--published", help="publication date of a .txt article (YYYY-MM-DD), for relative dates")
    extract.set_defaults(run=cmd_extract)
    acc = sub.add_parser("accept", help="add reviewed candidates to the curated fact files")
    acc.add_argument("ids", nargs="+", help="candidate ids from facts/drafts/")
    acc.add_argument("--metric", help="the metric, when the extractor could not place the number or placed it wrong")
    acc.add_argument("--qualifier", choices=("exact", "about", "at_least", "more_than", "up_to", "less_than"))
    acc.add_argument("--as-of", dest="as_of", help="the date the figure describes, YYYY-MM-DD")
    acc.add_argument("--as-of-precision", dest="as_of_precision", choices=("day", "month", "approx"))
    acc.add_argument("--scope", help="what the figure covers, when not the whole region")
    acc.add_argument("--attribution", help="whom the article credits for the figure")
    acc.add_argument("--status", choices=("verified", "draft"), help="default: verified")
    acc.set_defaults(run=cmd_accept)
