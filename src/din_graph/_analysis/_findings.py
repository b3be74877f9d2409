"""``check``: every structural analysis at once, as an ordered list of findings.

A :class:`Finding` has a stable ``code`` (the list is :data:`CODES`), a
severity, the programme and node it concerns, a message in Dutch or English,
and the analysis result behind it in ``data``.  Findings are deterministic:
the same input gives the same findings in the same order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from din_graph._analysis._index import DinIndex, index_of
from din_graph._analysis._owners import owner_load, role_mix
from din_graph._analysis._structure import (
    goal_support,
    incomplete_indicators,
    lone_goals,
    not_smart_goals,
    orphan_efforts,
    single_points_of_failure,
    uncovered_goals,
)
from din_graph._errors import DinArgumentError, DinError
from din_graph._model import EffortPhase, Portfolio, Programme
from din_graph._vocab import FINDING_DEFINITIONS, FINDING_MESSAGES
from din_graph._vocab import FINDING_WORDS as _WORDS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CODES", "FINDING_CODES", "Finding", "Findings", "check"]

Severity = Literal["warning", "info"]
Lang = Literal["nl", "en"]

#: code -> severity, in report order; the definitions are in din_graph._vocab.
_SEVERITIES: dict[str, Severity] = {
    "too-many-missions": "warning",
    "no-vision": "warning",
    "support-stopped": "warning",
    "orphan-effort": "warning",
    "uncovered-goal": "warning",
    "not-smart": "warning",
    "single-point-of-failure": "warning",
    "owner-overload": "warning",
    "open-placeholder": "info",
    "incomplete-indicator": "info",
    "lone-goal": "info",
    "effort-without-owner": "info",
    "roles-unknown": "info",
    "owner-in-several-programmes": "info",
    "hours-uncounted": "info",
    "kernopgaven-count": "info",
}

#: code -> (severity, Dutch definition, English definition), in report order.
CODES: dict[str, tuple[Severity, str, str]] = {
    code: (severity, FINDING_DEFINITIONS["nl"][code], FINDING_DEFINITIONS["en"][code])
    for code, severity in _SEVERITIES.items()
}

#: Public name of :data:`CODES`.
FINDING_CODES = CODES


@dataclass(frozen=True, slots=True)
class Finding:
    """One weak spot found by :func:`check`.

    ``programme`` is ``None`` for portfolio-wide findings; ``node`` is a node key
    as in :func:`din_graph.to_networkx` (or a programme id / portfolio id for
    findings about a whole programme or portfolio).
    """

    code: str
    severity: Severity
    programme: str | None
    node: str
    message: str
    data: dict[str, Any] = field(default_factory=dict, compare=True)

    def to_dict(self, *, data: bool = True) -> dict[str, Any]:
        """Plain dict; without ``data`` exactly the keys of ``din check --format json``."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "programme": self.programme,
            "node": self.node,
            "message": self.message,
        }
        if data:
            out["data"] = self.data
        return out


