"""The words din_graph shows users, in Dutch and English, for every surface.

One table per subject, each keyed by language then by a stable code, so that the
CLI, the report, the sheets and pictures, the findings, diff, overlap and the
explorer say the same thing in the same words: the sheet's words (levels, roles,
phases, marks, chart labels), indicator status, the report's headings, din's own
(summary, progress, check, diff), finding messages and their parts, the diff's
sentences, the overlap words (bands, signals, the sentence that says why a pair
is listed) and the explorer's.  :data:`VOCABULARY` holds them all by topic and
:func:`word` looks one up; ``tests/test_vocab.py`` holds every key to a Dutch
and an English word.  This module imports nothing of din_graph: every layer may
use it.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "CLI_WORDS",
    "DIFF_WORDS",
    "EXPLORE_WORDS",
    "FINDING_DEFINITIONS",
    "FINDING_MESSAGES",
    "FINDING_WORDS",
    "OVERLAP_WORDS",
    "PROGRESS_WORDS",
    "REPORT_WORDS",
    "SHEET_WORDS",
    "STATUS_WORDS",
    "SUMMARY_WORDS",
    "VOCABULARY",
    "Lang",
    "overlap_word",
    "word",
]

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
        "kind.goal-effort": "doel–inspanning",
        # signals
        "signal.text": "tekst",
        "signal.owner": "trekker",
        "signal.partner": "partner",
        "signal.area": "gebied",
        "signal.elsewhere": "ander gebied",
        "signal.link": "koppeling",
        "signal.related": "verwant programma",
        "signal.subject": "onderwerp",
        # the sentence that says why a pair is listed: a lead, then the parts found
        "why.words": "Beide noemen {words}",
        "why.similar": "De teksten lijken op elkaar",
        "why.effort-goal": "De inspanning kan bijdragen aan het doel: beide noemen {words}",
        "why.subject.lead": "Beide gaan over {subjects}",
        "why.effort-goal.subject": "De inspanning kan bijdragen aan het doel: beide gaan over {subjects}",
        "why.subject": "beide gaan over {subjects}",
        "why.subjects.and": " en ",
        "why.owner": "zelfde trekker ({shared})",
        "why.partner": "zelfde partner ({shared})",
        "why.area": "zelfde gebied ({shared})",
        "why.elsewhere": "wel elk in een ander gebied ({shared})",
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
        "kind.goal-effort": "goal–effort",
        "signal.text": "text",
        "signal.owner": "owner",
        "signal.partner": "partner",
        "signal.area": "area",
        "signal.elsewhere": "another area",
        "signal.link": "link",
        "signal.related": "related programme",
        "signal.subject": "subject",
        "why.words": "Both name {words}",
        "why.similar": "The texts are alike",
        "why.effort-goal": "The effort may serve the goal: both name {words}",
        "why.subject.lead": "Both are about {subjects}",
        "why.effort-goal.subject": "The effort may serve the goal: both are about {subjects}",
        "why.subject": "both are about {subjects}",
        "why.subjects.and": " and ",
        "why.owner": "same owner ({shared})",
        "why.partner": "same partner ({shared})",
        "why.area": "same area ({shared})",
        "why.elsewhere": "but each in another area ({shared})",
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


#: The sheet's and pictures' words: levels, roles, phases, marks, legends, chart labels.
SHEET_WORDS: dict[str, dict[str, str]] = {
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


#: Progress status -> its word, for every text that names a status (sheet, reports, CLI).
#: Indicator progress status words (report, din progress, explorer).
STATUS_WORDS: dict[str, dict[str, str]] = {
    lang: {status: words[f"status.{status}"] for status in ("on_track", "behind", "off_track", "no_data")}
    for lang, words in SHEET_WORDS.items()
}


#: The report's headings, table columns and sentences.
REPORT_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "report": "Rapportage",
        "made": "Gemaakt met din_graph {version}.",
        "summary": "Overzicht",
        "programme": "programma",
        "goals": "doelen",
        "efforts": "inspanningen",
        "placeholders": "PM",
        "owners": "trekkers",
        "warnings": "waarschuwingen",
        "infos": "opmerkingen",
        "sheet": "Doelen-Inspanningen-Netwerk",
        "sheet.alt": "DIN van {name}",
        "findings": "Bevindingen",
        "no_findings": "Geen bevindingen.",
        "severity": "ernst",
        "code": "code",
        "node": "onderdeel",
        "message": "bevinding",
        "warning": "waarschuwing",
        "info": "opmerking",
        "progress": "Voortgang van de indicatoren",
        "no_indicators": "Dit programma heeft geen indicatoren.",
        "goal": "doel",
        "indicator": "indicator",
        "baseline": "peilwaarde",
        "target": "streefwaarde",
        "actual": "laatste meting",
        "status": "status",
        "overlap": "Overlap tussen programma's",
        "overlap.intro": "Paren van inspanningen en doelen uit verschillende programma's die op elkaar lijken, "
        "de sterkste eerst, elk met een band (waarschijnlijk of mogelijk) en waarom het paar in de lijst staat "
        "(gedeelde woorden, trekker, partner, gebied, koppeling).",
        "no_overlap": "Geen overlap boven de drempel.",
        "score": "score",
        "a": "a",
        "b": "b",
        "evidence": "bewijs",
        "pairs": "Programmaparen",
        "count": "paren",
        "links": "Voorgestelde koppelingen",
        "links.intro": "Een inspanning van het ene programma waarvan de tekst past bij een doel van een ander.",
        "effort": "inspanning",
        "picture": "Programma's naast elkaar, overlap als lijnen",
        "heatmap": "Overlap per programmapaar",
        "source": "Bron: {source}.",
        "lines": "r. {lines}",
        "stand": "Stand van de inspanningen",
        "stand.intro": "De status zoals de bron die noemt; de fase is daaruit afgeleid (of door de auteur gegeven).",
        "phase": "fase",
        "relations": "Relaties volgens het contract",
        "relations.intro": "Relaties met andere programma's die het contract zelf noemt; los van de overlap "
        "die din_graph voorstelt.",
        "related": "verwant programma",
        "topics": "onderwerpen",
        "in_portfolio": "in deze portefeuille",
        "not_in_portfolio": "niet in deze portefeuille",
        "images_folder": "afbeeldingen",
    },
    "en": {
        "report": "Report",
        "made": "Made with din_graph {version}.",
        "summary": "Summary",
        "programme": "programme",
        "goals": "goals",
        "efforts": "efforts",
        "placeholders": "placeholders",
        "owners": "owners",
        "warnings": "warnings",
        "infos": "notes",
        "sheet": "Goals-efforts network (DIN)",
        "sheet.alt": "DIN of {name}",
        "findings": "Findings",
        "no_findings": "No findings.",
        "severity": "severity",
        "code": "code",
        "node": "node",
        "message": "finding",
        "warning": "warning",
        "info": "note",
        "progress": "Indicator progress",
        "no_indicators": "This programme has no indicators.",
        "goal": "goal",
        "indicator": "indicator",
        "baseline": "baseline",
        "target": "target",
        "actual": "latest actual",
        "status": "status",
        "overlap": "Overlap between programmes",
        "overlap.intro": "Pairs of efforts and goals of different programmes that resemble each other, "
        "strongest first, each with a band (likely or possible) and why it is listed "
        "(shared words, owner, partner, area, link).",
        "no_overlap": "No overlap above the threshold.",
        "score": "score",
        "a": "a",
        "b": "b",
        "evidence": "evidence",
        "pairs": "Programme pairs",
        "count": "pairs",
        "links": "Suggested links",
        "links.intro": "An effort of one programme whose text matches a goal of another.",
        "effort": "effort",
        "picture": "Programmes side by side, overlaps as lines",
        "heatmap": "Overlap per programme pair",
        "source": "Source: {source}.",
        "lines": "lines {lines}",
        "stand": "Where the efforts stand",
        "stand.intro": "The status as the source words it; the phase is recognised from it (or given by the author).",
        "phase": "phase",
        "relations": "Relations the contract states",
        "relations.intro": "Relations to other programmes that the contract itself names; apart from the "
        "overlaps din_graph suggests.",
        "related": "related programme",
        "topics": "topics",
        "in_portfolio": "in this portfolio",
        "not_in_portfolio": "not in this portfolio",
        "images_folder": "images",
    },
}


#: din summary: level names and counts.
SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "vision": "Visie",
        "strategic_goal": "Strategische doelen",
        "operational_goal": "Operationele doelen",
        "effort": "Inspanningen",
        "owner": "Eigenaren",
        "placeholder": "PM",
        "unlinked": "niet gekoppeld",
        "track": "sporen",
        "period": "periode",
        "programmes": "programma's",
    },
    "en": {
        "vision": "Vision",
        "strategic_goal": "Strategic goals",
        "operational_goal": "Operational goals",
        "effort": "Efforts",
        "owner": "Owners",
        "placeholder": "Placeholders",
        "unlinked": "unlinked",
        "track": "tracks",
        "period": "period",
        "programmes": "programmes",
    },
}


#: din progress: its heading, columns, levels and phases.
PROGRESS_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Voortgang",
        "latest": "(laatste meting)",
        "level": "niveau",
        "goal": "doel",
        "status": "status",
        "efforts": "inspanningen",
        "vision": "visie",
        "strategic_goal": "strategisch",
        "operational_goal": "operationeel",
        "planned": "gepland",
        "preparing": "voorbereiding",
        "tendering": "aanbesteding",
        "running": "lopend",
        "done": "afgerond",
        "stopped": "gestopt",
        "unknown": "onbekend",
    },
    "en": {
        "title": "Progress",
        "latest": "(latest actuals)",
        "level": "level",
        "goal": "goal",
        "status": "status",
        "efforts": "efforts",
        "vision": "vision",
        "strategic_goal": "strategic",
        "operational_goal": "operational",
        "planned": "planned",
        "preparing": "preparing",
        "tendering": "tendering",
        "running": "running",
        "done": "done",
        "stopped": "stopped",
        "unknown": "unknown",
    },
}


#: The parts finding messages are built from.
FINDING_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "strategic_goal": "strategisch doel",
        "operational_goal": "operationeel doel",
        "cover_operational_goal": "inspanning",
        "cover_strategic_goal": "operationeel doel en geen inspanning",
        "pm": " (alleen PM: {pms})",
        "vision": " (alleen aan de visie gekoppeld)",
        "one_effort": "één inspanning: '{title}'",
        "one_owner": "één eigenaar: '{owner}' ({n} inspanningen)",
        "hours": ", {low:g} uur per week tegen een capaciteit van {cap:g}",
        "lost": "jaar van streefwaarde verloren ({labels})",
        "text": "streefwaarde als tekst ({values})",
        "and": "; ",
        "vision_level": "de visie van '{name}'",
        "programme": "programma '{name}'",
        "goal": "doel '{title}'",
        "no-indicator": "geen indicator",
        "no-target": "geen streefwaarde met jaar",
        "target-year-unknown": "streefjaar onbekend",
        "target-not-numeric": "streefwaarde als tekst",
        "target-outside-period": "streefjaar buiten de programmaperiode",
        "no-baseline": "geen peilwaarde",
        "no_goal": "geen doel",
    },
    "en": {
        "strategic_goal": "strategic goal",
        "operational_goal": "operational goal",
        "cover_operational_goal": "effort",
        "cover_strategic_goal": "operational goal and no effort",
        "pm": " (placeholders only: {pms})",
        "vision": " (linked to the vision only)",
        "one_effort": "one effort: '{title}'",
        "one_owner": "one owner: '{owner}' ({n} efforts)",
        "hours": ", {low:g} hours a week against a capacity of {cap:g}",
        "lost": "target year lost ({labels})",
        "text": "target given as text ({values})",
        "and": "; ",
        "vision_level": "the vision of '{name}'",
        "programme": "programme '{name}'",
        "goal": "goal '{title}'",
        "no-indicator": "no indicator",
        "no-target": "no target with a year",
        "target-year-unknown": "target year unknown",
        "target-not-numeric": "target given as text",
        "target-outside-period": "target year outside the programme period",
        "no-baseline": "no baseline",
        "no_goal": "no goal",
    },
}


#: What each finding code means (din check --codes, the report's legend, the explorer).
FINDING_DEFINITIONS: dict[str, dict[str, str]] = {
    "nl": {
        "too-many-missions": "De portefeuille heeft meer dan zeven opgaven; zo stuurt niemand meer.",
        "no-vision": "Het programma heeft geen visie.",
        "support-stopped": "Een doel waarvan alle inspanningen gestopt zijn (fase uit de status).",
        "orphan-effort": "Een inspanning zonder pad naar enig doel (ook niet van een ander programma).",
        "uncovered-goal": (
            "Een operationeel doel zonder inspanning, of een strategisch doel zonder operationeel doel en "
            "zonder inspanning. PM telt niet als dekking."
        ),
        "not-smart": (
            "Een operationeel doel zonder indicator met een streefwaarde en een jaar, met een streefjaar "
            "buiten de programmaperiode, of met een indicator zonder peilwaarde."
        ),
        "single-point-of-failure": (
            "Een doel waarvan alle steun via één inspanning loopt, of via inspanningen van één eigenaar."
        ),
        "owner-overload": (
            "Een eigenaar met meer inspanningen dan de grens, of met inspanningen die meer uren vragen dan "
            "zijn capaciteit."
        ),
        "open-placeholder": "Een PM-plek: een inspanning die nog ingevuld moet worden.",
        "incomplete-indicator": (
            "Een indicator met een streefwaarde zonder jaar (in de bron verloren) of als tekst (ntb.)."
        ),
        "lone-goal": (
            "Een doelniveau met één doel: één strategisch doel in een programma, of één operationeel doel "
            "onder een strategisch doel."
        ),
        "effort-without-owner": "Een inspanning zonder trekker.",
        "roles-unknown": (
            "Van meer dan de helft van de inspanningen van het programma is de rol (regie, lijn, afstemming "
            "...) onbekend."
        ),
        "owner-in-several-programmes": (
            "Een eigenaar die in meer dan één programma inspanningen trekt of genoemd wordt."
        ),
        "hours-uncounted": (
            "Een eigenaar wiens uren (of die van zijn inspanningen) als tekst staan (fulltime, pm) en dus "
            "niet meetellen in de belasting."
        ),
        "kernopgaven-count": (
            "Een programma met minder of meer kernopgaven (strategische doelen) dan de bandbreedte (standaard 5-7)."
        ),
    },
    "en": {
        "too-many-missions": "The portfolio has more than seven missions (opgaven); too many to steer by.",
        "no-vision": "The programme has no vision.",
        "support-stopped": "A goal all of whose supporting efforts are stopped (phase from their status).",
        "orphan-effort": "An effort with no contributes_to path to a goal of any programme.",
        "uncovered-goal": (
            "An operational goal with no effort, or a strategic goal with no operational goal and no effort. "
            "Placeholders (PM) do not count as cover."
        ),
        "not-smart": (
            "An operational goal without an indicator that has a numeric target for a known year, with a "
            "target year outside the programme period, or with an indicator lacking a baseline."
        ),
        "single-point-of-failure": (
            "A goal all of whose support runs through one effort, or through efforts of one owner."
        ),
        "owner-overload": (
            "An owner carrying more efforts than the limit, or efforts asking more hours than its capacity."
        ),
        "open-placeholder": "A placeholder (PM): an effort still to be defined.",
        "incomplete-indicator": (
            "An indicator with a target whose year the source lost, or a target given as text (ntb.)."
        ),
        "lone-goal": (
            "A goal level holding a single goal: one strategic goal in a programme, or one operational goal "
            "under a strategic goal."
        ),
        "effort-without-owner": "An effort with no owner.",
        "roles-unknown": (
            "For more than half of the programme's efforts the role (lead, line, coordination ...) is unknown."
        ),
        "owner-in-several-programmes": "An owner carrying efforts in, or listed by, more than one programme.",
        "hours-uncounted": (
            "An owner whose hours (or its efforts') are written as text (fulltime, pm), so the load cannot count them."
        ),
        "kernopgaven-count": (
            "A programme with fewer or more kernopgaven (strategic goals) than the range (default 5-7)."
        ),
    },
}

#: Finding messages by code (din check, report, explorer), their fields filled in by check.
FINDING_MESSAGES: dict[str, dict[str, str]] = {
    "nl": {
        "too-many-missions": "{count} opgaven (meer dan {limit})",
        "no-vision": "programma '{name}' heeft geen visie",
        "orphan-effort": "inspanning '{title}' draagt aan geen enkel doel bij{vision}",
        "uncovered-goal": "{level} '{title}' heeft geen {cover}{pm}",
        "not-smart": "operationeel doel '{title}' is niet SMART: {reasons}",
        "single-point-of-failure": "doel '{title}' hangt af van {what}",
        "owner-overload": "'{owner}' trekt {efforts} inspanningen{hours}",
        "open-placeholder": "'{title}' voor {targets} is nog niet ingevuld",
        "incomplete-indicator": "indicator '{indicator}': {what}",
        "lone-goal": "{where} heeft maar één {level}: '{title}'",
        "effort-without-owner": "inspanning '{title}' heeft geen trekker",
        "roles-unknown": "rol onbekend bij {unknown} van {total} inspanningen",
        "owner-in-several-programmes": "'{owner}' komt voor in {count} programma's: {programmes}",
        "support-stopped": "alle {count} inspanningen voor doel '{title}' zijn gestopt",
        "hours-uncounted": "uren van '{owner}' niet te tellen: {texts}",
        "kernopgaven-count": "programma '{name}' heeft {count} kernopgaven (strategische doelen), buiten {low}-{high}",
    },
    "en": {
        "too-many-missions": "{count} missions (more than {limit})",
        "no-vision": "programme '{name}' has no vision",
        "orphan-effort": "effort '{title}' contributes to no goal{vision}",
        "uncovered-goal": "{level} '{title}' has no {cover}{pm}",
        "not-smart": "operational goal '{title}' is not SMART: {reasons}",
        "single-point-of-failure": "goal '{title}' depends on {what}",
        "owner-overload": "'{owner}' carries {efforts} efforts{hours}",
        "open-placeholder": "'{title}' for {targets} is still to be filled",
        "incomplete-indicator": "indicator '{indicator}': {what}",
        "lone-goal": "{where} has a single {level}: '{title}'",
        "effort-without-owner": "effort '{title}' has no owner",
        "roles-unknown": "role unknown for {unknown} of {total} efforts",
        "owner-in-several-programmes": "'{owner}' appears in {count} programmes: {programmes}",
        "support-stopped": "all {count} efforts for goal '{title}' are stopped",
        "hours-uncounted": "hours of '{owner}' cannot be counted: {texts}",
        "kernopgaven-count": "programme '{name}' has {count} kernopgaven (strategic goals), outside {low}-{high}",
    },
}


#: din's own words: findings lists (check), diff headings.
CLI_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "severity.warning": "waarschuwing",
        "severity.info": "info",
        "portfolio": "portefeuille",
        "Portfolio": "Portefeuille",
        "findings": "bevindingen",
        "column.code": "Code",
        "column.severity": "Ernst",
        "column.node": "Knoop",
        "column.finding": "Bevinding",
        "changes": "Wijzigingen",
        "no_changes": "geen wijzigingen",
    },
    "en": {
        "severity.warning": "warning",
        "severity.info": "info",
        "portfolio": "portfolio",
        "Portfolio": "Portfolio",
        "findings": "findings",
        "column.code": "Code",
        "column.severity": "Severity",
        "column.node": "Node",
        "column.finding": "Finding",
        "changes": "Changes",
        "no_changes": "no changes",
    },
}


def _role_words(lang: Lang) -> dict[str, str]:
    """The role words as the sheet writes them: a change of role reads the same in a diff."""
    return {k: v for k, v in SHEET_WORDS[lang].items() if k.startswith("role.")}


#: The sentences of din diff: verbs, and the names of levels, fields and roles.
DIFF_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "added": "toegevoegd",
        "removed": "verwijderd",
        "renamed": "heet nu",
        "links_of": "koppelingen van",
        "indicators_of": "indicatoren van",
        "of": "van",
        "targets": "streefwaarde",
        "actuals": "realisatie",
        "order": "(volgorde)",
        "level.strategic_goal": "strategisch doel",
        "level.operational_goal": "operationeel doel",
        "level.effort": "inspanning",
        "level.placeholder": "PM",
        "level.owner": "trekker",
        "level.programme": "programma",
        "field.title": "titel",
        "field.description": "omschrijving",
        "field.owner": "trekker",
        "field.role": "rol",
        "field.kind": "soort",
        "field.status": "status",
        "field.partners": "partners",
        "field.areas": "gebieden",
        "field.track": "spoor",
        "field.name": "naam",
        "field.criteria": "criteria",
        "field.budget": "budget",
        "field.planning": "planning",
        "field.note": "opmerking",
        "field.type": "type",
        "field.hours_per_week": "uren per week",
        "field.vision": "visie",
        "field.period": "periode",
        "field.manager": "programmamanager",
        "field.sponsors": "opdrachtgevers",
        **_role_words("nl"),
    },
    "en": {
        "added": "added",
        "removed": "removed",
        "renamed": "is now",
        "links_of": "links of",
        "indicators_of": "indicators of",
        "of": "of",
        "targets": "target",
        "actuals": "actual",
        "order": "(order)",
        "level.strategic_goal": "strategic goal",
        "level.operational_goal": "operational goal",
        "level.effort": "effort",
        "level.placeholder": "placeholder",
        "level.owner": "owner",
        "level.programme": "programme",
        "field.title": "title",
        "field.description": "description",
        "field.owner": "owner",
        "field.role": "role",
        "field.kind": "kind",
        "field.status": "status",
        "field.partners": "partners",
        "field.areas": "areas",
        "field.track": "track",
        "field.name": "name",
        "field.criteria": "criteria",
        "field.budget": "budget",
        "field.planning": "planning",
        "field.note": "note",
        "field.type": "type",
        "field.hours_per_week": "hours per week",
        "field.vision": "vision",
        "field.period": "period",
        "field.manager": "manager",
        "field.sponsors": "sponsors",
        **_role_words("en"),
    },
}

#: Every table above by topic; :func:`word` looks a word up in one of them.
VOCABULARY: dict[str, dict[str, dict[str, str]]] = {
    "sheet": SHEET_WORDS,
    "status": STATUS_WORDS,
    "report": REPORT_WORDS,
    "summary": SUMMARY_WORDS,
    "progress": PROGRESS_WORDS,
    "finding": FINDING_WORDS,
    "finding_message": FINDING_MESSAGES,
    "finding_definition": FINDING_DEFINITIONS,
    "overlap": OVERLAP_WORDS,
    "explore": EXPLORE_WORDS,
    "cli": CLI_WORDS,
    "diff": DIFF_WORDS,
}


def word(topic: str, key: str, lang: str = "nl", **fields: object) -> str:
    """The word or sentence ``key`` of ``topic`` in ``lang``, its ``{fields}`` filled in.

    Examples
    --------
    >>> word("cli", "changes", "en")
    'Changes'
    >>> word("diff", "field.hours_per_week")
    'uren per week'

    Raises
    ------
    KeyError
        An unknown topic, language or key: a missing word is a bug, not a blank.
    """
    text = VOCABULARY[topic][lang][key]
    return text.format(**fields) if fields else text
