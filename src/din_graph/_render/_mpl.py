"""The DIN sheet drawn with matplotlib: the fallback when Graphviz is missing.

Same :class:`~din_graph._render._sheet.Sheet` as the DOT builder, laid out in
layers by hand: columns left to right in sheet order, every goal centred over
what serves it (pushed apart where boxes would overlap), the vision spanning
the sheet.  It reads the same; Graphviz only routes the lines more gracefully.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from din_graph._output import source_date
from din_graph._render._dot import COLUMN_WIDTH, LEVEL_STYLE, MARK_COLOURS, MARKER_WIDTH, STATUS_COLOURS, paper_size
from din_graph._render._sheet import Column, GoalBox, Row, Sheet, column_header_lines, row_meta, row_status
from din_graph._render._text import ROLE_STYLE, mpl_text, wrap

__all__ = ["sheet_bytes", "sheet_figure"]

LINE = 1.3  # line height as a multiple of the font size
GAP = 18.0
BAND = 120.0
PAD = 5.0


@dataclass
class _Box:
    x: float  # centre
    y: float  # top
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h


def _text_height(lines: int, size: float) -> float:
    return lines * size * LINE


def _goal_size(box: GoalBox, width: float) -> tuple[float, float]:
    size = {"vision": 12, "strategic_goal": 11, "operational_goal": 10, "external": 9}[box.level]
    height = _text_height(len(box.lines), size) + 2 * PAD
    for detail in box.details:
        height += _text_height(len(detail.lines) + (detail.status is not None), 8) + 3
    height += 12 if box.marks else 0
    height += 12 if box.status else 0
    return width, height


def _row_height(row: Row, words: dict[str, str]) -> float:
    height = _text_height(len(row.lines), 9) + _text_height(len(row_meta(row, words)), 7) + 2 * 3
    status = row_status(row, words)
    if status:
        height += _text_height(len(status[0]), 7)
    return height + (_text_height(1, 7) if row.marks else 0)


def _spread(targets: list[float], widths: list[float], left: float) -> list[float]:
    # Keep the order, centre each box on its target, push right where boxes would overlap.
    xs: list[float] = []
    edge = left
    for target, width in zip(targets, widths, strict=True):
        x = max(target, edge + width / 2)
        xs.append(x)
        edge = x + width / 2 + GAP
    return xs


def _layout(sheet: Sheet) -> tuple[dict[str, _Box], float, float, float]:
    words = sheet.words
    boxes: dict[str, _Box] = {}
    title_h = 24.0 + 15 * len(sheet.subtitle) + 40
    column_heights = [
        (_text_height(len(column_header_lines(c, words)), 9) + 6 if c.header else 0)
        + sum(_row_height(r, words) + 2 for r in c.rows)
        + 4
        for c in sheet.columns
    ]
    column_h = max(column_heights, default=0.0)
    # x of the columns
    for i, column in enumerate(sheet.columns):
        boxes[column.id] = _Box(BAND + GAP + COLUMN_WIDTH / 2 + i * (COLUMN_WIDTH + GAP), 0, COLUMN_WIDTH, column_h)
    right = BAND + GAP + len(sheet.columns) * (COLUMN_WIDTH + GAP)
    served: dict[str, list[float]] = {}
    for link in sheet.links:
        if link.tail in boxes:
            served.setdefault(link.head, []).append(boxes[link.tail].x)
    levels: list[tuple[str, list[GoalBox], float]] = [
        ("operational_goal", [*sheet.operational, *(b for b in sheet.external if b.rank == "operational_goal")], 220.0),
        ("strategic_goal", [*sheet.strategic, *(b for b in sheet.external if b.rank == "strategic_goal")], 280.0),
    ]
    heights: dict[str, float] = {}
    for level, items, width in levels:
        if not items:
            continue
        sizes = [_goal_size(b, width) for b in items]
        fallback = BAND + GAP + width / 2
        targets = []
        for b in items:
            xs = served.get(b.key)
            targets.append(sum(xs) / len(xs) if xs else fallback)
        xs = _spread(targets, [s[0] for s in sizes], BAND + GAP)
        heights[level] = max(s[1] for s in sizes)
        for b, x, (w, h) in zip(items, xs, sizes, strict=True):
            boxes[b.key] = _Box(x, 0, w, h)
            right = max(right, x + w / 2 + GAP)
        for link in sheet.links:
            if link.tail in {b.key for b in items}:
                served.setdefault(link.head, []).append(boxes[link.tail].x)
    if sheet.vision is not None:
        width = right - BAND - 2 * GAP
        lines = wrap(sheet.vision.tooltip, max(60, int(width / 6.2)), max_lines=5)
        vision = GoalBox(
            sheet.vision.key, "vision", "vision", tuple(lines), sheet.vision.tooltip, status=sheet.vision.status
        )
        boxes["__vision_box__"] = _Box(BAND + GAP + width / 2, 0, width, _goal_size(vision, width)[1])
        boxes[sheet.vision.key] = boxes["__vision_box__"]
        heights["vision"] = boxes[sheet.vision.key].h
    heights["effort"] = column_h
    owners_h = 0.0
    if sheet.owners:
        owners_h = max(_text_height(len(o.lines), 9) + 2 * PAD for o in sheet.owners)
        for i, owner in enumerate(sheet.owners):
            boxes[owner.key] = _Box(BAND + GAP + 80 + i * (160 + GAP), 0, 160, owners_h)
            right = max(right, BAND + GAP + (i + 1) * (160 + GAP))
        heights["owner"] = owners_h
    # y, top to bottom
    level_of = _levels_of(sheet)
    y = title_h
    band_y: dict[str, float] = {}
    for level in ("vision", "strategic_goal", "operational_goal", "effort", "owner"):
        if level not in heights:
            continue
        band_y[level] = y
        for key, box in boxes.items():
            if level_of.get(key) == level:
                box.y = y + (heights[level] - box.h) / 2 if level != "effort" else y
        y += heights[level] + 40
    boxes.update({f"band:{k}": _Box(BAND / 2, v, BAND, heights[k]) for k, v in band_y.items()})
    return boxes, right + GAP, y, title_h


def _levels_of(sheet: Sheet) -> dict[str, str]:
    """Box key -> the band it sits in."""
    out: dict[str, str] = {}
    if sheet.vision is not None:
        out[sheet.vision.key] = out["__vision_box__"] = "vision"
    out.update({box.key: "strategic_goal" for box in sheet.strategic})
    out.update({box.key: "operational_goal" for box in sheet.operational})
    out.update({box.key: box.rank for box in sheet.external})
    out.update({column.id: "effort" for column in sheet.columns})
    out.update({owner.key: "owner" for owner in sheet.owners})
    return out


@dataclass
class _Canvas:
    """The axes being drawn on, the sheet's scale, and a counter for the ids of node parts."""

    ax: Any
    scale: float
    words: dict[str, str]
    parts: int = 0

    def text(
        self, x: float, y: float, lines: list[str] | tuple[str, ...], size: float, *, of: str | None = None, **kw: Any
    ) -> None:
        if lines:
            shown = "\n".join(mpl_text(line) for line in lines)
            if of is not None:
                kw["gid"] = self.part_of(of)
            self.ax.text(x, y, shown, fontsize=size * self.scale, va="top", linespacing=LINE * 0.95, **kw)

    def part_of(self, key: str) -> str:
        """An id for one more part (words, marker) of node ``key``: the explorer fades and
        traces a node's parts with its box (``din:<key>``)."""
        self.parts += 1
        return f"din-part:{self.parts - 1}:{key}"


