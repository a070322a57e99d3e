"""CSV as the downloads write it: numbers without a needless '.0', text a spreadsheet will not run,
one header line and CRLF line ends (RFC 4180: the writer then quotes a cell holding a lone CR,
which would otherwise end a row)."""

from __future__ import annotations

import csv
import io
from typing import Iterable


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A text cell a spreadsheet shows as text: one that would start a formula gets a leading
    apostrophe ('=1+1' → "'=1+1"). Numbers stay numbers (a negative value is not text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_number(value: float | None) -> int | float | str:
    """14.0 → 14; None → an empty cell."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def csv_text(fields: tuple[str, ...], rows: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: csv_safe(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()
