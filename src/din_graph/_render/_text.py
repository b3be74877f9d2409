"""Words, colours and text handling shared by every drawing engine.

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

import re
import textwrap
import unicodedata
from typing import Literal

__all__ = [
    "ROLE_STYLE",
    "STATUS_WORDS",
    "WORDS",
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

WORDS: dict[Lang, dict[str, str]] = {
    "nl": {
        "din": "Doelen-Inspanningen-Netwerk",
        "vision": "Visie",
        "strategic_goal": "Strategische doelen",
        "operational_goal": "Operationele doelen",
        "track": "Sporen",
        "effort": "Inspanningen",
        "owner": "Trekkers",
        "unlinked": "Niet gekoppeld",
        "continued": "vervolg",
        "municipality": "Gemeente",
        "source": "Bron",
        "manager": "Programmamanager",
        "owner_prefix": "trekker",
        "role.lead": "regie",
        "role.line": "lijn",
        "role.coordination": "afstemming",
        "role.partner": "partner",
        "role.residents": "inwoners",
        "role.unknown": "onbekend",
        "short.lead": "regie",
        "short.line": "lijn",
        "short.coordination": "afst.",
        "short.partner": "partner",
        "short.residents": "inw.",
        "short.unknown": "?",
        "kind.project": "project",
        "kind.activity": "activiteit",
        "kind.line_activity": "lijnactiviteit",
        "kind.study": "onderzoek",
        "kind.unknown": "",
        "placeholder": "PM: nog in te vullen",
        "legend": "Legenda",
        "orphan": "WEES",
        "orphan.legend": "wees: bereikt geen doel",
        "uncovered": "GEEN INSPANNING",
        "uncovered.legend": "doel zonder inspanning",
        "fragile": "KWETSBAAR",
        "fragile.legend": "kwetsbaar: rust op één inspanning of trekker",
        "status.on_track": "op koers",
        "status.behind": "achter",
        "status.off_track": "uit koers",
        "status.no_data": "geen meting",
        "status.legend": "voortgang: op koers / achter / uit koers",
        "baseline": "peil",
        "target": "streef",
        "actual": "gemeten",
        "year_unknown": "jaar onbekend",
        "more_indicators": "en {n} andere indicatoren",
        "other_programme": "ander programma",
        "overlap": "Overlap tussen programma's",
        "overlap.more": "+{n} andere inspanningen en doelen",
        "heatmap": "Overlap per programmapaar",
        "heatmap.score": "overlapscore",
        "chart.indicator": "Indicator",
        "chart.year": "jaar",
        "chart.owner_load": "Inspanningen per trekker",
        "chart.efforts": "aantal inspanningen",
        "chart.role_mix": "Rolverdeling per programma",
        "phase.planned": "gepland",
        "phase.preparing": "voorbereiding",
        "phase.tendering": "aanbesteding",
        "phase.running": "loopt",
        "phase.done": "gereed",
        "phase.stopped": "gestopt",
        "phase.unknown": "fase onbekend",
        "participation": "participatie",
        "municipality_role": "rol gemeente",
        "municipal.directing": "regisserend",
        "municipal.steering": "sturend",
        "municipal.enabling": "voorwaardenstellend",
        "municipal.programming": "programmerend",
        "municipal.accommodating": "accommoderend",
        "related": "relatie volgens contract",
        "chart.share": "aandeel inspanningen",
    },
    "en": {
        "din": "Goals-Efforts Network (DIN)",
        "vision": "Vision",
        "strategic_goal": "Strategic goals",
        "operational_goal": "Operational goals",
        "track": "Tracks",
        "effort": "Efforts",
        "owner": "Owners",
        "unlinked": "Not linked",
        "continued": "continued",
        "municipality": "Municipality of",
        "source": "Source",
        "manager": "Programme manager",
        "owner_prefix": "owner",
        "role.lead": "lead",
        "role.line": "line",
        "role.coordination": "coordination",
        "role.partner": "partner",
        "role.residents": "residents",
        "role.unknown": "unknown",
        "short.lead": "lead",
        "short.line": "line",
        "short.coordination": "coord.",
        "short.partner": "partner",
        "short.residents": "resid.",
        "short.unknown": "?",
        "kind.project": "project",
        "kind.activity": "activity",
        "kind.line_activity": "line activity",
        "kind.study": "study",
        "kind.unknown": "",
        "placeholder": "PM: still to be defined",
        "legend": "Legend",
        "orphan": "ORPHAN",
        "orphan.legend": "orphan: reaches no goal",
        "uncovered": "NO EFFORT",
        "uncovered.legend": "goal without effort",
        "fragile": "FRAGILE",
        "fragile.legend": "fragile: rests on one effort or owner",
        "status.on_track": "on track",
        "status.behind": "behind",
        "status.off_track": "off track",
        "status.no_data": "no measurement",
        "status.legend": "progress: on track / behind / off track",
        "baseline": "baseline",
        "target": "target",
        "actual": "actual",
        "year_unknown": "year unknown",
        "more_indicators": "and {n} more indicators",
        "other_programme": "other programme",
        "overlap": "Overlap between programmes",
        "overlap.more": "+{n} more efforts and goals",
        "heatmap": "Overlap per programme pair",
        "heatmap.score": "overlap score",
        "chart.indicator": "Indicator",
        "chart.year": "year",
        "chart.owner_load": "Efforts per owner",
        "chart.efforts": "number of efforts",
        "chart.role_mix": "Role mix per programme",
        "phase.planned": "planned",
        "phase.preparing": "preparing",
        "phase.tendering": "tendering",
        "phase.running": "running",
        "phase.done": "done",
        "phase.stopped": "stopped",
        "phase.unknown": "phase unknown",
        "participation": "participation",
        "municipality_role": "municipality's role",
        "municipal.directing": "directing",
        "municipal.steering": "steering",
        "municipal.enabling": "enabling",
        "municipal.programming": "programming",
        "municipal.accommodating": "accommodating",
        "related": "relation stated in the contract",
        "chart.share": "share of efforts",
    },
}

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


#: Progress status -> its word, for every text that names a status (sheet, reports, CLI).
STATUS_WORDS: dict[Lang, dict[str, str]] = {
    lang: {status: words[f"status.{status}"] for status in ("on_track", "behind", "off_track", "no_data")}
    for lang, words in WORDS.items()
}
