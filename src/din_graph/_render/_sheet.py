"""What a DIN sheet shows, independent of the engine that draws it.

:func:`build_sheet` turns a programme (and the findings to highlight) into a
:class:`Sheet`: the level bands, the goal boxes, the effort *columns* and the
links between them.  The Graphviz DOT builder and the matplotlib fallback both
draw a ``Sheet``, so the two engines show the same thing.

Columns follow the contract pictures: efforts sit in columns under the goals
they serve.  A column is a *track* (``spoor``, the DIN's activity group) when
the programme gives one; otherwise efforts that serve exactly the same goals
share a column.  A column links once to each goal its efforts serve (the link
lists which efforts), and when its efforts do not all serve the same goals,
every row names its own goals.  Long columns are split into continuation
columns side by side so that a sheet stays wide rather than tall.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from din_graph._analysis._index import GOAL_KINDS, DinIndex, index_of
from din_graph._analysis._progress import progress
from din_graph._analysis._structure import orphan_efforts, single_points_of_failure, uncovered_goals
from din_graph._errors import DinArgumentError
from din_graph._graph import node_key
from din_graph._model import (
    Effort,
    Indicator,
    OperationalGoal,
    Placeholder,
    Portfolio,
    Programme,
    StrategicGoal,
    Value,
)
from din_graph._render._text import Lang, clean, shorten, wrap
from din_graph._vocab import SHEET_WORDS as WORDS

__all__ = [
    "HIGHLIGHTS",
    "PAPERS",
    "PHASE_COLOURS",
    "Column",
    "GoalBox",
    "Link",
    "OwnerBox",
    "Row",
    "Sheet",
    "build_sheet",
    "column_header_lines",
    "format_value",
    "parse_highlight",
    "row_meta",
    "row_status",
]

#: What ``highlight=`` can ask for; ``"findings"`` means all of them.
HIGHLIGHTS = ("orphans", "uncovered", "fragile", "indicators")

#: Paper sizes in inches, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {"a4": (8.27, 11.69), "a3": (11.69, 16.54)}

OwnersMode = Literal["inside", "below", "none"]
#: The bands of a sheet, top to bottom.
LEVELS = ("vision", "strategic_goal", "operational_goal", "effort", "owner")

# Characters per line; chosen so that a ten-column programme fits A3 landscape
# at 9-10 pt without Graphviz shrinking it much.
ROW_WIDTH = 27
GOAL_WIDTH = 32
STRATEGIC_WIDTH = 40
MAX_TITLE_CHARS = 220
MAX_GOAL_SET_COLUMNS = 12


#: Colour of an effort's phase (planned grey ... done green, stopped red; unknown a muted grey).
PHASE_COLOURS: dict[str, str] = {
    "planned": "#7f7f7f",
    "preparing": "#bf9000",
    "tendering": "#c55a11",
    "running": "#2e75b6",
    "done": "#548235",
    "stopped": "#c00000",
    "unknown": "#a6a6a6",
}


@dataclass(frozen=True)
class Detail:
    """One line group under a goal's title: an indicator and its trajectory."""

    lines: tuple[str, ...]
    status: str | None = None
    """``on_track``, ``behind`` or ``off_track`` when indicator status is highlighted and actuals exist."""


@dataclass(frozen=True)
class GoalBox:
    """The vision, a strategic or operational goal, or a goal of another programme."""

    key: str
    local: str
    level: Literal["vision", "strategic_goal", "operational_goal", "external"]
    lines: tuple[str, ...]
    tooltip: str
    details: tuple[Detail, ...] = ()
    marks: tuple[str, ...] = ()
    status: str | None = None
    """Rolled-up progress status (``din_graph.progress``) when indicators are highlighted and data exist."""
    rank: str = ""
    """The band a goal of another programme sits in: ``strategic_goal`` or ``operational_goal``."""


@dataclass(frozen=True)
class Row:
    """An effort or a placeholder inside a column."""

    key: str
    local: str
    placeholder: bool
    lines: tuple[str, ...]
    tooltip: str
    role: str = "unknown"
    kind: str = ""
    owner: str | None = None
    goals: tuple[str, ...] = ()
    """Goal labels, shown only when the column's rows serve different goals."""
    marks: tuple[str, ...] = ()
    status: str | None = None
    """The status as the source words it (shortened)."""
    phase: str | None = None
    """The phase (stated, or recognised from the status) that colours the status line."""
    participation: str | None = None
    """The rung of the participation ladder, when ``participation=True``."""


