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
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

__all__ = [
    "Area",
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
    "Problem",
    "Programme",
    "RelatedProgramme",
    "Role",
    "Source",
    "Sponsors",
    "StrategicGoal",
    "Vision",
    "__version__",
    "dump",
    "dumps",
    "from_networkx",
    "load",
    "node_key",
    "to_networkx",
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