def sheet_figure(sheet: Sheet) -> Any:
    """A matplotlib ``Figure`` of the sheet, sized to the sheet's paper."""
    from matplotlib.figure import Figure

    boxes, width, height, _ = _layout(sheet)
    paper_w, paper_h = paper_size(sheet.paper, landscape=sheet.landscape)
    scale = min(paper_w * 72 / width, paper_h * 72 / height, 1.0)
    fig = Figure(figsize=(width * scale / 72, height * scale / 72))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    canvas = _Canvas(ax, scale, sheet.words)
    _draw_heading(canvas, sheet)
    _draw_band_labels(canvas, sheet, boxes)
    _draw_links(canvas, sheet, boxes)  # first, so the boxes lie on top of them
    _draw_goals(canvas, sheet, boxes)
    _draw_columns(canvas, sheet, boxes)
    _draw_owners(canvas, sheet, boxes)
    return fig


def _draw_heading(canvas: _Canvas, sheet: Sheet) -> None:
    """Title, subtitle and the legend line (roles, placeholder, the marks shown)."""
    from matplotlib.patches import Rectangle

    ax, text, words = canvas.ax, canvas.text, canvas.words
    text(BAND * 0.1, 8, [sheet.title], 20, color="#12395c", fontweight="bold")
    text(BAND * 0.1, 34, list(sheet.subtitle), 11, color="#404040")
    x = BAND * 0.1
    legend_y = 34 + 15 * len(sheet.subtitle) + 2
    text(x, legend_y, [words["legend"] + ":"], 8, fontweight="bold")
    x += 50
    for role, (_, marker) in ROLE_STYLE.items():
        label = words[f"role.{role}"]
        w = 14 + 5.2 * len(label)
        ax.add_patch(Rectangle((x, legend_y - 1), 12, 12, facecolor=marker, edgecolor="none"))
        text(x + 15, legend_y, [label], 8)
        x += w + 12
    pm_width = 5.4 * len(words["placeholder"]) + 8
    ax.add_patch(Rectangle((x, legend_y - 2), pm_width, 14, facecolor="none", edgecolor="#7f7f7f", linestyle="--"))
    text(x + 4, legend_y, [words["placeholder"]], 8)
    x += pm_width + 14
    for mark, option in (("orphan", "orphans"), ("uncovered", "uncovered"), ("fragile", "fragile")):
        if option in sheet.highlight:
            text(x, legend_y, [words[f"{mark}.legend"]], 8, color=MARK_COLOURS[mark], fontweight="bold")
            x += 5.0 * len(words[f"{mark}.legend"]) + 14


