"""Synthetic portfolios with planted cross-programme overlaps, for benchmarking an overlap detector.

:func:`synthetic_overlap_portfolio` builds a valid :class:`din_graph.Portfolio`
of Dutch municipal programmes together with the exact set of effort pairs that
are "about the same thing" (the ground truth).  :func:`overlap_corpus` returns
the same portfolio and truth plus the hard negatives planted on purpose.

How the truth stays honest
--------------------------
Every *base* effort has a topic: two distinct Dutch compounds (``klimaatplan``,
``speelplein``) and an action (``aanleggen``).  Topics are unique:

* no two base efforts share the unordered pair of compounds;
* no two base efforts share compound A and the action;
* no two base efforts share a compound, an action of the same synonym group
  and a wijk (so "laying the warmtenet in De Riet" happens in one effort only,
  whatever it is combined with).

A *planted* effort is a rewritten copy of one base effort, put in another
programme: compounds split (``klimaat plan``, ``klimaat-plan``, ``plan voor
klimaat``), plurals and adjective endings, verb versus nominalisation
(``aanleggen`` / ``aanleg``), a synonymous action, clauses and compounds
reordered, filler and target group dropped or added, one or two typos, another
buurt of the same wijk (or the wijk itself), and about half the time the same
owner and/or a shared partner.  A small share are *text-only* pairs: different
owner, a different wijk, no shared partner.  Each base effort is copied at most
once, so the truth is exactly the set of (base, copy) pairs.

*Same subject elsewhere* (only with ``elsewhere_share``, off by default): for
a share of the planted pairs whose copy stays in its original's wijk, one more
effort on the same subject, written as a rewrite of the original by the same
rules and with the same kind of shared owner or partner, but in **another wijk**
(not the original's, not the copy's) and in any programme but the original's.
Issue #17 asks that "an effort's rewrite (same subject, same place) scores above
another effort on the same subject": these efforts are that other effort.  They
are not in the truth (the base effort's best match should be its rewrite), but
they are the same subject, so a benchmark counts them right for precision.

Everything else is a negative, and many negatives are hard on purpose: owners,
partners, places, target groups and generic verbs (*stimuleren*, *versterken*,
*verbeteren*) are shared across programmes, and *decoys* (base efforts written
next to a seed effort in another programme) copy the seed's owner, place, group,
partner and title template while their topic shares one compound, only the
prefixes, only the heads, or nothing with the seed.

Run ``python benchmarks/overlap_corpus.py`` for a self-test with examples and timings.
"""

from __future__ import annotations

import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

import din_graph
from din_graph import Portfolio

__all__ = ["OverlapCorpus", "overlap_corpus", "synthetic_overlap_portfolio"]

# --------------------------------------------------------------------------- vocabulary

#: Compound prefixes: (combining form, readable lemma).  The combining form is
#: what appears inside a compound (``duurzaamheidsplan``), the lemma what a
#: paraphrase uses (``plan voor duurzaamheid``).
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("klimaat", "klimaat"),
    ("energie", "energie"),
    ("water", "water"),
    ("groen", "groen"),
    ("speel", "spelen"),
    ("school", "scholen"),
    ("buurt", "de buurt"),
    ("zorg", "zorg"),
    ("jeugd", "jeugd"),
    ("woon", "wonen"),
    ("fiets", "fietsers"),
    ("verkeers", "verkeer"),
    ("afval", "afval"),
    ("wijk", "de wijk"),
    ("sport", "sport"),
    ("cultuur", "cultuur"),
    ("armoede", "armoede"),
    ("schuld", "schulden"),
    ("taal", "taal"),
    ("werk", "werk"),
    ("duurzaamheids", "duurzaamheid"),
    ("warmte", "warmte"),
    ("zonne", "zonne-energie"),
    ("regen", "regenwater"),
    ("hitte", "hitte"),
    ("natuur", "natuur"),
    ("bomen", "bomen"),
    ("park", "het park"),
    ("winkel", "winkels"),
    ("markt", "de markt"),
    ("dorps", "het dorp"),
    ("stads", "de stad"),
    ("gezondheids", "gezondheid"),
    ("veiligheids", "veiligheid"),
    ("mantelzorg", "mantelzorgers"),
    ("ouderen", "ouderen"),
    ("kinder", "kinderen"),
    ("jongeren", "jongeren"),
    ("beweeg", "bewegen"),
    ("voedsel", "voedsel"),
    ("erfgoed", "erfgoed"),
    ("kunst", "kunst"),
    ("muziek", "muziek"),
    ("bibliotheek", "de bibliotheek"),
    ("onderwijs", "onderwijs"),
    ("laad", "laden"),
    ("glasvezel", "glasvezel"),
    ("riool", "het riool"),
    ("bodem", "de bodem"),
    ("bijen", "bijen"),
    ("vlinder", "vlinders"),
    ("gevel", "gevels"),
    ("isolatie", "isolatie"),
    ("welzijns", "welzijn"),
    ("participatie", "participatie"),
    ("inburgerings", "inburgering"),
    ("vrijwilligers", "vrijwilligers"),
    ("eenzaamheids", "eenzaamheid"),
    ("recreatie", "recreatie"),
    ("mobiliteits", "mobiliteit"),
    ("huurders", "huurders"),
    ("ondernemers", "ondernemers"),
)

#: Compound heads: (singular, plural, article).
_HEADS: tuple[tuple[str, str, str], ...] = (
    ("plan", "plannen", "het"),
    ("fonds", "fondsen", "het"),
    ("loket", "loketten", "het"),
    ("netwerk", "netwerken", "het"),
    ("coöperatie", "coöperaties", "de"),
    ("tuin", "tuinen", "de"),
    ("plein", "pleinen", "het"),
    ("route", "routes", "de"),
    ("punt", "punten", "het"),
    ("team", "teams", "het"),
    ("agenda", "agenda's", "de"),
    ("visie", "visies", "de"),
    ("aanpak", "aanpakken", "de"),
    ("centrum", "centra", "het"),
    ("regeling", "regelingen", "de"),
    ("pact", "pacten", "het"),
    ("atlas", "atlassen", "de"),
    ("monitor", "monitors", "de"),
    ("kaart", "kaarten", "de"),
    ("budget", "budgetten", "het"),
    ("dak", "daken", "het"),
    ("net", "netten", "het"),
    ("vijver", "vijvers", "de"),
    ("bos", "bossen", "het"),
    ("huis", "huizen", "het"),
    ("project", "projecten", "het"),
    ("programma", "programma's", "het"),
    ("strategie", "strategieën", "de"),
    ("platform", "platforms", "het"),
    ("akkoord", "akkoorden", "het"),
    ("spreekuur", "spreekuren", "het"),
    ("lab", "labs", "het"),
    ("scan", "scans", "de"),
    ("subsidie", "subsidies", "de"),
    ("premie", "premies", "de"),
    ("coach", "coaches", "de"),
    ("kompas", "kompassen", "het"),
    ("deal", "deals", "de"),
    ("festival", "festivals", "het"),
    ("week", "weken", "de"),
    ("strook", "stroken", "de"),
    ("zone", "zones", "de"),
    ("bank", "banken", "de"),
    ("hub", "hubs", "de"),
    ("pas", "passen", "de"),
    ("tafel", "tafels", "de"),
    ("overleg", "overleggen", "het"),
    ("register", "registers", "het"),
    ("portaal", "portalen", "het"),
    ("steunpunt", "steunpunten", "het"),
    ("academie", "academies", "de"),
    ("veld", "velden", "het"),
    ("hof", "hoven", "het"),
    ("pad", "paden", "het"),
    ("werkplaats", "werkplaatsen", "de"),
    ("café", "cafés", "het"),
    ("kas", "kassen", "de"),
    ("wijzer", "wijzers", "de"),
    ("lint", "linten", "het"),
    ("bassin", "bassins", "het"),
    ("berging", "bergingen", "de"),
    ("kamer", "kamers", "de"),
    ("les", "lessen", "de"),
)