@dataclass(frozen=True)
class Column:
    """A column of efforts: a track, or the efforts that serve the same goals."""

    id: str
    header: str | None
    rows: tuple[Row, ...]
    part: int = 1
    """1 for the first column of a track, 2 and on for its continuations."""


@dataclass(frozen=True)
class Link:
    """A drawn ``contributes_to`` link, from means (tail) to ends (head)."""

    tail: str
    head: str
    efforts: tuple[str, ...] = ()
    """Local ids of the efforts and placeholders the link stands for (column links)."""


@dataclass(frozen=True)
class OwnerBox:
    """An owner drawn below the columns (``owners="below"``)."""

    key: str
    lines: tuple[str, ...]
    columns: tuple[tuple[str, tuple[str, ...]], ...]
    """``(column id, effort ids)`` pairs the owner carries."""


@dataclass(frozen=True)
class Sheet:
    """Everything a DIN sheet shows, in drawing order."""

    programme: str
    title: str
    subtitle: tuple[str, ...]
    lang: Lang
    levels: dict[str, str]
    """Level -> band label, for the levels present, top to bottom."""
    vision: GoalBox | None
    strategic: tuple[GoalBox, ...]
    operational: tuple[GoalBox, ...]
    external: tuple[GoalBox, ...]
    columns: tuple[Column, ...]
    links: tuple[Link, ...]
    owners: tuple[OwnerBox, ...] = ()
    owners_mode: OwnersMode = "inside"
    highlight: frozenset[str] = field(default_factory=frozenset)
    paper: str = "a3"
    landscape: bool = True
    words: dict[str, str] = field(default_factory=dict)

    def goal_boxes(self) -> tuple[GoalBox, ...]:
        """All goal-like boxes, top to bottom."""
        top = (self.vision,) if self.vision is not None else ()
        return (*top, *self.strategic, *self.operational, *self.external)


def row_meta(row: Row, words: dict[str, str]) -> list[str]:
    """The small print under an effort's title: kind, owner, and its goals when they differ per row."""
    if row.placeholder:
        return wrap("→ " + ", ".join(row.goals), 42, max_lines=2) if row.goals else []
    parts = [m for m in (row.kind, f"{words['owner_prefix']}: {row.owner}" if row.owner else "") if m]
    if row.participation:
        parts.append(f"{words['participation']}: {row.participation}")
    if row.goals:
        parts.append("→ " + ", ".join(row.goals))
    return wrap(" · ".join(parts), 42, max_lines=3) if parts else []


def row_status(row: Row, words: dict[str, str]) -> tuple[list[str], str] | None:
    """The status line(s) of an effort and the colour of its phase, or ``None`` without either.

    The sheet shows the words of the source; the colour (and, where the words
    name none, the phase in brackets) comes from the phase.
    """
    if row.placeholder or (row.status is None and row.phase is None):
        return None
    phase = row.phase or "unknown"
    word = words[f"phase.{phase}"]
    if row.status is None:
        text = f"● {word}"
    elif row.status.strip(" .").casefold() == word.casefold():
        text = f"● {row.status}"  # "Loopt (loopt)" says nothing twice
    else:
        text = f"● {row.status} ({word})"
    return wrap(text, 42, max_lines=2), PHASE_COLOURS[phase]


def column_header_lines(column: Column, words: dict[str, str]) -> list[str]:
    """The wrapped header of a column (empty when it has none)."""
    if column.header is None:
        return []
    text = column.header + (f" ({words['continued']})" if column.part > 1 else "")
    return wrap(text, 30, max_lines=3)


def parse_highlight(highlight: str | Iterable[str] | None) -> frozenset[str]:
    """The set of highlights asked for; ``"findings"`` (or ``True``-ish ``"all"``) means every one.

    >>> sorted(parse_highlight("orphans,uncovered"))
    ['orphans', 'uncovered']
    >>> len(parse_highlight("findings")) == len(HIGHLIGHTS)
    True
    """
    if highlight is None:
        return frozenset()
    items = highlight.split(",") if isinstance(highlight, str) else list(highlight)
    out: set[str] = set()
    for raw in items:
        item = raw.strip().lower()
        if not item:
            continue
        if item in {"findings", "all"}:
            out.update(HIGHLIGHTS)
        elif item in HIGHLIGHTS:
            out.add(item)
        else:
            raise DinArgumentError(f"unknown highlight {raw!r}; choose from findings, {', '.join(HIGHLIGHTS)}")
    return frozenset(out)


