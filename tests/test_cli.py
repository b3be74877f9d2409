"""The `din` command: output format and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from din_graph._cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_examples_exit_zero() -> None:
    code, out, err = run("validate", "examples/almelo", "examples/hengelo")
    assert code == 0, out + err
    assert "examples/almelo: valid" in err


def test_validate_dangling_reference_prints_file_line_id_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "programme:\n  id: p\n  name: P\nstrategic_goals:\n  - id: S1\n    title: x\n"
        "efforts:\n  - id: E7\n    title: y\n    contributes_to: [S2]\n"
    )
    code, out, _ = run("validate", str(path))
    assert code == 2
    assert out.splitlines() == [f"{path}:10: E7: unknown reference 'S2' (did you mean 'S1'?)"]


def test_validate_bad_files_exit_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text("")
    (tmp_path / "b.yaml").write_bytes(b"\x00\x01\x02")
    code, out, err = run("validate", str(tmp_path / "e.yaml"), str(tmp_path / "b.yaml"), str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "Traceback" not in out + err
    assert len(out.splitlines()) == 3


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "Programme"
    assert "efforts" in schema["properties"]
    code, out, _ = run("schema", "--kind", "portfolio")
    assert json.loads(out)["title"] == "Portfolio"


def test_summary_counts_levels_with_programme_names() -> None:
    code, out, _ = run("summary", "examples/almelo")
    assert code == 0
    assert "Duurzaamheid — Almelo, periode 2019-2022 [almelo-duurzaamheid]" in out
    assert "Werkvelden" in out  # Leefbare wijken en dorpen names its levels itself
    code, out, _ = run("summary", "--lang", "en", "examples/almelo/duurzaamheid.yaml")
    assert "Operational goals" in out


def test_summary_of_bad_input_exits_2(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("programme: {id: p}\n")
    code, _, err = run("summary", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "missing required key 'name'" in err


def test_console_script_runs_as_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "din_graph", "validate", "examples/hengelo"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_import_is_light() -> None:
    code = (
        "import sys, din_graph; print(sorted(m for m in ('networkx', 'yaml', 'pydantic', 'click') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_check_json_lists_findings_with_node_keys() -> None:
    code, out, _ = run("check", "examples/almelo", "--format", "json")
    assert code == 0
    findings = json.loads(out)["findings"]
    assert all(set(f) == {"code", "severity", "programme", "node", "message"} for f in findings)
    orphans = [f["node"] for f in findings if f["code"] == "orphan-effort"]
    assert orphans == [
        "almelo-duurzaamheid/E31",
        "almelo-duurzaamheid/E32",
        "almelo-duurzaamheid/E33",
        "almelo-leefbare-wijken-en-dorpen/CO1",
        "almelo-leefbare-wijken-en-dorpen/CO2",
    ]


def test_check_fail_on_exits_1_only_when_code_occurs() -> None:
    assert run("check", "examples/almelo", "--fail-on", "orphan-effort")[0] == 1
    assert run("check", "examples/almelo", "--fail-on", "too-many-missions,owner-overload")[0] == 0
    code, _, err = run("check", "examples/almelo", "--fail-on", "orphan")
    assert code == 2
    assert "unknown code(s) orphan" in err


def test_check_text_and_markdown(tmp_path: Path) -> None:
    code, out, _ = run("check", "--lang", "en", "examples/almelo/duurzaamheid.yaml")
    assert code == 0
    assert "almelo-duurzaamheid/E31: orphan-effort (warning): effort 'Stakeholders" in out
    # 38 since kernopgaven-count (two strategic goals, outside the seed's 5-7) joined the findings
    assert out.rstrip().splitlines()[-1].startswith("38 findings: orphan-effort 3, not-smart 2")
    assert out.rstrip().endswith("kernopgaven-count 1")
    hostile = tmp_path / "h.yaml"
    hostile.write_text("programme: {id: h, name: H}\nefforts:\n  - {id: E1, title: '<b>|x|</b> *y* [z](u)'}\n")
    code, out, _ = run("check", "--format", "markdown", str(hostile))
    row = next(line for line in out.splitlines() if "orphan-effort" in line)
    assert row.count("|") - row.count("\\|") == 5  # the title's pipes do not add columns
    assert "<b>" not in row
    assert "\\*y\\*" in row


def test_check_bad_input_exits_2(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("programme: {id: p, name: P}\nefforts: [{id: E1}]\n")
    code, _, err = run("check", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "missing required key 'title'" in err


def test_overlap_synonyms() -> None:
    def keys(*options: str) -> list[tuple[str, str]]:
        code, out, _ = run("overlap", "examples/almelo", "--format", "json", *options)
        assert code == 0
        return [(p["a"].split("/")[1], p["b"].split("/")[1]) for p in json.loads(out)["pairs"]]

    # built in: 'groen en blauw' is green space and water
    assert keys().index(("O1a", "FV4")) < keys("--synonym", "blauw=blauw").index(("O1a", "FV4"))
    code, _, err = run("overlap", "examples/almelo", "--synonym", "blauw")
    assert code == 2
    assert "WORD=MEANT" in err
    code, _, err = run("overlap", "examples/almelo", "--synonym", "groene daken=dakgroen")
    assert code == 2
    assert err.strip() == "synonym 'groene daken' -> 'dakgroen': a synonym is one word read as one other word"


def test_overlap_json_shape_and_options() -> None:
    code, out, _ = run("overlap", "examples/almelo", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"pairs", "programme_pairs", "clusters", "suggested_links", "dismissed", "stale", "more"}
    pairs = data["pairs"]
    assert len(pairs) == 50  # the best 50 by default ...
    assert data["more"] > 0  # ... and how many more there are
    assert all(set(p) == {"rank", "a", "b", "kind", "score", "band", "reason", "evidence"} for p in pairs)
    assert [p["rank"] for p in pairs] == list(range(1, 51))
    assert {p["band"] for p in pairs} == {"likely", "possible"}
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)
    assert {p["kind"] for p in pairs} <= {"effort-effort", "goal-goal", "effort-goal"}
    assert set(data["programme_pairs"][0]) == {"a", "b", "score", "count"}
    code, out, _ = run("overlap", "examples/almelo", "--format", "json", "--min-score", "0.3", "--top", "5")
    few = json.loads(out)
    assert len(few["pairs"]) == 5
    assert all(p["score"] >= 0.3 for p in few["pairs"])
    code, out, _ = run("overlap", "examples/almelo/duurzaamheid.yaml", "examples/almelo/leefbare-wijken-en-dorpen.yaml")
    assert code == 0
    # each node with its title, so the finding reads without the files open
    assert "almelo-duurzaamheid/E23  Inwoners ondersteunen bij duurzame initiatieven\n" in out
    assert "almelo-leefbare-wijken-en-dorpen/BB2  Verschillende bewonersinitiatieven\n" in out
    assert "  1. 0.67  waarschijnlijk  inspanning–inspanning\n" in out
    assert (
        "      Beide noemen verduurzamen, woningen; beide gaan over energietransitie van woningen en gebouwen"
        " (energielabel / energiebesparende).\n"
    ) in out
    assert "en nog " in out
    code, out, _ = run("overlap", "examples/almelo", "--format", "markdown", "--lang", "en", "--top", "4")
    assert "| `almelo-leefbare-wijken-en-dorpen/EK1` Tegengaan hittestress |" in out
    assert "| 4 | 0.61 | likely |" in out
    assert out.count("\n| ") == 4  # the four pairs below the header
    assert "and 73 more pairs" in out


def test_overlap_review_file(tmp_path: Path) -> None:
    review = tmp_path / "overlap-review.yaml"
    review.write_text(
        "pairs:\n"
        "  - a: almelo-duurzaamheid/E19\n"
        "    b: almelo-leefbare-wijken-en-dorpen/EK2\n"
        "    decision: dismissed\n"
        "  - a: almelo-duurzaamheid/O1b\n"
        "    b: almelo-leefbare-wijken-en-dorpen/EK1\n"
        "    decision: confirmed\n"
        "    note: afgestemd met de wijkregisseur\n"
        "  - {a: almelo-duurzaamheid/E99, b: almelo-leefbare-wijken-en-dorpen/EK1, decision: confirmed}\n",
        encoding="utf-8",
    )
    code, out, _ = run("overlap", "examples/almelo", "--review", str(review), "--top", "3")
    assert code == 0
    assert "almelo-duurzaamheid/E19" not in out
    assert "  1. 0.63  waarschijnlijk, bevestigd  doel–inspanning\n" in out
    assert "(afgestemd met de wijkregisseur)" in out
    assert "1 afgewezen paar/paren weggelaten (reviewbestand)" in out
    assert "almelo-duurzaamheid/E99 – almelo-leefbare-wijken-en-dorpen/EK1: knoop almelo-duurzaamheid/E99" in out
    review.write_text("pairs:\n  - {a: x/E1, b: y/E1, decision: misschien}\n", encoding="utf-8")
    code, _, err = run("overlap", "examples/almelo", "--review", str(review))
    assert code == 2
    assert "overlap-review.yaml:2: -: pairs[0]: decision 'misschien'" in err


def test_overlap_kind_label_follows_the_order_of_a_and_b() -> None:
    import din_graph

    almelo = din_graph.load("examples/almelo")
    goals = {f"{p.id}/{g.id}" for p in almelo.programmes for g in (*p.strategic_goals, *p.operational_goals)}
    for lang, goal, effort in (("nl", "doel", "inspanning"), ("en", "goal", "effort")):
        code, out, _ = run("overlap", "examples/almelo", "--top", "30", "--lang", lang)
        assert code == 0
        lines = out.splitlines()
        heads = [k for k, line in enumerate(lines) if line[:3].strip().isdigit() and line[3:4] == "."]
        labels = []
        for k in heads:
            a, b = lines[k + 1].split()[0], lines[k + 2].split()[0]
            expected = "–".join(goal if key in goals else effort for key in (a, b))
            labels.append(lines[k].split()[-1])
            assert lines[k].endswith(f"  {expected}"), (lines[k], a, b)
        # the list holds both orders, so the label is read from the pair, not from its kind alone
        assert f"{goal}–{effort}" in labels
        assert f"{effort}–{goal}" in labels
