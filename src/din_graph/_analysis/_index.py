"""A light, linear-time index of a programme or portfolio for the analyses.

The analyses need adjacency (who contributes to what), node kinds and owners,
over graphs of up to hundreds of thousands of efforts.  Building a networkx
graph with every model field on every node costs more than the analyses
themselves, so they share this index, built once in O(nodes + links), with
node keys exactly as in :func:`din_graph.to_networkx`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from din_graph._graph import node_key
from din_graph._model import (
    Effort,
    OperationalGoal,
    Owner,
    Placeholder,
    Portfolio,
    Programme,
    StrategicGoal,
    parse_reference,
)
from din_graph._validate import VISION_IDS

__all__ = ["GOAL_KINDS", "DinIndex", "index_of", "owner_identity", "reference_key"]

GOAL_KINDS = frozenset({"strategic_goal", "operational_goal"})
_SPACES = re.compile(r"\s+")


def owner_identity(owner: Owner) -> str:
    """The key that identifies an owner across programmes: its name, case- and space-folded.

    Owner ids are local to a programme; the same department (*Uitvoering Fysiek*)
    appears in several programme files under its own id each time, so owners are
    matched by name.
    """
    return _SPACES.sub(" ", owner.name).strip().casefold()


@dataclass
class DinIndex:
    """Adjacency and lookups of a programme or portfolio, keyed by node key."""

    programmes: dict[str, Programme] = field(default_factory=dict)
    portfolio: Portfolio | None = None
    kind: dict[str, str] = field(default_factory=dict)
    programme_of: dict[str, str] = field(default_factory=dict)
    up: dict[str, list[str]] = field(default_factory=dict)
    down: dict[str, list[str]] = field(default_factory=dict)
    efforts: dict[str, Effort] = field(default_factory=dict)
    strategic_goals: dict[str, StrategicGoal] = field(default_factory=dict)
    operational_goals: dict[str, OperationalGoal] = field(default_factory=dict)
    placeholders: dict[str, Placeholder] = field(default_factory=dict)
    owners: dict[str, Owner] = field(default_factory=dict)
    owner_of: dict[str, str | None] = field(default_factory=dict)
    vision_of: dict[str, str] = field(default_factory=dict)

    def goals(self) -> Iterator[str]:
        """Goal keys in model order: per programme, strategic then operational."""
        for pid, programme in self.programmes.items():
            for strategic in programme.strategic_goals:
                yield node_key(pid, strategic.id)
            for operational in programme.operational_goals:
                yield node_key(pid, operational.id)

    def title(self, key: str) -> str:
        """A human label for a node key."""
        for table in (self.efforts, self.strategic_goals, self.operational_goals, self.placeholders):
            item = table.get(key)
            if item is not None:
                return str(item.title)
        if key in self.owners:
            return self.owners[key].name
        if self.kind.get(key) == "vision":
            vision = self.programmes[self.programme_of[key]].vision
            return vision.text if vision is not None else key
        return key

    def is_goal(self, key: str) -> bool:
        """True for goals of loaded programmes and for links into programmes not loaded."""
        kind = self.kind.get(key)
        return kind in GOAL_KINDS or (kind is None and self.programme_of.get(key) not in self.programmes)

    def effort_owner(self, effort: str) -> Owner | None:
        """The owner of an effort, or ``None`` when none is named (or known)."""
        owner = self.owner_of.get(effort)
        return self.owners.get(owner) if owner is not None else None

    def reachable_goals(self, start: str) -> list[str]:
        """Goals reachable from ``start`` along contributes_to links, in discovery order."""
        seen: dict[str, None] = {}
        stack = list(reversed(self.up.get(start, [])))
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen[node] = None
            stack.extend(reversed(self.up.get(node, [])))
        return [n for n in seen if self.is_goal(n)]


def reference_key(ref: str, programme_id: str) -> tuple[str, str]:
    """The programme and node key a ``contributes_to`` reference of ``programme_id`` points at.

    Examples
    --------
    >>> reference_key("visie", "p")
    ('p', 'p/vision')
    >>> reference_key("q/O1", "p")
    ('q', 'q/O1')
    """
    target_pid, local = parse_reference(ref, programme_id)
    return target_pid, node_key(target_pid, "vision" if local in VISION_IDS else local)


def index_of(obj: Programme | Portfolio | DinIndex) -> DinIndex:
    """Build (or pass through) the index of a programme or portfolio."""
    if isinstance(obj, DinIndex):
        return obj
    index = DinIndex()
    programmes: Iterable[Programme]
    if isinstance(obj, Portfolio):
        index.portfolio = obj
        programmes = obj.programmes
    else:
        programmes = (obj,)
    for programme in programmes:
        index.programmes.setdefault(programme.id, programme)
    for pid, programme in index.programmes.items():
        if programme.vision is not None:
            key = node_key(pid, "vision")
            index.kind[key] = "vision"
            index.programme_of[key] = pid
            index.vision_of[pid] = key
        tables: list[tuple[str, dict[str, object], Iterable[object]]] = [
            ("strategic_goal", index.strategic_goals, programme.strategic_goals),  # type: ignore[list-item]
            ("operational_goal", index.operational_goals, programme.operational_goals),  # type: ignore[list-item]
            ("effort", index.efforts, programme.efforts),  # type: ignore[list-item]
            ("placeholder", index.placeholders, programme.placeholders),  # type: ignore[list-item]
            ("owner", index.owners, programme.owners),  # type: ignore[list-item]
        ]
        for kind, table, items in tables:
            for item in items:
                key = node_key(pid, item.id)  # type: ignore[attr-defined]
                if key in index.kind:
                    continue  # a duplicate id: validation reports it, the first one counts
                index.kind[key] = kind
                index.programme_of[key] = pid
                table[key] = item
    for pid, programme in index.programmes.items():
        linked: Iterable[OperationalGoal | Effort | Placeholder] = (
            *programme.operational_goals,
            *programme.efforts,
            *programme.placeholders,
        )
        for item in linked:
            source = node_key(pid, item.id)
            targets = index.up.setdefault(source, [])
            for ref in item.contributes_to:
                target_pid, target = reference_key(ref, pid)
                if target in targets:
                    continue
                targets.append(target)
                index.down.setdefault(target, []).append(source)
                index.programme_of.setdefault(target, target_pid)
        for goal in programme.strategic_goals:
            vision = index.vision_of.get(pid)
            if vision is not None:
                source = node_key(pid, goal.id)
                index.up.setdefault(source, []).append(vision)
                index.down.setdefault(vision, []).append(source)
        for effort in programme.efforts:
            key = node_key(pid, effort.id)
            owner = node_key(pid, effort.owner) if effort.owner is not None else None
            index.owner_of[key] = owner if owner in index.owners else None
    return index
