"""One bad file per validation rule: every problem names file, line and id."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import din_graph
from din_graph import DinFileError, DinParseError, DinValidationError, Problem

Write = Callable[[str, str], Path]

HEAD = """\
programme:
  id: demo
  name: Demo
vision: Een groene stad
strategic_goals:
  - id: S1
    title: Groener
operational_goals:
  - id: O1
    title: Meer groen
    contributes_to: [S1]
owners:
  - id: team
    name: Team Groen
    type: team
"""


def problems_of(path: Path) -> list[Problem]:
    return din_graph.validate(path)


def only_error(path: Path) -> Problem:
    errors = [p for p in problems_of(path) if p.severity == "error"]
    assert len(errors) == 1, errors
    return errors[0]


def test_valid_file_has_no_problems(write: Write) -> None:
    path = write(
        "ok.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    contributes_to: [O1]\n    owner: team\n"
    )
    assert problems_of(path) == []
    assert isinstance(din_graph.load(path), din_graph.Programme)


def test_dangling_reference_names_file_line_id_and_suggests(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    contributes_to: [O2]\n")
    problem = only_error(path)
    assert (problem.file, problem.line, problem.id) == (str(path), 19, "E1")
    assert "unknown reference 'O2'" in problem.message
    assert "did you mean 'O1'?" in problem.message
    assert str(problem).startswith(f"{path}:19: E1: ")


def test_duplicate_id(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: O1\n    title: Bomen\n")
    problem = only_error(path)
    assert (problem.line, problem.id, problem.code) == (17, "O1", "duplicate-id")


def test_link_the_wrong_way(write: Write) -> None:
    path = write(
        "p.yaml",
        HEAD.replace("contributes_to: [S1]", "contributes_to: [E1]") + "efforts:\n  - id: E1\n    title: Bomen\n",
    )
    problem = only_error(path)
    assert (problem.line, problem.id, problem.code) == (11, "O1", "wrong-direction")


def test_same_level_link(write: Write) -> None:
    text = HEAD.replace("owners:", "  - id: O2\n    title: x\n    contributes_to: [O1]\nowners:")
    path = write("p.yaml", text)
    problem = only_error(path)
    assert (problem.line, problem.id, problem.code) == (14, "O2", "same-level")


def test_operational_goal_may_not_skip_to_vision(write: Write) -> None:
    path = write("p.yaml", HEAD.replace("contributes_to: [S1]", "contributes_to: [vision]"))
    assert only_error(path).code == "skips-level"


def test_effort_on_vision_is_a_warning_and_still_loads(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    contributes_to: [visie]\n")
    [problem] = problems_of(path)
    assert (problem.severity, problem.code, problem.line) == ("warning", "skips-level", 19)
    with pytest.warns(din_graph.DinWarning, match="skipping the goals"):
        din_graph.load(path)


def test_effort_tied_only_to_a_strategic_goal_is_fine(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E10\n    title: Retentievijver\n    contributes_to: [S1]\n")
    assert problems_of(path) == []


def test_unknown_owner(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    owner: teem\n")
    problem = only_error(path)
    assert (problem.line, problem.id, problem.code) == (19, "E1", "unknown-owner")
    assert "did you mean 'team'" in problem.message


def test_owner_in_contributes_to(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    contributes_to: [team]\n")
    assert only_error(path).code == "wrong-link"


def test_duplicate_link(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    contributes_to: [O1, O1]\n")
    assert only_error(path).code == "duplicate-link"


def test_unknown_key_is_named_with_suggestion(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    contributes_too: [O1]\n")
    problem = only_error(path)
    assert (problem.line, problem.id, problem.code) == (19, "E1", "unknown-key")
    assert "'contributes_too'" in problem.message
    assert "did you mean 'contributes_to'" in problem.message


def test_missing_key_and_bad_enum_and_wrong_type_all_reported_together(write: Write) -> None:
    path = write(
        "p.yaml",
        HEAD + "efforts:\n  - id: E1\n    rol: regi\n  - id: E2\n    title: [a, b]\n    contributes_to: [O9]\n",
    )
    errors = [p for p in problems_of(path) if p.severity == "error"]
    assert {(p.line, p.id, p.code) for p in errors} == {
        (17, "E1", "missing-key"),
        (18, "E1", "unknown-value"),
        (20, "E2", "wrong-type"),
    }
    with pytest.raises(DinValidationError) as info:
        din_graph.load(path)
    assert len(info.value.problems) == 3
    assert "3 problems found" in str(info.value)


def test_dutch_keys_file(write: Write) -> None:
    path = write(
        "p.yaml",
        """\
        programma:
          id: demo
          naam: Demo
          gemeente: Almelo
        visie: Een groene stad
        strategische_doelen:
          - {id: S1, titel: Groener}
        inspanningen:
          - {id: E1, titel: Bomen, draagt_bij_aan: [S1], soort: project, rol: regie, gebieden: [Centrum]}
        """,
    )
    programme = din_graph.load(path)
    assert isinstance(programme, din_graph.Programme)
    assert programme.municipality == "Almelo"
    assert programme.efforts[0].role is din_graph.Role.LEAD


def test_key_given_in_english_and_dutch(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    titel: Bomen\n")
    problem = only_error(path)
    assert (problem.line, problem.code) == (19, "duplicate-key")


def test_same_key_twice_is_a_parse_error(write: Write) -> None:
    path = write("p.yaml", HEAD + "efforts:\n  - id: E1\n    title: Bomen\n    title: Struiken\n")
    with pytest.raises(DinParseError) as info:
        din_graph.load(path)
    assert info.value.line == 19
    assert "appears twice" in str(info.value)


# ------------------------------------------------------------------ portfolio rules


def _portfolio(write: Write, extra: str = "", effort_link: str = "[O1]") -> Path:
    write(
        "a.yaml",
        HEAD.replace("id: demo", "id: a")
        + f"efforts:\n  - id: E1\n    title: Bomen\n    contributes_to: {effort_link}\n",
    )
    write("b.yaml", HEAD.replace("id: demo", "id: b"))
    return write("portfolio.yaml", "portfolio: {id: pf, name: Portefeuille}\nprogrammes: [a.yaml, b.yaml]\n" + extra)


def test_portfolio_resolves_cross_programme_links(write: Write) -> None:
    path = _portfolio(write, effort_link="[O1, b/O1]")
    assert problems_of(path) == []
    portfolio = din_graph.load(path)
    assert isinstance(portfolio, din_graph.Portfolio)


def test_cross_programme_link_alone_is_noted_not_failed(write: Write) -> None:
    _portfolio(write, effort_link="[b/O1]")
    [problem] = problems_of(Path(write.__closure__[0].cell_contents) / "a.yaml")  # type: ignore[index]
    assert (problem.severity, problem.code) == ("warning", "unchecked-reference")


def test_reference_to_programme_not_in_portfolio(write: Write) -> None:
    path = _portfolio(write, effort_link="[c/O1]")
    problem = only_error(path)
    assert (problem.file, problem.line, problem.id, problem.code) == (
        str(path.parent / "a.yaml"),
        19,
        "E1",
        "unknown-programme",
    )


def test_unknown_goal_in_other_programme(write: Write) -> None:
    path = _portfolio(write, effort_link="[b/O2]")
    problem = only_error(path)
    assert problem.code == "unknown-reference"
    assert "did you mean 'O1'" in problem.message


def test_mission_names_unknown_programme(write: Write) -> None:
    path = _portfolio(write, "missions:\n  - id: m1\n    title: Sociaal domein\n    programmes: [a, bb]\n")
    problem = only_error(path)
    assert (problem.file, problem.line, problem.id, problem.code) == (str(path), 6, "m1", "unknown-programme")
    assert "did you mean 'b'" in problem.message


def test_duplicate_programme_id(write: Write) -> None:
    write("a.yaml", HEAD.replace("id: demo", "id: a"))
    write("b.yaml", HEAD.replace("id: demo", "id: a"))
    path = write("portfolio.yaml", "portfolio: {id: pf, name: P}\nprogrammes: [a.yaml, b.yaml]\n")
    problem = only_error(path)
    assert (problem.file, problem.line, problem.code) == (str(path.parent / "b.yaml"), 2, "duplicate-id")


def test_missing_programme_file(write: Write) -> None:
    write("a.yaml", HEAD.replace("id: demo", "id: a"))
    path = write("portfolio.yaml", "portfolio: {id: pf, name: P}\nprogrammes:\n  - a.yaml\n  - nope.yaml\n")
    problem = only_error(path)
    assert problem.file == str(path)
    assert problem.line == 4
    assert "nope.yaml" in problem.message


def test_cycle_is_reported(write: Write) -> None:
    text = HEAD.replace("contributes_to: [S1]", "contributes_to: [O2]").replace(
        "owners:", "  - id: O2\n    title: x\n    contributes_to: [O1]\nowners:"
    )
    path = write("p.yaml", text)
    codes = [p.code for p in problems_of(path)]
    assert "cycle" in codes
    assert codes.count("same-level") == 2


def test_unknown_area_is_kept_and_warned(write: Write) -> None:
    write(
        "a.yaml",
        HEAD.replace("id: demo", "id: a")
        + "efforts:\n  - {id: E1, title: x, contributes_to: [O1], areas: [Kerkelanden, Atlantis]}\n",
    )
    path = write(
        "portfolio.yaml",
        "portfolio: {id: pf, name: P}\nprogrammes: [a.yaml]\n"
        "areas:\n  - {id: west, name: Almelo West, kind: wijk, parts: [Kerkelanden]}\n",
    )
    [problem] = problems_of(path)
    assert (problem.severity, problem.code, problem.id) == ("warning", "unknown-area", "E1")
    with pytest.warns(din_graph.DinWarning):
        portfolio = din_graph.load(path)
    assert portfolio.programmes[0].efforts[0].areas == ("Kerkelanden", "Atlantis")  # type: ignore[union-attr]


# ------------------------------------------------------------------ unreadable input


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.yaml", b"", "empty"),
        ("blank.yaml", b"  \n\n# only a comment\n", "empty"),
        ("binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin1.yaml", "programme: {id: p, name: caf\u00e9}".encode("latin-1"), "not UTF-8"),
        ("bad.yaml", b"programme:\n  id: p\n  name: [unclosed\n", "invalid YAML"),
        ("bad.json", b'{"programme": {"id": "p",}}', "invalid JSON"),
        ("list.yaml", b"- a\n- b\n", "neither a programme nor a portfolio"),
        ("python.yaml", b"programme: !!python/object/apply:os.system ['echo hi']\n", "tag"),
        ("tagged.yaml", b"programme: !custom {id: p}\n", "tag"),
        ("notes.txt", b"programme: {}", "unsupported file type"),
        ("two.yaml", b"programme: {id: a, name: A}\n---\nprogramme: {id: b, name: B}\n", "invalid YAML"),
    ],
)
def test_unreadable_files_give_one_clear_error(tmp_path: Path, name: str, content: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DinFileError) as info:
        din_graph.load(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)
    [problem] = din_graph.validate(path)
    assert problem.severity == "error"


def test_wrong_top_level_type(write: Write) -> None:
    path = write("p.yaml", "programme: just text\n")
    problem = only_error(path)
    assert "programme" in problem.message


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"programme: {id: p, name: P}\nnotes: '" + b"x" * 2_000_000 + b"'\n")
    with pytest.raises(DinFileError, match="larger than"):
        din_graph.load(path, max_bytes=1_000_000)


def test_alias_bomb_fails_fast(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    lines += ["programme: {id: p, name: P, notes: *a8}"]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DinParseError, match="alias bomb"):
        din_graph.load(path)


def test_recursive_alias(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("programme: &p {id: p, name: P, notes: *p}\n")
    with pytest.raises(DinParseError):
        din_graph.load(path)


def test_yes_no_stay_words(write: Write) -> None:
    path = write(
        "p.yaml",
        HEAD.replace("name: Team Groen", "name: 'no'").replace("id: team", "id: no")
        + "efforts:\n  - {id: E1, title: ja, owner: no}\n",
    )
    programme = din_graph.load(path)
    assert programme.efforts[0].owner == "no"  # type: ignore[union-attr]
    assert programme.efforts[0].title == "ja"  # type: ignore[union-attr]


def test_json_problems_have_lines(write: Write) -> None:
    path = write(
        "p.json",
        '{\n  "programme": {"id": "p", "name": "P"},\n  "efforts": [\n'
        '    {"id": "E1",\n     "title": "x",\n     "contributes_to": ["S9"]}\n  ]\n}\n',
    )
    problem = only_error(path)
    assert (problem.line, problem.id) == (6, "E1")


def test_json_duplicate_keys(write: Write) -> None:
    path = write("p.json", '{"programme": {"id": "p", "name": "P", "name": "Q"}}')
    with pytest.raises(DinParseError, match="twice"):
        din_graph.load(path)
