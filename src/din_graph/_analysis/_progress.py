"""Is the programme on course?  Indicator actuals against the contract's trajectory.

Definitions (docs/progress.md pins them down, the tests check them):

* **Expected value** in a year: the target of that year; between target years
  it is interpolated linearly from the baseline and the numeric targets (the
  contract's trajectory); after the last target year the last target holds;
  before the trajectory starts there is none.  Targets given as text
  (``ntb.``) or whose year was lost are not points of the trajectory.
* **Indicator status** in a year, from the latest numeric actual up to that year:
  ``on_track`` when it meets the expected value (at least, or at most where
  lower is better); otherwise the *shortfall* is measured against the change
  the contract planned from its start (the baseline, else the first trajectory
  point) to the expected value: ``behind`` when at most ``tolerance`` (25%) of
  that change is missing, ``off_track`` when more is.  ``no_data`` when there
  is no actual, or no expected value to compare it with.
* **Goal status**: an operational goal takes the *weakest* status of its
  indicators that have data; a strategic goal the weakest of its operational
  goals (and of indicators it has none of); the vision the weakest of its
  strategic goals.  ``rollup="share"`` instead counts: on track when at least
  two thirds of the parts with data are on track, off track when at least a
  third are off track, behind otherwise.  Parts without data do not count; a
  goal none of whose parts has data is ``no_data``.
* **Efforts** are part of the picture: every goal lists how many of the efforts
  that serve it (directly or through its operational goals) are planned,
  running, done, stopped or of unknown status.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from din_graph._analysis._index import index_of
from din_graph._errors import DinArgumentError, DinError
from din_graph._model import Indicator, Portfolio, Programme

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "STATUSES",
    "GoalProgress",
    "IndicatorStatus",
    "Progress",
    "expected_value",
    "indicator_status",
    "progress",
]

Status = Literal["on_track", "behind", "off_track", "no_data"]
#: Statuses from best to worst; ``no_data`` stands apart.
STATUSES: tuple[Status, ...] = ("on_track", "behind", "off_track", "no_data")
_RANK = {"on_track": 0, "behind": 1, "off_track": 2}


@dataclass(frozen=True)
class IndicatorStatus:
    """The standing of one indicator of an operational goal in a year."""

    goal: str
    """Node key of the operational goal."""
    programme: str
    indicator: str
    """The indicator's name."""
    year: int | None
    """Year of the latest numeric actual considered (``None``: there is none)."""
    actual: float | None
    expected: float | None
    """Expected value in ``year`` on the contract's trajectory."""
    status: Status
    shortfall: float | None = None
    """Share of the planned change still missing (0 when on track)."""


@dataclass(frozen=True)
class GoalProgress:
    """The rolled-up status of a goal (or the vision) and what it rests on."""

    node: str
    programme: str
    kind: str
    """``operational_goal``, ``strategic_goal`` or ``vision``."""
    title: str
    status: Status
    parts: tuple[str, ...]
    """What the status rolls up from: indicator names, or goal keys."""
    counts: dict[str, int] = field(default_factory=dict)
    """Status -> number of parts with that status."""
    efforts: dict[str, int] = field(default_factory=dict)
    """Effort phase (planned, preparing, tendering, running, done, stopped, unknown) -> efforts serving the goal."""


@dataclass(frozen=True)
class Progress:
    """The result of :func:`progress`: every indicator and goal, rolled up to the vision."""

    year: int | None
    rollup: str
    tolerance: float
    indicators: tuple[IndicatorStatus, ...]
    goals: tuple[GoalProgress, ...]

    def status_of(self, node: str) -> Status:
        """The status of a goal or vision by node key."""
        for goal in self.goals:
            if goal.node == node:
                return goal.status
        raise KeyError(node)

    def count(self, kind: str = "operational_goal") -> dict[str, int]:
        """Status -> number of goals of this kind."""
        counts = Counter(g.status for g in self.goals if g.kind == kind)
        return {s: counts[s] for s in STATUSES if counts[s]}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as ``din progress --format json`` prints it."""
        return {
            "year": self.year,
            "rollup": self.rollup,
            "tolerance": self.tolerance,
            "goals": [asdict(g) for g in self.goals],
            "indicators": [asdict(i) for i in self.indicators],
        }

    def to_dataframe(self) -> pd.DataFrame:
        """One row per indicator (needs the ``pandas`` extra)."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            raise DinError("to_dataframe needs pandas: pip install 'din_graph[pandas]'") from None
        return pd.DataFrame([asdict(i) for i in self.indicators])

    def _repr_html_(self) -> str:
        from din_graph._strings import html_table

        rows = ((g.kind, g.node, g.status, g.title) for g in self.goals)
        return html_table(["level", "node", "status", "title"], rows, caption=f"progress {self.year or 'latest'}")


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def _trajectory(indicator: Indicator) -> list[tuple[int, float]]:
    points: dict[int, float] = {}
    if indicator.baseline is not None and indicator.baseline.year is not None:
        value = _number(indicator.baseline.value)
        if value is not None:
            points[indicator.baseline.year] = value
    for year, target in indicator.targets.items():
        value = _number(target)
        if isinstance(year, int) and value is not None:
            points[year] = value
    return sorted(points.items())


