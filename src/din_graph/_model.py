"""The DIN model: pydantic v2 models for programmes, goals, efforts and portfolios.

The model is the source of truth; graphs, diagrams and reports are built from
it.  Field names are English; every field that an author types also accepts
its Dutch name (``titel``, ``draagt_bij_aan``, ``trekker`` ...), and the
enumerations accept Dutch words (``regie``, ``lijnactiviteit``, ``afdeling``).

Models are frozen and forbid unknown keys, so a typo such as ``contributes_too``
is an error that names the key instead of a link that silently vanishes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_serializer,
    model_validator,
)

__all__ = [
    "DEFAULT_PARTICIPATION_LADDER",
    "DUTCH_ALIASES",
    "PHASE_PATTERNS",
    "Area",
    "Baseline",
    "BudgetLine",
    "Effort",
    "EffortKind",
    "EffortPhase",
    "EffortStatus",
    "HoursRange",
    "Indicator",
    "LevelNames",
    "Mission",
    "MunicipalMode",
    "MunicipalRole",
    "OperationalGoal",
    "Owner",
    "OwnerType",
    "Period",
    "Placeholder",
    "Portfolio",
    "Programme",
    "RelatedProgramme",
    "Role",
    "Source",
    "Sponsors",
    "StrategicGoal",
    "Vision",
    "parse_reference",
    "recognise_phase",
]

#: Dutch key -> English key.  One table for all models: the Dutch names do not
#: collide, and one table keeps the file format, the models and the docs in step.
DUTCH_ALIASES: dict[str, str] = {
    "programma": "programme",
    "naam": "name",
    "gemeente": "municipality",
    "periode": "period",
    "eind": "end",
    "opdrachtgevers": "sponsors",
    "bestuurlijk": "political",
    "ambtelijk": "administrative",
    "programmamanager": "manager",
    "bron": "source",
    "regels": "lines",
    "datum": "date",
    "niveaunamen": "level_names",
    "visie": "vision",
    "tekst": "text",
    "strategische_doelen": "strategic_goals",
    "strategisch_doel": "strategic_goal",
    "operationele_doelen": "operational_goals",
    "operationeel_doel": "operational_goal",
    "titel": "title",
    "omschrijving": "description",
    "criteria": "criteria",
    "succescriteria": "criteria",
    "draagt_bij_aan": "contributes_to",
    "indicatoren": "indicators",
    "eenheid": "unit",
    "peilwaarde": "baseline",
    "waarde": "value",
    "jaar": "year",
    "streefwaarden": "targets",
    "realisatie": "actuals",
    "beter": "better",
    "inspanningen": "efforts",
    "inspanning": "effort",
    "soort": "kind",
    "rol": "role",
    "trekker": "owner",
    "eigenaar": "owner",
    "gebieden": "areas",
    "spoor": "track",
    "uren_per_week": "hours_per_week",
    "eigenaren": "owners",
    "pm": "placeholders",
    "toelichting": "note",
    "opmerkingen": "notes",
    "gerelateerde_programmas": "related_programmes",
    "onderwerpen": "topics",
    "bewijs": "evidence",
    "bedrag": "amount",
    "portefeuille": "portfolio",
    "programmas": "programmes",
    "opgaven": "missions",
    "dwarsthema": "cross_cutting",
    "portefeuillehouders": "portfolio_holders",
    "delen": "parts",
    "aliassen": "aliases",
    "bestand": "document",
    "fase": "phase",
    "bronregels": "source_lines",
    "participatie": "participation",
    "participatietrede": "participation",
    "participatieladder": "participation_ladder",
    "rol_gemeente": "municipal_role",
    "sturing_gemeente": "municipal_mode",
}
_ENGLISH_TO_DUTCH: dict[str, list[str]] = {}
for _nl, _en in DUTCH_ALIASES.items():
    if _nl != _en:
        _ENGLISH_TO_DUTCH.setdefault(_en, []).append(_nl)

ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$"
_REF_RE = re.compile(r"^(?:(?P<programme>[A-Za-z0-9_][A-Za-z0-9_.\-]*)/)?(?P<local>[A-Za-z0-9_][A-Za-z0-9_.\-]*)$")


def _field(default: Any = ..., *, description: str, alias_of: str | None = None, **kw: Any) -> Any:
    """A Field whose Dutch aliases come from :data:`DUTCH_ALIASES`.

    ``alias_of`` is the English field name; the table gives the Dutch spellings.
    """
    if alias_of is not None and alias_of in _ENGLISH_TO_DUTCH:
        kw["validation_alias"] = AliasChoices(alias_of, *_ENGLISH_TO_DUTCH[alias_of])
    return Field(default, description=description, **kw)


def _id_from_scalar(value: Any) -> Any:
    # YAML reads `id: 1` as an int; an id is a name, so accept it as text.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Id = Annotated[
    str,
    BeforeValidator(_id_from_scalar),
    Field(pattern=ID_PATTERN, min_length=1, max_length=200),
]
Reference = Annotated[
    str,
    BeforeValidator(_id_from_scalar),
    Field(
        pattern=_REF_RE.pattern,
        description="A local id, 'vision', or 'programme-id/local-id' for another programme.",
    ),
]
Text = Annotated[str, Field(min_length=1)]


def _one_or_many(value: Any) -> Any:
    # `contributes_to: O1a` is a natural way to write a one-element list.
    if isinstance(value, str | int) and not isinstance(value, bool):
        return (value,)
    return value


#: A list of texts; a single text is read as a one-element list.
Texts = Annotated[tuple[str, ...], BeforeValidator(_one_or_many)]
References = Annotated[tuple[Reference, ...], BeforeValidator(_one_or_many)]
#: The years a DIN may name: a programme, baseline, target or budget outside them is a typo.
YEAR_MIN, YEAR_MAX = 1900, 2200


def _finite(value: Any) -> Any:
    # Checked before the union: otherwise NaN, refused as a float, slips in as the text "nan".
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a number a DIN can hold (NaN and infinities are not allowed)")
    return value


#: A year, or a label for a value whose year the source lost (``onbekend``, ``onbekend-a``).
YearKey = int | str
#: A number, or a value the source gives as text (``ntb.``, ``B``, ``4-8``); never NaN or infinite.
Value = Annotated[int | float | str, BeforeValidator(_finite)]
#: A year between :data:`YEAR_MIN` and :data:`YEAR_MAX`.
Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)]


def parse_reference(ref: str, programme_id: str) -> tuple[str, str]:
    """Split a reference into ``(programme_id, local_id)``.

    Examples
    --------
    >>> parse_reference("O1a", "almelo-duurzaamheid")
    ('almelo-duurzaamheid', 'O1a')
    >>> parse_reference("almelo-leefbare-wijken-en-dorpen/W3", "almelo-duurzaamheid")
    ('almelo-leefbare-wijken-en-dorpen', 'W3')
    """
    m = _REF_RE.match(ref)
    if m is None:
        raise ValueError(f"not a reference: {ref!r}")
    return (m.group("programme") or programme_id, m.group("local"))


class _DutchEnum(StrEnum):
    """A string enum whose members also accept Dutch words (and any case)."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            key = value.strip().lower().replace(" ", "_").replace("-", "_")
            for member in cls:
                if member.value == key:
                    return member
            english = cls._dutch_words().get(key)
            if english is not None:
                return cls(english)
        return None

    @classmethod
    def _dutch_words(cls) -> dict[str, str]:
        return {}

    @property
    def dutch(self) -> str:
        """The Dutch word for this value, as diagrams and reports print it."""
        for nl, en in self._dutch_words().items():
            if en == self.value:
                return nl
        return str(self.value)


