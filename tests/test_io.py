"""Files: load/dump round trips, determinism, formats, folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import portfolios, programmes

import din_graph
from din_graph import Portfolio, Programme
from din_graph._io._reader import parse_text

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _roundtrip_text(obj: Programme | Portfolio, fmt: str) -> Programme | Portfolio:
    from din_graph._io._files import _read  # the loader without file-system detours

    suffix = ".json" if fmt == "json" else ".yaml"
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        din_graph.dump(obj, path)
        loaded, problems = _read(path, 10**9)
    assert [p for p in problems if p.severity == "error"] == []
    assert loaded is not None
    return loaded


@_SETTINGS
@given(programmes(), st.sampled_from(["yaml", "json"]))
def test_programme_round_trip(programme: Programme, fmt: str) -> None:
    assert _roundtrip_text(programme, fmt) == programme


@_SETTINGS
@given(portfolios(), st.sampled_from(["yaml", "json"]))
def test_portfolio_round_trip_single_file(portfolio: Portfolio, fmt: str) -> None:
    assert _roundtrip_text(portfolio, fmt) == portfolio


@settings(max_examples=25, deadline=None)
@given(portfolios())
def test_portfolio_round_trip_folder(portfolio: Portfolio) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        written = din_graph.dump(portfolio, Path(tmp) / "pf")
        assert written[0].name == "portfolio.yaml"
        assert len(written) == len(portfolio.programmes) + 1
        assert din_graph.load(Path(tmp) / "pf") == portfolio


@_SETTINGS
@given(programmes())
def test_dump_is_deterministic(programme: Programme) -> None:
    first = din_graph.dumps(programme)
    # An equal object built independently (through JSON) must give the same bytes.
    twin = Programme.model_validate_json(programme.model_dump_json())
    assert din_graph.dumps(twin) == first
    assert din_graph.dumps(programme, "json") == din_graph.dumps(twin, "json")


@_SETTINGS
@given(programmes())
def test_generated_programmes_are_valid(programme: Programme) -> None:
    assert [p for p in din_graph.validate(programme) if p.severity == "error"] == []


def test_example_round_trips_byte_for_byte_after_first_dump(tmp_path: Path) -> None:
    almelo = din_graph.load("examples/almelo")
    din_graph.dump(almelo, tmp_path / "a")
    din_graph.dump(din_graph.load(tmp_path / "a"), tmp_path / "b")
    for name in ("portfolio.yaml", "almelo-duurzaamheid.yaml", "almelo-leefbare-wijken-en-dorpen.yaml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert din_graph.load(tmp_path / "b") == almelo


def test_yaml_and_json_load_the_same_programme(tmp_path: Path) -> None:
    programme = din_graph.load("examples/almelo/duurzaamheid.yaml")
    din_graph.dump(programme, tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert data["programme"]["id"] == "almelo-duurzaamheid"
    assert din_graph.load(tmp_path / "d.json") == programme


def test_dump_writes_years_as_numbers_in_yaml(tmp_path: Path) -> None:
    programme = Programme(
        id="p",
        name="P",
        operational_goals=[
            {"id": "O1", "title": "t", "indicators": [{"name": "n", "targets": {2022: 6, "onbekend": 5, 2019: 1}}]}
        ],
    )
    text = din_graph.dumps(programme)
    assert "2019: 1\n" in text
    assert text.index("2019:") < text.index("2022:") < text.index("onbekend:")


def test_folder_without_portfolio_file_is_a_portfolio(tmp_path: Path) -> None:
    din_graph.dump(Programme(id="a", name="A"), tmp_path / "a.yaml")
    din_graph.dump(Programme(id="b", name="B"), tmp_path / "b.json")
    portfolio = din_graph.load(tmp_path)
    assert isinstance(portfolio, Portfolio)
    assert [p.id for p in portfolio.programmes] == ["a", "b"]


def test_inline_programmes_in_portfolio_file(tmp_path: Path) -> None:
    path = tmp_path / "portfolio.yaml"
    path.write_text(
        "portfolio: {id: pf, name: P}\nprogrammes:\n  - programme: {id: a, name: A}\n"
        "    efforts:\n      - {id: E1, title: x, contributes_to: [S9]}\n"
    )
    [problem] = din_graph.validate(path)
    assert (problem.line, problem.id, problem.code) == (5, "E1", "unknown-reference")


def test_dump_refuses_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(din_graph.DinFileError):
        din_graph.dump(Programme(id="a", name="A"), tmp_path / "a.txt")


def test_lines_of_nested_values() -> None:
    doc = parse_text("a:\n  b:\n    - x\n    - y: 1\n", "t.yaml")
    assert doc.lines[("a", "b", 1, "y")] == 4
    assert doc.line(("a", "b", 1, "y", "missing")) == 4


def test_timestamps_become_text() -> None:
    doc = parse_text("date: 2023-01-15\n", "t.yaml")
    assert doc.data == {"date": "2023-01-15"}


def test_each_bad_programme_entry_of_a_portfolio_file_is_named_with_its_line(tmp_path: Path) -> None:
    din_graph.dump(Programme(id="a", name="A"), tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("programme: {id: b, name: B}\nefforts:\n  - {id: E1, title: x, kind: wat}\n")
    (tmp_path / "pf.yaml").write_text(
        "portfolio: {id: pf, name: P}\nprogrammes:\n  - a.yaml\n  - missing.yaml\n  - 42\n  - b.yaml\n"
    )
    with pytest.raises(din_graph.DinValidationError) as caught:
        din_graph.load(tmp_path / "pf.yaml")
    problems = {(p.line, p.id): p.message for p in caught.value.problems}
    assert (4, "missing.yaml") in problems
    assert problems[(4, "missing.yaml")].startswith("programme file 'missing.yaml': ")
    wrong = "a programme entry must be a file path or a programme block"
    assert any(line == 5 and wrong in message for (line, _), message in problems.items())
    b_file = [p for p in caught.value.problems if (p.file or "").endswith("b.yaml")]
    assert [p.line for p in b_file] == [3]