class Findings(Sequence[Finding]):
    """An ordered, immutable collection of findings with conversions.

    Examples
    --------
    >>> import din_graph
    >>> findings = din_graph.check(din_graph.load("examples/almelo"), lang="en")
    >>> findings.count_by_code()["orphan-effort"]
    5
    >>> findings.filter(code="orphan-effort")[0].message
    "effort 'Stakeholders interactief betrekken en informeren over de voortgang' contributes to no goal"
    """

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self._items = tuple(findings)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Findings: ...
    def __getitem__(self, index: int | slice) -> Finding | Findings:
        if isinstance(index, slice):
            return Findings(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Findings) and self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple((f.code, f.node, f.message) for f in self._items))

    def __repr__(self) -> str:
        counts = ", ".join(f"{code}: {n}" for code, n in self.count_by_code().items())
        return f"Findings({len(self)}: {counts})"

    def _repr_html_(self) -> str:
        from din_graph._strings import html_table

        rows = ((f.code, f.severity, f.node, f.message) for f in self._items)
        return html_table(["code", "severity", "node", "message"], rows, caption=repr(self))

    def filter(
        self, *, code: str | Iterable[str] | None = None, severity: str | None = None, programme: str | None = None
    ) -> Findings:
        """The findings with this code (or codes), severity and/or programme."""
        codes = {code} if isinstance(code, str) else set(code) if code is not None else None
        return Findings(
            f
            for f in self._items
            if (codes is None or f.code in codes)
            and (severity is None or f.severity == severity)
            and (programme is None or f.programme == programme)
        )

    def count_by_code(self) -> dict[str, int]:
        """Code -> number of findings, in the order of :data:`CODES`."""
        counts = Counter(f.code for f in self._items)
        return {code: counts[code] for code in CODES if counts[code]}

    def to_dicts(self, *, data: bool = True) -> list[dict[str, Any]]:
        """A list of plain dicts (JSON-ready)."""
        return [f.to_dict(data=data) for f in self._items]

    def to_json(self, *, data: bool = False) -> str:
        """``{"findings": [...]}`` as ``din check --format json`` prints it."""
        return json.dumps({"findings": self.to_dicts(data=data)}, ensure_ascii=False, indent=2, default=str)

    def to_dataframe(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per finding (needs the ``pandas`` extra)."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            raise DinError("to_dataframe needs pandas: pip install 'din_graph[pandas]'") from None
        return pd.DataFrame(self.to_dicts(), columns=["code", "severity", "programme", "node", "message", "data"])


def _words(lang: Lang) -> dict[str, str]:
    return _WORDS[lang]


class _Add(Protocol):
    """Records one finding: its code, programme, node, data, and the message's fields."""

    def __call__(self, code: str, programme: str | None, node: str, data: dict[str, Any], **fields: Any) -> None: ...


def check(
    obj: Programme | Portfolio,
    *,
    lang: Lang = "nl",
    max_efforts_per_owner: int = 10,
    max_missions: int = 7,
    unknown_role_share: float = 0.5,
    kernopgaven: tuple[int, int] = (5, 7),
) -> Findings:
    """Run every structural analysis and return the findings, in a stable order.

    Order: portfolio-wide findings first, then per programme (in portfolio
    order), per code in the order of :data:`CODES`, per node in model order.

    Parameters
    ----------
    obj:
        A programme or a portfolio.
    lang:
        ``"nl"`` (default) or ``"en"`` for the messages.
    max_efforts_per_owner:
        An owner carrying more efforts than this is overloaded.
    max_missions:
        A portfolio with more missions than this gets ``too-many-missions``.
    unknown_role_share:
        A programme where more than this share of efforts has an unknown role
        gets ``roles-unknown``.
    kernopgaven:
        ``(fewest, most)`` strategic goals (*kernopgaven*) a programme should
        have; outside it, ``kernopgaven-count`` (seed 004: "max 5-7").

    Returns
    -------
    Findings
        In the order above.

    Raises
    ------
    DinArgumentError
        A ``lang`` other than ``"nl"``/``"en"``, or a ``kernopgaven`` range that
        is not two whole numbers ``0 <= fewest <= most`` (a ``ValueError`` too).

    Examples
    --------
    >>> import din_graph
    >>> findings = din_graph.check(din_graph.load("examples/almelo/leefbare-wijken-en-dorpen.yaml"))
    >>> [f.node for f in findings.filter(code="orphan-effort")]
    ['almelo-leefbare-wijken-en-dorpen/CO1', 'almelo-leefbare-wijken-en-dorpen/CO2']
    """
    if lang not in _WORDS:
        raise DinArgumentError(f"lang must be 'nl' or 'en', not {lang!r}")
    _check_range(kernopgaven)
    kernopgaven = (kernopgaven[0], kernopgaven[1])
    index = index_of(obj)
    w = _words(lang)
    found: list[Finding] = []

    def add(code: str, programme: str | None, node: str, data: dict[str, Any], **fields: Any) -> None:
        message = FINDING_MESSAGES[lang][code].format(**fields)
        found.append(Finding(code, CODES[code][0], programme, node, message, data))

    _portfolio_findings(index, add, max_missions)
    _kernopgaven_findings(index, add, kernopgaven)
    _stopped_support_findings(index, add)
    _coverage_findings(index, add, w)
    _goal_findings(index, add, w)
    _owner_findings(index, add, w, max_efforts_per_owner)
    _placeholder_findings(index, add, w)
    _indicator_findings(index, add, w)
    _lone_goal_findings(index, add, w)
    _role_findings(index, add, unknown_role_share)
    return Findings(_ordered(found, index))


def _coverage_findings(index: DinIndex, add: _Add, w: dict[str, str]) -> None:
    """Efforts that reach no goal, and goals nothing works on."""
    for orphan in orphan_efforts(index):
        vision = w["vision"] if orphan.links else ""
        add("orphan-effort", orphan.programme, orphan.effort, asdict(orphan), title=orphan.title, vision=vision)
    for goal in uncovered_goals(index):
        pm = w["pm"].format(pms=", ".join(index.title(p) for p in goal.placeholders)) if goal.placeholders else ""
        add(
            "uncovered-goal",
            goal.programme,
            goal.goal,
            asdict(goal),
            level=w[goal.kind],
            title=goal.title,
            cover=w[f"cover_{goal.kind}"],
            pm=pm,
        )


def _goal_findings(index: DinIndex, add: _Add, w: dict[str, str]) -> None:
    """Goals that are not SMART, and goals that rest on one effort or one owner."""
    for smart in not_smart_goals(index):
        reasons = ", ".join(w[r] for r in smart.reasons)
        add("not-smart", smart.programme, smart.goal, asdict(smart), title=smart.title, reasons=reasons)
    for spof in single_points_of_failure(index):
        if spof.through == "effort":
            what = w["one_effort"].format(title=index.title(spof.efforts[0]))
        else:
            what = w["one_owner"].format(owner=spof.owner, n=len(spof.efforts))
        add("single-point-of-failure", spof.programme, spof.goal, asdict(spof), title=spof.title, what=what)


def _placeholder_findings(index: DinIndex, add: _Add, w: dict[str, str]) -> None:
    """Every PM placeholder still to be filled in, with the goals it would serve."""
    for key, placeholder in index.placeholders.items():
        targets = ", ".join(f"'{index.title(t)}'" for t in index.up.get(key, ())) or w["no_goal"]
        label = placeholder.title if not placeholder.track else f"{placeholder.title} ({placeholder.track})"
        data: dict[str, Any] = {"placeholder": key, "goals": list(index.up.get(key, ()))}
        data |= {"track": placeholder.track, "note": placeholder.note}
        add("open-placeholder", index.programme_of[key], key, data, title=label, targets=targets)


def _indicator_findings(index: DinIndex, add: _Add, w: dict[str, str]) -> None:
    """Indicators whose targets lost their year or are text, not numbers."""
    for item in incomplete_indicators(index):
        parts = []
        if item.lost_years:
            parts.append(w["lost"].format(labels=", ".join(item.lost_years)))
        if item.text_targets:
            parts.append(w["text"].format(values=", ".join(item.text_targets)))
        add(
            "incomplete-indicator",
            item.programme,
            item.goal,
            asdict(item),
            indicator=item.indicator,
            what=w["and"].join(parts),
        )


def _lone_goal_findings(index: DinIndex, add: _Add, w: dict[str, str]) -> None:
    """Goal levels holding a single goal: one strategic goal in a programme, or one
    operational goal under a strategic goal."""
    for lone in lone_goals(index):
        programme = index.programmes[lone.programme]
        if lone.level == "strategic_goal":
            where = w["vision_level" if lone.node in index.kind else "programme"].format(name=programme.name)
        else:
            where = w["goal"].format(title=index.title(lone.node))
        add(
            "lone-goal",
            lone.programme,
            lone.goal,
            asdict(lone),
            where=where,
            level=w[lone.level],
            title=index.title(lone.goal),
        )


def _role_findings(index: DinIndex, add: _Add, unknown_role_share: float) -> None:
    """Efforts nobody owns, and programmes where most efforts' roles were never written down."""
    for key, effort in index.efforts.items():
        if effort.owner is None:
            add("effort-without-owner", index.programme_of[key], key, {"effort": key}, title=effort.title)
    for mix in role_mix(index):
        unknown = mix.counts["unknown"]
        if mix.total and unknown / mix.total > unknown_role_share:
            add("roles-unknown", mix.programme, mix.scope, {"counts": mix.counts}, unknown=unknown, total=mix.total)


def _check_range(kernopgaven: tuple[int, int]) -> None:
    ok = (
        isinstance(kernopgaven, tuple | list)
        and len(kernopgaven) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in kernopgaven)
        and 0 <= kernopgaven[0] <= kernopgaven[1]
    )
    if not ok:
        raise DinArgumentError(f"kernopgaven must be (fewest, most) with 0 <= fewest <= most, not {kernopgaven!r}")


