"""din_graph: Doelen-Inspanningen-Netwerken (DIN) of Dutch municipal programmes as typed graphs.

Load a programme or portfolio, validate it, work on it as a networkx graph::

    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo")
    >>> g = din_graph.to_networkx(almelo)
    >>> g.nodes["almelo-duurzaamheid/O1a"]["kind"]
    'operational_goal'

The public names below are the whole API; modules starting with ``_`` are
private.  Heavy dependencies (networkx, PyYAML) load on first use, so
``import din_graph`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._errors import (
    DinArgumentError,
    DinError,
    DinFileError,
    DinParseError,
    DinRenderError,
    DinValidationError,
    DinWarning,
    Problem,
)
from ._hooks import set_notebook_svg
from ._version import __version__

if TYPE_CHECKING:
    from ._analysis._areas import AreaActivity, in_area
    from ._analysis._diff import Change, ProgrammeDiff, apply_diff, diff
    from ._analysis._findings import FINDING_CODES, Finding, Findings, check
    from ._analysis._overlap import overlaps
    from ._analysis._overlap_result import (
        Evidence,
        OverlapCluster,
        OverlapPair,
        Overlaps,
        ProgrammePair,
        StaleDecision,
        SuggestedLink,
    )
    from ._analysis._owners import OwnerLoad, PhaseMix, RoleMix, owner_load, phase_mix, role_mix
    from ._analysis._progress import GoalProgress, IndicatorStatus, Progress, expected_value, indicator_status, progress
    from ._analysis._relations import StatedRelation, stated_relations
    from ._analysis._structure import (
        IncompleteIndicator,
        Leverage,
        LoneGoal,
        NotSmartGoal,
        OrphanEffort,
        RemovalImpact,
        SinglePointOfFailure,
        UncoveredGoal,
        goal_support,
        incomplete_indicators,
        leverage,
        lone_goals,
        not_smart_goals,
        orphan_efforts,
        removal_impact,
        single_points_of_failure,
        trace_down,
        trace_up,
        uncovered_goals,
    )
    from ._explore import Explorer, explore
    from ._graph import from_networkx, node_key, to_networkx
    from ._io._actuals import Actual, load_actuals, with_actuals
    from ._io._extract import convert_extract
    from ._io._files import dump, dumps, load, validate
    from ._io._review import Review, load_review
    from ._model import (
        DEFAULT_PARTICIPATION_LADDER,
        PHASE_PATTERNS,
        Area,
        Baseline,
        BudgetLine,
        Effort,
        EffortKind,
        EffortPhase,
        EffortStatus,
        HoursRange,
        Indicator,
        LevelNames,
        Mission,
        MunicipalMode,
        MunicipalRole,
        OperationalGoal,
        Owner,
        OwnerType,
        Period,
        Placeholder,
        Portfolio,
        Programme,
        RelatedProgramme,
        Role,
        Source,
        Sponsors,
        StrategicGoal,
        Vision,
        recognise_phase,
    )
    from ._render._api import render, to_dot
    from ._render._backend import dot_available
    from ._render._charts import indicator_chart, overlap_heatmap, owner_load_chart, role_mix_chart
    from ._report import Report, build_report, report_html, report_markdown, write_report

_LAZY = {
    "._model": (
        "Area",
        "Baseline",
        "BudgetLine",
        "Effort",
        "DEFAULT_PARTICIPATION_LADDER",
        "PHASE_PATTERNS",
        "EffortKind",
        "EffortPhase",
        "EffortStatus",
        "HoursRange",
        "Indicator",
        "LevelNames",
        "Mission",
        "MunicipalMode",
        "MunicipalRole",
        "OperationalGoal",
        "Owner",
        "OwnerType",
        "Period",
        "Placeholder",
        "Portfolio",
        "Programme",
        "RelatedProgramme",
        "Role",
        "Source",
        "Sponsors",
        "StrategicGoal",
        "Vision",
        "recognise_phase",
    ),
    "._io._extract": ("convert_extract",),
    "._io._files": ("dump", "dumps", "load", "validate"),
    "._graph": ("from_networkx", "node_key", "to_networkx"),
    "._analysis._structure": (
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
    ),
    "._analysis._owners": ("OwnerLoad", "PhaseMix", "RoleMix", "owner_load", "phase_mix", "role_mix"),
    "._analysis._findings": ("FINDING_CODES", "Finding", "Findings", "check"),
    "._analysis._relations": ("StatedRelation", "stated_relations"),
    "._analysis._diff": ("Change", "ProgrammeDiff", "apply_diff", "diff"),
    "._io._actuals": ("Actual", "load_actuals", "with_actuals"),
    "._analysis._progress": (
        "GoalProgress",
        "IndicatorStatus",
        "Progress",
        "expected_value",
        "indicator_status",
        "progress",
    ),
    "._render._api": ("render", "to_dot"),
    "._explore": ("Explorer", "explore"),
    "._report": ("Report", "build_report", "report_html", "report_markdown", "write_report"),
    "._render._backend": ("dot_available",),
    "._render._charts": ("indicator_chart", "overlap_heatmap", "owner_load_chart", "role_mix_chart"),
    "._analysis._areas": ("AreaActivity", "in_area"),
    "._analysis._overlap": ("overlaps",),
    "._analysis._overlap_result": (
        "Evidence",
        "OverlapCluster",
        "OverlapPair",
        "Overlaps",
        "ProgrammePair",
        "StaleDecision",
        "SuggestedLink",
    ),
    "._io._review": ("Review", "load_review"),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

__all__ = [
    "DEFAULT_PARTICIPATION_LADDER",
    "FINDING_CODES",
    "PHASE_PATTERNS",
    "Actual",
    "Area",
    "AreaActivity",
    "Baseline",
    "BudgetLine",
    "Change",
    "DinArgumentError",
    "DinError",
    "DinFileError",
    "DinParseError",
    "DinRenderError",
    "DinValidationError",
    "DinWarning",
    "Effort",
    "EffortKind",
    "EffortPhase",
    "EffortStatus",
    "Evidence",
    "Explorer",
    "Finding",
    "Findings",
    "GoalProgress",
    "HoursRange",
    "IncompleteIndicator",
    "Indicator",
    "IndicatorStatus",
    "LevelNames",
    "Leverage",
    "LoneGoal",
    "Mission",
    "MunicipalMode",
    "MunicipalRole",
    "NotSmartGoal",
    "OperationalGoal",
    "OrphanEffort",
    "OverlapCluster",
    "OverlapPair",
    "Overlaps",
    "Owner",
    "OwnerLoad",
    "OwnerType",
    "Period",
    "PhaseMix",
    "Placeholder",
    "Portfolio",
    "Problem",
    "Programme",
    "ProgrammeDiff",
    "ProgrammePair",
    "Progress",
    "RelatedProgramme",
    "RemovalImpact",
    "Report",
    "Review",
    "Role",
    "RoleMix",
    "SinglePointOfFailure",
    "Source",
    "Sponsors",
    "StaleDecision",
    "StatedRelation",
    "StrategicGoal",
    "SuggestedLink",
    "UncoveredGoal",
    "Vision",
    "__version__",
    "apply_diff",
    "build_report",
    "check",
    "convert_extract",
    "diff",
    "dot_available",
    "dump",
    "dumps",
    "expected_value",
    "explore",
    "from_networkx",
    "goal_support",
    "in_area",
    "incomplete_indicators",
    "indicator_chart",
    "indicator_status",
    "leverage",
    "load",
    "load_actuals",
    "load_review",
    "lone_goals",
    "node_key",
    "not_smart_goals",
    "orphan_efforts",
    "overlap_heatmap",
    "overlaps",
    "owner_load",
    "owner_load_chart",
    "phase_mix",
    "progress",
    "recognise_phase",
    "removal_impact",
    "render",
    "report_html",
    "report_markdown",
    "role_mix",
    "role_mix_chart",
    "single_points_of_failure",
    "stated_relations",
    "to_dot",
    "to_networkx",
    "trace_down",
    "trace_up",
    "uncovered_goals",
    "validate",
    "with_actuals",
    "write_report",
]


def _notebook_svg(obj: object) -> str | None:
    """A programme's sheet or a portfolio's overlap picture as SVG, or None when it cannot be drawn."""
    from ._model import Portfolio, Programme
    from ._render._api import render
    from ._render._backend import dot_available

    if not isinstance(obj, Programme | Portfolio):
        return None
    if isinstance(obj, Portfolio) and len(obj.programmes) > 1 and not dot_available():
        return None
    try:
        drawn = render(obj, "svg")
    except DinError:
        return None
    return drawn if isinstance(drawn, str) else None


set_notebook_svg(_notebook_svg)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'din_graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
