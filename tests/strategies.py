"""Hypothesis strategies for valid DIN models, reusable by every test module.

``programmes()`` draws programmes that pass validation: unique ids, links that
run upwards, owners that exist.  ``portfolios()`` joins several with
cross-programme links, areas and missions.  Text is drawn from printable
Unicode, Dutch letters, quotes, YAML/JSON metacharacters and emoji, because
real titles hold all of those.
"""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from din_graph import (
    DEFAULT_PARTICIPATION_LADDER,
    Effort,
    EffortKind,
    EffortPhase,
    Indicator,
    Mission,
    MunicipalMode,
    MunicipalRole,
    OperationalGoal,
    Owner,
    OwnerType,
    Placeholder,
    Portfolio,
    Programme,
    Role,
    StrategicGoal,
    recognise_phase,
)

__all__ = ["ids", "indicators", "portfolios", "programmes", "texts", "unit_rows"]

_ID_START = string.ascii_letters + string.digits + "_"
_ID_REST = _ID_START + ".-"
ids = st.builds(
    lambda head, tail: head + tail,
    st.sampled_from(_ID_START),
    st.text(_ID_REST, max_size=8),
)
_TRICKY = [
    "é",
    "ë",
    "ï",
    "ĳ",
    "'",
    '"',
    ":",
    "#",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "&",
    "*",
    "!",
    "%",
    "@",
    "`",
    "\\",
    "€",
    "😀",
    "\n",
    "  ",
    "\t",
]
_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"))
texts = st.lists(st.one_of(_CHARS, st.sampled_from(_TRICKY)), min_size=1, max_size=30).map("".join)
words = st.text(string.ascii_letters + "éë -", min_size=1, max_size=20).filter(str.strip)
years = st.integers(2015, 2035)
values = st.one_of(
    st.integers(-10_000, 10_000_000),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from(["ntb.", "B", "4-8", "2019", "true", "null", ""]),
)
year_keys = st.one_of(years, st.sampled_from(["onbekend", "onbekend-a", "onbekend-b"]))
hours = st.one_of(
    st.none(),
    st.floats(0, 60, allow_nan=False).map(lambda x: round(x, 1)),
    st.tuples(st.integers(0, 20), st.integers(0, 20)).map(lambda t: f"{min(t)}-{max(t)}"),
    # Capacity as contracts write it in words.
    st.sampled_from(["fulltime", "fulltime beschikbaar", "pm", "n.t.b.", "1e5"]),
)
#: Status wording from the seeds (phases recognised, and extraction remarks that name none).
STATUS_WORDING = (
    "Loopt",
    "Nog starten",
    "Aanbestedingstraject",
    "DO gereed. Info avond juli 2018. Aanbestedingsprocedure gestart.",
    "Op korte termijn opstarten.",
    "planvoorbereiding; extra budget EUR 150.000 nodig, uitvoering uit reserve Centrumspaarfonds",
    "subsidie verkregen",
    "afgerond",
    "gestopt",
    "running",
    "onbekend",
)
statuses = st.one_of(st.none(), st.sampled_from(STATUS_WORDING), texts)
phases = st.none() | st.sampled_from(list(EffortPhase))
source_lines = st.lists(st.integers(1, 5000), max_size=2)


def _unrecognised(status: str | None) -> bool:
    if status is None or status.strip().casefold() in ("unknown", "onbekend"):
        return False
    return recognise_phase(status) is EffortPhase.UNKNOWN