def format_value(value: Value | None, lang: Lang, *, digits: int | None = None) -> str:
    """A number as the language writes it (Dutch: ``6.000``, ``2,1``); text as is.
    With ``digits``, always that many decimals (a score: ``0,50``, not ``0,5``).

    >>> format_value(6000, "nl"), format_value(2.1, "nl"), format_value(6000, "en"), format_value("ntb.", "nl")
    ('6.000', '2,1', '6,000', 'ntb.')
    >>> format_value(0.5, "nl", digits=2), format_value(0.5, "en", digits=2)
    ('0,50', '0.50')
    """
    if value is None:
        return "?"
    if isinstance(value, str):
        return clean(value)
    if digits is not None:
        text = f"{value:,.{digits}f}"
    else:
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _year(year: int | str, words: dict[str, str]) -> str:
    return str(year) if isinstance(year, int) else words["year_unknown"]


def _indicator_lines(indicator: Indicator, lang: Lang, words: dict[str, str]) -> tuple[str, ...]:
    name = clean(indicator.name) + (f" ({clean(indicator.unit)})" if indicator.unit else "")
    parts: list[str] = []
    if indicator.baseline is not None and indicator.baseline.value is not None:
        year = f" ({indicator.baseline.year})" if indicator.baseline.year is not None else ""
        parts.append(f"{words['baseline']} {format_value(indicator.baseline.value, lang)}{year}")
    if indicator.targets:
        # the final target: the latest known year, or the last lost-year one
        years = sorted((y for y in indicator.targets if isinstance(y, int)), reverse=True)
        last: int | str = years[0] if years else list(indicator.targets)[-1]
        parts.append(f"{words['target']} {format_value(indicator.targets[last], lang)} ({_year(last, words)})")
    if indicator.actuals:
        years = sorted((y for y in indicator.actuals if isinstance(y, int)), reverse=True)
        last_actual: int | str = years[0] if years else list(indicator.actuals)[-1]
        parts.append(
            f"{words['actual']} {format_value(indicator.actuals[last_actual], lang)} ({_year(last_actual, words)})"
        )
    lines = wrap("▸ " + name, GOAL_WIDTH + 4, max_lines=3)
    if parts:
        lines += wrap(" → ".join(parts), GOAL_WIDTH + 4, max_lines=2)
    return tuple(lines)


def _stance(goal: StrategicGoal | OperationalGoal, words: dict[str, str]) -> tuple[Detail, ...]:
    """The municipality's role and the participation rung under a goal's title (seed 004, step 2-3)."""
    parts: list[str] = []
    if isinstance(goal, StrategicGoal):
        stance = [words[f"municipal.{v.value}"] for v in (goal.municipal_role, goal.municipal_mode) if v is not None]
        if stance:
            parts.append(f"{words['municipality_role']}: {', '.join(stance)}")
    if goal.participation:
        parts.append(f"{words['participation']}: {clean(goal.participation)}")
    if not parts:
        return ()
    return (Detail(tuple(wrap(" · ".join(parts), GOAL_WIDTH + 4, max_lines=3))),)


def _goal_ref_label(ref_key: str, programme_id: str) -> str:
    pid, _, local = ref_key.partition("/")
    return local if pid == programme_id else ref_key


