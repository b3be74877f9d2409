"""Synthetic, realistic DIN portfolios of any size, for benchmarks.

:func:`synthetic_portfolio` builds a :class:`din_graph.Portfolio` of programmes
of about ``efforts_per_programme`` efforts each, deterministically from a seed.
The programmes look like the real contracts in ``examples/``: a vision, a few
strategic goals, operational goals with indicators (targets per year, sometimes
a missing baseline, a target year outside the period, a lost year or a text
target), efforts linked mostly to operational goals, some to strategic goals,
a few to goals of another programme and a few to nothing (orphans), owners
drawn partly from a pool shared by all programmes (so departments recur across
programmes), PM placeholders, areas and missions.  Every link resolves: the
portfolio passes ``din_graph.validate`` without errors.

Run ``python benchmarks/generate.py`` for a quick self-test (validity, size,
determinism and generation speed).
"""

from __future__ import annotations

import random
import re
import sys
import time
import unicodedata
from typing import Any

import din_graph
from din_graph import Portfolio, Programme

__all__ = ["synthetic_portfolio"]

# --------------------------------------------------------------------------- word lists

_THEMES = (
    ("duurzaamheid", "Duurzaamheid"),
    ("leefbare-wijken", "Leefbare wijken en dorpen"),
    ("sociaal-domein", "Toekomstbestendig sociaal domein"),
    ("wonen", "Wonen"),
    ("economie", "Economie en werk"),
    ("mobiliteit", "Mobiliteit"),
    ("jeugd", "Jeugd en onderwijs"),
    ("gezondheid", "Gezondheid en sport"),
    ("cultuur", "Cultuur en erfgoed"),
    ("veiligheid", "Veiligheid"),
    ("binnenstad", "Binnenstad"),
    ("participatie", "Participatie en dienstverlening"),
)

_VISIONS = (
    "{city} is over een aantal jaren een mooie groene en blauwe stad, met trotse en gezonde inwoners.",
    "In {city} doet iedereen mee en voelt iedereen zich thuis in de eigen wijk of het eigen dorp.",
    "{city} is een stad waar het prettig wonen, werken en ondernemen is, nu en in de toekomst.",
    "Inwoners van {city} groeien gezond en veilig op en krijgen de kansen die ze verdienen.",
    "{city} is in 2030 een energieneutrale, klimaatbestendige en circulaire gemeente.",
)

_STRATEGIC = (
    "{city} is groener, schoner en beter voorbereid op klimaatverandering",
    "De energietransitie is betaalbaar en haalbaar voor iedereen",
    "Inwoners doen mee en voelen zich thuis in hun wijk",
    "Wijken en dorpen zijn schoon, heel en veilig",
    "Jongeren groeien kansrijk op",
    "Ondernemers vestigen zich graag in {city}",
    "Iedereen kan zich veilig en duurzaam verplaatsen",
    "Er is voldoende betaalbare woonruimte voor alle doelgroepen",
    "Ouderen wonen langer zelfstandig thuis",
    "Het centrum is levendig en aantrekkelijk",
    "Minder inwoners leven in armoede of met schulden",
    "Inwoners bewegen meer en leven gezonder",
)

_OPERATIONAL = (
    "In {year} is het aantal {obj} met {pct}% toegenomen",
    "In {year} zijn {n} {obj} aangepakt",
    "Vóór {year} heeft elke wijk {obj}",
    "In {year} is de tevredenheid over {obj} gestegen naar {pct}%",
    "In {year} is het gebruik van {obj} met {pct}% afgenomen",
    "In {year} zijn {n} {obj} gerealiseerd samen met bewoners",
)

_VERBS = (
    "Vergroenen",
    "Verduurzamen",
    "Herinrichten",
    "Versterken",
    "Uitbreiden",
    "Opknappen",
    "Ontwikkelen",
    "Stimuleren",
    "Aanpak",
    "Onderzoek naar",
    "Pilot",
    "Monitoren",
    "Toegankelijk maken van",
    "Samenwerking rond",
    "Ondersteunen",
    "Inventariseren",
)