#: Actions: (infinitive, nominalisation, synonym group).  Actions of one group
#: are interchangeable in a rewrite; ``verbeteren`` is the generic group that
#: hard negatives share.
_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("aanleggen", "aanleg", "bouwen"),
    ("realiseren", "realisatie", "bouwen"),
    ("bouwen", "bouw", "bouwen"),
    ("plaatsen", "plaatsing", "bouwen"),
    ("inrichten", "inrichting", "bouwen"),
    ("opzetten", "opzet", "starten"),
    ("starten", "start", "starten"),
    ("oprichten", "oprichting", "starten"),
    ("lanceren", "lancering", "starten"),
    ("uitbreiden", "uitbreiding", "uitbreiden"),
    ("opschalen", "opschaling", "uitbreiden"),
    ("verbreden", "verbreding", "uitbreiden"),
    ("uitrollen", "uitrol", "uitbreiden"),
    ("onderzoeken", "onderzoek", "onderzoeken"),
    ("verkennen", "verkenning", "onderzoeken"),
    ("inventariseren", "inventarisatie", "onderzoeken"),
    ("evalueren", "evaluatie", "onderzoeken"),
    ("monitoren", "monitoring", "onderzoeken"),
    ("versterken", "versterking", "verbeteren"),
    ("verbeteren", "verbetering", "verbeteren"),
    ("stimuleren", "stimulering", "verbeteren"),
    ("bevorderen", "bevordering", "verbeteren"),
    ("vergroenen", "vergroening", "vergroenen"),
    ("verduurzamen", "verduurzaming", "vergroenen"),
    ("ontstenen", "ontstening", "vergroenen"),
    ("isoleren", "isolatie", "vergroenen"),
    ("vernieuwen", "vernieuwing", "vernieuwen"),
    ("herinrichten", "herinrichting", "vernieuwen"),
    ("opknappen", "opknapbeurt", "vernieuwen"),
    ("renoveren", "renovatie", "vernieuwen"),
    ("onderhouden", "onderhoud", "beheren"),
    ("beheren", "beheer", "beheren"),
    ("borgen", "borging", "beheren"),
    ("ontwikkelen", "ontwikkeling", "ontwikkelen"),
    ("uitwerken", "uitwerking", "ontwikkelen"),
    ("ontwerpen", "ontwerp", "ontwikkelen"),
    ("vaststellen", "vaststelling", "ontwikkelen"),
    ("financieren", "financiering", "financieren"),
    ("subsidiëren", "subsidiëring", "financieren"),
    ("bekostigen", "bekostiging", "financieren"),
    ("ondersteunen", "ondersteuning", "ondersteunen"),
    ("begeleiden", "begeleiding", "ondersteunen"),
    ("faciliteren", "facilitering", "ondersteunen"),
    ("organiseren", "organisatie", "organiseren"),
    ("coördineren", "coördinatie", "organiseren"),
)

_GROUPS = (
    "ouderen",
    "jongeren",
    "statushouders",
    "ondernemers",
    "huurders",
    "woningeigenaren",
    "mantelzorgers",
    "kinderen",
    "gezinnen",
    "scholieren",
    "werkzoekenden",
    "vrijwilligers",
    "bewoners",
    "mensen met een beperking",
    "laaggeletterden",
    "zzp'ers",
    "studenten",
    "nieuwkomers",
    "sportverenigingen",
    "minima",
    "tieners",
    "jonge ouders",
    "eigenaar-bewoners",
    "VvE's",
    "dak- en thuislozen",
)

#: Adjectives: (bare, inflected).
_ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("nieuw", "nieuwe"),
    ("groen", "groene"),
    ("duurzaam", "duurzame"),
    ("sociaal", "sociale"),
    ("lokaal", "lokale"),
    ("klein", "kleine"),
    ("gezond", "gezonde"),
    ("veilig", "veilige"),
    ("digitaal", "digitale"),
    ("tijdelijk", "tijdelijke"),
    ("wijkgericht", "wijkgerichte"),
    ("integraal", "integrale"),
    ("regionaal", "regionale"),
    ("toegankelijk", "toegankelijke"),
    ("gezamenlijk", "gezamenlijke"),
)

#: The area hierarchy: wijk -> buurten.  Every name is unique (case-insensitively).
_WIJKEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Binnenstad", ("Nieuwstraatkwartier", "Stationskwartier", "Marktkwartier", "Havenkwartier", "Waagkwartier")),
    ("De Riet", ("Riet Noord", "Riet Zuid", "Nieuwland", "Arendsboer", "Bornestraat e.o.")),
    ("Sluitersveld", ("Sluitersveld-Oost", "Rumerlanden", "Beeklust", "De Kolk")),
    ("Schelfhorst", ("Schelfhorst-Noord", "Schelfhorst-Zuid", "Vossenbosch", "Het Hazenpad")),
    ("Hart van Zuid", ("Berflo Es", "Groot Driene", "Klein Driene", "Tuindorp 't Lansink", "Hasseler Es")),
    ("Wierdensehoek", ("Kerkelanden", "Aalderinkshoek", "Bolkshoek", "Wierdensestraat e.o.")),
    ("Windmolenbroek", ("Windmolenbroek-Noord", "Windmolenbroek-Zuid", "Eskerplein", "Molenkamp")),
    ("Ossenkoppelerhoek", ("Ossenkoppelerhoek-Noord", "Ossenkoppelerhoek-Midden", "De Sluis", "Vriezenveenseweg e.o.")),
    ("Nijrees", ("Nijrees-Noord", "Nijrees-Zuid", "Hofkamp", "Esch")),
    ("Noorderhagen", ("Noorderhagen-West", "Noorderhagen-Oost", "Slangenbeek", "Woolde")),
    ("Hengelose Es", ("Hengelose Es-Noord", "De Hoven", "Elferink", "Mors")),
    ("Kolkwijk", ("Kolkwijk-Noord", "Kolkwijk-Zuid", "Het Veldkamp", "Ter Borch")),
    ("Havengebied", ("Twentekanaal e.o.", "Bedrijvenpark Twente", "De Plas")),
    ("Aadorp", ("Aadorp-Oost", "Aadorp-West", "Aadorp-Kern")),
    ("Bornerbroek", ("Bornerbroek-Kern", "Bornerbroek-Buitengebied", "Het Enter")),
)