class EffortKind(_DutchEnum):
    """What sort of effort: project, activity, line activity or study."""

    PROJECT = "project"
    ACTIVITY = "activity"
    LINE_ACTIVITY = "line_activity"
    STUDY = "study"
    UNKNOWN = "unknown"

    @classmethod
    def _dutch_words(cls) -> dict[str, str]:
        return {
            "project": "project",
            "activiteit": "activity",
            "lijnactiviteit": "line_activity",
            "lijnproject": "line_activity",
            "onderzoek": "study",
            "onbekend": "unknown",
        }


class Role(_DutchEnum):
    """How the programme relates to an effort.

    ``lead`` (*regie*): the programme directs it; ``line`` (*lijn*): a line
    department runs it; ``coordination`` (*afstemming*): another programme or
    organisation leads; ``partner`` and ``residents`` (*inwoners*): carried by
    others, the programme at most facilitates; ``unknown`` (*onbekend*): the
    source does not say.
    """

    LEAD = "lead"
    LINE = "line"
    COORDINATION = "coordination"
    PARTNER = "partner"
    RESIDENTS = "residents"
    UNKNOWN = "unknown"

    @classmethod
    def _dutch_words(cls) -> dict[str, str]:
        return {
            "regie": "lead",
            "lijn": "line",
            "afstemming": "coordination",
            "partner": "partner",
            "inwoners": "residents",
            "onbekend": "unknown",
        }


