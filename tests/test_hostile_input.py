"""Hostile and broken input (#20, points 1-4 and 8): every file gets one clear DinError, in bounded time.

Each test here failed on the code before the limits: it hung, crashed with a
traceback, or loaded something it should have refused.  docs/reliability.md lists
the limits these tests pin down.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest

import din_graph
from din_graph import DinError, DinFileError, DinParseError, DinValidationError, Programme

ROOT = Path(__file__).resolve().parent.parent
SMALL = """\
programme: {id: p, name: Parken}
strategic_goals:
  - {id: S1, title: Groen}
operational_goals:
  - id: O1
    title: Meer groen
    contributes_to: [S1]
    indicators:
      - name: Bomen
        baseline: {value: 10, year: 2018}
        targets: {2020: 20}
efforts:
  - {id: E1, title: Bomen planten, contributes_to: [O1]}
"""


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail, instead of hanging the suite, when the body takes longer than ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DinValidationError) as info:
        din_graph.load(path)
    return [str(p) for p in info.value.problems]


# --------------------------------------------------------------------------- 1. only regular files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    with within(10), pytest.raises(DinFileError, match=r"pipe\.yaml: -: is a named pipe"):
        din_graph.load(tmp_path / "pipe.yaml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_pipe_named_by_a_portfolio_or_lying_in_a_folder_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "parken.yaml").write_text(SMALL)
    os.mkfifo(tmp_path / "wacht.yaml")
    os.mkfifo(tmp_path / "wacht.xlsx")
    (tmp_path / "pf").mkdir()
    (tmp_path / "pf" / "portfolio.yaml").write_text(
        "portfolio: {id: x, name: X}\nprogrammes: [../parken.yaml, ../wacht.yaml, ../wacht.xlsx]\n"
    )
    with within(10):
        shown = problems_of(tmp_path / "pf")
        in_folder = din_graph.validate(tmp_path)
    assert sum("is a named pipe" in s for s in shown) == 2, shown
    assert any("wacht.yaml" in s for s in shown)
    assert any("wacht.xlsx" in s for s in shown)
    # In a folder, the pipes are named, not passed over in silence.
    assert sorted(p.id for p in in_folder if "named pipe" in p.message) == ["wacht.xlsx", "wacht.yaml"]


def test_a_device_or_a_link_to_one_is_refused_without_reading(tmp_path: Path) -> None:
    (tmp_path / "null.yaml").symlink_to("/dev/null")
    with pytest.raises(DinFileError, match=r"is a device, not a regular file \(through a symbolic link\)"):
        din_graph.load(tmp_path / "null.yaml")


def test_din_validate_on_dev_zero_and_a_pipe_ends_at_once_with_exit_2(tmp_path: Path) -> None:
    # In a child process with a memory cap: the old code read /dev/zero until memory ran out.
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "pf.yaml").write_text("portfolio: {id: x, name: X}\nprogrammes: [zero.yaml]\n")
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30));"
        "from din_graph._cli import main; main(sys.argv[1:])"
    )
    paths = [str(tmp_path / n) for n in ("zero.yaml", "pipe.json", "pf.yaml")]
    done = subprocess.run(
        [sys.executable, "-c", code, "validate", *paths], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "zero.yaml: -: is a device" in done.stdout
    assert "pipe.json: -: is a named pipe" in done.stdout
    assert "pf.yaml:2: zero.yaml:" in done.stdout


def test_size_limit_comes_from_the_environment_and_says_how_to_raise_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(SMALL + "# " + "x" * 3000 + "\n")
    monkeypatch.setenv("DIN_MAX_FILE_MB", "0.001")
    with pytest.raises(DinFileError, match=r"over the limit of 0.001 MB .*DIN_MAX_FILE_MB") as info:
        din_graph.load(path)
    assert str(info.value).count("\n") == 0  # one error, one line
    monkeypatch.setenv("DIN_MAX_FILE_MB", "1")
    assert isinstance(din_graph.load(path), Programme)
    monkeypatch.setenv("DIN_MAX_FILE_MB", "veel")
    with pytest.raises(DinError, match="DIN_MAX_FILE_MB='veel': expected a positive number"):
        din_graph.load(path)


# --------------------------------------------------------------------------- 1. workbooks


def workbook(tmp_path: Path, name: str = "p.xlsx") -> Path:
    path = tmp_path / name
    din_graph.dump(din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml"), path)
    return path


def rezip(path: Path, change: Callable[[str, bytes], bytes], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite the parts of a workbook through ``change`` (and add ``extra`` parts)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info.filename, change(info.filename, data))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def sheet_part(path: Path, title: str) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    index = book.sheetnames.index(title) + 1
    book.close()
    return f"xl/worksheets/sheet{index}.xml"


def test_a_sheet_that_inflates_to_a_million_rows_stops_at_the_row_limit(tmp_path: Path) -> None:
    path = workbook(tmp_path)
    part = sheet_part(path, "PM")
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>PM9</t></is></c></row></sheetData>'

    def inflate(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        data = data.replace(b"</sheetData>", far)
        return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)

    rezip(path, inflate)
    with within(20), pytest.raises(DinFileError, match=r"more than 100000 rows.*DIN_MAX_SHEET_ROWS") as info:
        din_graph.load(path)
    assert f"{path}:PM" in str(info.value)


def test_rows_columns_and_cell_length_have_limits_of_their_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path)
    monkeypatch.setenv("DIN_MAX_SHEET_ROWS", "5")
    with pytest.raises(DinFileError, match=r"more than 5 rows.*DIN_MAX_SHEET_ROWS"):
        din_graph.load(path)
    monkeypatch.delenv("DIN_MAX_SHEET_ROWS")
    monkeypatch.setenv("DIN_MAX_SHEET_COLUMNS", "8")
    with pytest.raises(DinFileError, match=r"reaches column 1\d.*DIN_MAX_SHEET_COLUMNS"):
        din_graph.load(path)
    monkeypatch.delenv("DIN_MAX_SHEET_COLUMNS")
    monkeypatch.setenv("DIN_MAX_CELL_CHARS", "60")
    with pytest.raises(DinFileError, match=r"cell [A-Z]+\d+ holds \d+ characters.*DIN_MAX_CELL_CHARS"):
        din_graph.load(path)


def test_a_zip_bomb_part_and_an_oversized_unpacked_workbook_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path)
    rezip(path, lambda name, data: data, extra={"xl/media/leeg.bin": bytes(20 * 1024 * 1024)})
    with pytest.raises(DinFileError, match=r"'xl/media/leeg.bin' grows \d+ times .*DIN_MAX_XLSX_RATIO"):
        din_graph.load(path)
    monkeypatch.setenv("DIN_MAX_XLSX_RATIO", "100000")
    monkeypatch.setenv("DIN_MAX_XLSX_UNCOMPRESSED_MB", "10")
    with pytest.raises(DinFileError, match=r"unpacks to 2\d\.\d MB.*DIN_MAX_XLSX_UNCOMPRESSED_MB"):
        din_graph.load(path)


# --------------------------------------------------------------------------- 2. nesting and aliases


def test_deep_json_is_a_located_error_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "diep.json"
    path.write_text('{"programme": {"id": "p", "name": "P"},\n "notes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(DinParseError, match=r"diep.json:2: -: nested deeper than 100 levels.*DIN_MAX_DEPTH"):
        din_graph.load(path)
    path.write_text('{"programme": {"id": "p", "name": "P"},\n\n "notes": ' + "[" * 150 + "]" * 150 + "}")
    with pytest.raises(DinParseError, match=r"diep.json:3: -: nested deeper than 100 levels"):
        din_graph.load(path)


def test_the_depth_and_alias_limits_follow_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(SMALL + "placeholders:\n  - {id: PM1, note: &n [a, b, c, d]}\n  - {id: PM2, note: *n}\n")
    monkeypatch.setenv("DIN_MAX_DEPTH", "3")
    with pytest.raises(DinParseError, match=r"p.yaml:7: -: nested deeper than 3 levels.*DIN_MAX_DEPTH"):
        din_graph.load(path)
    monkeypatch.delenv("DIN_MAX_DEPTH")
    monkeypatch.setenv("DIN_MAX_ALIAS_VALUES", "3")
    with pytest.raises(DinParseError, match=r"p.yaml:16: -: more than 3 values repeated.*DIN_MAX_ALIAS_VALUES"):
        din_graph.load(path)


def test_a_billion_laughs_stops_after_the_alias_limit_in_little_memory(tmp_path: Path) -> None:
    import tracemalloc

    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    path = tmp_path / "bom.yaml"
    path.write_text("programme: {id: p, name: P}\n" + "\n".join(lines) + "\n")
    tracemalloc.start()
    try:
        with pytest.raises(DinParseError, match="alias bomb"):
            din_graph.load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024, f"{peak / 1e6:.0f} MB"  # the old budget of 2 million values took 366 MB


def test_a_long_text_repeated_through_aliases_counts_by_its_length(tmp_path: Path) -> None:
    # 2,000 repeats of 10,000 characters: 20 MB of text from a 10 kB file, which din convert would write out.
    path = tmp_path / "p.yaml"
    repeats = ", ".join(["*t"] * 2000)
    path.write_text(f"programme: {{id: p, name: P, notes: &t {'x' * 10_000}}}\nvision: [{repeats}]\n")
    with pytest.raises(DinParseError, match=r"p.yaml:2: -: more than 100000 values repeated"):
        din_graph.load(path)


def test_an_integer_python_will_not_read_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("programme: {id: p, name: P}\nnotes: " + "1" * 5000 + "\n")
    with pytest.raises(DinParseError, match=r"p.yaml:2: -: '1111.*' is not a number din can read \(5000 characters\)"):
        din_graph.load(path)


def test_a_date_that_is_no_date_stays_the_text_written(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("programme: {id: p, name: P, notes: 2019-13-45}\n")
    loaded = din_graph.load(path)
    assert isinstance(loaded, Programme)
    assert loaded.notes == "2019-13-45"


# --------------------------------------------------------------------------- 3. numbers are numbers


NOT_NUMBERS = """\
programme:
  id: p
  name: P
  period: {start: 1850, end: 2020}
  budget:
    - {label: Fonds, year: 1000, amount: 5}
