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


#: Words of Dutch policy texts that the term analysis treats differently: place names of
#: one and more words (and their words alone), compound parts written apart, a synonym,
#: stop words, generic words, numbers and diacritics.
POLICY_WORDS = (
    "Almelo",
    "Kolkwijk-Zuid",
    "Kolkwijk",
    "zuid",
    "Hart",
    "van",
    "de",
    "Zuid.",
    "natuur",
    "kas",
    "natuurkas",
    "energie-strategie",
    "energiestrategie",
    "handhavers",
    "handhavingscapaciteit",
    "blauw",
    "water",
    "groene",
    "daken",
    "hittestress",
    "stimuleren",
    "inwoners",
    "2025",
    "coöperatie",
    "vergroenen",
    "schoner",
    "(Elferink)",
)

policy_texts = st.lists(st.sampled_from(POLICY_WORDS), max_size=9).map(" ".join)
"""Texts of policy words (see :data:`POLICY_WORDS`), in any order."""


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


# --------------------------------------------------------------------------- hostile input (issue #20)

#: Every kind of character that has broken a parser, a terminal or a drawing somewhere: C0 and C1
#: controls, DEL, escape sequences, bidirectional overrides, line and paragraph separators, byte
#: order marks, lone surrogates, Graphviz escStrings, markup and quoting.
CONTROL_PIECES = (
    *(chr(c) for c in range(0x20)),
    "\x7f",
    *(chr(c) for c in range(0x80, 0xA0)),
    "\x1b[31mrood\x1b[0m",
    "\x1b]0;titel\x07",
    "\x1b[2J",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffe",
    "\ud800",
    "\udfff",
    "\\N",
    "\\G",
    "\\L",
    "\\l",
    "\\r",
    "\\E",
    "\\T",
    "\\H",
    "%s",
    "{0}",
    "${x}",
)
#: Text for every text field of a hostile file: ordinary words mixed with the pieces above.
attack_texts = st.lists(
    st.sampled_from(CONTROL_PIECES) | st.sampled_from(HOSTILE_PIECES) | st.text(max_size=6), max_size=6
).map("".join)
#: Numbers (and things that look like them) a careless reader turns into nonsense.
odd_numbers = st.one_of(
    st.sampled_from([float("nan"), float("inf"), float("-inf"), -0.0, 1e308, -1e308, 5e-324, 2**63, -(2**63)]),
    st.sampled_from([10**30, 10**300, 0, -1, 1899, 1900, 2200, 2201, 99999, True, False, None]),
    st.sampled_from(["1e999", "NaN", "-Infinity", "0x10", "1_000", "4-8", "8-4", "1,5", "٣", "Ⅻ", ""]),
    st.integers(),
    st.floats(),
)
#: A value of any type a YAML or JSON file can hold, nested to any depth.
any_values = st.recursive(
    st.none() | st.booleans() | odd_numbers | attack_texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(attack_texts | st.integers(), inner, max_size=3),
    max_leaves=12,
)


def _nested(value: Any, depth: int) -> Any:
    for level in range(depth):
        value = [value] if level % 2 else {"x": value}
    return value


