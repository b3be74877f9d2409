"""DOT text for a DIN sheet: pure string building, no Graphviz needed.

The DOT is deterministic (same sheet, same text) and every piece of user text
goes through :func:`~din_graph._render._text.html` (HTML-like labels) or
:func:`~din_graph._render._text.dot_tooltip` (tooltips), so quotes, ``<``,
``&``, braces and newlines in titles neither break the DOT nor inject markup
into the SVG, and backslashes never form Graphviz's ``\\N``, ``\\G``, ... escapes.
"""

from __future__ import annotations

from collections.abc import Iterable

from din_graph._render._sheet import (
    PAPERS,
    Column,
    Detail,
    GoalBox,
    Row,
    Sheet,
    column_header_lines,
    row_meta,
    row_status,
)
from din_graph._render._text import ROLE_STYLE, dot_string, dot_tooltip, html, wrap

__all__ = ["FONT", "LEVEL_STYLE", "MARK_COLOURS", "STATUS_COLOURS", "paper_size", "sheet_dot"]

FONT = "Arial"

# (fill, border, text) per level.
LEVEL_STYLE: dict[str, tuple[str, str, str]] = {
    "vision": ("#12395c", "#12395c", "#ffffff"),
    "strategic_goal": ("#1f5f99", "#1f5f99", "#ffffff"),
    "operational_goal": ("#d9e7f5", "#1f5f99", "#10253a"),
    "external": ("#ffffff", "#7f7f7f", "#404040"),
}
MARK_COLOURS = {"orphan": "#c00000", "uncovered": "#c00000", "fragile": "#d46b08"}
STATUS_COLOURS = {"on_track": "#1b7f4b", "behind": "#d46b08", "off_track": "#c00000", "no_data": "#8c8c8c"}
COLUMN_WIDTH = 185  # points: a column's rows, marker included
BAND_WIDTH = 110
MARKER_WIDTH = 30
GAP = 16


def paper_size(paper: str, *, landscape: bool) -> tuple[float, float]:
    """Printable width and height in inches (0.4 inch margins).

    >>> paper_size("a3", landscape=True)
    (15.74, 10.89)
    """
    width, height = PAPERS[paper]
    if landscape:
        width, height = height, width
    return round(width - 0.8, 2), round(height - 0.8, 2)


def _q(name: str) -> str:
    return dot_string(name)


def _lines(lines: Iterable[str]) -> str:
    return "<BR/>".join(html(line) for line in lines)


def _font(text: str, *, size: float | None = None, colour: str | None = None, bold: bool = False) -> str:
    if not text:
        return ""  # Graphviz refuses empty <B></B> and <FONT></FONT>
    if bold:
        text = f"<B>{text}</B>"
    attrs = ""
    if size is not None:
        attrs += f' POINT-SIZE="{size:g}"'
    if colour is not None:
        attrs += f' COLOR="{colour}"'
    return f"<FONT{attrs}>{text}</FONT>" if attrs else text


def _badges(marks: Iterable[str], words: dict[str, str]) -> str:
    return " ".join(_font(html(words[m]), size=7, colour=MARK_COLOURS[m], bold=True) for m in marks)


def _goal_label(box: GoalBox, sheet: Sheet, width: int) -> str:
    fill, border, text = LEVEL_STYLE[box.level]
    words = sheet.words
    penwidth = 1
    style = ' STYLE="rounded"'
    if box.marks:
        border = MARK_COLOURS[box.marks[0]]
        penwidth = 3
    if box.level == "external":
        style = ' STYLE="dashed"'
    size = {"vision": 12, "strategic_goal": 11, "operational_goal": 10, "external": 9}[box.level]
    if box.level == "vision":
        head = _font(_lines(box.lines), size=size, colour=text)
    else:
        first, *rest = box.lines or ("",)
        ident, _, title = first.partition("  ")
        first_line = f"<B>{html(ident)}</B>  {html(title)}" if title else html(first)
        if box.level == "external":
            first_line = html(first)
        head = _font("<BR/>".join([first_line, *(html(r) for r in rest)]), size=size, colour=text)
    rows = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="{width}">{head}</TD></TR>']
    for detail in box.details:
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_detail(detail, words)}</TD></TR>')
    if box.status is not None:
        word = _font(html("● " + words[f"status.{box.status}"]), size=8, colour=STATUS_COLOURS[box.status], bold=True)
        rows.append(f'<TR><TD ALIGN="LEFT" BGCOLOR="#ffffff">{word}</TD></TR>')
    if box.marks:
        rows.append(f'<TR><TD ALIGN="LEFT" BGCOLOR="#ffffff">{_badges(box.marks, words)}</TD></TR>')
    return (
        f'<<TABLE BORDER="{penwidth}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5"{style} '
        f'BGCOLOR="{fill}" COLOR="{border}">{"".join(rows)}</TABLE>>'
    )