operational_goals:
  - id: O1
    title: Meer groen
    indicators:
      - name: Bomen
        baseline: {value: .nan, year: 2018}
        targets:
          2019: 10
          2020: .inf
efforts:
  - id: E1
    title: Bomen planten
    budget: {2019: -.inf}
    hours_per_week: .nan
owners:
  - {id: o1, name: Team, hours_per_week: "NINES"}
""".replace("NINES", "9" * 400)


def test_nan_infinity_and_implausible_years_are_errors_with_line_and_id(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(NOT_NUMBERS)
    shown = problems_of(path)
    assert any(s.startswith(f"{path}:4: p: start:") and "1900" in s for s in shown), shown
    assert any(s.startswith(f"{path}:6: p: year:") and "1900" in s for s in shown), shown
    assert any(s.startswith(f"{path}:12: O1: value: nan is not a number") for s in shown), shown
    assert any(s.startswith(f"{path}:15: O1: targets: inf is not a number") for s in shown), shown
    assert any(s.startswith(f"{path}:19: E1: budget:") and "finite" in s for s in shown), shown
    assert any(s.startswith(f"{path}:20: E1: hours_per_week: nan is not a number") for s in shown), shown
    assert any(s.startswith(f"{path}:22: o1: hours_per_week: inf is not a number") for s in shown), shown


def test_json_infinity_is_an_error_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        json.dumps(
            {
                "programme": {"id": "p", "name": "P"},
                "operational_goals": [
                    {"id": "O1", "title": "t", "indicators": [{"name": "n", "baseline": {"value": 1, "year": 2018}}]}
                ],
            },
            indent=1,
        ).replace('"value": 1', '"value": 1e999')
    )
    shown = problems_of(path)
    assert any(": O1: value: inf is not a number" in s and s.startswith(f"{path}:") for s in shown), shown


def test_a_json_integer_too_long_for_python_is_an_error_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    document = {"programme": {"id": "p", "name": "P"}, "efforts": [{"id": "E1", "title": "t", "budget": 1}]}
    path.write_text(json.dumps(document, indent=1).replace('"budget": 1', '"budget": ' + "9" * 5000))
    with pytest.raises(DinParseError) as caught:
        din_graph.load(path)
    budget_line = next(i for i, line in enumerate(path.read_text().splitlines(), 1) if '"budget"' in line)
    assert caught.value.line == budget_line
    assert "5000 digits" in str(caught.value)


def test_an_infinite_number_in_a_workbook_is_an_error_with_sheet_row_and_id(tmp_path: Path) -> None:
    path = workbook(tmp_path)
    part = sheet_part(path, "Indicatoren")
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book["Indicatoren"].iter_rows(min_row=2, max_row=2, values_only=True))
    book.close()
    goal = rows[0][0]

    def infinite(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        start = data.index(b'<c r="E2"')
        end = data.index(b"</c>", start) + 4
        return data[:start] + b'<c r="E2" t="n"><v>1E999</v></c>' + data[end:]

    rezip(path, infinite)
    shown = problems_of(path)
    assert any(s.startswith(f"{path}:Indicatoren:2: {goal}: column E:") and "inf" in s for s in shown), shown


# --------------------------------------------------------------------------- 4. nothing dropped from a workbook


def test_a_misspelt_header_is_an_error_naming_the_cell_and_the_header_meant(tmp_path: Path) -> None:
    path = workbook(tmp_path)
    book = openpyxl.load_workbook(path)
    assert book["Inspanningen"]["D1"].value == "draagt bij aan"
    book["Inspanningen"]["D1"] = "draagt bij an"
    book.save(path)
    shown = problems_of(path)
    assert f"{path}:Inspanningen:1: -: cell D1: unknown column 'draagt bij an'; did you mean 'draagt bij aan'?" in shown


def test_unknown_sheets_values_without_header_and_repeated_headers_are_errors(tmp_path: Path) -> None:
    path = workbook(tmp_path)
    book = openpyxl.load_workbook(path)
    book.create_sheet("Inspaningen")["A1"] = "id"
    efforts = book["Inspanningen"]
    efforts.cell(3, efforts.max_column + 2, "vergeten")
    book["Eigenaren"].cell(1, book["Eigenaren"].max_column + 1, "naam")
    book["Programma"]["C4"] = "ernaast"
    book["Programma"].append(["naam", "Nog een naam"])
    book.save(path)
    shown = problems_of(path)
    assert any("sheet 'Inspaningen' is not a din_graph sheet; did you mean 'Inspanningen'?" in s for s in shown), shown
    letter = openpyxl.utils.get_column_letter(efforts.max_column)
    assert any(
        s.startswith(f"{path}:Inspanningen:3: -: cell {letter}3: 'vergeten' stands in a column without a header")
        for s in shown
    ), shown
    assert any(s.startswith(f"{path}:Eigenaren:1:") and "column 'naam' appears twice" in s for s in shown), shown
    assert any(s.startswith(f"{path}:Programma:4:") and "cell C4: 'ernaast' stands outside" in s for s in shown)
    assert any(s.startswith(f"{path}:Programma:") and "field 'naam' is given twice" in s for s in shown), shown


def test_the_explanation_sheet_is_the_one_sheet_ignored(tmp_path: Path) -> None:
    path = workbook(tmp_path)
    book = openpyxl.load_workbook(path)
    assert "Toelichting" in book.sheetnames
    book["Toelichting"]["F9"] = "een aantekening"
    book.save(path)
    assert isinstance(din_graph.load(path), Programme)


# --------------------------------------------------------------------------- 8. the CLI and the API


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from din_graph._cli import main

    with pytest.raises(SystemExit) as info:
        main(list(args))
    code = info.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


def test_din_exits_2_on_deep_json_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "diep.json"
    path.write_text('{"programme": ' + "[" * 50_000 + "]" * 50_000 + "}")
    for command in ("validate", "check", "render", "convert"):
        extra = {"render": ["-o", str(tmp_path / "x.svg")], "convert": [str(tmp_path / "x.yaml")]}.get(command, [])
        code, err = run_main(monkeypatch, capsys, command, str(path), *extra)
        assert code == 2, (command, err)
        assert "Traceback" not in err


def test_a_bug_is_reported_as_one_without_a_traceback_unless_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import din_graph._io._files as files

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("kapot")

    monkeypatch.setattr(files, "load", broken)
    code, err = run_main(monkeypatch, capsys, "summary", "examples/almelo")
    assert code == 3
    assert "din: internal error (ZeroDivisionError: kapot); please report it" in err
    assert "Traceback" not in err
    code, err = run_main(monkeypatch, capsys, "--debug", "summary", "examples/almelo")
    assert code == 3
    assert "Traceback" in err
    assert "ZeroDivisionError" in err


def test_an_output_path_that_cannot_be_written_is_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("")
    code, err = run_main(
        monkeypatch,
        capsys,
        "render",
        "examples/almelo/duurzaamheid.yaml",
        "-o",
        str(blocker / "x.svg"),
        "--engine",
        "matplotlib",
    )
    assert code == 2, err
    assert "Traceback" not in err
    assert "bestand" in err


def test_the_reliability_page_lists_every_limit_with_its_default() -> None:
    from din_graph._io._limits import LIMITS

    page = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in page.splitlines() if line.startswith("| `DIN_")}
    assert sorted(rows) == sorted(limit.variable for limit in LIMITS)
    for limit in LIMITS:
        assert f"| {limit.default:g} " in rows[limit.variable], rows[limit.variable]


# --------------------------------------------------------------------------- found by tests/test_fuzz.py


@pytest.mark.parametrize("text", ["\r", "regel\r\nregel", "_x000D_", "x_x005F_y", "_x0041_\r"])
def test_carriage_returns_and_excel_escapes_survive_a_workbook(tmp_path: Path, text: str) -> None:
    programme = Programme.model_validate(
        {"id": "p", "name": text, "efforts": [{"id": "E1", "title": text, "partners": [text, "b"]}]}
    )
    din_graph.dump(programme, tmp_path / "p.xlsx")
    assert din_graph.load(tmp_path / "p.xlsx") == programme


@pytest.mark.parametrize("text", ["\x85", "a\x85b", "regel\n\x85", "\u2028\n", "a\u2029b"])
def test_line_breaks_yaml_knows_besides_newline_survive_a_yaml_file(tmp_path: Path, text: str) -> None:
    programme = Programme.model_validate({"id": "p", "name": text, "efforts": [{"id": "E1", "title": text}]})
    din_graph.dump(programme, tmp_path / "p.yaml")
    assert din_graph.load(tmp_path / "p.yaml") == programme


def test_numbers_keep_every_digit_in_a_workbook(tmp_path: Path) -> None:
    numbers = {2019: 140641710.73921967, 2020: 10**20 + 1, 2021: 100000000.06640625}
    programme = Programme.model_validate(
        {
            "id": "p",
            "name": "P",
            "operational_goals": [{"id": "O", "title": "t", "indicators": [{"name": "n", "targets": numbers}]}],
        }
    )
    din_graph.dump(programme, tmp_path / "p.xlsx")
    back = din_graph.load(tmp_path / "p.xlsx")
    assert isinstance(back, Programme)
    assert back.operational_goals[0].indicators[0].targets == numbers


def test_text_xml_cannot_hold_is_refused_when_writing_a_workbook(tmp_path: Path) -> None:
    programme = Programme.model_validate({"id": "p", "name": "niet\ufffe"})
    with pytest.raises(DinFileError, match=r"cannot write Programma!B3: 'niet\\ufffe' holds"):
        din_graph.dump(programme, tmp_path / "p.xlsx")


def test_overlaps_of_programmes_without_a_content_word_are_empty() -> None:
    portfolio = din_graph.Portfolio(
        id="a",
        name="0",
        programmes=[
            Programme(id="a", name="0", efforts=[{"id": "E1", "title": "PM"}]),
            Programme(id="b", name="0", operational_goals=[{"id": "O1", "title": "0"}]),
        ],
    )
    assert din_graph.overlaps(portfolio, progress=False).pairs == ()