@st.composite
def hostile_programme_data(draw: st.DrawFn) -> dict[str, Any]:
    """A programme file's data (authoring format) that an attacker or a careless author wrote.

    Structure-aware: the keys are mostly the real ones (English or Dutch), so the
    values reach the model and the DIN rules; the values are odd numbers, text
    with every control and escape character, broken references, wrong types,
    and now and then a value nested hundreds of levels deep.
    """
    ref_pool = ["S1", "S2", "O1", "O2", "E1", "vision", "visie", "x/y", "../..", "", "S1 ", "p/S1", "q/O9"]
    refs = st.lists(st.sampled_from(ref_pool) | attack_texts, max_size=3)

    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        # Mostly a well-typed value; sometimes anything at all, sometimes nested very deep.
        choice = draw(st.integers(0, 59))
        if choice < 2:
            return draw(any_values)
        if choice == 2:
            return _nested(draw(strategy), draw(st.sampled_from([1, 5, 50, 99, 100, 101, 300])))
        return draw(strategy)

    text_or_number = attack_texts | odd_numbers
    goal_ids = st.sampled_from(["S1", "S2", "O1", "O2", "E1", "1", "S1"]) | attack_texts | odd_numbers
    key = st.sampled_from
    year_map = st.dictionaries(st.integers(1800, 2300) | st.sampled_from(["2020", "onbekend", "", "20x0"]), odd_numbers)

    def indicator() -> dict[str, Any]:
        return {
            draw(key(["name", "naam"])): maybe(attack_texts),
            "unit": maybe(attack_texts),
            draw(key(["baseline", "peilwaarde"])): maybe(
                st.fixed_dictionaries({"value": odd_numbers | attack_texts, "year": odd_numbers})
            ),
            draw(key(["targets", "streefwaarden"])): maybe(year_map),
            draw(key(["actuals", "realisatie"])): maybe(year_map),
            "better": maybe(st.sampled_from(["higher", "lower", "hoger", "lager", "beter"])),
        }

    def effort() -> dict[str, Any]:
        return {
            "id": maybe(goal_ids),
            draw(key(["title", "titel"])): maybe(text_or_number),
            "description": maybe(attack_texts),
            draw(key(["contributes_to", "draagt_bij_aan"])): maybe(refs),
            draw(key(["role", "rol"])): maybe(st.sampled_from(["regie", "lijn", "afstemming", "REGIE", "baas"])),
            draw(key(["kind", "soort"])): maybe(st.sampled_from(["project", "lijnproject", "onzin"])),
            "owner": maybe(st.sampled_from(["o1", "o2", "nobody"]) | attack_texts),
            "partners": maybe(st.lists(attack_texts, max_size=2)),
            draw(key(["areas", "gebieden"])): maybe(st.lists(attack_texts, max_size=2)),
            "track": maybe(attack_texts),
            "status": maybe(st.sampled_from(["loopt", "gereed", "weet niet"])),
            "budget": maybe(year_map),
            "hours_per_week": maybe(odd_numbers | st.sampled_from(["4-8", "8-4", "1e9-1e10", "9" * 400 + "-1"])),
        }

    data: dict[str, Any] = {
        draw(key(["programme", "programma"])): maybe(
            st.fixed_dictionaries(
                {
                    "id": goal_ids | st.just("p"),
                    "name": text_or_number,
                    "period": st.fixed_dictionaries({"start": odd_numbers, "end": odd_numbers}),
                    "budget": st.lists(
                        st.fixed_dictionaries({"label": attack_texts, "year": odd_numbers, "amount": odd_numbers}),
                        max_size=2,
                    ),
                    "source": st.fixed_dictionaries({"document": attack_texts, "lines": st.lists(odd_numbers)}),
                },
                optional={"notes": attack_texts, "manager": attack_texts},
            )
        ),
        draw(key(["vision", "visie"])): maybe(attack_texts),
        draw(key(["strategic_goals", "strategische_doelen"])): [
            {"id": maybe(goal_ids), "title": maybe(text_or_number), "criteria": maybe(st.lists(attack_texts))}
            for _ in range(draw(st.integers(0, 2)))
        ],
        draw(key(["operational_goals", "operationele_doelen"])): [
            {
                "id": maybe(goal_ids),
                "title": maybe(text_or_number),
                "contributes_to": maybe(refs),
                "indicators": [indicator() for _ in range(draw(st.integers(0, 2)))],
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
        draw(key(["efforts", "inspanningen"])): [effort() for _ in range(draw(st.integers(0, 3)))],
        draw(key(["owners", "eigenaren"])): [
            {"id": maybe(goal_ids | st.sampled_from(["o1", "o2"])), "name": maybe(attack_texts), "type": "team"}
            for _ in range(draw(st.integers(0, 2)))
        ],
        draw(key(["placeholders", "pm"])): maybe(st.lists(st.fixed_dictionaries({"id": goal_ids}), max_size=2)),
    }
    if draw(st.integers(0, 9)) == 0:
        data[draw(attack_texts)] = draw(any_values)  # an unknown key
    return data


#: Ways to break the bytes of a file: (operation, position as a fraction, piece).
MUTATION_PIECES = (
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\t",
    b"\r",
    b"\n- ",
    b": ",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"!!binary ",
    b"<<: ",
    b"? ",
    b"---\n",
    b"...\n",
    b"[",
    b"{",
    b"]",
    b"}",
    b'"',
    b"'",
    b"\\",
    b".nan",
    b"-.inf",
    b"1e999",
    b"NaN",
    b"9" * 5000,
    b"2019-13-45",
    b"[" * 2000,
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    b'<c r="ZZ2" t="inlineStr"><is><t>los</t></is></c>',
    b"<v>1E999</v>",
    b"<v>NaN</v>",
    b'<dimension ref="A1:XFD1048576"/>',
    "\u202e\u2028\x1b[2J".encode(),
)
mutations = st.lists(
    st.tuples(
        st.sampled_from(["flip", "insert", "delete", "duplicate", "truncate", "replace"]),
        st.floats(0, 1),
        st.floats(0, 1),
        st.sampled_from(MUTATION_PIECES) | st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=4,
)


def mutate(data: bytes, steps: list[tuple[str, float, float, bytes]]) -> bytes:
    """Apply ``mutations`` to ``data``: byte flips, inserted pieces, deleted or repeated ranges, truncation."""
    out = bytearray(data)
    for operation, where, span, piece in steps:
        at = min(int(where * len(out)), len(out))
        end = min(at + 1 + int(span * 64), len(out))
        if operation == "flip" and at < len(out):
            out[at] ^= 1 << int(span * 7.99)
        elif operation == "insert":
            out[at:at] = piece
        elif operation == "delete":
            del out[at:end]
        elif operation == "duplicate":
            out[at:at] = out[at:end] * (1 + int(span * 3))
        elif operation == "truncate":
            del out[at:]
        elif operation == "replace":
            out[at:end] = piece
    return bytes(out)


#: Text fields of the model, by name, that hostile_programmes fills with attack_texts.
_TEXT_FIELDS = frozenset(
    {"title", "description", "name", "note", "notes", "unit", "source", "track", "planning", "manager", "text"}
)
_TEXT_LISTS = frozenset({"criteria", "partners", "areas"})
#: Numbers that are odd but lawful: they must come back exactly as written.
lawful_numbers = st.one_of(
    st.sampled_from([0, -0.0, 5e-324, 1e308, -1e308, 2**63, -(2**63), 10**30, 0.1, 1 / 3]),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
)


@st.composite
def hostile_programmes(draw: st.DrawFn) -> Programme:
    """A valid programme whose every text field holds control and escape characters and whose
    targets, actuals and baselines hold odd but lawful numbers."""
    programme = draw(programmes(max_goals=3, max_efforts=4))
    # A model holds no lone surrogate (pydantic refuses them); hostile_programme_data tries those.
    text = attack_texts.map(lambda t: "".join(c for c in t if not 0xD800 <= ord(c) <= 0xDFFF)).filter(bool)

    def walk(value: Any, name: str | None) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if key in ("targets", "actuals") and isinstance(item, dict):
                    out[key] = {year: draw(lawful_numbers | text) for year in item}
                elif key == "baseline" and isinstance(item, dict) and item.get("value") is not None:
                    out[key] = {**item, "value": draw(lawful_numbers)}
                else:
                    out[key] = walk(item, key)
            return out
        if isinstance(value, list):
            return [walk(item, name) for item in value]
        if isinstance(value, str) and name in _TEXT_FIELDS:
            return draw(text)
        if isinstance(value, str) and name in _TEXT_LISTS:
            return draw(text)
        return value

    data = walk(programme.model_dump(mode="python"), None)
    return Programme.model_validate(data)


#: Subjects an overlap test can write effort titles from (Dutch content words, no place names).
OVERLAP_SUBJECTS = (
    "hittestress",
    "geveltuinen",
    "warmtenet",
    "fietspad",
    "buurthuis",
    "zwerfafval",
    "laadpalen",
    "speeltuin",
    "isolatie",
    "regenwater",
)


@st.composite
def subject_titles(draw: st.DrawFn) -> str:
    """An effort title on one to three subjects, with a verb: 'Warmtenet en speeltuin aanleggen'."""
    subjects = draw(st.lists(st.sampled_from(OVERLAP_SUBJECTS), min_size=1, max_size=3, unique=True))
    verb = draw(st.sampled_from(("aanleggen", "verbeteren", "onderhouden", "uitbreiden", "")))
    return " ".join([" en ".join(subjects), verb]).strip().capitalize()