def build_sheet(
    programme: Programme,
    *,
    context: Portfolio | None = None,
    lang: Lang = "nl",
    highlight: str | Iterable[str] | None = None,
    owners: OwnersMode = "inside",
    indicators: bool = True,
    max_rows: int | None = None,
    paper: str = "a3",
    landscape: bool | None = None,
    participation: bool = True,
) -> Sheet:
    """The sheet of one programme.

    With ``participation`` (the default) a strategic goal shows the role the
    municipality takes and a goal or effort its rung of the participation
    ladder, where the programme states them.

    ``context`` is the portfolio the programme belongs to: links into other
    programmes are then drawn with those goals' titles, and findings (an orphan
    is an effort that reaches no goal of *any* programme) are judged in it.
    """
    _check_options(lang, paper, owners, max_rows)
    words = WORDS[lang]
    wanted = parse_highlight(highlight)
    index = index_of(context if context is not None else programme)
    if context is not None and programme.id not in index.programmes:
        raise DinArgumentError(f"programme {programme.id!r} is not in portfolio {context.id!r}")
    pid = programme.id
    marks = _marks(index, pid, wanted)
    goals = _goal_boxes(programme, lang, words, wanted, marks, indicators=indicators, participation=participation)
    rows_by_column, column_order = _group_rows(programme, index, words, owners, marks, participation=participation)
    order = {b.key: i for i, b in enumerate((*goals.operational, *goals.strategic))}
    if goals.vision is not None:
        order[goals.vision.key] = len(order)
    ordered = _ordered_columns(rows_by_column, column_order, index, order)
    if max_rows is None:
        max_rows = _fitting_rows([len(rows_by_column[key]) for key, _ in ordered])
    columns, links, external = _columns_and_links(ordered, rows_by_column, max_rows, index, order, words)
    links.extend(_goal_links(programme, goals, index, order, external, words))
    levels = _levels(programme, lang, words)
    # A band for goals of other programmes where this programme has none of its own.
    for box in external.values():
        levels.setdefault(box.rank, words[box.rank])
    levels = {level: levels[level] for level in LEVELS if level in levels}
    if landscape is None:
        landscape = len(columns) >= 4 or len(goals.operational) >= 4
    return Sheet(
        programme=pid,
        title=clean(programme.name) or programme.id,
        subtitle=_subtitle(programme, words),
        lang=lang,
        levels=levels if owners != "below" else {**levels, "owner": words["owner"]},
        vision=goals.vision,
        strategic=goals.strategic,
        operational=goals.operational,
        external=tuple(external.values()),
        columns=tuple(columns),
        links=tuple(links),
        owners=_owner_boxes(programme, columns) if owners == "below" else (),
        owners_mode=owners,
        highlight=wanted,
        paper=paper.lower(),
        landscape=landscape,
        words=words,
    )


def _check_options(lang: str, paper: str, owners: str, max_rows: int | None) -> None:
    if lang not in WORDS:
        raise DinArgumentError(f"unknown language {lang!r}; choose nl or en")
    if paper.lower() not in PAPERS:
        raise DinArgumentError(f"unknown paper {paper!r}; choose {' or '.join(PAPERS)}")
    if owners not in {"inside", "below", "none"}:
        raise DinArgumentError(f"unknown owners mode {owners!r}; choose inside, below or none")
    if max_rows is not None and max_rows < 1:
        raise DinArgumentError("max_rows must be at least 1")


class _Goals(NamedTuple):
    vision: GoalBox | None
    strategic: tuple[GoalBox, ...]
    operational: tuple[GoalBox, ...]


def _goal_boxes(
    programme: Programme,
    lang: Lang,
    words: dict[str, str],
    wanted: frozenset[str],
    marks: dict[str, tuple[str, ...]],
    *,
    indicators: bool,
    participation: bool,
) -> _Goals:
    """The vision and goal boxes: titles, indicators, marks, progress and participation."""
    pid = programme.id
    vision = None
    if programme.vision is not None:
        vision = GoalBox(node_key(pid, "vision"), "vision", "vision", (), clean(programme.vision.text))
    statuses: dict[tuple[str, str], str] = {}
    goal_status: dict[str, str] = {}
    if "indicators" in wanted:
        found = progress(programme)
        for status in found.indicators:
            statuses[(status.goal, status.indicator)] = status.status
        goal_status = {g.node: g.status for g in found.goals if g.status != "no_data"}
    strategic = tuple(
        GoalBox(
            node_key(pid, g.id),
            g.id,
            "strategic_goal",
            tuple(wrap(f"{g.id}  {shorten(g.title, MAX_TITLE_CHARS)}", STRATEGIC_WIDTH, max_lines=6)),
            clean(g.title),
            details=_stance(g, words) if participation else (),
            marks=marks.get(node_key(pid, g.id), ()),
        )
        for g in programme.strategic_goals
    )
    operational = tuple(
        _operational_box(
            pid, g, lang, words, statuses if "indicators" in wanted else None, marks, indicators=indicators
        )
        for g in programme.operational_goals
    )
    if goal_status:
        strategic = tuple(replace(b, status=goal_status.get(b.key)) for b in strategic)
        operational = tuple(replace(b, status=goal_status.get(b.key)) for b in operational)
        if vision is not None:
            vision = replace(vision, status=goal_status.get(vision.key))
    if participation:
        operational = tuple(
            replace(b, details=(*_stance(g, words), *b.details))
            for b, g in zip(operational, programme.operational_goals, strict=True)
        )
    return _Goals(vision, strategic, operational)