_OBJECTS = (
    "schoolpleinen",
    "energiearmoede",
    "buurthuizen",
    "fietsroutes",
    "speelplekken",
    "wadi's en regenwaterberging",
    "laadpalen",
    "eenzaamheid onder ouderen",
    "schuldhulpverlening",
    "jongerenwerk",
    "zonnepanelen op daken",
    "groenstroken",
    "het winkelgebied",
    "sportaccommodaties",
    "mantelzorgondersteuning",
    "isolatie van huurwoningen",
    "afvalscheiding",
    "bibliotheekvoorzieningen",
    "wijkteams",
    "straatverlichting",
    "bedrijventerreinen",
    "starterswoningen",
    "taalonderwijs",
    "ommetjes en wandelroutes",
    "geveltuinen",
    "buurtpreventie",
)

_PARTNERS = (
    "Woningcorporatie Stadswonen",
    "Welzijn Stad",
    "GGD Regio",
    "Waterschap Oost",
    "Politie basisteam",
    "Ondernemersvereniging",
    "Energiecoöperatie",
    "Sportbedrijf",
    "Huurdersvereniging",
    "Stichting Present",
    "ROC",
    "Bibliotheek",
)

_DOMAINS = (
    "Ruimte",
    "Wonen",
    "Sociaal Domein",
    "Economie",
    "Duurzaamheid",
    "Openbare Ruimte",
    "Jeugd",
    "Zorg",
    "Mobiliteit",
    "Cultuur",
    "Sport",
    "Veiligheid",
    "Onderwijs",
    "Vastgoed",
    "Communicatie",
    "Financiën",
    "Uitvoering Fysiek",
    "Wijkzaken",
    "Participatie",
    "Werk en Inkomen",
)

_ROLE_TITLES = ("Beleidsadviseur", "Projectleider", "Wijkregisseur", "Accountmanager", "Kwartiermaker")

_WIJKEN = (
    ("Noord", ("Noord-Oost", "Noord-West", "Veldkamp")),
    ("Oost", ("Oosterhof", "De Maten", "Esch")),
    ("Zuid", ("Zuiderpark", "Hofkamp", "Riet Zuid")),
    ("West", ("Westerveld", "Kolkwijk", "Ossenkoppelerhoek")),
    ("Binnenstad", ("Binnenstad-Noord", "Binnenstad-Zuid", "Stationsgebied")),
    ("Schelfhorst", ("Schelfhorst-Oost", "Schelfhorst-West")),
    ("Windmolenbroek", ("Windmolenbroek-Noord", "Windmolenbroek-Zuid")),
    ("Nieuwstraat", ("Kerkelanden", "Het Sluitersveld")),
)
_DORPEN = (("Aadorp", ("Aadorp-Oost", "Aadorp-West")), ("Bornerbroek", ("Bornerbroek-Kern",)))

_KINDS = ("project", "activity", "line_activity", "study", "unknown")
_KIND_WEIGHTS = (30, 25, 25, 5, 15)
_KNOWN_ROLES = ("lead", "line", "coordination", "partner", "residents")
_STATUSES = ("planned", "running", "done", "stopped")

_CITY = "Benchstad"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _owner_pool() -> list[tuple[str, str]]:
    """(name, type) of owners that every programme draws from, so they recur across programmes."""
    pool: list[tuple[str, str]] = []
    for domain in _DOMAINS:
        pool.append((f"Afdeling {domain}", "department"))
        pool.append((f"Team {domain}", "team"))
        pool.append((f"Wethouder {domain}", "official"))
        pool.extend((f"{title} {domain}", "person") for title in _ROLE_TITLES)
    pool.extend((name, "partner") for name in _PARTNERS)
    return pool


_POOL = _owner_pool()

# --------------------------------------------------------------------------- building blocks


def _hours(rng: random.Random, low_choices: tuple[int, ...]) -> float | str:
    low = rng.choice(low_choices)
    if rng.random() < 0.4:
        return f"{low}-{low * 2}"
    return float(low)


