"""Diff between two versions of a programme: unit cases and the property that the changes explain every difference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import din_graph
from din_graph import Programme, Role, apply_diff, diff
from din_graph._analysis._diff import COLLECTIONS, describe
from din_graph._cli import cli
from strategies import programmes

ROOT = Path(__file__).resolve().parent.parent
DUURZAAMHEID = ROOT / "examples" / "almelo" / "duurzaamheid.yaml"


def canonical(programme: Programme) -> dict[str, Any]:
    data = programme.model_dump(mode="json")
    for name in COLLECTIONS:
        data[name] = sorted(data[name], key=lambda item: item["id"])
    return data


def test_a_programme_compared_with_itself_has_no_changes() -> None:
    old = din_graph.load(DUURZAAMHEID)
    assert not diff(old, old)
    assert diff(old, din_graph.load(DUURZAAMHEID)).changes == ()


def test_goals_efforts_links_roles_owners_and_targets() -> None:
    old = din_graph.load(DUURZAAMHEID)
    e1, e2, *rest = old.efforts
    o1a = old.operational_goals[0]
    groen = o1a.indicators[0]
    moved = groen.model_copy(update={"targets": {**groen.targets, 2022: 7000}})
    new = old.model_copy(
        update={
            "efforts": (
                e1.model_copy(update={"role": Role.LEAD, "contributes_to": ("O1a", "O2c")}),
                e2.model_copy(update={"id": "E2-nieuw"}),  # same effort, new id
                *rest[:-1],  # the last effort is dropped
                din_graph.Effort(id="E99", title="Nieuwe inspanning groene daken", contributes_to=["O1b"]),
            ),
            "operational_goals": (
                o1a.model_copy(update={"indicators": (moved, *o1a.indicators[1:])}),
                *old.operational_goals[1:],
            ),
            "manager": "Programmamanager Klimaat",
        }
    )
    found = diff(old, new)
    lines = [describe(c) for c in found.changes]
    assert lines == [
        "programmamanager van almelo-duurzaamheid: Programmamanager Duurzaamheid → Programmamanager Klimaat",
        "indicatoren van O1a: Toename van het aantal m2 groen en… streefwaarde 2022: 6000 → 7000",
        "koppelingen van E1: + O2c, − O1b",
        "rol van E1: lijn → regie",
        "inspanning E2 heet nu E2-nieuw",
        "inspanning E33 verwijderd: Project Almeloos klimaat in stroomversnelling",
        "inspanning E99 toegevoegd: Nieuwe inspanning groene daken",
    ]
    assert describe(found.filter(field="role")[0], "en") == "role of E1: line → lead"
    assert canonical(apply_diff(old, found)) == canonical(new)


def test_a_renamed_goal_keeps_its_links() -> None:
    old = din_graph.load(DUURZAAMHEID)
    goals = tuple(g.model_copy(update={"id": "O1-groen"}) if g.id == "O1a" else g for g in old.operational_goals)
    efforts = tuple(
        e.model_copy(update={"contributes_to": tuple("O1-groen" if r == "O1a" else r for r in e.contributes_to)})
        for e in old.efforts
    )
    new = old.model_copy(update={"operational_goals": goals, "efforts": efforts})
    found = diff(old, new)
    assert [describe(c) for c in found.changes] == ["operationeel doel O1a heet nu O1-groen"]
    assert canonical(apply_diff(old, found)) == canonical(new)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=programmes(programme_id=st.just("p")), b=programmes(programme_id=st.just("p")))
def test_the_changes_explain_every_difference(a: Programme, b: Programme) -> None:
    found = diff(a, b)
    assert canonical(apply_diff(a, found)) == canonical(b)
    assert not diff(a, a)
    assert bool(found) == (canonical(a) != canonical(b))


def test_din_diff_prints_a_memo_and_exits_1_on_changes(tmp_path: Path) -> None:
    text = DUURZAAMHEID.read_text(encoding="utf-8")
    changed = tmp_path / "v2.yaml"
    changed.write_text(
        text.replace(
            "targets: {2019: 1000, 2020: 2000, 2021: 4500, 2022: 6000}",
            "targets: {2019: 1000, 2020: 2000, 2021: 4500, 2022: 7000}",
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    same = runner.invoke(cli, ["diff", str(DUURZAAMHEID), str(DUURZAAMHEID)])
    assert same.exit_code == 0
    assert "geen wijzigingen" in same.output
    result = runner.invoke(cli, ["diff", str(DUURZAAMHEID), str(changed), "--format", "markdown", "--lang", "en"])
    assert result.exit_code == 1
    assert "target 2022: 6000 → 7000" in result.output
    result = runner.invoke(cli, ["diff", str(DUURZAAMHEID), str(changed), "--format", "json"])
    assert '"field": "indicators"' in result.output
    bad = runner.invoke(cli, ["diff", "examples/almelo", str(changed)])
    assert bad.exit_code == 2
    assert "--programme" in bad.output