def _detail(detail: Detail, words: dict[str, str]) -> str:
    body = _font(_lines(detail.lines), size=8, colour="#26384d")
    if detail.status is None:
        return body
    colour = STATUS_COLOURS[detail.status]
    word = words.get(f"status.{detail.status}", words["status.no_data"])
    return body + "<BR/>" + _font("● " + html(word), size=8, colour=colour, bold=True)


def _anchor(row: Row, *, anchors: bool) -> str:
    # A cell gets an SVG group of its own only with an HREF; the explorer needs that group to find it.
    return f' ID="din:{html(row.key)}" HREF="#"' if anchors else ""


def _row_cells(row: Row, sheet: Sheet, *, anchors: bool = False) -> str:
    words = sheet.words
    anchor = _anchor(row, anchors=anchors)
    meta = row_meta(row, words)
    if row.placeholder:
        extra = _font(_lines(meta), size=7, colour="#595959") if meta else ""
        text = _font(_lines(row.lines), size=9, colour="#595959", bold=True)
        body = text + ("<BR/>" + extra if extra else "")
        return (
            f'<TR><TD COLSPAN="2" STYLE="dashed" BORDER="1" COLOR="#7f7f7f" ALIGN="LEFT" BALIGN="LEFT" '
            f'PORT="{html(row.local)}" WIDTH="{COLUMN_WIDTH}"{anchor}>{body}</TD></TR>'
        )
    fill, marker = ROLE_STYLE.get(row.role, ROLE_STYLE["unknown"])
    first, *rest = row.lines or ("",)
    ident, _, title = first.partition("  ")
    title_html = f"<B>{html(ident)}</B>  {html(title)}" if title else html(first)
    text = _font("<BR/>".join([title_html, *(html(r) for r in rest)]), size=9)
    sub = _font(_lines(meta), size=7, colour="#404040") if meta else ""
    status = row_status(row, words)
    phase = _font(_lines(status[0]), size=7, colour=status[1], bold=True) if status else ""
    badges = _badges(row.marks, words)
    body = "<BR/>".join(x for x in (text, phase, sub, badges) if x)
    border = f' BORDER="2" COLOR="{MARK_COLOURS[row.marks[0]]}"' if row.marks else ""
    role_word = html(words[f"short.{row.role}"])
    return (
        f'<TR><TD BGCOLOR="{marker}" WIDTH="{MARKER_WIDTH}" VALIGN="TOP"{anchor}>'
        f"{_font(role_word, size=7, colour='#ffffff', bold=True)}</TD>"
        f'<TD BGCOLOR="{fill}" ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP" PORT="{html(row.local)}" '
        f'WIDTH="{COLUMN_WIDTH - MARKER_WIDTH}"{border}{anchor}>{body}</TD></TR>'
    )


def column_height(column: Column, words: dict[str, str]) -> float:
    """The height in points Graphviz gives a column's table (fitted on its layouts; font metrics may vary)."""
    header = column_header_lines(column, words)
    height = 4.0 + (14.5 + 11.0 * (len(header) - 1) if header else 0.0)
    for row in column.rows:
        height += 9.0 + (14.5 if row.placeholder else 9.0) * len(row.lines)
        meta = row_meta(row, words)
        if meta:
            height += 6.0 + 8.0 * (len(meta) - 1)
        status = row_status(row, words)
        if status:
            height += 8.0 * len(status[0])
        if row.marks:
            height += 11.0
    return height


def _column_label(column: Column, sheet: Sheet, height: float, *, anchors: bool = False) -> str:
    rows = []
    if column.header is not None:
        header = _lines(column_header_lines(column, sheet.words))
        unlinked = column.header == sheet.words["unlinked"]
        colour = "#f4cccc" if unlinked else "#e7e6e6"
        rows.append(
            f'<TR><TD COLSPAN="2" BGCOLOR="{colour}" ALIGN="LEFT" BALIGN="LEFT" WIDTH="{COLUMN_WIDTH}">'
            f"{_font(header, size=9, bold=True)}</TD></TR>"
        )
    rows.extend(_row_cells(row, sheet, anchors=anchors) for row in column.rows)
    # Pad to the tallest column so that all columns hang from one line, as in the contracts.
    filler = round(height - column_height(column, sheet.words) - 2)
    if filler > 0:
        rows.append(f'<TR><TD COLSPAN="2" HEIGHT="{filler}"></TD></TR>')
    return (
        '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" COLOR="#7f7f7f" BGCOLOR="#ffffff">'
        f"{''.join(rows)}</TABLE>>"
    )