def _indicator(rng: random.Random, obj: str, start: int, end: int, number: int) -> dict[str, Any]:
    percentage = rng.random() < 0.4
    base = rng.randint(10, 60) if percentage else rng.randint(0, 500)
    better = "lower" if rng.random() < 0.2 else "higher"
    step = rng.randint(1, 8) if percentage else rng.randint(5, 100)
    years = list(range(start, end + 1))
    if rng.random() < 0.3:  # contracts often give only some years
        years = sorted(rng.sample(years, rng.randint(1, len(years))))
    targets: dict[int | str, int | float | str] = {}
    for i, year in enumerate(years, start=1):
        value = base - i * step if better == "lower" else base + i * step
        targets[year] = max(value, 0)
    roll = rng.random()
    if roll < 0.05:
        targets[end + rng.randint(1, 3)] = base + (len(years) + 2) * step  # a year outside the period
    elif roll < 0.08:
        targets["onbekend"] = base + step  # the source lost the year
    elif roll < 0.11:
        targets[years[-1]] = "ntb."  # a target given as text
    indicator: dict[str, Any] = {
        "id": f"I{number}",
        "name": f"Percentage inwoners tevreden over {obj}" if percentage else f"Aantal {obj}",
        "unit": "%" if percentage else "aantal",
        "targets": targets,
        "source": rng.choice(("Wijkmonitor", "Gemeente", "CBS", "Burgerpanel")),
        "better": better,
    }
    if rng.random() < 0.85:  # sometimes the baseline is missing
        indicator["baseline"] = {"value": base, "year": start - 1}
    return indicator


def _goals(
    rng: random.Random, start: int, end: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, list[str]]]:
    """Strategic and operational goals of one programme, and the op goals under each strategic goal."""
    strategic: list[dict[str, Any]] = []
    operational: list[dict[str, Any]] = []
    under: dict[str, list[str]] = {}
    indicator_number = 0
    titles = rng.sample(_STRATEGIC, rng.randint(2, 5))
    for s, strategic_title in enumerate(titles, start=1):
        sid = f"S{s}"
        goal: dict[str, Any] = {"id": sid, "title": strategic_title.format(city=_CITY)}
        if rng.random() < 0.3:
            goal["criteria"] = [f"dat betekent dat {rng.choice(_OBJECTS)} op orde zijn" for _ in range(2)]
        strategic.append(goal)
        under[sid] = []
        for o in range(rng.randint(2, 4)):
            oid = f"O{s}{'abcd'[o]}"
            obj = rng.choice(_OBJECTS)
            title = rng.choice(_OPERATIONAL).format(year=end, obj=obj, pct=rng.randint(5, 40), n=rng.randint(3, 60))
            links = [sid]
            if s > 1 and rng.random() < 0.1:
                links.append(f"S{rng.randint(1, s - 1)}")
            indicators = []
            for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
                indicator_number += 1
                indicators.append(_indicator(rng, obj, start, end, indicator_number))
            operational.append({"id": oid, "title": title, "contributes_to": links, "indicators": indicators})
            under[sid].append(oid)
    return strategic, operational, under


def _owners(rng: random.Random, programme_name: str) -> list[dict[str, Any]]:
    count = rng.randint(10, 40)
    shared = rng.sample(_POOL, min(len(_POOL), round(count * 0.75)))
    own = [(f"Projectleider {programme_name} {k}", "person") for k in range(1, count - len(shared) + 1)]
    owners = []
    seen: set[str] = set()
    for name, kind in (*shared, *own):
        oid = _slug(name)
        if oid in seen:
            continue
        seen.add(oid)
        owner: dict[str, Any] = {"id": oid, "name": name, "type": kind}
        if rng.random() < 0.5:
            owner["hours_per_week"] = _hours(rng, (8, 16, 24, 36))
        owners.append(owner)
    return owners


def _sizes(rng: random.Random, n_efforts: int, per_programme: int) -> list[int]:
    """Programme sizes around ``per_programme`` (±30%) that add up to ``n_efforts`` exactly."""
    count = max(1, round(n_efforts / per_programme))
    weights = [rng.uniform(0.7, 1.3) for _ in range(count)]
    total = sum(weights)
    sizes = [max(1, int(n_efforts * w / total)) for w in weights]
    sizes[-1] += n_efforts - sum(sizes)
    if sizes[-1] < 1:  # only for tiny n with many programmes
        return [1] * n_efforts
    return sizes


def _areas() -> list[dict[str, Any]]:
    areas: list[dict[str, Any]] = [
        {"id": _slug(name), "name": name, "kind": "wijk", "parts": list(parts)} for name, parts in _WIJKEN
    ]
    areas += [{"id": _slug(name), "name": name, "kind": "dorp", "parts": list(parts)} for name, parts in _DORPEN]
    return areas


_AREA_NAMES = [name for name, _ in (*_WIJKEN, *_DORPEN)] + [p for _, parts in (*_WIJKEN, *_DORPEN) for p in parts]