def expected_value(indicator: Indicator, year: int) -> float | None:
    """The value the contract expects in ``year``, or ``None`` before its trajectory starts.

    Examples
    --------
    >>> from din_graph import Indicator
    >>> groen = Indicator(name="m2 groen", baseline={"value": 0, "year": 2018}, targets={2020: 2000, 2022: 6000})
    >>> expected_value(groen, 2021), expected_value(groen, 2030), expected_value(groen, 2017)
    (4000.0, 6000.0, None)
    """
    points = _trajectory(indicator)
    if not points or year < points[0][0]:
        return None
    previous = points[0]
    for point in points:
        if point[0] == year:
            return point[1]
        if point[0] > year:
            (y0, v0), (y1, v1) = previous, point
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
        previous = point
    return points[-1][1]


def _start(indicator: Indicator) -> float | None:
    if indicator.baseline is not None:
        value = _number(indicator.baseline.value)
        if value is not None:
            return value
    points = _trajectory(indicator)
    return points[0][1] if points else None


def classify(
    indicator: Indicator, year: int | None = None, *, tolerance: float = 0.25
) -> tuple[int | None, float | None, float | None, Status, float | None]:
    """``(year, actual, expected, status, shortfall)`` of one indicator; see the module for the rule."""
    actuals = sorted(
        (y, v)
        for y, v in ((y, _number(v)) for y, v in indicator.actuals.items())
        if isinstance(y, int) and v is not None
    )
    if year is not None:
        actuals = [(y, v) for y, v in actuals if y <= year]
    if not actuals:
        return None, None, None, "no_data", None
    last_year, actual = actuals[-1]
    expected = expected_value(indicator, last_year)
    if expected is None:
        return last_year, actual, None, "no_data", None
    sign = -1.0 if indicator.better == "lower" else 1.0
    missing = sign * (expected - actual)
    if missing <= 0:
        return last_year, actual, expected, "on_track", 0.0
    start = _start(indicator)
    planned = abs(expected - start) if start is not None else 0.0
    scale = planned if planned > 0 else abs(expected)
    share = missing / scale if scale > 0 else float("inf")
    return last_year, actual, expected, "behind" if share <= tolerance else "off_track", share


def indicator_status(
    obj: Programme | Portfolio, *, year: int | None = None, tolerance: float = 0.25
) -> list[IndicatorStatus]:
    """The status of every indicator, from its latest actual (up to ``year`` when given).

    Examples
    --------
    >>> import din_graph
    >>> p = din_graph.Programme(
    ...     id="p", name="P", strategic_goals=[{"id": "S1", "title": "Groener"}],
    ...     operational_goals=[{"id": "O1", "title": "Meer groen", "contributes_to": ["S1"],
    ...         "indicators": [{"name": "m2 groen", "baseline": {"value": 0, "year": 2018},
    ...                         "targets": {2022: 6000}, "actuals": {2020: 2500}}]}])
    >>> [(s.indicator, s.expected, s.status, round(s.shortfall, 3)) for s in indicator_status(p)]
    [('m2 groen', 3000.0, 'behind', 0.167)]
    """
    index = index_of(obj)
    out: list[IndicatorStatus] = []
    for key, goal in index.operational_goals.items():
        for indicator in goal.indicators:
            last_year, actual, expected, status, shortfall = classify(indicator, year, tolerance=tolerance)
            out.append(
                IndicatorStatus(
                    key, index.programme_of[key], indicator.name, last_year, actual, expected, status, shortfall
                )
            )
    return out


