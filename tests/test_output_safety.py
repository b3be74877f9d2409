"""Output that cannot lie, files that do not change with the clock, writes that lose nothing (#20, points 5-7).

Hostile titles (line breaks, escape sequences, bidirectional overrides,
Graphviz escStrings, matplotlib dollars) must be shown as written by every
printer and every drawing; the same input must give the same bytes whatever
the clock, ``PYTHONHASHSEED`` or locale; a failed write must leave the
previous file as it was.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import din_graph
from din_graph._cli import cli
from din_graph._output import json_printable, printable, write_file
from din_graph._render._text import dot_string, dot_tooltip, html, mpl_text
from strategies import terminal_texts

ROOT = Path(__file__).resolve().parent.parent

# Every character that acts on a terminal or reorders text instead of showing itself.
ACTING = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
ACTING += [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)] + ["\u2028", "\u2029"]
UNSAFE = re.compile("[" + "".join(re.escape(c) for c in ACTING if c != "\n") + "]")

ESCSTRINGS = r"a\Nb \G \L \l \r \E \T \H x\y \\"
FORGED = "Eerste regel\nhostile/O9: not-smart (waarschuwing): vals \x1b[2J\x1b[31m\u202eabc\u2028d\x9b31m"


def hostile_data(name: str = "Naam " + ESCSTRINGS, goal: str = FORGED) -> dict[str, Any]:
    return {
        "programme": {
            "id": "hostile",
            "name": name,
            "municipality": "Almelo\x1b[31m\u202e",
            "manager": "Programmamanager\x1b[31mROOD",
        },
        "vision": "Visie \\N \\G",
        "strategic_goals": [{"id": "S1", "title": "Titel " + ESCSTRINGS}],
        "operational_goals": [
            {
                "id": "O1",
                "title": goal,
                "contributes_to": ["S1"],
                "indicators": [
                    {
                        "name": "Indicator \x1b]0;titel\x07 $\\frac{a$",
                        "unit": "aantal\u202e",
                        "baseline": {"value": 1, "year": 2020},
                        "targets": {2022: 5},
                        "actuals": {2021: 2},
                    }
                ],
            }
        ],
        "efforts": [{"id": "E1", "title": "Inspanning \\N\x85 \u2066x\u2069 $\\oops$", "contributes_to": ["O1"]}],
    }


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "hostile.yaml", hostile_data())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


# ---- point 5: printed text ------------------------------------------------------------------------


@pytest.mark.parametrize("char", ACTING, ids=lambda c: f"U+{ord(c):04X}")
def test_printable_shows_every_acting_character_as_an_escape(char: str) -> None:
    shown = printable(f"a{char}b")
    assert shown == f"a\\x{ord(char):02x}b" if ord(char) < 0x100 else f"a\\u{ord(char):04x}b"
    assert shown.isprintable()


def test_printable_keeps_ordinary_text() -> None:
    text = "Één groene wijk – “samen” · €5 \\N"
    assert printable(text) == text


@given(terminal_texts)
def test_printable_text_is_one_inert_line(text: str) -> None:
    shown = printable(text)
    assert not UNSAFE.search(shown)
    assert "\n" not in shown
    assert len(shown.splitlines()) <= 1
    if not re.search("[" + "".join(re.escape(c) for c in ACTING) + "]", text):
        assert shown == text


@given(terminal_texts)
def test_printable_json_decodes_to_the_same_text(text: str) -> None:
    encoded = json_printable(json.dumps({"title": text}, ensure_ascii=False, indent=2))
    assert not UNSAFE.search(encoded.replace("\n", ""))
    assert json.loads(encoded) == {"title": text}


def test_check_text_keeps_every_finding_on_its_own_line(hostile: Path) -> None:
    code, out, _ = run("check", str(hostile))
    assert code == 0
    assert not UNSAFE.search(out)
    lines = out.splitlines()
    findings = json.loads(run("check", "--format", "json", str(hostile))[1])["findings"]
    # a heading, one line per finding and the count: the forged "hostile/O9" line never appears
    assert len(lines) == len(findings) + 2
    assert not any(line.startswith("hostile/O9") for line in lines)
    assert (
        "Eerste regel\\x0ahostile/O9: not-smart (waarschuwing): vals \\x1b[2J\\x1b[31m\\u202eabc\\u2028d\\x9b31m" in out
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=terminal_texts.filter(lambda s: s.strip() != ""))
def test_no_title_ever_adds_a_line_to_check_or_summary(tmp_path: Path, title: str) -> None:
    path = write_yaml(tmp_path / "p.yaml", hostile_data(name=title, goal=title))
    code, out, err = run("check", str(path))
    assert code == 0, out + err
    findings = json.loads(run("check", "--format", "json", str(path))[1])["findings"]
    assert len(out.splitlines()) == len(findings) + 2
    assert not UNSAFE.search(out)
    code, out, _ = run("summary", str(path))
    assert len(out.splitlines()) == 7
    assert not UNSAFE.search(out)


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--format", "markdown"),
        ("summary",),
        ("progress",),
        ("progress", "--format", "markdown"),
    ],
)
def test_every_text_output_is_free_of_acting_characters(hostile: Path, args: tuple[str, ...]) -> None:
    code, out, err = run(*args, str(hostile))
    assert code == 0, out + err
    assert not UNSAFE.search(out + err)
    assert "\u2028" not in out


def test_summary_shows_the_name_on_one_line(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "p.yaml", hostile_data(name="Twee\nRegels\x1b[31m"))
    out = run("summary", str(path))[1]
    assert out.splitlines()[0] == "Twee\\x0aRegels\\x1b[31m — Almelo\\x1b[31m\\u202e [hostile]"


@pytest.mark.parametrize("command", [("check",), ("progress",), ("diff",)])
def test_json_output_is_valid_and_keeps_the_text(tmp_path: Path, hostile: Path, command: tuple[str, ...]) -> None:
    paths = [str(hostile)]
    if command[0] == "diff":
        paths.append(str(write_yaml(tmp_path / "nieuw.yaml", hostile_data(goal=FORGED + " nieuw"))))
    result = CliRunner().invoke(cli, [*command, "--format", "json", *paths])
    assert result.exit_code in (0, 1), result.output
    assert not UNSAFE.search(result.stdout)
    assert "\u202e" not in result.stdout
    decoded = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    assert "\u202e" in decoded or "\\u001b" in decoded  # the text itself is kept, only its form is safe


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_and_overlap_text_keep_titles_on_one_line(tmp_path: Path, hostile: Path, fmt: str) -> None:
    new = write_yaml(tmp_path / "nieuw.yaml", hostile_data(goal=FORGED + " nieuw"))
    code, out, _ = run("diff", "--format", fmt, str(hostile), str(new))
    assert code == 1
    assert not UNSAFE.search(out)
    assert len(out.strip().splitlines()) == (2 if fmt == "text" else 3)
    other = hostile_data()
    other["programme"]["id"] = "tweede"
    second = write_yaml(tmp_path / "tweede.yaml", other)
    code, out, err = run("overlap", "--format", fmt, "--min-score", "0", str(hostile), str(second))
    assert code == 0, out + err
    assert not UNSAFE.search(out)
    assert not any(line.lstrip().startswith("hostile/O9") for line in out.splitlines())


def test_validate_shows_file_names_and_problems_escaped(tmp_path: Path) -> None:
    # a file name is user text too: a shared folder may hold one with an escape sequence or a line break
    path = tmp_path / "p\x1b[31m\nhostile.yaml: valid.yaml"
    path.write_text('programme:\n  id: p\n  name: P\n  "naam\\e[31m\\u202e": x\n', encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 2
    assert not UNSAFE.search(out + err)
    assert len(out.splitlines()) == 1
    assert len(err.splitlines()) == 1
    assert "p\\x1b[31m\\x0ahostile.yaml: valid.yaml" in err
    code, _, err = run("check", str(path))
    assert code == 2
    assert not UNSAFE.search(err)


def test_reports_keep_markup_escaped_and_show_control_characters(tmp_path: Path, hostile: Path) -> None:
    programme = din_graph.load(hostile)
    for name in ("r.html", "r.md"):
        text = din_graph.write_report(programme, tmp_path / name)[0].read_text(encoding="utf-8")
        assert not UNSAFE.search(text)
        assert "\u202e" not in text
        assert "\\x1b[2J" in text.replace("\\[", "[")


# ---- point 5: Graphviz escStrings and matplotlib dollars -----------------------------------------


def test_dot_escaping_doubles_backslashes_for_labels_and_twice_for_tooltips() -> None:
    assert html(r"a\Nb \G") == r"a\\Nb \\G"
    assert html("x\\") == "x\\\\"
    assert dot_string(r'a\Nb "q"') == r'"a\\Nb \"q\""'
    assert dot_tooltip(r"a\Nb \ ") == r'"a\\\\Nb \\\\"'
    assert mpl_text("kosten $5 tot $10") == r"kosten \$5 tot \$10"


def test_dot_of_hostile_titles_is_exactly_escaped(hostile: Path) -> None:
    dot = din_graph.to_dot(din_graph.load(hostile))
    escaped = r"a\\Nb \\G \\L \\l \\r \\E \\T \\H x\\y \\\\"
    assert f"<B>Naam {escaped}</B>" in dot
    assert 'tooltip="Titel ' + escaped.replace("\\", "\\\\") + '"' in dot
    assert "Visie \\\\N \\\\G" in dot


@pytest.mark.graphviz
@pytest.mark.parametrize("fmt", ["svg"])
def test_graphviz_draws_escstrings_as_written(hostile: Path, fmt: str) -> None:
    svg = din_graph.render(din_graph.load(hostile), fmt, engine="graphviz")
    assert isinstance(svg, str)
    literal = r"a\Nb \G \L \l \r \E \T \H x\y \\"
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert f"S1 Titel {literal[:-3]}" in texts  # the goal box wraps before the last word
    assert f"Naam {literal}" in texts
    assert "Visie \\N \\G" in texts
    tooltips = re.findall(r'xlink:title="([^"]*)"', svg)
    assert f"Titel {literal}" in tooltips
    assert f"Naam {literal}" in tooltips
    assert not any("hostile/S1" in t for t in texts + tooltips if "Titel" in t)


@pytest.mark.graphviz
def test_portfolio_picture_draws_escstrings_as_written(tmp_path: Path) -> None:
    first, second = hostile_data(), hostile_data()
    second["programme"]["id"] = "tweede"
    portfolio = din_graph.Portfolio(
        id="pf",
        name="Portefeuille \\G",
        programmes=(
            din_graph.load(write_yaml(tmp_path / "a.yaml", first)),
            din_graph.load(write_yaml(tmp_path / "b.yaml", second)),
        ),
    )
    svg = din_graph.render(portfolio, "svg", overlaps=din_graph.overlaps(portfolio, threshold=0, progress=False))
    assert isinstance(svg, str)
    assert "Portefeuille \\G" in svg
    assert re.search(r'xlink:title="Titel a\\Nb \\G', svg)


def test_matplotlib_draws_dollars_as_written(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib as mpl

    monkeypatch.setenv("DIN_GRAPH_DOT", "")
    programme = din_graph.load(hostile)
    assert isinstance(programme, din_graph.Programme)
    chart_svg = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none"}):
        svg = din_graph.render(programme, "svg", engine="matplotlib")
        chart = din_graph.indicator_chart(programme.operational_goals[0])
        chart.figure.savefig(chart_svg, format="svg")
    assert isinstance(svg, str)
    assert "$\\oops$" in svg  # mathtext would have refused \oops, or drawn it in italics without dollars
    assert "Indicator ]0;titel $\\frac{a$" in chart_svg.getvalue().decode()


# ---- point 6: reproducible files -----------------------------------------------------------------

WRITE_ALL = textwrap.dedent(
    """
    import sys, warnings, pathlib
    warnings.simplefilter("ignore")
    import din_graph
    from din_graph._render._charts import heatmap_image
    out = pathlib.Path(sys.argv[1])
    almelo = din_graph.load("examples/almelo")
    first = almelo.programmes[0]
    found = din_graph.overlaps(almelo, progress=False)
    engines = ["matplotlib", "graphviz"] if din_graph.dot_available() else ["matplotlib"]
    for fmt in sys.argv[2].split(","):
        for engine in engines:
            din_graph.render(almelo, out / f"sheet-{engine}.{fmt}", programme=first.id, engine=engine)
        (out / f"heatmap.{fmt}").write_bytes(heatmap_image(found, almelo, fmt))
        if din_graph.dot_available():
            din_graph.render(almelo, out / f"portfolio.{fmt}", overlaps=found)
    for suffix in ("xlsx", "yaml", "json"):
        din_graph.dump(first, out / f"programme.{suffix}")
    din_graph.write_report(almelo, out / "report.html")
    din_graph.write_report(first, out / "report.md")
    """
)


def write_all(folder: Path, env: dict[str, str]) -> dict[str, bytes]:
    folder.mkdir()
    environ = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    subprocess.run(
        [sys.executable, "-c", WRITE_ALL, str(folder), "svg,png,pdf"], check=True, cwd=ROOT, env=environ, timeout=300
    )
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_file_is_the_same_whatever_the_hash_seed_locale_and_clock(tmp_path: Path) -> None:
    # Both engines where dot is installed (the sheet, the portfolio picture), matplotlib alone elsewhere.
    first = write_all(tmp_path / "a", {"PYTHONHASHSEED": "1", "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    second = write_all(tmp_path / "b", {"PYTHONHASHSEED": "2", "LC_ALL": "C", "TZ": "Asia/Tokyo"})
    assert len(first) >= 11
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def pdf_dates(data: bytes) -> list[bytes]:
    return re.findall(rb"/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)", data)


@pytest.mark.parametrize("engine", [pytest.param("graphviz", marks=pytest.mark.graphviz), "matplotlib"])
def test_pdf_records_source_date_epoch_or_no_date(monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    almelo = din_graph.load("examples/almelo")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pdf = din_graph.render(almelo, "pdf", programme="almelo-duurzaamheid", engine=engine)  # type: ignore[arg-type]
    assert isinstance(pdf, bytes)
    assert pdf_dates(pdf) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pdf = din_graph.render(almelo, "pdf", programme="almelo-duurzaamheid", engine=engine)  # type: ignore[arg-type]
    assert isinstance(pdf, bytes)
    assert pdf_dates(pdf)
    assert set(pdf_dates(pdf)) == {b"D:20231114221320Z"}


@pytest.mark.graphviz
def test_pdf_from_dot_keeps_its_cross_reference_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pdf = din_graph.render(din_graph.load("examples/almelo"), "pdf", programme="almelo-duurzaamheid", engine="graphviz")
    assert isinstance(pdf, bytes)
    start = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    assert pdf[start : start + 4] == b"xref"
    table = pdf[start:].split(b"trailer")[0].split(b"\n")[2:]
    for number, entry in enumerate(table, start=0):
        offset, _, kind = entry.split()[:3] if entry.strip() else (b"0", b"", b"f")
        if kind == b"n":
            assert re.match(rb"\d+ 0 obj", pdf[int(offset) :]), number


def test_matplotlib_svg_records_source_date_epoch_or_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    almelo = din_graph.load("examples/almelo")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    svg = din_graph.render(almelo, "svg", programme="almelo-duurzaamheid", engine="matplotlib")
    assert isinstance(svg, str)
    assert "<dc:date>" not in svg
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    svg = din_graph.render(almelo, "svg", programme="almelo-duurzaamheid", engine="matplotlib")
    assert isinstance(svg, str)
    assert "<dc:date>2023-11-14T22:13:20Z</dc:date>" in svg


def test_workbooks_record_source_date_epoch_or_no_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    programme = din_graph.load("examples/almelo/duurzaamheid.yaml")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = din_graph.dump(programme, tmp_path / "a.xlsx")[0]
    first = path.read_bytes()
    with zipfile.ZipFile(path) as book:
        assert {entry.date_time for entry in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml")
    assert b"dcterms:created" not in core
    assert b"dcterms:modified" not in core
    import time

    later = time.time() + 3 * 86400
    monkeypatch.setattr(time, "time", lambda: later)
    assert din_graph.dump(programme, tmp_path / "b.xlsx")[0].read_bytes() == first
    assert din_graph.load(tmp_path / "b.xlsx") == programme

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with zipfile.ZipFile(din_graph.dump(programme, tmp_path / "c.xlsx")[0]) as book:
        assert {entry.date_time for entry in book.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = book.read("docProps/core.xml")
    assert b">2023-11-14T22:13:20Z</dcterms:created>" in core
    assert b">2023-11-14T22:13:20Z</dcterms:modified>" in core


def test_template_workbook_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from din_graph._io._excel import write_template

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = write_template(tmp_path / "a.xlsx").read_bytes()
    import time

    later = time.time() + 86400
    monkeypatch.setattr(time, "time", lambda: later)
    assert write_template(tmp_path / "b.xlsx").read_bytes() == first
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "b.xlsx")["Inspanningen"].data_validations.dataValidation


# ---- point 7: writes that lose nothing -----------------------------------------------------------

OLD = b"previous content, to be kept\n"


def run_limited(args: list[str], cwd: Path, limit: int) -> subprocess.CompletedProcess[str]:
    """``din`` with every file it writes limited to ``limit`` bytes: a write past it fails part-way (EFBIG)."""
    code = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        from din_graph._cli import main
        sys.argv = ["din", *{args!r}]
        main()
        """
    )
    env = os.environ | {"PYTHONDONTWRITEBYTECODE": "1", "DIN_GRAPH_DOT": ""}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["convert", "{examples}/almelo/duurzaamheid.yaml", "out.yaml"], "out.yaml"),
        (["convert", "{examples}/almelo/duurzaamheid.yaml", "out.json"], "out.json"),
        (["convert", "{examples}/almelo/duurzaamheid.yaml", "out.xlsx"], "out.xlsx"),
        (["render", "{examples}/almelo/duurzaamheid.yaml", "-o", "out.svg"], "out.svg"),
        (["report", "{examples}/almelo/duurzaamheid.yaml", "-o", "out.html"], "out.html"),
        (["template", "out.xlsx"], "out.xlsx"),
    ],
)
def test_a_write_that_fails_part_way_leaves_the_previous_file(tmp_path: Path, args: list[str], output: str) -> None:
    target = tmp_path / output
    target.write_bytes(OLD)
    done = run_limited([a.format(examples=ROOT / "examples") for a in args], tmp_path, limit=4096)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert any(line.startswith(f"{output}:") and "cannot write" in line for line in done.stderr.splitlines())
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [output]