def _title(rng: random.Random) -> str:
    title = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    roll = rng.random()
    if roll < 0.45:
        title += f" in {rng.choice(_AREA_NAMES)}"
    elif roll < 0.6:
        title += f" met {rng.choice(_PARTNERS)}"
    elif roll < 0.7:
        title += f" fase {rng.randint(1, 3)}"
    return title


def _effort(
    rng: random.Random,
    number: int,
    links: list[str],
    owners: list[dict[str, Any]],
    owner_weights: list[float],
    unknown_roles: float,
    start: int,
    end: int,
) -> dict[str, Any]:
    effort: dict[str, Any] = {
        "id": f"E{number}",
        "title": _title(rng),
        "contributes_to": links,
        "kind": rng.choices(_KINDS, _KIND_WEIGHTS)[0],
        "role": "unknown" if rng.random() < unknown_roles else rng.choice(_KNOWN_ROLES),
    }
    if rng.random() < 0.92:
        effort["owner"] = rng.choices(owners, owner_weights)[0]["id"]
    if rng.random() < 0.4:
        effort["hours_per_week"] = _hours(rng, (1, 2, 4, 8))
    if rng.random() < 0.5:
        effort["status"] = rng.choice(_STATUSES)
    if rng.random() < 0.2:
        effort["partners"] = rng.sample(_PARTNERS, rng.randint(1, 2))
    if rng.random() < 0.4:
        effort["areas"] = rng.sample(_AREA_NAMES, rng.randint(1, 2))
    if rng.random() < 0.3:
        effort["track"] = f"Spoor {rng.randint(1, 4)}"
    if rng.random() < 0.15:
        effort["budget"] = {year: float(rng.randint(1, 50) * 5000) for year in range(start, end + 1)}
    if rng.random() < 0.1:
        effort["planning"] = f"Q{rng.randint(1, 4)} {rng.randint(start, end)}"
    if rng.random() < 0.2:
        effort["description"] = f"{_title(rng)}, samen met bewoners en partners in de wijk."
    return effort


# --------------------------------------------------------------------------- the portfolio


def synthetic_portfolio(n_efforts: int, *, seed: int = 0, efforts_per_programme: int = 500) -> Portfolio:
    """A valid, realistic portfolio with exactly ``n_efforts`` efforts, the same for the same arguments.

    Programmes hold about ``efforts_per_programme`` efforts each (±30%).  About
    3% of efforts link to no goal (orphans) and about 2% link to a goal of
    another programme (``programme-id/local-id``); the rest link to one to three
    goals of their own programme, mostly operational, some strategic.
    """
    if n_efforts < 1 or efforts_per_programme < 1:
        raise ValueError("n_efforts and efforts_per_programme must be at least 1")
    rng = random.Random(seed)
    sizes = _sizes(rng, n_efforts, efforts_per_programme)
    # First every programme's goals, so that efforts can link into other programmes.
    heads: list[dict[str, Any]] = []
    for number, size in enumerate(sizes, start=1):
        slug, theme = _THEMES[(number - 1) % len(_THEMES)]
        start = rng.randint(2019, 2025)
        end = start + rng.choice((3, 3, 3, 4))
        strategic, operational, under = _goals(rng, start, end)
        heads.append(
            {
                "id": f"{slug}-{number}",
                "name": f"{theme} {number}",
                "size": size,
                "start": start,
                "end": end,
                "strategic": strategic,
                "operational": operational,
                "under": under,
            }
        )
    programmes: list[Programme] = []
    next_effort = 1
    for index, head in enumerate(heads):
        programmes.append(_programme(rng, head, heads, index, next_effort))
        next_effort += head["size"]
    missions = _missions(rng, [p.id for p in programmes])
    return Portfolio.model_validate(
        {
            "id": "benchstad",
            "name": f"Gemeente {_CITY}",
            "municipality": _CITY,
            "programmes": programmes,
            "areas": _areas(),
            "missions": missions,
        }
    )


