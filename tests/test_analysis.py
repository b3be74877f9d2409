"""Structural analyses: each definition pinned by hand-made cases, then checked
against a brute-force recomputation on the networkx graph for random portfolios."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from tests.strategies import portfolios

import din_graph
from din_graph import (
    Portfolio,
    Programme,
    check,
    goal_support,
    incomplete_indicators,
    leverage,
    lone_goals,
    not_smart_goals,
    orphan_efforts,
    owner_load,
    removal_impact,
    role_mix,
    single_points_of_failure,
    to_networkx,
    trace_down,
    trace_up,
    uncovered_goals,
)
from din_graph._analysis._index import owner_identity

_SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

UF = {"id": "uf", "name": "Uitvoering Fysiek", "type": "afdeling"}


def programme(**fields: object) -> Programme:
    base: dict[str, object] = {"id": "p", "name": "P", "vision": "Een groene stad"}
    return Programme.model_validate(base | fields)


def pf(*programmes: Programme, **fields: object) -> Portfolio:
    return Portfolio.model_validate({"id": "pf", "name": "PF", "programmes": programmes} | fields)


# --------------------------------------------------------------------------- hand-made cases


def test_orphans() -> None:
    a = programme(
        strategic_goals=[{"id": "S1", "title": "s"}],
        efforts=[
            {"id": "E1", "title": "linked", "contributes_to": ["S1"]},
            {"id": "E2", "title": "nothing"},
            {"id": "E3", "title": "vision only", "contributes_to": ["vision"]},
            {"id": "E4", "title": "other programme", "contributes_to": ["q/O1"]},
        ],
    )
    # alone, a link into a programme that is not loaded cannot be checked: benefit of the doubt
    assert [(o.effort, o.links) for o in orphan_efforts(a)] == [("p/E2", ()), ("p/E3", ("p/vision",))]
    q = Programme(id="q", name="Q", operational_goals=[{"id": "O1", "title": "o"}])
    assert [o.effort for o in orphan_efforts(pf(a, q))] == ["p/E2", "p/E3"]


def test_uncovered_goals_and_placeholders() -> None:
    a = programme(
        strategic_goals=[
            {"id": "S1", "title": "via O1"},
            {"id": "S2", "title": "bare"},
            {"id": "S3", "title": "direct"},
        ],
        operational_goals=[
            {"id": "O1", "title": "only PM", "contributes_to": ["S1"]},
            {"id": "O2", "title": "served from elsewhere"},
        ],
        efforts=[{"id": "E1", "title": "x", "contributes_to": ["S3"]}],
        placeholders=[{"id": "PM1", "contributes_to": ["O1"]}, {"id": "PM2", "contributes_to": ["S2"]}],
    )
    b = Programme(id="b", name="B", efforts=[{"id": "E9", "title": "y", "contributes_to": ["p/O2"]}])
    result = [(u.goal, u.kind, u.placeholders) for u in uncovered_goals(pf(a, b))]
    assert result == [("p/S2", "strategic_goal", ("p/PM2",)), ("p/O1", "operational_goal", ("p/PM1",))]


def test_not_smart_reasons() -> None:
    a = programme(
        period={"start": 2019, "end": 2022},
        operational_goals=[
            {
                "id": "O1",
                "title": "ok",
                "indicators": [{"name": "i", "baseline": {"value": 0, "year": 2018}, "targets": {2022: 5}}],
            },
            {"id": "O2", "title": "none"},
            {
                "id": "O3",
                "title": "text",
                "indicators": [{"name": "i", "baseline": {"value": 1, "year": 2018}, "targets": {2020: "ntb."}}],
            },
            {
                "id": "O4",
                "title": "late",
                "indicators": [{"name": "i", "baseline": {"value": 1, "year": 2018}, "targets": {2030: 9}}],
            },
            {"id": "O5", "title": "no baseline", "indicators": [{"name": "i", "targets": {2021: 3}}]},
            {
                "id": "O6",
                "title": "lost year but measurable",
                "indicators": [
                    {"name": "a", "baseline": {"value": 1, "year": 2018}, "targets": {2021: 3}},
                    {"name": "b", "baseline": {"value": 1, "year": 2018}, "targets": {"onbekend": 4}},
                ],
            },
            {
                "id": "O7",
                "title": "early",
                "indicators": [{"name": "i", "baseline": {"value": 1, "year": 2010}, "targets": {2015: 2, 2020: 3}}],
            },
        ],
    )
    assert {n.goal: n.reasons for n in not_smart_goals(a)} == {
        "p/O2": ("no-indicator",),
        "p/O3": ("no-target", "target-not-numeric"),
        "p/O4": ("target-outside-period",),
        "p/O5": ("no-baseline",),
        "p/O7": ("target-outside-period",),
    }
    assert [(i.goal, i.indicator, i.lost_years, i.text_targets) for i in incomplete_indicators(a)] == [
        ("p/O3", "i", (), ("2020: ntb.",)),
        ("p/O6", "b", ("onbekend",), ()),
    ]


def test_single_points_of_failure() -> None:
    a = programme(
        owners=[UF, {"id": "tg", "name": "Team Groen", "type": "team"}],
        strategic_goals=[
            {"id": "S1", "title": "one effort"},
            {"id": "S2", "title": "one owner"},
            {"id": "S3", "title": "mixed"},
            {"id": "S4", "title": "unowned"},
        ],
        efforts=[
            {"id": "E1", "title": "a", "contributes_to": ["S1"], "owner": "uf"},
            {"id": "E2", "title": "b", "contributes_to": ["S2", "S3"], "owner": "uf"},
            {"id": "E3", "title": "c", "contributes_to": ["S2", "S4"], "owner": "uf"},
            {"id": "E4", "title": "d", "contributes_to": ["S3"], "owner": "tg"},
            {"id": "E5", "title": "e", "contributes_to": ["S4"]},
        ],
    )
    found = {(s.goal, s.through, s.efforts, s.owner) for s in single_points_of_failure(a)}
    assert found == {
        ("p/S1", "effort", ("p/E1",), "Uitvoering Fysiek"),
        ("p/S2", "owner", ("p/E2", "p/E3"), "Uitvoering Fysiek"),
    }


def test_owner_matched_by_name_across_programmes() -> None:
    a = programme(
        owners=[UF],
        strategic_goals=[{"id": "S1", "title": "s"}],
        efforts=[{"id": "E1", "title": "a", "contributes_to": ["S1"], "owner": "uf"}],
    )
    b = Programme(
        id="b",
        name="B",
        owners=[{**UF, "id": "fysiek", "name": "uitvoering  fysiek"}],
        efforts=[{"id": "E2", "title": "b", "contributes_to": ["p/S1"], "owner": "fysiek"}],
    )
    [spof] = single_points_of_failure(pf(a, b))
    assert (spof.goal, spof.through) == ("p/S1", "owner")
    [load] = owner_load(pf(a, b))
    assert load.programmes == ("p", "b")
    [impact] = removal_impact(pf(a, b), "b/fysiek")
    assert impact.efforts == ("p/E1", "b/E2")
    assert impact.goals == ("p/S1",)


def test_removal_impact_of_effort_and_sweep() -> None:
    a = programme(
        strategic_goals=[{"id": "S1", "title": "s"}],
        operational_goals=[
            {"id": "O1", "title": "o1", "contributes_to": ["S1"]},
            {"id": "O2", "title": "o2", "contributes_to": ["S1"]},
        ],
        efforts=[
            {"id": "E1", "title": "a", "contributes_to": ["O1"]},
            {"id": "E2", "title": "b", "contributes_to": ["O2"]},
            {"id": "E3", "title": "c", "contributes_to": ["O2"]},
        ],
    )
    assert removal_impact(a, "p/E1")[0].goals == ("p/O1",)  # S1 keeps E2 and E3
    assert removal_impact(a, "p/E2")[0].goals == ()
    assert [(r.removed, r.goals) for r in removal_impact(a)] == [("p/E1", ("p/O1",))]
    with pytest.raises(KeyError):
        removal_impact(a, "p/S1")


def test_leverage_ranking() -> None:
    a = programme(
        strategic_goals=[{"id": "S1", "title": "s"}, {"id": "S2", "title": "t"}],
        operational_goals=[
            {"id": "O1", "title": "o", "contributes_to": ["S1"]},
            {"id": "O2", "title": "p", "contributes_to": ["S2"]},
        ],
        efforts=[
            {"id": "E1", "title": "two direct", "contributes_to": ["O1", "S1"]},
            {"id": "E2", "title": "four reached", "contributes_to": ["O1", "O2"]},
            {"id": "E3", "title": "one", "contributes_to": ["S1"]},
        ],
    )
    assert [(item.effort, item.goals, len(item.reached)) for item in leverage(a)] == [
        ("p/E2", ("p/O1", "p/O2"), 4),
        ("p/E1", ("p/O1", "p/S1"), 2),
    ]


def test_owner_load_hours_and_capacity() -> None:
    a = programme(
        owners=[{**UF, "hours_per_week": "8-12"}],
        efforts=[
            {"id": "E1", "title": "a", "owner": "uf", "hours_per_week": 10},
            {"id": "E2", "title": "b", "owner": "uf", "hours_per_week": "4-8"},
        ],
    )
    [load] = owner_load(a)
    assert load.effort_hours == (14.0, 18.0)
    assert load.capacity == (8.0, 12.0)
    assert load.overloaded_by_hours
    [finding] = check(a, lang="en").filter(code="owner-overload")
    assert finding.message == "'Uitvoering Fysiek' carries 2 efforts, 14 hours a week against a capacity of 12"


def test_role_mix_per_programme_and_goal() -> None:
    a = programme(
        strategic_goals=[{"id": "S1", "title": "s"}],
        efforts=[
            {"id": "E1", "title": "a", "role": "regie", "contributes_to": ["S1"]},
            {"id": "E2", "title": "b", "role": "afstemming", "contributes_to": ["S1"]},
            {"id": "E3", "title": "c", "role": "inwoners"},
        ],
    )
    [mix] = role_mix(a)
    assert mix.counts == {"lead": 1, "line": 0, "coordination": 1, "partner": 0, "residents": 1, "unknown": 0}
    [goal_mix] = role_mix(a, per="goal")
    assert (goal_mix.scope, goal_mix.total, goal_mix.shares["lead"]) == ("p/S1", 2, 0.5)


def test_traces() -> None:
    a = programme(
        strategic_goals=[{"id": "S1", "title": "s"}],
        operational_goals=[{"id": "O1", "title": "o", "contributes_to": ["S1"]}],
        efforts=[{"id": "E1", "title": "a", "contributes_to": ["O1", "S1"]}],
        placeholders=[{"id": "PM1", "contributes_to": ["O1"]}],
    )
    assert trace_up(a, "p/E1") == [("p/E1", "p/O1", "p/S1", "p/vision"), ("p/E1", "p/S1", "p/vision")]
    assert trace_down(a, "p/vision") == [
        ("p/vision", "p/S1", "p/O1", "p/E1"),
        ("p/vision", "p/S1", "p/O1", "p/PM1"),
        ("p/vision", "p/S1", "p/E1"),
    ]
    with pytest.raises(KeyError):
        trace_up(a, "p/nope")


def test_lone_goals_and_hygiene_findings() -> None:
    a = programme(
        strategic_goals=[{"id": "S1", "title": "only"}],
        operational_goals=[{"id": "O1", "title": "lone", "contributes_to": ["S1"]}],
        efforts=[{"id": "E1", "title": "a", "contributes_to": ["O1"]}],
    )
    assert [(lg.level, lg.goal) for lg in lone_goals(a)] == [("strategic_goal", "p/S1"), ("operational_goal", "p/O1")]
    no_vision = Programme(id="q", name="Q")
    missions = [{"id": f"m{i}", "title": f"opgave {i}"} for i in range(8)]
    findings = check(pf(a, no_vision, missions=missions), lang="en")
    assert findings.count_by_code() == {
        "too-many-missions": 1,
        "no-vision": 1,
        "single-point-of-failure": 2,
        "not-smart": 1,
        "lone-goal": 2,
        "effort-without-owner": 1,
        "roles-unknown": 1,
        "kernopgaven-count": 2,  # both programmes have fewer than the seed's 5-7 strategic goals
    }
    assert findings[0].to_dict(data=False) == {
        "code": "too-many-missions",
        "severity": "warning",
        "programme": None,
        "node": "pf",
        "message": "8 missions (more than 7)",
    }


def test_owner_overload_by_count_and_spread() -> None:
    a = programme(owners=[UF], efforts=[{"id": f"E{i}", "title": "x", "owner": "uf"} for i in range(3)])
    b = Programme(id="b", name="B", owners=[UF])
    findings = check(pf(a, b), max_efforts_per_owner=2)
    assert [f.code for f in findings.filter(programme="p") if f.code.startswith("owner")] == [
        "owner-overload",
        "owner-in-several-programmes",
    ]
    assert findings.filter(code="owner-overload")[0].message == "'Uitvoering Fysiek' trekt 3 inspanningen"


def test_findings_conversions_and_languages() -> None:
    almelo = din_graph.load("examples/almelo")
    nl, en = check(almelo), check(almelo, lang="en")
    assert [f.code for f in nl] == [f.code for f in en]
    assert nl[0].message != en[0].message
    dicts = nl.to_dicts()
    assert set(dicts[0]) == {"code", "severity", "programme", "node", "message", "data"}
    frame = nl.to_dataframe()
    assert list(frame.columns) == ["code", "severity", "programme", "node", "message", "data"]
    assert len(frame) == len(nl)
    assert nl.filter(code="orphan-effort", programme="almelo-duurzaamheid")[:1][0].node == "almelo-duurzaamheid/E31"
    with pytest.raises(ValueError, match="lang"):
        check(almelo, lang="de")  # type: ignore[arg-type]


def test_almelo_findings_a_reader_expects() -> None:
    findings = check(din_graph.load("examples/almelo"))
    assert [f.node for f in findings.filter(code="orphan-effort")] == [
        "almelo-duurzaamheid/E31",
        "almelo-duurzaamheid/E32",
        "almelo-duurzaamheid/E33",
        "almelo-leefbare-wijken-en-dorpen/CO1",
        "almelo-leefbare-wijken-en-dorpen/CO2",
    ]
    # the PM columns of Leefbare wijken en dorpen are placeholders, not cover
    pms = findings.filter(code="open-placeholder", programme="almelo-leefbare-wijken-en-dorpen")
    assert len(pms) == 7
    not_smart = {f.node for f in findings.filter(code="not-smart")}
    assert "almelo-duurzaamheid/O1b" in not_smart  # O1b has no indicator in the contract
    assert {f"almelo-leefbare-wijken-en-dorpen/W{i}" for i in range(1, 6)} <= not_smart  # werkvelden: no indicators
    assert "almelo-duurzaamheid/O1a" not in not_smart  # measurable; one indicator lost its years
    lost = findings.filter(code="incomplete-indicator", programme="almelo-duurzaamheid")
    assert {f.node for f in lost} == {"almelo-duurzaamheid/O1a", "almelo-duurzaamheid/O2c", "almelo-duurzaamheid/O2e"}
    shared = findings.filter(code="owner-in-several-programmes")
    assert "'Uitvoering Fysiek'" in " ".join(f.message for f in shared)


def test_hengelo_findings() -> None:
    findings = check(din_graph.load("examples/hengelo"), lang="en")
    uncovered = {f.node for f in findings.filter(code="uncovered-goal")}
    assert "hengelo-woningbouw/O1" in uncovered
    [woningbouw] = findings.filter(code="not-smart", programme="hengelo-woningbouw")
    assert woningbouw.data["reasons"] == ("target-outside-period", "no-baseline")  # 15.000 homes by 2050


# --------------------------------------------------------------------------- properties against brute force


def _goal_nodes(g: nx.DiGraph) -> set[str]:
    return {n for n, k in g.nodes(data="kind") if k in ("strategic_goal", "operational_goal", "external")}


def _efforts(g: nx.DiGraph) -> list[str]:
    return [n for n, k in g.nodes(data="kind") if k == "effort"]


def _supported(portfolio: Portfolio) -> dict[str, set[str]]:
    g = to_networkx(portfolio)
    contrib = g.edge_subgraph((u, v) for u, v, r in g.edges(data="relation") if r == "contributes_to").copy()
    out = {}
    for n, k in g.nodes(data="kind"):
        if k in ("strategic_goal", "operational_goal"):
            ancestors = nx.ancestors(contrib, n) if n in contrib else set()
            out[n] = {a for a in ancestors if g.nodes[a]["kind"] == "effort"}
    return out


@_SETTINGS
@given(portfolios())
def test_orphan_iff_no_path_to_a_goal(portfolio: Portfolio) -> None:
    g = to_networkx(portfolio)
    goals = _goal_nodes(g)
    expected = [e for e in _efforts(g) if not (nx.descendants(g, e) & goals)]
    assert [o.effort for o in orphan_efforts(portfolio)] == expected


@_SETTINGS
@given(portfolios())
def test_uncovered_matches_definition(portfolio: Portfolio) -> None:
    g = to_networkx(portfolio)
    expected = set()
    for n, kind in g.nodes(data="kind"):
        preds = {g.nodes[p]["kind"] for p, _, r in g.in_edges(n, data="relation") if r == "contributes_to"}
        if kind == "operational_goal" and "effort" not in preds:
            expected.add(n)
        if kind == "strategic_goal" and not preds & {"effort", "operational_goal"}:
            expected.add(n)
    assert {u.goal for u in uncovered_goals(portfolio)} == expected


@_SETTINGS
@given(portfolios())
def test_support_matches_ancestors(portfolio: Portfolio) -> None:
    assert {k: set(v) for k, v in goal_support(portfolio).items()} == _supported(portfolio)


@_SETTINGS
@given(portfolios())
def test_single_points_of_failure_match_support(portfolio: Portfolio) -> None:
    support = _supported(portfolio)
    owners = {}
    for p in portfolio.programmes:
        by_id = {o.id: o for o in p.owners}
        for e in p.efforts:
            owners[f"{p.id}/{e.id}"] = owner_identity(by_id[e.owner]) if e.owner else None
    expected = set()
    for goal, efforts in support.items():
        carriers = {owners[e] for e in efforts}
        if len(efforts) == 1 or (efforts and len(carriers) == 1 and None not in carriers):
            expected.add(goal)
    assert {s.goal for s in single_points_of_failure(portfolio)} == expected


def _without(portfolio: Portfolio, efforts: set[str]) -> Portfolio:
    return portfolio.model_copy(
        update={
            "programmes": tuple(
                p.model_copy(update={"efforts": tuple(e for e in p.efforts if f"{p.id}/{e.id}" not in efforts)})
                for p in portfolio.programmes
            )
        }
    )


@_SETTINGS
@given(portfolios())
def test_removal_impact_equals_support_lost_after_deleting(portfolio: Portfolio) -> None:
    before = {g for g, s in _supported(portfolio).items() if s}
    g = to_networkx(portfolio)
    carried_by: dict[str, set[str]] = {}  # owner identity -> its efforts, from the graph's 'owns' edges
    for u, v, relation in g.edges(data="relation"):
        if relation == "owns" and g.nodes[u]["kind"] == "owner":
            carried_by.setdefault(" ".join(g.nodes[u]["name"].split()).casefold(), set()).add(v)
    for node in [n for n, k in g.nodes(data="kind") if k in ("effort", "owner")]:
        if g.nodes[node]["kind"] == "effort":
            removed = {node}
        else:
            removed = carried_by.get(" ".join(g.nodes[node]["name"].split()).casefold(), set())
        [impact] = removal_impact(portfolio, node)
        assert set(impact.efforts) == removed
        after = {goal for goal, s in _supported(_without(portfolio, removed)).items() if s}
        assert set(impact.goals) == before - after


@_SETTINGS
@given(portfolios())
def test_leverage_reaches_what_the_graph_reaches(portfolio: Portfolio) -> None:
    g = to_networkx(portfolio)
    goals = _goal_nodes(g)
    for item in leverage(portfolio, min_goals=1):
        assert set(item.reached) == nx.descendants(g, item.effort) & goals
    ranked = [len(item.reached) for item in leverage(portfolio)]
    assert ranked == sorted(ranked, reverse=True)


@_SETTINGS
@given(portfolios())
def test_check_is_deterministic(portfolio: Portfolio) -> None:
    twin = Portfolio.model_validate_json(portfolio.model_dump_json())
    assert check(portfolio) == check(twin)
    assert check(portfolio).to_json() == check(twin).to_json()
