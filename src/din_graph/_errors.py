"""One exception tree for everything that can go wrong with user input.

Every error a user can cause by handing the library a bad file derives from
:class:`DinError`, so a caller (or the CLI) can catch one type and show a
message instead of a traceback.  Errors and warnings both point at a place:
the file, the line (or spreadsheet row) and the id at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

__all__ = [
    "DinArgumentError",
    "DinError",
    "DinFileError",
    "DinParseError",
    "DinRenderError",
    "DinValidationError",
    "DinWarning",
    "Problem",
    "Severity",
]


class Severity(StrEnum):
    """How bad a :class:`Problem` is: errors stop a load, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows.

    Attributes
    ----------
    file:
        Path of the file as the user gave it, or ``None`` for in-memory objects.
    line:
        1-based line number (for spreadsheets: the row), or ``None`` when unknown.
    id:
        The id at fault (``"E12"``, ``"almelo-duurzaamheid/O1a"``), or ``None``
        when the problem concerns the file as a whole.
    message:
        A sentence that says what is wrong and, where possible, how to fix it.
    severity:
        ``"error"`` or ``"warning"``.
    code:
        A stable machine-readable code such as ``"unknown-reference"``.
    """

    file: str | None
    line: int | None
    id: str | None
    message: str
    severity: Literal["error", "warning"] = "error"
    code: str = "invalid"

    def __str__(self) -> str:
        place = self.file or "<input>"
        if self.line is not None:
            place = f"{place}:{self.line}"
        ident = self.id if self.id is not None else "-"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{place}: {ident}: {prefix}{self.message}"


class DinError(Exception):
    """Base class of every error caused by bad input to din_graph."""


class DinFileError(DinError):
    """A file cannot be read at all: missing, empty, binary, too large, wrong type."""

    def __init__(self, file: str | None, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.problem = Problem(file, line, None, message, code="unreadable-file")
        super().__init__(str(self.problem))

    @property
    def problems(self) -> list[Problem]:
        """The single problem this error stands for, as a list (like DinValidationError)."""
        return [self.problem]


class DinParseError(DinFileError):
    """A file is not well-formed YAML or JSON."""


class DinValidationError(DinError):
    """A file parsed, but its content breaks the model or the DIN rules.

    All problems found are collected in :attr:`problems`, errors first
    in file order, so a user fixes a file in one round instead of many.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_problem_order)
        errors = [p for p in self.problems if p.severity == "error"]
        shown = errors or self.problems
        head = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in shown))


class DinArgumentError(DinError, ValueError):
    """An argument outside what a function accepts (a range that runs backwards)."""


class DinRenderError(DinError):
    """A drawing cannot be made: Graphviz is missing or failed, or the options do not fit."""


class DinWarning(UserWarning):
    """Something in an input is suspicious but kept (an unknown area name, a skipped level)."""


def _problem_order(p: Problem) -> tuple[str, int, str, str]:
    return (p.file or "", p.line if p.line is not None else 0, p.id or "", p.message)
