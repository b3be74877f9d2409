"""What real contracts write: status as words, capacity as text, provenance, participation, relations."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

import din_graph
from din_graph import (
    DinArgumentError,
    EffortPhase,
    MunicipalMode,
    MunicipalRole,
    Portfolio,
    Programme,
    check,
    owner_load,
    phase_mix,
    recognise_phase,
)
from din_graph._render._portfolio import RELATION_COLOUR, portfolio_dot
from din_graph._render._sheet import PHASE_COLOURS, build_sheet, row_status

# ---------------------------------------------------------------- status and phase


@pytest.mark.parametrize(
    ("status", "phase"),
    [
        # the parapluplan's table (seed 000, r. 258-264)
        ("Loopt", EffortPhase.RUNNING),
        ("Aanbestedingstraject", EffortPhase.TENDERING),
        ("Nog starten", EffortPhase.PLANNED),
        ("DO gereed. Info avond juli 2018. Aanbestedingsprocedure gestart.", EffortPhase.TENDERING),
        ("Op korte termijn opstarten.", EffortPhase.PLANNED),
        # wording the issue quotes, and the Almelo contract's
        (
            "planvoorbereiding; extra budget EUR 150.000 nodig, uitvoering uit reserve Centrumspaarfonds",
            EffortPhase.PREPARING,
        ),
        ("subsidie verkregen", EffortPhase.PREPARING),
        ("Elena-subsidie verkregen voor onderzoek verduurzamen maatschappelijk vastgoed", EffortPhase.PREPARING),
        ("voornemen ('gedacht wordt aan')", EffortPhase.PLANNED),
        ("project opgestart in maart", EffortPhase.RUNNING),
        ("in uitvoering", EffortPhase.RUNNING),
        ("opgeleverd in 2021", EffortPhase.DONE),
        ("stopgezet door de raad", EffortPhase.STOPPED),
        # the four words of the former enumeration, Dutch and English
        ("gepland", EffortPhase.PLANNED),
        ("lopend", EffortPhase.RUNNING),
        ("afgerond", EffortPhase.DONE),
        ("gereed", EffortPhase.DONE),
        ("gestopt", EffortPhase.STOPPED),
        ("planned", EffortPhase.PLANNED),
        ("running", EffortPhase.RUNNING),
        ("done", EffortPhase.DONE),
        ("stopped", EffortPhase.STOPPED),
        # extraction remarks name no phase: none is invented
        ("vervolgopgave uit de presentatie (r. 306)", EffortPhase.UNKNOWN),
        ("zie Parapluplan centrum Losser", EffortPhase.UNKNOWN),
        ("lijnproject met 'duurzaamheidsplus' vanuit het programma", EffortPhase.UNKNOWN),
        ("inhoud staat in paragraaf 5.2.6, niet in deze tekst", EffortPhase.UNKNOWN),
    ],
)
def test_phase_recognised_from_dutch_wording(status: str, phase: EffortPhase) -> None:
    assert recognise_phase(status) is phase


def test_status_stays_verbatim_and_a_stated_phase_wins() -> None:
    effort = din_graph.Effort(id="E1", title="x", status="  DO gereed.  ", phase="loopt")
    assert effort.status == "  DO gereed.  "
    assert effort.current_phase is EffortPhase.RUNNING
    assert din_graph.Effort(id="E2", title="y").current_phase is None
    assert din_graph.Effort(id="E3", title="z", fase="aanbesteding").phase is EffortPhase.TENDERING
    with pytest.raises(ValidationError):
        din_graph.Effort(id="E4", title="w", phase="half klaar")


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text("programme: {id: p, name: P}\n" + body, encoding="utf-8")
    return path


def test_unknown_wording_is_a_located_warning_not_an_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "efforts:\n  - id: E1\n    title: a\n    status: Nog starten\n"
        "  - id: E2\n    title: b\n    status: vervolgopgave (r. 306)\n",
    )
    problems = din_graph.validate(path)
    assert [(p.line, p.id, p.code, p.severity) for p in problems] == [(8, "E2", "unknown-phase", "warning")]
    assert "vervolgopgave (r. 306)" in problems[0].message
    with pytest.warns(din_graph.DinWarning, match="no phase recognised"):
        programme = din_graph.load(path)
    assert isinstance(programme, Programme)
    assert programme.effort("E2").current_phase is EffortPhase.UNKNOWN


def test_old_files_with_the_four_words_load(tmp_path: Path) -> None:
    words = ["gepland", "loopt", "afgerond", "gestopt", "lopend", "gereed", "planned", "running", "done", "stopped"]
    body = "efforts:\n" + "".join(f"  - {{id: E{i}, title: t, status: {w}}}\n" for i, w in enumerate(words))
    path = _write(tmp_path, body)
    assert din_graph.validate(path) == []
    programme = din_graph.load(path)
    assert isinstance(programme, Programme)
    assert [e.status for e in programme.efforts] == words
    assert [e.current_phase.value for e in programme.efforts if e.current_phase] == [
        "planned", "running", "done", "stopped", "running", "done", "planned", "running", "done", "stopped"
    ]  # fmt: skip


def test_phase_mix_and_stopped_support() -> None:
    p = Programme(
        id="p",
        name="P",
        strategic_goals=[{"id": "S1", "title": "s"}, {"id": "S2", "title": "t"}],
        efforts=[
            {"id": "E1", "title": "a", "contributes_to": ["S1"], "status": "gestopt"},
            {"id": "E2", "title": "b", "contributes_to": ["S1"], "status": "stopgezet"},
            {"id": "E3", "title": "c", "contributes_to": ["S2"], "status": "Loopt"},
            {"id": "E4", "title": "d", "contributes_to": ["S2"], "status": "gestopt"},
        ],
    )
    mix = phase_mix(p)[0]
    assert (mix.counts["stopped"], mix.counts["running"], mix.total) == (3, 1, 4)
    stopped = check(p).filter(code="support-stopped")
    assert [f.node for f in stopped] == ["p/S1"]
    assert stopped[0].severity == "warning"


# ---------------------------------------------------------------- capacity as written


def test_owner_load_names_the_hours_it_could_not_count() -> None:
    p = Programme(
        id="p",
        name="P",
        owners=[
            {"id": "pm", "name": "Programmamanager", "hours_per_week": "fulltime beschikbaar"},
            {"id": "adv", "name": "Adviseur", "hours_per_week": "4-8"},
        ],
        efforts=[
            {"id": "E1", "title": "a", "owner": "pm", "hours_per_week": "pm"},
            {"id": "E2", "title": "b", "owner": "pm", "hours_per_week": 4},
            {"id": "E3", "title": "c", "owner": "adv", "hours_per_week": 2},
        ],
    )
    loads = {load.owner: load for load in owner_load(p)}
    assert loads["Programmamanager"].uncounted == ("p/pm: fulltime beschikbaar", "p/E1: pm")
    assert loads["Programmamanager"].effort_hours == (4.0, 4.0)  # only the number counts
    assert loads["Programmamanager"].capacity is None  # "fulltime" is no figure
    assert loads["Adviseur"].fully_counted
    findings = check(p, lang="en").filter(code="hours-uncounted")
    assert [f.node for f in findings] == ["p/pm"]
    assert "fulltime beschikbaar" in findings[0].message


# ---------------------------------------------------------------- participation and the municipality's role


def test_participation_rung_and_municipal_role() -> None:
    p = Programme(
        id="p",
        name="P",
        strategic_goals=[
            {
                "id": "S1",
                "title": "Sociale vitaliteit",
                "rol_gemeente": "regisserend",
                "sturing_gemeente": "accommoderend",
                "participatie": "coproduceren",
            },
        ],
        efforts=[{"id": "E1", "title": "a", "contributes_to": ["S1"], "participatietrede": "meebeslissen"}],
    )
    goal = p.strategic_goals[0]
    assert (goal.municipal_role, goal.municipal_mode) == (MunicipalRole.DIRECTING, MunicipalMode.ACCOMMODATING)
    assert MunicipalRole.ENABLING.dutch == "voorwaardenstellend"
    assert din_graph.validate(p) == []
    sheet = build_sheet(p)
    shown = " ".join(sheet.strategic[0].details[0].lines)
    assert "rol gemeente: regisserend, accommoderend" in shown
    assert "participatie: coproduceren" in shown
    assert "participatie: meebeslissen" in " ".join(sheet.columns[0].rows[0].lines + tuple(_meta(sheet)))
    assert build_sheet(p, participation=False).strategic[0].details == ()


def _meta(sheet: din_graph._render._sheet.Sheet) -> list[str]:
    from din_graph._render._sheet import row_meta

    return row_meta(sheet.columns[0].rows[0], sheet.words)


def test_rung_off_the_ladder_is_an_error_and_the_ladder_is_configurable() -> None:
    p = Programme(id="p", name="P", efforts=[{"id": "E1", "title": "a", "participation": "meedenken"}])
    problems = din_graph.validate(p)
    assert [(x.code, x.severity, x.id) for x in problems] == [("unknown-rung", "error", "E1")]
    own = p.model_copy(update={"participation_ladder": ("informeren", "meedenken", "meebeslissen")})
    assert din_graph.validate(own) == []


def test_kernopgaven_range_is_configurable() -> None:
    five = Programme(id="p", name="P", strategic_goals=[{"id": f"S{i}", "title": f"k{i}"} for i in range(5)])
    assert not check(five).filter(code="kernopgaven-count")
    found = check(five, kernopgaven=(1, 4)).filter(code="kernopgaven-count")
    assert found[0].data == {"programme": "p", "count": 5, "range": [1, 4]}
    assert (
        check(five, kernopgaven=(1, 4), lang="en")
        .filter(code="kernopgaven-count")[0]
        .message.endswith("has 5 kernopgaven (strategic goals), outside 1-4")
    )
    with pytest.raises(DinArgumentError):
        check(five, kernopgaven=(7, 5))
    with pytest.raises(ValueError, match="fewest, most"):
        check(five, kernopgaven=(-1, 5))


# ---------------------------------------------------------------- the sheet, the picture, the report


def test_sheet_shows_status_words_in_the_phase_colour_and_the_source_title() -> None:
    p = Programme(
        id="p",
        name="P",
        source={"title": "Parapluplan centrum Losser", "document": "000_a86fc53d003773ce.txt", "lines": [209, 273]},
        efforts=[
            {"id": "E1", "title": "Brinkstraat", "status": "DO gereed. Aanbestedingsprocedure gestart."},
            {"id": "E2", "title": "Communicatie", "status": "Loopt"},
        ],
    )
    sheet = build_sheet(p)
    rows = {row.local: row for column in sheet.columns for row in column.rows}
    lines, colour = row_status(rows["E1"], sheet.words) or ([], "")
    assert " ".join(lines) == "● DO gereed. Aanbestedingsprocedure gestart. (aanbesteding)"
    assert colour == PHASE_COLOURS["tendering"]
    assert row_status(rows["E2"], sheet.words) == (["● Loopt"], PHASE_COLOURS["running"])
    assert "Bron: Parapluplan centrum Losser" in " ".join(sheet.subtitle)
    assert "000_a86fc53d003773ce.txt" not in " ".join(sheet.subtitle)
    dot = din_graph.to_dot(p)
    assert PHASE_COLOURS["tendering"] in dot
    assert "Aanbestedingsprocedure" in dot


def _related_pair() -> Portfolio:
    a = Programme(
        id="a",
        name="Parapluplan centrum",
        related_programmes=[{"programme": "Wonen en leven", "topics": ["centrum"], "evidence": "r. 121"}],
        efforts=[{"id": "E1", "title": "Herinrichting Brinkstraat"}],
    )
    b = Programme(id="b", name="Wonen en leven (opgave)", efforts=[{"id": "E1", "title": "Kwaliteitsimpulsen"}])
    return Portfolio(id="pf", name="PF", programmes=[a, b])


def test_portfolio_picture_draws_stated_relations_apart_from_overlaps() -> None:
    from din_graph._analysis._overlap import overlaps

    pf = _related_pair()
    dot = portfolio_dot(pf, overlaps(pf, progress=False))
    relation = [line for line in dot.splitlines() if RELATION_COLOUR in line and "--" in line]
    assert len(relation) == 1
    assert '"a/__programme__" -- "b/__programme__"' in relation[0]
    assert "relatie volgens contract: centrum" in relation[0]
    assert "style=bold" in relation[0]


def test_report_shows_relations_status_and_source_title() -> None:
    pf = _related_pair()
    plan = pf.programmes[0].model_copy(
        update={
            "source": din_graph.Source(title="Parapluplan centrum Losser", document="000.txt", lines=(209, 273)),
            "efforts": (din_graph.Effort(id="E1", title="Brinkstraat", status="Aanbestedingstraject"),),
        }
    )
    report = din_graph.build_report(Portfolio(id="pf", name="PF", programmes=[plan, pf.programmes[1]]))
    text, _ = din_graph.report_markdown(report)
    assert "Bron: Parapluplan centrum Losser (000.txt, r. 209–273)." in text
    assert "Relaties volgens het contract" in text
    assert "Wonen en leven (opgave)" in text
    assert "| E1 | Brinkstraat | Aanbestedingstraject | aanbesteding |" in text


# ---------------------------------------------------------------- the examples draw


@pytest.mark.graphviz
def test_losser_parapluplan_sheet_renders(tmp_path: Path) -> None:
    out = tmp_path / "pp.png"
    din_graph.render(din_graph.load("examples/losser"), out, programme="losser-parapluplan-centrum")
    assert out.stat().st_size > 50_000


def test_new_examples_convert_to_excel_and_back(tmp_path: Path) -> None:
    for path in ("examples/losser", "examples/hethogeland"):
        portfolio = din_graph.load(path)
        assert isinstance(portfolio, Portfolio)
        for programme in portfolio.programmes:
            target = tmp_path / f"{programme.id}.xlsx"
            din_graph.dump(programme, target)
            assert din_graph.load(target) == programme


def test_progress_counts_efforts_per_phase() -> None:
    plan = din_graph.load("examples/losser/parapluplan-centrum.yaml")
    assert isinstance(plan, Programme)
    efforts = {g.node: g.efforts for g in din_graph.progress(plan).goals}
    assert efforts["losser-parapluplan-centrum/O2"] == {"tendering": 2}  # 4.11 and 4.13: DO gereed ... aanbesteding
    assert efforts["losser-parapluplan-centrum/S2"] == {"planned": 1}  # 4.9: Nog starten


def test_check_command_takes_the_kernopgaven_range() -> None:
    from click.testing import CliRunner

    from din_graph._cli import cli

    five = "examples/hethogeland/noord-groningen-leeft.yaml"
    assert "kernopgaven-count" not in CliRunner().invoke(cli, ["check", five]).output
    result = CliRunner().invoke(cli, ["check", five, "--kernopgaven", "6-8", "--fail-on", "kernopgaven-count"])
    assert result.exit_code == 1
    assert "5 kernopgaven (strategische doelen), buiten 6-8" in result.output
    bad = CliRunner().invoke(cli, ["check", five, "--kernopgaven", "8-6"])
    assert bad.exit_code == 2
    assert "not a range like 5-7" in bad.output
