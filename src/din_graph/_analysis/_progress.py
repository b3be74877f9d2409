"""Where indicators stand: the latest actual value against the expected one.

The expected value in a year is the target of that year; between target years
it is interpolated linearly from the baseline and the numeric targets (the
contract's trajectory), and after the last target year the last target holds.
An indicator is *on track* when its latest actual is at least the expected
value (at most, for indicators where lower is better), *behind* otherwise.
Targets given as text (``ntb.``) or with a lost year do not count as points of
the trajectory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from din_graph._analysis._index import index_of
from din_graph._model import Indicator, Portfolio, Programme

__all__ = ["IndicatorStatus", "expected_value", "indicator_status"]

Status = Literal["on_track", "behind", "no_target", "no_data"]


@dataclass(frozen=True)
class IndicatorStatus:
    """The standing of one indicator of an operational goal."""

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


def _status_of(indicator: Indicator, year: int | None) -> tuple[int | None, float | None, float | None, Status]:
    actuals = sorted(
        (y, v)
        for y, v in ((y, _number(v)) for y, v in indicator.actuals.items())
        if isinstance(y, int) and v is not None
    )
    if year is not None:
        actuals = [(y, v) for y, v in actuals if y <= year]
    if not actuals:
        return None, None, None, "no_data"
    last_year, actual = actuals[-1]
    expected = expected_value(indicator, last_year)
    if expected is None:
        return last_year, actual, None, "no_target"
    good = actual <= expected if indicator.better == "lower" else actual >= expected
    return last_year, actual, expected, "on_track" if good else "behind"


def indicator_status(obj: Programme | Portfolio, *, year: int | None = None) -> list[IndicatorStatus]:
    """The standing of every indicator, from its latest actual (up to ``year`` when given).

    Indicators without a numeric actual get ``no_data``; actuals before the
    trajectory starts get ``no_target``.

    Examples
    --------
    >>> import din_graph
    >>> p = din_graph.Programme(
    ...     id="p", name="P", strategic_goals=[{"id": "S1", "title": "Groener"}],
    ...     operational_goals=[{"id": "O1", "title": "Meer groen", "contributes_to": ["S1"],
    ...         "indicators": [{"name": "m2 groen", "baseline": {"value": 0, "year": 2018},
    ...                         "targets": {2022: 6000}, "actuals": {2020: 2500}}]}])
    >>> [(s.indicator, s.expected, s.status) for s in indicator_status(p)]
    [('m2 groen', 3000.0, 'behind')]
    """
    index = index_of(obj)
    out: list[IndicatorStatus] = []
    for key, goal in index.operational_goals.items():
        for indicator in goal.indicators:
            last_year, actual, expected, status = _status_of(indicator, year)
            out.append(
                IndicatorStatus(key, index.programme_of[key], indicator.name, last_year, actual, expected, status)
            )
    return out