def _kernopgaven_findings(index: DinIndex, add: _Add, kernopgaven: tuple[int, int]) -> None:
    low, high = kernopgaven
    for pid, programme in index.programmes.items():
        count = len(programme.strategic_goals)
        if not low <= count <= high:
            data = {"programme": pid, "count": count, "range": [low, high]}
            add("kernopgaven-count", pid, pid, data, name=programme.name, count=count, low=low, high=high)


def _stopped_support_findings(index: DinIndex, add: _Add) -> None:
    for goal, efforts in goal_support(index).items():
        if efforts and all(index.efforts[e].current_phase is EffortPhase.STOPPED for e in efforts):
            data = {"goal": goal, "efforts": efforts}
            add("support-stopped", index.programme_of[goal], goal, data, count=len(efforts), title=index.title(goal))


def _portfolio_findings(index: DinIndex, add: _Add, max_missions: int) -> None:
    portfolio = index.portfolio
    if portfolio is not None and len(portfolio.missions) > max_missions:
        add(
            "too-many-missions",
            None,
            portfolio.id,
            {"missions": [m.id for m in portfolio.missions]},
            count=len(portfolio.missions),
            limit=max_missions,
        )
    for pid, programme in index.programmes.items():
        if programme.vision is None:
            add("no-vision", pid, pid, {"programme": pid}, name=programme.name)


