"""Excel workbooks: round trips, hostile cells, workbooks that are not ours, the template."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import din_graph
from din_graph import DinFileError, DinValidationError, DinWarning, Programme
from din_graph._io._excel import template_yaml, write_template
from strategies import programmes

ROOT = Path(__file__).resolve().parent.parent


def round_trip(programme: Programme, folder: Path) -> Programme:
    path = folder / "p.xlsx"
    din_graph.dump(programme, path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        loaded = din_graph.load(path)
    assert isinstance(loaded, Programme)
    return loaded


@pytest.mark.parametrize("name", ["duurzaamheid", "leefbare-wijken-en-dorpen"])
def test_the_almelo_programmes_survive_excel_exactly(name: str, tmp_path: Path) -> None:
    programme = din_graph.load(ROOT / "examples" / "almelo" / f"{name}.yaml")
    assert isinstance(programme, Programme)
    assert round_trip(programme, tmp_path) == programme


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    report_multiple_bugs=False,
)
@given(programme=programmes())
def test_yaml_to_xlsx_to_yaml_keeps_everything(programme: Programme, tmp_path: Path) -> None:
    # Numbers are written with every digit they need (openpyxl alone keeps 16), so all is kept exactly.
    back = round_trip(programme, tmp_path)
    assert back == programme
    assert din_graph.dumps(back) == din_graph.dumps(programme)


def test_sheets_are_dutch_with_readable_lists(tmp_path: Path) -> None:
    programme = din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    din_graph.dump(programme, tmp_path / "d.xlsx")
    book = openpyxl.load_workbook(tmp_path / "d.xlsx")
    assert book.sheetnames[:6] == ["Programma", "Doelen", "Indicatoren", "Inspanningen", "PM", "Eigenaren"]
    efforts = book["Inspanningen"]
    header = [c.value for c in efforts[1]]
    assert header[:6] == ["id", "titel", "omschrijving", "draagt bij aan", "soort", "rol"]
    assert efforts["D2"].value == "O1a, O1b"  # multi-goal links as a list in one cell
    assert efforts["F2"].value == "lijn"
    indicators = book["Indicatoren"]
    titles = [c.value for c in indicators[1]]
    assert "streef 2022" in titles
    assert "streef onbekend" in titles  # a target whose year was lost keeps its column


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    programme = Programme.model_validate(
        {"id": "p", "name": '=HYPERLINK("http://x")', "efforts": [{"id": "E1", "title": "=1+1", "note": "@SUM(A1)"}]}
    )
    back = round_trip(programme, tmp_path)
    assert back.name == '=HYPERLINK("http://x")'
    assert back.efforts[0].title == "=1+1"
    raw = openpyxl.load_workbook(tmp_path / "p.xlsx")["Inspanningen"]["B2"]
    assert raw.data_type == "s"


def test_text_excel_cannot_store_is_a_clear_error(tmp_path: Path) -> None:
    programme = Programme.model_validate({"id": "p", "name": "P", "efforts": [{"id": "E1", "title": "bel\x07"}]})
    with pytest.raises(DinFileError, match=r"cannot write Inspanningen!B2: 'bel\\x07' holds a control character"):
        din_graph.dump(programme, tmp_path / "p.xlsx")
    assert not (tmp_path / "p.xlsx").exists()


def test_formulas_are_read_as_their_values_never_run(tmp_path: Path) -> None:
    programme = din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    path = tmp_path / "d.xlsx"
    din_graph.dump(programme, path)
    book = openpyxl.load_workbook(path)
    book["Inspanningen"]["B2"] = '=UPPER("groen")'  # openpyxl writes no cached value, as a script would
    book.save(path)
    with pytest.raises(DinValidationError) as info:
        din_graph.load(path)
    message = str(info.value)
    assert f"{path}:Inspanningen:2" in message
    assert "column B: a formula without a computed value" in message


def test_missing_sheets_columns_and_foreign_workbooks_are_clear_errors(tmp_path: Path) -> None:
    foreign = tmp_path / "begroting.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Begroting"
    book.save(foreign)
    with pytest.raises(
        DinFileError, match="is not a din_graph workbook: no sheet 'Programma', 'Doelen', 'Inspanningen'"
    ):
        din_graph.load(foreign)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DinFileError, match="is not an Excel workbook"):
        din_graph.load(junk)
    programme = din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    path = tmp_path / "d.xlsx"
    din_graph.dump(programme, path)
    book = openpyxl.load_workbook(path)
    book["Inspanningen"].delete_cols(2)  # no 'titel' column
    book["Inspanningen"]["E3"] = "bijna-regie"  # not a role
    book.save(path)
    with pytest.raises(DinValidationError) as info:
        din_graph.load(path)
    assert any("Inspanningen:1" in str(p) and "no column 'titel'" in str(p) for p in info.value.problems)


def test_bad_cells_are_located_by_sheet_row_and_column(tmp_path: Path) -> None:
    programme = din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    path = tmp_path / "d.xlsx"
    din_graph.dump(programme, path)
    book = openpyxl.load_workbook(path)
    book["Inspanningen"]["F3"] = "bijna-regie"  # E2's role
    book["Inspanningen"]["D4"] = "O1a, O9"  # E3 links to a goal that does not exist
    book.save(path)
    with pytest.raises(DinValidationError) as info:
        din_graph.load(path)
    shown = [str(p) for p in info.value.problems]
    assert any(s.startswith(f"{path}:Inspanningen:3: E2: column F:") for s in shown), shown


def test_template_has_drop_downs_an_example_and_loads(tmp_path: Path) -> None:
    path = write_template(tmp_path / "sjabloon.xlsx")
    book = openpyxl.load_workbook(path)
    lists = {
        (ws.title, str(v.sqref).split(":")[0][0], v.formula1)
        for ws in book.worksheets
        for v in ws.data_validations.dataValidation
    }
    assert ("Inspanningen", "F", '"regie,lijn,afstemming,partner,inwoners,onbekend"') in lists
    assert ("Inspanningen", "E", '"project,activiteit,lijnactiviteit,onderzoek,onbekend"') in lists
    assert ("Eigenaren", "C", '"persoon,team,afdeling,partner,bestuurder,programma"') in lists
    assert "Toelichting" in book.sheetnames
    loaded = din_graph.load(path)
    assert isinstance(loaded, Programme)
    assert loaded.efforts[0].role.dutch == "regie"
    yaml_path = tmp_path / "sjabloon.yaml"
    yaml_path.write_text(template_yaml(), encoding="utf-8")
    from_yaml = din_graph.load(yaml_path)
    assert isinstance(from_yaml, Programme)
    assert from_yaml.efforts[0].owner == loaded.efforts[0].owner == "team-voorbeeld"


def test_a_portfolio_folder_of_workbooks_loads_as_the_portfolio(tmp_path: Path) -> None:
    almelo = din_graph.load(ROOT / "examples" / "almelo")
    written = din_graph.dump(almelo, tmp_path / "almelo", programme_format="xlsx")
    assert sorted(p.name for p in written) == [
        "almelo-duurzaamheid.xlsx",
        "almelo-leefbare-wijken-en-dorpen.xlsx",
        "portfolio.yaml",
    ]
    assert din_graph.load(tmp_path / "almelo") == almelo
    (tmp_path / "almelo" / "portfolio.yaml").unlink()  # a bare folder of workbooks is a portfolio too
    assert [p.id for p in din_graph.load(tmp_path / "almelo").programmes] == [p.id for p in almelo.programmes]


def test_a_portfolio_is_not_one_workbook(tmp_path: Path) -> None:
    with pytest.raises(DinFileError, match="portfolio is written to a folder"):
        din_graph.dump(din_graph.load(ROOT / "examples" / "almelo"), tmp_path / "a.xlsx")