def _programme(
    rng: random.Random, head: dict[str, Any], heads: list[dict[str, Any]], index: int, first_effort: int
) -> Programme:
    pid, start, end = head["id"], head["start"], head["end"]
    strategic_ids = [g["id"] for g in head["strategic"]]
    operational_ids = [g["id"] for g in head["operational"]]
    # Some operational goals attract many efforts, a few none at all (uncovered).
    weights = [0.0 if rng.random() < 0.05 else rng.expovariate(1.0) + 0.05 for _ in operational_ids]
    if not any(weights):
        weights[0] = 1.0
    owners = _owners(rng, head["name"])
    owner_weights = [1.0 / (rank + 1) for rank in range(len(owners))]  # a few owners carry most
    unknown_roles = rng.uniform(0.05, 0.6)
    efforts = []
    for offset in range(head["size"]):
        roll = rng.random()
        links: list[str] = []
        if roll >= 0.03:  # ~3% orphans
            count = rng.choices((1, 2, 3), (60, 30, 10))[0]
            while len(links) < count:
                # Mostly operational goals, some strategic (contracts often link only those).
                strategic = rng.random() < 0.15
                target = rng.choice(strategic_ids) if strategic else rng.choices(operational_ids, weights)[0]
                if target not in links:
                    links.append(target)
            if roll < 0.05 and len(heads) > 1:  # ~2% link to a goal of another programme
                other = heads[(index + rng.randint(1, len(heads) - 1)) % len(heads)]
                goal = rng.choice([*other["operational"], *other["strategic"]])
                links[0] = f"{other['id']}/{goal['id']}"
        efforts.append(_effort(rng, first_effort + offset, links, owners, owner_weights, unknown_roles, start, end))
    placeholders = []
    for number in range(1, rng.randint(0, 4) + 1):
        placeholder: dict[str, Any] = {"id": f"PM{number}", "contributes_to": [rng.choice(operational_ids)]}
        if rng.random() < 0.5:
            placeholder["note"] = "nog te ontwikkelen met partners"
        placeholders.append(placeholder)
    return Programme.model_validate(
        {
            "id": pid,
            "name": head["name"],
            "municipality": _CITY,
            "period": {"start": start, "end": end},
            "sponsors": {
                "political": f"Wethouder {rng.choice(_DOMAINS)}",
                "administrative": f"Directeur {rng.choice(_DOMAINS)}",
            },
            "manager": f"Programmamanager {head['name']}",
            "vision": rng.choice(_VISIONS).format(city=_CITY),
            "strategic_goals": head["strategic"],
            "operational_goals": head["operational"],
            "efforts": efforts,
            "owners": owners,
            "placeholders": placeholders,
        }
    )


def _missions(rng: random.Random, programme_ids: list[str]) -> list[dict[str, Any]]:
    titles = (
        ("sociaal-domein", "Toekomstbestendig sociaal domein", False),
        ("fysiek-domein", "Een duurzame en leefbare stad", False),
        ("economie", "Een sterke economie", False),
        ("dienstverlening", "Dienstverlening en participatie", True),
        ("wijkgericht", "Wijkgericht werken", True),
    )
    missions = []
    for k, (mid, title, cross) in enumerate(titles):
        members = programme_ids[k :: len(titles)]
        if cross:  # a dwarsthema spans programmes of every mission
            members = rng.sample(programme_ids, min(len(programme_ids), 3))
        if not members:
            continue
        missions.append(
            {
                "id": mid,
                "title": title,
                "cross_cutting": cross,
                "programmes": members,
                "portfolio_holders": [f"Wethouder {rng.choice(_DOMAINS)}"],
            }
        )
    return missions


# --------------------------------------------------------------------------- self-test


def _self_test() -> None:
    for n in (1, 37, 1000, 2500):
        portfolio = synthetic_portfolio(n, seed=n)
        problems = din_graph.validate(portfolio)
        errors = [p for p in problems if p.severity == "error"]
        assert not errors, errors[:5]
        assert sum(len(p.efforts) for p in portfolio.programmes) == n
        print(f"n={n}: {len(portfolio.programmes)} programmes, {len(problems)} warnings, no errors")
    assert synthetic_portfolio(800, seed=3) == synthetic_portfolio(800, seed=3), "not deterministic"
    efforts = [e for p in synthetic_portfolio(10_000).programmes for e in p.efforts]
    orphans = sum(not e.contributes_to for e in efforts) / len(efforts)
    cross = sum(any("/" in ref for ref in e.contributes_to) for e in efforts) / len(efforts)
    print(f"n=10000: {orphans:.1%} orphans, {cross:.1%} cross-programme links")
    findings = din_graph.check(synthetic_portfolio(2000))
    print(f"check on n=2000: {findings!r}")
    for n in (10_000, 100_000):
        began = time.perf_counter()
        synthetic_portfolio(n)
        print(f"generating {n} efforts: {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    _self_test()
    sys.exit(0)
