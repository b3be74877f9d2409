"""Every bad argument raises one error class: a DinArgumentError, which is a DinError and a
ValueError (the calls pass wrong values on purpose)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import din_graph
from din_graph import DinArgumentError, DinError

ALMELO = Path(__file__).resolve().parents[1] / "examples" / "almelo"


@pytest.fixture(scope="module")
def almelo() -> din_graph.Portfolio:
    portfolio = din_graph.load(ALMELO)
    assert isinstance(portfolio, din_graph.Portfolio)
    return portfolio


def _programme(pf: din_graph.Portfolio) -> din_graph.Programme:
    return pf.programmes[0]


BAD_CALLS: dict[str, Callable[[din_graph.Portfolio, Path], Any]] = {
    "render lang": lambda pf, _: din_graph.render(pf, "dot", programme=_programme(pf).id, lang="de"),
    "render paper": lambda pf, _: din_graph.render(_programme(pf), "dot", paper="b0"),
    "render owners": lambda pf, _: din_graph.render(_programme(pf), "dot", owners="left"),
    "render max_rows": lambda pf, _: din_graph.render(_programme(pf), "dot", max_rows=0),
    "render highlight": lambda pf, _: din_graph.render(_programme(pf), "dot", highlight="everything"),
    "render engine": lambda pf, _: din_graph.render(_programme(pf), "svg", engine="tikz"),
    "render suffix": lambda pf, tmp: din_graph.render(_programme(pf), tmp / "sheet.gif"),
    "render programme": lambda pf, _: din_graph.render(pf, "dot", programme="nope"),
    "render object": lambda _pf, _: din_graph.render("almelo", "dot"),
    "progress rollup": lambda pf, _: din_graph.progress(pf, rollup="mean"),
    "progress tolerance": lambda pf, _: din_graph.progress(pf, tolerance=-1),
    "diff rename_score": lambda pf, _: din_graph.diff(_programme(pf), _programme(pf), rename_score=101),
    "indicator_chart which": lambda pf, _: din_graph.indicator_chart(_programme(pf).operational_goals[0], which=99),
    "dumps format": lambda pf, _: din_graph.dumps(pf, format="toml"),
    "dump format": lambda pf, tmp: din_graph.dump(pf, tmp / "out", programme_format="toml"),
    "explore lang": lambda pf, _: din_graph.explore(pf, lang="fr"),
    "explore object": lambda _pf, _: din_graph.explore(42),
    "check lang": lambda pf, _: din_graph.check(pf, lang="de"),
    "check kernopgaven": lambda pf, _: din_graph.check(pf, kernopgaven=(7, 5)),
    "write_report suffix": lambda pf, tmp: din_graph.write_report(pf, tmp / "report.docx"),
}


@pytest.mark.parametrize("call", BAD_CALLS.values(), ids=BAD_CALLS.keys())
def test_a_bad_argument_is_a_din_argument_error_and_a_value_error(
    call: Callable[[din_graph.Portfolio, Path], Any], almelo: din_graph.Portfolio, tmp_path: Path
) -> None:
    with pytest.raises(DinArgumentError) as caught:
        call(almelo, tmp_path)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, DinError)
    assert str(caught.value)  # says what is wrong
    assert not list(tmp_path.iterdir())  # and wrote nothing