class EffortPhase(_DutchEnum):
    """Where an effort stands, as understood from its status text.

    ``planned`` (still to start), ``preparing`` (plan or design being made,
    funding being found), ``tendering`` (*aanbesteding*), ``running``,
    ``done``, ``stopped``, and ``unknown`` where the wording says nothing the
    pattern table (:data:`PHASE_PATTERNS`) recognises.
    """

    PLANNED = "planned"
    PREPARING = "preparing"
    TENDERING = "tendering"
    RUNNING = "running"
    DONE = "done"
    STOPPED = "stopped"
    UNKNOWN = "unknown"

    @classmethod
    def _dutch_words(cls) -> dict[str, str]:
        return {
            "gepland": "planned",
            "voorbereiding": "preparing",
            "aanbesteding": "tendering",
            "loopt": "running",
            "afgerond": "done",
            "gestopt": "stopped",
            "onbekend": "unknown",
        }


#: The former name of :class:`EffortPhase`, whose four words (planned, running,
#: done, stopped) it still accepts.
EffortStatus = EffortPhase

#: Dutch (and English) status wording -> phase, tried on the lower-cased text.
#: Contracts write a status chronologically ("DO gereed. Aanbestedingsprocedure
#: gestart."), so the phase of the *last* match in the text wins; at one place
#: the longest pattern wins ("DO gereed" is a design being done, not the effort).
PHASE_PATTERNS: tuple[tuple[str, EffortPhase], ...] = (
    (r"nog (?:te )?start(?:en)?", EffortPhase.PLANNED),
    (r"(?:op korte termijn )?opstarten", EffortPhase.PLANNED),
    (r"gepland|planned|voornemen|nog niet gestart|te starten", EffortPhase.PLANNED),
    (r"plan ?voorbereiding|voorbereid\w*|preparing", EffortPhase.PREPARING),
    (r"(?:\b(?:so|vo|do)|ontwerp) (?:is )?gereed", EffortPhase.PREPARING),
    (r"subsidie (?:\w+ )?(?:verkregen|toegekend|aangevraagd)", EffortPhase.PREPARING),
    (r"aanbested\w*|tendering|gegund", EffortPhase.TENDERING),
    (r"\bloopt\b|\blopend\b|in uitvoering|uitvoering gestart|opgestart|running|in progress", EffortPhase.RUNNING),
    (r"afgerond|\bgereed\b|opgeleverd|voltooid|gerealiseerd|\bklaar\b|\bdone\b", EffortPhase.DONE),
    (r"gestopt|gestaakt|stopgezet|geannuleerd|vervallen|stopped", EffortPhase.STOPPED),
)


def recognise_phase(status: str) -> EffortPhase:
    """The phase a status text speaks of, ``unknown`` when no pattern matches.

    The last phase word in the text wins, because contracts write a status in
    the order things happened; of overlapping patterns the longest wins.

    Examples
    --------
    >>> recognise_phase("Nog starten")
    <EffortPhase.PLANNED: 'planned'>
    >>> recognise_phase("DO gereed. Info avond juli 2018. Aanbestedingsprocedure gestart.")
    <EffortPhase.TENDERING: 'tendering'>
    >>> recognise_phase("planvoorbereiding; extra budget EUR 150.000 nodig")
    <EffortPhase.PREPARING: 'preparing'>
    >>> recognise_phase("vervolgopgave uit de presentatie (r. 306)")
    <EffortPhase.UNKNOWN: 'unknown'>
    """
    last: EffortPhase = EffortPhase.UNKNOWN
    lowered = status.lower()
    position = 0
    while True:
        found = _longest_match(lowered, position)
        if found is None:
            return last
        last, position = found


def _longest_match(text: str, start: int) -> tuple[EffortPhase, int] | None:
    best: tuple[int, int, EffortPhase] | None = None
    for index, (_pattern, phase) in enumerate(PHASE_PATTERNS):
        m = _PATTERNS_COMPILED[index].search(text, start)
        if m is None:
            continue
        candidate = (m.start(), -(m.end() - m.start()), phase)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    if best is None:
        return None
    begin, negative_length, phase = best
    return phase, begin - negative_length


