"""The DIN rules a well-formed model must also satisfy (DESIGN.md §3).

pydantic checks each object on its own; these checks look across objects:
unique ids, references that resolve, links that run from means to ends
without skipping a level, no cycles, known owners, known programmes.  They
return every issue at once, located by the path of the offending value in the
model, which the loader turns into a file and a line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from ._model import (
    Effort,
    EffortPhase,
    OperationalGoal,
    Placeholder,
    Portfolio,
    Programme,
    StrategicGoal,
    parse_reference,
)

__all__ = ["Issue", "NodeKind", "area_names", "node_kinds", "portfolio_issues", "programme_issues", "standalone_issues"]

NodeKind = Literal["vision", "strategic_goal", "operational_goal", "effort", "owner", "placeholder"]
PathT = tuple[str | int, ...]
VISION_IDS = ("vision", "visie")

_LEVEL = {"effort": 0, "placeholder": 0, "operational_goal": 1, "strategic_goal": 2, "vision": 3}
_DUTCH_KIND = {
    "vision": "the vision",
    "strategic_goal": "strategic goal",
    "operational_goal": "operational goal",
    "effort": "effort",
    "owner": "owner",
    "placeholder": "placeholder",
}
_WITH_ARTICLE = {
    "vision": "the vision",
    "strategic_goal": "a strategic goal",
    "operational_goal": "an operational goal",
    "effort": "an effort",
    "owner": "an owner",
    "placeholder": "a placeholder",
}


_COLLECTIONS: tuple[tuple[str, NodeKind], ...] = (
    ("strategic_goals", "strategic_goal"),
    ("operational_goals", "operational_goal"),
    ("efforts", "effort"),
    ("placeholders", "placeholder"),
    ("owners", "owner"),
)


@dataclass(frozen=True)
class Issue:
    """A problem located by its path in the model (not yet by file and line)."""

    path: PathT
    id: str | None
    message: str
    severity: Literal["error", "warning"] = "error"
    code: str = "invalid"

    def under(self, prefix: PathT) -> Issue:
        """The same issue seen from a container whose path to this model is ``prefix``."""
        return Issue((*prefix, *self.path), self.id, self.message, self.severity, self.code)


def _suggest(word: str, candidates: Iterable[str]) -> str:
    # Ids are short (S2, O1a), so a lower cutoff than difflib's default still suggests well.
    match = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.5)
    return f" (did you mean {match[0]!r}?)" if match else ""


def node_kinds(programme: Programme) -> dict[str, tuple[NodeKind, PathT]]:
    """Local id -> (kind, path) for every node of a programme, first occurrence wins."""
    out: dict[str, tuple[NodeKind, PathT]] = {}
    if programme.vision is not None:
        for vid in VISION_IDS:
            out[vid] = ("vision", ("vision",))
    groups: list[tuple[str, NodeKind, tuple[object, ...]]] = [
        ("strategic_goals", "strategic_goal", programme.strategic_goals),
        ("operational_goals", "operational_goal", programme.operational_goals),
        ("efforts", "effort", programme.efforts),
        ("placeholders", "placeholder", programme.placeholders),
        ("owners", "owner", programme.owners),
    ]
    for field, kind, items in groups:
        for index, item in enumerate(items):
            out.setdefault(item.id, (kind, (field, index)))  # type: ignore[attr-defined]
    return out


def programme_issues(
    programme: Programme,
    programmes: Mapping[str, Programme] | None = None,
) -> list[Issue]:
    """Every rule a programme breaks.

    ``programmes`` maps ids of the other programmes loaded with it (a
    portfolio); without it, references into other programmes are noted as
    unchecked warnings, with it, they must resolve.
    """
    issues: list[Issue] = []
    kinds = node_kinds(programme)
    issues += _duplicate_ids(programme)
    groups: list[tuple[str, NodeKind, tuple[OperationalGoal | Effort | Placeholder, ...]]] = [
        ("operational_goals", "operational_goal", programme.operational_goals),
        ("efforts", "effort", programme.efforts),
        ("placeholders", "placeholder", programme.placeholders),
    ]
    for field, kind, items in groups:
        for index, item in enumerate(items):
            seen: set[tuple[str, str]] = set()
            for ref_index, ref in enumerate(item.contributes_to):
                path: PathT = (field, index, "contributes_to", ref_index)
                target = parse_reference(ref, programme.id)
                if target in seen:
                    issues.append(Issue(path, item.id, f"links to {ref!r} twice", code="duplicate-link"))
                    continue
                seen.add(target)
                issues += _check_link(programme, kinds, programmes, kind, item.id, ref, path)
    for index, effort in enumerate(programme.efforts):
        if effort.owner is None:
            continue
        found = kinds.get(effort.owner)
        if found is None or found[0] != "owner":
            owners = [o.id for o in programme.owners]
            issues.append(
                Issue(
                    ("efforts", index, "owner"),
                    effort.id,
                    f"unknown owner {effort.owner!r}{_suggest(effort.owner, owners)}; add it under 'owners'",
                    code="unknown-owner",
                )
            )
    issues += _status_issues(programme)
    issues += _participation_issues(programme)
    return issues


def _status_issues(programme: Programme) -> list[Issue]:
    # Status wording is kept as written; wording no pattern recognises is a
    # warning (the phase is unknown), never an error: real contracts win.
    issues: list[Issue] = []
    for index, effort in enumerate(programme.efforts):
        if effort.status is None or effort.phase is not None:
            continue
        if effort.status.strip().casefold() in ("unknown", "onbekend"):
            continue  # an author saying the phase is unknown needs no warning
        if effort.current_phase is EffortPhase.UNKNOWN:
            issues.append(
                Issue(
                    ("efforts", index, "status"),
                    effort.id,
                    f"no phase recognised in status {effort.status!r}; its phase is 'unknown' "
                    "(state it with 'phase:' if you know it)",
                    severity="warning",
                    code="unknown-phase",
                )
            )
    return issues


def _participation_issues(programme: Programme) -> list[Issue]:
    ladder = programme.ladder
    folded = {rung.casefold() for rung in ladder}
    issues: list[Issue] = []
    groups: list[tuple[str, tuple[StrategicGoal | OperationalGoal | Effort, ...]]] = [
        ("strategic_goals", programme.strategic_goals),
        ("operational_goals", programme.operational_goals),
        ("efforts", programme.efforts),
    ]
    for field, items in groups:
        for index, item in enumerate(items):
            rung = item.participation
            if rung is not None and rung.casefold() not in folded:
                issues.append(
                    Issue(
                        (field, index, "participation"),
                        item.id,
                        f"{rung!r} is not a rung of the participation ladder ({', '.join(ladder)})"
                        f"{_suggest(rung, ladder)}; a programme may set its own 'participation_ladder'",
                        code="unknown-rung",
                    )
                )
    return issues


def _duplicate_ids(programme: Programme) -> list[Issue]:
    issues: list[Issue] = []
    first: dict[str, NodeKind] = {}
    if programme.vision is not None:
        for vid in VISION_IDS:
            first[vid] = "vision"
    for field, kind in _COLLECTIONS:
        for index, item in enumerate(getattr(programme, field)):
            if item.id in first:
                what = _WITH_ARTICLE[first[item.id]].replace("a ", "another ", 1).replace("an ", "another ", 1)
                issues.append(
                    Issue(
                        (field, index, "id"),
                        item.id,
                        f"duplicate id {item.id!r}: {what} has it already",
                        code="duplicate-id",
                    )
                )
            else:
                first[item.id] = kind
    return issues


def _check_link(
    programme: Programme,
    kinds: Mapping[str, tuple[NodeKind, PathT]],
    programmes: Mapping[str, Programme] | None,
    source_kind: NodeKind,
    source_id: str,
    ref: str,
    path: PathT,
) -> list[Issue]:
    target_programme, local = parse_reference(ref, programme.id)
    if target_programme == programme.id:
        target_kinds = kinds
    elif programmes is None:
        return [
            Issue(
                path,
                source_id,
                f"links to programme {target_programme!r}, which is not loaded; "
                "validate the portfolio to check this link",
                severity="warning",
                code="unchecked-reference",
            )
        ]
    elif target_programme not in programmes:
        return [
            Issue(
                path,
                source_id,
                f"links to {ref!r}, but programme {target_programme!r} is not in the portfolio"
                f"{_suggest(target_programme, programmes)}",
                code="unknown-programme",
            )
        ]
    else:
        target_kinds = node_kinds(programmes[target_programme])
    found = target_kinds.get(local)
    if found is None:
        if local in VISION_IDS:
            return [
                Issue(
                    path,
                    source_id,
                    f"links to the vision, but {target_programme!r} has no vision",
                    code="unknown-reference",
                )
            ]
        goal_ids = [k for k, (kind, _) in target_kinds.items() if kind in ("strategic_goal", "operational_goal")]
        return [
            Issue(
                path,
                source_id,
                f"unknown reference {ref!r}{_suggest(local, goal_ids)}",
                code="unknown-reference",
            )
        ]
    target_kind = found[0]
    return _link_rule(source_kind, source_id, target_kind, ref, path)


def _link_rule(source_kind: NodeKind, source_id: str, target_kind: NodeKind, ref: str, path: PathT) -> list[Issue]:
    """The direction rules of DESIGN.md §3, as one table of levels."""
    what = _DUTCH_KIND[target_kind]
    if target_kind == "owner":
        return [
            Issue(path, source_id, f"{ref!r} is an owner; set it as 'owner', not in contributes_to", code="wrong-link")
        ]
    src, dst = _LEVEL[source_kind], _LEVEL[target_kind]
    if dst < src:
        return [
            Issue(
                path,
                source_id,
                f"link runs the wrong way: {_WITH_ARTICLE[source_kind]} cannot contribute to {what} {ref!r}; "
                "links point from means (efforts) to ends (goals)",
                code="wrong-direction",
            )
        ]
    if dst == src:
        return [
            Issue(
                path,
                source_id,
                f"{_WITH_ARTICLE[source_kind]} cannot contribute to another {what} ({ref!r}): links must go up a level",
                code="same-level",
            )
        ]
    if target_kind == "vision":
        if source_kind in ("effort", "placeholder"):
            return [
                Issue(
                    path,
                    source_id,
                    "links straight to the vision, skipping the goals; link it to the goal it serves",
                    severity="warning",
                    code="skips-level",
                )
            ]
        return [
            Issue(
                path,
                source_id,
                "an operational goal serves a strategic goal, not the vision directly",
                code="skips-level",
            )
        ]
    return []


def portfolio_issues(portfolio: Portfolio) -> list[Issue]:
    """Every rule a portfolio and its programmes break, with paths from the portfolio."""
    issues: list[Issue] = []
    by_id: dict[str, Programme] = {}
    for index, programme in enumerate(portfolio.programmes):
        if programme.id in by_id:
            issues.append(
                Issue(
                    ("programmes", index, "id"),
                    programme.id,
                    f"duplicate programme id {programme.id!r}",
                    code="duplicate-id",
                )
            )
        else:
            by_id[programme.id] = programme
    for index, programme in enumerate(portfolio.programmes):
        issues += [i.under(("programmes", index)) for i in programme_issues(programme, by_id)]
    seen_missions: set[str] = set()
    for index, mission in enumerate(portfolio.missions):
        if mission.id in seen_missions:
            issues.append(
                Issue(
                    ("missions", index, "id"), mission.id, f"duplicate mission id {mission.id!r}", code="duplicate-id"
                )
            )
        seen_missions.add(mission.id)
        for p_index, pid in enumerate(mission.programmes):
            if pid not in by_id:
                issues.append(
                    Issue(
                        ("missions", index, "programmes", p_index),
                        mission.id,
                        f"programme {pid!r} is not in the portfolio{_suggest(pid, by_id)}",
                        code="unknown-programme",
                    )
                )
    issues += _area_issues(portfolio)
    issues += _cycle_issues(portfolio)
    return issues


def area_names(portfolio: Portfolio) -> dict[str, str]:
    """Lower-cased id, name, alias or part name -> the area id (or part name) it denotes."""
    out: dict[str, str] = {}
    for area in portfolio.areas:
        for word in (area.id, area.name, *area.aliases):
            out.setdefault(word.casefold(), area.id)
    for area in portfolio.areas:
        for part in area.parts:
            out.setdefault(part.casefold(), part)
    return out


def _area_issues(portfolio: Portfolio) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[str] = set()
    for index, area in enumerate(portfolio.areas):
        if area.id in seen:
            issues.append(Issue(("areas", index, "id"), area.id, f"duplicate area id {area.id!r}", code="duplicate-id"))
        seen.add(area.id)
    if not portfolio.areas:
        return issues
    known = area_names(portfolio)
    for p_index, programme in enumerate(portfolio.programmes):
        for e_index, effort in enumerate(programme.efforts):
            for a_index, name in enumerate(effort.areas):
                if name.casefold() not in known:
                    issues.append(
                        Issue(
                            ("programmes", p_index, "efforts", e_index, "areas", a_index),
                            effort.id,
                            f"area {name!r} is not in the portfolio's areas"
                            f"{_suggest(name, [a.name for a in portfolio.areas])}; kept as written",
                            severity="warning",
                            code="unknown-area",
                        )
                    )
    return issues


def _cycle_issues(portfolio: Portfolio) -> list[Issue]:
    # With the level rules a cycle needs a same-level link, which is already an
    # error; this catches whatever slips past them, cheaply (one DFS).
    import networkx as nx

    graph: nx.DiGraph = nx.DiGraph()
    where: dict[tuple[str, str], PathT] = {}
    for p_index, programme in enumerate(portfolio.programmes):
        for field in ("operational_goals", "efforts", "placeholders"):
            for index, item in enumerate(getattr(programme, field)):
                source = (programme.id, item.id)
                where.setdefault(source, ("programmes", p_index, field, index))
                for ref in item.contributes_to:
                    graph.add_edge(source, parse_reference(ref, programme.id))
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return []
    nodes = [f"{p}/{n}" for (p, n), _ in cycle]
    first = cycle[0][0]
    return [
        Issue(
            where.get(first, ()),
            nodes[0],
            "links form a cycle: " + " -> ".join([*nodes, nodes[0]]),
            code="cycle",
        )
    ]


def standalone_issues(programme: Programme) -> list[Issue]:
    """Issues of a programme validated on its own, including cycles inside it."""
    cycles = _cycle_issues(Portfolio(id="standalone", name="-", programmes=(programme,)))
    return programme_issues(programme) + [Issue(i.path[2:], i.id, i.message, i.severity, i.code) for i in cycles]
