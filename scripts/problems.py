"""Problems are data: a stable code, where it is, what is wrong and how to fix it.

The library collects problems and raises ``ProblemsFound``; only the CLI prints them.
Every code is declared once in ``CODES`` with an example, so the reference page and the
test that checks every code is documented both read from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class CodeDoc:
    code: str
    severity: Severity
    title: str
    example: str
    fix: str


# Control characters, line and paragraph separators, and the bidirectional overrides that can make
# a line read differently from what it holds.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """Text with every control character written as its escape (a newline as '\\n', ESC as '\\x1b')."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1] if m.group() in "\n\r\t" else
                            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str
    fix: str = field(compare=False)
    severity: Severity = field(default="error", compare=False)

    def format(self) -> str:
        """One line for a terminal or a log: a file name or a value that holds a line break or a
        control character shows it escaped, so it cannot start a line or a command of its own."""
        return printable(f"{self.path}:{self.line}:{self.col}: {self.code}: {self.message} — {self.fix}")

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix,
        }


class ProblemsFound(Exception):
    """Raised by the library when input is broken; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s)")


def _docs(*docs: CodeDoc) -> dict[str, CodeDoc]:
    return {d.code: d for d in docs}


CODES: dict[str, CodeDoc] = _docs(
    # Reading files
    CodeDoc("file-unreadable", "error", "The file cannot be read",
            "a fact file removed while the build runs", "check that the file exists and is readable"),
    CodeDoc("file-is-link", "error", "The file is a symbolic link",
            "`docs/x.md` linked to `/etc/passwd`, or `facts/x.yaml` linked to `/dev/zero`",
            "replace the link with the file itself: the build reads and publishes files of the project only"),
    CodeDoc("file-not-regular", "error", "The file is not a regular file",
            "a named pipe or a device in `facts/`",
            "replace it with a plain text file, or remove it"),
    CodeDoc("not-utf8", "error", "The file is not UTF-8 text",
            "a file saved as Windows-1252 with a curly quote", "save the file as UTF-8"),
    CodeDoc("byte-order-mark", "error", "The file starts with a byte-order mark",
            "a file saved by Notepad as 'UTF-8 with BOM'", "save the file as UTF-8 without BOM"),
    CodeDoc("file-too-large", "error", "The file is larger than the limit",
            "a 5 MB fact file", "split the file or shorten it (limits are listed on this page)"),
    CodeDoc("empty-file", "error", "The file holds no data",
            "a fact file with only comments", "add the entries, or delete the file"),
    CodeDoc("yaml-syntax", "error", "The YAML cannot be parsed",
            "`value: [14` (bracket never closed), or a tab used for indentation",
            "fix the YAML at that line: indent with spaces, close brackets and quotes"),
    CodeDoc("yaml-alias", "error", "Anchors, aliases and merge keys are not allowed",
            "`<<: *defaults` or `&base`", "write each entry out in full"),
    CodeDoc("yaml-tag", "error", "A YAML tag is not allowed",
            "`value: !!python/object ...`", "remove the tag and write a plain value"),
    CodeDoc("yaml-too-deep", "error", "Values are nested too deeply",
            "a value inside 60 levels of lists (`[[[[…]]]]`)", "write the entry flat, as the other entries are"),
    CodeDoc("number-out-of-range", "error", "A number is infinite or far too large",
            "`value: 1e999` or a 400-digit number", "write the figure as a plain number up to 1,000,000,000,000,000"),
    CodeDoc("duplicate-key", "error", "A field appears twice in one entry",
            "two `value:` lines in one fact", "keep one of the two lines"),
    CodeDoc("wrong-top-level", "error", "The file's top level has the wrong shape",
            "a fact file that is a list instead of `observations:`",
            "start the file with the key shown in the message"),
    # Shape (JSON Schema)
    CodeDoc("missing-field", "error", "A required field is missing",
            "an observation without `as_of`", "add the field"),
    CodeDoc("unknown-field", "error", "A field name is not known",
            "`qualifer: at_least`", "rename the field to the suggestion, or remove it"),
    CodeDoc("wrong-type", "error", "A value has the wrong type",
            "`value: 1_000` or `excerpt: yes`", "write the value as the message says"),
    CodeDoc("invalid-value", "error", "A value is not one of the allowed choices",
            "`qualifier: atleast`", "use one of the values listed in the message"),
    CodeDoc("invalid-format", "error", "A value does not have the expected form",
            "`as_of: 31/10/2025` or an id with spaces", "write it in the form the message gives"),
    CodeDoc("too-long", "error", "A text field is longer than the limit",
            "a 5,000-character quote", "shorten it: quote one sentence"),
    CodeDoc("invalid-date", "error", "A date does not exist",
            "`as_of: 2025-11-31`", "write a real calendar date"),
    CodeDoc("implausible-date", "error", "A date lies outside the years 1900–2100",
            "`as_of: 0001-01-01`", "write the date the figure describes"),
    CodeDoc("unsafe-url", "error", "A URL is not a well-formed http or https address",
            "`url: javascript:alert(1)` or `url: https://example[].org/x`", "link to the article's http(s) address, or leave `url` out"),
    # Meaning
    CodeDoc("duplicate-id", "error", "Two entries share an id",
            "two facts with `id: deaths-2025-12-06`", "give one of them a new, unique id"),
    CodeDoc("unknown-metric", "error", "The metric is not in facts/metrics.yaml",
            "`metric: death_toll` for `deaths_toll`", "use a metric id from facts/metrics.yaml, or add the metric there"),
    CodeDoc("unknown-topic", "error", "The topic is not declared in story.yaml",
            "`topic: attack` where story.yaml declares `attacks`",
            "use a topic slug from story.yaml `topics:`, or declare the topic there"),
    CodeDoc("unknown-kind", "error", "The event kind is not declared in story.yaml",
            "`kind: court` before story.yaml declares a `court` kind",
            "use a kind from story.yaml `kinds:`, or declare the kind there"),
    CodeDoc("unknown-place", "error", "An incident's place is not one story.yaml declares",
            "`theater: Carribean` (misspelt)", "use one of the place's `values` in story.yaml, or add it there"),
    CodeDoc("unknown-figure", "error", "An incident's figure is not one its type declares in story.yaml",
            "`injured: {value: 2}` on an incident type whose figures are killed and survivors",
            "use a figure of the incident type in story.yaml `incidents:`, or declare it there"),
    CodeDoc("missing-story", "error", "The project has no story.yaml",
            "a project folder made by hand without `story.yaml`",
            "run `python -m scripts init DIR` for a template, or copy story.yaml from another story"),
    CodeDoc("unknown-source", "error", "The source is not a seed in seeds/",
            "`source: 2025-12-06-tico-times`", "use the file name of a seed in seeds/ without `.md`"),
    CodeDoc("unknown-event", "error", "A metric's `annotate` names an event that does not exist",
            "`annotate: [ford-arrives]` in facts/metrics.yaml", "use an event id from facts/events*.yaml"),
    CodeDoc("quote-not-in-source", "error", "The quote does not occur in the source's text",
            "a quote with a word changed", "copy the sentence from the source exactly"),
    CodeDoc("quote-cut", "error", "The quote starts or ends inside a word or number of the source",
            "the quote 'at least 8' where the article says 'at least 87'", "copy whole words: the quote's "
            "first and last words as the article writes them"),
    CodeDoc("quote-too-short", "error", "The quote is too short once its spaces are tidied",
            "a quote of ten no-break spaces", "quote the sentence that gives the figure"),
    CodeDoc("value-not-in-quote", "error", "The value is not a number the quote states",
            "`value: 870` with the quote 'at least 87 dead'",
            "write the number the quote states; for a figure you worked out, say how in `derived:`"),
    CodeDoc("qualifier-not-in-quote", "error", "The hedge claims more than the quote says",
            "`qualifier: exact` with the quote 'at least 87 dead'",
            "write the quote's hedge (`at_least`); a record may hedge more than its quote, never less"),
    CodeDoc("as-of-after-publication", "error", "A figure is dated after its source was published",
            "`as_of: 2025-12-10` from an article of 2025-12-06",
            "use the date the figure describes, on or before the publication date"),
    CodeDoc("negative-value", "error", "A value is negative",
            "`value: -14`", "write the figure as a positive number"),
    CodeDoc("implausible-value", "error", "A value is far beyond what the metric can be",
            "`value: 870000` for a metric whose `plausible_max` is 10000 (a typo for 87)",
            "check the figure against the source; if it is right, raise `plausible_max` in facts/metrics.yaml"),
    CodeDoc("fractional-count", "error", "A counted value has a fraction",
            "`value: 14.5` for a metric that counts people", "write a whole number"),
    CodeDoc("range-inverted", "error", "A range's high end is not above its low end",
            "`value: 50000000, qualifier: range, high: 30000000`",
            "put the low end in `value` and the high end in `high`"),
    CodeDoc("event-figure-not-in-quote", "error", "An incident's figure is stated by none of its quotes",
            "`killed: {value: 4}` on an incident whose quotes all say three were killed",
            "write the number a quote states (a source's different figure goes on its citation as a reading); "
            "if you read it another way (a translation, a sum of parts), say how in the incident's `derived:`"),
    CodeDoc("reading-same-as-event", "warning", "A source's reading repeats the event's own figure",
            "a citation with `killed: {value: 11}` on an incident whose `killed` is 11",
            "remove the repeated figure from the citation: a reading lists only what the source says differently"),
    CodeDoc("duplicate-figure", "warning", "The same figure is recorded twice",
            "two facts with the same metric, value, date and source", "delete one of them"),
    CodeDoc("cumulative-decrease", "warning", "A running total goes down over time",
            "a running total of 87 on 2025-12-06 after 95 on 2025-12-04",
            "check both figures against their sources; mark a wrong one `disputed` or `retracted`"),
    # Compared with the base branch (pull requests)
    CodeDoc("uncorrected-change", "error", "A published figure or event changed without a correction",
            "`value: 87` became `value: 88` with no `corrections` entry",
            "add `corrections: [{date: …, old_value: 87, reason: …}]` to the fact"),
    CodeDoc("unpublished-without-correction", "error", "A published figure stopped being verified without a correction",
            "`status: verified` became `status: draft` in a pull request",
            "keep it verified, retract it with a note, or add a `corrections` entry saying why"),
    CodeDoc("retraction-without-reason", "error", "A published figure was retracted with no reason",
            "`status: retracted` and no `note`", "say why in `note:`"),
    CodeDoc("correction-removed", "error", "An earlier correction entry was deleted or edited",
            "a `corrections` entry of the base branch is gone", "keep every earlier correction; add new ones at the end"),
    CodeDoc("fact-removed", "error", "A fact was deleted",
            "an entry of the base branch is missing", "keep it with `status: retracted` and a note saying why"),
    CodeDoc("id-reused", "error", "An id now names another figure",
            "`id: deaths-2025-12-06` moved to another metric or source",
            "give the new figure a new id; retract the old one if it was wrong"),
    CodeDoc("base-unavailable", "warning", "The base branch could not be read, so corrections were not checked",
            "a shallow clone without the base branch", "fetch the base branch (CI: fetch-depth 0)"),
    CodeDoc("too-many-problems", "error", "Too many problems to show them all",
            "a 3 MB fact file in which every entry is broken", "fix the problems shown and run again"),
    CodeDoc("seed-missing-front-matter", "error", "A seed has no front matter",
            "a seed file that starts with the article text",
            "start the file with `---`, the fields title, outlet, published…, then `---`"),
    CodeDoc("seed-bad-name", "error", "A seed's file name is not `YYYY-MM-DD-slug.md`",
            "`seeds/Tico Times.md`", "rename it to the publication date and a lowercase slug"),
    CodeDoc("seed-date-mismatch", "error", "A seed's file name and `published` disagree",
            "`2025-12-06-….md` with `published: 2025-12-05`", "make the file name's date the publication date"),
    CodeDoc("seed-empty-body", "error", "A seed has no article text", "front matter only",
            "paste the article text below the front matter"),
    # The review queue (.cache/drafts/)
    CodeDoc("draft-mismatch", "error", "A candidate of the review queue does not match its article",
            "a drafts entry whose value was edited, or a drafts file of one article listing another's candidates",
            "run `python -m scripts extract` again: id, value and quote come from the article"),
)


MAX_PROBLEMS_PER_FILE = 200
MAX_PROBLEMS_PER_RUN = 1000


def capped(problems: list[Problem], per_file: int = MAX_PROBLEMS_PER_FILE,
           per_run: int = MAX_PROBLEMS_PER_RUN) -> list[Problem]:
    """At most ``per_file`` problems of each file and ``per_run`` in all (sorted problems in, sorted
    out), each cut marked by one `too-many-problems` line saying how many were left out: a broken
    3 MB file must not print hundreds of megabytes."""
    kept: list[Problem] = []
    left_out: dict[str, int] = {}
    shown: dict[str, int] = {}
    for p in problems:
        if p.code == "too-many-problems":  # a cut made earlier (shape checks stop early): always shown
            kept.append(p)
            continue
        if shown.get(p.path, 0) >= per_file or len(kept) >= per_run:
            left_out[p.path] = left_out.get(p.path, 0) + 1
            continue
        shown[p.path] = shown.get(p.path, 0) + 1
        kept.append(p)
    notes = [problem("too-many-problems", path, 1, f"{count:,} more problem(s) of this file are not shown",
                     "fix the problems shown and run again") for path, count in left_out.items()]
    return sorted(kept) + notes


def problem(code: str, path: str, line: int, message: str, fix: str | None = None, col: int = 1) -> Problem:
    """Make a problem of a declared code; the fix defaults to the code's general advice."""
    doc = CODES[code]
    return Problem(path=path, line=max(line, 1), col=max(col, 1), code=code, message=message,
                   fix=fix or doc.fix, severity=doc.severity)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
