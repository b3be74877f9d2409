"""The networkx graph of DESIGN.md §3, and its way back to the model."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from tests.strategies import portfolios, programmes

import din_graph
from din_graph import DinError, Portfolio, Programme, from_networkx, to_networkx

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def small() -> Programme:
    return Programme(
        id="p",
        name="P",
        vision="Een groene stad",
        strategic_goals=[{"id": "S1", "title": "Groener"}],
        operational_goals=[{"id": "O1", "title": "Meer groen", "contributes_to": ["S1"]}],
        efforts=[
            {
                "id": "E1",
                "title": "Bomen",
                "contributes_to": ["O1", "S1"],
                "owner": "team",
                "role": "regie",
                "kind": "project",
            },
            {"id": "E2", "title": "Los", "role": "lijn"},
        ],
        owners=[{"id": "team", "name": "Team Groen", "type": "team"}],
        placeholders=[{"id": "PM1", "contributes_to": ["O1"]}],
    )


def test_nodes_keys_and_kinds(small: Programme) -> None:
    g = to_networkx(small)
    assert dict(g.nodes(data="kind")) == {
        "p/vision": "vision",
        "p/S1": "strategic_goal",
        "p/O1": "operational_goal",
        "p/E1": "effort",
        "p/E2": "effort",
        "p/PM1": "placeholder",
        "p/team": "owner",
    }
    assert g.nodes["p/E1"]["title"] == "Bomen"
    assert g.nodes["p/E1"]["effort_kind"] == "project"
    assert g.nodes["p/E1"]["programme"] == "p"


def test_edges_point_from_means_to_ends(small: Programme) -> None:
    g = to_networkx(small)
    relations = {(u, v): d["relation"] for u, v, d in g.edges(data=True)}
    assert relations == {
        ("p/S1", "p/vision"): "contributes_to",
        ("p/O1", "p/S1"): "contributes_to",
        ("p/E1", "p/O1"): "contributes_to",
        ("p/E1", "p/S1"): "contributes_to",
        ("p/PM1", "p/O1"): "contributes_to",
        ("p/team", "p/E1"): "owns",
    }
    assert g.edges["p/team", "p/E1"]["role"] == "lead"
    assert nx.is_directed_acyclic_graph(g)
    assert not any(d["cross_programme"] for _, _, d in g.edges(data=True))


def test_portfolio_graph_flags_cross_programme_edges() -> None:
    a = Programme(id="a", name="A", strategic_goals=[{"id": "S1", "title": "x"}])
    b = Programme(id="b", name="B", efforts=[{"id": "E1", "title": "y", "contributes_to": ["a/S1"]}])
    g = to_networkx(Portfolio(id="pf", name="PF", programmes=[a, b]))
    assert g.edges["b/E1", "a/S1"]["cross_programme"] is True
    assert g.graph["portfolio"]["id"] == "pf"


def test_reference_outside_the_graph_ends_in_an_external_node() -> None:
    b = Programme(id="b", name="B", efforts=[{"id": "E1", "title": "y", "contributes_to": ["a/S1"]}])
    g = to_networkx(b)
    assert g.nodes["a/S1"]["kind"] == "external"
    assert from_networkx(g) == b


def test_examples_graph() -> None:
    almelo = din_graph.load("examples/almelo")
    g = to_networkx(almelo)
    kinds = [k for _, k in g.nodes(data="kind")]
    assert kinds.count("vision") == 2
    assert kinds.count("effort") == 57
    assert nx.is_directed_acyclic_graph(g)
    assert from_networkx(g) == almelo


@_SETTINGS
@given(programmes())
def test_programme_graph_round_trip(programme: Programme) -> None:
    assert from_networkx(to_networkx(programme)) == programme


@_SETTINGS
@given(portfolios())
def test_portfolio_graph_round_trip(portfolio: Portfolio) -> None:
    g = to_networkx(portfolio)
    assert from_networkx(g) == portfolio
    # every edge goes up a level: the graph of a valid portfolio is a DAG
    assert nx.is_directed_acyclic_graph(g)
    # node keys are unique across the portfolio and prefixed by their programme
    assert all(key.startswith(f"{data['programme']}/") for key, data in g.nodes(data=True))


@_SETTINGS
@given(portfolios())
def test_graph_edges_match_model_links(portfolio: Portfolio) -> None:
    g = to_networkx(portfolio)

    def target(pid: str, ref: str) -> str:
        if "/" in ref:
            return ref
        return f"{pid}/vision" if ref in ("vision", "visie") else f"{pid}/{ref}"

    expected = {
        (f"{p.id}/{item.id}", target(p.id, ref))
        for p in portfolio.programmes
        for item in (*p.operational_goals, *p.efforts, *p.placeholders)
        for ref in item.contributes_to
    }
    explicit = {(u, v) for u, v, d in g.edges(data=True) if d["relation"] == "contributes_to" and not d.get("implicit")}
    assert explicit == expected


def test_from_networkx_rejects_foreign_graphs() -> None:
    with pytest.raises(DinError, match="to_networkx"):
        from_networkx(nx.DiGraph())


def test_edits_on_the_graph_come_back_validated(small: Programme) -> None:
    g = to_networkx(small)
    g.nodes["p/E2"]["role"] = "afstemming"
    g.add_edge("p/E2", "p/O1", relation="contributes_to", ref="O1", order=0, cross_programme=False)
    back = from_networkx(g)
    assert isinstance(back, Programme)
    assert back.effort("E2").role is din_graph.Role.COORDINATION
    assert back.effort("E2").contributes_to == ("O1",)
    g.nodes["p/E2"]["role"] = "nonsense"
    with pytest.raises(DinError):
        from_networkx(g)
