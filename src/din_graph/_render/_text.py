"""Colours and text handling shared by every drawing engine (the words are in din_graph._vocab).

Labels are Dutch by default with an English option; user text is cleaned
(control characters out, whitespace folded), wrapped and, for very long
titles, shortened with the full text kept for tooltips.  Escaping for a
particular output lives here too, and only here, so the DOT builder, the
matplotlib engine and the tests agree on it:

* Graphviz reads every label and tooltip as an *escString*, where ``\\N``,
  ``\\G``, ``\\L``, ``\\l``, ``\\r``, ``\\E``, ``\\T`` and ``\\H`` stand for names and
  line breaks; each backslash of user text is doubled once for a label
  (:func:`html`, :func:`dot_string`) and twice for a tooltip
  (:func:`dot_tooltip`: dot substitutes tooltips in two passes), so a title is
  drawn exactly as written.
* matplotlib reads text between two ``$`` as mathematics; :func:`mpl_text`
  escapes them.
"""

from __future__ import annotations

import textwrap
from typing import Literal

from din_graph._strings import clean, shorten

__all__ = [
    "ROLE_STYLE",
    "Lang",
    "clean",
    "dot_string",
    "dot_tooltip",
    "html",
    "mpl_text",
    "shorten",
    "wrap",
]

Lang = Literal["nl", "en"]

# Fill (light) and marker (strong) colours per role.  Okabe-Ito hues, so the
# roles stay apart for colour-blind readers; the marker also carries a word,
# so a grey print still says which role it is.
ROLE_STYLE: dict[str, tuple[str, str]] = {
    "lead": ("#d6e6f5", "#0b5394"),
    "line": ("#dcefe3", "#1b7f4b"),
    "coordination": ("#fdebc8", "#b86e00"),
    "partner": ("#ecdff3", "#7b3f98"),
    "residents": ("#fbdde2", "#b8324f"),
    "unknown": ("#ffffff", "#b3b3b3"),
}


def wrap(text: str, width: int, *, max_lines: int | None = None) -> list[str]:
    """Lines of at most ``width`` characters (longer words are broken), at most ``max_lines``.

    >>> wrap("Aanjagen verduurzamen woningen", 12)
    ['Aanjagen', 'verduurzamen', 'woningen']
    """
    text = clean(text)
    if not text:
        return [""]
    lines = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=True)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = shorten(kept[-1] + " " + lines[max_lines], width)
        if not kept[-1].endswith("…"):
            kept[-1] = kept[-1][: width - 1] + "…"
        return kept
    return lines


def html(text: str) -> str:
    r"""Escape text for a Graphviz HTML-like label (an XML fragment whose text is an escString).

    >>> html('"A" & <b>')
    '&quot;A&quot; &amp; &lt;b&gt;'
    >>> print(html("a\\Nb"))
    a\\Nb
    """
    return (
        clean(text)
        # dot substitutes \N, \G, ... in HTML-like labels too, after reading the entities
        .replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
        # Graphviz's HTML lexer fails on a text that starts with "]" or holds "]]"
        .replace("]", "&#93;")
    )


def dot_string(text: str) -> str:
    r"""A double-quoted DOT string for a label or a name; backslashes doubled so ``\N`` and ``\G`` stay literal.

    >>> print(dot_string('Zeg "hallo" \\N'))
    "Zeg \"hallo\" \\N"
    """
    body = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"'


def dot_tooltip(text: str) -> str:
    r"""A double-quoted DOT string for a ``tooltip``: dot substitutes escStrings in it twice.

    >>> print(dot_tooltip("a\\Nb"))
    "a\\\\Nb"
    """
    body = clean(text).replace("\\", "\\\\\\\\").replace('"', '\\"')
    return f'"{body}"'


def mpl_text(text: str) -> str:
    r"""Text for matplotlib, shown as written: whitespace folded and every ``$`` kept a dollar, not mathematics.

    >>> mpl_text("kosten $5 tot $10")
    'kosten \\$5 tot \\$10'
    """
    return clean(text).replace("$", "\\$")