_PATTERNS_COMPILED = tuple(re.compile(pattern) for pattern, _ in PHASE_PATTERNS)


class MunicipalRole(_DutchEnum):
    """The role the municipality takes for a *kernopgave* (seed 004, step 2).

    ``directing`` (*regisserend*), ``steering`` (*sturend*, leading), or
    ``enabling`` (*voorwaardenstellend*: sets the conditions, leaves initiative
    and coordination to others).
    """

    DIRECTING = "directing"
    STEERING = "steering"
    ENABLING = "enabling"

    @classmethod
    def _dutch_words(cls) -> dict[str, str]:
        return {"regisserend": "directing", "sturend": "steering", "voorwaardenstellend": "enabling"}


class MunicipalMode(_DutchEnum):
    """How the municipality steers a *kernopgave* (seed 004, step 2).

    ``programming`` (*programmerend*: steers on content and subsidies) or
    ``accommodating`` (*accommoderend*: provides buildings and places, leaves
    the filling-in to others).
    """

    PROGRAMMING = "programming"
    ACCOMMODATING = "accommodating"

    @classmethod
    def _dutch_words(cls) -> dict[str, str]:
        return {"programmerend": "programming", "accommoderend": "accommodating"}


#: The usual Dutch *participatieladder*, lowest rung first; a programme may set its own.
DEFAULT_PARTICIPATION_LADDER: tuple[str, ...] = (
    "informeren",
    "raadplegen",
    "adviseren",
    "coproduceren",
    "meebeslissen",
    "zelfbeheer",
)


class OwnerType(_DutchEnum):
    """What an owner (*trekker*) is: a person, team, department, partner, official or programme."""

    PERSON = "person"
    TEAM = "team"
    DEPARTMENT = "department"
    PARTNER = "partner"
    OFFICIAL = "official"
    PROGRAMME = "programme"

    @classmethod
    def _dutch_words(cls) -> dict[str, str]:
        return {
            "persoon": "person",
            "team": "team",
            "afdeling": "department",
            "partner": "partner",
            "externe_partner": "partner",
            "bestuurder": "official",
            "programma": "programme",
        }


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        use_enum_values=False,
        validate_default=False,
        allow_inf_nan=False,
        # YAML reads `title: 2030` as a number; a title is text.
        coerce_numbers_to_str=True,
    )


class HoursRange(_Model):
    """A range of hours as contracts write them (``"4-8"`` uren per week)."""

    low: float = Field(ge=0, description="Lower bound.")
    high: float = Field(ge=0, description="Upper bound.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(?:-|–|tot)\s*(\d+(?:[.,]\d+)?)\s*", data)
            if m is None:
                raise ValueError(f"hours must be a number or a range like '4-8', not {data!r}")
            return {"low": float(m.group(1).replace(",", ".")), "high": float(m.group(2).replace(",", "."))}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.low > self.high:
            raise ValueError(f"range {self.low:g}-{self.high:g} runs backwards")
        return self

    @model_serializer
    def _as_text(self) -> str:
        return f"{self.low:g}-{self.high:g}"

    @property
    def mid(self) -> float:
        """The middle of the range, used where one figure is needed (owner load)."""
        return (self.low + self.high) / 2


def _hours_as_written(value: Any) -> Any:
    # Capacity as a contract writes it: a number, a range ("4-8"), or words
    # ("fulltime beschikbaar", "pm", "n.t.b."); a number only where the text gives one.
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
            return _finite(float(text.replace(",", ".")))  # 400 digits make an infinity
        if re.fullmatch(r"\d+(?:[.,]\d+)?\s*(?:-|–|tot)\s*\d+(?:[.,]\d+)?", text):
            return HoursRange.model_validate(text)
        if not text:
            raise ValueError("hours must be a number, a range like '4-8' or words like 'fulltime', not empty")
        return text
    # Checked before the union: otherwise an infinity, refused as a float, slips in as the text "inf".
    return _finite(value)


#: Hours per week as written: a number, a range, or text such as ``fulltime`` or ``pm``.
Hours = Annotated[
    # A strict float: text such as "1e5" or "1_000" stays text, as written.
    Annotated[Annotated[float, Field(strict=True)] | HoursRange | str, Field(union_mode="left_to_right")],
    BeforeValidator(_hours_as_written),
]


def _year_key(value: Any) -> Any:
    # JSON object keys are strings; "2019" means the year 2019.
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()):
        return int(value)
    return value