def _rungs(ladder: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(ladder)


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    """A valid indicator with targets (some years lost) and actuals."""
    return Indicator(
        id=draw(st.none() | ids),
        name=draw(texts),
        unit=draw(st.none() | st.sampled_from(["m2", "%", "aantal", "miljoen m3"])),
        baseline=draw(st.none() | st.fixed_dictionaries({"value": st.none() | values, "year": st.none() | years})),
        targets=draw(st.dictionaries(year_keys, values, max_size=5)),
        actuals=draw(st.dictionaries(years, values, max_size=3)),
        source=draw(st.none() | texts),
        better=draw(st.sampled_from(["higher", "lower"])),
    )


@st.composite
def programmes(
    draw: st.DrawFn,
    programme_id: st.SearchStrategy[str] | None = None,
    max_goals: int = 4,
    max_efforts: int = 8,
    other_goals: tuple[str, ...] = (),
    other_strategic: tuple[str, ...] = (),
) -> Programme:
    """A valid programme.

    ``other_goals`` are qualified keys of goals in other programmes its efforts
    may link to; ``other_strategic`` those its operational goals may link to.
    """
    pid = draw(programme_id if programme_id is not None else ids)
    pool = draw(
        st.lists(ids, min_size=0, max_size=2 * max_goals + max_efforts + 6, unique=True).map(
            lambda xs: [x for x in xs if x not in ("vision", "visie")]
        )
    )
    # Split one pool of unique ids over the levels so ids never clash.
    it = iter(pool)

    def take(n: int) -> list[str]:
        out = []
        for _ in range(n):
            nxt = next(it, None)
            if nxt is None:
                break
            out.append(nxt)
        return out

    s_ids = take(draw(st.integers(0, max_goals)))
    o_ids = take(draw(st.integers(0, max_goals)))
    owner_ids = take(draw(st.integers(0, 3)))
    e_ids = take(draw(st.integers(0, max_efforts)))
    pm_ids = take(draw(st.integers(0, 2)))
    has_vision = draw(st.booleans())

    def links(targets: list[str], extra: tuple[str, ...] = ()) -> list[str]:
        return draw(st.lists(st.sampled_from([*targets, *extra]), unique=True, max_size=3)) if targets or extra else []

    custom_ladder = draw(st.booleans())
    ladder = ("niet betrekken", "meedenken", "meebeslissen") if custom_ladder else DEFAULT_PARTICIPATION_LADDER
    rungs = _rungs(ladder)
    strategic = [
        StrategicGoal(
            id=i,
            title=draw(texts),
            description=draw(st.none() | texts),
            criteria=draw(st.lists(texts, max_size=2)),
            municipal_role=draw(st.none() | st.sampled_from(list(MunicipalRole))),
            municipal_mode=draw(st.none() | st.sampled_from(list(MunicipalMode))),
            participation=draw(rungs),
            source_lines=draw(source_lines),
        )
        for i in s_ids
    ]
    operational = [
        OperationalGoal(
            id=i,
            title=draw(texts),
            criteria=draw(st.lists(texts, max_size=2)),
            contributes_to=links(s_ids, other_strategic),
            indicators=draw(st.lists(indicators(), max_size=2)),
            participation=draw(rungs),
            source_lines=draw(source_lines),
        )
        for i in o_ids
    ]
    goal_targets = [*s_ids, *o_ids]
    efforts = [
        Effort(
            id=i,
            title=draw(texts),
            description=draw(st.none() | texts),
            contributes_to=links(goal_targets, other_goals),
            kind=draw(st.sampled_from(list(EffortKind))),
            role=draw(st.sampled_from(list(Role))),
            owner=draw(st.none() | st.sampled_from(owner_ids)) if owner_ids else None,
            partners=draw(st.lists(words, max_size=2)),
            areas=draw(st.lists(words, max_size=2)),
            track=draw(st.none() | words),
            status=(status := draw(statuses)),
            # Wording no pattern recognises comes with a stated phase, so drawn programmes stay warning-free.
            phase=draw(st.sampled_from(list(EffortPhase)) if _unrecognised(status) else phases),
            budget=draw(st.dictionaries(years, st.integers(0, 10**7).map(float), max_size=3)),
            hours_per_week=draw(hours),
            planning=draw(st.none() | texts),
            participation=draw(rungs),
            source_lines=draw(source_lines),
            note=draw(st.none() | texts),
        )
        for i in e_ids
    ]
    owners = [
        Owner(
            id=i,
            # A small pool of names makes the same owner recur across programmes.
            name=draw(st.sampled_from(["Uitvoering Fysiek", "Team Groen", "Wijkregisseur"]) | texts),
            type=draw(st.sampled_from(list(OwnerType))),
            hours_per_week=draw(hours),
            aliases=draw(st.lists(words, max_size=2)),
        )
        for i in owner_ids
    ]
    placeholders = [
        Placeholder(
            id=i, contributes_to=links(goal_targets), track=draw(st.none() | words), note=draw(st.none() | texts)
        )
        for i in pm_ids
    ]
    extra: dict[str, Any] = {}
    if draw(st.booleans()):
        start = draw(years)
        extra["period"] = {"start": start, "end": start + draw(st.integers(0, 6))}
    if draw(st.booleans()):
        extra["level_names"] = {"operational_goal": "Werkvelden", "track": "Activiteiten"}
    if custom_ladder:
        extra["participation_ladder"] = ladder
    if draw(st.booleans()):
        extra["source"] = {
            "title": draw(texts),
            "document": draw(st.none() | words),
            "lines": draw(source_lines),
            "date": draw(st.none() | words),
        }
    if draw(st.booleans()):
        extra["related_programmes"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {"programme": words, "topics": st.lists(texts, max_size=2), "evidence": st.none() | texts}
                ),
                max_size=2,
            )
        )
    return Programme(
        id=pid,
        name=draw(texts),
        municipality=draw(st.none() | words),
        vision=draw(texts) if has_vision else None,
        strategic_goals=strategic,
        operational_goals=operational,
        efforts=efforts,
        owners=owners,
        placeholders=placeholders,
        notes=draw(st.none() | texts),
        **extra,
    )