_ColumnKey = tuple[str, ...]


def _ordered_columns(
    rows_by_column: dict[_ColumnKey, list[Row]],
    column_order: list[tuple[_ColumnKey, str | None]],
    index: DinIndex,
    order: dict[str, int],
) -> list[tuple[_ColumnKey, str | None]]:
    """Columns in the contract's track order where it has tracks; else under the goals they serve."""
    if any(key[0] == "track" for key, _ in column_order):
        return sorted(column_order, key=lambda c: c[0] == ("unlinked",))
    served_by = {
        column: [g for row in rows for g in index.up.get(row.key, [])] for column, rows in rows_by_column.items()
    }
    return sorted(column_order, key=lambda c: _column_sort(served_by[c[0]], order, unlinked=c[0] == ("unlinked",)))


def _columns_and_links(
    ordered: list[tuple[_ColumnKey, str | None]],
    rows_by_column: dict[_ColumnKey, list[Row]],
    max_rows: int,
    index: DinIndex,
    order: dict[str, int],
    words: dict[str, str],
) -> tuple[list[Column], list[Link], dict[str, GoalBox]]:
    """The columns (split at ``max_rows``), a link from each to every goal its efforts serve,
    and a box for each goal of another programme served."""
    columns: list[Column] = []
    links: list[Link] = []
    external: dict[str, GoalBox] = {}
    for number, (column_key, header) in enumerate(ordered, 1):
        rows = rows_by_column[column_key]
        goal_sets = {r.goals for r in rows}
        shared = len(goal_sets) == 1
        rows = [r if not shared else _without_goal_tags(r) for r in rows]
        chunks = _chunks(rows, max_rows)
        for part, chunk in enumerate(chunks, 1):
            column_id = f"col{number}" if len(chunks) == 1 else f"col{number}.{part}"
            columns.append(Column(column_id, header, tuple(chunk), part))
            served: dict[str, list[str]] = {}
            for row in chunk:
                for goal in index.up.get(row.key, []):
                    served.setdefault(goal, []).append(row.local)
            for goal, efforts in sorted(served.items(), key=lambda kv: order.get(kv[0], len(order) + 1)):
                links.append(Link(column_id, goal, tuple(efforts)))
                if goal not in order and goal not in external:
                    kind = index.kind.get(goal, "")
                    rank = kind if kind in GOAL_KINDS else "operational_goal"
                    external[goal] = _external_box(goal, index, words, rank)
    return columns, links, external


def _goal_links(
    programme: Programme,
    goals: _Goals,
    index: DinIndex,
    order: dict[str, int],
    external: dict[str, GoalBox],
    words: dict[str, str],
) -> list[Link]:
    """Links from operational goals up (adding boxes for other programmes' goals to
    ``external``) and from strategic goals to the vision."""
    pid = programme.id
    links: list[Link] = []
    for g in programme.operational_goals:
        for target in index.up.get(node_key(pid, g.id), []):
            links.append(Link(node_key(pid, g.id), target))
            if target not in order and target not in external:
                external[target] = _external_box(target, index, words, "strategic_goal")
    if goals.vision is not None:
        links.extend(Link(b.key, goals.vision.key) for b in goals.strategic)
    return links


def _levels(programme: Programme, lang: Lang, words: dict[str, str]) -> dict[str, str]:
    def name(level: str) -> str:
        return programme.level_name(level, words[level]) if lang == "nl" else words[level]

    levels: dict[str, str] = {}
    if programme.vision is not None:
        levels["vision"] = name("vision")
    if programme.strategic_goals:
        levels["strategic_goal"] = name("strategic_goal")
    if programme.operational_goals:
        levels["operational_goal"] = name("operational_goal")
    if programme.efforts or programme.placeholders:
        has_tracks = any(e.track for e in programme.efforts) or any(p.track for p in programme.placeholders)
        levels["effort"] = f"{name('track')} · {name('effort')}" if has_tracks else name("effort")
    return levels