def _owner_findings(index: DinIndex, add: _Add, w: dict[str, str], max_efforts: int) -> None:
    for load in owner_load(index):
        first = load.keys[0]
        overloaded = len(load.efforts) > max_efforts or load.overloaded_by_hours
        if not overloaded and len(load.programmes) < 2 and not load.uncounted:
            continue  # most owners get no finding: skip copying their results
        data = asdict(load)
        if overloaded:
            hours = ""
            if load.overloaded_by_hours and load.capacity is not None:
                hours = w["hours"].format(low=load.effort_hours[0], cap=load.capacity[1])
            add(
                "owner-overload",
                index.programme_of[first],
                first,
                data,
                owner=load.owner,
                efforts=len(load.efforts),
                hours=hours,
            )
        if load.uncounted:
            add(
                "hours-uncounted",
                index.programme_of[first],
                first,
                data,
                owner=load.owner,
                texts="; ".join(load.uncounted),
            )
        if len(load.programmes) > 1:
            add(
                "owner-in-several-programmes",
                index.programme_of[first],
                first,
                data,
                owner=load.owner,
                count=len(load.programmes),
                programmes=", ".join(load.programmes),
            )


def _ordered(found: list[Finding], index: DinIndex) -> list[Finding]:
    programme_order = {pid: i for i, pid in enumerate(index.programmes)}
    code_order = {code: i for i, code in enumerate(CODES)}
    # `sorted` is stable: within one programme and code, the analyses' model order stays.
    return sorted(
        found,
        key=lambda f: (
            -1 if f.programme is None else programme_order.get(f.programme, len(programme_order)),
            code_order[f.code],
        ),
    )
