"""Where everything lives. Imports nothing else from the project."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ProjectPaths:
    """The folders of one story's project (``--project DIR``); tests point it at a temporary copy.
    ``engine`` is the generator's own checkout: what every story shares (the vendored chart library)."""

    root: Path
    engine: Path = REPO_ROOT

    @classmethod
    def default(cls) -> ProjectPaths:
        """The current folder when it holds a story, else the engine's own story."""
        here = Path.cwd()
        return cls(here) if (here / "story.yaml").is_file() else cls(REPO_ROOT)

    @property
    def story_file(self) -> Path:
        """What the story is: its name, topics, kinds, incident types and wording."""
        return self.root / "story.yaml"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def drafts(self) -> Path:
        """The review queue of `extract`, one file per article: a cache, never committed."""
        return self.root / ".cache" / "drafts"

    @property
    def facts(self) -> Path:
        return self.root / "facts"

    @property
    def rejected_file(self) -> Path:
        """Candidates editors rejected: committed, so the next editor inherits the decision."""
        return self.facts / "rejected.yaml"

    @property
    def metrics_file(self) -> Path:
        return self.facts / "metrics.yaml"

    @property
    def schemas(self) -> Path:
        """The project's copy of the JSON Schemas (its fact files point VS Code at it), else the engine's."""
        own = self.root / "schemas"
        return own if own.is_dir() or self.root == self.engine else self.engine / "schemas"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def build(self) -> Path:
        """Scratch space for builds in progress (git-ignored)."""
        return self.root / "build"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def plotly_js(self) -> Path:
        return self.engine / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"

    def relative(self, path: Path) -> str:
        """A path as editors see it: relative to the repo root, with forward slashes, and printable."""
        try:
            return printable(path.relative_to(self.root).as_posix())  # the common case, without touching the disk
        except ValueError:
            pass
        try:
            return printable(path.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return printable(path.as_posix())


def printable(name: str) -> str:
    """A file name with control and invisible characters escaped (a newline in a name must not
    break the `path:line: message` line it is reported on)."""
    if name.isprintable():
        return name
    return "".join(c if c == " " or unicodedata.category(c)[0] not in "CZ" else c.encode("unicode_escape").decode()
                   for c in name)
