"""Excel workbooks: a programme as Dutch sheets, and back.

Sheets (header row first; column names in Dutch, English accepted on reading):

* **Programma** — ``veld`` / ``waarde`` rows: id, naam, gemeente, periode, opdrachtgevers,
  programmamanager, visie, bron, opmerkingen, niveaunamen;
* **Doelen** — strategic and operational goals (``niveau``), with ``draagt bij aan`` as a list
  of goal ids in one cell (``O1a, O1b``) and ``criteria`` one per line;
* **Indicatoren** — one row per indicator of an operational goal, one column per year for
  targets (``streef 2022``) and actuals (``realisatie 2022``); a lost year is ``streef onbekend``;
* **Inspanningen**, **PM** (placeholders), **Eigenaren** (owners);
* **Budget** and **Relaties** (related programmes) when the programme has them;
* **Toelichting** — what every column means (ignored on reading).

Cells are written as text where the model holds text, so a title starting with ``=``
stays a title and is never a formula.  Reading uses the values Excel computed for
formulas (``data_only``); a formula without a computed value is an error naming its cell.
Every problem names file, sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from din_graph._errors import DinFileError, Problem
from din_graph._model import EffortKind, EffortPhase, MunicipalMode, MunicipalRole, OwnerType, Programme, Role
from din_graph._output import source_date, write_file
from din_graph._validate import Issue

__all__ = ["SHEETS", "read_workbook", "workbook_bytes", "write_template", "write_workbook"]

Path_ = tuple[Any, ...]

LIST_SEPARATOR = ", "


@dataclass(frozen=True)
class Column:
    """A column of a sheet: the model field, its Dutch header and how its cells read and write."""

    field: str
    header: str
    english: str
    help: str
    kind: str = "text"
    """``text``, ``ids`` (comma list), ``lines`` (one item per line), ``number``, ``int``, ``enum``,
    ``hours``, ``year_map`` (``2023: 1000`` per line)."""
    required: bool = False
    width: int = 18


def _c(field: str, header: str, english: str, meaning: str, kind: str = "text", **kw: Any) -> Column:
    return Column(field, header, english, meaning, kind, **kw)


GOALS = (
    _c("level", "niveau", "level", "strategisch of operationeel", "enum", required=True, width=14),
    _c("id", "id", "id", "uniek binnen het programma, bv. S1, O1a", required=True, width=8),
    _c("title", "titel", "title", "het doel zoals het contract het zegt", required=True, width=50),
    _c("description", "omschrijving", "description", "toelichting", width=40),
    _c("criteria", "criteria", "criteria", "'dat betekent dat'-punten, één per regel", "lines", width=40),
    _c("contributes_to", "draagt bij aan", "contributes to", "ids van strategische doelen, komma-gescheiden", "ids"),
    _c(
        "municipal_role",
        "rol gemeente",
        "municipal role",
        "regisserend, sturend, voorwaardenstellend",
        "enum",
        width=14,
    ),
    _c("municipal_mode", "sturing gemeente", "municipal mode", "programmerend of accommoderend", "enum", width=14),
    _c("participation", "participatie", "participation", "trede van de participatieladder", width=14),
    _c("source_lines", "bronregels", "source lines", "regels in het brondocument, komma-gescheiden", "ids", width=12),
)
EFFORTS = (
    _c("id", "id", "id", "uniek binnen het programma, bv. E1", required=True, width=8),
    _c("title", "titel", "title", "wat er gedaan wordt", required=True, width=45),
    _c("description", "omschrijving", "description", "toelichting", width=40),
    _c("contributes_to", "draagt bij aan", "contributes to", "ids van doelen, komma-gescheiden (leeg: wees)", "ids"),
    _c("kind", "soort", "kind", "project, activiteit, lijnactiviteit, onderzoek, onbekend", "enum", width=14),
    _c("role", "rol", "role", "regie, lijn, afstemming, partner, inwoners, onbekend", "enum", width=12),
    _c("owner", "trekker", "owner", "id uit het blad Eigenaren", width=16),
    _c("partners", "partners", "partners", "externe partners, één per regel", "lines", width=24),
    _c("areas", "gebieden", "areas", "wijken, buurten, dorpen, één per regel", "lines", width=20),
    _c("track", "spoor", "track", "kolom in het DIN (activiteitengroep)", width=22),
    _c("status", "status", "status", "zoals de bron het zegt: nog starten, loopt, gereed ...", width=24),
    _c(
        "phase",
        "fase",
        "phase",
        "leeg: uit de status; of gepland, voorbereiding, aanbesteding, loopt ...",
        "enum",
        width=12,
    ),
    _c("budget", "budget", "budget", "euro per jaar, één regel per jaar: 2023: 10000", "year_map", width=16),
    _c(
        "hours_per_week",
        "uren per week",
        "hours per week",
        "getal, bereik (4-8) of tekst (fulltime)",
        "hours",
        width=10,
    ),
    _c("planning", "planning", "planning", "planning zoals de bron die noemt", width=20),
    _c("participation", "participatie", "participation", "trede van de participatieladder", width=14),
    _c("source_lines", "bronregels", "source lines", "regels in het brondocument, komma-gescheiden", "ids", width=12),
    _c("note", "opmerking", "note", "opmerking", width=30),
)
PLACEHOLDERS = (
    _c("id", "id", "id", "uniek binnen het programma, bv. PM1", required=True, width=8),
    _c("title", "titel", "title", "'PM' of een omschrijving van het lege vak", width=30),
    _c("contributes_to", "draagt bij aan", "contributes to", "ids van doelen, komma-gescheiden", "ids"),
    _c("track", "spoor", "track", "kolom in het DIN", width=22),
    _c("note", "opmerking", "note", "wat er nog moet gebeuren", width=30),
)
OWNERS = (
    _c("id", "id", "id", "uniek binnen het programma", required=True, width=16),
    _c("name", "naam", "name", "functie of organisatie, geen persoonsnamen", required=True, width=30),
    _c("type", "type", "type", "persoon, team, afdeling, partner, bestuurder, programma", "enum", width=12),
    _c(
        "hours_per_week",
        "uren per week",
        "hours per week",
        "getal, bereik (4-8) of tekst (fulltime)",
        "hours",
        width=10,
    ),
    _c("aliases", "andere namen", "aliases", "andere namen in de bron, één per regel", "lines", width=24),
    _c("note", "opmerking", "note", "opmerking", width=30),
)
INDICATORS = (
    _c("goal", "doel", "goal", "id van het operationele doel", required=True, width=8),
    _c("id", "id", "id", "optioneel, om naar te verwijzen", width=8),
    _c("name", "indicator", "indicator", "wat er gemeten wordt", required=True, width=45),
    _c("unit", "eenheid", "unit", "m2, %, aantal ...", width=10),
    _c("baseline_value", "peilwaarde", "baseline", "waarde in het peiljaar", "value", width=10),
    _c("baseline_year", "peiljaar", "baseline year", "jaar van de peilwaarde", "int", width=9),
    _c("source", "bron", "source", "waar de cijfers vandaan komen", width=20),
    _c("better", "beter", "better", "hoger of lager", "enum", width=8),
    _c("note", "opmerking", "note", "opmerking", width=30),
)
BUDGET = (
    _c("label", "omschrijving", "label", "waar het geld voor is", required=True, width=40),
    _c("year", "jaar", "year", "jaar, leeg voor een eenmalig bedrag", "int", width=8),
    _c("amount", "bedrag", "amount", "euro", "number", required=True, width=12),
    _c("note", "opmerking", "note", "opmerking", width=40),
)
RELATIONS = (
    _c("programme", "programma", "programme", "naam of id van het verwante programma", required=True, width=30),
    _c("topics", "onderwerpen", "topics", "gedeelde onderwerpen, één per regel", "lines", width=40),
    _c("evidence", "bewijs", "evidence", "citaat of plaats in de bron", width=50),
)
#: Programma sheet: (field path, Dutch label, kind).
PROGRAMME_FIELDS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("id",), "id", "text"),
    (("name",), "naam", "text"),
    (("municipality",), "gemeente", "text"),
    (("period", "start"), "periode start", "int"),
    (("period", "end"), "periode eind", "int"),
    (("sponsors", "political"), "bestuurlijk opdrachtgever", "text"),
    (("sponsors", "administrative"), "ambtelijk opdrachtgever", "text"),
    (("manager",), "programmamanager", "text"),
    (("vision", "text"), "visie", "text"),
    (("source", "title"), "bron titel", "text"),
    (("source", "document"), "bron document", "text"),
    (("source", "lines"), "bron regels", "ints"),
    (("source", "date"), "bron datum", "text"),
    (("notes",), "opmerkingen", "text"),
    (("level_names", "vision"), "niveaunaam visie", "text"),
    (("level_names", "strategic_goal"), "niveaunaam strategisch doel", "text"),
    (("level_names", "operational_goal"), "niveaunaam operationeel doel", "text"),
    (("level_names", "track"), "niveaunaam spoor", "text"),
    (("level_names", "effort"), "niveaunaam inspanning", "text"),
    (("participation_ladder",), "participatieladder", "texts"),
)
SHEETS: dict[str, tuple[Column, ...]] = {
    "Doelen": GOALS,
    "Indicatoren": INDICATORS,
    "Inspanningen": EFFORTS,
    "PM": PLACEHOLDERS,
    "Eigenaren": OWNERS,
    "Budget": BUDGET,
    "Relaties": RELATIONS,
}
REQUIRED_SHEETS = ("Programma", "Doelen", "Inspanningen")
_LEVELS = {
    "strategisch": "strategic_goal",
    "operationeel": "operational_goal",
    "strategic": "strategic_goal",
    "operational": "operational_goal",
    "strategic_goal": "strategic_goal",
    "operational_goal": "operational_goal",
}
_ENUMS: dict[str, Any] = {
    "kind": EffortKind,
    "role": Role,
    "type": OwnerType,
    "phase": EffortPhase,
    "municipal_role": MunicipalRole,
    "municipal_mode": MunicipalMode,
}
_TARGET = re.compile(r"^(streef|streefwaarde|target)\s+(.+)$", re.IGNORECASE)
_ACTUAL = re.compile(r"^(realisatie|gemeten|actual)\s+(.+)$", re.IGNORECASE)
_EMPTY_TEXT = '""'  # an empty text value (a target written as "") in a cell that would otherwise be empty
FLOAT_FORMAT = "0.0###"


# --------------------------------------------------------------------------- cell encoding


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _lines_cell(items: Iterable[str]) -> str | None:
    values = list(items)
    if not values:
        return None
    if any("\n" in v or "\r" in v for v in values) or values == [""] or values[0].startswith('["'):
        return json.dumps(values, ensure_ascii=False)  # lossless when an item holds a line break
    return "\n".join(values)


def _read_lines(text: str) -> list[str]:
    if text.startswith('["'):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError:
            loaded = None
        if isinstance(loaded, list) and all(isinstance(x, str) for x in loaded):
            return loaded
    return text.replace("\r\n", "\n").split("\n")


def _hours_cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        return f"{_number_text(value['low'])}-{_number_text(value['high'])}"
    if isinstance(value, str):
        return value  # a range, serialised by the model as "4-8"
    return float(value)


def _year_map_cell(mapping: dict[Any, Any]) -> str | None:
    if not mapping:
        return None
    return "\n".join(f"{year}: {_number_text(amount)}" for year, amount in mapping.items())


def _enum_cell(name: str, value: Any) -> str | None:
    if value is None:
        return None
    return str(_ENUMS[name](value).dutch)


# --------------------------------------------------------------------------- writing


def _programme_rows(data: dict[str, Any]) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for path, label, kind in PROGRAMME_FIELDS:
        value: Any = data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if kind in ("ints", "texts") and value:
            value = LIST_SEPARATOR.join(str(v) for v in value)
        elif kind in ("ints", "texts"):
            value = None
        rows.append((label, value))
    return rows


def _cell_value(column: Column, item: dict[str, Any]) -> Any:
    value = item.get(column.field)
    if column.kind == "ids":
        return LIST_SEPARATOR.join(str(v) for v in value) if value else None
    if column.kind == "lines":
        return _lines_cell(value or ())
    if column.kind == "enum":
        if column.field == "level":
            return value
        if column.field == "better":
            return {"higher": "hoger", "lower": "lager"}.get(str(value), value)
        return _enum_cell(column.field, value)
    if column.kind == "hours":
        return _hours_cell(value)
    if column.kind == "year_map":
        return _year_map_cell(value or {})
    return value


def _sheet_rows(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    goals = [{**g, "level": "strategisch"} for g in data["strategic_goals"]]
    goals += [{**g, "level": "operationeel"} for g in data["operational_goals"]]
    indicators = []
    for goal in data["operational_goals"]:
        for ind in goal["indicators"]:
            base = ind.get("baseline") or {}
            indicators.append(
                {
                    **ind,
                    "goal": goal["id"],
                    "baseline_value": base.get("value"),
                    "baseline_year": base.get("year"),
                    "_has_baseline": ind.get("baseline") is not None,
                }
            )
    return {
        "Doelen": goals,
        "Indicatoren": indicators,
        "Inspanningen": data["efforts"],
        "PM": data["placeholders"],
        "Eigenaren": data["owners"],
        "Budget": data["budget"],
        "Relaties": data["related_programmes"],
    }


def _year_columns(indicators: list[dict[str, Any]], part: str) -> list[int | str]:
    keys: list[int | str] = []
    for ind in indicators:
        for key in ind.get(part) or {}:
            if key not in keys:
                keys.append(key)
    return sorted(keys, key=lambda k: (not isinstance(k, int), str(k) if not isinstance(k, int) else f"{k:06d}"))


class _CellError(Exception):
    def __init__(self, cell: Any, text: str) -> None:
        super().__init__(text)
        self.where = f"{cell.parent.title}!{cell.coordinate}"
        self.text = text


def _set(cell: Any, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, str):
        from openpyxl.utils.exceptions import IllegalCharacterError

        try:
            cell.value = value
        except IllegalCharacterError:
            raise _CellError(cell, value) from None
        cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value
        if isinstance(value, float) and value.is_integer():
            cell.number_format = FLOAT_FORMAT  # 2.0 stays a float, 2 an integer


def write_workbook(programme: Programme, path: str | Path) -> Path:
    """Write a programme as a Dutch workbook (see the module for the sheets)."""
    try:
        book = _workbook(programme)
    except _CellError as err:
        shown = repr(err.text if len(err.text) <= 60 else err.text[:57] + "...")
        raise DinFileError(
            str(path),
            f"cannot write {err.where}: {shown} holds a control character, which Excel cannot store; "
            "remove it from the programme first",
        ) from None
    return _write_book(book, path)


def _write_book(book: Any, path: str | Path) -> Path:
    try:
        data = workbook_bytes(book)
    except OSError as exc:  # openpyxl spools each sheet through a temporary file
        raise DinFileError(str(path), f"cannot write: {exc.strerror or exc}") from None
    return write_file(path, data)


def workbook_bytes(book: Any) -> bytes:
    """The bytes of an openpyxl workbook, the same for the same workbook whatever the clock.

    openpyxl stamps the time of saving into ``docProps/core.xml`` and into every
    zip entry; here the core properties record ``SOURCE_DATE_EPOCH`` as the
    creation and modification date, or no date when it is unset, and every entry
    carries that date (or the zip format's first day, 1980-01-01).
    """
    import io
    import zipfile

    saved = io.BytesIO()
    book.save(saved)
    when = source_date()
    stamp = (1980, 1, 1, 0, 0, 0)
    if when is not None and when.year >= 1980:
        stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "docProps/core.xml":
                data = _core_dates(data, when)
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16  # what zipfile gives every written entry
            target.writestr(fixed, data)
    return out.getvalue()


_CORE_DATE = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def _core_dates(xml: bytes, when: dt.datetime | None) -> bytes:
    if when is None:
        return _CORE_DATE.sub(b"", xml)
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _CORE_DATE.sub(lambda m: b'<dcterms:%s xsi:type="dcterms:W3CDTF">%s</dcterms:%s>' % (m[1], iso, m[1]), xml)


def _workbook(programme: Programme) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    data = programme.model_dump(mode="python", by_alias=False)
    book = Workbook()
    sheet = book.active
    sheet.title = "Programma"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="D9E7F5")
    sheet.append(["veld", "waarde"])
    for label, value in _programme_rows(data):
        sheet.append([label])
        _set(sheet.cell(sheet.max_row, 2), value)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 80
    rows = _sheet_rows(data)
    indicators = rows["Indicatoren"]
    target_years = _year_columns(indicators, "targets")
    actual_years = _year_columns(indicators, "actuals")
    for name, columns in SHEETS.items():
        items = rows[name]
        if name in {"Budget", "Relaties"} and not items:
            continue
        ws = book.create_sheet(name)
        headers = [c.header for c in columns]
        if name == "Indicatoren":
            headers += [f"streef {y}" for y in target_years] + [f"realisatie {y}" for y in actual_years]
        ws.append(headers)
        for row, item in enumerate(items, 2):
            for i, column in enumerate(columns, 1):
                value = _cell_value(column, item)
                if name == "Indicatoren" and column.field in {"baseline_value", "baseline_year"}:
                    if not item["_has_baseline"]:
                        value = None
                    elif column.field == "baseline_value" and value is None and item["baseline_year"] is None:
                        value = _EMPTY_TEXT + "baseline"  # a baseline block without value or year
                _set(ws.cell(row, i), _value_out(value) if column.kind == "value" else value)
            if name == "Indicatoren":
                offset = len(columns) + 1
                for j, year in enumerate(target_years):
                    _set(ws.cell(row, offset + j), _value_out(item["targets"].get(year, _MISSING)))
                offset += len(target_years)
                for j, year in enumerate(actual_years):
                    _set(ws.cell(row, offset + j), _value_out(item["actuals"].get(year, _MISSING)))
        widths = [c.width for c in columns]
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = width
        for cell in ws[1]:
            cell.font = bold
            cell.fill = head_fill
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    _explain(book)
    return book


class _Missing:
    pass


_MISSING = _Missing()


def _value_out(value: Any) -> Any:
    # Targets and actuals: numbers stay numbers, text stays text, an empty text is written visibly.
    if isinstance(value, _Missing) or value is None:
        return None
    if value == "":
        return _EMPTY_TEXT
    return value


def _explain(book: Any) -> None:
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet("Toelichting")
    ws.append(["blad", "kolom", "betekenis"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.append(["Programma", "veld / waarde", "gegevens van het programma; periode in jaren; bron regels als 1, 790"])
    for name, columns in SHEETS.items():
        for column in columns:
            ws.append([name, column.header, column.help])
    ws.append(
        ["Indicatoren", "streef <jaar>", "streefwaarde per jaar; 'streef onbekend' als het jaar in de bron ontbreekt"]
    )
    ws.append(["Indicatoren", "realisatie <jaar>", "gemeten waarde per jaar"])
    ws.append(["", "", "Lijsten (partners, gebieden, criteria) één per regel (Alt+Enter); ids komma-gescheiden."])
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 20
    ws.column_dimensions["C"].width = 90
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


# --------------------------------------------------------------------------- reading


@dataclass
class _Where:
    """Where each model path was read: (sheet, row, column letter)."""

    file: str
    places: dict[Path_, tuple[str, int, str]] = field(default_factory=dict)

    def problem(
        self, path: Path_, ident: str | None, message: str, severity: str = "error", code: str = "invalid"
    ) -> Problem:
        for end in range(len(path), -1, -1):
            place = self.places.get(tuple(path[:end]))
            if place is not None:
                sheet, row, column = place
                return Problem(f"{self.file}:{sheet}", row, ident, f"column {column}: {message}", severity, code)  # type: ignore[arg-type]
        return Problem(self.file, None, ident, message, severity, code)  # type: ignore[arg-type]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text if text.strip() else (text or None)


def _header_map(
    ws: Any, columns: tuple[Column, ...], file: str, problems: list[Problem]
) -> tuple[dict[str, int], dict[int, str]]:
    headers: dict[str, int] = {}
    extra: dict[int, str] = {}
    names = {c.header.casefold(): c.field for c in columns} | {c.english.casefold(): c.field for c in columns}
    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    for i, value in enumerate(first, 1):
        title = _text(value)
        if title is None:
            continue
        key = names.get(" ".join(title.split()).casefold())
        if key is not None:
            headers.setdefault(key, i)
        else:
            extra[i] = title
    for column in columns:
        if column.required and column.field not in headers:
            problems.append(
                Problem(f"{file}:{ws.title}", 1, None, f"the sheet has no column {column.header!r} ({column.english})")
            )
    return headers, extra


def _formula_problem(file: str, sheet: str, cell: Any) -> Problem:
    return Problem(
        f"{file}:{sheet}",
        cell.row,
        None,
        f"column {cell.column_letter}: a formula without a computed value; open and save the workbook in Excel first",
    )


def _convert(column: Column, raw: Any, where: tuple[str, int, str], file: str, problems: list[Problem]) -> Any:
    sheet, row, letter = where
    if raw is None:
        return None
    if column.kind == "ids":
        text = _text(raw) or ""
        return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
    if column.kind == "lines":
        lines = _text(raw)
        return _read_lines(lines) if lines is not None else []
    if column.kind == "year_map":
        out: dict[int, float] = {}
        for line in (_text(raw) or "").splitlines():
            if not line.strip():
                continue
            year, _, amount = line.partition(":")
            try:
                out[int(year.strip())] = float(amount.strip().replace(",", "."))
            except ValueError:
                problems.append(
                    Problem(f"{file}:{sheet}", row, None, f"column {letter}: {line!r} is not 'jaar: bedrag'")
                )
        return out
    if column.kind == "hours":
        return raw if isinstance(raw, int | float) else _text(raw)
    if column.kind in {"int", "number"}:
        return raw if isinstance(raw, int | float) and not isinstance(raw, bool) else _text(raw)
    if column.kind == "value":
        return raw
    if column.kind == "enum" and column.field == "level":
        text = (_text(raw) or "").strip().casefold()
        level = _LEVELS.get(text)
        if level is None:
            problems.append(
                Problem(
                    f"{file}:{sheet}",
                    row,
                    None,
                    f"column {letter}: niveau {raw!r} is neither strategisch nor operationeel",
                )
            )
        return level
    return _text(raw)


def _typed(cell: Any) -> Any:
    """A cell's value, with a whole number in a decimal format read as the float it was written as."""
    value = cell.value
    if isinstance(value, int) and not isinstance(value, bool) and "." in str(cell.number_format):
        return float(value)
    return value


def _year_key(text: str) -> int | str:
    text = text.strip()
    return int(text) if text.isdigit() else text


def _value_in(raw: Any) -> Any:
    if raw is None:
        return _MISSING
    if isinstance(raw, str) and raw == _EMPTY_TEXT:
        return ""
    if isinstance(raw, bool):
        return str(raw).lower()
    return raw


def read_workbook(path: str | Path, shown: str | None = None) -> tuple[Programme | None, list[Problem]]:
    """Read a workbook written by :func:`write_workbook` (or filled in from the template)."""
    from openpyxl import load_workbook

    file = shown or str(path)
    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise DinFileError(file, f"is not an Excel workbook din_graph can read ({type(exc).__name__})") from None
    missing = [s for s in REQUIRED_SHEETS if s not in book.sheetnames]
    if missing:
        raise DinFileError(
            file,
            f"is not a din_graph workbook: no sheet {', '.join(repr(m) for m in missing)} "
            f"(expected {', '.join(REQUIRED_SHEETS)}; `din template` writes one)",
        )
    formulas = _formula_book(path)
    problems: list[Problem] = []
    where = _Where(file)
    data: dict[str, Any] = {}
    # Programma
    ws = book["Programma"]
    labels = {label: (path_, kind) for path_, label, kind in PROGRAMME_FIELDS}
    for row in ws.iter_rows(min_row=2):
        label_cell, value_cell = row[0], row[1] if len(row) > 1 else None
        label = _text(label_cell.value)
        if label is None:
            continue
        spec = labels.get(" ".join(label.split()).casefold())
        if spec is None:
            problems.append(Problem(f"{file}:Programma", label_cell.row, None, f"column A: unknown field {label!r}"))
            continue
        field_path, kind = spec
        if value_cell is None or value_cell.value is None:
            if value_cell is not None and _is_formula(formulas, "Programma", value_cell):
                problems.append(_formula_problem(file, "Programma", value_cell))
            continue
        value: Any = value_cell.value
        if kind == "ints":
            try:
                value = [int(v) for v in re.split(r"[,;\s]+", str(value).strip()) if v]
            except ValueError:
                problems.append(
                    Problem(f"{file}:Programma", value_cell.row, None, f"column B: {value!r} is not a list of numbers")
                )
                continue
        elif kind == "texts":
            value = [part.strip() for part in str(value).split(",") if part.strip()]
        elif kind == "text":
            value = _text(value)
        target = data
        for step in field_path[:-1]:
            target = target.setdefault(step, {})
        target[field_path[-1]] = value
        where.places[field_path] = ("Programma", value_cell.row, "B")
    # the other sheets
    collections: dict[str, list[Any]] = {
        "strategic_goals": [],
        "operational_goals": [],
        "efforts": [],
        "placeholders": [],
        "owners": [],
        "budget": [],
        "related_programmes": [],
    }
    data.update(collections)
    goal_rows: dict[str, int] = {}
    for name, columns in SHEETS.items():
        if name not in book.sheetnames:
            continue
        ws = book[name]
        headers, extra = _header_map(ws, columns, file, problems)
        years = dict(extra)
        for cells in ws.iter_rows(min_row=2):
            values = {c.column: c for c in cells}
            if all(c.value is None for c in cells):
                if any(_is_formula(formulas, name, c) for c in cells):
                    problems.extend(_formula_problem(file, name, c) for c in cells if _is_formula(formulas, name, c))
                continue
            row = cells[0].row
            item: dict[str, Any] = {}
            places: dict[str, tuple[str, int, str]] = {}
            for column in columns:
                index = headers.get(column.field)
                if index is None or index not in values:
                    continue
                cell = values[index]
                if cell.value is None and _is_formula(formulas, name, cell):
                    problems.append(_formula_problem(file, name, cell))
                    continue
                place = (name, row, cell.column_letter)
                converted = _convert(column, _typed(cell), place, file, problems)
                if converted is not None:
                    item[column.field] = converted
                places[column.field] = place
            if name == "Indicatoren":
                targets: dict[Any, Any] = {}
                actuals: dict[Any, Any] = {}
                for index, title in years.items():
                    cell = values.get(index)
                    if cell is None:
                        continue
                    raw = _value_in(_typed(cell))
                    if isinstance(raw, _Missing):
                        if _is_formula(formulas, name, cell):
                            problems.append(_formula_problem(file, name, cell))
                        continue
                    match_target, match_actual = _TARGET.match(title), _ACTUAL.match(title)
                    if match_target:
                        key = _year_key(match_target.group(2))
                        targets[key] = raw
                        places[f"targets/{key}"] = (name, row, cell.column_letter)
                    elif match_actual:
                        key = _year_key(match_actual.group(2))
                        actuals[key] = raw
                        places[f"actuals/{key}"] = (name, row, cell.column_letter)
                item["targets"], item["actuals"] = targets, actuals
            _place_item(name, item, places, data, where, goal_rows, row, file, problems)
    return _validated(data, where, problems)


def _formula_book(path: str | Path) -> Any:
    """The workbook with formulas as text, or ``None`` when no sheet holds a formula (the usual case).

    The values are read with ``data_only``; formulas are needed only to tell an
    empty cell from a formula Excel never computed, so the second read is skipped
    when the sheets' XML has no formula element.
    """
    import zipfile

    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if not any(re.search(rb"<(?:\w+:)?f[ >/]", archive.read(name)) for name in sheets):
            return None
    return load_workbook(path, data_only=False)


def _is_formula(formulas: Any, sheet: str, cell: Any) -> bool:
    if formulas is None:
        return False
    raw = formulas[sheet].cell(cell.row, cell.column).value
    return isinstance(raw, str) and raw.startswith("=")


def _place_item(
    name: str,
    item: dict[str, Any],
    places: dict[str, tuple[str, int, str]],
    data: dict[str, Any],
    where: _Where,
    goal_rows: dict[str, int],
    row: int,
    file: str,
    problems: list[Problem],
) -> None:
    def record(path: Path_) -> None:
        where.places[path] = (name, row, "A")
        for key, place in places.items():
            where.places[(*path, *key.split("/"))] = place
            if key.startswith(("targets/", "actuals/")):
                part, _, year = key.partition("/")
                where.places[(*path, part, _year_key(year))] = place

    if name == "Doelen":
        level = item.pop("level", None)
        if level is None:
            if "level" not in places:
                problems.append(
                    Problem(f"{file}:Doelen", row, item.get("id"), "no niveau (strategisch or operationeel)")
                )
            return
        collection = "strategic_goals" if level == "strategic_goal" else "operational_goals"
        if level == "strategic_goal":
            item.pop("contributes_to", None)
        else:
            item.setdefault("indicators", [])
        data[collection].append(item)
        record((collection, len(data[collection]) - 1))
        if isinstance(item.get("id"), str):
            goal_rows.setdefault(item["id"], row)
        return
    if name == "Indicatoren":
        goal_id = item.pop("goal", None)
        goal = next((g for g in data["operational_goals"] if g.get("id") == goal_id), None)
        if goal is None:
            problems.append(
                Problem(
                    f"{file}:Indicatoren", row, goal_id, f"column A: no operational goal {goal_id!r} in sheet Doelen"
                )
            )
            return
        value, year = item.pop("baseline_value", None), item.pop("baseline_year", None)
        if value == _EMPTY_TEXT + "baseline":
            item["baseline"] = {}
        elif value is not None or year is not None:
            item["baseline"] = {"value": "" if value == _EMPTY_TEXT else value, "year": year}
        if "better" in item:
            item["better"] = {"hoger": "higher", "lager": "lower"}.get(str(item["better"]).casefold(), item["better"])
        goal["indicators"].append(item)
        index = data["operational_goals"].index(goal)
        record(("operational_goals", index, "indicators", len(goal["indicators"]) - 1))
        return
    collection = {
        "Inspanningen": "efforts",
        "PM": "placeholders",
        "Eigenaren": "owners",
        "Budget": "budget",
        "Relaties": "related_programmes",
    }[name]
    data[collection].append(item)
    record((collection, len(data[collection]) - 1))


def _validated(data: dict[str, Any], where: _Where, problems: list[Problem]) -> tuple[Programme | None, list[Problem]]:
    from din_graph._validate import standalone_issues

    if problems:
        return None, problems
    try:
        programme = Programme.model_validate(data)
    except ValidationError as err:
        for error in err.errors():
            loc = tuple(error["loc"])
            ident = _ident(data, loc)
            problems.append(where.problem(loc, ident, error["msg"], code=str(error["type"])))
        return None, problems
    problems.extend(_issue_problem(where, issue) for issue in standalone_issues(programme))
    return programme, problems


def _ident(data: dict[str, Any], loc: Path_) -> str | None:
    current: Any = data
    ident = data.get("id") if isinstance(data.get("id"), str) else None
    for step in loc:
        try:
            current = current[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(current, dict) and isinstance(current.get("id"), str):
            ident = current["id"]
    return ident


def _issue_problem(where: _Where, issue: Issue) -> Problem:
    return where.problem(issue.path, issue.id, issue.message, issue.severity, issue.code)


# --------------------------------------------------------------------------- template


def write_template(path: str | Path) -> Path:
    """An empty, documented Dutch workbook with drop-down lists and one example row per sheet."""
    from openpyxl.worksheet.datavalidation import DataValidation

    example = Programme.model_validate(
        {
            "id": "mijn-programma",
            "name": "Naam van het programma",
            "municipality": "Gemeente",
            "period": {"start": 2025, "end": 2028},
            "manager": "Programmamanager",
            "vision": "De visie in één of twee zinnen.",
            "strategic_goals": [{"id": "S1", "title": "Strategische doelstelling"}],
            "operational_goals": [
                {
                    "id": "O1",
                    "title": "In 2028 is ... (SMART: specifiek, meetbaar, tijdgebonden)",
                    "contributes_to": ["S1"],
                    "indicators": [
                        {
                            "name": "Wat er gemeten wordt",
                            "unit": "aantal",
                            "baseline": {"value": 0, "year": 2024},
                            "targets": {2026: 50, 2028: 100},
                            "source": "Gemeente",
                        }
                    ],
                }
            ],
            "efforts": [
                {
                    "id": "E1",
                    "title": "Voorbeeldinspanning",
                    "contributes_to": ["O1"],
                    "kind": "project",
                    "role": "regie",
                    "owner": "team-voorbeeld",
                    "track": "Spoor 1",
                }
            ],
            "owners": [{"id": "team-voorbeeld", "name": "Team Voorbeeld", "type": "team"}],
            "placeholders": [{"id": "PM1", "contributes_to": ["O1"], "track": "Spoor 1"}],
        }
    )
    book = _workbook(example)
    lists: dict[tuple[str, str], list[str]] = {
        ("Doelen", "niveau"): ["strategisch", "operationeel"],
        ("Inspanningen", "soort"): [k.dutch for k in EffortKind],
        ("Inspanningen", "rol"): [r.dutch for r in Role],
        ("Inspanningen", "fase"): [p.dutch for p in EffortPhase],
        ("Doelen", "rol gemeente"): [r.dutch for r in MunicipalRole],
        ("Doelen", "sturing gemeente"): [m.dutch for m in MunicipalMode],
        ("Eigenaren", "type"): [t.dutch for t in OwnerType],
        ("Indicatoren", "beter"): ["hoger", "lager"],
    }
    for (sheet, header), options in lists.items():
        ws = book[sheet]
        for cell in ws[1]:
            if cell.value == header:
                check = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
                check.error = f"Kies uit: {', '.join(options)}"
                check.prompt = ", ".join(options)
                ws.add_data_validation(check)
                check.add(f"{cell.column_letter}2:{cell.column_letter}1000")
    return _write_book(book, path)


def template_yaml() -> str:
    """A documented YAML template in Dutch (keys as the authoring format's Dutch aliases)."""
    return _TEMPLATE_YAML


_TEMPLATE_YAML = """\
# Sjabloon voor een Doelen-Inspanningen-Netwerk (DIN). Vul in, en controleer met:
#   din validate dit-bestand.yaml
# Sleutels mogen Nederlands of Engels zijn (docs/format.md noemt ze allemaal).

programma:
  id: mijn-programma            # uniek, kleine letters en streepjes
  naam: Naam van het programma
  gemeente: Gemeente
  periode: {start: 2025, eind: 2028}
  programmamanager: Programmamanager   # functie, geen persoonsnaam

visie: De visie in één of twee zinnen.

strategische_doelen:
  - id: S1
    titel: Strategische doelstelling

operationele_doelen:
  - id: O1
    titel: In 2028 is ... (SMART)
    draagt_bij_aan: [S1]
    indicatoren:
      - naam: Wat er gemeten wordt
        eenheid: aantal
        peilwaarde: {waarde: 0, jaar: 2024}
        streefwaarden: {2026: 50, 2028: 100}
        bron: Gemeente

inspanningen:
  - id: E1
    titel: Voorbeeldinspanning
    draagt_bij_aan: [O1]        # leeg laten maakt haar een wees
    soort: project              # project, activiteit, lijnactiviteit, onderzoek
    rol: regie                  # regie, lijn, afstemming, partner, inwoners, onbekend
    trekker: team-voorbeeld
    spoor: Spoor 1

eigenaren:
  - id: team-voorbeeld
    naam: Team Voorbeeld
    type: team                  # persoon, team, afdeling, partner, bestuurder, programma

pm:
  - id: PM1
    draagt_bij_aan: [O1]
    spoor: Spoor 1
"""
