"""The editors' reference page: every problem code with an example and its fix, and the limits.
Generated from scripts/problems.py, so it cannot fall out of step with the code."""

from __future__ import annotations

from scripts.load import MAX_SEED_BYTES
from scripts.problems import CODES
from scripts.render.pages import front_matter
from scripts.render.text import html_text
from scripts.yamlfile import MAX_YAML_BYTES

LIMITS = (
    ("a fact file (facts/*.yaml)", f"{MAX_YAML_BYTES // 1024 // 1024} MiB"),
    ("an article (seeds/*.md)", f"{MAX_SEED_BYTES // 1024 // 1024} MiB"),
    ("a quote", "1,000 characters (at least 10)"),
    ("a title, outlet, label or scope", "300 characters (scope: 200)"),
    ("a note, summary or description", "2,000 characters"),
    ("an id", "120 characters: lowercase words joined by hyphens"),
    ("a URL", "2,000 characters, http or https only"),
)


def render_problem_reference() -> str:
    rows = "".join(
        f'<tr id="{html_text(doc.code)}"><td><code>{html_text(doc.code)}</code></td>'
        f"<td>{html_text(doc.severity)}</td><td>{html_text(doc.title)}</td>"
        f"<td>{html_text(doc.example)}</td><td>{html_text(doc.fix)}</td></tr>"
        for doc in sorted(CODES.values(), key=lambda d: d.code))
    limits = "".join(f"<tr><td>{html_text(what)}</td><td>{html_text(limit)}</td></tr>" for what, limit in LIMITS)
    return (front_matter("Problem codes", "Every problem the fact checker reports, with an example and how to fix it.")
            + "# Problem codes\n\n"
            + "`python -m scripts validate` reports each problem on one line: "
              "`file:line:column: code: what is wrong — how to fix it`. Errors stop the site from being "
              "published; warnings do not, except in CI, which treats them as errors.\n\n"
            + '<div class="tracker-table-wrap"><table class="tracker-table"><caption>Every code</caption><thead><tr>'
              '<th scope="col">Code</th><th scope="col">Level</th><th scope="col">Problem</th>'
              '<th scope="col">Example</th><th scope="col">Fix</th></tr></thead>'
            + f"<tbody>{rows}</tbody></table></div>\n\n"
            + "## Limits\n\n"
            + "Larger files and longer fields are refused with a problem, never left to slow the build down.\n\n"
            + '<div class="tracker-table-wrap"><table class="tracker-table"><caption>Limits</caption><thead><tr>'
              '<th scope="col">What</th><th scope="col">Limit</th></tr></thead>'
            + f"<tbody>{limits}</tbody></table></div>\n")
