"""The words din_graph shows users, in Dutch and English, for every surface.

One table per subject, each keyed by language then by a stable code, so that the
CLI, the report and the pictures say the same thing in the same words.  It starts
with the overlap words (bands, signals, the sentence that says why a pair is
listed, the review decisions); other subjects move here as they are touched.
This module imports nothing of din_graph: every layer may use it.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["OVERLAP_WORDS", "Lang", "overlap_word"]

Lang = Literal["nl", "en"]

#: Overlap words: band names, signal names, sentence templates, list notes.
OVERLAP_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        # bands (see docs/overlap.md for their bars)
        "band.likely": "waarschijnlijk",
        "band.possible": "mogelijk",
        # kinds of pair
        "kind.effort-effort": "inspanning–inspanning",
        "kind.goal-goal": "doel–doel",
        "kind.effort-goal": "inspanning–doel",
        # signals
        "signal.text": "tekst",
        "signal.owner": "trekker",
        "signal.partner": "partner",
        "signal.area": "gebied",
        "signal.link": "koppeling",
        "signal.related": "verwant programma",
        # the sentence that says why a pair is listed: a lead, then the parts found
        "why.words": "Beide noemen {words}",
        "why.similar": "De teksten lijken op elkaar",
        "why.effort-goal": "De inspanning kan bijdragen aan het doel: beide noemen {words}",
        "why.owner": "zelfde trekker ({shared})",
        "why.partner": "zelfde partner ({shared})",
        "why.area": "zelfde gebied ({shared})",
        "why.link": "gekoppeld in de bestanden",
        "why.related": "het contract noemt het andere programma",
        # review decisions and list notes
        "review.confirmed": "bevestigd",
        "review.dismissed": "afgewezen",
        "more": "en nog {n} paren",
        "none": "(geen overlap gevonden)",
        "dismissed": "{n} afgewezen paar/paren weggelaten (reviewbestand)",
        "stale": "reviewbestand: {a} – {b}: knoop {missing} bestaat niet meer",
        "programme_pairs": "programmaparen",
        "suggested_links": "voorgestelde koppelingen",
        "pairs": "paren",
        "column.rank": "#",
        "column.band": "band",
        "column.why": "waarom",
    },
    "en": {
        "band.likely": "likely",
        "band.possible": "possible",
        "kind.effort-effort": "effort–effort",
        "kind.goal-goal": "goal–goal",
        "kind.effort-goal": "effort–goal",
        "signal.text": "text",
        "signal.owner": "owner",
        "signal.partner": "partner",
        "signal.area": "area",
        "signal.link": "link",
        "signal.related": "related programme",
        "why.words": "Both name {words}",
        "why.similar": "The texts are alike",
        "why.effort-goal": "The effort may serve the goal: both name {words}",
        "why.owner": "same owner ({shared})",
        "why.partner": "same partner ({shared})",
        "why.area": "same area ({shared})",
        "why.link": "linked in the files",
        "why.related": "the contract names the other programme",
        "review.confirmed": "confirmed",
        "review.dismissed": "dismissed",
        "more": "and {n} more pairs",
        "none": "(no overlap found)",
        "dismissed": "{n} dismissed pair(s) left out (review file)",
        "stale": "review file: {a} – {b}: node {missing} no longer exists",
        "programme_pairs": "programme pairs",
        "suggested_links": "suggested links",
        "pairs": "pairs",
        "column.rank": "#",
        "column.band": "band",
        "column.why": "why",
    },
}


def overlap_word(code: str, lang: Lang = "nl", **fields: object) -> str:
    """The overlap word or sentence ``code`` in ``lang``, its ``{fields}`` filled in.

    Examples
    --------
    >>> overlap_word("more", "en", n=3)
    'and 3 more pairs'
    >>> overlap_word("band.likely")
    'waarschijnlijk'
    """
    text = OVERLAP_WORDS[lang][code]
    return text.format(**fields) if fields else text