def _check_year_map(value: Mapping[Any, Any], what: str) -> dict[YearKey, Any]:
    out: dict[YearKey, Any] = {}
    for raw_key, val in value.items():
        key = _year_key(raw_key)
        if isinstance(key, bool) or not isinstance(key, int | str):
            raise ValueError(f"{what} are keyed by year, not {key!r}")
        if isinstance(key, int) and not YEAR_MIN <= key <= YEAR_MAX:
            raise ValueError(f"{key} is not a plausible year for {what} (years run from {YEAR_MIN} to {YEAR_MAX})")
        if isinstance(key, str) and not key.strip():
            raise ValueError(f"{what} need a year or a label for a lost year, not an empty key")
        if isinstance(val, bool):
            raise ValueError(f"{what} for {key} must be a number or text, not {val}")
        out[key] = val
    return out


class Period(_Model):
    """The years a programme runs, both inclusive."""

    start: Year | None = Field(None, description="First year.")
    end: Year | None = _field(None, description="Last year.", alias_of="end")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Sponsors(_Model):
    """The programme's principals (*opdrachtgevers*), by role title."""

    political: str | None = _field(None, description="Bestuurlijk opdrachtgever.", alias_of="political")
    administrative: str | None = _field(None, description="Ambtelijk opdrachtgever.", alias_of="administrative")


class Source(_Model):
    """Where the programme's content comes from: the document's title, file, lines and date."""

    title: str | None = _field(
        None, description="Title of the source document, as sheets and reports name it.", alias_of="title"
    )
    document: str | None = _field(None, description="The source file.", alias_of="document")
    lines: tuple[int, ...] = _field((), description="Line range in the source document.", alias_of="lines")
    date: str | None = _field(None, description="Date of the source, as written.", alias_of="date")


class BudgetLine(_Model):
    """One line of a programme's budget; totals and their parts may both appear."""

    label: Text = Field(description="What the money is for, as the source words it.")
    year: Year | None = _field(None, description="Year, or none for a one-off amount.", alias_of="year")
    amount: float = _field(..., description="Amount in euro.", alias_of="amount")
    note: str | None = _field(None, description="Remark.", alias_of="note")


class LevelNames(_Model):
    """Display names a programme uses for its levels (Leefbare wijken: Doelen, Werkvelden ...).

    Renaming changes labels only, never meaning.
    """

    vision: str | None = _field(None, description="Name of the vision level.", alias_of="vision")
    strategic_goal: str | None = _field(
        None, description="Name of the strategic goal level.", alias_of="strategic_goal"
    )
    operational_goal: str | None = _field(
        None, description="Name of the operational goal level.", alias_of="operational_goal"
    )
    track: str | None = _field(None, description="Name of the track level.", alias_of="track")
    effort: str | None = _field(None, description="Name of the effort level.", alias_of="effort")


class RelatedProgramme(_Model):
    """A relation to another programme that the contract itself states."""

    programme: Text = _field(..., description="Name or id of the related programme.", alias_of="programme")
    topics: Texts = _field((), description="Shared topics.", alias_of="topics")
    evidence: str | None = _field(None, description="Quote or place in the source.", alias_of="evidence")


class Vision(_Model):
    """The programme's vision (*visie*); one per programme."""

    text: Text = _field(..., description="The vision statement.", alias_of="text")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data


class Baseline(_Model):
    """The starting point of an indicator (*peilwaarde*)."""

    value: Value | None = _field(None, description="Value at the baseline year.", alias_of="value")
    year: Year | None = _field(None, description="Year of the baseline.", alias_of="year")


class Indicator(_Model):
    """How an operational goal is measured.

    ``targets`` and ``actuals`` map a year to a value.  Where the source lost
    the year, a text label such as ``onbekend-a`` stands in its place; where the
    source gives text instead of a number (``ntb.``), the text is kept.
    """

    id: Id | None = Field(None, description="Optional id, to refer to the indicator in actuals sheets.")
    name: Text = _field(..., description="What is measured.", alias_of="name")
    unit: str | None = _field(None, description="Unit (m2, %, aantal ...).", alias_of="unit")
    baseline: Baseline | None = _field(None, description="Peilwaarde.", alias_of="baseline")
    targets: dict[YearKey, Value] = _field({}, description="Streefwaarden per year.", alias_of="targets")
    actuals: dict[YearKey, Value] = _field({}, description="Realised values per year.", alias_of="actuals")
    source: str | None = _field(None, description="Where the figures come from (bron).", alias_of="source")
    better: Literal["higher", "lower"] = _field(
        "higher", description="Whether a higher or a lower value is better.", alias_of="better"
    )
    note: str | None = _field(None, description="Remark.", alias_of="note")

    @field_validator("targets", "actuals", mode="before")
    @classmethod
    def _year_maps(cls, value: Any, info: Any) -> Any:
        if isinstance(value, Mapping):
            return _check_year_map(value, info.field_name)
        return value

    @field_validator("better", mode="before")
    @classmethod
    def _dutch_better(cls, value: Any) -> Any:
        return {"hoger": "higher", "lager": "lower"}.get(value, value) if isinstance(value, str) else value