def _draw_band_labels(canvas: _Canvas, sheet: Sheet, boxes: dict[str, _Box]) -> None:
    """The level names in the left margin (VISIE, STRATEGISCHE DOELEN, ...)."""
    for level, label in sheet.levels.items():
        band = boxes.get(f"band:{level}")
        if band is not None:
            canvas.text(
                BAND - 6,
                band.y + band.h / 2 - 6,
                wrap(label.upper(), 16),
                10,
                color="#7f7f7f",
                ha="right",
                fontweight="bold",
                multialignment="right",
            )


def _draw_links(canvas: _Canvas, sheet: Sheet, boxes: dict[str, _Box]) -> None:
    """Arrows from columns and goals up to the goals they serve (dashed across programmes),
    thicker for more efforts; dashed lines from columns down to their owners."""
    from matplotlib.patches import FancyArrowPatch

    ax, scale = canvas.ax, canvas.scale
    for link in sheet.links:
        tail, head = boxes.get(link.tail), boxes.get(link.head)
        if tail is None or head is None:
            continue
        width_pt = min(3.5, 1.2 + 0.25 * max(0, len(link.efforts) - 1)) * scale
        ax.add_patch(
            FancyArrowPatch(
                (tail.x, tail.y),
                (head.x, head.bottom),
                arrowstyle="-|>",
                mutation_scale=9 * scale,
                color="#6f7f8f",
                linewidth=width_pt,
                connectionstyle="arc3,rad=0.0",
                shrinkA=0,
                shrinkB=0,
                linestyle="--" if link.head.split("/")[0] != sheet.programme else "-",
            )
        )
    for owner in sheet.owners:
        for column_id, _ in owner.columns:
            tail, head = boxes[column_id], boxes[owner.key]
            ax.plot([tail.x, head.x], [tail.bottom, head.y], color="#9f9f9f", linestyle="--", linewidth=scale)


