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

from ._errors import DinError, DinFileError, DinParseError, DinValidationError, DinWarning, Problem

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ._analysis._findings import FINDING_CODES, Finding, Findings, check
    from ._analysis._overlap import (
        AreaActivity,
        Evidence,
        OverlapCluster,
        OverlapPair,
        Overlaps,
        ProgrammePair,
        SuggestedLink,
        in_area,
        overlaps,
    )
    from ._analysis._owners import OwnerLoad, RoleMix, owner_load, role_mix
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
    from ._graph import from_networkx, node_key, to_networkx
    from ._io._files import dump, dumps, load, validate
    from ._model import (
        Area,
        Baseline,
        BudgetLine,
        Effort,
        EffortKind,
        EffortStatus,
        HoursRange,
        Indicator,
        LevelNames,
        Mission,
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
    )

_LAZY = {
    "._model": (
        "Area",
        "Baseline",
        "BudgetLine",
        "Effort",
        "EffortKind",
        "EffortStatus",
        "HoursRange",
        "Indicator",
        "LevelNames",
        "Mission",
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
    ),
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
    "._analysis._owners": ("OwnerLoad", "RoleMix", "owner_load", "role_mix"),
    "._analysis._findings": ("FINDING_CODES", "Finding", "Findings", "check"),
    "._analysis._overlap": (
        "AreaActivity",
        "Evidence",
        "OverlapCluster",
        "OverlapPair",
        "Overlaps",
        "ProgrammePair",
        "SuggestedLink",
        "in_area",
        "overlaps",
    ),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

__all__ = [
    "FINDING_CODES",
    "Area",
    "AreaActivity",
    "Baseline",
    "BudgetLine",
    "DinError",
    "DinFileError",
    "DinParseError",
    "DinValidationError",
    "DinWarning",
    "Effort",
    "EffortKind",
    "EffortStatus",
    "Evidence",
    "Finding",
    "Findings",
    "HoursRange",
    "IncompleteIndicator",
    "Indicator",
    "LevelNames",
    "Leverage",
    "LoneGoal",
    "Mission",
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
    "Placeholder",
    "Portfolio",
    "Problem",
    "Programme",
    "ProgrammePair",
    "RelatedProgramme",
    "RemovalImpact",
    "Role",
    "RoleMix",
    "SinglePointOfFailure",
    "Source",
    "Sponsors",
    "StrategicGoal",
    "SuggestedLink",
    "UncoveredGoal",
    "Vision",
    "__version__",
    "check",
    "dump",
    "dumps",
    "from_networkx",
    "goal_support",
    "in_area",
    "incomplete_indicators",
    "leverage",
    "load",
    "lone_goals",
    "node_key",
    "not_smart_goals",
    "orphan_efforts",
    "overlaps",
    "owner_load",
    "removal_impact",
    "role_mix",
    "single_points_of_failure",
    "to_networkx",
    "trace_down",
    "trace_up",
    "uncovered_goals",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'din_graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
