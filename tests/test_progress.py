"""Progress: expected values, indicator and goal status, roll-up, actuals from sheets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import din_graph
from din_graph import DinError, DinFileError, DinValidationError, Indicator, Programme
from din_graph._io._actuals import load_actuals, with_actuals

ROOT = Path(__file__).resolve().parent.parent


def programme(*indicators: dict[str, object], efforts: list[dict[str, object]] | None = None) -> Programme:
    return Programme.model_validate(
        {
            "id": "p",
            "name": "P",
            "vision": "V",
            "strategic_goals": [{"id": "S1", "title": "Groener"}, {"id": "S2", "title": "Duurzamer"}],
            "operational_goals": [
                {"id": f"O{i}", "title": f"Doel {i}", "contributes_to": ["S1" if i < 2 else "S2"], "indicators": [ind]}
                for i, ind in enumerate(indicators)
            ],
            "efforts": efforts or [],
        }
    )


def status(**indicator: object) -> str:
    return din_graph.indicator_status(programme({"name": "i", **indicator}))[0].status


# ---- expected value ---------------------------------------------------------------------


def test_expected_value_interpolates_and_holds_after_the_last_target() -> None:
    indicator = Indicator(
        name="x", baseline={"value": 10, "year": 2020}, targets={2022: 30, 2024: 20, "onbekend": 99, 2025: "ntb."}
    )
    assert [din_graph.expected_value(indicator, y) for y in range(2019, 2027)] == [
        None,
        10.0,
        20.0,
        30.0,
        25.0,
        20.0,
        20.0,
        20.0,
    ]


@given(
    points=st.dictionaries(st.integers(2000, 2040), st.integers(-1000, 1000), min_size=1, max_size=6),
    year=st.integers(1995, 2045),
)
def test_expected_value_stays_between_its_neighbouring_points(points: dict[int, int], year: int) -> None:
    value = din_graph.expected_value(Indicator(name="x", targets=points), year)
    years = sorted(points)
    if year < years[0]:
        assert value is None
        return
    assert value is not None
    if year in points:
        assert value == points[year]
    before = max(y for y in years if y <= year)
    after = min((y for y in years if y >= year), default=before)
    low, high = sorted((points[before], points[after]))
    assert low - 1e-9 <= value <= high + 1e-9


# ---- every status, by hand --------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        ({"baseline": {"value": 0, "year": 2020}, "targets": {2024: 400}, "actuals": {2022: 200}}, "on_track"),
        ({"baseline": {"value": 0, "year": 2020}, "targets": {2024: 400}, "actuals": {2022: 250}}, "on_track"),
        ({"baseline": {"value": 0, "year": 2020}, "targets": {2024: 400}, "actuals": {2022: 150}}, "behind"),
        ({"baseline": {"value": 0, "year": 2020}, "targets": {2024: 400}, "actuals": {2022: 149}}, "off_track"),
        # lower is better: 44 in 2017 down to 30 in 2022; 'behind' misses at most a quarter of the 14 planned
        (
            {"baseline": {"value": 44, "year": 2017}, "targets": {2022: 30}, "actuals": {2022: 29}, "better": "lower"},
            "on_track",
        ),
        (
            {"baseline": {"value": 44, "year": 2017}, "targets": {2022: 30}, "actuals": {2022: 33}, "better": "lower"},
            "behind",
        ),
        (
            {"baseline": {"value": 44, "year": 2017}, "targets": {2022: 30}, "actuals": {2022: 40}, "better": "lower"},
            "off_track",
        ),
        ({"targets": {2022: 30}}, "no_data"),  # no actual
        ({"targets": {2022: 30}, "actuals": {2020: 5}}, "no_data"),  # before the trajectory starts
        ({"targets": {2022: "ntb."}, "actuals": {2022: 5}}, "no_data"),  # a text target is no point
        ({"targets": {2022: 30}, "actuals": {2023: 30}}, "on_track"),  # the last target holds
        ({"targets": {2022: 30}, "actuals": {2023: 28}}, "behind"),  # no baseline: measured against the target
    ],
)
def test_indicator_status_by_hand(indicator: dict[str, object], expected: str) -> None:
    assert status(**indicator) == expected


def test_year_limits_the_actuals_considered() -> None:
    p = programme(
        {"name": "i", "baseline": {"value": 0, "year": 2020}, "targets": {2024: 400}, "actuals": {2021: 100, 2023: 100}}
    )
    assert din_graph.progress(p, 2021).indicators[0].status == "on_track"
    assert din_graph.progress(p, 2023).indicators[0].status == "off_track"
    assert din_graph.progress(p, 2020).indicators[0].status == "no_data"


# ---- roll-up ------------------------------------------------------------------------------


def test_goals_take_the_weakest_status_up_to_the_vision() -> None:
    on = {"name": "a", "baseline": {"value": 0, "year": 2020}, "targets": {2022: 10}, "actuals": {2022: 10}}
    off = {"name": "b", "baseline": {"value": 0, "year": 2020}, "targets": {2022: 10}, "actuals": {2022: 1}}
    none = {"name": "c", "targets": {2022: 10}}
    p = programme(on, off, none)  # O0, O1 -> S1; O2 -> S2
    found = din_graph.progress(p)
    assert found.status_of("p/O0") == "on_track"
    assert found.status_of("p/O1") == "off_track"
    assert found.status_of("p/O2") == "no_data"
    assert found.status_of("p/S1") == "off_track"
    assert found.status_of("p/S2") == "no_data"
    assert found.status_of("p/vision") == "off_track"  # S2 without data does not count
    shared = din_graph.progress(p, rollup="share")
    assert shared.status_of("p/S1") == "off_track"  # one of two off track: at least a third


def test_share_rollup_counts() -> None:
    on = {"name": "a", "baseline": {"value": 0, "year": 2020}, "targets": {2022: 10}, "actuals": {2022: 10}}
    behind = {"name": "b", "baseline": {"value": 0, "year": 2020}, "targets": {2022: 10}, "actuals": {2022: 8}}
    p = Programme.model_validate(
        {
            "id": "p",
            "name": "P",
            "strategic_goals": [{"id": "S1", "title": "S"}],
            "operational_goals": [
                {"id": f"O{i}", "title": "t", "contributes_to": ["S1"], "indicators": [ind]}
                for i, ind in enumerate([on, on, behind])
            ],
        }
    )
    assert din_graph.progress(p, rollup="share").status_of("p/S1") == "on_track"  # two thirds on track
    assert din_graph.progress(p).status_of("p/S1") == "behind"
    with pytest.raises(DinError, match="rollup"):
        din_graph.progress(p, rollup="mean")  # type: ignore[arg-type]


def test_efforts_status_is_part_of_the_picture() -> None:
    p = programme(
        {"name": "a", "targets": {2022: 1}},
        efforts=[
            {"id": "E1", "title": "x", "contributes_to": ["O0"], "status": "loopt"},
            {"id": "E2", "title": "y", "contributes_to": ["O0"], "status": "gestopt"},
            {"id": "E3", "title": "z", "contributes_to": ["S1"]},
        ],
    )
    goals = {g.node: g for g in din_graph.progress(p).goals}
    assert goals["p/O0"].efforts == {"running": 1, "stopped": 1}
    assert goals["p/S1"].efforts == {"running": 1, "stopped": 1, "unknown": 1}
    assert goals["p/vision"].efforts == {"running": 1, "stopped": 1, "unknown": 1}


def test_almelo_duurzaamheid_targets_without_actuals_have_no_data() -> None:
    duurzaamheid = din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    found = din_graph.progress(duurzaamheid, 2021)
    assert found.count() == {"no_data": 5}
    assert all(i.expected is None and i.actual is None for i in found.indicators)
    groen = duurzaamheid.operational_goals[0].indicators[0]
    assert din_graph.expected_value(groen, 2021) == 4500


# ---- actuals from sheets ---------------------------------------------------------------------


def test_actuals_from_a_dutch_csv_put_duurzaamheid_on_the_map(tmp_path: Path) -> None:
    sheet = tmp_path / "realisatie.csv"
    sheet.write_text(
        "doel;indicator;jaar;waarde\n"
        "O1a;Toename van het aantal m2 open water in de gemeente Almelo;2020;2.900\n"
        "O2c;% duurzame energie van het totale energiegebruik in Almelo;2020;6,5\n"
        "O2d;aantal lopende duurzame initiatieven van (meerdere) inwoners;2020;7\n",
        encoding="utf-8",
    )
    duurzaamheid = din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    updated = with_actuals(duurzaamheid, sheet)
    assert isinstance(updated, Programme)
    assert updated.operational_goals[0].indicators[1].actuals == {2020: 2900.0}
    found = din_graph.progress(updated, 2020)
    by_goal = {i.goal.rsplit("/")[1]: i.status for i in found.indicators if i.status != "no_data"}
    assert by_goal == {"O1a": "behind", "O2c": "off_track", "O2d": "on_track"}
    assert found.status_of("almelo-duurzaamheid/S1") == "behind"
    assert found.status_of("almelo-duurzaamheid/S2") == "off_track"
    assert duurzaamheid.operational_goals[0].indicators[1].actuals == {}  # the file's programme is untouched


def test_actuals_from_excel(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Realisatie"
    sheet.append(["Programma", "Doel", "Indicator", "Jaar", "Waarde"])
    sheet.append(
        ["almelo-duurzaamheid", "O2d", "Aantal lopende duurzame initiatieven van (meerdere) inwoners", 2021, 9]
    )
    book.save(tmp_path / "r.xlsx")
    almelo = din_graph.load(ROOT / "examples" / "almelo")
    updated = with_actuals(almelo, tmp_path / "r.xlsx")
    goal = updated.programme("almelo-duurzaamheid").operational_goals[3]  # type: ignore[union-attr]
    assert goal.indicators[0].actuals == {2021: 9.0}


def test_bad_actuals_rows_are_all_reported_with_row_and_id(tmp_path: Path) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text(
        "goal,indicator,year,value\n"
        "O9,x,2020,1\n"
        "O1a,geen indicator,2020,1\n"
        "O1a,Toename van het aantal m2 open water in de gemeente Almelo,twintig,1\n"
        "O1a,Toename van het aantal m2 open water in de gemeente Almelo,2020,\n",
        encoding="utf-8",
    )
    with pytest.raises(DinValidationError) as info:
        load_actuals(sheet)
    assert [(p.line, p.id) for p in info.value.problems] == [(4, "O1a"), (5, "O1a")]
    sheet.write_text("goal,indicator,year,value\nO9,x,2020,1\nO1a,geen indicator,2020,1\n", encoding="utf-8")
    duurzaamheid = din_graph.load(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    with pytest.raises(DinValidationError) as info:
        with_actuals(duurzaamheid, sheet)
    messages = [str(p) for p in info.value.problems]
    assert messages[0].startswith(f"{sheet}:2: O9: no operational goal 'O9'")
    assert messages[1].startswith(f"{sheet}:3: O1a: goal 'O1a' has no indicator 'geen indicator'")
    sheet.write_text("doel,wat,jaar\n", encoding="utf-8")
    with pytest.raises(DinFileError, match="no column indicator, value"):
        load_actuals(sheet)


def test_din_progress_prints_the_roll_up_and_reads_actuals(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from din_graph._cli import cli

    sheet = tmp_path / "r.csv"
    sheet.write_text(
        "doel,indicator,jaar,waarde\nO2c,% duurzame energie van het totale energiegebruik in Almelo,2020,6.5\n"
    )
    runner = CliRunner()
    path = str(ROOT / "examples" / "almelo" / "duurzaamheid.yaml")
    text = runner.invoke(cli, ["progress", path, "--year", "2020", "--actuals", str(sheet)])
    assert text.exit_code == 0, text.output
    assert "  uit koers   S2  Almelose inwoners" in text.output
    assert "O2c % duurzame energie van het totale energiegebruik in Almelo: 6.5 (2020) / 9 -> uit koers" in text.output
    data = json.loads(runner.invoke(cli, ["progress", path, "--format", "json", "--actuals", str(sheet)]).output)
    assert {g["node"]: g["status"] for g in data["goals"]}["almelo-duurzaamheid/vision"] == "off_track"
    markdown = runner.invoke(cli, ["progress", path, "--format", "markdown", "--lang", "en"]).output
    assert markdown.startswith("# Progress (latest actuals)")
    sheet.write_text("doel,indicator,jaar,waarde\nO9,x,2020,1\n")
    bad = runner.invoke(cli, ["progress", path, "--actuals", str(sheet)])
    assert bad.exit_code == 2
    assert "r.csv:2: O9: no operational goal 'O9'" in bad.output