#: Owners shared by all programmes: (name, type).
_OWNERS: tuple[tuple[str, str], ...] = (
    ("Uitvoering Fysiek", "department"),
    ("Team Wijkregie", "team"),
    ("Adviseur Duurzaamheid", "person"),
    ("Beleidsadviseur Wonen", "person"),
    ("Team Openbare Ruimte", "team"),
    ("Afdeling Sociaal Domein", "department"),
    ("Wijkcoördinator Noord", "person"),
    ("Wijkcoördinator Zuid", "person"),
    ("Projectleider Energietransitie", "person"),
    ("Team Jeugd en Onderwijs", "team"),
    ("Accountmanager Bedrijven", "person"),
    ("Team Economie", "team"),
    ("Adviseur Mobiliteit", "person"),
    ("Team Sport en Bewegen", "team"),
    ("Cultuurregisseur", "person"),
    ("Team Werk en Inkomen", "team"),
    ("Team Schuldhulpverlening", "team"),
    ("Kwartiermaker Binnenstad", "person"),
    ("Team Groen en Water", "team"),
    ("Stadsbeheer", "department"),
    ("Vastgoed en Accommodaties", "department"),
    ("Adviseur Gezondheid", "person"),
    ("Team Veiligheid", "team"),
    ("Beleidsadviseur Participatie", "person"),
    ("Team Communicatie", "team"),
    ("Afdeling Ruimtelijke Ordening", "department"),
    ("Projectleider Wijkvernieuwing", "person"),
    ("Coördinator Vrijwilligerswerk", "person"),
    ("Team Inburgering", "team"),
    ("Programmaondersteuning", "team"),
    ("Adviseur Klimaatadaptatie", "person"),
    ("Afdeling Dienstverlening", "department"),
    ("Team Zorg en Welzijn", "team"),
    ("Wethouder Duurzaamheid", "official"),
    ("Wethouder Sociaal Domein", "official"),
    ("Strategisch Adviseur", "person"),
    ("Team Data en Monitoring", "team"),
    ("Gebiedsregisseur Oost", "person"),
    ("Gebiedsregisseur West", "person"),
    ("Afdeling Financiën", "department"),
)

_PARTNERS = (
    "Woningcorporatie Beter Wonen",
    "Waterschap Vechtstromen",
    "GGD Twente",
    "Woonstichting De Woonplaats",
    "Welzijnsorganisatie Stadsmakers",
    "Politie Twente",
    "Sportbedrijf Stad",
    "Bibliotheek Stad",
    "ROC van Twente",
    "Saxion",
    "Energiecoöperatie Zon op Stad",
    "Natuur en Milieu Overijssel",
    "Huurdersvereniging De Sleutel",
    "Ondernemersvereniging Centrum",
    "Stichting Present",
    "Humanitas",
    "VluchtelingenWerk Oost Nederland",
    "Provincie Overijssel",
    "Enexis",
    "Vitens",
    "Scholengroep Noord",
    "Kinderopvang Kindkracht",
    "Leger des Heils",
    "Voedselbank",
    "Twence",
)

#: Programme themes: (name, the prefixes its efforts favour).
_THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Klimaat", ("klimaat", "hitte", "regen", "water", "groen", "bomen", "bodem")),
    ("Energie", ("energie", "warmte", "zonne", "isolatie", "laad", "duurzaamheids")),
    ("Wonen", ("woon", "huurders", "gevel", "isolatie", "buurt", "stads")),
    ("Leefbare Wijken", ("wijk", "buurt", "dorps", "speel", "park", "veiligheids")),
    ("Jeugd", ("jeugd", "jongeren", "kinder", "speel", "school", "onderwijs")),
    ("Zorg en Welzijn", ("zorg", "mantelzorg", "ouderen", "welzijns", "eenzaamheids", "gezondheids")),
    ("Mobiliteit", ("fiets", "verkeers", "laad", "mobiliteits", "stads")),
    ("Economie", ("werk", "winkel", "markt", "ondernemers", "glasvezel")),
    ("Sport en Bewegen", ("sport", "beweeg", "park", "gezondheids", "recreatie")),
    ("Cultuur", ("cultuur", "kunst", "muziek", "erfgoed", "bibliotheek")),
    ("Armoede", ("armoede", "schuld", "voedsel", "werk", "taal")),
    ("Groen en Water", ("natuur", "bijen", "vlinder", "bomen", "water", "riool")),
    ("Onderwijs", ("school", "taal", "onderwijs", "bibliotheek", "kinder")),
    ("Participatie", ("participatie", "vrijwilligers", "inburgerings", "buurt", "wijk")),
    ("Duurzaamheid", ("duurzaamheids", "afval", "energie", "klimaat", "voedsel")),
    ("Binnenstad", ("stads", "winkel", "markt", "cultuur", "erfgoed")),
)

_CITY = "Twentestad"
_CITY_ADJECTIVES = (
    "groene",
    "gezonde",
    "veilige",
    "duurzame",
    "sociale",
    "leefbare",
    "inclusieve",
    "klimaatbestendige",
)
_KINDS = ("project", "activity", "line_activity", "study")
_ROLES = ("lead", "line", "coordination", "partner")
_STATUSES = ("planned", "running", "done")

_TOPIC_SENTENCES = (
    "Samen met partners en inwoners werken we aan {nom_van}{in_place}.",
    "De gemeente stimuleert {nom_van}{for_group}.",
    "In {place} gaan we {np1} en {np2} {act}{for_group}.",
    "We willen {np1} en {np2} {act}, zodat {group_or_residents} er straks van profiteren.",
    "{Nom_van} is een belangrijke stap voor {group_or_area}.",
)

_FILLERS = (
    "Zo versterken we de sociale samenhang in de wijk.",
    "Dit draagt bij aan een gezonde en veilige leefomgeving.",
    "Daarmee verbeteren we de leefbaarheid voor alle bewoners.",
    "De aanpak sluit aan bij bestaande initiatieven van bewoners en partners.",
    "Het college stimuleert initiatieven die hieraan bijdragen.",
    "De eerste resultaten verwachten we in {year}.",
    "De uitvoering gebeurt in nauwe samenwerking met de wijkraad.",
    "We stimuleren bewoners om zelf initiatief te nemen.",
    "We werken daarbij nauw samen met {partner}.",
    "Dit versterkt de positie van {group}.",
)
_FILLER_NEEDS_PARTNER = 8
_FILLER_NEEDS_GROUP = 9

_N_TEMPLATES = 6
#: Title templates whose verb is a nominalisation (the others use the infinitive).
_NOMINAL_TEMPLATES = frozenset({1, 3, 4})

_NH = len(_HEADS)
_PREFIX_INDEX = {form: i for i, (form, _) in enumerate(_PREFIXES)}
_ACTION_GROUPS = sorted({group for _, _, group in _ACTIONS})
_GROUP_OF_ACTION = [_ACTION_GROUPS.index(group) for _, _, group in _ACTIONS]
_ACTIONS_IN_GROUP = [[a for a, g in enumerate(_GROUP_OF_ACTION) if g == k] for k in range(len(_ACTION_GROUPS))]
_GENERIC_ACTIONS = _ACTIONS_IN_GROUP[_ACTION_GROUPS.index("verbeteren")]
_THEME_PREFIXES = [[_PREFIX_INDEX[p] for p in prefixes] for _, prefixes in _THEMES]
#: (name, wijk index, is the wijk itself) for every place an effort can name.
_PLACES: list[tuple[str, int, bool]] = []
for _w, (_wijk_name, _buurten) in enumerate(_WIJKEN):
    _PLACES.append((_wijk_name, _w, True))
    _PLACES.extend((_b, _w, False) for _b in _buurten)
_PLACES_IN_WIJK = [[i for i, (_, w, _) in enumerate(_PLACES) if w == k] for k in range(len(_WIJKEN))]

_DIGRAPHS = frozenset({"aa", "ee", "ii", "oo", "uu", "ai", "au", "ei", "eu", "ie", "oe", "oi", "ou", "ui"})


def _join(prefix: str, head: str) -> str:
    # Dutch writes a hyphen where the letters at the seam would read as one vowel (zonne-energie).
    return f"{prefix}-{head}" if (prefix[-1] + head[0]) in _DIGRAPHS else prefix + head


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _check_vocabulary() -> None:
    compounds = [_join(p, h) for p, _ in _PREFIXES for h, _, _ in _HEADS]
    assert len(set(compounds)) == len(compounds), "two compounds are spelled the same"
    assert not {p for p, _ in _PREFIXES} & {h for h, _, _ in _HEADS}, "a word is both prefix and head"
    names = [name.casefold() for name, _, _ in _PLACES]
    assert len(set(names)) == len(names), "two area names are the same"
    assert len({_slug(name) for name, _ in _OWNERS}) == len(_OWNERS), "two owners have the same id"


