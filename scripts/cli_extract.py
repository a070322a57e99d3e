"""The editor's path from articles to facts: extract → review → accept or reject.

    python -m scripts extract [FILE ...] [--json] [--published DATE]
    python -m scripts review [ARTICLE ...]
    python -m scripts accept ID [ID ...] | --all ARTICLE [--except ID,ID]  [--metric M] [--as-of DATE] …
    python -m scripts reject ID [ID ...] | --all ARTICLE [--except ID,ID]  [--reason TEXT]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from scripts.paths import ProjectPaths
from scripts.records import QUALIFIERS
from scripts.problems import Problem

RUN_EXTRACT = "run `python -m scripts extract` first and copy the id from `python -m scripts review`"


def _published(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"--published: '{text}' is not a date YYYY-MM-DD") from None


def _say(problems: list[Problem], prefix: str = "") -> None:
    for p in problems:
        print(prefix + p.format(), file=sys.stderr)


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def article_id(name: str) -> str:
    """`seeds/2025-10-15-x.md`, `2025-10-15-x.yaml` or `2025-10-15-x` → `2025-10-15-x`."""
    return Path(name).stem if name.endswith((".md", ".yaml", ".txt")) else Path(name).name


def cmd_extract(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from tqdm import tqdm

    from scripts.extract.articles import ArticleUnreadable, read_article
    from scripts.extract.classify import Vocabulary
    from scripts.extract.incident_queue import (IncidentDraft, cited_sentences, figures_left_to_incidents,
                                                merge_incidents)
    from scripts.extract.queue import Draft, curated_keys, drafts_file, merge_drafts, read_drafts, write_drafts
    from scripts.extract.rejections import read_rejections
    from scripts.extract.incidents import incident_words
    from scripts.extract.proposals import propose
    from scripts.load import load_dataset

    published = _published(args.published)
    files = [Path(f) for f in args.files] or sorted(paths.seeds.glob("*.md"))
    dataset, _ = load_dataset(paths)
    if not dataset.metrics:
        print("facts/metrics.yaml has problems: run `python -m scripts validate`", file=sys.stderr)
        return 1
    rejected, trouble = read_rejections(paths)
    if _errors(trouble):
        _say(trouble)
        print("Nothing was extracted: fix facts/rejected.yaml first.", file=sys.stderr)
        return 1
    vocab = Vocabulary.of(dataset.metrics, dataset.story.extractor)
    curated, cited = curated_keys(dataset), cited_sentences(dataset.events)
    status, everything, changed, proposed, reported = 0, [], 0, 0, 0
    progress = tqdm(files, desc="extracting", unit="article", file=sys.stderr, disable=None if len(files) > 1 else True)
    for path in progress:
        try:
            article = read_article(path.resolve() if path.is_absolute() else (Path.cwd() / path), paths, published)
        except ArticleUnreadable as err:
            for p in err.problems:
                progress.write(p.format(), file=sys.stderr)
            status = 1
            continue
        words = incident_words(vocab, dataset.story)
        candidates, incidents = propose(article.source, article.body, article.published, vocab, words)
        if args.json:
            everything += [c.as_dict() for c in candidates] + incidents
            continue
        candidates = figures_left_to_incidents(candidates, incidents, words.fields)
        target = drafts_file(paths, article.source)
        old, problems = read_drafts(target, paths, dataset.story) if target.exists() else ([], [])
        if problems:
            for p in problems:
                progress.write(p.format(), file=sys.stderr)
            progress.write(f"{paths.relative(target)} was left as it is: fix it, or delete it to start over",
                           file=sys.stderr)
            status = 1
            continue
        skip = {cid for source, cid in rejected if source == article.source}
        queue = merge_drafts(candidates, [d for d in old if isinstance(d, Draft)], article.body, skip, curated)
        found = merge_incidents(incidents, [d for d in old if isinstance(d, IncidentDraft)], article.body, skip,
                                cited, dataset.story)
        proposed += sum(d.metric is not None for d in queue)
        reported += len(found)
        changed += write_drafts(paths, article.source, [*queue, *found])
    if args.json:
        json.dump(everything, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"{proposed} candidate(s) and {reported} incident(s) to review in {paths.relative(paths.drafts)}/ "
              f"({changed} file(s) changed). "
              "Review with `python -m scripts review <article>`, then accept or reject.")
    if (paths.facts / "drafts").is_dir():
        print("note: facts/drafts/ is no longer used (drafts now live in .cache/drafts/); you may delete it.",
              file=sys.stderr)
    return status


def select(args: argparse.Namespace, paths: ProjectPaths, seeds: dict) -> tuple[list, list[str]]:
    """The candidates a command names (ids, or --all ARTICLE minus --except), each checked against
    its article; and what is wrong, one line each."""
    if bool(args.ids) == bool(args.all):
        return [], ["give candidate ids, or --all ARTICLE (not both)"]
    if args.exclude and not args.all:
        return [], ["--except goes with --all ARTICLE: without it, name only the ids you want"]
    if args.all:
        return _select_article(args, paths, seeds)
    return _select_ids(args.ids, paths, seeds)


def _select_article(args: argparse.Namespace, paths: ProjectPaths, seeds: dict) -> tuple[list, list[str]]:
    from scripts.extract.queue import check_draft, read_queue

    source = article_id(args.all)
    excluded = {i.strip() for chunk in args.exclude or [] for i in chunk.split(",") if i.strip()}
    drafts, problems = read_queue(paths, [source])
    wrong = [p.format() for p in problems]
    wrong += [f"{i}: --except names no candidate of {source}" for i in sorted(excluded - {d.id for d in drafts})]
    chosen = [d for d in drafts if d.id not in excluded]
    wrong += [p.format() for p in (check_draft(d, seeds) for d in chosen) if p is not None]
    return chosen, wrong


def _select_ids(ids: list[str], paths: ProjectPaths, seeds: dict) -> tuple[list, list[str]]:
    """Drafts files are searched for each id; one that cannot be read is a warning (the ids may be
    elsewhere); a candidate found in several files is taken from the one it checks out in."""
    from scripts.extract.queue import check_draft, read_queue

    drafts, problems = read_queue(paths)
    _say(problems, "warning: ")
    chosen, wrong = [], []
    for candidate_id in dict.fromkeys(ids):
        checked = [(d, check_draft(d, seeds)) for d in drafts if d.id == candidate_id]
        good = [d for d, trouble in checked if trouble is None]
        if len(good) == 1:
            chosen.append(good[0])
        elif not checked:
            wrong.append(f"{candidate_id}: no such candidate in {paths.relative(paths.drafts)}/ — {RUN_EXTRACT}")
        elif not good:
            wrong += [trouble.format() for _, trouble in checked]
        else:
            wrong.append(f"{candidate_id}: several drafts files hold this candidate: "
                         + ", ".join(d.path for d in good) + " — delete all but one")
    return chosen, wrong


def _refuse(wrong: list[str], what: str) -> int:
    for line in wrong:
        print(line, file=sys.stderr)
    print(f"Nothing was {what}.", file=sys.stderr)
    return 1


def _overrides(args: argparse.Namespace) -> dict:
    names = ("metric", "qualifier", "high", "as_of", "as_of_precision", "scope", "attribution", "status", "note",
             "date", "place", "toll")
    chosen = {k: getattr(args, k) for k in names if getattr(args, k, None) is not None and getattr(args, k) != ""}
    if getattr(args, "whole_region", False):
        chosen["scope"] = None
    if getattr(args, "figure", None):
        chosen["figures"] = dict(args.figure)
    return chosen


def _figure(text: str) -> tuple[str, float]:
    """--figure NAME=VALUE → (NAME, VALUE)."""
    name, _, value = text.partition("=")
    try:
        return name.strip(), float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not NAME=NUMBER (e.g. survivors=2)") from None


def cmd_accept(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from scripts.extract.accept import AcceptRefused, accept_drafts
    from scripts.extract.incident_queue import IncidentDraft
    from scripts.extract.queue import drop_from_queue
    from scripts.load import load_dataset

    dataset, _ = load_dataset(paths)
    chosen, wrong = select(args, paths, dataset.seeds)
    if wrong:
        return _refuse(wrong, "accepted")
    overrides = _overrides(args)
    incidents = [d for d in chosen if isinstance(d, IncidentDraft)]
    figures = [d for d in chosen if not isinstance(d, IncidentDraft)]
    unplaced = [d for d in figures if d.metric is None] if args.all and "metric" not in overrides else []
    figures = [d for d in figures if d not in unplaced]
    if not figures and not incidents:
        return _refuse([f"{article_id(args.all or '')}: no candidate placed in a metric is pending"], "accepted")
    try:
        done = accept_drafts(paths, dataset, figures, overrides, incidents)
    except AcceptRefused as err:
        return _refuse([str(err)], "accepted")
    drop_from_queue(paths, {a.candidate for a in done}, [d.source for d in chosen])
    for a in done:
        print(f"{a.candidate}: {_accepted(a)}")
    if unplaced:
        print(f"{len(unplaced)} candidate(s) not placed in a metric were left in the queue "
              "(accept one with --metric, or reject them).")
    return 0


def _accepted(a) -> str:
    where = f"{a.path}:{a.line}" if a.line else a.path
    return {"added": f"added '{a.fact_id}' at {where}",
            "cited": f"cited on the recorded event '{a.fact_id}' at {where}",
            "joined": f"cited on the new event '{a.fact_id}' at {where}",
            "already": f"'{a.fact_id}' already cites this article ({where}); nothing added"}[a.how]


def cmd_reject(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from scripts.extract.append import AppendRefused
    from scripts.extract.queue import drop_from_queue
    from scripts.extract.rejections import record_rejections
    from scripts.load import load_dataset

    dataset, _ = load_dataset(paths)
    chosen, wrong = select(args, paths, dataset.seeds)
    if wrong or not chosen:
        return _refuse(wrong or [f"{article_id(args.all)}: no candidate is pending"], "rejected")
    try:
        lines = record_rejections(paths, chosen, args.reason, date.today())
    except AppendRefused as err:
        return _refuse([str(err)], "rejected")
    drop_from_queue(paths, {d.id for d in chosen}, [d.source for d in chosen])
    shown = paths.relative(paths.rejected_file)
    for draft, line in zip(chosen, lines):
        print(f"{draft.id}: rejected at {shown}:{line}; it will not be proposed again")
    return 0


def cmd_review(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from scripts.extract.incident_queue import IncidentDraft
    from scripts.extract.queue import check_draft, read_queue
    from scripts.extract.review import review_lines
    from scripts.load import load_dataset

    sources = [article_id(a) for a in args.articles] or None
    drafts, problems = read_queue(paths, sources)
    _say(problems)
    seeds = load_dataset(paths)[0].seeds
    by_source: dict[str, list] = {}
    for draft in drafts:
        by_source.setdefault(draft.source, []).append(draft)
    for source in sources or sorted(by_source):
        queue = by_source.get(source, [])
        if sources is None:
            figures = [d for d in queue if not isinstance(d, IncidentDraft)]
            print(f"{source}: {sum(d.metric is not None for d in figures)} placed, "
                  f"{sum(d.metric is None for d in figures)} not placed, "
                  f"{len(queue) - len(figures)} incident(s)")
            continue
        print("\n".join(review_lines(source, queue)))
        _say([p for p in (check_draft(d, seeds) for d in queue) if p is not None])
    if sources is None and not by_source and not problems:
        print(f"No candidate is pending in {paths.relative(paths.drafts)}/ (`python -m scripts extract` proposes "
              "the figures of new articles).")
    return 1 if _errors(problems) else 0


def _selection_arguments(parser: argparse.ArgumentParser, verb: str) -> None:
    parser.add_argument("ids", nargs="*", metavar="ID", help=f"candidate ids to {verb} (see `review`)")
    parser.add_argument("--all", metavar="ARTICLE", help=f"{verb} every pending candidate of this article")
    parser.add_argument("--except", dest="exclude", action="append", metavar="ID,ID",
                        help="with --all: leave these candidates in the queue")


def add_commands(sub) -> None:
    extract = sub.add_parser("extract", help="propose candidate facts from articles, for review")
    extract.add_argument("files", nargs="*", help="seeds (.md) or plain .txt articles; default: every seed")
    extract.add_argument("--json", action="store_true", help="print the candidates as JSON and write nothing")
    extract.add_argument("--published", help="publication date of a .txt article (YYYY-MM-DD), for relative dates")
    extract.set_defaults(run=cmd_extract)
    review = sub.add_parser("review", help="print the pending candidates of articles, the figure marked")
    review.add_argument("articles", nargs="*", metavar="ARTICLE", help="seed ids or files; default: a summary")
    review.set_defaults(run=cmd_review)
    acc = sub.add_parser("accept", help="add reviewed candidates to the curated fact files (all or none)")
    _selection_arguments(acc, "accept")
    acc.add_argument("--metric", help="the metric, when the extractor could not place the number or placed it wrong")
    acc.add_argument("--qualifier", choices=QUALIFIERS, help="the hedge; `range` needs --high")
    acc.add_argument("--high", type=float, help="with --qualifier range: the high end (the candidate's value is the low end)")
    acc.add_argument("--as-of", dest="as_of", help="the date the figure describes, YYYY-MM-DD")
    acc.add_argument("--as-of-precision", dest="as_of_precision", choices=("day", "month", "approx"))
    acc.add_argument("--scope", help="what the figure covers, when not the whole region")
    acc.add_argument("--whole-region", dest="whole_region", action="store_true",
                     help="drop the scope the extractor proposed: the figure covers the whole region")
    acc.add_argument("--note", help="a note for readers (by default the fact gets none)")
    acc.add_argument("--attribution", help="whom the article credits for the figure")
    acc.add_argument("--status", choices=("verified", "draft"), help="default: verified")
    acc.add_argument("--date", help="an incident: its date, YYYY-MM-DD")
    acc.add_argument("--place", "--theater", dest="place",
                     help="an incident: its place, one of story.yaml's `place: values` (--theater: the same)")
    acc.add_argument("--toll", "--killed", dest="toll", type=float,
                     help="an incident: the toll its sentence states (hedge: --qualifier; --killed: the same)")
    acc.add_argument("--figure", action="append", type=_figure, metavar="NAME=VALUE",
                     help="an incident: one of its other figures (story.yaml `figures:`), e.g. survivors=2")
    acc.set_defaults(run=cmd_accept)
    rej = sub.add_parser("reject", help="turn candidates down for good (recorded in facts/rejected.yaml)")
    _selection_arguments(rej, "reject")
    rej.add_argument("--reason", help="why, for the next editor")
    rej.set_defaults(run=cmd_reject)
