"""The command line: the only place that prints, colours and sets exit codes.

    python -m scripts init DIR [--name NAME]
    python -m scripts validate [--strict] [--format text|json|github]
    python -m scripts build [--strict] [--engine mkdocs|zensical]
    python -m scripts serve [--port N]
    python -m scripts extract [FILE ...] [--json] [--published DATE]
    python -m scripts review [ARTICLE ...]
    python -m scripts accept ID [ID ...] | --all ARTICLE [--except ID,ID] [--metric M] [--as-of DATE] …
    python -m scripts reject ID [ID ...] | --all ARTICLE [--except ID,ID] [--reason TEXT]

Every command takes `--project DIR`: the story's folder (default: the current folder when it holds a
story.yaml, else the engine's own story).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from scripts.cli_extract import add_commands
from scripts.paths import ProjectPaths
from scripts.problems import Problem, ProblemsFound, printable


def _count_line(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "No problems found."
    return f"{errors} error(s), {warnings} warning(s)."


def report_problems(problems: list[Problem], fmt: str = "text", out=None) -> None:
    """Print problems in the chosen format: text for people, json for tools, github for CI."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump([p.as_dict() for p in problems], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    if fmt == "github":
        for p in problems:
            out.write(github_annotation(p) + "\n")
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(github_summary(problems))
        return
    for p in problems:
        out.write(("warning: " if p.severity == "warning" else "") + p.format() + "\n")
    out.write(_count_line(problems) + "\n")


def _workflow_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does: a line break in a file name
    or a value cannot end the command and start another (`::stop-commands::`, `::add-mask::`)."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _workflow_property(text: str) -> str:
    return _workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(p: Problem) -> str:
    level = "error" if p.severity == "error" else "warning"
    props = ",".join(f"{k}={_workflow_property(str(v))}"
                     for k, v in (("file", p.path), ("line", p.line), ("col", p.col), ("title", p.code)))
    return f"::{level} {props}::{_workflow_data(f'{p.message} — {p.fix}')}"


_INLINE_MARKDOWN = re.compile(r"([\\`*_\[\]()!~|{}])")


def _summary_cell(text: str) -> str:
    """Text for a cell of a GitHub Markdown table: one line, HTML as entities, and the characters
    of inline Markdown (emphasis, code, links, images, the cell bar) escaped."""
    return _INLINE_MARKDOWN.sub(r"\\\1", html.escape(" ".join(printable(text).split()), quote=False))


def github_summary(problems: list[Problem]) -> str:
    """The job summary (GitHub Markdown): every value from the data is text, never Markdown or HTML."""
    lines = ["## Fact validation", "", _count_line(problems), ""]
    if problems:
        lines += ["| file | line | code | problem | fix |", "|---|---|---|---|---|"]
        for p in problems:
            cells = [_summary_cell(p.path), str(p.line), f"`{p.code}`", _summary_cell(p.message), _summary_cell(p.fix)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def cmd_validate(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from scripts.safefiles import unsafe_inputs
    from scripts.validate import validate_project

    refused = unsafe_inputs(paths)  # links out of the project are refused before any file is read
    if refused:
        report_problems(refused, args.format)
        return 1
    dataset, problems = validate_project(paths, base=args.base)
    report_problems(problems, args.format)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and args.base and summary:
        from scripts.corrections import BaseUnavailable, base_facts, change_summary

        try:
            counts = change_summary(dataset, base_facts(paths, args.base))
        except BaseUnavailable:
            counts = None
        if counts:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write("\n### Figures in this pull request\n\n| added | changed | of them corrected | retracted |\n"
                             "|---|---|---|---|\n" + f"| {counts['added']} | {counts['changed']} | "
                             f"{counts['corrected']} | {counts['retracted']} |\n")
    return _exit_status(problems, args.strict)


def _exit_status(problems: list[Problem], strict: bool) -> int:
    if any(p.severity == "error" or strict for p in problems):
        return 1
    return 0


def cmd_build(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from scripts.build import BuildFailed, build_site

    try:
        result = build_site(paths, strict=args.strict, engine=args.engine)
    except ProblemsFound as err:
        report_problems(err.problems)
        print("The site was not built; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    except BuildFailed as err:
        print(f"build failed: {err}", file=sys.stderr)
        print("The previous site/ is unchanged.", file=sys.stderr)
        return 1
    for p in result.warnings:
        print("warning: " + p.format())
    print(f"Built {result.pages} pages into {paths.relative(result.site_dir)}/ in {result.seconds:.1f} s.")
    return 0


def cmd_serve(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from scripts.serve import serve_site

    return serve_site(paths, port=args.port)


def cmd_init(args: argparse.Namespace, paths: ProjectPaths) -> int:  # noqa: ARG001 - the new folder is its own
    from scripts.init import InitRefused, scaffold

    target = Path(args.directory)
    try:
        scaffold(target, args.name)
    except InitRefused as err:
        print(f"init: {err}", file=sys.stderr)
        return 1
    print(f"A new story in {target}/: edit story.yaml, then `python -m scripts build --project {target}`.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="The tracker's pipeline: articles in, "
                                     "sourced figures out, for the story of --project DIR.")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check seeds/ and facts/ and report every problem")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--format", choices=("text", "json", "github"), default="text")
    validate.add_argument("--base", help="a git revision to compare with (a pull request's target, e.g. "
                          "origin/main): changed verified figures then need a correction")
    validate.set_defaults(run=cmd_validate)
    build = sub.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("--strict", action="store_true", help="fail on warnings too (MkDocs and facts)")
    build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                       help="the site engine (zensical: pip install -r requirements/zensical.txt)")
    build.set_defaults(run=cmd_build)
    serve = sub.add_parser("serve", help="preview the site, rebuilding when a file changes")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    add_commands(sub)
    init = sub.add_parser("init", help="scaffold a new story (story.yaml, facts, a seed, docs, mkdocs.yml)")
    init.add_argument("directory", help="a new or empty folder")
    init.add_argument("--name", default="New Tracker", help="the story's name (story.yaml `name:`)")
    init.set_defaults(run=cmd_init)
    for command in sub.choices.values():
        command.add_argument("--project", metavar="DIR", help="the story's folder (default: the current folder)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = ProjectPaths(Path(args.project).resolve()) if getattr(args, "project", None) else ProjectPaths.default()
    try:
        return args.run(args, paths)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # noqa: BLE001 - the last line of defence: no traceback for editors
        print(f"internal error: {type(err).__name__}: {err}", file=sys.stderr)
        print("This is a bug in the tracker, not in your data. Please open an issue with this message.",
              file=sys.stderr)
        if os.environ.get("TRACKER_DEBUG"):
            raise
        return 2
