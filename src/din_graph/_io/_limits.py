"""Limits on what din_graph reads, each with a default and an environment variable to change it.

A DIN is kilobytes; the limits sit far above any real programme or portfolio and
far below what would make ``din`` hang or run out of memory on a hostile file.
Every limit is read when a file is read (not at import), so a pipeline can set
the variable for one run.  docs/reliability.md lists them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from din_graph._errors import DinError, DinFileError

__all__ = [
    "ALIAS_VALUES",
    "CELL_CHARS",
    "DEPTH",
    "FILE_MB",
    "LIMITS",
    "SHEET_COLUMNS",
    "SHEET_ROWS",
    "XLSX_RATIO",
    "XLSX_UNCOMPRESSED_MB",
    "Limit",
    "LimitError",
    "max_file_bytes",
]


class LimitError(DinFileError):
    """An input goes over one of the limits on input; the message says which and how to raise it."""


@dataclass(frozen=True)
class Limit:
    """One limit: the environment variable that sets it, its default and what it bounds."""

    variable: str
    default: float
    what: str
    unit: str = ""

    def value(self) -> float:
        """The limit in force: the environment variable when set, else the default."""
        raw = os.environ.get(self.variable, "").strip()
        if not raw:
            return self.default
        try:
            number = float(raw)
        except ValueError:
            number = float("nan")
        if not number > 0 or number == float("inf"):
            raise DinError(
                f"{self.variable}={raw!r}: expected a positive number ({self.what}, default {self.default:g})"
            )
        return number

    def message(self, found: str) -> str:
        """What was found, which limit it goes over, and how to raise the limit."""
        limit = f"{self.value():g}{' ' + self.unit if self.unit else ''}"
        how = f"set the environment variable {self.variable} to raise it"
        return f"{found}, over the limit of {limit} on {self.what} ({how})"

    def error(self, file: str | None, found: str, line: int | None = None) -> LimitError:
        """The one error for going over this limit."""
        return LimitError(file, self.message(found), line=line)


FILE_MB = Limit("DIN_MAX_FILE_MB", 20, "the size of an input file", "MB")
DEPTH = Limit("DIN_MAX_DEPTH", 100, "how deep lists and blocks nest in a YAML or JSON file", "levels")
ALIAS_VALUES = Limit(
    "DIN_MAX_ALIAS_VALUES",
    100_000,
    "values repeated through YAML aliases (*name; a text counts per 100 characters)",
    "values",
)
XLSX_UNCOMPRESSED_MB = Limit("DIN_MAX_XLSX_UNCOMPRESSED_MB", 200, "a workbook's size when unpacked", "MB")
XLSX_RATIO = Limit(
    "DIN_MAX_XLSX_RATIO", 200, "how many times a part of a workbook (over 1 MB unpacked) may grow when unpacked"
)
SHEET_ROWS = Limit("DIN_MAX_SHEET_ROWS", 100_000, "the rows of one sheet of a workbook", "rows")
SHEET_COLUMNS = Limit("DIN_MAX_SHEET_COLUMNS", 1_000, "the columns of one sheet of a workbook", "columns")
CELL_CHARS = Limit("DIN_MAX_CELL_CHARS", 32_767, "the characters in one cell of a workbook", "characters")

#: Every limit, in the order docs/reliability.md lists them.
LIMITS = (FILE_MB, DEPTH, ALIAS_VALUES, XLSX_UNCOMPRESSED_MB, XLSX_RATIO, SHEET_ROWS, SHEET_COLUMNS, CELL_CHARS)


def max_file_bytes() -> int:
    """The size limit of an input file in bytes (``DIN_MAX_FILE_MB``)."""
    return int(FILE_MB.value() * 1024 * 1024)