def _title_label(sheet: Sheet) -> str:
    words = sheet.words
    chips = []
    for role, (fill, marker) in ROLE_STYLE.items():
        chips.append(
            f'<TD BGCOLOR="{marker}">{_font(html(words[f"short.{role}"]), size=8, colour="#ffffff", bold=True)}</TD>'
            f'<TD BGCOLOR="{fill}">{_font(html(words[f"role.{role}"]), size=8)}</TD>'
        )
    chips.append(f'<TD COLSPAN="2" STYLE="dashed" BORDER="1">{_font(html(words["placeholder"]), size=8)}</TD>')
    marks = [("orphan", "orphans"), ("uncovered", "uncovered"), ("fragile", "fragile")]
    for mark, option in marks:
        if option in sheet.highlight:
            colour = MARK_COLOURS[mark]
            chips.append(
                f'<TD COLSPAN="2" BORDER="2" COLOR="{colour}">'
                f"{_font(html(words[f'{mark}.legend']), size=8, colour=colour, bold=True)}</TD>"
            )
    if "indicators" in sheet.highlight:
        chips.append(
            '<TD COLSPAN="2">'
            + "  ".join(
                _font("● " + html(words[f"status.{s}"]), size=8, colour=STATUS_COLOURS[s])
                for s in ("on_track", "behind", "off_track")
            )
            + "</TD>"
        )
    legend = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2"><TR>'
        f"<TD>{_font(html(words['legend']) + ':', size=8, bold=True)}</TD>{''.join(chips)}</TR></TABLE>"
    )
    subtitle = "".join(
        f'<TR><TD ALIGN="LEFT">{_font(html(line), size=11, colour="#404040")}</TD></TR>' for line in sheet.subtitle
    )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
        f'<TR><TD ALIGN="LEFT">{_font(html(sheet.title), size=20, colour="#12395c", bold=True)}</TD></TR>'
        f'{subtitle}<TR><TD ALIGN="LEFT">{legend}</TD></TR></TABLE>>'
    )


def _band_label(text: str) -> str:
    lines = wrap(text.upper(), 16, max_lines=3)
    body = _font(_lines(lines), size=10, colour="#7f7f7f", bold=True)
    cell = f'<TD WIDTH="{BAND_WIDTH}" ALIGN="RIGHT" BALIGN="RIGHT">{body}</TD>'
    return f'<<TABLE BORDER="0" CELLPADDING="2"><TR>{cell}</TR></TABLE>>'


def sheet_dot(sheet: Sheet, *, anchors: bool = False) -> str:
    """The DOT text of a sheet.

    With ``anchors`` every effort and placeholder cell carries the id
    ``din:<node key>`` (and an empty link, without which Graphviz gives a table
    cell no SVG group), so that the explorer can find each drawn node.

    Edges are declared from end to means with ``dir=back``, so that Graphviz
    ranks the vision on top while the arrows still point from efforts to the
    goals they serve (DESIGN.md §3).
    """
    span = max(1, len(sheet.columns)) * (COLUMN_WIDTH + 2 * GAP) - 2 * GAP
    ranks: dict[str, list[str]] = {level: [] for level in sheet.levels}
    out = [
        "digraph din {",
        *_sheet_defaults(sheet),
        *_goal_nodes(sheet, span, ranks),
        *_column_nodes(sheet, ranks, anchors=anchors),
        *_owner_nodes(sheet, ranks),
        *_rank_rows(sheet, ranks),
        *_link_edges(sheet),
    ]
    out.append("}")
    return "\n".join(out) + "\n"


def _sheet_defaults(sheet: Sheet) -> list[str]:
    """The graph, node and edge defaults: the page size and the title."""
    width, height = paper_size(sheet.paper, landscape=sheet.landscape)
    return [
        "  graph [rankdir=TB, newrank=true, splines=spline, nodesep=0.22, ranksep=0.55, "
        f'fontname="{FONT}", labelloc=t, labeljust=l, pad=0.3, bgcolor="#ffffff", '
        f'size="{width:g},{height:g}", tooltip={dot_tooltip(sheet.title)}, '
        f"label={_title_label(sheet)}];",
        f'  node [shape=plain, fontname="{FONT}", fontsize=10];',
        '  edge [color="#6f7f8f", arrowsize=0.6, dir=back, penwidth=1.2];',
    ]


