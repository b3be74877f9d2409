"""Structural analyses of a DIN: orphans, cover, SMART, weak spots, leverage, traces, hygiene.

Each analysis is a free function over a :class:`~din_graph.Programme` or
:class:`~din_graph.Portfolio` returning typed, immutable results (data, not
text), in model order.  Definitions follow DESIGN.md §4:

*Support* of a goal is the set of efforts with a ``contributes_to`` path to it
(placeholders never support).  *Cover* is what the definition of an uncovered
goal counts: an operational goal is covered by an effort linked to it; a
strategic goal by an operational goal or an effort linked to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from din_graph._analysis._index import DinIndex, index_of, owner_identity
from din_graph._model import Portfolio, Programme

__all__ = [
    "IncompleteIndicator",
    "Leverage",
    "LoneGoal",
    "NotSmartGoal",
    "OrphanEffort",
    "RemovalImpact",
    "SinglePointOfFailure",
    "UncoveredGoal",
    "goal_support",
    "incomplete_indicators",
    "leverage",
    "lone_goals",
    "not_smart_goals",
    "orphan_efforts",
    "removal_impact",
    "single_points_of_failure",
    "trace_down",
    "trace_up",
    "uncovered_goals",
]

Din = Programme | Portfolio | DinIndex


@dataclass(frozen=True, slots=True)
class OrphanEffort:
    """An effort with no ``contributes_to`` path to any goal."""

    effort: str
    programme: str
    title: str
    links: tuple[str, ...]
    """What it does link to (the vision, or nothing)."""


@dataclass(frozen=True, slots=True)
class UncoveredGoal:
    """A goal nothing covers; ``placeholders`` are PM slots meant for it (never cover)."""

    goal: str
    programme: str
    kind: str
    title: str
    placeholders: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NotSmartGoal:
    """An operational goal that is not SMART, with every reason found.

    Reasons: ``no-indicator``; ``no-target`` (no indicator has a numeric target
    for a known year); ``target-year-unknown`` (a target's year was lost);
    ``target-not-numeric`` (a target given as text, such as ``ntb.``);
    ``target-outside-period`` (a target year outside the programme period);
    ``no-baseline`` (an indicator without baseline value and year).  A goal is
    reported when it has a reason other than a lost year or a text target; those
    two are then listed as context.
    """

    goal: str
    programme: str
    title: str
    reasons: tuple[str, ...]
    indicators: tuple[str, ...]
    """Names of the indicators the reasons concern."""


@dataclass(frozen=True, slots=True)
class SinglePointOfFailure:
    """A goal whose whole support runs through one effort, or through efforts of one owner."""

    goal: str
    programme: str
    title: str
    through: str
    """``"effort"`` or ``"owner"``."""
    efforts: tuple[str, ...]
    owner: str | None
    """Name of the owner when ``through == "owner"`` (or of the single effort's owner)."""


@dataclass(frozen=True, slots=True)
class RemovalImpact:
    """What removing an effort or an owner costs: the goals that lose all support."""

    removed: str
    efforts: tuple[str, ...]
    """The efforts that go with it (the effort itself, or every effort of the owner)."""
    goals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Leverage:
    """An effort that serves several goals."""

    effort: str
    programme: str
    title: str
    goals: tuple[str, ...]
    """Goals it links to directly."""
    reached: tuple[str, ...]
    """Every goal it reaches, directly or through operational goals."""
    programmes: tuple[str, ...]
    """Programmes whose goals it reaches."""


@dataclass(frozen=True, slots=True)
class LoneGoal:
    """A goal level with a single goal: one strategic goal in a programme, or one
    operational goal under a strategic goal (a split into one is no split)."""

    programme: str
    node: str
    """The programme's vision key (strategic level) or the strategic goal."""
    level: str
    goal: str
    """The lone goal."""


def orphan_efforts(obj: Din) -> list[OrphanEffort]:
    """Efforts with no ``contributes_to`` path to a goal of any programme.

    A link into a programme that is not loaded counts as reaching a goal (it
    cannot be checked here); a link straight to the vision does not.

    Examples
    --------
    >>> from din_graph import Programme, orphan_efforts
    >>> p = Programme(id="p", name="P", strategic_goals=[{"id": "S1", "title": "Groen"}],
    ...               efforts=[{"id": "E1", "title": "Bomen", "contributes_to": ["S1"]},
    ...                        {"id": "E2", "title": "Nieuwsbrief"}])
    >>> [o.effort for o in orphan_efforts(p)]
    ['p/E2']
    """
    index = index_of(obj)
    out = []
    for key, effort in index.efforts.items():
        if not index.reachable_goals(key):
            out.append(OrphanEffort(key, index.programme_of[key], effort.title, tuple(index.up.get(key, ()))))
    return out


def uncovered_goals(obj: Din) -> list[UncoveredGoal]:
    """Operational goals no effort serves; strategic goals no operational goal and no effort serves.

    Efforts of other programmes count as cover; placeholders do not, and are
    listed with the goal they are meant for.

    Examples
    --------
    >>> from din_graph import Programme, uncovered_goals
    >>> p = Programme(id="p", name="P", strategic_goals=[{"id": "S1", "title": "Groen"}],
    ...               operational_goals=[{"id": "O1", "title": "Bomen", "contributes_to": ["S1"]}],
    ...               placeholders=[{"id": "PM1", "contributes_to": ["O1"]}])
    >>> [(u.goal, u.placeholders) for u in uncovered_goals(p)]
    [('p/O1', ('p/PM1',))]
    """
    index = index_of(obj)
    out = []
    for goal in index.goals():
        below = index.down.get(goal, [])
        kinds = {index.kind.get(source) for source in below}
        covering = {"effort"} if index.kind[goal] == "operational_goal" else {"effort", "operational_goal"}
        if kinds & covering:
            continue
        placeholders = tuple(s for s in below if index.kind.get(s) == "placeholder")
        title = index.title(goal)
        out.append(UncoveredGoal(goal, index.programme_of[goal], index.kind[goal], title, placeholders))
    return out


def not_smart_goals(obj: Din) -> list[NotSmartGoal]:
    """Operational goals that are not SMART, each with its reasons.

    A goal is SMART when it has an indicator with a numeric target for a known
    year, no target outside the programme period, and a baseline for every
    indicator that has targets.

    Examples
    --------
    >>> from din_graph import Programme, not_smart_goals
    >>> p = Programme(id="p", name="P", period={"start": 2019, "end": 2022}, operational_goals=[
    ...     {"id": "O1", "title": "Meer groen", "indicators": [
    ...         {"name": "m2 groen", "baseline": {"value": 0, "year": 2018}, "targets": {2022: 6000}}]},
    ...     {"id": "O2", "title": "Trotser", "indicators": [{"name": "% trots", "targets": {"onbekend": 40}}]},
    ...     {"id": "O3", "title": "Klimaatbestendig"}])
    >>> [(n.goal, n.reasons) for n in not_smart_goals(p)]
    [('p/O2', ('no-target', 'target-year-unknown', 'no-baseline')), ('p/O3', ('no-indicator',))]
    """
    index = index_of(obj)
    out = []
    for key, goal in index.operational_goals.items():
        programme = index.programmes[index.programme_of[key]]
        period = programme.period
        reasons: dict[str, list[str]] = {}
        if not goal.indicators:
            reasons["no-indicator"] = []
        measurable = False
        for indicator in goal.indicators:
            for year, value in indicator.targets.items():
                numeric = isinstance(value, int | float)
                if isinstance(year, int) and numeric:
                    measurable = True
                if not isinstance(year, int):
                    reasons.setdefault("target-year-unknown", []).append(indicator.name)
                if not numeric:
                    reasons.setdefault("target-not-numeric", []).append(indicator.name)
                if (
                    isinstance(year, int)
                    and period is not None
                    and (
                        (period.end is not None and year > period.end)
                        or (period.start is not None and year < period.start)
                    )
                ):
                    reasons.setdefault("target-outside-period", []).append(indicator.name)
            baseline = indicator.baseline
            if indicator.targets and (baseline is None or baseline.value is None or baseline.year is None):
                reasons.setdefault("no-baseline", []).append(indicator.name)
        if goal.indicators and not measurable:
            reasons["no-target"] = [i.name for i in goal.indicators]
        # Lost years and text targets only make a goal unmeasurable when nothing
        # measurable is left (then `no-target` says so); otherwise they are
        # incomplete indicators, reported by `incomplete_indicators`.
        if reasons.keys() - {"target-year-unknown", "target-not-numeric"}:
            order = (
                "no-indicator",
                "no-target",
                "target-year-unknown",
                "target-not-numeric",
                "target-outside-period",
                "no-baseline",
            )
            names = tuple(dict.fromkeys(n for r in order for n in reasons.get(r, [])))
            ordered = tuple(r for r in order if r in reasons)
            out.append(NotSmartGoal(key, index.programme_of[key], goal.title, ordered, names))
    return out


@dataclass(frozen=True, slots=True)
class IncompleteIndicator:
    """An indicator of an otherwise measurable goal with targets whose year was lost or that are text."""

    goal: str
    programme: str
    indicator: str
    lost_years: tuple[str, ...]
    """Labels standing in for lost years (``onbekend-a``)."""
    text_targets: tuple[str, ...]
    """Targets given as text (``ntb.``), as ``year: text``."""


def incomplete_indicators(obj: Din) -> list[IncompleteIndicator]:
    """Indicators with a target whose year the source lost, or a target given as text.

    Examples
    --------
    >>> from din_graph import Programme, incomplete_indicators
    >>> p = Programme(id="p", name="P", operational_goals=[{"id": "O1", "title": "Energie", "indicators": [
    ...     {"name": "Gasverbruik", "targets": {2019: "ntb.", 2020: 40}}]}])
    >>> incomplete_indicators(p)[0].text_targets
    ('2019: ntb.',)
    """
    index = index_of(obj)
    out = []
    for key, goal in index.operational_goals.items():
        for indicator in goal.indicators:
            lost = tuple(str(year) for year in indicator.targets if not isinstance(year, int))
            text = tuple(
                f"{year}: {value}" for year, value in indicator.targets.items() if not isinstance(value, int | float)
            )
            if lost or text:
                out.append(IncompleteIndicator(key, index.programme_of[key], indicator.name, lost, text))
    return out


def goal_support(obj: Din) -> dict[str, list[str]]:
    """Goal key -> the efforts with a path to it (in model order); every goal appears.

    Runs in time linear in the links reachable from efforts.

    Examples
    --------
    >>> import din_graph
    >>> support = din_graph.goal_support(din_graph.load("examples/almelo"))
    >>> len(support["almelo-duurzaamheid/O2e"]), support["almelo-duurzaamheid/O2e"][0]
    (14, 'almelo-duurzaamheid/E14')
    """
    index = index_of(obj)
    support: dict[str, list[str]] = {goal: [] for goal in index.goals()}
    for effort in index.efforts:
        for goal in index.reachable_goals(effort):
            if goal in support:
                support[goal].append(effort)
    return support


def single_points_of_failure(obj: Din) -> list[SinglePointOfFailure]:
    """Goals whose whole support runs through one effort, or through efforts of one owner.

    Goals without support are uncovered, not single points of failure.  Owners
    are matched across programmes by name; an effort without a named owner
    keeps its goal from being an owner's single point of failure.

    Examples
    --------
    >>> from din_graph import Programme, single_points_of_failure
    >>> p = Programme(id="p", name="P", strategic_goals=[{"id": "S1", "title": "Groen"}],
    ...               efforts=[{"id": "E1", "title": "Bomen", "contributes_to": ["S1"], "owner": "uf"},
    ...                        {"id": "E2", "title": "Struiken", "contributes_to": ["S1"], "owner": "uf"}],
    ...               owners=[{"id": "uf", "name": "Uitvoering Fysiek", "type": "afdeling"}])
    >>> [(s.goal, s.through, s.owner) for s in single_points_of_failure(p)]
    [('p/S1', 'owner', 'Uitvoering Fysiek')]
    """
    index = index_of(obj)
    out = []
    for goal, efforts in goal_support(index).items():
        if not efforts:
            continue
        owners = [index.effort_owner(e) for e in efforts]
        named = {owner_identity(o) for o in owners if o is not None}
        if len(efforts) == 1:
            owner = owners[0].name if owners[0] is not None else None
            out.append(
                SinglePointOfFailure(goal, index.programme_of[goal], index.title(goal), "effort", tuple(efforts), owner)
            )
        elif None not in owners and len(named) == 1:
            owner_name = owners[0].name  # type: ignore[union-attr]
            out.append(
                SinglePointOfFailure(
                    goal, index.programme_of[goal], index.title(goal), "owner", tuple(efforts), owner_name
                )
            )
    return out


def _efforts_of(index: DinIndex, node: str) -> tuple[str, ...]:
    kind = index.kind.get(node)
    if kind == "effort":
        return (node,)
    if kind == "owner":
        identity = owner_identity(index.owners[node])
        return tuple(
            effort
            for effort in index.efforts
            if (owner := index.effort_owner(effort)) is not None and owner_identity(owner) == identity
        )
    raise KeyError(f"{node!r} is not an effort or owner of this programme or portfolio")


def removal_impact(obj: Din, node: str | Iterable[str] | None = None) -> list[RemovalImpact]:
    """The goals that lose all support when an effort or owner is removed.

    Removing an owner removes every effort it carries, in every programme (owners
    are matched by name).  Without ``node``, every effort and owner is assessed
    and those whose removal costs at least one goal are returned, worst first.

    Examples
    --------
    >>> from din_graph import Programme, removal_impact
    >>> p = Programme(id="p", name="P", strategic_goals=[{"id": "S1", "title": "Groen"}],
    ...               operational_goals=[{"id": "O1", "title": "Bomen", "contributes_to": ["S1"]}],
    ...               efforts=[{"id": "E1", "title": "Planten", "contributes_to": ["O1"]}])
    >>> removal_impact(p, "p/E1")[0].goals
    ('p/S1', 'p/O1')
    """
    index = index_of(obj)
    support = goal_support(index)
    # Only goals with at most a few supporters can be lost; looking up each
    # goal by its supporters keeps the all-nodes sweep linear.
    goals_of_effort: dict[str, list[str]] = {}
    for goal, efforts in support.items():
        for effort in efforts:
            goals_of_effort.setdefault(effort, []).append(goal)
    if node is None:
        candidates: list[str] = [*index.efforts, *index.owners]
    elif isinstance(node, str):
        candidates = [node]
    else:
        candidates = list(node)
    seen_identity: set[str] = set()
    out = []
    for candidate in candidates:
        if node is None and index.kind.get(candidate) == "owner":
            identity = owner_identity(index.owners[candidate])
            if identity in seen_identity:
                continue
            seen_identity.add(identity)
        removed = _efforts_of(index, candidate)
        gone = set(removed)
        touched = dict.fromkeys(g for e in removed for g in goals_of_effort.get(e, ()))
        lost = tuple(g for g in touched if all(e in gone for e in support[g]))
        if lost or node is not None:
            out.append(RemovalImpact(candidate, removed, lost))
    if node is None:
        position = {key: i for i, key in enumerate(candidates)}
        out.sort(key=lambda r: (-len(r.goals), position[r.removed]))
    return out


def leverage(obj: Din, *, min_goals: int = 2) -> list[Leverage]:
    """Efforts that serve at least ``min_goals`` goals, ranked.

    Ranked by goals reached (directly or through operational goals), then
    programmes reached, then goals linked directly; ties keep model order.

    Examples
    --------
    >>> from din_graph import Programme, leverage
    >>> p = Programme(id="p", name="P",
    ...               operational_goals=[{"id": "O1", "title": "a"}, {"id": "O2", "title": "b"}],
    ...               efforts=[{"id": "E1", "title": "x", "contributes_to": ["O1", "O2"]},
    ...                        {"id": "E2", "title": "y", "contributes_to": ["O1"]}])
    >>> [(l.effort, len(l.reached)) for l in leverage(p)]
    [('p/E1', 2)]
    """
    index = index_of(obj)
    out = []
    for key, effort in index.efforts.items():
        reached = index.reachable_goals(key)
        direct = tuple(t for t in index.up.get(key, ()) if index.is_goal(t))
        if len(reached) < min_goals:
            continue
        programmes = tuple(dict.fromkeys(index.programme_of.get(g, g.split("/", 1)[0]) for g in reached))
        out.append(Leverage(key, index.programme_of[key], effort.title, direct, tuple(reached), programmes))
    out.sort(key=lambda item: (-len(item.reached), -len(item.programmes), -len(item.goals)))
    return out


def trace_up(obj: Din, node: str) -> list[tuple[str, ...]]:
    """Every path from ``node`` (an effort, placeholder or goal) up to the top: a vision, or a goal serving nothing.

    Examples
    --------
    >>> from din_graph import Programme, trace_up
    >>> p = Programme(id="p", name="P", vision="Groen",
    ...               strategic_goals=[{"id": "S1", "title": "a"}, {"id": "S2", "title": "b"}],
    ...               efforts=[{"id": "E1", "title": "x", "contributes_to": ["S1", "S2"]}])
    >>> trace_up(p, "p/E1")
    [('p/E1', 'p/S1', 'p/vision'), ('p/E1', 'p/S2', 'p/vision')]
    """
    index = index_of(obj)
    if node not in index.kind:
        raise KeyError(node)
    return _paths(node, index.up)


def trace_down(obj: Din, node: str) -> list[tuple[str, ...]]:
    """Every path from a goal (or vision) down to the efforts and placeholders that serve it.

    Examples
    --------
    >>> from din_graph import Programme, trace_down
    >>> p = Programme(id="p", name="P", strategic_goals=[{"id": "S1", "title": "a"}],
    ...               operational_goals=[{"id": "O1", "title": "b", "contributes_to": ["S1"]}],
    ...               efforts=[{"id": "E1", "title": "x", "contributes_to": ["O1", "S1"]}])
    >>> trace_down(p, "p/S1")
    [('p/S1', 'p/O1', 'p/E1'), ('p/S1', 'p/E1')]
    """
    index = index_of(obj)
    if node not in index.kind:
        raise KeyError(node)
    return [path for path in _paths(node, index.down) if index.kind.get(path[-1]) in ("effort", "placeholder")]


def _paths(start: str, step: dict[str, list[str]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    stack: list[tuple[str, ...]] = [(start,)]
    while stack:
        path = stack.pop()
        nexts = [n for n in step.get(path[-1], ()) if n not in path]
        if not nexts:
            out.append(path)
            continue
        stack.extend((*path, n) for n in reversed(nexts))
    return out


def lone_goals(obj: Din) -> list[LoneGoal]:
    """Goal levels holding a single goal: a programme with one strategic goal,
    or a strategic goal with one operational goal of its own programme under it.

    Examples
    --------
    >>> import din_graph
    >>> p = din_graph.Programme(id="p", name="P", strategic_goals=[{"id": "S1", "title": "Groener"}],
    ...                         operational_goals=[{"id": "O1", "title": "Meer groen", "contributes_to": ["S1"]}])
    >>> [(g.level, g.goal) for g in din_graph.lone_goals(p)]
    [('strategic_goal', 'p/S1'), ('operational_goal', 'p/O1')]
    """
    index = index_of(obj)
    out = []
    for pid, programme in index.programmes.items():
        if len(programme.strategic_goals) == 1:
            top = index.vision_of.get(pid, pid)
            out.append(LoneGoal(pid, top, "strategic_goal", f"{pid}/{programme.strategic_goals[0].id}"))
        for goal in programme.strategic_goals:
            key = f"{pid}/{goal.id}"
            below = [
                s
                for s in index.down.get(key, ())
                if index.kind.get(s) == "operational_goal" and index.programme_of[s] == pid
            ]
            if len(below) == 1:
                out.append(LoneGoal(pid, key, "operational_goal", below[0]))
    return out
