"""The words din_graph shows users, in Dutch and English, for every surface.

One table per subject, each keyed by language then by a stable code, so that the
CLI, the report and the pictures say the same thing in the same words.  It starts
with the overlap words (bands, signals, the sentence that says why a pair is
listed, the review decisions); other subjects move here as they are touched.
This module imports nothing of din_graph: every layer may use it.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["EXPLORE_WORDS", "OVERLAP_WORDS", "Lang", "overlap_word"]

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


#: The explorer's words (din explore); the levels, roles, phases and marks it shows are the sheet's.
EXPLORE_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "explore.title": "Verkenner",
        "explore.search": "Zoek een doel of inspanning",
        "explore.portfolio": "Portfolio",
        "explore.one_level": "Eén niveau",
        "explore.fit": "Passend",
        "explore.clear": "Wissen (Esc)",
        "explore.filters": "Filters",
        "explore.all": "alle",
        "explore.fade": "vervagen",
        "explore.hide": "verbergen",
        "explore.filter.programme": "Programma",
        "explore.filter.level": "Niveau",
        "explore.filter.role": "Rol",
        "explore.filter.phase": "Fase",
        "explore.filter.owner": "Trekker",
        "explore.filter.area": "Gebied",
        "explore.filter.finding": "Bevinding",
        "explore.details": "Details",
        "explore.nothing": "Klik op een doel of inspanning (of Tab en Enter): wat dient het, en wat dient het?",
        "explore.field.level": "Niveau",
        "explore.field.programme": "Programma",
        "explore.field.description": "Toelichting",
        "explore.field.criteria": "Dat betekent dat",
        "explore.field.role": "Rol",
        "explore.field.kind": "Soort",
        "explore.field.phase": "Fase",
        "explore.field.status": "Status (zoals geschreven)",
        "explore.field.owner": "Trekker",
        "explore.field.partners": "Partners",
        "explore.field.areas": "Gebieden",
        "explore.field.budget": "Budget",
        "explore.field.hours": "Uren per week",
        "explore.field.planning": "Planning",
        "explore.field.indicators": "Indicatoren",
        "explore.field.progress": "Voortgang",
        "explore.field.findings": "Bevindingen",
        "explore.field.source": "Bron",
        "explore.field.overlaps": "Mogelijke overlap",
        "explore.field.note": "Opmerking",
        "explore.lines": "regels",
        "explore.trace.up": "Dient (omhoog)",
        "explore.trace.down": "Wordt gediend door (omlaag)",
        "explore.trace.owner": "Trekkers",
        "explore.trace.elsewhere": "in een ander programma",
        "explore.selected": "Geselecteerd",
        "explore.match": "Zoekresultaat",
        "explore.faded": "Buiten filter of spoor",
        "explore.legend": "Legenda",
        "explore.matches": "{n} gevonden",
        "explore.no_matches": "Niets gevonden",
        "explore.save_svg": "Opslaan als SVG",
        "explore.save_png": "Opslaan als PNG",
        "explore.print": "Afdrukken",
        "explore.review": "Overlap beoordelen",
        "explore.review.intro": "Beste eerst. Bevestig of wijs af; download het reviewbestand (din overlap --review).",
        "explore.confirm": "Bevestigen",
        "explore.dismiss": "Afwijzen",
        "explore.undo": "Ongedaan",
        "explore.download_review": "Reviewbestand downloaden",
        "explore.no_overlap": "Geen overlap gevonden.",
        "explore.more_pairs": "en nog {n} paren (din overlap toont ze allemaal)",
        "explore.relations": "Relaties die de contracten noemen",
        "explore.large": "Groot portfolio ({n} inspanningen): de verkenner toont één programma tegelijk.",
        "explore.efforts": "inspanningen",
        "explore.missing_drawing": "Geen tekening (Graphviz ontbreekt); zoeken, details en overlap werken wel.",
    },
    "en": {
        "explore.title": "Explorer",
        "explore.search": "Search a goal or effort",
        "explore.portfolio": "Portfolio",
        "explore.one_level": "One level",
        "explore.fit": "Fit to window",
        "explore.clear": "Clear (Esc)",
        "explore.filters": "Filters",
        "explore.all": "all",
        "explore.fade": "fade",
        "explore.hide": "hide",
        "explore.filter.programme": "Programme",
        "explore.filter.level": "Level",
        "explore.filter.role": "Role",
        "explore.filter.phase": "Phase",
        "explore.filter.owner": "Owner",
        "explore.filter.area": "Area",
        "explore.filter.finding": "Finding",
        "explore.details": "Details",
        "explore.nothing": "Click a goal or effort (or Tab and Enter) to see what it serves and what serves it.",
        "explore.field.level": "Level",
        "explore.field.programme": "Programme",
        "explore.field.description": "Explanation",
        "explore.field.criteria": "Success criteria",
        "explore.field.role": "Role",
        "explore.field.kind": "Kind",
        "explore.field.phase": "Phase",
        "explore.field.status": "Status (as written)",
        "explore.field.owner": "Owner",
        "explore.field.partners": "Partners",
        "explore.field.areas": "Areas",
        "explore.field.budget": "Budget",
        "explore.field.hours": "Hours per week",
        "explore.field.planning": "Planning",
        "explore.field.indicators": "Indicators",
        "explore.field.progress": "Progress",
        "explore.field.findings": "Findings",
        "explore.field.source": "Source",
        "explore.field.overlaps": "Possible overlap",
        "explore.field.note": "Note",
        "explore.lines": "lines",
        "explore.trace.up": "Serves (up)",
        "explore.trace.down": "Served by (down)",
        "explore.trace.owner": "Owners",
        "explore.trace.elsewhere": "in another programme",
        "explore.selected": "Selected",
        "explore.match": "Search match",
        "explore.faded": "Outside filter or trace",
        "explore.legend": "Legend",
        "explore.matches": "{n} found",
        "explore.no_matches": "Nothing found",
        "explore.save_svg": "Save as SVG",
        "explore.save_png": "Save as PNG",
        "explore.print": "Print",
        "explore.review": "Review overlap",
        "explore.review.intro": "Best first. Confirm or dismiss, then download the review file (din overlap --review).",
        "explore.confirm": "Confirm",
        "explore.dismiss": "Dismiss",
        "explore.undo": "Undo",
        "explore.download_review": "Download review file",
        "explore.no_overlap": "No overlap found.",
        "explore.more_pairs": "and {n} more pairs (din overlap lists them all)",
        "explore.relations": "Relations the contracts state",
        "explore.large": "Large portfolio ({n} efforts): the explorer shows one programme at a time.",
        "explore.efforts": "efforts",
        "explore.missing_drawing": "No drawing (Graphviz is missing); search, details and overlap still work.",
    },
}
