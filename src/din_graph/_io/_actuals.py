"""Actuals from a sheet: ``(goal, indicator, year, value)`` rows, CSV or Excel.

Monitoring adds measured values year by year without touching the programme
file: :func:`load_actuals` reads the sheet, :func:`with_actuals` returns a copy
of the programme (or portfolio) with the values in its indicators' ``actuals``.

Columns (header row, any order, English or Dutch names, case-insensitive):
``goal``/``doel`` (local id, or ``programme/goal`` key), ``indicator`` (the
indicator's id or name), ``year``/``jaar``, ``value``/``waarde``, and optionally
``programme``/``programma``.  Values are numbers (``2,1`` and ``6.000`` read the
Dutch way) or text as the source gives it (``ntb.``).  Every bad row is reported
with file, row and id, all at once.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from din_graph._errors import DinError, DinFileError, DinValidationError, Problem
from din_graph._model import Indicator, OperationalGoal, Portfolio, Programme, parse_reference

__all__ = ["Actual", "load_actuals", "with_actuals"]

_COLUMNS = {
    "goal": "goal",
    "doel": "goal",
    "operational_goal": "goal",
    "operationele doelstelling": "goal",
    "indicator": "indicator",
    "year": "year",
    "jaar": "year",
    "value": "value",
    "waarde": "value",
    "realisatie": "value",
    "actual": "value",
    "programme": "programme",
    "programma": "programme",
}
_DUTCH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


@dataclass(frozen=True)
class Actual:
    """One measured value, with where it was read."""

    goal: str
    indicator: str
    year: int
    value: float | str
    programme: str | None = None
    file: str | None = None
    row: int | None = None


def parse_value(text: str) -> float | str:
    """A cell as a number where it is one (Dutch or English notation), else the text.

    >>> parse_value("2,1"), parse_value("6.000"), parse_value("2.5"), parse_value("1.234,5"), parse_value("ntb.")
    (2.1, 6000.0, 2.5, 1234.5, 'ntb.')
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if _DUTCH_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return text.strip()


def _rows_csv(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DinFileError(str(path), f"cannot read the actuals sheet: {exc}") from None
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    # One column or an unusual file: the header check in load_actuals says what is wrong.
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    yield from enumerate(csv.reader(text.splitlines(), dialect), 1)


def _rows_excel(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise DinError("reading Excel needs openpyxl: pip install openpyxl") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise DinFileError(str(path), f"cannot read the workbook: {exc}") from None
    names = {name.lower(): name for name in book.sheetnames}
    sheet = book[next((names[n] for n in ("actuals", "realisatie", "realisaties") if n in names), book.sheetnames[0])]
    for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
        yield number, ["" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)) for v in values]
    book.close()


def _cell(row: list[str], header: dict[str, int], column: str) -> str:
    i = header.get(column)
    return row[i].strip() if i is not None and i < len(row) else ""


def load_actuals(path: str | Path) -> tuple[Actual, ...]:
    r"""Read an actuals sheet (``.csv``, ``.tsv``, ``.xlsx``); raise one :class:`DinValidationError` for all bad rows.

    Examples
    --------
    >>> import din_graph, pathlib, tempfile
    >>> sheet = pathlib.Path(tempfile.mkdtemp()) / "realisatie.csv"
    >>> rows = ["doel;indicator;jaar;waarde", "O2d;Aantal lopende duurzame initiatieven van (meerdere) inwoners;2020;7"]
    >>> _ = sheet.write_text("\n".join(rows))
    >>> [(a.goal, a.year, a.value) for a in din_graph.load_actuals(sheet)]
    [('O2d', 2020, 7.0)]
    """
    path = Path(path)
    if not path.is_file():
        raise DinFileError(str(path), "no such file")
    rows = _rows_excel(path) if path.suffix.lower() in {".xlsx", ".xlsm"} else _rows_csv(path)
    name = str(path)
    header: dict[str, int] | None = None
    problems: list[Problem] = []
    out: list[Actual] = []
    seen: dict[tuple[str | None, str, str, int], int] = {}
    for number, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = {}
            for i, title in enumerate(row):
                column = _COLUMNS.get(title.strip().lower())
                if column is not None:
                    header.setdefault(column, i)
            missing = [c for c in ("goal", "indicator", "year", "value") if c not in header]
            if missing:
                raise DinFileError(
                    name,
                    f"the header names no column {', '.join(missing)} (goal, indicator, year, "
                    "value; Dutch: doel, indicator, jaar, waarde)",
                    line=number,
                )
            continue
        goal, indicator, year_text, value, programme_text = (
            _cell(row, header, column) for column in ("goal", "indicator", "year", "value", "programme")
        )
        programme = programme_text or None
        where = goal or None
        if not goal or not indicator:
            problems.append(Problem(name, number, where, "goal and indicator must both be given"))
            continue
        try:
            year = int(float(year_text.replace(",", ".")))
        except ValueError:
            problems.append(Problem(name, number, where, f"year {year_text!r} is not a year"))
            continue
        if not 1800 <= year <= 2200:
            problems.append(Problem(name, number, where, f"year {year} is out of range"))
            continue
        if not value:
            problems.append(Problem(name, number, where, "no value"))
            continue
        key = (programme, goal, indicator.casefold(), year)
        if key in seen:
            problems.append(Problem(name, number, where, f"{indicator!r} {year} is given twice (also row {seen[key]})"))
            continue
        seen[key] = number
        out.append(Actual(goal, indicator, year, parse_value(value), programme, name, number))
    if header is None:
        raise DinFileError(name, "the sheet is empty")
    if problems:
        raise DinValidationError(problems)
    return tuple(out)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _match_indicator(goal: OperationalGoal, name: str) -> int | None:
    for i, indicator in enumerate(goal.indicators):
        if indicator.id is not None and indicator.id == name:
            return i
    for i, indicator in enumerate(goal.indicators):
        if _fold(indicator.name) == _fold(name):
            return i
    return None


