"""The area lens: the portfolio's areas (wijk, buurt, dorp), which lies in which, and
what all programmes do in one of them (:func:`in_area`).  Overlap uses it for the
area signals (same area; places apart) and to find place names in texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from din_graph._analysis._text import Phrases, fold, words
from din_graph._errors import DinArgumentError
from din_graph._graph import node_key
from din_graph._model import Portfolio
from din_graph._validate import area_names

__all__ = ["AreaActivity", "Areas", "in_area"]


class Areas:
    """The portfolio's area hierarchy: names -> ids, which area lies in which, names in texts."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.lookup = {fold(k): v for k, v in area_names(portfolio).items()}
        self.parent: dict[str, str] = {}
        for area in portfolio.areas:
            for part in area.parts:
                child = self.lookup.get(fold(part), fold(part))
                if child != area.id:
                    self.parent.setdefault(child, area.id)
        self.names = {area.id: area.name for area in portfolio.areas}
        self._phrases = Phrases({name: area for name, area in self.lookup.items() if len(name) > 3})
        self._relations: dict[tuple[frozenset[str], frozenset[str]], tuple[float, tuple[str, ...]]] = {}

    def mentioned(self, text: str) -> frozenset[str]:
        """Areas whose name occurs in a text as whole words."""
        return frozenset(value for _, _, value in self._phrases.find(words(text)))

    def ancestors(self, area: str) -> list[str]:
        out, seen = [], {area}
        while area in self.parent and self.parent[area] not in seen:
            area = self.parent[area]
            seen.add(area)
            out.append(area)
        return out

    def descendants(self, area: str) -> set[str]:
        out, stack = set(), [area]
        while stack:
            node = stack.pop()
            for child, parent in self.parent.items():
                if parent == node and child not in out:
                    out.add(child)
                    stack.append(child)
        return out

    def relation(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, tuple[str, ...]]:
        """1.0 for a shared area or one inside the other; 0.5 for siblings in one wijk."""
        found = self._relations.get((a, b))
        if found is None:
            found = self._relations[(a, b)] = self._relation(a, b)
        return found

    def apart(self, a: frozenset[str], b: frozenset[str]) -> tuple[str, ...]:
        """The names of both sides' areas when both name areas and they are unrelated (not
        one, not one inside the other, not siblings in one wijk); else ``()``.

        A node that names no area (municipality-wide, or silent on place) is never apart.
        """
        if not a or not b or self.relation(a, b)[0]:
            return ()
        return tuple(" + ".join(sorted(self.names.get(x, x) for x in side)) for side in (a, b))

    def _relation(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, tuple[str, ...]]:
        shared = sorted(a & b)
        if shared:
            return 1.0, tuple(self.names.get(s, s) for s in shared)
        for x in sorted(a):
            for y in sorted(b):
                if x in self.ancestors(y) or y in self.ancestors(x):
                    return 1.0, (self.names.get(x, x), self.names.get(y, y))
        for x in sorted(a):
            for y in sorted(b):
                px, py = self.parent.get(x), self.parent.get(y)
                if px is not None and px == py:
                    return 0.5, (self.names.get(px, px),)
        return 0.0, ()


@dataclass(frozen=True, slots=True)
class AreaActivity:
    """An effort of some programme that takes place in an area."""

    programme: str
    node: str
    title: str
    areas: tuple[str, ...]
    """The areas it names that lie in the asked area (the area itself or its parts)."""
    via: str
    """``"areas"`` when the effort lists the area, ``"text"`` when only its text names it."""


def in_area(portfolio: Portfolio, area: str) -> list[AreaActivity]:
    """What all programmes do in one wijk, buurt or dorp, including its parts.

    ``area`` is an area id, name, alias or part name (case-insensitive).

    Raises
    ------
    DinArgumentError
        The portfolio knows no such area (a ``DinError`` and a ``ValueError``).

    Examples
    --------
    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo")
    >>> [a.node for a in din_graph.in_area(almelo, "Binnenstad")][:2]
    ['almelo-duurzaamheid/E5', 'almelo-duurzaamheid/E12']
    """
    areas = Areas(portfolio)
    target = areas.lookup.get(fold(area))
    if target is None:
        known = ", ".join(sorted(a.name for a in portfolio.areas)) or "none"
        raise DinArgumentError(f"unknown area {area!r}; the portfolio's areas: {known}")
    inside = {target} | areas.descendants(target)
    out = []
    for programme in portfolio.programmes:
        for effort in programme.efforts:
            hit = sorted({areas.lookup.get(fold(a), fold(a)) for a in effort.areas} & inside)
            via = "areas"
            if not hit:
                hit = sorted(areas.mentioned(f"{effort.title} {effort.description or ''}") & inside)
                via = "text"
            if hit:
                shown = tuple(areas.names.get(h, h) for h in hit)
                out.append(AreaActivity(programme.id, node_key(programme.id, effort.id), effort.title, shown, via))
    return out
