"""The model: Dutch aliases and words, unknown keys, values the seeds contain."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from din_graph import (
    Effort,
    EffortKind,
    EffortStatus,
    HoursRange,
    Indicator,
    OperationalGoal,
    Owner,
    OwnerType,
    Programme,
    Role,
)


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("regie", Role.LEAD),
        ("lijn", Role.LINE),
        ("afstemming", Role.COORDINATION),
        ("partner", Role.PARTNER),
        ("inwoners", Role.RESIDENTS),
        ("onbekend", Role.UNKNOWN),
        ("Regie", Role.LEAD),
        ("lead", Role.LEAD),
    ],
)
def test_role_accepts_dutch_and_english(word: str, role: Role) -> None:
    assert Effort(id="E1", title="x", role=word).role is role


def test_other_enumerations_accept_dutch() -> None:
    effort = Effort(id="E1", title="x", soort="lijnactiviteit", status="loopt")
    assert effort.kind is EffortKind.LINE_ACTIVITY
    # The status stays as written; its phase is what the enumeration's word meant.
    assert effort.status == "loopt"
    assert effort.current_phase is EffortStatus.RUNNING
    assert Owner(id="o", name="Uitvoering Fysiek", type="afdeling").type is OwnerType.DEPARTMENT
    assert Owner(id="o", name="Wethouder", type="bestuurder").type is OwnerType.OFFICIAL
    assert Role.LEAD.dutch == "regie"
    assert EffortKind.STUDY.dutch == "onderzoek"


def test_unknown_enum_word_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Effort(id="E1", title="x", role="regi")


def test_dutch_keys_are_aliases() -> None:
    goal = OperationalGoal(
        id="O1",
        titel="Meer groen",
        draagt_bij_aan=["S1"],
        indicatoren=[{"naam": "m2 groen", "streefwaarden": {2022: 6000}}],
    )
    assert goal.title == "Meer groen"
    assert goal.contributes_to == ("S1",)
    assert goal.indicators[0].targets == {2022: 6000}


def test_unknown_key_is_an_error_naming_it() -> None:
    with pytest.raises(ValidationError) as info:
        Effort(id="E1", title="x", contributes_too=["O1"])
    assert info.value.errors()[0]["loc"] == ("contributes_too",)


def test_single_reference_reads_as_list() -> None:
    assert Effort(id="E1", title="x", contributes_to="O1").contributes_to == ("O1",)


def test_hours_as_number_or_range() -> None:
    assert Owner(id="o", name="n", hours_per_week=36).hours_per_week == 36
    span = Owner(id="o", name="n", hours_per_week="4-8").hours_per_week
    assert span == HoursRange(low=4, high=8)
    assert isinstance(span, HoursRange)
    assert span.mid == 6
    assert Owner(id="o", name="n", hours_per_week="12-36").model_dump(mode="json")["hours_per_week"] == "12-36"
    with pytest.raises(ValidationError, match="runs backwards"):
        Owner(id="o", name="n", hours_per_week="8-4")
    # Capacity as the contract writes it: words stay words, never a guessed number.
    assert Owner(id="o", name="n", hours_per_week="fulltime beschikbaar").hours_per_week == "fulltime beschikbaar"
    assert Owner(id="o", name="n", hours_per_week=" pm ").hours_per_week == "pm"
    with pytest.raises(ValidationError, match="not empty"):
        Owner(id="o", name="n", hours_per_week="  ")


def test_targets_keep_lost_years_and_text_values() -> None:
    # Almelo Duurzaamheid: years lost in OCR, and 'ntb.' instead of a number.
    indicator = Indicator(name="% trots", targets={"onbekend-a": 40, "onbekend-b": 50, "2022": "ntb."})
    assert indicator.targets == {"onbekend-a": 40, "onbekend-b": 50, 2022: "ntb."}


def test_targets_reject_booleans_and_implausible_years() -> None:
    with pytest.raises(ValidationError, match="number or text"):
        Indicator(name="x", targets={2020: True})
    with pytest.raises(ValidationError, match="plausible year"):
        Indicator(name="x", targets={20222: 1})


def test_effort_budget_needs_years() -> None:
    assert Effort(id="E", title="x", budget={"2019": 25000}).budget == {2019: 25000.0}
    with pytest.raises(ValidationError, match="keyed by year"):
        Effort(id="E", title="x", budget={"totaal": 1})


def test_ids_are_checked() -> None:
    with pytest.raises(ValidationError):
        Effort(id="E 1", title="x")
    with pytest.raises(ValidationError):
        Effort(id="a/b", title="x")
    assert Effort(id=7, title="x").id == "7"


def test_models_are_frozen() -> None:
    effort = Effort(id="E1", title="x")
    with pytest.raises(ValidationError):
        effort.title = "y"  # type: ignore[misc]


def test_period_must_run_forwards() -> None:
    with pytest.raises(ValidationError, match="before it starts"):
        Programme(id="p", name="P", period={"start": 2022, "end": 2019})


def test_level_names_rename_without_changing_meaning() -> None:
    p = Programme(id="p", name="P", level_names={"operational_goal": "Werkvelden"})
    assert p.level_name("operational_goal", "Operationele doelen") == "Werkvelden"
    assert p.level_name("effort", "Inspanningen") == "Inspanningen"


def test_nan_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Indicator(name="x", targets={2020: float("nan")})
