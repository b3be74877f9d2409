"""Plain-text and notebook-table helpers every layer may use (nothing of din_graph imported).

:func:`clean` and :func:`shorten` tidy user text for any surface; :func:`html_table`
makes the small escaped tables that results show in a notebook (``_repr_html_``).
They sit at the bottom so that analyses need not reach up into rendering for them.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["clean", "html_table", "shorten"]

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


_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Fold whitespace (newlines included) and drop control and format characters.

    >>> clean("Groen\\n  in de\\twijk\\x07")
    'Groen in de wijk'
    """
    kept = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch)[0] != "C")
    return _SPACE.sub(" ", kept).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis.

    >>> shorten("Meer groen en minder verhard terrein", 20)
    'Meer groen en…'
    """
    text = clean(text)
    if len(text) <= limit:
        return text
    return textwrap.shorten(text, width=limit, placeholder="…") if " " in text[:limit] else text[: limit - 1] + "…"
