"""Small HTML tables for notebook display (``_repr_html_``); every cell is escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["html_table"]

_STYLE = "border-collapse:collapse;font-size:90%"
_CELL = "border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top"


def html_table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str = "", limit: int = 50) -> str:
    """An HTML table of at most ``limit`` rows, with a note on how many were left out.

    >>> "&lt;b&gt;" in html_table(["a"], [["<b>"]])
    True
    """
    items = list(rows)
    head = "".join(f'<th style="{_CELL}">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_CELL}">{escape(str(c))}</td>' for c in row) + "</tr>" for row in items[:limit]
    )
    cap = f"<caption style='text-align:left'><b>{escape(caption)}</b></caption>" if caption else ""
    more = f"<p>… {len(items) - limit} more</p>" if len(items) > limit else ""
    return f'<table style="{_STYLE}">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}'