def with_actuals(obj: Programme | Portfolio, actuals: str | Path | Iterable[Actual]) -> Programme | Portfolio:
    """A copy of ``obj`` with the actuals added to its indicators (a sheet value replaces a file value).

    Every row must name an operational goal and one of its indicators; all
    rows that do not are reported at once with file, row and id.

    Examples
    --------
    >>> import din_graph
    >>> plan = din_graph.load("examples/almelo/duurzaamheid.yaml")
    >>> row = din_graph.Actual("O2d", "Aantal lopende duurzame initiatieven van (meerdere) inwoners", 2020, 7.0)
    >>> measured = din_graph.with_actuals(plan, [row])
    >>> measured.operational_goals[3].indicators[0].actuals
    {2020: 7.0}
    >>> din_graph.progress(measured).status_of("almelo-duurzaamheid/O2d")
    'on_track'
    """
    rows = load_actuals(actuals) if isinstance(actuals, str | Path) else tuple(actuals)
    programmes = list(obj.programmes) if isinstance(obj, Portfolio) else [obj]
    by_id = {p.id: p for p in programmes}
    updates: dict[str, dict[str, dict[int, dict[int, float | str]]]] = {}
    problems: list[Problem] = []
    for row in rows:
        if row.programme is not None or "/" in row.goal:
            pid, local = parse_reference(row.goal, row.programme or "")
            pid = row.programme if row.programme and "/" not in row.goal else pid
        elif len(programmes) == 1:
            pid, local = programmes[0].id, row.goal
        else:
            owners = [p.id for p in programmes if any(g.id == row.goal for g in p.operational_goals)]
            if len(owners) != 1:
                why = "is in several programmes; add a programme column" if owners else "is no operational goal"
                problems.append(Problem(row.file, row.row, row.goal, f"goal {row.goal!r} {why}"))
                continue
            pid, local = owners[0], row.goal
        programme = by_id.get(pid)
        goal = next((g for g in programme.operational_goals if g.id == local), None) if programme else None
        if goal is None:
            known = ", ".join(g.id for g in programme.operational_goals) if programme else ", ".join(by_id)
            problems.append(
                Problem(row.file, row.row, row.goal, f"no operational goal {local!r} in {pid!r} (known: {known})")
            )
            continue
        position = _match_indicator(goal, row.indicator)
        if position is None:
            names = "; ".join(i.name for i in goal.indicators) or "it has none"
            problems.append(
                Problem(row.file, row.row, row.goal, f"goal {local!r} has no indicator {row.indicator!r} ({names})")
            )
            continue
        updates.setdefault(pid, {}).setdefault(local, {}).setdefault(position, {})[row.year] = row.value
    if problems:
        raise DinValidationError(problems)
    changed = [_apply(p, updates.get(p.id, {})) for p in programmes]
    if isinstance(obj, Portfolio):
        return obj.model_copy(update={"programmes": tuple(changed)})
    return changed[0]


def _apply(programme: Programme, per_goal: dict[str, dict[int, dict[int, float | str]]]) -> Programme:
    if not per_goal:
        return programme
    goals = []
    for goal in programme.operational_goals:
        values = per_goal.get(goal.id)
        if values is None:
            goals.append(goal)
            continue
        indicators: list[Indicator] = []
        for i, indicator in enumerate(goal.indicators):
            new = values.get(i)
            if new is None:
                indicators.append(indicator)
                continue
            merged: dict[int | str, float | int | str] = dict(indicator.actuals)
            for year, value in new.items():
                merged[year] = value
            ordered = dict(sorted(merged.items(), key=lambda kv: (not isinstance(kv[0], int), str(kv[0]))))
            indicators.append(indicator.model_copy(update={"actuals": ordered}))
        goals.append(goal.model_copy(update={"indicators": tuple(indicators)}))
    return programme.model_copy(update={"operational_goals": tuple(goals)})