def _subtitle(programme: Programme, words: dict[str, str]) -> tuple[str, ...]:
    first = [words["din"]]
    if programme.municipality:
        first.append(f"{words['municipality']} {clean(programme.municipality)}")
    if programme.period is not None and (programme.period.start or programme.period.end):
        start = programme.period.start or ""
        end = programme.period.end or ""
        first.append(f"{start}–{end}" if start != end else str(start))
    lines = [" · ".join(first)]
    second: list[str] = []
    source_doc = programme.source
    if source_doc is not None and (source_doc.title or source_doc.document or source_doc.date):
        # The document by its title; its file only where no title is known.
        named = source_doc.title or source_doc.document
        source = ", ".join(clean(s) for s in (named, source_doc.date) if s)
        second.append(f"{words['source']}: {shorten(source, 120)}")
    if programme.manager:
        second.append(f"{words['manager']}: {shorten(programme.manager, 80)}")
    if second:
        lines.append(" · ".join(second))
    return tuple(lines)


def _marks(index: DinIndex, pid: str, wanted: Collection[str]) -> dict[str, tuple[str, ...]]:
    marks: dict[str, list[str]] = {}
    if "orphans" in wanted:
        for orphan in orphan_efforts(index):
            if orphan.programme == pid:
                marks.setdefault(orphan.effort, []).append("orphan")
    if "uncovered" in wanted:
        for goal in uncovered_goals(index):
            if goal.programme == pid:
                marks.setdefault(goal.goal, []).append("uncovered")
    if "fragile" in wanted:
        for spof in single_points_of_failure(index):
            if spof.programme == pid and "fragile" not in marks.get(spof.goal, []):
                marks.setdefault(spof.goal, []).append("fragile")
    return {key: tuple(value) for key, value in marks.items()}


def _operational_box(
    pid: str,
    goal: OperationalGoal,
    lang: Lang,
    words: dict[str, str],
    statuses: dict[tuple[str, str], str] | None,
    marks: dict[str, tuple[str, ...]],
    *,
    indicators: bool,
) -> GoalBox:
    key = node_key(pid, goal.id)
    details: list[Detail] = []
    if indicators:
        shown = goal.indicators[:2]
        for indicator in shown:
            status = statuses.get((key, indicator.name)) if statuses is not None else None
            if status == "no_data":
                status = None  # shown only where actuals and a trajectory exist
            details.append(Detail(_indicator_lines(indicator, lang, words), status))
        if len(goal.indicators) > len(shown):
            details.append(Detail((words["more_indicators"].format(n=len(goal.indicators) - len(shown)),)))
    return GoalBox(
        key,
        goal.id,
        "operational_goal",
        tuple(wrap(f"{goal.id}  {shorten(goal.title, MAX_TITLE_CHARS)}", GOAL_WIDTH, max_lines=6)),
        clean(goal.title),
        tuple(details),
        marks.get(key, ()),
    )


def _external_box(key: str, index: DinIndex, words: dict[str, str], rank: str) -> GoalBox:
    pid, _, local = key.partition("/")
    programme = index.programmes.get(pid)
    name = clean(programme.name) if programme is not None else pid
    title = index.title(key)
    text = f"{local}  {shorten(title, 120)}" if title != key else local
    return GoalBox(
        key,
        local,
        "external",
        (f"{words['other_programme']}: {shorten(name, 40)}", *wrap(text, GOAL_WIDTH, max_lines=4)),
        f"{name}: {clean(title)}",
        rank=rank,
    )


def _row(
    item: Effort | Placeholder,
    pid: str,
    index: DinIndex,
    words: dict[str, str],
    owners: OwnersMode,
    marks: dict[str, tuple[str, ...]],
    *,
    participation: bool = False,
) -> Row:
    key = node_key(pid, item.id)
    goals = tuple(_goal_ref_label(t, pid) for t in index.up.get(key, []))
    if isinstance(item, Placeholder):
        title = item.title if item.title != "PM" else words["placeholder"]
        text = f"{item.id}  {shorten(title, MAX_TITLE_CHARS)}" if item.title != "PM" else title
        tooltip = clean(" — ".join(t for t in (item.title, item.note or "") if t))
        return Row(
            key,
            item.id,
            placeholder=True,
            lines=tuple(wrap(text, ROW_WIDTH, max_lines=3)),
            tooltip=tooltip,
            goals=goals,
        )
    owner = None
    if owners == "inside":
        owned = index.effort_owner(key)
        owner = shorten(owned.name, 60) if owned is not None else None
    description = clean(item.description or "")
    tooltip = clean(item.title) + (
        f" — {shorten(description, 400)}" if description and description != item.title else ""
    )
    return Row(
        key,
        item.id,
        placeholder=False,
        lines=tuple(wrap(f"{item.id}  {shorten(item.title, MAX_TITLE_CHARS)}", ROW_WIDTH, max_lines=4)),
        tooltip=tooltip,
        role=item.role.value,
        kind=words[f"kind.{item.kind.value}"],
        owner=owner,
        goals=goals,
        marks=marks.get(key, ()),
        status=shorten(item.status, 90) if item.status else None,
        phase=phase.value if (phase := item.current_phase) is not None else None,
        participation=item.participation if participation else None,
    )