class _Node(_Model):
    id: Id = Field(description="Id, unique within the programme.")


SourceLines = Annotated[
    tuple[int, ...],
    _field((), description="Lines in the programme's source document this comes from.", alias_of="source_lines"),
]
Participation = Annotated[
    str | None,
    _field(None, description="Rung of the participation ladder (participatieladder).", alias_of="participation"),
]


class StrategicGoal(_Node):
    """A strategic goal (*strategische doelstelling*, a *kernopgave*); serves the programme's vision."""

    title: Text = _field(..., description="The goal as the contract words it.", alias_of="title")
    description: str | None = _field(None, description="Explanation.", alias_of="description")
    criteria: Texts = _field((), description="Success criteria: the 'dat betekent dat' bullets.", alias_of="criteria")
    municipal_role: MunicipalRole | None = _field(
        None,
        description="Role of the municipality: regisserend, sturend or voorwaardenstellend.",
        alias_of="municipal_role",
    )
    municipal_mode: MunicipalMode | None = _field(
        None, description="Steering of the municipality: programmerend or accommoderend.", alias_of="municipal_mode"
    )
    participation: Participation
    source_lines: SourceLines


class OperationalGoal(_Node):
    """An operational goal (*operationele doelstelling*), meant to be SMART."""

    title: Text = _field(..., description="The goal as the contract words it.", alias_of="title")
    description: str | None = _field(None, description="Explanation.", alias_of="description")
    criteria: Texts = _field((), description="Success criteria: the 'dat betekent dat' bullets.", alias_of="criteria")
    contributes_to: References = _field(
        (), description="Strategic goals it serves (local ids or programme/id).", alias_of="contributes_to"
    )
    indicators: tuple[Indicator, ...] = _field((), description="How it is measured.", alias_of="indicators")
    participation: Participation
    source_lines: SourceLines