def _draw_goals(canvas: _Canvas, sheet: Sheet, boxes: dict[str, _Box]) -> None:
    """The vision and goal boxes with their indicators, progress and marks."""
    from matplotlib.patches import FancyBboxPatch

    ax, scale, text, words = canvas.ax, canvas.scale, canvas.text, canvas.words
    for goal in sheet.goal_boxes():
        box = boxes[goal.key]
        fill, border, colour = LEVEL_STYLE[goal.level]
        lw = 1.0
        if goal.marks:
            border, lw = MARK_COLOURS[goal.marks[0]], 3.0
        left, top = box.x - box.w / 2, box.y
        ax.add_patch(
            FancyBboxPatch(
                (left, top),
                box.w,
                box.h,
                boxstyle="round,pad=0,rounding_size=6",
                facecolor=fill,
                edgecolor=border,
                linewidth=lw * scale,
                linestyle="--" if goal.level == "external" else "-",
                gid=f"din:{goal.key}",  # the explorer finds each drawn node by this id
            )
        )
        lines = goal.lines
        if goal.level == "vision":
            lines = tuple(wrap(goal.tooltip, max(60, int(box.w / 6.2)), max_lines=5))
        size = {"vision": 12, "strategic_goal": 11, "operational_goal": 10, "external": 9}[goal.level]
        text(left + PAD, top + PAD, lines, size, color=colour, of=goal.key)
        y = top + PAD + _text_height(len(lines), size) + 3
        for detail in goal.details:
            text(left + PAD, y, detail.lines, 8, color="#26384d", of=goal.key)
            y += _text_height(len(detail.lines), 8)
            if detail.status is not None:
                word = words.get(f"status.{detail.status}", words["status.no_data"])
                text(
                    left + PAD, y, ["● " + word], 8, color=STATUS_COLOURS[detail.status], fontweight="bold", of=goal.key
                )
                y += _text_height(1, 8)
            y += 3
        if goal.marks:
            text(
                left + PAD,
                y,
                [" ".join(words[m] for m in goal.marks)],
                7,
                color=MARK_COLOURS[goal.marks[0]],
                fontweight="bold",
                of=goal.key,
            )


def _draw_columns(canvas: _Canvas, sheet: Sheet, boxes: dict[str, _Box]) -> None:
    """The effort columns: a header, then each effort with its role marker, status and meta."""
    from matplotlib.patches import Rectangle

    for column in sheet.columns:
        box = boxes[column.id]
        left = box.x - box.w / 2
        canvas.ax.add_patch(
            Rectangle((left, box.y), box.w, box.h, facecolor="#ffffff", edgecolor="#7f7f7f", linewidth=canvas.scale)
        )
        y = _draw_column_header(canvas, column, left, box.w, box.y + 2)
        for row in column.rows:
            h = _row_height(row, canvas.words)
            if row.placeholder:
                _draw_placeholder_row(canvas, row, left, box.w, y, h)
            else:
                _draw_effort_row(canvas, row, left, box.w, y, h)
            y += h + 2


def _draw_column_header(canvas: _Canvas, column: Column, left: float, width: float, y: float) -> float:
    """The column's header band (red when it gathers unlinked efforts); returns the y below it."""
    from matplotlib.patches import Rectangle

    header = column_header_lines(column, canvas.words)
    if not header:
        return y
    h = _text_height(len(header), 9) + 4
    unlinked = column.header == canvas.words["unlinked"]
    canvas.ax.add_patch(
        Rectangle((left + 2, y), width - 4, h, facecolor="#f4cccc" if unlinked else "#e7e6e6", edgecolor="none")
    )
    canvas.text(left + 5, y + 2, header, 9, fontweight="bold")
    return y + h + 2


def _draw_placeholder_row(canvas: _Canvas, row: Row, left: float, width: float, y: float, h: float) -> None:
    """A placeholder: a dashed box in grey, its text and meta."""
    from matplotlib.patches import Rectangle

    canvas.ax.add_patch(
        Rectangle(
            (left + 2, y),
            width - 4,
            h,
            facecolor="none",
            edgecolor="#7f7f7f",
            linestyle="--",
            linewidth=canvas.scale,
            gid=f"din:{row.key}",
        )
    )
    canvas.text(left + 5, y + 3, row.lines, 9, color="#595959", fontweight="bold", of=row.key)
    meta = row_meta(row, canvas.words)
    canvas.text(left + 5, y + 3 + _text_height(len(row.lines), 9), meta, 7, color="#595959", of=row.key)


