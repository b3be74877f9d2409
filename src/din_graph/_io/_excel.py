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
from typing import Any, NamedTuple

from pydantic import ValidationError

from din_graph._errors import DinFileError, Problem
from din_graph._model import EffortKind, EffortPhase, MunicipalMode, MunicipalRole, OwnerType, Programme, Role
from din_graph._output import source_date, write_file
from din_graph._validate import Issue

from . import _limits

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


#: Characters XML 1.0 cannot hold that openpyxl's own check lets through (found by tests/test_fuzz.py).
_NOT_XML = re.compile("[\ufffe\uffff]")


#: Excel's own escape of a character in cell text (ST_Xstring): ``_x000D_`` is a carriage return.
_OOXML_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")


def _escape_ooxml(text: str) -> str:
    """Text as Excel writes it: a carriage return (which XML would read back as a line feed) as
    ``_x000D_``, and text that already looks like such an escape with its underscore escaped."""
    if "\r" not in text and "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: "_x005F" + m.group(0), text).replace("\r", "_x000D_")


def _unescape_ooxml(text: str) -> str:
    """Cell text as Excel shows it: ``_x000D_`` is a carriage return, ``_x005F_`` an underscore."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(0)[2:6], 16)), text)


def _set(cell: Any, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, str):
        from openpyxl.utils.exceptions import IllegalCharacterError

        try:
            cell.value = _escape_ooxml(value)
        except IllegalCharacterError:
            raise _CellError(cell, value) from None
        if _NOT_XML.search(value):  # openpyxl would write them, and no reader could open the workbook
            raise _CellError(cell, value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value
        if isinstance(value, int | float) and not isinstance(value, bool):
            # openpyxl writes a number with 16 significant digits; a float may need 17, an int more.
            # Its exact text keeps it as written (tests/test_fuzz.py found 140641710.73921967 cut short).
            cell.value = repr(value) if isinstance(value, float) else str(value)
            cell.data_type = "n"
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


@dataclass(frozen=True, slots=True)
class _Cell:
    """A non-empty cell as read: its place and value (openpyxl's own cells stay in the reader)."""

    sheet: str
    row: int
    column: int
    value: Any
    number_format: str

    @property
    def column_letter(self) -> str:
        from openpyxl.utils import get_column_letter

        return str(get_column_letter(self.column))

    @property
    def coordinate(self) -> str:
        return f"{self.column_letter}{self.row}"


@dataclass
class _Sheet:
    """The non-empty cells of one sheet, by row and column, rows in sheet order."""

    title: str
    rows: dict[int, dict[int, _Cell]]


_MB = 1024 * 1024
#: Parts smaller than this unpacked are not held to the compression ratio (tiny XML packs oddly well).
_RATIO_FLOOR = _MB


def _check_archive(raw: bytes, file: str) -> None:
    """Refuse a workbook that would unpack too large, from the sizes its archive declares.

    Python's zipfile never unpacks a part beyond its declared size (it stops and
    reports a damaged archive), so checking the declared sizes bounds what is read.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise DinFileError(file, "is not an Excel workbook din_graph can read (not a ZIP archive)") from None
    total = sum(part.file_size for part in parts)
    if total > _limits.XLSX_UNCOMPRESSED_MB.value() * _MB:
        raise _limits.XLSX_UNCOMPRESSED_MB.error(file, f"the workbook unpacks to {total / _MB:.1f} MB")
    ratio = _limits.XLSX_RATIO.value()
    for part in parts:
        grows = part.file_size / max(part.compress_size, 1)
        if part.file_size > _RATIO_FLOOR and grows > ratio:
            raise _limits.XLSX_RATIO.error(file, f"part {part.filename!r} grows {grows:.0f} times when unpacked")


def _open_book(raw: bytes, file: str, *, data_only: bool) -> Any:
    import io

    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise DinFileError(file, f"is not an Excel workbook din_graph can read ({type(exc).__name__})") from None


def _read_sheet(ws: Any, file: str) -> _Sheet:
    """The non-empty cells of a sheet, refusing it as soon as it goes over a limit.

    The sheet is streamed, so a sheet that inflates to a million rows stops at the
    row limit instead of being read whole first.
    """
    max_rows = int(_limits.SHEET_ROWS.value())
    max_columns = int(_limits.SHEET_COLUMNS.value())
    max_chars = int(_limits.CELL_CHARS.value())
    place = f"{file}:{ws.title}"
    # The dimension a sheet declares may be a lie (A1:XFD1048576); without it, rows are not padded.
    ws.reset_dimensions()
    rows: dict[int, dict[int, _Cell]] = {}
    number = 0
    try:
        for number, cells in enumerate(ws.iter_rows(), 1):
            if number > max_rows:
                raise _limits.SHEET_ROWS.error(place, f"the sheet has more than {max_rows} rows", line=number)
            if len(cells) > max_columns:
                found = f"row {number} reaches column {len(cells)}"
                raise _limits.SHEET_COLUMNS.error(place, found, line=number)
            found_cells: dict[int, _Cell] = {}
            for cell in cells:
                value = cell.value
                if value is None:
                    continue
                if isinstance(value, str) and len(value) > max_chars:
                    found = f"cell {cell.coordinate} holds {len(value)} characters"
                    raise _limits.CELL_CHARS.error(place, found, line=cell.row)
                if isinstance(value, str):
                    value = _unescape_ooxml(value)
                found_cells[cell.column] = _Cell(ws.title, cell.row, cell.column, value, str(cell.number_format))
            if found_cells:
                rows[number] = found_cells
    except DinFileError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged sheet
        raise DinFileError(
            place, f"the sheet cannot be read ({type(exc).__name__}); the workbook is damaged", line=number + 1
        ) from None
    return _Sheet(ws.title, rows)


def _shorten(value: Any, width: int = 40) -> str:
    text = str(value)
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def _nearest(word: str, known: Iterable[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, sorted(set(known)), n=1, cutoff=0.6)
    return match[0] if match else None


def _header_map(
    sheet: _Sheet, columns: tuple[Column, ...], file: str, problems: list[Problem]
) -> tuple[dict[str, int], dict[int, str], set[int]]:
    """Which column holds which field; the year columns of Indicatoren; every column with a header.

    A header the sheet does not know, or one given twice, is an error: its column
    would otherwise be dropped without a word.
    """
    headers: dict[str, int] = {}
    extra: dict[int, str] = {}
    titled: set[int] = set()
    seen: dict[str, str] = {}
    names = {c.header.casefold(): c.field for c in columns} | {c.english.casefold(): c.field for c in columns}
    years = sheet.title == "Indicatoren"
    where = f"{file}:{sheet.title}"
    for index, cell in sorted(sheet.rows.get(1, {}).items()):
        title = " ".join((_text(cell.value) or "").split())
        if not title:
            continue
        titled.add(index)
        normal = title.casefold()
        if normal in seen:
            problems.append(
                Problem(where, 1, None, f"cell {cell.coordinate}: column {title!r} appears twice (also {seen[normal]})")
            )
            continue
        seen[normal] = f"column {cell.column_letter}"
        key = names.get(normal)
        if key is not None and key in headers:
            problems.append(
                Problem(where, 1, None, f"cell {cell.coordinate}: column {title!r} gives {key!r} a second time")
            )
        elif key is not None:
            headers[key] = index
        elif years and (_TARGET.match(title) or _ACTUAL.match(title)):
            extra[index] = title
        else:
            problems.append(
                Problem(where, 1, None, f"cell {cell.coordinate}: {_unknown_column(title, columns, years=years)}")
            )
    for column in columns:
        if column.required and column.field not in headers:
            problems.append(Problem(where, 1, None, f"the sheet has no column {column.header!r} ({column.english})"))
    return headers, extra, titled


def _unknown_column(title: str, columns: tuple[Column, ...], *, years: bool) -> str:
    known = [c.header for c in columns]
    year_words = ("streef <jaar>", "realisatie <jaar>") if years else ()
    nearest = _nearest(title.casefold(), [*known, *(c.english for c in columns), *year_words])
    if nearest is not None:
        return f"unknown column {title!r}; did you mean {nearest!r}?"
    return f"unknown column {title!r}; the columns of this sheet are {', '.join([*known, *year_words])}"


def _formula_problem(file: str, sheet: str, row: int, column: int) -> Problem:
    from openpyxl.utils import get_column_letter

    return Problem(
        f"{file}:{sheet}",
        row,
        None,
        f"column {get_column_letter(column)}: a formula without a computed value; "
        "open and save the workbook in Excel first",
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


#: Sheets read; Toelichting (the column help the writer adds) is the one sheet deliberately ignored.
IGNORED_SHEETS = ("Toelichting",)


def read_workbook(
    path: str | Path, shown: str | None = None, *, max_bytes: int | None = None
) -> tuple[Programme | None, list[Problem]]:
    """Read a workbook written by :func:`write_workbook` (or filled in from the template).

    The file must be a regular file within the limits of docs/reliability.md (size,
    unpacked size, compression ratio, rows, columns, characters per cell); they are
    checked while reading.  A sheet, column header or cell the reader would not
    use is an error, so nothing is dropped without a word.

    Raises
    ------
    DinFileError
        The file is not a regular file, not a workbook, not a din_graph workbook, or over a limit.
    """
    from ._reader import read_regular_file

    file = shown or str(path)
    raw = read_regular_file(Path(path), file, max_bytes=max_bytes)
    _check_archive(raw, file)
    book = _open_book(raw, file, data_only=True)
    try:
        return _read_book(book, raw, file)
    finally:
        book.close()


def _read_book(book: Any, raw: bytes, file: str) -> tuple[Programme | None, list[Problem]]:
    missing = [s for s in REQUIRED_SHEETS if s not in book.sheetnames]
    if missing:
        raise DinFileError(
            file,
            f"is not a din_graph workbook: no sheet {', '.join(repr(m) for m in missing)} "
            f"(expected {', '.join(REQUIRED_SHEETS)}; `din template` writes one)",
        )
    problems: list[Problem] = _unknown_sheets(book.sheetnames, file)
    formulas = _formula_cells(raw, file, [n for n in ("Programma", *SHEETS) if n in book.sheetnames])
    where = _Where(file)
    data: dict[str, Any] = {}
    _read_programme_sheet(_read_sheet(book["Programma"], file), formulas, data, where, file, problems)
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
        sheet = _read_sheet(book[name], file)
        problems.extend(_uncomputed(formulas, sheet, file))
        headers, years, titled = _header_map(sheet, columns, file, problems)
        for row, values in sheet.rows.items():
            if row == 1:
                continue
            problems.extend(_headless_cells(values, titled, name, row, file))
            if not any(index in titled for index in values):
                continue
            read = _read_row(name, row, values, columns, headers, file, problems)
            if name == "Indicatoren":
                _year_values(values, years, read.item, read.places, name, row)
            _place_item(read, data, where, goal_rows, file, problems)
    return _validated(data, where, problems)


def _headless_cells(values: dict[int, _Cell], titled: set[int], name: str, row: int, file: str) -> list[Problem]:
    """A value in a column without a header is refused, not dropped unseen."""
    return [
        Problem(
            f"{file}:{name}",
            row,
            None,
            f"cell {cell.coordinate}: {_shorten(cell.value)} stands in a column without a header; "
            "give the column a header or move the value",
        )
        for index, cell in values.items()
        if index not in titled
    ]


def _read_row(
    name: str,
    row: int,
    values: dict[int, _Cell],
    columns: tuple[Column, ...],
    headers: dict[str, int],
    file: str,
    problems: list[Problem],
) -> _ReadRow:
    """A row's cells converted by their column, each remembered by the cell it came from."""
    item: dict[str, Any] = {}
    places: dict[str, tuple[str, int, str]] = {}
    for column in columns:
        index = headers.get(column.field)
        if index is None or index not in values:
            continue
        cell = values[index]
        place = (name, row, cell.column_letter)
        converted = _convert(column, _typed(cell), place, file, problems)
        if converted is not None:
            item[column.field] = converted
        places[column.field] = place
    return _ReadRow(name, row, item, places)


def _unknown_sheets(names: list[str], file: str) -> list[Problem]:
    known = ("Programma", *SHEETS, *IGNORED_SHEETS)
    problems = []
    for name in names:
        if name in known:
            continue
        nearest = _nearest(name, known)
        hint = f"did you mean {nearest!r}? " if nearest is not None else ""
        problems.append(
            Problem(
                file,
                None,
                None,
                f"sheet {name!r} is not a din_graph sheet; {hint}(sheets read: {', '.join(('Programma', *SHEETS))}; "
                f"{', '.join(IGNORED_SHEETS)} is ignored)",
            )
        )
    return problems


def _read_programme_sheet(
    sheet: _Sheet,
    formulas: set[tuple[str, int, int]],
    data: dict[str, Any],
    where: _Where,
    file: str,
    problems: list[Problem],
) -> None:
    labels = {label: (path_, kind) for path_, label, kind in PROGRAMME_FIELDS}
    place = f"{file}:Programma"
    problems.extend(_uncomputed(formulas, sheet, file))
    given: dict[tuple[str, ...], int] = {}
    for row, cells in sheet.rows.items():
        if row == 1:
            continue
        problems.extend(
            Problem(
                place,
                row,
                None,
                f"cell {cell.coordinate}: {_shorten(cell.value)} stands outside columns A (veld) and B (waarde)",
            )
            for index, cell in cells.items()
            if index > 2
        )
        label_cell, value_cell = cells.get(1), cells.get(2)
        if label_cell is None:
            if value_cell is not None:
                problems.append(
                    Problem(place, row, None, f"cell {value_cell.coordinate}: a value without a field in column A")
                )
            continue
        label = _text(label_cell.value) or ""
        spec = labels.get(" ".join(label.split()).casefold())
        if spec is None:
            nearest = _nearest(" ".join(label.split()).casefold(), labels)
            hint = f"; did you mean {nearest!r}?" if nearest is not None else ""
            problems.append(Problem(place, row, None, f"column A: unknown field {label!r}{hint}"))
            continue
        field_path, kind = spec
        if field_path in given:
            problems.append(
                Problem(place, row, None, f"column A: field {label!r} is given twice (also row {given[field_path]})")
            )
            continue
        given[field_path] = row
        if value_cell is None:
            continue
        value: Any = value_cell.value
        if kind == "ints":
            try:
                value = [int(v) for v in re.split(r"[,;\s]+", str(value).strip()) if v]
            except ValueError:
                problems.append(Problem(place, row, None, f"column B: {_shorten(value)} is not a list of numbers"))
                continue
        elif kind == "texts":
            value = [part.strip() for part in str(value).split(",") if part.strip()]
        elif kind == "text":
            value = _text(value)
        target = data
        for step in field_path[:-1]:
            target = target.setdefault(step, {})
        target[field_path[-1]] = value
        where.places[field_path] = ("Programma", row, "B")


def _year_values(
    values: dict[int, _Cell],
    years: dict[int, str],
    item: dict[str, Any],
    places: dict[str, tuple[str, int, str]],
    name: str,
    row: int,
) -> None:
    targets: dict[Any, Any] = {}
    actuals: dict[Any, Any] = {}
    for index, title in years.items():
        cell = values.get(index)
        if cell is None:
            continue
        raw = _value_in(_typed(cell))
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


def _formula_cells(raw: bytes, file: str, sheets: list[str]) -> set[tuple[str, int, int]]:
    """Where the sheets hold formulas: ``(sheet, row, column)``; empty when none does (the usual case).

    The values are read with ``data_only``; formulas are needed only to tell an
    empty cell from a formula Excel never computed, so the second read is skipped
    when the sheets' XML has no formula element.
    """
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        parts = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        try:
            if not any(re.search(rb"<(?:\w+:)?f[ >/]", archive.read(name)) for name in parts):
                return set()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise DinFileError(file, "is not an Excel workbook din_graph can read (a damaged part)") from None
    book = _open_book(raw, file, data_only=False)
    try:
        return {
            (name, cell.row, cell.column)
            for name in sheets
            for cells in _read_sheet(book[name], file).rows.values()
            for cell in cells.values()
            if isinstance(cell.value, str) and cell.value.startswith("=")
        }
    finally:
        book.close()


def _uncomputed(formulas: set[tuple[str, int, int]], sheet: _Sheet, file: str) -> list[Problem]:
    """A problem for each formula of the sheet that has no value Excel computed."""
    return [
        _formula_problem(file, sheet.title, row, column)
        for name, row, column in sorted(formulas)
        if name == sheet.title and column not in sheet.rows.get(row, {})
    ]


class _ReadRow(NamedTuple):
    """One sheet row as read: its fields, and the cell each field came from."""

    sheet: str
    row: int
    item: dict[str, Any]
    places: dict[str, tuple[str, int, str]]


_COLLECTIONS = {
    "Inspanningen": "efforts",
    "PM": "placeholders",
    "Eigenaren": "owners",
    "Budget": "budget",
    "Relaties": "related_programmes",
}


def _place_item(
    read: _ReadRow,
    data: dict[str, Any],
    where: _Where,
    goal_rows: dict[str, int],
    file: str,
    problems: list[Problem],
) -> None:
    """Put a read row where the model wants it, and remember its cells under the model paths."""
    if read.sheet == "Doelen":
        path = _place_goal(read, data, goal_rows, file, problems)
    elif read.sheet == "Indicatoren":
        path = _place_indicator(read, data, file, problems)
    else:
        collection = _COLLECTIONS[read.sheet]
        data[collection].append(read.item)
        path = (collection, len(data[collection]) - 1)
    if path is not None:
        _record_places(read, path, where)


def _place_goal(
    read: _ReadRow, data: dict[str, Any], goal_rows: dict[str, int], file: str, problems: list[Problem]
) -> Path_ | None:
    """A goal row goes to the strategic or operational goals, by its level."""
    item = read.item
    level = item.pop("level", None)
    if level is None:
        if "level" not in read.places:  # a level that did not convert is reported already
            problems.append(
                Problem(f"{file}:Doelen", read.row, item.get("id"), "no niveau (strategisch or operationeel)")
            )
        return None
    collection = "strategic_goals" if level == "strategic_goal" else "operational_goals"
    if level == "strategic_goal":
        item.pop("contributes_to", None)
    else:
        item.setdefault("indicators", [])
    data[collection].append(item)
    if isinstance(item.get("id"), str):
        goal_rows.setdefault(item["id"], read.row)
    return (collection, len(data[collection]) - 1)


def _place_indicator(read: _ReadRow, data: dict[str, Any], file: str, problems: list[Problem]) -> Path_ | None:
    """An indicator row goes under the operational goal its column A names."""
    item, places = read.item, read.places
    goal_id = item.pop("goal", None)
    goal = next((g for g in data["operational_goals"] if g.get("id") == goal_id), None)
    if goal is None:
        problems.append(
            Problem(
                f"{file}:Indicatoren", read.row, goal_id, f"column A: no operational goal {goal_id!r} in sheet Doelen"
            )
        )
        return None
    value, year = item.pop("baseline_value", None), item.pop("baseline_year", None)
    for part in ("value", "year"):  # so that the model's baseline.value is found in its column
        if f"baseline_{part}" in places:
            places[f"baseline/{part}"] = places[f"baseline_{part}"]
    if value == _EMPTY_TEXT + "baseline":
        item["baseline"] = {}
    elif value is not None or year is not None:
        item["baseline"] = {"value": "" if value == _EMPTY_TEXT else value, "year": year}
    if "better" in item:
        item["better"] = {"hoger": "higher", "lager": "lower"}.get(str(item["better"]).casefold(), item["better"])
    goal["indicators"].append(item)
    return ("operational_goals", data["operational_goals"].index(goal), "indicators", len(goal["indicators"]) - 1)


def _record_places(read: _ReadRow, path: Path_, where: _Where) -> None:
    """The row's cells under the model path of the item (a target's year as the model keys it)."""
    where.places[path] = (read.sheet, read.row, "A")
    for key, place in read.places.items():
        where.places[(*path, *key.split("/"))] = place
        if key.startswith(("targets/", "actuals/")):
            part, _, year = key.partition("/")
            where.places[(*path, part, _year_key(year))] = place


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
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(where.problem(loc, ident, message, code=str(error["type"])))
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