_check_vocabulary()

# --------------------------------------------------------------------------- effort specs


@dataclass(slots=True)
class _Style:
    """How a spec is written: the choices a rewrite changes."""

    template: int
    b_first: bool = False
    forms: tuple[str, str] = ("joined", "joined")  # joined | space | hyphen | paraphrase
    plural: tuple[bool, bool] = (False, False)
    definite: bool = True  # the description's noun phrases take 'de'/'het' (or 'een' / no article)
    sentence: int = 0
    fillers: tuple[int, ...] = ()
    fillers_first: bool = False
    title_typos: int = 0
    description_typos: int = 0


@dataclass(slots=True)
class _Spec:
    """One effort before it is written out."""

    programme: int
    a: int  # compound id: prefix * len(_HEADS) + head
    b: int
    action: int
    adjective: int | None
    group: int | None
    place: int
    owner: int
    partners: tuple[int, ...]
    style: _Style
    year: int
    kind: str = "base"  # base | decoy | copy | elsewhere
    source: int | None = None  # for a copy or decoy: the spec it derives from
    text_only: bool = False
    local_id: str = ""


def _wijk(spec: _Spec) -> int:
    return _PLACES[spec.place][1]


class _Topics:
    """The uniqueness rules of base topics, as sets of keys already taken."""

    def __init__(self) -> None:
        self.pairs: set[tuple[int, int]] = set()
        self.a_action: set[tuple[int, int]] = set()
        self.compound_group_wijk: set[tuple[int, int, int]] = set()

    def free(self, a: int, b: int, action: int, wijk: int) -> bool:
        group = _GROUP_OF_ACTION[action]
        return (
            a // _NH != b // _NH
            and a % _NH != b % _NH
            and (min(a, b), max(a, b)) not in self.pairs
            and (a, action) not in self.a_action
            and (a, group, wijk) not in self.compound_group_wijk
            and (b, group, wijk) not in self.compound_group_wijk
        )

    def take(self, a: int, b: int, action: int, wijk: int) -> None:
        group = _GROUP_OF_ACTION[action]
        self.pairs.add((min(a, b), max(a, b)))
        self.a_action.add((a, action))
        self.compound_group_wijk.add((a, group, wijk))
        self.compound_group_wijk.add((b, group, wijk))

    def free_for_copy(self, spec: _Spec, action: int, wijk: int) -> bool:
        group = _GROUP_OF_ACTION[action]
        taken = self.compound_group_wijk
        return (spec.a, group, wijk) not in taken and (spec.b, group, wijk) not in taken

    def take_for_copy(self, spec: _Spec, action: int, wijk: int) -> None:
        group = _GROUP_OF_ACTION[action]
        self.compound_group_wijk.add((spec.a, group, wijk))
        self.compound_group_wijk.add((spec.b, group, wijk))


def _compound(rng: random.Random, theme: int, theme_bias: float) -> int:
    prefix = rng.choice(_THEME_PREFIXES[theme]) if rng.random() < theme_bias else rng.randrange(len(_PREFIXES))
    return prefix * _NH + rng.randrange(_NH)


def _base_style(rng: random.Random, n_partners: int, *, has_group: bool) -> _Style:
    fillers: tuple[int, ...] = ()
    if rng.random() < 0.6:
        fillers = (_filler(rng, n_partners, has_group=has_group),)
    return _Style(
        template=rng.randrange(_N_TEMPLATES),
        plural=(rng.random() < 0.15, rng.random() < 0.15),
        definite=rng.random() < 0.7,
        sentence=rng.randrange(len(_TOPIC_SENTENCES)),
        fillers=fillers,
    )


def _filler(rng: random.Random, n_partners: int, *, has_group: bool, avoid: tuple[int, ...] = ()) -> int:
    while True:
        k = rng.randrange(len(_FILLERS))
        if k in avoid:
            continue
        if k == _FILLER_NEEDS_PARTNER and not n_partners:
            continue
        if k == _FILLER_NEEDS_GROUP and not has_group:
            continue
        return k


