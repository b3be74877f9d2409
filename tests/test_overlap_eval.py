"""The reader-judged overlap set of ``benchmarks/overlap_eval`` is well formed and fits the examples.

The evaluation itself (running the finder on the set) is a benchmark, ``make eval-overlap``;
here only the set's files, the checks that guard them and the scoring's definitions are tested.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import din_graph

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_overlap", BENCHMARKS / "eval_overlap.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


ev = _load_module()
SET_FILES = sorted((BENCHMARKS / "overlap_eval").glob("*.yaml"))


def test_one_file_per_real_portfolio_with_its_split() -> None:
    splits = {ev.load_eval_set(p).portfolio: ev.load_eval_set(p).split for p in SET_FILES}
    assert splits == {"almelo": "tune", "hengelo": "held-out", "losser": "held-out"}


@pytest.mark.parametrize("path", SET_FILES, ids=[p.stem for p in SET_FILES])
def test_set_file_is_well_formed_and_fits_its_example(path: Path) -> None:
    evalset = ev.load_eval_set(path)
    assert evalset.overlaps
    for o in evalset.overlaps:
        assert o.a.nodes
        assert o.b.nodes
        assert o.reason
    # Where the example folder exists, every key must name a node of it, of the kind the overlap says.
    kinds = ev.node_kinds_of(din_graph.load(evalset.folder)) if evalset.folder.is_dir() else None
    assert ev.problems(evalset, kinds) == []


def test_node_keys_of_losser_use_the_extracts_programme_ids() -> None:
    evalset = ev.load_eval_set(BENCHMARKS / "overlap_eval" / "losser.yaml")
    programmes = {ev.programme_of(k) for o in evalset.overlaps for k in (*o.a.nodes, *o.b.nodes)}
    assert programmes == {"losser-parapluplan-centrum", "losser-toekomstbestendig-wonen-en-leven"}


def _write(tmp_path: Path, overlaps: str, *, folder: str = "examples/almelo", name: str = "t.yaml") -> Path:
    header = f"portfolio: t\nfolder: {folder}\nsplit: tune\ndocuments: {{d.txt: a seed}}\noverlaps:\n"
    path = tmp_path / name
    path.write_text(header + textwrap.indent(overlaps, "  "), encoding="utf-8")
    return path


def _overlap(oid: str, kind: str, a: str, b: str, lines: str = "1-2") -> str:
    return textwrap.dedent(f"""\
        - id: {oid}
          kind: {kind}
          stated: false
          reason: same subject
          a: {{nodes: [{a}], source: {{document: d.txt, lines: "{lines}"}}}}
          b: {{nodes: [{b}], source: {{document: d.txt, lines: "{lines}"}}}}
        """)


ALMELO_KINDS = {
    "almelo-duurzaamheid/E19": "effort",
    "almelo-duurzaamheid/O2c": "operational_goal",
    "almelo-leefbare-wijken-en-dorpen/EK2": "effort",
    "almelo-leefbare-wijken-en-dorpen/W3": "operational_goal",
}


def test_problems_names_repeated_ids_one_programme_sides_unknown_keys_and_wrong_kinds(tmp_path: Path) -> None:
    e19, ek2, o2c, w3 = (
        "almelo-duurzaamheid/E19",
        "almelo-leefbare-wijken-en-dorpen/EK2",
        "almelo-duurzaamheid/O2c",
        "almelo-leefbare-wijken-en-dorpen/W3",
    )
    text = (
        _overlap("x1", "effort-effort", e19, ek2)
        + _overlap("x1", "effort-goal", o2c, ek2)
        + _overlap("x2", "effort-effort", e19, o2c)
        + _overlap("x3", "effort-effort", e19, "almelo-leefbare-wijken-en-dorpen/E99")
        + _overlap("x4", "goal-goal", e19, w3)
        + _overlap("x5", "effort-goal", e19, ek2)
        + _overlap("x6", "effort-goal", o2c, ek2).replace(
            "a: {nodes: [almelo-duurzaamheid/O2c], source: {document: d.txt",
            "a: {nodes: [almelo-duurzaamheid/O2c], source: {document: e.txt",
        )
    )
    found = ev.problems(ev.load_eval_set(_write(tmp_path, text)), ALMELO_KINDS)
    assert found == [
        "t.yaml: overlap x1: the id is used twice",
        "t.yaml: overlap x2: both sides hold nodes of almelo-duurzaamheid",
        "t.yaml: overlap x2: kind effort-effort does not fit the nodes of its sides",
        "t.yaml: overlap x3: almelo-leefbare-wijken-en-dorpen/E99 is no node of examples/almelo",
        "t.yaml: overlap x4: kind goal-goal does not fit the nodes of its sides",
        "t.yaml: overlap x5: kind effort-goal does not fit the nodes of its sides",
        "t.yaml: overlap x6: source e.txt is not among the file's documents",
    ]
    # Without the portfolio's nodes only the structure is checked.
    assert len(ev.problems(ev.load_eval_set(_write(tmp_path, text)))) == 3


@pytest.mark.parametrize(
    ("overlap", "message"),
    [
        (_overlap("y", "effort-effort", "a/E1", "b/E2").replace("[a/E1]", "[]"), "side a must list at least one"),
        (_overlap("y", "overlap", "a/E1", "b/E2"), "kind is 'overlap'"),
        (_overlap("y", "effort-effort", "a/E1", "b/E2", lines="r. 12"), "lines 'r. 12'"),
        (_overlap("y", "effort-effort", "a/E1", "b/E2").replace("reason: same subject", "reason: ''"), "reason"),
        (_overlap("y", "effort-effort", "E1", "b/E2"), "'<programme-id>/<local-id>'"),
    ],
)
def test_loader_rejects_a_malformed_overlap_naming_it(tmp_path: Path, overlap: str, message: str) -> None:
    with pytest.raises(ev.EvalSetError, match="overlap y") as caught:
        ev.load_eval_set(_write(tmp_path, overlap))
    assert message in str(caught.value)


def test_recall_and_precision_at_each_cutoff() -> None:
    def side(*nodes: str) -> object:
        return ev.Side(nodes, "d.txt", "1")

    overlaps = [
        ev.ReaderOverlap("o1", "effort-effort", False, "r", side("p/A1", "p/A2"), side("q/B1")),
        ev.ReaderOverlap("o2", "effort-goal", True, "r", side("p/A3"), side("q/G1")),
        ev.ReaderOverlap("o3", "goal-goal", False, "r", side("p/G2"), side("q/G3")),
    ]
    ranked = [
        ev.RankedPair("p/X", "q/Y", 0.9, "effort-effort"),  # not marked
        ev.RankedPair("q/B1", "p/A2", 0.8, "effort-effort"),  # o1, in either order
        ev.RankedPair("p/A1", "q/B1", 0.7, "effort-effort"),  # o1 again: marked, found no new overlap
        ev.RankedPair("p/A3", "q/G1", 0.6, "effort-goal"),  # o2 (stated)
        ev.RankedPair("p/A1", "q/G1", 0.5, "effort-goal"),  # nodes of two overlaps: not marked
    ]
    t = ev.tally(overlaps, ranked, cutoffs=(1, 3, 10))
    assert (t.overlaps, t.unstated, t.ranked) == (3, 2, 5)
    assert t.found == {1: 0, 3: 1, 10: 2}
    assert t.found_unstated == {1: 0, 3: 1, 10: 1}
    assert t.marked == {1: 0, 3: 2, 10: 3}
    assert t.shown == {1: 1, 3: 3, 10: 5}
    assert ev.first_ranks(overlaps, ranked) == {"o1": 2, "o2": 4, "o3": None}
    pooled = t + t
    assert pooled.found == {1: 0, 3: 2, 10: 4}
    assert pooled.shown[10] == 10


def test_command_says_not_available_for_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, _overlap("z", "effort-effort", "a/E1", "b/E2"), folder="examples/not-yet")
    assert ev.main(["--set-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "t (tune, 1 overlaps): not available, examples/not-yet does not exist yet" in out


def test_command_stops_on_a_key_the_portfolio_does_not_hold(tmp_path: Path) -> None:
    stale = _overlap("z", "effort-effort", "almelo-duurzaamheid/E19", "almelo-leefbare-wijken-en-dorpen/EK9")
    _write(tmp_path, stale)
    message = r"overlap z: almelo-leefbare-wijken-en-dorpen/EK9 is no node of examples/almelo"
    with pytest.raises(SystemExit, match=message):
        ev.main(["--set-dir", str(tmp_path)])