def test_write_file_replaces_in_one_step_and_keeps_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "p.yaml"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_file(target, "nieuw\n")
    assert target.read_text(encoding="utf-8") == "nieuw\n"
    assert target.stat().st_mode & 0o777 == 0o640

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, "half")
    assert target.read_text(encoding="utf-8") == "nieuw\n"
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_write_file_writes_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "echt.yaml"
    real.write_bytes(OLD)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_file(link, "nieuw\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "nieuw\n"


def test_convert_refuses_to_overwrite_its_own_input(tmp_path: Path) -> None:
    source = tmp_path / "p.yaml"
    text = "# commentaar van de auteur\n" + (ROOT / "examples/almelo/duurzaamheid.yaml").read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    code, _, err = run("convert", str(source), str(source))
    assert code == 2
    assert "overwrite its own input" in err
    assert "--in-place" in err
    assert source.read_text(encoding="utf-8") == text

    (tmp_path / "link.yaml").symlink_to(source)
    code, _, err = run("convert", str(tmp_path / "link.yaml"), str(tmp_path / "." / "p.yaml"))
    assert code == 2
    assert "--in-place" in err

    code, _, err = run("convert", str(source), str(source), "--in-place")
    assert code == 0, err
    assert "comments and layout are not kept" in err
    assert din_graph.load(source) == din_graph.load(ROOT / "examples/almelo/duurzaamheid.yaml")


def test_convert_of_a_folder_onto_itself_refuses(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "almelo"
    shutil.copytree(ROOT / "examples/almelo", folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, _, err = run("convert", str(folder), str(folder))
    assert code == 2
    assert "portfolio.yaml: convert would overwrite its own input" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    code, _, _ = run("convert", str(folder), str(tmp_path / "elders"))
    assert code == 0
