"""The review queue: .cache/drafts/<source>.yaml, one file per article (a git-ignored cache).

Drafts are proposals, not data, but editors may annotate them: a metric, hedge, date, scope or
attribution corrected in a drafts file survives the next `extract` (new candidates are merged
in; a candidate is dropped only when its sentence has left the article, or once it is accepted
or rejected). Drafts are read with the project's strict YAML reader, and a candidate is trusted
only when it checks out against its article: the file of article X holds only candidates of X,
and each id must be re-derived from its sentence and figure (so no id can be given to a forged
figure).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Iterable

import yaml

from scripts.extract.candidates import Candidate, candidate_id
from scripts.extract.incident_queue import IncidentDraft, read_incident_entries
from scripts.extract.numbers import Mention, find_numbers
from scripts.paths import ProjectPaths
from scripts.problems import Problem, problem
from scripts.quotes import quote_in_text
from scripts.records import Dataset, Seed
from scripts.schema import check_shape
from scripts.story import Story, load_story
from scripts.yamlfile import decode_text, parse_yaml

EDITABLE = ("metric", "qualifier", "as_of", "as_of_precision", "scope", "attribution")

HEADER = ("# yaml-language-server: $schema=../../schemas/drafts.schema.json\n"
          "# Candidate facts proposed by `python -m scripts extract` for {source}.\n"
          "# Review them with `python -m scripts review {source}`. You may correct metric, qualifier, as_of,\n"
          "# as_of_precision and scope, or add attribution, here: the next `extract` keeps your corrections.\n"
          "# Incidents (`incidents:`, fields as story.yaml `incidents:` names them): you may correct date,\n"
          "# date_precision, the place and the figures other than the toll; `accept` makes one a new event, or\n"
          "# cites it on the event of its day and place. id, value, the toll and quote cannot be changed.\n"
          "# Then `python -m scripts accept <id> …` (or `--all {source}`), `python -m scripts reject <id> …`.\n")


@dataclass(frozen=True)
class Draft(Candidate):
    """One candidate of a drafts file: the extractor's proposal with the editor's corrections."""

    attribution: str | None = None
    path: str = ""
    line: int = 1

    @classmethod
    def of(cls, c: Candidate) -> Draft:
        return cls(**asdict(c))

    def as_entry(self) -> dict:
        entry = {k: v for k, v in self.as_dict().items() if k not in ("source", "path", "line")}
        for optional in ("attribution", "high"):
            if entry[optional] is None:
                del entry[optional]
        return entry

    def checks_out(self) -> bool:
        """Whether the id is the one of this sentence and figure."""
        return self.figure() is not None

    def figure(self) -> Mention | None:
        """The number of the sentence this candidate is, if its id matches its content."""
        for mention in find_numbers(self.quote):
            if mention.value == self.value and \
                    candidate_id(self.source, self.quote, mention.start, mention.end, mention.value) == self.id:
                return mention
        return None


def curated_keys(dataset: Dataset) -> set[tuple[str, str, float]]:
    return {(o.source, o.metric, o.value) for o in dataset.observations}


def pending(candidates: list[Candidate], done: set[tuple[str, str, float]]) -> list[Candidate]:
    """Candidates not yet curated (``done``: the curated_keys, computed once per run), placed ones
    first, then in reading order."""
    left = [c for c in candidates if c.metric is None or (c.source, c.metric, c.value) not in done]
    return sorted(left, key=lambda c: (c.metric is None, c.start))


def drafts_file(paths: ProjectPaths, source: str) -> Path:
    return paths.drafts / f"{source}.yaml"


def read_drafts(path: Path, paths: ProjectPaths, story: Story | None = None) \
        -> tuple[list[Draft | IncidentDraft], list[Problem]]:
    """The candidates and incidents of one drafts file that have the right shape, and the problems
    of the rest (incidents against ``story``'s incident types; default: the project's story)."""
    shown = paths.relative(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return [], [problem("file-unreadable", shown, 1, f"cannot read the file: {err.strerror}")]
    text, problems = decode_text(raw, shown)
    if text is None:
        return [], problems
    doc, problems = parse_yaml(text, shown)
    if doc is None:
        return [], problems
    shape, failed = check_shape(doc, paths.schemas, "drafts.schema.json")
    problems = problems + shape
    if () in failed or not isinstance(doc.data, dict) or not isinstance(doc.data.get("source"), str):
        return [], problems
    source = doc.data["source"]
    if source != path.stem:
        return [], problems + [problem(
            "draft-mismatch", shown, doc.line_of(("source",)),
            f"the drafts file of '{path.stem}' says `source: {source}`",
            "a drafts file holds only the candidates of the article it is named after: delete it and run "
            "`python -m scripts extract` again")]
    names = {f.name for f in fields(Draft)} - {"source", "path", "line"}
    drafts = []
    for i, entry in enumerate(doc.data.get("candidates") or []):
        if ("candidates", i) in failed or not isinstance(entry, dict):
            continue
        known = {k: v for k, v in entry.items() if k in names}
        defaults = {"qualifier": "exact", "metric": None, "as_of": None, "as_of_precision": None, "scope": None,
                    "start": 0, "end": 0, "confidence": 0.0, "reason": None, "high": None}
        known = {**defaults, **known}
        drafts.append(Draft(source=source, path=shown, line=doc.line_of(("candidates", i)), **known))
    if story is None:
        story, _ = load_story(paths)
    incidents, trouble = read_incident_entries(doc.data.get("incidents"), failed, source, shown, doc.line_of, story)
    return drafts + incidents, problems + trouble


def read_queue(paths: ProjectPaths, sources: Iterable[str] | None = None) \
        -> tuple[list[Draft | IncidentDraft], list[Problem]]:
    """Every drafts file, or those of ``sources``."""
    files = sorted(paths.drafts.glob("*.yaml")) if sources is None else [drafts_file(paths, s) for s in sources]
    drafts, problems = [], []
    story, _ = load_story(paths)
    for path in files:
        if not path.is_file() and sources is not None:
            problems.append(problem("file-unreadable", paths.relative(path), 1, "there are no drafts for this article",
                                    f"run `python -m scripts extract seeds/{path.stem}.md` first"))
            continue
        found, trouble = read_drafts(path, paths, story)
        drafts += found
        problems += trouble
    return drafts, problems


def check_draft(draft: Draft | IncidentDraft, seeds: dict[str, Seed]) -> Problem | None:
    """Why the candidate or incident cannot be trusted, if it cannot: its id must be re-derived
    from its sentence and figure (an incident's: its toll), and the sentence must still be in its
    article."""
    again = "run `python -m scripts extract` again and use the ids it writes"
    if not draft.checks_out():
        what, value = ("incident", draft.toll.value) if isinstance(draft, IncidentDraft) else ("candidate", draft.value)
        return problem("draft-mismatch", draft.path, draft.line,
                       f"{what} {draft.id} does not match its sentence and value {value:g}: "
                       "its id, value or quote was changed", f"id, value and quote cannot be edited: {again}")
    seed = seeds.get(draft.source)
    if seed is None:
        return problem("draft-mismatch", draft.path, draft.line, f"'{draft.source}' is not an article in seeds/",
                       "add the article to seeds/ first, then extract from it")
    if not quote_in_text(draft.quote, seed.body):
        return problem("draft-mismatch", draft.path, draft.line,
                       f"the sentence of candidate {draft.id} is no longer in seeds/{draft.source}.md", again)
    return None


def merge_drafts(fresh: list[Candidate], old: list[Draft], body: str, skip: set[str],
                 done: set[tuple[str, str, float]]) -> list[Draft]:
    """The new queue of one article: fresh candidates with the editor's corrections of the old
    queue carried over; old candidates the extractor no longer proposes stay while their sentence
    is in the article. ``skip``: ids rejected; ``done``: curated figures."""
    previous = {d.id: d for d in old}
    merged = []
    for c in fresh:
        draft = Draft.of(c)
        annotated = previous.pop(c.id, None)
        if annotated is not None:
            draft = replace(draft, **{k: getattr(annotated, k) for k in EDITABLE})
        merged.append(draft)
    merged += [d for d in previous.values() if quote_in_text(d.quote, body) and d.figure() is not None]
    left = [d for d in merged if d.id not in skip and (d.metric is None or (d.source, d.metric, d.value) not in done)]
    return sorted(left, key=lambda d: (d.metric is None, d.start, d.id))


def render_drafts(source: str, drafts: list[Draft | IncidentDraft]) -> str:
    """The drafts file: candidates, then incidents (the list only when there are some)."""
    data: dict = {"source": source, "candidates": [d.as_entry() for d in drafts if isinstance(d, Draft)]}
    incidents = [d.as_entry() for d in drafts if isinstance(d, IncidentDraft)]
    if incidents:
        data["incidents"] = incidents
    return HEADER.format(source=source) + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def write_drafts(paths: ProjectPaths, source: str, drafts: list[Draft | IncidentDraft]) -> bool:
    """Write the queue of one article; returns whether the file changed (a rerun changes nothing)."""
    target = drafts_file(paths, source)
    text = render_drafts(source, drafts)
    if target.exists() and target.read_bytes() == text.encode("utf-8"):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".yaml.part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    return True


def drop_from_queue(paths: ProjectPaths, ids: set[str], sources: Iterable[str]) -> None:
    """Take accepted or rejected candidates out of their drafts files (a file with problems is left
    as it is: the next `extract` drops them)."""
    for source in sorted(set(sources)):
        path = drafts_file(paths, source)
        drafts, problems = read_drafts(path, paths)
        if not problems:
            write_drafts(paths, source, [d for d in drafts if d.id not in ids])