def _draw_effort_row(canvas: _Canvas, row: Row, left: float, width: float, y: float, h: float) -> None:
    """An effort: its role marker, then a box in the role's colour (edged by its first mark)."""
    from matplotlib.patches import Rectangle

    words = canvas.words
    fill, marker = ROLE_STYLE.get(row.role, ROLE_STYLE["unknown"])
    canvas.ax.add_patch(
        Rectangle((left + 2, y), MARKER_WIDTH, h, facecolor=marker, edgecolor="none", gid=canvas.part_of(row.key))
    )
    canvas.text(
        left + 2 + MARKER_WIDTH / 2,
        y + 3,
        [words[f"short.{row.role}"]],
        7,
        color="#ffffff",
        fontweight="bold",
        ha="center",
        of=row.key,
    )
    edge = MARK_COLOURS[row.marks[0]] if row.marks else "none"
    canvas.ax.add_patch(
        Rectangle(
            (left + 4 + MARKER_WIDTH, y),
            width - 6 - MARKER_WIDTH,
            h,
            facecolor=fill,
            edgecolor=edge,
            linewidth=2 * canvas.scale,
            gid=f"din:{row.key}",
        )
    )
    _draw_effort_text(canvas, row, left + 7 + MARKER_WIDTH, y + 3)


def _draw_effort_text(canvas: _Canvas, row: Row, x: float, y: float) -> None:
    """An effort's lines, then its status, meta and marks, each below the last."""
    words = canvas.words
    canvas.text(x, y, row.lines, 9, of=row.key)
    y += _text_height(len(row.lines), 9)
    status = row_status(row, words)
    if status:
        canvas.text(x, y, status[0], 7, color=status[1], fontweight="bold", of=row.key)
        y += _text_height(len(status[0]), 7)
    meta = row_meta(row, words)
    canvas.text(x, y, meta, 7, color="#404040", of=row.key)
    if row.marks:
        y += _text_height(len(meta), 7)
        marks = [" ".join(words[m] for m in row.marks)]
        canvas.text(x, y, marks, 7, color=MARK_COLOURS[row.marks[0]], fontweight="bold", of=row.key)


def _draw_owners(canvas: _Canvas, sheet: Sheet, boxes: dict[str, _Box]) -> None:
    """The owner boxes under the columns."""
    from matplotlib.patches import FancyBboxPatch

    ax, scale, text = canvas.ax, canvas.scale, canvas.text
    for owner in sheet.owners:
        box = boxes[owner.key]
        ax.add_patch(
            FancyBboxPatch(
                (box.x - box.w / 2, box.y),
                box.w,
                box.h,
                boxstyle="round,pad=0,rounding_size=5",
                facecolor="#f2f2f2",
                edgecolor="#7f7f7f",
                linewidth=scale,
                gid=f"din:{owner.key}",
            )
        )
        text(box.x, box.y + PAD, owner.lines, 9, ha="center", multialignment="center", of=owner.key)


def sheet_bytes(sheet: Sheet, fmt: str) -> bytes:
    """The sheet as SVG, PNG or PDF bytes; the same sheet gives the same bytes."""
    import matplotlib as mpl

    with mpl.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}):
        return figure_bytes(sheet_figure(sheet), fmt)


def figure_bytes(fig: Any, fmt: str) -> bytes:
    """A matplotlib figure as SVG, PNG or PDF bytes that depend on the figure alone.

    The SVG ids come from a fixed salt instead of a random one, and the only
    date recorded is ``SOURCE_DATE_EPOCH`` (none when it is unset), so two runs
    give the same bytes whatever the clock or ``PYTHONHASHSEED``.
    """
    import matplotlib as mpl

    when = source_date()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None
    metadatas: dict[str, dict[str, Any]] = {
        "svg": {"Date": stamp},
        "pdf": {"CreationDate": when, "ModDate": when},
        "png": {},
    }
    metadata = metadatas[fmt]
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": "din_graph"}):
        fig.savefig(buffer, format=fmt, dpi=150, metadata=metadata)
    return buffer.getvalue()
