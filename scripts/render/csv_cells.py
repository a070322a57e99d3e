"""CSV as the downloads write it: numbers without a needless '.0', text a spreadsheet will not run,
one header line and '\\n' line ends."""

from __future__ import annotations

import csv
import io
from typing import Iterable


def csv_safe(text: str) -> str:
    """A text cell a spreadsheet will not read as a formula ('=1+1' → "'=1+1")."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_number(value: float | None) -> int | float | str:
    """14.0 → 14; None → an empty cell."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def csv_text(fields: tuple[str, ...], rows: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