def _group_rows(
    programme: Programme,
    index: DinIndex,
    words: dict[str, str],
    owners: OwnersMode,
    marks: dict[str, tuple[str, ...]],
    *,
    participation: bool,
) -> tuple[dict[tuple[str, ...], list[Row]], list[tuple[tuple[str, ...], str | None]]]:
    rows: dict[tuple[str, ...], list[Row]] = {}
    order: list[tuple[tuple[str, ...], str | None]] = []
    items: list[Effort | Placeholder] = [*programme.efforts, *programme.placeholders]
    built = [
        (item, _row(item, programme.id, index, words, owners, marks, participation=participation)) for item in items
    ]
    goal_sets = {row.goals for item, row in built if not item.track and row.goals}
    # Many different goal sets would give a sheet of thin columns; then an effort
    # sits under the first goal it names, and its row lists all its goals.
    by_first_goal = len(goal_sets) > MAX_GOAL_SET_COLUMNS
    for item, row in built:
        if item.track:
            column: tuple[str, ...] = ("track", clean(item.track))
            header: str | None = clean(item.track)
        elif row.goals:
            column = ("goals", row.goals[0]) if by_first_goal else ("goals", *row.goals)
            header = None
        else:
            column = ("unlinked",)
            header = words["unlinked"]
        if column not in rows:
            rows[column] = []
            order.append((column, header))
        rows[column].append(row)
    # Placeholders after the efforts of their column, as the contracts list them.
    for column_rows in rows.values():
        column_rows.sort(key=lambda r: r.placeholder)
    return rows, order


def _column_sort(goals: list[str], order: dict[str, int], *, unlinked: bool) -> tuple[int, float]:
    # Under the leftmost goal served, ties broken by the average position of all goals served.
    if unlinked:
        return (2, 0.0)
    ranks = [order.get(goal, len(order)) for goal in goals]
    if not ranks:
        return (1, 0.0)
    return (0, min(ranks) + sum(ranks) / len(ranks) / 1000)


def _without_goal_tags(row: Row) -> Row:
    return replace(row, goals=())


def _fitting_rows(lengths: list[int]) -> int:
    """Rows per column: 10, or more when that many columns would make the sheet far wider than high.

    A column is about 215 pt wide and a row about 36 pt high; the goal levels
    above take some 330 pt.  Taller columns are allowed until the sheet is no
    wider than twice landscape paper (width/height 2.8).
    """
    for rows in (10, 12, 15, 20, 25, 30, 40, 60):
        columns = sum(-(-n // rows) for n in lengths)
        tallest = max((-(-n // -(-n // rows)) for n in lengths if n), default=0)
        if columns * 215 <= 2.8 * (330 + 36 * tallest):
            return rows
    return 60


def _chunks(rows: list[Row], max_rows: int) -> list[list[Row]]:
    if len(rows) <= max_rows:
        return [rows]
    count = -(-len(rows) // max_rows)
    size = -(-len(rows) // count)
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _owner_boxes(programme: Programme, columns: list[Column]) -> tuple[OwnerBox, ...]:
    by_owner: dict[str, dict[str, list[str]]] = {}
    efforts = {e.id: e for e in programme.efforts}
    for column in columns:
        for row in column.rows:
            if row.placeholder:
                continue
            effort = efforts[row.local]
            if effort.owner is None:
                continue
            by_owner.setdefault(effort.owner, {}).setdefault(column.id, []).append(row.local)
    boxes = []
    known = {o.id: o for o in programme.owners}
    for owner_id, per_column in by_owner.items():
        owner = known.get(owner_id)
        name = owner.name if owner is not None else owner_id
        boxes.append(
            OwnerBox(
                node_key(programme.id, owner_id),
                tuple(wrap(name, 24, max_lines=3)),
                tuple((c, tuple(e)) for c, e in per_column.items()),
            )
        )
    return tuple(boxes)
