"""The relations between programmes that their contracts state (``related_programmes``).

Unlike the overlaps :func:`din_graph.overlaps` suggests, these are the text's own
words: "Er is een belangrijke relatie met de programma's Nieuwstraatkwartier ...".
A contract names the other programme by name, often loosely (``Toekomstbestendig
wonen en leven`` for ``Toekomstbestendig wonen en leven (opgave)``), so a name is
matched to a programme of the portfolio by id, by name, or by name without remarks
in brackets; a relation to a programme the portfolio does not hold is kept, with
no target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from din_graph._model import Portfolio, Programme

__all__ = ["StatedRelation", "stated_relations"]

_BRACKETS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True, slots=True)
class StatedRelation:
    """One relation a programme's contract states."""

    programme: str
    """Id of the programme whose contract states it."""
    named: str
    """The related programme as the contract names it."""
    target: str | None
    """Id of the programme of the portfolio it names, or ``None`` when the portfolio has none."""
    topics: tuple[str, ...]
    evidence: str | None


def _forms(text: str) -> set[str]:
    folded = " ".join(text.casefold().split())
    bare = " ".join(_BRACKETS.sub("", text).casefold().split())
    return {form for form in (folded, bare) if form}


def _target(named: str, own: str, programmes: tuple[Programme, ...]) -> str | None:
    wanted = _forms(named)
    for other in programmes:
        if other.id == own:
            continue
        if named.strip() == other.id or wanted & (_forms(other.name) | {other.id.casefold()}):
            return other.id
    return None


def stated_relations(obj: Programme | Portfolio) -> list[StatedRelation]:
    """Every relation the contracts state, resolved to programmes of the portfolio where possible.

    Examples
    --------
    >>> from din_graph import Portfolio, Programme, stated_relations
    >>> a = Programme(id="a", name="Parapluplan centrum", related_programmes=[
    ...     {"programme": "Wonen en leven", "topics": ["centrum"]}, {"programme": "Binnenstad"}])
    >>> b = Programme(id="b", name="Wonen en leven (opgave)")
    >>> [(r.named, r.target) for r in stated_relations(Portfolio(id="pf", name="PF", programmes=[a, b]))]
    [('Wonen en leven', 'b'), ('Binnenstad', None)]

    Raises
    ------
    DinError
        Never for a valid model.
    """
    programmes = obj.programmes if isinstance(obj, Portfolio) else (obj,)
    return [
        StatedRelation(
            programme.id,
            relation.programme,
            _target(relation.programme, programme.id, programmes),
            relation.topics,
            relation.evidence,
        )
        for programme in programmes
        for relation in programme.related_programmes
    ]