def _roll(statuses: Sequence[Status], rule: str) -> Status:
    known = [s for s in statuses if s != "no_data"]
    if not known:
        return "no_data"
    if rule == "weakest":
        return max(known, key=lambda s: _RANK[s])
    counts = Counter(known)
    if counts["on_track"] * 3 >= 2 * len(known):
        return "on_track"
    if counts["off_track"] * 3 >= len(known):
        return "off_track"
    return "behind"


def progress(
    obj: Programme | Portfolio,
    year: int | None = None,
    *,
    rollup: Literal["weakest", "share"] = "weakest",
    tolerance: float = 0.25,
) -> Progress:
    """Where every indicator and goal stands in ``year`` (default: the latest actuals).

    Raises
    ------
    DinArgumentError
        ``rollup`` is neither ``"weakest"`` nor ``"share"``, or ``tolerance`` is negative.

    Examples
    --------
    >>> import din_graph
    >>> p = din_graph.load("examples/almelo/duurzaamheid.yaml")
    >>> din_graph.progress(p, 2020).count()      # the contract has targets, no actuals yet
    {'no_data': 5}
    """
    if rollup not in {"weakest", "share"}:
        raise DinArgumentError(f"unknown rollup {rollup!r}; choose weakest or share")
    if not math.isfinite(tolerance) or tolerance < 0:
        raise DinArgumentError("tolerance must be a number of at least 0")
    index = index_of(obj)
    indicators = indicator_status(obj, year=year, tolerance=tolerance)
    by_goal: dict[str, list[IndicatorStatus]] = {}
    for item in indicators:
        by_goal.setdefault(item.goal, []).append(item)
    efforts_of = _efforts_per_goal(index)
    goals: list[GoalProgress] = []
    status_of: dict[str, Status] = {}
    for key, goal in index.operational_goals.items():
        parts = by_goal.get(key, [])
        status_of[key] = _roll([p.status for p in parts], rollup)
        goals.append(
            GoalProgress(
                key,
                index.programme_of[key],
                "operational_goal",
                goal.title,
                status_of[key],
                tuple(p.indicator for p in parts),
                _counts(p.status for p in parts),
                efforts_of.get(key, {}),
            )
        )
    # Upward, level by level: a strategic goal from its operational goals, a vision from its strategic goals.
    for key, strategic in index.strategic_goals.items():
        goals.append(_rolled_up(index, key, "strategic_goal", strategic.title, status_of, rollup, efforts_of))
        status_of[key] = goals[-1].status
    for vision in index.vision_of.values():
        goals.append(_rolled_up(index, vision, "vision", index.title(vision), status_of, rollup, efforts_of))
    return Progress(year, rollup, tolerance, tuple(indicators), tuple(goals))


_PARTS = {"strategic_goal": "operational_goal", "vision": "strategic_goal"}


def _rolled_up(
    index: Any,
    key: str,
    kind: Literal["strategic_goal", "vision"],
    title: str,
    status_of: dict[str, Status],
    rollup: Literal["weakest", "share"],
    efforts_of: dict[str, dict[str, int]],
) -> GoalProgress:
    """A strategic goal or a vision, its status rolled up from the level right below it."""
    children = [c for c in index.down.get(key, []) if index.kind.get(c) == _PARTS[kind]]
    return GoalProgress(
        key,
        index.programme_of[key],
        kind,
        title,
        _roll([status_of[c] for c in children], rollup),
        tuple(children),
        _counts(status_of[c] for c in children),
        efforts_of.get(key, {}),
    )


def _counts(statuses: Iterable[str]) -> dict[str, int]:
    counts = Counter(statuses)
    return {s: counts[s] for s in STATUSES if counts[s]}


def _efforts_per_goal(index: Any) -> dict[str, dict[str, int]]:
    out: dict[str, Counter[str]] = {}
    for key, effort in index.efforts.items():
        # The phase (stated, or recognised from the status text), never the raw words.
        phase = effort.current_phase
        status = phase.value if phase is not None else "unknown"
        reached = index.reachable_goals(key)
        visions = {index.vision_of.get(index.programme_of.get(goal, "")) for goal in reached}
        visions.update(t for t in index.up.get(key, []) if index.kind.get(t) == "vision")
        for node in (*reached, *(v for v in visions if v is not None)):
            out.setdefault(node, Counter())[status] += 1
    order = ("planned", "preparing", "tendering", "running", "done", "stopped", "unknown")
    return {goal: {s: c[s] for s in order if c[s]} for goal, c in out.items()}