class _Builder:
    """Draws base efforts, decoys and planted copies; keeps the topic rules."""

    def __init__(self, rng: random.Random, n_programmes: int) -> None:
        self.rng = rng
        self.topics = _Topics()
        self.specs: list[_Spec] = []
        themes = [(k % len(_THEMES)) for k in range(n_programmes)]
        self.themes = themes
        # Each programme favours some owners of the shared pool (a few carry most efforts).
        self.owner_choice: list[tuple[list[int], list[float]]] = []
        for _ in range(n_programmes):
            owners = rng.sample(range(len(_OWNERS)), rng.randint(8, 15))
            self.owner_choice.append((owners, [1.0 / (rank + 1) ** 0.7 for rank in range(len(owners))]))
        self.years = [rng.randint(2022, 2026) for _ in range(n_programmes)]

    # ---- context: owner, place, group and partners

    def owner_for(self, programme: int) -> int:
        owners, weights = self.owner_choice[programme]
        return self.rng.choices(owners, weights)[0]

    def partners(self) -> tuple[int, ...]:
        roll = self.rng.random()
        if roll < 0.45:
            return ()
        return tuple(self.rng.sample(range(len(_PARTNERS)), 1 if roll < 0.85 else 2))

    def group(self) -> int | None:
        return self.rng.randrange(len(_GROUPS)) if self.rng.random() < 0.7 else None

    def adjective(self) -> int | None:
        return self.rng.randrange(len(_ADJECTIVES)) if self.rng.random() < 0.3 else None

    # ---- base efforts

    def base(self, programme: int) -> _Spec:
        rng = self.rng
        theme = self.themes[programme]
        while True:
            action = rng.randrange(len(_ACTIONS))
            place = rng.randrange(len(_PLACES))
            wijk = _PLACES[place][1]
            for _ in range(20):
                a = _compound(rng, theme, 0.7)
                b = _compound(rng, theme, 0.4)
                if self.topics.free(a, b, action, wijk):
                    return self._add_base(programme, a, b, action, place)

    def _add_base(self, programme: int, a: int, b: int, action: int, place: int, **context: Any) -> _Spec:
        rng = self.rng
        self.topics.take(a, b, action, _PLACES[place][1])
        group = context["group"] if "group" in context else self.group()
        partners = context["partners"] if "partners" in context else self.partners()
        style = _base_style(rng, len(partners), has_group=group is not None)
        if "template" in context:
            style.template = context["template"]
        spec = _Spec(
            programme=programme,
            a=a,
            b=b,
            action=action,
            adjective=self.adjective(),
            group=group,
            place=place,
            owner=context["owner"] if "owner" in context else self.owner_for(programme),
            partners=partners,
            style=style,
            year=self.years[programme],
        )
        self.specs.append(spec)
        return spec

    # ---- decoys: another topic in the seed's context

    def decoy(self, programme: int, seed_index: int) -> _Spec:
        rng = self.rng
        seed = self.specs[seed_index]
        context: dict[str, Any] = {}
        # The same owner name, mostly where the programme uses it anyway.
        usual = seed.owner in self.owner_choice[programme][0]
        if rng.random() < (0.7 if usual else 0.5):
            context["owner"] = seed.owner
        if seed.group is not None and rng.random() < 0.6:
            context["group"] = seed.group
        if seed.partners and rng.random() < 0.5:
            context["partners"] = (rng.choice(seed.partners),)
        if rng.random() < 0.5:
            context["template"] = seed.style.template
        roll = rng.random()
        if roll < 0.5:
            places = [seed.place]
        elif roll < 0.8:
            places = _PLACES_IN_WIJK[_wijk(seed)]
        else:
            places = list(range(len(_PLACES)))
        variant = rng.choices(("one-compound", "prefixes", "heads", "context"), (35, 20, 15, 30))[0]
        theme = self.themes[programme]
        for attempt in range(60):
            place = rng.choice(places)
            roll = rng.random()
            if roll < 0.4:
                action = rng.choice(_GENERIC_ACTIONS)
            elif roll < 0.7:
                action = seed.action
            else:
                action = rng.randrange(len(_ACTIONS))
            if variant == "one-compound" and attempt < 40:
                shared = seed.a if rng.random() < 0.5 else seed.b
                other = _compound(rng, theme, 0.5)
                a, b = (other, shared) if rng.random() < 0.5 else (shared, other)
            elif variant == "prefixes" and attempt < 40:
                a = (seed.a // _NH) * _NH + rng.randrange(_NH)
                b = (seed.b // _NH) * _NH + rng.randrange(_NH)
                if a % _NH == seed.a % _NH or b % _NH == seed.b % _NH:
                    continue
            elif variant == "heads" and attempt < 40:
                a = rng.randrange(len(_PREFIXES)) * _NH + seed.a % _NH
                b = rng.randrange(len(_PREFIXES)) * _NH + seed.b % _NH
                if a // _NH == seed.a // _NH or b // _NH == seed.b // _NH:
                    continue
            else:
                a = _compound(rng, theme, 0.7)
                b = _compound(rng, theme, 0.4)
            if {a, b} == {seed.a, seed.b}:
                continue
            if self.topics.free(a, b, action, _PLACES[place][1]):
                spec = self._add_base(programme, a, b, action, place, **context)
                spec.kind = "decoy"
                spec.source = seed_index
                return spec
        return self.base(programme)

    # ---- planted copies

    def copy(self, programme: int, index: int, *, text_only: bool, elsewhere: int | None = None) -> _Spec:
        """A rewrite of spec ``index`` in ``programme``.  With ``elsewhere`` (the wijk of the
        planted copy) it is the same subject in another wijk than both: a distractor."""
        rng = self.rng
        src = self.specs[index]
        style = replace(src.style)
        ops = [op for op, p in _REWRITE_OPS if rng.random() < p]
        while len(ops) < 3:
            op = rng.choice(_REWRITE_OPS)[0]
            if op not in ops:
                ops.append(op)
        action, place, group = src.action, src.place, src.group
        adjective = src.adjective
        if "split" in ops:
            forms = [rng.choice(("space", "space", "hyphen", "paraphrase")) for _ in range(2)]
            if rng.random() < 0.4:  # often only one of the two compounds is split
                forms[rng.randrange(2)] = "joined"
            style.forms = (forms[0], forms[1])
        if "inflect" in ops:
            flip = rng.randrange(3)
            style.plural = (style.plural[0] != (flip != 1), style.plural[1] != (flip != 0))
            style.definite = not style.definite
            if adjective is None and rng.random() < 0.3:
                adjective = self.adjective()
            elif adjective is not None and rng.random() < 0.3:
                adjective = None
        if "nominal" in ops:
            same_form = [
                t for t in range(_N_TEMPLATES) if (t in _NOMINAL_TEMPLATES) != (style.template in _NOMINAL_TEMPLATES)
            ]
            style.template = rng.choice(same_form)
        if "reorder" in ops:
            style.b_first = not style.b_first
            style.fillers_first = rng.random() < 0.4
            if "nominal" not in ops:
                style.template = rng.choice([t for t in range(_N_TEMPLATES) if t != style.template])
        if "group" in ops:
            group = None if group is not None else rng.randrange(len(_GROUPS))
        if "synonym" in ops:
            synonyms = [a for a in _ACTIONS_IN_GROUP[_GROUP_OF_ACTION[action]] if a != action]
            action = rng.choice(synonyms)
        if "filler" in ops:
            n_partners, has_group = len(src.partners), group is not None
            choice = rng.randrange(3)
            if choice == 0 or not style.fillers:  # add a sentence
                style.fillers = (*style.fillers, _filler(rng, n_partners, has_group=has_group, avoid=style.fillers))
            elif choice == 1:  # drop the filler
                style.fillers = ()
            else:  # another filler
                style.fillers = (_filler(rng, n_partners, has_group=has_group, avoid=style.fillers),)
        if "sentence" in ops or "filler" in ops:
            style.sentence = rng.choice([k for k in range(len(_TOPIC_SENTENCES)) if k != style.sentence])
        if "typo" in ops:
            style.title_typos = rng.choice((1, 1, 2))
            style.description_typos = rng.choice((0, 0, 1))
        wijk = _wijk(src)
        if text_only or elsewhere is not None:
            others = [w for w in range(len(_WIJKEN)) if w not in (wijk, elsewhere)]
            rng.shuffle(others)
            wijk = next((w for w in others if self.topics.free_for_copy(src, action, w)), others[0])
            place = rng.choice(_PLACES_IN_WIJK[wijk])
        elif "area" in ops:
            candidates = [p for p in _PLACES_IN_WIJK[wijk] if p != place]
            place = rng.choice(candidates)
        self.topics.take_for_copy(src, action, wijk)
        owner, partners = self._copy_context(programme, src, text_only=text_only)
        if _FILLER_NEEDS_PARTNER in style.fillers and not partners:
            style.fillers = tuple(k for k in style.fillers if k != _FILLER_NEEDS_PARTNER)
        if _FILLER_NEEDS_GROUP in style.fillers and group is None:
            style.fillers = tuple(k for k in style.fillers if k != _FILLER_NEEDS_GROUP)
        spec = _Spec(
            programme=programme,
            a=src.a,
            b=src.b,
            action=action,
            adjective=adjective,
            group=group,
            place=place,
            owner=owner,
            partners=partners,
            style=style,
            year=self.years[programme],
            kind="copy" if elsewhere is None else "elsewhere",
            source=index,
            text_only=text_only,
        )
        self.specs.append(spec)
        return spec

    def _copy_context(self, programme: int, src: _Spec, *, text_only: bool) -> tuple[int, tuple[int, ...]]:
        rng = self.rng
        if text_only:
            owner = src.owner
            while owner == src.owner:
                owner = self.owner_for(programme) if rng.random() < 0.9 else rng.randrange(len(_OWNERS))
            partners = tuple(p for p in self.partners() if p not in src.partners)
            return owner, partners
        owner = src.owner if rng.random() < 0.5 else self.owner_for(programme)
        partners = self.partners()
        if rng.random() < 0.5:
            if not src.partners:  # give the source a partner so that the two can share it
                src.partners = (rng.randrange(len(_PARTNERS)),)
            shared = rng.choice(src.partners)
            partners = (shared, *(p for p in partners if p != shared))[:2]
        return owner, partners


_REWRITE_OPS: tuple[tuple[str, float], ...] = (
    ("split", 0.5),
    ("inflect", 0.5),
    ("nominal", 0.4),
    ("reorder", 0.5),
    ("group", 0.3),
    ("filler", 0.5),
    ("sentence", 0.4),
    ("typo", 0.5),
    ("synonym", 0.4),
    ("area", 0.6),
)

# --------------------------------------------------------------------------- writing


def _noun_phrase(compound: int, form: str, adjective: int | None, *, plural: bool, article: str) -> str:
    """``article`` is ``"de"`` (definite: de/het), ``"een"`` (indefinite) or ``""`` (none, as titles write)."""
    prefix, lemma = _PREFIXES[compound // _NH]
    singular, plural_form, gender = _HEADS[compound % _NH]
    head = plural_form if plural else singular
    if form == "joined":
        noun = _join(prefix, head)
    elif form == "space":
        noun = f"{prefix} {head}"
    elif form == "hyphen":
        noun = f"{prefix}-{head}"
    else:
        noun = f"{head} voor {lemma}"
    if adjective is not None:
        bare, inflected = _ADJECTIVES[adjective]
        # Dutch: no -e only before an indefinite singular het-word.
        adj = bare if (article != "de" and not plural and gender == "het") else inflected
        noun = f"{adj} {noun}"
    if article == "de":
        noun = f"{'de' if plural else gender} {noun}"
    elif article == "een" and not plural:
        noun = f"een {noun}"
    return noun


def _phrases(spec: _Spec, *, article: str) -> tuple[str, str]:
    style = spec.style
    np_a = _noun_phrase(spec.a, style.forms[0], spec.adjective, plural=style.plural[0], article=article)
    np_b = _noun_phrase(spec.b, style.forms[1], None, plural=style.plural[1], article=article)
    return (np_b, np_a) if style.b_first else (np_a, np_b)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title(spec: _Spec) -> str:
    act, nom, _ = _ACTIONS[spec.action]
    place = _PLACES[spec.place][0]
    group = _GROUPS[spec.group] if spec.group is not None else None
    for_group = f" voor {group}" if group else ""
    template = spec.style.template
    if template == 0:
        np1, np2 = _phrases(spec, article="de")
        return f"{_cap(act)} van {np1} en {np2}{for_group} in {place}"
    if template == 1:
        np1, np2 = _phrases(spec, article="")
        return f"{_cap(nom)} {np1} en {np2}{for_group} in {place}"
    if template == 2:
        np1, np2 = _phrases(spec, article="")
        return f"{_cap(np1)} en {np2} {act}{for_group} in {place}"
    if template == 3:
        np1, np2 = _phrases(spec, article="de")
        return f"{place}: {nom} van {np1} en {np2}{for_group}"
    if template == 4:
        np1, np2 = _phrases(spec, article="de")
        return f"{_cap(nom)} van {np1} en {np2}{for_group} ({place})"
    np1, np2 = _phrases(spec, article="")
    lead = f"Voor {group} in {place}" if group else f"In {place}"
    return f"{lead}: {np1} en {np2} {act}"


def _description(spec: _Spec) -> str:
    style = spec.style
    act, nom, _ = _ACTIONS[spec.action]
    place = _PLACES[spec.place][0]
    group = _GROUPS[spec.group] if spec.group is not None else None
    np1, np2 = _phrases(spec, article="de" if style.definite else "een")
    nom_van = f"{nom} van {np1} en {np2}"
    values = {
        "nom_van": nom_van,
        "Nom_van": _cap(nom_van),
        "np1": np1,
        "np2": np2,
        "act": act,
        "place": place,
        "in_place": f" in {place}",
        "for_group": f" voor {group}" if group else "",
        "group_or_residents": group or "bewoners",
        "group_or_area": group or place,
    }
    topic = _TOPIC_SENTENCES[style.sentence].format(**values)
    partner = _PARTNERS[spec.partners[0]] if spec.partners else ""
    fillers = [_FILLERS[k].format(year=spec.year + 1, partner=partner, group=group) for k in style.fillers]
    sentences = [*fillers, topic] if style.fillers_first else [topic, *fillers]
    return " ".join(sentences)


_WORD = re.compile(r"[A-Za-zÀ-ÿ]{5,}")


def _typos(rng: random.Random, text: str, count: int) -> str:
    """Put ``count`` typos (swap, deletion, duplication) into distinct words of ``text``."""
    words = list(_WORD.finditer(text))
    if not words or not count:
        return text
    chosen = sorted(rng.sample(words, min(count, len(words))), key=lambda m: m.start(), reverse=True)
    for match in chosen:
        word = match.group()
        i = rng.randrange(1, len(word) - 1)
        operation = rng.randrange(3)
        if operation == 0 and word[i] != word[i + 1]:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif operation == 1:
            word = word[:i] + word[i + 1 :]
        else:
            word = word[:i] + word[i] + word[i:]
        text = text[: match.start()] + word + text[match.end() :]
    return text


# --------------------------------------------------------------------------- programmes


def _goals(rng: random.Random, theme: int, year: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    prefixes = _THEME_PREFIXES[theme]

    def compound() -> int:
        return rng.choice(prefixes) * _NH + rng.randrange(_NH)

    def lemma() -> str:
        return _PREFIXES[rng.choice(prefixes)][1]

    strategic_templates = (
        lambda: f"Een {rng.choice(_CITY_ADJECTIVES)} stad met ruimte voor {lemma()}",
        lambda: f"{_cap(rng.choice(_GROUPS))} doen volwaardig mee in de samenleving",
        lambda: f"{_cap(lemma())} is voor iedereen bereikbaar en betaalbaar",
        lambda: f"Sterke wijken met aandacht voor {lemma()} en {lemma()}",
        lambda: f"{_CITY} is in {year + 8} een voorbeeld op het gebied van {lemma()}",
    )
    strategic = []
    for s in range(1, rng.randint(2, 4) + 1):
        strategic.append({"id": f"S{s}", "title": rng.choice(strategic_templates)()})

    def plural_compound() -> str:
        c = compound()
        return _join(_PREFIXES[c // _NH][0], _HEADS[c % _NH][1])

    def singular_compound() -> str:
        c = compound()
        return _join(_PREFIXES[c // _NH][0], _HEADS[c % _NH][0])

    operational_templates = (
        lambda: f"In {year + 3} zijn er {rng.randint(3, 40)} {plural_compound()} gerealiseerd",
        lambda: f"Vóór {year + 4} heeft elke wijk een {singular_compound()}",
        lambda: (
            f"In {year + 3} maakt {rng.randint(10, 60)}% van de {rng.choice(_GROUPS)} gebruik van een "
            f"{singular_compound()}"
        ),
        lambda: f"In {year + 2} is het aantal {plural_compound()} met {rng.randint(5, 40)}% gestegen",
        lambda: (
            f"{_cap(_ACTIONS[rng.randrange(len(_ACTIONS))][1])} van de {plural_compound()} is in {year + 2} afgerond"
        ),
    )
    operational = []
    n_strategic = len(strategic)
    for o in range(1, rng.randint(3, 8) + 1):
        target = f"S{o}" if o <= n_strategic else f"S{rng.randint(1, n_strategic)}"
        operational.append({"id": f"O{o}", "title": rng.choice(operational_templates)(), "contributes_to": [target]})
    return strategic, operational


def _effort_dict(rng: random.Random, spec: _Spec, operational_ids: list[str]) -> dict[str, Any]:
    title = _title(spec)
    description = _description(spec)
    if spec.style.title_typos:
        title = _typos(rng, title, spec.style.title_typos)
    if spec.style.description_typos:
        description = _typos(rng, description, spec.style.description_typos)
    effort: dict[str, Any] = {
        "id": spec.local_id,
        "title": title,
        "description": description,
        "contributes_to": rng.sample(operational_ids, 1 if rng.random() < 0.7 else 2),
        "kind": rng.choice(_KINDS),
        "role": rng.choice(_ROLES),
        "owner": _slug(_OWNERS[spec.owner][0]),
        "areas": [_PLACES[spec.place][0]],
    }
    if spec.partners:
        effort["partners"] = [_PARTNERS[p] for p in spec.partners]
    if rng.random() < 0.5:
        effort["status"] = rng.choice(_STATUSES)
    return effort


def _sizes(rng: random.Random, n_efforts: int, n_programmes: int) -> list[int]:
    """Programme sizes within ±20% of the mean that add up to ``n_efforts``."""
    weights = [rng.uniform(0.8, 1.2) for _ in range(n_programmes)]
    total = sum(weights)
    sizes = [max(1, int(n_efforts * w / total)) for w in weights]
    k = 0
    while sum(sizes) < n_efforts:
        sizes[k % n_programmes] += 1
        k += 1
    while sum(sizes) > n_efforts:
        if sizes[k % n_programmes] > 1:
            sizes[k % n_programmes] -= 1
        k += 1
    return sizes


# --------------------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class OverlapCorpus:
    """A portfolio with planted overlaps and its ground truth.

    ``truth`` holds the planted pairs (node keys ``programme-id/effort-id``);
    ``text_only`` is the subset whose efforts share no owner, partner or wijk;
    ``decoys`` are hard negatives planted on purpose (a seed effort and an
    effort of another topic in the seed's context).  Every pair not in
    ``truth`` is a negative.
    """

    portfolio: Portfolio
    truth: frozenset[frozenset[str]]
    text_only: frozenset[frozenset[str]] = field(default_factory=frozenset)
    decoys: frozenset[frozenset[str]] = field(default_factory=frozenset)
    topics: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Node key -> the two compound ids of its topic (for grading reported pairs)."""
    planted: tuple[tuple[str, str], ...] = ()
    """The planted pairs as (base effort, its rewritten copy), in the order they were planted."""
    elsewhere: dict[str, str] = field(default_factory=dict)
    """Base effort -> its same-subject effort in another wijk (``elsewhere_share``; not in the truth)."""

    def shares_compound(self, a: str, b: str) -> bool:
        """True when two efforts share one topic compound (not both: that is a planted pair).

        Such a pair is about partly the same thing (*energiekas* in both); a
        benchmark may report precision with and without counting these as errors.
        """
        ta, tb = self.topics.get(a), self.topics.get(b)
        return ta is not None and tb is not None and bool(set(ta) & set(tb))


def overlap_corpus(
    n_efforts: int,
    *,
    seed: int = 0,
    planted_share: float = 0.10,
    efforts_per_programme: int = 250,
    decoy_share: float = 0.10,
    text_only_share: float = 0.08,
    elsewhere_share: float = 0.0,
) -> OverlapCorpus:
    """A portfolio of exactly ``n_efforts`` efforts with planted overlaps, the same for the same arguments.

    ``planted_share`` of the base efforts get a rewritten copy in another
    programme (so ``n_efforts * planted_share / (1 + planted_share)`` efforts
    are copies); ``decoy_share`` of the base efforts are decoys;
    ``text_only_share`` of the copies share only text with their original.
    ``elsewhere_share`` of the other planted pairs get one more effort on the
    original's subject in another wijk (see the module docs); these come on top
    of ``n_efforts``.  At 0 (the default) nothing is drawn for them: the output
    is the same as before the option existed.
    """
    if n_efforts < 1:
        raise ValueError("n_efforts must be at least 1")
    if not 0 <= planted_share <= 1:
        raise ValueError("planted_share must be between 0 and 1")
    if not 0 <= elsewhere_share <= 1:
        raise ValueError("elsewhere_share must be between 0 and 1")
    if not 0 <= decoy_share <= 1:
        raise ValueError("decoy_share must be between 0 and 1")
    if efforts_per_programme < 1:
        raise ValueError("efforts_per_programme must be at least 1")
    rng = random.Random(seed)
    n_programmes = max(2, round(n_efforts / efforts_per_programme)) if n_efforts >= 2 else 1
    n_programmes = min(n_programmes, n_efforts)
    sizes = _sizes(rng, n_efforts, n_programmes)
    n_copies = round(n_efforts * planted_share / (1 + planted_share)) if n_programmes > 1 else 0
    n_base = n_efforts - n_copies

    labels = [p for p, size in enumerate(sizes) for _ in range(size)]
    rng.shuffle(labels)
    builder = _Builder(rng, n_programmes)
    specs = builder.specs
    decoys: list[tuple[int, int]] = []
    for programme in labels[:n_base]:
        if specs and n_programmes > 1 and rng.random() < decoy_share:
            seed_index = rng.randrange(len(specs))
            for _ in range(10):
                if specs[seed_index].programme != programme:
                    break
                seed_index = rng.randrange(len(specs))
            if specs[seed_index].programme != programme:
                spec = builder.decoy(programme, seed_index)
                if spec.kind == "decoy":
                    decoys.append((seed_index, len(specs) - 1))
                continue
        builder.base(programme)

    # Planted copies: each base effort is copied at most once, into another programme.
    candidates = list(range(n_base))
    rng.shuffle(candidates)
    pairs: list[tuple[int, int, bool]] = []
    copy_labels = labels[n_base:]
    for cursor in range(n_copies):
        j = _outside(specs, candidates, cursor, copy_labels[cursor])
        if j is None:  # only bases of this programme are left: swap programmes with a later copy
            k = next((k for k in range(cursor + 1, n_copies) if copy_labels[k] != copy_labels[cursor]), None)
            if k is None:
                raise RuntimeError("no base effort left outside the programme; lower planted_share")
            copy_labels[cursor], copy_labels[k] = copy_labels[k], copy_labels[cursor]
            j = _outside(specs, candidates, cursor, copy_labels[cursor])
            assert j is not None
        candidates[cursor], candidates[j] = candidates[j], candidates[cursor]
        source = candidates[cursor]
        text_only = rng.random() < text_only_share
        builder.copy(copy_labels[cursor], source, text_only=text_only)
        pairs.append((source, len(specs) - 1, text_only))
    distractors = _elsewhere(rng, builder, pairs, elsewhere_share, n_programmes) if elsewhere_share else []
    portfolio = _portfolio(rng, builder, n_programmes)
    keys = [f"{_programme_id(s.programme)}/{s.local_id}" for s in specs]
    truth = frozenset(frozenset((keys[a], keys[b])) for a, b, _ in pairs)
    text_only_pairs = frozenset(frozenset((keys[a], keys[b])) for a, b, only in pairs if only)
    decoy_pairs = frozenset(frozenset((keys[a], keys[b])) for a, b in decoys)
    assert len(truth) == n_copies
    assert not truth & decoy_pairs
    topics = {key: (spec.a, spec.b) for key, spec in zip(keys, specs, strict=True)}
    planted = tuple((keys[a], keys[b]) for a, b, _ in pairs)
    elsewhere = {keys[a]: keys[b] for a, b in distractors}
    return OverlapCorpus(portfolio, truth, text_only_pairs, decoy_pairs, topics, planted, elsewhere)


def _elsewhere(
    rng: random.Random, builder: _Builder, pairs: list[tuple[int, int, bool]], share: float, n_programmes: int
) -> list[tuple[int, int]]:
    """Same-subject efforts in another wijk for ``share`` of the planted pairs that keep their wijk."""
    specs = builder.specs
    out = []
    for source, copy, text_only in pairs:
        if text_only or rng.random() >= share:
            continue
        programmes = [p for p in range(n_programmes) if p != specs[source].programme]
        builder.copy(rng.choice(programmes), source, text_only=False, elsewhere=_wijk(specs[copy]))
        out.append((source, len(specs) - 1))
    return out


def _outside(specs: list[_Spec], candidates: list[int], start: int, programme: int) -> int | None:
    """The first position from ``start`` on whose base effort is not in ``programme``."""
    for j in range(start, len(candidates)):
        if specs[candidates[j]].programme != programme:
            return j
    return None


def synthetic_overlap_portfolio(
    n_efforts: int, *, seed: int = 0, planted_share: float = 0.10, efforts_per_programme: int = 250
) -> tuple[Portfolio, frozenset[frozenset[str]]]:
    """A portfolio with planted cross-programme overlaps and the set of planted pairs.

    Each pair is a frozenset of two node keys ``programme-id/effort-id`` in two
    different programmes.  See :func:`overlap_corpus` for the decoys (hard
    negatives) and the text-only pairs.
    """
    corpus = overlap_corpus(
        n_efforts, seed=seed, planted_share=planted_share, efforts_per_programme=efforts_per_programme
    )
    return corpus.portfolio, corpus.truth


def _programme_id(index: int) -> str:
    return f"prog-{index + 1:04d}"


def _portfolio(rng: random.Random, builder: _Builder, n_programmes: int) -> Portfolio:
    by_programme: list[list[_Spec]] = [[] for _ in range(n_programmes)]
    for spec in builder.specs:
        by_programme[spec.programme].append(spec)
    programmes = []
    for index, members in enumerate(by_programme):
        theme = builder.themes[index]
        year = builder.years[index]
        rng.shuffle(members)  # copies and decoys must not sit at the end
        width = max(3, len(str(len(members))))
        for number, spec in enumerate(members, start=1):
            spec.local_id = f"E{number:0{width}d}"
        strategic, operational = _goals(rng, theme, year)
        operational_ids = [g["id"] for g in operational]
        efforts = [_effort_dict(rng, spec, operational_ids) for spec in members]
        used = sorted({spec.owner for spec in members})
        owners = [{"id": _slug(_OWNERS[k][0]), "name": _OWNERS[k][0], "type": _OWNERS[k][1]} for k in used]
        adjective = rng.choice(_CITY_ADJECTIVES)
        programmes.append(
            {
                "id": _programme_id(index),
                "name": f"Programma {_THEMES[theme][0]} {index + 1}",
                "municipality": _CITY,
                "period": {"start": year, "end": year + 3},
                "vision": f"{_CITY} is in {year + 10} een {adjective} gemeente waar "
                f"{rng.choice(_GROUPS)} en alle andere inwoners prettig wonen, werken en meedoen.",
                "strategic_goals": strategic,
                "operational_goals": operational,
                "efforts": efforts,
                "owners": owners,
            }
        )
    areas = [{"id": _slug(wijk), "name": wijk, "kind": "wijk", "parts": list(buurten)} for wijk, buurten in _WIJKEN]
    return Portfolio.model_validate(
        {
            "id": "twentestad-overlap",
            "name": f"Gemeente {_CITY}",
            "municipality": _CITY,
            "programmes": programmes,
            "areas": areas,
        }
    )


# --------------------------------------------------------------------------- self-test


_STOPWORDS = frozenset({"voor", "van", "het", "een", "en", "de", "in"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-zà-ÿ']+", text.casefold()) if len(w) > 3 and w not in _STOPWORDS}


def _shared(a: din_graph.Effort, b: din_graph.Effort, a_owner: str, b_owner: str) -> list[str]:
    """What two efforts have in common besides their topic, for printing."""
    wijk_of = {name.casefold(): wijk for wijk, buurten in _WIJKEN for name in (wijk, *buurten)}
    shared = []
    if a_owner == b_owner:
        shared.append(f"owner {a_owner!r}")
    if set(a.areas) & set(b.areas):
        shared.append(f"area {a.areas[0]!r}")
    elif {wijk_of[x.casefold()] for x in a.areas} & {wijk_of[x.casefold()] for x in b.areas}:
        shared.append(f"wijk {wijk_of[a.areas[0].casefold()]!r}")
    common = sorted(set(a.partners) & set(b.partners))
    if common:
        shared.append(f"partner {common[0]!r}")
    words = sorted(_words(a.title) & _words(b.title))
    if words:
        shared.append("title words " + " ".join(words))
    return shared


def _self_test() -> None:
    began = time.perf_counter()
    corpus = overlap_corpus(2000)
    elapsed = time.perf_counter() - began
    portfolio = corpus.portfolio
    efforts = {
        f"{p.id}/{e.id}": (e, p.owner(e.owner).name if e.owner else "") for p in portfolio.programmes for e in p.efforts
    }
    print(
        f"n=2000 built in {elapsed:.2f} s: {len(portfolio.programmes)} programmes, {len(efforts)} efforts, "
        f"{len(corpus.truth)} planted pairs ({len(corpus.text_only)} text-only), {len(corpus.decoys)} decoys"
    )
    problems = din_graph.validate(portfolio)
    assert not problems, problems[:5]
    print("validate: no errors, no warnings")
    assert len(efforts) == 2000
    for pair in corpus.truth:
        first, second = sorted(pair)
        assert first.split("/")[0] != second.split("/")[0], pair
    again = overlap_corpus(2000)
    assert again.portfolio == portfolio, "not deterministic"
    assert again.truth == corpus.truth, "not deterministic"
    assert overlap_corpus(2000, seed=1).truth != corpus.truth

    # Negatives that share context: cross-programme pairs outside the truth with the same owner name and area.
    by_owner_area: dict[tuple[str, str], list[str]] = {}
    for key, (effort, owner) in efforts.items():
        for area in effort.areas:
            by_owner_area.setdefault((owner, area), []).append(key)
    hard = 0
    for keys in by_owner_area.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                if first.split("/")[0] != second.split("/")[0] and frozenset((first, second)) not in corpus.truth:
                    hard += 1
    print(f"cross-programme negatives sharing owner name and area: {hard}")

    def show(title: str, pairs: list[list[str]]) -> None:
        print(f"\n{title}")
        for first, second in pairs[:5]:
            (ea, oa), (eb, ob) = efforts[first], efforts[second]
            shared = "; ".join(_shared(ea, eb, oa, ob)) or "nothing but the topic"
            print(f"  {first}: {ea.title}\n  {second}: {eb.title}\n    shared: {shared}")

    def spread(pairs: frozenset[frozenset[str]]) -> list[list[str]]:
        ordered = sorted(sorted(p) for p in pairs)
        return ordered[:: max(1, len(ordered) // 5)]

    def hardest(pairs: frozenset[frozenset[str]]) -> list[list[str]]:
        def score(pair: list[str]) -> int:
            (ea, oa), (eb, ob) = efforts[pair[0]], efforts[pair[1]]
            return len(_shared(ea, eb, oa, ob)) + len(_words(ea.title) & _words(eb.title))

        return sorted(sorted(sorted(p) for p in pairs), key=score, reverse=True)

    show("Planted pairs (true):", spread(corpus.truth))
    show("Text-only planted pairs (true):", spread(corpus.text_only))
    show("Decoys, hardest first (negatives):", hardest(corpus.decoys))

    for n in (10_000, 100_000):
        began = time.perf_counter()
        big, truth = synthetic_overlap_portfolio(n)
        elapsed = time.perf_counter() - began
        count = sum(len(p.efforts) for p in big.programmes)
        print(
            f"\nn={n}: built in {elapsed:.1f} s ({len(big.programmes)} programmes, {count} efforts, {len(truth)} pairs)"
        )


if __name__ == "__main__":
    _self_test()
    sys.exit(0)
