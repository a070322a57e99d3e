"""A Python-Markdown extension: large one-line HTML blocks set aside while Markdown runs.

Generated pages are Markdown (headings, for the table of contents) around one-line HTML blocks:
charts and tables. Python-Markdown parses every tag of a raw HTML block to find where it ends,
which at 10,000 facts costs more than everything else in the build. This extension swaps each
block for a short placeholder before Markdown runs and puts it back in the HTML after
(``scripts.render.blocks``); the placeholder cannot come from the facts, whose text is always
escaped.

It is named in mkdocs.yml (``markdown_extensions: - scripts.markdown_blocks``), so whatever engine
reads that configuration and runs Python-Markdown uses it: no engine hook is needed.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from scripts.render.blocks import put_back, set_aside


class _SetAside(Preprocessor):
    def __init__(self, md: Markdown, store: list[list[str]]):
        super().__init__(md)
        self.store = store

    def run(self, lines: list[str]) -> list[str]:
        markdown, blocks = set_aside("\n".join(lines))
        self.store[:] = [blocks]
        return markdown.split("\n")


class _PutBack(Postprocessor):
    def __init__(self, md: Markdown, store: list[list[str]]):
        super().__init__(md)
        self.store = store

    def run(self, text: str) -> str:
        blocks = self.store[0] if self.store else []
        return put_back(text, blocks) if blocks else text


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        store: list[list[str]] = []
        # Before the raw-HTML block parser (priority 20); put back after every other postprocessor.
        md.preprocessors.register(_SetAside(md, store), "tracker_set_aside", 25)
        md.postprocessors.register(_PutBack(md, store), "tracker_put_back", 0)


def makeExtension(**kwargs) -> HtmlBlocksExtension:  # noqa: N802 - Python-Markdown's entry point
    return HtmlBlocksExtension(**kwargs)