@st.composite
def portfolios(draw: st.DrawFn, max_programmes: int = 3) -> Portfolio:
    """A valid portfolio whose later programmes may link to goals of earlier ones."""
    pids = draw(st.lists(ids, min_size=1, max_size=max_programmes, unique=True))
    made: list[Programme] = []
    for pid in pids:
        other = tuple(f"{p.id}/{g.id}" for p in made for g in (*p.strategic_goals, *p.operational_goals))
        other_strategic = tuple(f"{p.id}/{g.id}" for p in made for g in p.strategic_goals)
        made.append(draw(programmes(programme_id=st.just(pid), other_goals=other, other_strategic=other_strategic)))
    area_names = draw(st.lists(words, max_size=3, unique_by=str.casefold))
    areas = [{"id": f"a{i}", "name": name, "kind": "wijk"} for i, name in enumerate(area_names)]
    # Efforts may only name areas the portfolio knows, so the portfolio stays warning-free.
    made = [
        p.model_copy(
            update={
                "efforts": tuple(
                    e.model_copy(update={"areas": tuple(a for a in e.areas if a in area_names)}) for e in p.efforts
                )
            }
        )
        for p in made
    ]
    missions = [
        Mission(
            id=f"m{i}",
            title=draw(texts),
            cross_cutting=draw(st.booleans()),
            programmes=draw(st.lists(st.sampled_from(pids), unique=True, max_size=2)),
            portfolio_holders=draw(st.lists(words, max_size=2)),
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    return Portfolio(id=draw(ids), name=draw(texts), programmes=made, areas=areas, missions=missions)


#: Pieces of text that break naive DOT, HTML or SVG output.
HOSTILE_PIECES = (
    '"',
    "\\",
    "\\N",
    "\\G",
    "<",
    ">",
    "&",
    "&amp;",
    "{",
    "}",
    "[",
    "]",
    ";",
    "\n",
    "\r\n",
    "\t",
    "<b>vet</b>",
    "<script>alert(1)</script>",
    "]]>",
    "-->",
    "'",
    "🌳",
    "😀 klimaat",
    "é",
    "\u200b",
    "\x07",
    "label=<x>",
)

hostile_texts = (
    st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(min_size=1, max_size=12), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda s: s.strip() != "")
)
"""Titles made of quotes, backslashes, markup, braces, newlines, emoji and control characters."""

TERMINAL_PIECES = (
    "\x1b[31m",  # SGR: recolour
    "\x1b[2J",  # erase the screen
    "\x1b]0;titel\x07",  # OSC: set the window title
    "\x9b31m",  # C1 CSI on its own
    "\x85",  # NEL, a C1 line break
    "\r",
    "\n",
    "\x7f",
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u2069",
    "\u2028",  # line separator
    "\u2029",
    "$x^2$",
    "\\N",
    "\\l",
)

terminal_texts = st.lists(
    st.sampled_from(TERMINAL_PIECES) | st.sampled_from(HOSTILE_PIECES) | st.text(max_size=8), max_size=10
).map("".join)
"""Texts that try to act on a terminal: escape sequences, C1 controls, bidirectional overrides, line separators."""


@st.composite
def unit_rows(draw: st.DrawFn, max_rows: int = 14, max_columns: int = 6) -> tuple[Any, list[int]]:
    """A small non-negative matrix with rows of unit length (or zero), and a programme per row.

    Values come from a few levels so that ties, which top-k must break by node
    number, are common.
    """
    import numpy as np

    rows = draw(st.integers(1, max_rows))
    columns = draw(st.integers(1, max_columns))
    levels = st.sampled_from([0.0, 0.0, 0.5, 1.0, 2.0])
    values = np.asarray(draw(st.lists(levels, min_size=rows * columns, max_size=rows * columns)), dtype=np.float32)
    matrix = values.reshape(rows, columns)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    programmes = draw(st.lists(st.integers(0, 2), min_size=rows, max_size=rows))
    return matrix, programmes
