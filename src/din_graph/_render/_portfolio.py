"""The portfolio picture: programmes side by side, overlaps drawn between them.

One Graphviz cluster per programme holds its name, the goals and efforts that
take part in the overlaps shown, and the ``contributes_to`` links among those;
the overlaps themselves are undirected edges between clusters whose width
grows with the score.  The relations the contracts state (``related_programmes``)
are drawn apart from those suggestions: solid, dark blue arrows between the
programmes' names, labelled with the topics the contract gives.  Pure DOT text,
like the sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Literal, NamedTuple

from din_graph._analysis._index import DinIndex, index_of
from din_graph._analysis._overlap_result import OverlapPair, Overlaps
from din_graph._analysis._relations import stated_relations
from din_graph._errors import DinRenderError
from din_graph._model import Portfolio, Programme
from din_graph._render._backend import run_dot
from din_graph._render._dot import FONT, LEVEL_STYLE, paper_size
from din_graph._render._sheet import format_value
from din_graph._render._text import Lang, clean, dot_string, dot_tooltip, html, shorten, wrap
from din_graph._vocab import SHEET_WORDS as WORDS
from din_graph._vocab import overlap_word

__all__ = ["EdgeLabels", "portfolio_dot", "portfolio_drawing"]

EdgeLabels = Literal["label", "xlabel"]

OVERLAP_COLOUR = "#d46b08"
#: Relations the contracts state, drawn apart from the suggested overlaps.
RELATION_COLOUR = "#12395c"
PER_ROW = 5
#: Every node of a column, and the programme's name, is this wide (points): the cluster's
#: border then lies as far from each node, and a label that fits between two nodes keeps
#: clear of both borders.
COLUMN_WIDTH = 190
#: Room around an overlap's words (points), more than a cluster's margin (8): dot sets the
#: two ends of a pair drawn across the label's width apart, so the words, this far inside
#: that width, stay clear of the programmes' borders.
LABEL_PAD = 10
#: Where a crossing line's words sit: this many degrees below the line, ten times this
#: many points from the end it leaves (Graphviz's labelangle and labeldistance).
END_LABEL_ANGLE = 10
END_LABEL_DISTANCE = 5


def _node_label(kind: str, local: str, title: str) -> str:
    level = kind if kind in LEVEL_STYLE else "operational_goal"
    fill, border, colour = LEVEL_STYLE[level] if kind != "effort" else ("#ffffff", "#7f7f7f", "#000000")
    lines = wrap(f"{local}  {shorten(title, 140)}", 30, max_lines=4)
    first, *rest = lines
    ident, _, text = first.partition("  ")
    body = "<BR/>".join([f"<B>{html(ident)}</B>  {html(text)}" if text else html(first), *(html(r) for r in rest)])
    style = ' STYLE="rounded"' if kind != "effort" else ""
    return (
        f'<<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="4"{style} WIDTH="{COLUMN_WIDTH}" '
        f'BGCOLOR="{fill}" COLOR="{border}">'
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{colour}">{body}</FONT></TD></TR></TABLE>>'
    )


def portfolio_dot(
    portfolio: Portfolio,
    found: Overlaps,
    *,
    lang: Lang = "nl",
    top: int = 40,
    paper: str = "a3",
    landscape: bool = True,
    edge_labels: EdgeLabels = "label",
) -> str:
    """DOT text of the portfolio picture with the ``top`` strongest *waarschijnlijk* overlaps.

    The *mogelijk* pairs stay in the list (``din overlap``, the report): drawn, they
    would tie every programme to every other.

    ``edge_labels="label"`` lets dot place each pair's label in the layout;
    ``"xlabel"`` places them after it, with room between the programmes: the way out
    when dot cannot rank the picture with labelled edges between clusters
    (``trouble in init_rank``, :func:`portfolio_drawing`).
    """
    words = WORDS[lang]
    index = index_of(portfolio)
    pairs = [pair for pair in found.pairs if pair.band == "likely"][: max(0, top)]
    width, height = paper_size(paper, landscape=landscape)
    title = html(clean(portfolio.name) or portfolio.id) + f" · {html(words['overlap'])}"
    out = [
        "graph portfolio {",
        f"  graph [rankdir=TB, newrank=true, compound=true, nodesep={0.3 if edge_labels == 'label' else 2.0}, "
        f'ranksep=0.6, fontname="{FONT}", '
        f'labelloc=t, labeljust=l, pad=0.3, size="{width:g},{height:g}", '
        f'label=<<FONT POINT-SIZE="18" COLOR="#12395c"><B>{title}</B></FONT>>];',
        f'  node [shape=plain, fontname="{FONT}", fontsize=9];',
        '  edge [color="#9fafbf", arrowsize=0.5];',
    ]
    shown = _shown_nodes(portfolio, index, pairs)
    heads: list[str] = []
    lasts: list[str] = []
    for number, programme in enumerate(portfolio.programmes, 1):
        lines, head, last = _programme_cluster(number, programme, shown.get(programme.id, []), index, words)
        out += lines
        heads.append(head)
        lasts.append(last)
    out += _grid(heads, lasts)
    programme_order = [p.id for p in portfolio.programmes]
    facing = _facing(pairs, index, programme_order)
    out += [f"  {{ rank=same; {dot_string(pair.a)}; {dot_string(pair.b)}; }}" for pair in facing]
    out += _overlap_edges(pairs, facing, _crossing_ends(pairs, facing, shown, programme_order), lang, edge_labels)
    out += _relation_edges(portfolio, words)
    out.append("}")
    return "\n".join(out) + "\n"


def portfolio_drawing(build: Callable[[EdgeLabels], str], fmt: str) -> bytes:
    """The portfolio picture drawn by dot: ``build(edge_labels)`` gives its DOT text.

    Graphviz cannot always rank labelled edges between clusters at one height (its
    long-open ``trouble in init_rank``); the picture is then drawn again with its labels
    placed after the layout.

    Raises
    ------
    DinRenderError
        ``dot`` is missing, or fails on both forms.
    """
    try:
        return run_dot(build("label"), fmt)
    except DinRenderError as err:
        if "init_rank" not in str(err):
            raise
    return run_dot(build("xlabel"), fmt)


def _shown_nodes(portfolio: Portfolio, index: DinIndex, pairs: list[OverlapPair]) -> dict[str, list[str]]:
    """Per programme, the nodes of the drawn pairs, in drawing order.

    Each node sits at the height of its strongest overlap, so that the two ends of a
    pair face each other across the clusters instead of crossing other pairs.
    """
    shown: dict[str, list[str]] = {p.id: [] for p in portfolio.programmes}
    for pair in pairs:
        for key in (pair.a, pair.b):
            pid = index.programme_of.get(key, key.split("/")[0])
            if key not in shown.setdefault(pid, []):
                shown[pid].append(key)
    strongest: dict[str, int] = {}
    for rank, pair in enumerate(pairs):
        strongest.setdefault(pair.a, rank)
        strongest.setdefault(pair.b, rank)
    # A node whose strongest partner already sits at a stronger pair's height goes just
    # below that height: its line runs nearly across instead of down the whole column.
    anchor: dict[str, int] = {}
    for rank, pair in enumerate(pairs):
        for key, other in ((pair.a, pair.b), (pair.b, pair.a)):
            if strongest[key] == rank:
                anchor.setdefault(key, min(rank, strongest[other]))
    order = {k: i for i, k in enumerate(index.goals())}
    return {
        pid: sorted(
            keys,
            key=lambda k: (
                anchor.get(k, len(pairs)),
                strongest.get(k, len(pairs)),
                index.kind.get(k) != "strategic_goal",
                index.kind.get(k) != "operational_goal",
                order.get(k, 0),
                k,
            ),
        )
        for pid, keys in shown.items()
    }


def _programme_cluster(
    number: int, programme: Programme, keys: list[str], index: DinIndex, words: dict[str, str]
) -> tuple[list[str], str, str]:
    """One programme's cluster: its name (and how many nodes are not drawn) over its drawn
    nodes in one column; the DOT lines, the name's node and the last node of the column."""
    head = f"{programme.id}/__programme__"
    total = len(programme.efforts) + len(programme.strategic_goals) + len(programme.operational_goals)
    more = total - len(keys)
    note = html(words["overlap.more"].format(n=more)) if more > 0 else ""
    out = [f"  subgraph {dot_string('cluster_' + str(number))} {{"]
    out.append(
        f'    graph [label="", style="rounded,filled", fillcolor="#f7f9fb", color="#9fafbf", '
        f"tooltip={dot_tooltip(programme.name)}];"
    )
    header = "<BR/>".join(html(line) for line in wrap(clean(programme.name) or programme.id, 28, max_lines=3))
    out.append(
        f'    {dot_string(head)} [label=<<TABLE BORDER="0" CELLPADDING="2"><TR><TD WIDTH="{COLUMN_WIDTH}">'
        f'<FONT POINT-SIZE="12" COLOR="#12395c"><B>{header}</B></FONT></TD></TR>'
        + (f'<TR><TD><FONT POINT-SIZE="8" COLOR="#7f7f7f">{note}</FONT></TD></TR>' if note else "")
        + "</TABLE>>];"
    )
    for key in keys:
        kind = index.kind.get(key, "operational_goal")
        out.append(
            f"    {dot_string(key)} [tooltip={dot_tooltip(index.title(key))}, "
            f"label={_node_label(kind, key.rpartition('/')[2], index.title(key))}];"
        )
    # Invisible edges keep the programme's nodes in one column under its name.
    previous = head
    for key in keys:
        out.append(f"    {dot_string(previous)} -- {dot_string(key)} [style=invis];")
        previous = key
    out.append("  }")
    return out, head, previous


