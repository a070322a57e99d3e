"""Large HTML blocks of the generated pages, set aside while Markdown runs.

Generated pages are Markdown (headings, for the table of contents) around one-line HTML blocks:
charts and tables. Python-Markdown parses every tag of a raw HTML block to find where it ends,
which at 10,000 facts costs more than everything else in the build. The Markdown extension
(scripts/markdown_blocks.py) swaps each block for a short placeholder before Markdown runs and
puts it back in the HTML after; the placeholder cannot come from the facts, whose text is always
escaped. It runs on every page: a hand-written page in docs/ keeps a multi-line HTML block
whole by not leaving a blank line around its first line (`<div>` then its content on the next).
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"<!--tracker-block-(\d+)-->")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """Every line that is a whole HTML block (starts with '<' and ends with '>', between blank
    lines) replaced by a placeholder; returns the new Markdown and the blocks in order."""
    blocks: list[str] = []
    lines = markdown.split("\n")
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if (line.startswith("<") and line.endswith(">") and (i == 0 or not lines[i - 1].strip())
                and (i == last or not lines[i + 1].strip())):
            lines[i] = f"<!--tracker-block-{len(blocks)}-->"
            blocks.append(line)
    return "\n".join(lines), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The HTML Markdown made, with each placeholder replaced by its block."""
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
