"""Who carries the work: owner load and the mix of roles per goal and programme."""

from __future__ import annotations

from dataclasses import dataclass

from din_graph._analysis._index import DinIndex, index_of, owner_identity
from din_graph._analysis._structure import goal_support
from din_graph._model import EffortPhase, HoursRange, Portfolio, Programme, Role

__all__ = ["OwnerLoad", "PhaseMix", "RoleMix", "owner_load", "phase_mix", "role_mix"]

Din = Programme | Portfolio | DinIndex


@dataclass(frozen=True, slots=True)
class OwnerLoad:
    """The work one owner carries, over every programme it appears in.

    Owners are matched across programmes by name (case and spacing ignored).
    Hours are ranges because contracts write them so (``"4-8"``); a single
    figure has ``low == high``.
    """

    owner: str
    """Display name (as first written)."""
    keys: tuple[str, ...]
    """The owner's node keys, one per programme that lists it."""
    efforts: tuple[str, ...]
    programmes: tuple[str, ...]
    """Programmes it carries efforts in, or is listed in."""
    effort_hours: tuple[float, float]
    """Sum of the hours per week of its efforts that state hours (low, high)."""
    capacity: tuple[float, float] | None
    """Hours per week it has for the programmes, where stated as a number or range (low, high)."""
    uncounted: tuple[str, ...] = ()
    """Hours written as text (``fulltime``, ``pm``) that could not be counted, each as
    ``"<node key>: <text>"``: its own capacity's key, or an effort's key."""

    @property
    def fully_counted(self) -> bool:
        """True when every stated hour of the owner and its efforts was a number or a range."""
        return not self.uncounted

    @property
    def overloaded_by_hours(self) -> bool:
        """True when its efforts ask more hours than even its highest stated capacity."""
        return self.capacity is not None and self.effort_hours[0] > self.capacity[1]


@dataclass(frozen=True, slots=True)
class RoleMix:
    """How the efforts under one scope (a programme or a goal) divide over roles."""

    scope: str
    """Programme id, or goal key."""
    programme: str
    counts: dict[str, int]
    """Role value -> number of efforts, every role present (zeros included), in Role order."""

    @property
    def total(self) -> int:
        """Number of efforts in the scope."""
        return sum(self.counts.values())

    @property
    def shares(self) -> dict[str, float]:
        """Role value -> share of the efforts (0 when there are none)."""
        total = self.total
        return {role: (count / total if total else 0.0) for role, count in self.counts.items()}


def _hours(value: float | HoursRange | str | None) -> tuple[float, float] | None:
    # Text (fulltime, pm, n.t.b.) gives no figure: counted as uncounted, never guessed.
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, HoursRange):
        return (value.low, value.high)
    return (float(value), float(value))


def owner_load(obj: Din) -> list[OwnerLoad]:
    """Efforts, hours and programmes per owner, busiest first.

    Examples
    --------
    >>> from din_graph import Portfolio, Programme, owner_load
    >>> uf = {"id": "uf", "name": "Uitvoering Fysiek", "type": "afdeling"}
    >>> a = Programme(id="a", name="A", owners=[uf], efforts=[{"id": "E1", "title": "x", "owner": "uf"}])
    >>> b = Programme(id="b", name="B", owners=[uf], efforts=[{"id": "E1", "title": "y", "owner": "uf",
    ...                                                       "hours_per_week": "4-8"}])
    >>> load = owner_load(Portfolio(id="pf", name="PF", programmes=[a, b]))[0]
    >>> (load.owner, load.efforts, load.programmes, load.effort_hours)
    ('Uitvoering Fysiek', ('a/E1', 'b/E1'), ('a', 'b'), (4.0, 8.0))

    Hours written as text are not guessed; the owner says which it could not count:

    >>> pm = Programme(id="c", name="C", owners=[{**uf, "hours_per_week": "fulltime beschikbaar"}])
    >>> owner_load(pm)[0].uncounted
    ('c/uf: fulltime beschikbaar',)

    Raises
    ------
    DinError
        Never for a valid model; the index raises for an object that is not one.
    """
    index = index_of(obj)
    groups: dict[str, list[str]] = {}
    for key, owner in index.owners.items():
        groups.setdefault(owner_identity(owner), []).append(key)
    efforts_of: dict[str, list[str]] = {}
    for effort in index.efforts:
        carrier = index.effort_owner(effort)
        if carrier is not None:
            efforts_of.setdefault(owner_identity(carrier), []).append(effort)
    out = []
    for identity, keys in groups.items():
        efforts = efforts_of.get(identity, [])
        low = high = 0.0
        for effort in efforts:
            span = _hours(index.efforts[effort].hours_per_week)
            if span is not None:
                low, high = low + span[0], high + span[1]
        uncounted = [
            f"{key}: {hours}"
            for key, hours in [
                *((k, index.owners[k].hours_per_week) for k in keys),
                *((e, index.efforts[e].hours_per_week) for e in efforts),
            ]
            if isinstance(hours, str)
        ]
        capacities = [c for c in (_hours(index.owners[k].hours_per_week) for k in keys) if c is not None]
        capacity = (sum(c[0] for c in capacities), sum(c[1] for c in capacities)) if capacities else None
        programmes = tuple(
            dict.fromkeys([*(index.programme_of[e] for e in efforts), *(index.programme_of[k] for k in keys)])
        )
        out.append(
            OwnerLoad(
                index.owners[keys[0]].name,
                tuple(keys),
                tuple(efforts),
                programmes,
                (low, high),
                capacity,
                tuple(uncounted),
            )
        )
    out.sort(key=lambda load: (-len(load.efforts), -load.effort_hours[1]))
    return out