def _per_row(programmes: int) -> int:
    """Programmes in a row of the grid: at most PER_ROW, the rows as even as they can be."""
    rows = -(-programmes // PER_ROW)
    return -(-programmes // max(1, rows))


def _grid(heads: list[str], lasts: list[str]) -> list[str]:
    """A grid of at most PER_ROW programmes a row, so that a large portfolio stays on the paper."""
    out: list[str] = []
    per_row = _per_row(len(heads))
    for start in range(0, len(heads), per_row):
        out.append(f"  {{ rank=same; {'; '.join(dot_string(h) for h in heads[start : start + per_row])}; }}")
        if start:
            for above, head in zip(lasts[start - per_row : start], heads[start : start + per_row], strict=False):
                out.append(f"  {dot_string(above)} -- {dot_string(head)} [style=invis];")
    return out


def _facing(pairs: list[OverlapPair], index: DinIndex, programmes: list[str]) -> list[OverlapPair]:
    """The pairs whose two ends sit at one height, strongest first: those where neither end
    is placed yet and both programmes sit in one row of the grid, so that the pair's line
    runs straight across instead of crossing the others.

    A node's place in its column follows its strongest pair (:func:`_shown_nodes`), so the
    heights asked for never contradict the columns' order.
    """
    row = {pid: number // _per_row(len(programmes)) for number, pid in enumerate(programmes)}
    placed: set[str] = set()
    out: list[OverlapPair] = []
    for pair in pairs:
        a_row = row.get(index.programme_of.get(pair.a, ""))
        if pair.a in placed or pair.b in placed or a_row is None:
            continue
        if a_row != row.get(index.programme_of.get(pair.b, "")):
            continue
        placed |= {pair.a, pair.b}
        out.append(pair)
    return out


class _UpperEnd(NamedTuple):
    """Where a crossing line leaves from: its upper end, and whether that end is the right one."""

    key: str
    on_the_right: bool


def _crossing_ends(
    pairs: list[OverlapPair], facing: list[OverlapPair], shown: dict[str, list[str]], programmes: list[str]
) -> dict[tuple[str, str], _UpperEnd]:
    """The lines that cross each other just below a facing pair, by pair.

    When ``a`` faces ``b``, ``c`` sits right below ``a`` and ``d`` right below ``b``, and
    both ``a``–``d`` and ``c``–``b`` are drawn, the two lines cross halfway, where dot
    would set both their labels: each gets its label at its upper end instead (``a``,
    ``b``), below the line, away from the crossing and from the line its upper end draws
    across.
    """
    drawn = {frozenset((pair.a, pair.b)) for pair in pairs}
    below = {upper: lower for keys in shown.values() for upper, lower in pairwise(keys)}
    per_row = _per_row(len(programmes))
    column = {key: number % per_row for number, pid in enumerate(programmes) for key in shown.get(pid, [])}
    ends: dict[tuple[str, str], _UpperEnd] = {}
    for pair in facing:
        for upper, across in ((pair.a, pair.b), (pair.b, pair.a)):
            under_upper, under_across = below.get(upper), below.get(across)
            if under_upper is None or under_across is None:
                continue
            if {frozenset((upper, under_across)), frozenset((under_upper, across))} <= drawn:
                end = _UpperEnd(upper, column.get(upper, 0) > column.get(under_across, 0))
                ends[(upper, under_across)] = ends[(under_across, upper)] = end
    return ends


def _edge_label(text: str) -> str:
    """An overlap's words as an HTML-like label with room around them (:data:`LABEL_PAD`)."""
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="{LABEL_PAD}">'
        f"<TR><TD>{html(shorten(text, 60))}</TD></TR></TABLE>>"
    )


def _overlap_edges(
    pairs: list[OverlapPair],
    facing: list[OverlapPair],
    crossing: dict[tuple[str, str], _UpperEnd],
    lang: Lang,
    edge_labels: EdgeLabels,
) -> list[str]:
    """One edge per drawn pair: rank, score and, where the two ends face each other, two
    shared words (a line that runs up or down crosses others, and long labels there
    collide; its words stay in its tooltip); width by score; bold when confirmed in the
    review file.  Two lines that cross between facing pairs carry their labels at their
    upper ends (:func:`_crossing_ends`)."""
    across = {(pair.a, pair.b) for pair in facing}
    out: list[str] = []
    for pair in pairs:
        words_shared = next((e.shared[:2] for e in pair.evidence if e.signal == "text" and e.shared), ())
        words_shared = words_shared if (pair.a, pair.b) in across else ()
        label = f"{pair.rank}. {format_value(pair.score, lang, digits=2)}"
        label += f" · {', '.join(words_shared)}" if words_shared else ""
        tooltip = f"{overlap_word('band.' + pair.band, lang)}: {pair.reason}"
        style = "bold" if pair.review else "solid"
        end = crossing.get((pair.a, pair.b))
        placed = f"{edge_labels}={_edge_label(label)}"
        if end is not None:
            # below the line: clockwise from a left end (the line runs down to the right)
            angle = END_LABEL_ANGLE if end.on_the_right else -END_LABEL_ANGLE
            side = "taillabel" if end.key == pair.a else "headlabel"
            placed = (
                f"{side}={_edge_label(label)}, labelangle={angle}, labeldistance={END_LABEL_DISTANCE}, "
                f'labelfontname="{FONT}", labelfontsize=8, labelfontcolor="{OVERLAP_COLOUR}"'
            )
        out.append(
            f'  {dot_string(pair.a)} -- {dot_string(pair.b)} [constraint=false, color="{OVERLAP_COLOUR}", '
            f"style={style}, penwidth={1 + 4 * pair.score:.2f}, {placed}, "
            f'fontname="{FONT}", fontsize=8, fontcolor="{OVERLAP_COLOUR}", tooltip={dot_tooltip(tooltip)}];'
        )
    return out


def _relation_edges(portfolio: Portfolio, words: dict[str, str]) -> list[str]:
    """Solid arrows, programme name to programme name, for each relation a contract states."""
    edges = []
    relations = [r for r in stated_relations(portfolio) if r.target is not None]
    # Named in a contract but not in this portfolio: the report lists those.
    pairs = {(r.programme, r.target) for r in relations}
    drawn: set[tuple[str, str | None]] = set()
    for relation in relations:
        if (relation.target, relation.programme) in drawn:
            continue  # both contracts state it: one arrow with two heads
        drawn.add((relation.programme, relation.target))
        both = (relation.target, relation.programme) in pairs
        topics = ", ".join(relation.topics[:2])
        label = shorten(f"{words['related']}" + (f": {topics}" if topics else ""), 60)
        tooltip = clean(relation.evidence or relation.named)
        tail, head = f"{relation.programme}/__programme__", f"{relation.target}/__programme__"
        edges.append(
            f"  {dot_string(tail)} -- {dot_string(head)} "
            f'[constraint=false, dir={"both" if both else "forward"}, style=bold, color="{RELATION_COLOUR}", '
            f'label={dot_string(label)}, fontname="{FONT}", fontsize=8, fontcolor="{RELATION_COLOUR}", '
            f"tooltip={dot_string(tooltip)}];"
        )
    return edges