class Effort(_Node):
    """An effort (*inspanning*): a project, activity, line activity or study."""

    title: Text = _field(..., description="What is done.", alias_of="title")
    description: str | None = _field(None, description="Longer explanation.", alias_of="description")
    contributes_to: References = _field(
        (),
        description=(
            "Goals it serves: operational or strategic, local or programme/id. Empty when the source names none."
        ),
        alias_of="contributes_to",
    )
    kind: EffortKind = _field(
        EffortKind.UNKNOWN, description="Project, activity, line activity, study.", alias_of="kind"
    )
    role: Role = _field(Role.UNKNOWN, description="How the programme relates to it.", alias_of="role")
    owner: Id | None = _field(None, description="Id of the owner (trekker).", alias_of="owner")
    partners: Texts = _field((), description="External partners, by name.", alias_of="partners")
    areas: Texts = _field((), description="Areas (wijk, buurt, dorp) by id or name.", alias_of="areas")
    track: str | None = _field(
        None, description="Track (spoor/activiteit) grouping it into a column.", alias_of="track"
    )
    status: str | None = _field(None, description="Status as the source words it.", alias_of="status")
    phase: EffortPhase | None = _field(
        None,
        description="Phase, where the author states it; otherwise recognised from the status.",
        alias_of="phase",
    )
    budget: dict[int, float] = _field({}, description="Euro per year.", alias_of="budget")
    hours_per_week: Hours | None = _field(
        None, description="Hours per week: a number, a range, or text (fulltime, pm).", alias_of="hours_per_week"
    )
    planning: str | None = _field(None, description="Planning as the source words it.", alias_of="planning")
    participation: Participation
    source_lines: SourceLines
    note: str | None = _field(None, description="Remark.", alias_of="note")

    @property
    def current_phase(self) -> EffortPhase | None:
        """The stated phase, else the one recognised from the status; ``None`` without either.

        Examples
        --------
        >>> Effort(id="E1", title="Brinkstraat", status="Aanbestedingstraject").current_phase
        <EffortPhase.TENDERING: 'tendering'>
        >>> Effort(id="E2", title="Plinten", status="zie plan", phase="voorbereiding").current_phase
        <EffortPhase.PREPARING: 'preparing'>
        """
        if self.phase is not None:
            return self.phase
        if self.status is None:
            return None
        return recognise_phase(self.status)

    @field_validator("status", mode="before")
    @classmethod
    def _status_text(cls, value: Any) -> Any:
        # Files written before status became text hold the enum's English word.
        return value.value if isinstance(value, EffortPhase) else value

    @field_validator("budget", mode="before")
    @classmethod
    def _budget_years(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            checked = _check_year_map(value, "budget")
            bad = [k for k in checked if isinstance(k, str)]
            if bad:
                raise ValueError(f"budget is keyed by year, not {bad[0]!r}")
            return checked
        return value


class Owner(_Node):
    """Who carries efforts (*trekker*, *eigenaar*): a person, team, department, partner."""

    name: Text = _field(..., description="Role title or organisation name (no personal data).", alias_of="name")
    type: OwnerType = _field(
        OwnerType.PERSON, description="Person, team, department, partner, official, programme.", alias_of="type"
    )
    hours_per_week: Hours | None = _field(
        None,
        description="Capacity for the programme, hours per week: a number, a range, or text (fulltime, pm).",
        alias_of="hours_per_week",
    )
    aliases: Texts = _field((), description="Other names the source uses for this owner.", alias_of="aliases")
    note: str | None = _field(None, description="Remark.", alias_of="note")


class Placeholder(_Node):
    """A PM slot: an effort still to be defined."""

    title: str = _field("PM", description="Label, 'PM' by default.", alias_of="title")
    contributes_to: References = _field((), description="Goals the slot is for.", alias_of="contributes_to")
    track: str | None = _field(None, description="Track (column) the slot sits in.", alias_of="track")
    note: str | None = _field(None, description="What still has to happen.", alias_of="note")


class Programme(_Model):
    """One programme and its DIN: vision, goals, efforts, owners and placeholders.

    Examples
    --------
    >>> p = Programme(
    ...     id="demo", name="Demo",
    ...     strategic_goals=[{"id": "S1", "titel": "Een groenere stad"}],
    ...     operational_goals=[{"id": "O1", "title": "Meer groen", "contributes_to": ["S1"]}],
    ...     efforts=[{"id": "E1", "title": "Bomen planten", "draagt_bij_aan": ["O1"], "rol": "regie"}],
    ... )
    >>> p.efforts[0].role
    <Role.LEAD: 'lead'>
    >>> p.goal("O1").contributes_to
    ('S1',)
    """

    id: Id = Field(description="Programme id, unique within a portfolio; prefixes node keys.")
    name: Text = _field(..., description="Programme name.", alias_of="name")
    municipality: str | None = _field(None, description="Municipality (gemeente).", alias_of="municipality")
    period: Period | None = _field(None, description="Years the programme runs.", alias_of="period")
    sponsors: Sponsors | None = _field(
        None, description="Political and administrative principals.", alias_of="sponsors"
    )
    manager: str | None = _field(None, description="Programme manager, by role title.", alias_of="manager")
    source: Source | None = _field(None, description="Source document.", alias_of="source")
    budget: tuple[BudgetLine, ...] = _field((), description="Budget lines.", alias_of="budget")
    level_names: LevelNames | None = _field(None, description="Display names of the levels.", alias_of="level_names")
    related_programmes: tuple[RelatedProgramme, ...] = _field(
        (), description="Relations to other programmes the contract states.", alias_of="related_programmes"
    )
    participation_ladder: Texts = _field(
        (),
        description="Rungs of the participation ladder, lowest first; empty for the usual six.",
        alias_of="participation_ladder",
    )
    notes: str | None = _field(None, description="Remarks about the source or the extraction.", alias_of="notes")
    vision: Vision | None = _field(None, description="The vision.", alias_of="vision")
    strategic_goals: tuple[StrategicGoal, ...] = _field((), description="Strategic goals.", alias_of="strategic_goals")
    operational_goals: tuple[OperationalGoal, ...] = _field(
        (), description="Operational goals.", alias_of="operational_goals"
    )
    efforts: tuple[Effort, ...] = _field((), description="Efforts.", alias_of="efforts")
    owners: tuple[Owner, ...] = _field((), description="Owners of efforts.", alias_of="owners")
    placeholders: tuple[Placeholder, ...] = _field((), description="PM slots.", alias_of="placeholders")

    def goal(self, goal_id: str) -> StrategicGoal | OperationalGoal:
        """The strategic or operational goal with this local id."""
        goals: tuple[StrategicGoal | OperationalGoal, ...] = (*self.strategic_goals, *self.operational_goals)
        for goal in goals:
            if goal.id == goal_id:
                return goal
        raise KeyError(goal_id)

    def effort(self, effort_id: str) -> Effort:
        """The effort with this local id."""
        for effort in self.efforts:
            if effort.id == effort_id:
                return effort
        raise KeyError(effort_id)

    def owner(self, owner_id: str) -> Owner:
        """The owner with this local id."""
        for owner in self.owners:
            if owner.id == owner_id:
                return owner
        raise KeyError(owner_id)

    def _repr_svg_(self) -> str | None:
        # Jupyter shows the DIN sheet; None lets it fall back to the text repr.
        return _notebook_svg(self)

    @property
    def ladder(self) -> tuple[str, ...]:
        """The participation ladder this programme uses (its own, else the usual six rungs)."""
        return self.participation_ladder or DEFAULT_PARTICIPATION_LADDER

    def level_name(self, level: str, default: str) -> str:
        """The display name of a level, falling back to ``default``."""
        if self.level_names is not None:
            name = getattr(self.level_names, level, None)
            if name:
                return str(name)
        return default


class Area(_Model):
    """An area of the municipality (wijk, buurt, dorp, centrum) and its parts."""

    id: Id = Field(description="Area id.")
    name: Text = _field(..., description="Area name.", alias_of="name")
    kind: str | None = _field(None, description="wijk, buurt, dorp, centrum, gebied ...", alias_of="kind")
    parts: Texts = _field(
        (), description="Areas inside this one, by id or name (a buurt in its wijk).", alias_of="parts"
    )
    aliases: Texts = _field((), description="Other spellings of the name.", alias_of="aliases")


class Mission(_Model):
    """A portfolio-level grouping of programmes: an *opgave* or a cross-cutting *dwarsthema*."""

    id: Id = Field(description="Mission id.")
    title: Text = _field(..., description="The mission as the agenda words it.", alias_of="title")
    description: str | None = _field(None, description="Explanation.", alias_of="description")
    cross_cutting: bool = _field(default=False, description="True for a dwarsthema.", alias_of="cross_cutting")
    programmes: Annotated[tuple[Id, ...], BeforeValidator(_one_or_many)] = _field(
        (), description="Ids of the programmes under it.", alias_of="programmes"
    )
    portfolio_holders: Texts = _field(
        (), description="Portefeuillehouders, by role title.", alias_of="portfolio_holders"
    )


class Portfolio(_Model):
    """Several programmes of one organisation, with shared areas and missions.

    Examples
    --------
    >>> pf = Portfolio(id="stad", name="Gemeente Stad",
    ...                programmes=[Programme(id="a", name="A"), Programme(id="b", name="B")])
    >>> [p.id for p in pf.programmes]
    ['a', 'b']
    """

    id: Id = Field(description="Portfolio id.")
    name: Text = _field(..., description="Portfolio name.", alias_of="name")
    municipality: str | None = _field(None, description="Municipality.", alias_of="municipality")
    programmes: tuple[Programme, ...] = _field((), description="The programmes.", alias_of="programmes")
    areas: tuple[Area, ...] = _field((), description="Area hierarchy.", alias_of="areas")
    missions: tuple[Mission, ...] = _field((), description="Opgaven and dwarsthema's.", alias_of="missions")
    notes: str | None = _field(None, description="Remarks.", alias_of="notes")

    def _repr_svg_(self) -> str | None:
        # Jupyter shows the overlap picture (or the one programme's sheet).
        return _notebook_svg(self)

    def programme(self, programme_id: str) -> Programme:
        """The programme with this id."""
        for programme in self.programmes:
            if programme.id == programme_id:
                return programme
        raise KeyError(programme_id)


def _notebook_svg(obj: Programme | Portfolio) -> str | None:
    # Drawing is above the models; the package installs it as a hook (see _hooks).
    from din_graph._hooks import notebook_svg

    return notebook_svg(obj)