def role_mix(obj: Din, *, per: str = "programme") -> list[RoleMix]:
    """Counts of regie / lijn / afstemming / partner / inwoners (and unknown) per programme or per goal.

    ``per="programme"`` counts a programme's own efforts; ``per="goal"`` counts
    each goal's support (the efforts with a path to it, from any programme).

    Examples
    --------
    >>> from din_graph import Programme, role_mix
    >>> p = Programme(id="p", name="P", efforts=[{"id": "E1", "title": "x", "role": "regie"},
    ...                                          {"id": "E2", "title": "y", "role": "lijn"},
    ...                                          {"id": "E3", "title": "z", "role": "regie"}])
    >>> mix = role_mix(p)[0]
    >>> mix.counts["lead"], mix.shares["line"]
    (2, 0.3333333333333333)
    """
    if per not in ("programme", "goal"):
        raise ValueError(f"per must be 'programme' or 'goal', not {per!r}")
    index = index_of(obj)
    out = []
    if per == "programme":
        scopes: dict[str, list[str]] = {pid: [] for pid in index.programmes}
        for effort in index.efforts:
            scopes[index.programme_of[effort]].append(effort)
    else:
        scopes = goal_support(index)
    for scope, efforts in scopes.items():
        counts = {role.value: 0 for role in Role}
        for effort in efforts:
            counts[index.efforts[effort].role.value] += 1
        programme = scope if per == "programme" else index.programme_of[scope]
        out.append(RoleMix(scope, programme, counts))
    return out


@dataclass(frozen=True, slots=True)
class PhaseMix:
    """How a programme's efforts divide over phases (planned ... stopped, unknown).

    The phase is the stated one, else the one recognised from the status text;
    efforts with neither count under ``None`` as ``"none"``.
    """

    programme: str
    counts: dict[str, int]
    """Phase value (and ``"none"``) -> number of efforts, every phase present, in EffortPhase order."""

    @property
    def total(self) -> int:
        """Number of efforts in the programme."""
        return sum(self.counts.values())


def phase_mix(obj: Din) -> list[PhaseMix]:
    """Counts of efforts per phase, one :class:`PhaseMix` per programme.

    Examples
    --------
    >>> from din_graph import Programme, phase_mix
    >>> p = Programme(id="p", name="P", efforts=[
    ...     {"id": "E1", "title": "x", "status": "Nog starten"},
    ...     {"id": "E2", "title": "y", "status": "DO gereed. Aanbestedingsprocedure gestart."},
    ...     {"id": "E3", "title": "z"}])
    >>> mix = phase_mix(p)[0]
    >>> mix.counts["planned"], mix.counts["tendering"], mix.counts["none"]
    (1, 1, 1)

    Raises
    ------
    DinError
        Never for a valid model; the index raises for an object that is not one.
    """
    index = index_of(obj)
    out = []
    counted: dict[str, dict[str, int]] = {
        pid: {**{phase.value: 0 for phase in EffortPhase}, "none": 0} for pid in index.programmes
    }
    for key, effort in index.efforts.items():
        phase = effort.current_phase
        counted[index.programme_of[key]][phase.value if phase is not None else "none"] += 1
    for pid, counts in counted.items():
        out.append(PhaseMix(pid, counts))
    return out
