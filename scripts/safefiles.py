"""Reading the project's input files safely: never through a link, never a device or a pipe, never
more than a limit.

Pull requests come from anyone, and git stores symbolic links: a file of docs/, seeds/ or facts/
could point at a system file (which the site would publish, or a message would quote) or at
/dev/zero (read until memory runs out). Every input file is opened without following a link,
checked to be a regular file and measured before a byte is read, and read up to its limit only.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from scripts.paths import ProjectPaths
from scripts.problems import Problem, problem

# The folders whose files the build reads or publishes.
INPUT_FOLDERS = ("docs", "seeds", "facts", "schemas", "overrides")
MAX_SCHEMA_BYTES = 1024 * 1024


class InputRefused(OSError):
    """An input file that is not read: a link, not a regular file, or too large."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.strerror = message


def _open_flags() -> int:
    # O_NONBLOCK: opening a named pipe would otherwise wait for a writer forever.
    return os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of a regular file that is not a link, if it holds at most ``limit`` bytes.

    Raises InputRefused (an OSError with a problem code) or the OSError of the system."""
    if os.path.islink(path):  # O_NOFOLLOW is the guarantee; this gives the clearer message first
        raise InputRefused("file-is-link", "the file is a symbolic link, not a file")
    try:
        fd = os.open(path, _open_flags())
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputRefused("file-is-link", "the file is a symbolic link, not a file") from err
        raise
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputRefused("file-unreadable", "cannot read the file: it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused("file-not-regular", "this is not a regular file (a device, a pipe or a socket)")
        if info.st_size > limit:
            raise InputRefused("file-too-large", f"the file is {info.st_size:,} bytes; the limit is {limit:,}")
        chunks, size = [], 0
        while size <= limit:  # the file may grow while it is read: never take more than limit + 1
            chunk = handle.read(limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise InputRefused("file-too-large", f"the file is more than {limit:,} bytes")
    return b"".join(chunks)


def read_problem(err: OSError, shown: str) -> Problem:
    """The problem to report for a file that could not be read."""
    if isinstance(err, InputRefused):
        return problem(err.code, shown, 1, err.strerror)
    return problem("file-unreadable", shown, 1, f"cannot read the file: {err.strerror or err}")


def unsafe_inputs(paths: ProjectPaths) -> list[Problem]:
    """Every link and every entry that is neither a folder nor a regular file under the input
    folders (the folders themselves included): the build refuses them instead of following them."""
    found = []
    for name in INPUT_FOLDERS:
        top = paths.root / name
        if not os.path.lexists(top):
            continue
        found += _check_entry(top, paths)
        if os.path.islink(top):
            continue
        for folder, dirs, files in os.walk(top, followlinks=False):
            for entry in sorted(dirs + files):
                found += _check_entry(Path(folder) / entry, paths)
    return found


def _check_entry(path: Path, paths: ProjectPaths) -> list[Problem]:
    info = os.lstat(path)
    shown = paths.relative(path)
    if stat.S_ISLNK(info.st_mode):
        return [problem("file-is-link", shown, 1, "this is a symbolic link; the build does not follow links "
                        "out of the project")]
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return [problem("file-not-regular", shown, 1, "this is not a regular file (a device, a pipe or a socket)")]
    return []