def _goal_nodes(sheet: Sheet, span: int, ranks: dict[str, list[str]]) -> list[str]:
    """The vision (as wide as the columns) and the goal boxes, each entered in its rank."""
    out = []
    if sheet.vision is not None:
        lines = wrap(sheet.vision.tooltip, max(60, span // 6), max_lines=5)
        box = GoalBox(
            sheet.vision.key, "vision", "vision", tuple(lines), sheet.vision.tooltip, status=sheet.vision.status
        )
        out.append(
            f"  {_q(box.key)} [id={_q('vision')}, tooltip={dot_tooltip(box.tooltip)}, "
            f"label={_goal_label(box, sheet, max(400, span))}];"
        )
        ranks["vision"].append(box.key)
    for box in (*sheet.strategic, *sheet.operational, *sheet.external):
        width_pt = 280 if box.level == "strategic_goal" else 220
        out.append(
            f"  {_q(box.key)} [id={_q(box.local if box.level != 'external' else box.key)}, "
            f"tooltip={dot_tooltip(box.tooltip)}, label={_goal_label(box, sheet, width_pt)}];"
        )
        rank: str = box.rank if box.level == "external" else box.level
        ranks.setdefault(rank, []).append(box.key)
    return out


def _column_nodes(sheet: Sheet, ranks: dict[str, list[str]], *, anchors: bool) -> list[str]:
    """The effort columns, all as tall as the tallest so their bottoms line up."""
    tallest = max((column_height(c, sheet.words) for c in sheet.columns), default=0.0)
    out = []
    for column in sheet.columns:
        out.append(
            f"  {_q(column.id)} [id={_q(column.id)}, label={_column_label(column, sheet, tallest, anchors=anchors)}];"
        )
        ranks.setdefault("effort", []).append(column.id)
    return out


def _owner_nodes(sheet: Sheet, ranks: dict[str, list[str]]) -> list[str]:
    """The owner boxes."""
    out = []
    for owner in sheet.owners:
        label = (
            '<<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="4" STYLE="rounded" BGCOLOR="#f2f2f2" COLOR="#7f7f7f">'
            f"<TR><TD>{_font(_lines(owner.lines), size=9)}</TD></TR></TABLE>>"
        )
        out.append(f"  {_q(owner.key)} [label={label}];")
        ranks.setdefault("owner", []).append(owner.key)
    return out


def _rank_rows(sheet: Sheet, ranks: dict[str, list[str]]) -> list[str]:
    """The level bands on the left, and every rank kept in contract order by invisible chains."""
    out = []
    bands = [f"band:{level}" for level in sheet.levels if ranks.get(level)]
    for level in sheet.levels:
        if ranks.get(level):
            out.append(f"  {_q('band:' + level)} [group=bands, label={_band_label(sheet.levels[level])}];")
    if len(bands) > 1:
        out.append(f"  {' -> '.join(_q(b) for b in bands)} [style=invis, dir=forward];")
    for level in sheet.levels:
        members = ranks.get(level, [])
        if not members:
            continue
        chain = [f"band:{level}", *members]
        out.append(f"  {{ rank=same; {'; '.join(_q(m) for m in chain)}; }}")
        out.append(f"  {' -> '.join(_q(m) for m in chain)} [style=invis, dir=forward];")
    return out


def _link_edges(sheet: Sheet) -> list[str]:
    """Contribution links (thicker for more efforts, dashed to another programme), then owner lines."""
    out = []
    for link in sheet.links:
        attrs = ["tailport=s", "headport=n"]
        if link.efforts:
            attrs.append(f"tooltip={dot_tooltip(', '.join(link.efforts) + ' → ' + link.head.rpartition('/')[2])}")
            attrs.append(f"penwidth={min(3.5, 1.2 + 0.25 * (len(link.efforts) - 1)):g}")
        if link.head.split("/")[0] != sheet.programme:
            attrs.append('style=dashed, color="#7f7f7f"')
        out.append(f"  {_q(link.head)} -> {_q(link.tail)} [{', '.join(attrs)}];")
    for owner in sheet.owners:
        for column_id, efforts in owner.columns:
            out.append(
                f'  {_q(column_id)} -> {_q(owner.key)} [dir=none, style=dashed, color="#9f9f9f", '
                f"tailport=s, headport=n, tooltip={dot_tooltip(', '.join(efforts))}];"
            )
    return out
