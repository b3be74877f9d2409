"""Every structured extract of the seeds converts, with nothing dropped (issue: every seed programme)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import din_graph
from din_graph import DinValidationError, EffortPhase, Owner, Programme, convert_extract
from din_graph._cli import cli

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
EXTRACTS = sorted(DATA.glob("*.json")) if DATA.is_dir() else []
needs_data = pytest.mark.skipif(not EXTRACTS, reason="the seed extracts (../shared/data) are not beside this checkout")


def _bare(name: str) -> str:
    return " ".join(re.sub(r"\s*\([^)]*\)", "", name).split()).casefold()


def _check_counts(data: dict[str, Any], programme: Programme) -> None:
    assert programme.id == data["programme"]["id"]
    assert [g.id for g in programme.strategic_goals] == [g["id"] for g in data["strategic_goals"]]
    assert [g.title for g in programme.strategic_goals] == [g["text"] for g in data["strategic_goals"]]
    assert [g.id for g in programme.operational_goals] == [g["id"] for g in data["operational_goals"]]
    assert [len(g.indicators) for g in programme.operational_goals] == [
        len(g["indicators"]) for g in data["operational_goals"]
    ]
    assert [e.id for e in programme.efforts] == [e["id"] for e in data["efforts"]]
    assert len(programme.budget) == len(data["programme"]["budget"])
    assert sum(line.amount for line in programme.budget) == sum(b["amount_eur"] for b in data["programme"]["budget"])
    assert len(programme.related_programmes) == len(data["related_programmes"])
    assert [r.evidence for r in programme.related_programmes] == [r["evidence"] for r in data["related_programmes"]]
    assert [p.note for p in programme.placeholders] == data["placeholders"]
    assert (programme.notes or None) == data["notes"]


def _check_efforts(data: dict[str, Any], programme: Programme) -> None:
    for raw, effort in zip(data["efforts"], programme.efforts, strict=True):
        assert effort.title == raw["text"]
        assert effort.status == raw["status"], effort.id  # verbatim, remarks included
        assert effort.planning == raw["planning"], effort.id
        assert list(effort.contributes_to) == raw["goals"]
        assert list(effort.partners) == raw["partners"]
        assert list(effort.areas) == raw["areas"]
        if raw["owner"] is None:
            assert effort.owner is None
        else:
            assert effort.owner is not None
            owner = programme.owner(effort.owner)
            # the trekker as written is the owner's name or one of its other names
            assert raw["owner"] == owner.name or raw["owner"] in owner.aliases


def _check_owners(data: dict[str, Any], programme: Programme) -> None:
    listed = [o["name"] for o in data["owners"]]
    names = [o.name for o in programme.owners]
    assert names[: len(listed)] == listed  # every owner of the extract, in order
    for raw, owner in zip(data["owners"], programme.owners, strict=False):
        # the hours as the extract writes them: 36, "4-8", or text
        assert owner.hours_per_week == Owner(id="o", name="o", hours_per_week=raw["hours_per_week"]).hours_per_week
    # owners beyond the list are trekkers the efforts name that no listed owner matches
    trekkers = {e["owner"] for e in data["efforts"] if e["owner"]}
    for extra in names[len(listed) :]:
        assert extra in trekkers
        assert all(_bare(extra) != _bare(name) for name in listed)


@needs_data
@pytest.mark.parametrize("path", EXTRACTS, ids=lambda p: p.stem)
def test_extract_converts_with_nothing_dropped(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    programme = convert_extract(path)
    _check_counts(data, programme)
    _check_efforts(data, programme)
    _check_owners(data, programme)
    assert [p for p in din_graph.validate(programme) if p.severity == "error"] == []


@needs_data
@pytest.mark.parametrize("path", EXTRACTS, ids=lambda p: p.stem)
def test_converted_extract_round_trips_and_renders(path: Path, tmp_path: Path) -> None:
    programme = convert_extract(path, title="Titel van het document")
    for suffix in ("yaml", "json", "xlsx"):
        target = tmp_path / f"out.{suffix}"
        din_graph.dump(programme, target)
        with pytest.warns(din_graph.DinWarning) if _has_unknown_phase(programme) else _nothing():
            assert din_graph.load(target) == programme
    assert din_graph.from_networkx(din_graph.to_networkx(programme)) == programme
    svg = din_graph.render(programme, "svg", engine="matplotlib")
    assert isinstance(svg, str)
    assert "Titel van het document" in svg


def _has_unknown_phase(programme: Programme) -> bool:
    return any(e.phase is None and e.current_phase is EffortPhase.UNKNOWN for e in programme.efforts)


class _nothing:  # noqa: N801 -- a context manager used like pytest.warns
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


@needs_data
def test_parapluplan_status_keeps_its_words_and_gets_a_phase() -> None:
    programme = convert_extract(DATA / "losser-parapluplan-centrum.json")
    phases = {e.id: (e.current_phase.value if e.current_phase else None) for e in programme.efforts}
    assert phases == {
        "4.7": "running",  # Loopt
        "4.8": "tendering",  # Aanbestedingstraject
        "4.9": "planned",  # Nog starten
        "4.10": None,  # status leeg
        "4.11": "tendering",  # DO gereed. ... Aanbestedingsprocedure gestart.
        "4.12": "planned",  # Op korte termijn opstarten.
        "4.13": "tendering",
        # extraction remarks ("vervolgopgave (r. 407)") name no phase: unknown, none invented
        **{f"V{i}": "unknown" for i in range(1, 7)},
    }
    problems = din_graph.validate(programme)
    assert {p.id for p in problems if p.code == "unknown-phase"} == {f"V{i}" for i in range(1, 7)}
    assert all(p.severity == "warning" for p in problems)


def test_unknown_extract_key_is_an_error_not_dropped() -> None:
    data = {"programme": {"id": "x", "name": "X"}, "efforts": [{"id": "E1", "text": "t", "budget_eur": 5}]}
    with pytest.raises(DinValidationError, match=r"efforts\[0\]: unknown key 'budget_eur'"):
        convert_extract(data)


def test_bad_value_names_its_place_and_id() -> None:
    data = {"programme": {"id": "x", "name": "X"}, "efforts": [{"id": "E1", "text": "t", "role": "baas"}]}
    with pytest.raises(DinValidationError, match=r"E1: efforts\.0\.role"):
        convert_extract(data)


def test_trekker_not_listed_becomes_an_owner_and_bracketed_one_an_alias() -> None:
    data = {
        "programme": {"id": "x", "name": "X"},
        "efforts": [
            {"id": "E1", "text": "a", "owner": "Gemeente"},
            {"id": "E2", "text": "b", "owner": "CML"},
            {"id": "E3", "text": "c", "owner": "Gemeente"},
        ],
        "owners": [{"name": "CML (leden)", "type": "externe partner", "hours_per_week": "fulltime"}],
    }
    p = convert_extract(data)
    assert [(o.id, o.name, o.aliases) for o in p.owners] == [
        ("cml", "CML (leden)", ("CML",)),
        ("gemeente", "Gemeente", ()),
    ]
    assert [e.owner for e in p.efforts] == ["gemeente", "cml", "gemeente"]
    assert p.owners[0].hours_per_week == "fulltime"


@needs_data
def test_import_extract_command(tmp_path: Path) -> None:
    out = tmp_path / "pp.yaml"
    result = CliRunner().invoke(
        cli, ["import-extract", str(DATA / "losser-parapluplan-centrum.json"), "-o", str(out), "--title", "Parapluplan"]
    )
    assert result.exit_code == 0, result.output
    assert "V6: warning: no phase recognised" in result.output  # extraction remarks: phase unknown, said so
    with pytest.warns(din_graph.DinWarning, match="no phase recognised"):
        loaded = din_graph.load(out)
    assert isinstance(loaded, Programme)
    assert loaded.source is not None
    assert loaded.source.title == "Parapluplan"
    assert loaded.effort("4.11").status == "DO gereed. Info avond juli 2018. Aanbestedingsprocedure gestart."


def test_import_extract_command_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import-extract", str(bad), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "not valid JSON" in result.output
