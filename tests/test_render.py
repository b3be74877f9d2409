"""The DIN sheet, the portfolio picture, charts and notebook display.

Structure is asserted on the DOT text and on the SVG (nodes, ranks, edges,
styles, escaping), not on pixels.  Tests that run Graphviz carry the
``graphviz`` marker and are skipped where ``dot`` is missing; the matplotlib
engine is tested everywhere.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import din_graph
from din_graph import DinError, DinRenderError, DinWarning, Programme
from din_graph._cli import cli
from din_graph._render import _api
from din_graph._render._dot import column_height, sheet_dot
from din_graph._render._sheet import build_sheet
from strategies import hostile_texts

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def almelo() -> din_graph.Portfolio:
    return din_graph.load(ROOT / "examples" / "almelo")


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behave as if Graphviz were not installed (and say the fallback warning again)."""
    monkeypatch.setenv("DIN_GRAPH_DOT", "")
    monkeypatch.setattr(_api, "_warned_fallback", False)


def small(**changes: object) -> Programme:
    data: dict[str, object] = {
        "id": "p",
        "name": "Klimaat",
        "municipality": "Almelo",
        "period": {"start": 2023, "end": 2026},
        "vision": "Een groene stad",
        "strategic_goals": [{"id": "S1", "title": "Groener"}, {"id": "S2", "title": "Duurzamer"}],
        "operational_goals": [
            {"id": "O1", "title": "Meer groen", "contributes_to": ["S1"]},
            {"id": "O2", "title": "Minder gas", "contributes_to": ["S2"]},
        ],
        "efforts": [
            {"id": "E1", "title": "Bomen planten", "contributes_to": ["O1"], "role": "regie", "owner": "uf"},
            {"id": "E2", "title": "Geveltuinen", "contributes_to": ["O1"], "role": "inwoners"},
            {"id": "E3", "title": "Warmteplan", "contributes_to": ["O1", "O2"], "role": "lijn"},
            {"id": "E4", "title": "Losse actie"},
        ],
        "owners": [{"id": "uf", "name": "Uitvoering Fysiek", "type": "afdeling"}],
        "placeholders": [{"id": "PM1", "contributes_to": ["O2"]}],
    }
    data.update(changes)
    return Programme.model_validate(data)


def labels(dot: str) -> list[str]:
    """The HTML-like labels of a DOT text (``label=<...>``), found by counting angle brackets."""
    out = []
    for match in re.finditer(r"label=<", dot):
        depth, i = 1, match.end()
        while depth:
            depth += {"<": 1, ">": -1}.get(dot[i], 0)
            i += 1
        out.append(dot[match.end() : i - 1])
    return out


def nodes_with(dot: str, text: str) -> list[str]:
    return [line.split(" [", 1)[0].strip() for line in dot.splitlines() if text in line and " [" in line]


# ---- the sheet as data ------------------------------------------------------------------------


def test_columns_group_efforts_by_goal_set_with_unlinked_last() -> None:
    sheet = build_sheet(small())
    columns = [[row.local for row in c.rows] for c in sheet.columns]
    assert columns == [["E1", "E2"], ["E3"], ["PM1"], ["E4"]]
    assert sheet.columns[-1].header == "Niet gekoppeld"
    # A column links once to each goal its rows serve, naming the rows.
    links = {(link.tail, link.head): link.efforts for link in sheet.links if link.efforts}
    assert links == {
        ("col1", "p/O1"): ("E1", "E2"),
        ("col2", "p/O1"): ("E3",),
        ("col2", "p/O2"): ("E3",),
        ("col3", "p/O2"): ("PM1",),
    }


def test_tracks_make_columns_and_rows_name_goals_when_they_differ() -> None:
    programme = small(
        efforts=[
            {"id": "E1", "title": "Bomen", "contributes_to": ["O1"], "track": "Groen"},
            {"id": "E2", "title": "Gas", "contributes_to": ["O2"], "track": "Groen"},
            {"id": "E3", "title": "Water", "contributes_to": ["O1"], "track": "Water"},
        ],
        placeholders=[],
    )
    sheet = build_sheet(programme)
    assert [(c.header, [r.goals for r in c.rows]) for c in sheet.columns] == [
        ("Groen", [("O1",), ("O2",)]),
        ("Water", [()]),  # one goal set in the column: no tags
    ]


def test_every_effort_goal_link_of_the_model_is_drawn(almelo: din_graph.Portfolio) -> None:
    for programme in almelo.programmes:
        sheet = build_sheet(programme, context=almelo)
        drawn = {(effort, link.head) for link in sheet.links for effort in link.efforts}
        expected = {
            (item.id, f"{programme.id}/{ref}")
            for item in (*programme.efforts, *programme.placeholders)
            for ref in item.contributes_to
        }
        assert drawn == expected
        rows = Counter(row.local for column in sheet.columns for row in column.rows)
        assert rows == Counter(x.id for x in (*programme.efforts, *programme.placeholders))


def test_long_columns_continue_beside_each_other() -> None:
    efforts = [{"id": f"E{i}", "title": f"Actie {i}", "contributes_to": ["O1"]} for i in range(23)]
    sheet = build_sheet(small(efforts=efforts, placeholders=[]), max_rows=10)
    assert [len(c.rows) for c in sheet.columns] == [8, 8, 7]
    assert [c.part for c in sheet.columns] == [1, 2, 3]
    assert {link.head for link in sheet.links if link.tail.startswith("col")} == {"p/O1"}


def test_levels_use_the_programmes_names_in_dutch_and_generic_names_in_english(almelo: din_graph.Portfolio) -> None:
    lwd = almelo.programme("almelo-leefbare-wijken-en-dorpen")
    assert list(build_sheet(lwd).levels.values()) == ["Visie", "Doelen", "Werkvelden", "Activiteiten · Inspanningen"]
    assert list(build_sheet(lwd, lang="en").levels.values()) == [
        "Vision",
        "Strategic goals",
        "Operational goals",
        "Tracks · Efforts",
    ]


def test_bad_options_are_din_errors() -> None:
    with pytest.raises(DinError, match="unknown highlight 'ghosts'"):
        build_sheet(small(), highlight="ghosts")
    with pytest.raises(DinError, match="paper"):
        build_sheet(small(), paper="a5")
    with pytest.raises(DinError, match="language"):
        build_sheet(small(), lang="de")  # type: ignore[arg-type]
    with pytest.raises(DinError, match="no programme 'x'"):
        din_graph.to_dot(din_graph.Portfolio(id="pf", name="PF", programmes=[small()]), programme="x")


# ---- DOT ----------------------------------------------------------------------------------------


def test_dot_of_a_small_programme_is_exactly_the_golden_file() -> None:
    # Regenerate after an intended change: python -c "..." (see tests/golden/README.md).
    expected = (GOLDEN / "small.dot").read_text(encoding="utf-8")
    assert din_graph.to_dot(small(), highlight="findings") == expected


def test_dot_ranks_levels_and_keeps_contract_order() -> None:
    dot = din_graph.to_dot(small())
    ranks = re.findall(r"\{ rank=same; (.*?); \}", dot)
    assert ranks == [
        '"band:vision"; "p/vision"',
        '"band:strategic_goal"; "p/S1"; "p/S2"',
        '"band:operational_goal"; "p/O1"; "p/O2"',
        '"band:effort"; "col1"; "col2"; "col3"; "col4"',
    ]
    edges = re.findall(r'^  ("[^"]+") -> ("[^"]+") \[tailport', dot, flags=re.M)
    assert ('"p/O1"', '"col2"') in edges
    assert ('"p/O2"', '"col2"') in edges  # E3 serves both goals: its column connects to each
    assert ('"p/S1"', '"p/O1"') in edges
    assert ('"p/vision"', '"p/S1"') in edges


def test_roles_placeholders_and_title_block_are_styled() -> None:
    dot = din_graph.to_dot(small())
    assert 'BGCOLOR="#0b5394"' in dot  # regie marker
    assert 'BGCOLOR="#b8324f"' in dot  # inwoners marker
    assert re.search(r'STYLE="dashed"[^>]*PORT="PM1"', dot)
    assert "<B>Klimaat</B>" in dot
    assert "Doelen-Inspanningen-Netwerk · Gemeente Almelo · 2023–2026" in dot
    assert "trekker: Uitvoering Fysiek" in dot
    assert "Legenda" in dot
    assert "Strategic goals".upper() in din_graph.to_dot(small(), lang="en")


def test_highlights_mark_orphans_uncovered_goals_and_indicator_status() -> None:
    programme = small(
        operational_goals=[
            {
                "id": "O1",
                "title": "Meer groen",
                "contributes_to": ["S1"],
                "indicators": [
                    {
                        "name": "m2 groen",
                        "baseline": {"value": 0, "year": 2020},
                        "targets": {2024: 400},
                        "actuals": {2022: 100},
                    },
                ],
            },
            {"id": "O2", "title": "Minder gas", "contributes_to": ["S2"]},
        ],
        placeholders=[],
        efforts=[
            {"id": "E1", "title": "Bomen planten", "contributes_to": ["O1"]},
            {"id": "E4", "title": "Losse actie"},
        ],
    )
    plain = din_graph.to_dot(programme)
    assert "WEES" not in plain
    assert "uit koers" not in plain
    marked = din_graph.to_dot(programme, highlight="findings")
    e4 = next(label for label in labels(marked) if 'PORT="E4"' in label)
    assert "WEES" in e4
    assert "#c00000" in e4
    o2 = next(label for label in labels(marked) if "Minder gas" in label)
    assert "GEEN INSPANNING" in o2
    o1 = next(label for label in labels(marked) if "Meer groen" in label)
    assert "uit koers" in o1  # 100 measured in 2022 against 200 expected on the way to 400: half the way missing
    assert "KWETSBAAR" in o1  # O1 rests on E1 alone
    only = din_graph.to_dot(programme, highlight="orphans")
    assert "WEES" in only
    assert "GEEN INSPANNING" not in only


def test_owners_below_draws_owner_nodes_linked_to_columns() -> None:
    dot = din_graph.to_dot(small(), owners="below")
    assert '"p/uf" [label=' in dot
    assert re.search(r'"col1" -> "p/uf" \[dir=none', dot)
    assert "trekker:" not in dot


def test_paper_and_orientation_set_the_size() -> None:
    assert 'size="15.74,10.89"' in din_graph.to_dot(small(), landscape=True)
    assert 'size="7.47,10.89"' in din_graph.to_dot(small(), paper="a4", landscape=False)


def test_dot_is_deterministic(almelo: din_graph.Portfolio) -> None:
    first = din_graph.to_dot(almelo, programme="almelo-duurzaamheid", highlight="findings")
    again = din_graph.to_dot(
        din_graph.load(ROOT / "examples" / "almelo"), programme="almelo-duurzaamheid", highlight="findings"
    )
    assert first == again


def test_columns_are_padded_to_one_height(almelo: din_graph.Portfolio) -> None:
    sheet = build_sheet(almelo.programme("almelo-duurzaamheid"))
    tallest = max(column_height(c, sheet.words) for c in sheet.columns)
    fillers = re.findall(r'<TD COLSPAN="2" HEIGHT="(\d+)"></TD>', sheet_dot(sheet))
    assert len(fillers) == len(sheet.columns) - 1
    assert all(0 < int(h) < tallest for h in fillers)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_texts, description=hostile_texts, track=hostile_texts)
def test_hostile_text_never_breaks_the_dot(title: str, description: str, track: str) -> None:
    programme = small(
        name=title,
        vision=description,
        efforts=[{"id": "E1", "title": title, "description": description, "contributes_to": ["O1"], "track": track}],
        placeholders=[{"id": "PM1", "title": title, "contributes_to": ["O2"]}],
        owners=[],
    )
    dot = din_graph.to_dot(programme, highlight="findings", owners="below")
    for label in labels(dot):
        ET.fromstring(f"<root>{label}</root>")  # every HTML-like label is well-formed markup
        assert not re.search(r"<(B|I|FONT[^>]*)></", label)  # Graphviz refuses empty text elements
    for quoted in re.findall(r'"((?:[^"\\]|\\.)*)"', dot):
        assert "\n" not in quoted
        assert not re.search(r"(?<!\\)\\[NGELTHl]", quoted.replace("\\\\", ""))
    bare = dot
    for label in labels(dot):
        bare = bare.replace(f"label=<{label}>", "label=<>")
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', '""', bare)
    assert bare.count("{") == bare.count("}")  # user braces live inside quoted or HTML labels only
    assert "<script>" not in bare  # in tooltips it is a quoted string, escaped again in the SVG


# ---- Graphviz and SVG ----------------------------------------------------------------------------


@pytest.mark.graphviz
def test_svg_has_one_node_per_goal_and_column(almelo: din_graph.Portfolio) -> None:
    svg = din_graph.render(almelo, "svg", programme="almelo-leefbare-wijken-en-dorpen")
    assert isinstance(svg, str)
    root = ET.fromstring(svg)
    ids = {g.get("id") for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    assert {"vision", "S1", "S2", "W1", "W2", "W3", "W4", "W5"} <= ids
    assert sum(1 for i in ids if i and i.startswith("col")) == 7  # the seven activity groups of Bijlage II
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for header in ("Fysieke verbeteringen", "Overlast en veiligheid", "Communicatie"):
        assert header in texts
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert len(edges) >= 7 + 5 + 2


@pytest.mark.graphviz
def test_svg_is_deterministic(almelo: din_graph.Portfolio) -> None:
    one = din_graph.render(almelo, "svg", programme="almelo-duurzaamheid", highlight="findings")
    two = din_graph.render(almelo, "svg", programme="almelo-duurzaamheid", highlight="findings")
    assert one == two


@pytest.mark.graphviz
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_texts | st.sampled_from(["\ud7fc", "\x07", "\u200b", "]", "]]", "<B>"]))
def test_hostile_text_renders_to_well_formed_svg(title: str) -> None:
    programme = small(name=title, efforts=[{"id": "E1", "title": title, "contributes_to": ["O1"]}], placeholders=[])
    svg = din_graph.render(programme, "svg", engine="graphviz")
    assert isinstance(svg, str)
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in {"script", "b", "foreignObject"}]


@pytest.mark.graphviz
def test_png_and_pdf_files_are_written(tmp_path: Path, almelo: din_graph.Portfolio) -> None:
    png = din_graph.render(almelo, tmp_path / "d.png", programme="almelo-duurzaamheid")
    pdf = din_graph.render(almelo, tmp_path / "sub" / "d.pdf", programme="almelo-duurzaamheid", paper="a4")
    assert png == tmp_path / "d.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert isinstance(pdf, Path)
    assert pdf.read_bytes()[:5] == b"%PDF-"


@pytest.mark.graphviz
def test_portfolio_picture_has_a_cluster_per_programme_and_weighted_overlaps(
    almelo: din_graph.Portfolio,
) -> None:
    dot = din_graph.to_dot(almelo)
    assert dot.startswith("graph portfolio {")
    assert dot.count('subgraph "cluster_') == len(almelo.programmes)
    found = din_graph.overlaps(almelo, progress=False)
    likely = [pair for pair in found.pairs if pair.band == "likely"]
    for pair in likely:  # the waarschijnlijk band is drawn, the mogelijk band stays in the list
        assert f'"{pair.a}" -- "{pair.b}" [constraint=false' in dot
    assert len(re.findall(r"constraint=false", dot)) == len(likely)
    widths = [float(w) for w in re.findall(r"constraint=false.*?penwidth=([\d.]+)", dot)]
    assert widths == sorted(widths, reverse=True)  # drawn strongest first, width grows with score
    # the two ends of a pair sit at one height wherever neither end sits in a stronger pair
    # (two programmes: one row of the grid); read where dot puts them (-Tplain: node name x y)
    plain = subprocess.run(["dot", "-Tplain"], input=dot, capture_output=True, text=True, check=True).stdout
    height = {name.strip('"'): float(y) for name, _, y in re.findall(r"^node (\S+) (\S+) (\S+)", plain, re.MULTILINE)}
    seen: set[str] = set()
    facing = []
    for pair in likely:
        if not {pair.a, pair.b} & seen:
            facing.append(pair)
        seen |= {pair.a, pair.b}
    assert len(facing) >= 4
    assert all(height[pair.a] == height[pair.b] for pair in facing)
    svg = din_graph.render(almelo, "svg")
    assert isinstance(svg, str)
    ET.fromstring(svg)


FACING = re.compile(r'^  \{ rank=same; "([^"]+)"; "([^"]+)"; \}$', flags=re.MULTILINE)


def _facing_pairs(dot: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in FACING.findall(dot) if not a.endswith("/__programme__")]


def test_the_ends_of_each_pair_face_each_other_strongest_first(almelo: din_graph.Portfolio) -> None:
    from din_graph._render._portfolio import portfolio_dot

    found = din_graph.overlaps(almelo, progress=False)
    facing = _facing_pairs(portfolio_dot(almelo, found))
    likely = [(p.a, p.b) for p in found.pairs if p.band == "likely"]
    assert facing[0] == likely[0]
    assert set(facing) <= set(likely)
    ends = [key for pair in facing for key in pair]
    assert len(ends) == len(set(ends))  # a node is held at one height only
    # a pair is left to find its own height only where an end already faces a stronger pair
    assert all({a, b} & set(ends) for a, b in likely if (a, b) not in facing)


def test_a_node_sits_below_the_height_of_its_strongest_partner(almelo: din_graph.Portfolio) -> None:
    """E2's strongest pair is with FV4, which already faces O1a (a stronger pair): E2 goes
    right below O1a, not below every node of a stronger pair (its line ran down the column);
    so do E13 and E9 below O1b, which faces their strongest partner EK1."""
    from din_graph._render._portfolio import portfolio_dot

    dot = portfolio_dot(almelo, din_graph.overlaps(almelo, progress=False))
    chain = dict(re.findall(r'^    "([^"]+)" -- "([^"]+)" \[style=invis\];$', dot, flags=re.MULTILINE))
    column, node = [], "almelo-duurzaamheid/__programme__"
    while node in chain:
        node = chain[node]
        column.append(node.split("/")[1])
    assert column == ["E19", "O1b", "E13", "E9", "O2d", "E23", "O1a", "E2", "E26", "E14"]


def test_only_a_pair_drawn_across_carries_its_words(almelo: din_graph.Portfolio) -> None:
    """A line that runs up or down crosses others: its label is rank and score (two digits),
    its words stay in the tooltip."""
    from din_graph._render._portfolio import portfolio_dot

    found = din_graph.overlaps(almelo, progress=False)
    dot = portfolio_dot(almelo, found)
    facing = set(_facing_pairs(dot))
    # the words sit in a padded HTML-like label (label=, or headlabel=/taillabel= on crossing lines)
    labels = dict(
        re.findall(r'^  "([^"]+" -- "[^"]+)" \[constraint=false.*?label=<<TABLE[^>]*><TR><TD>([^<]*)<', dot, re.M)
    )
    for pair in (p for p in found.pairs if p.band == "likely"):
        label = labels[f'{pair.a}" -- "{pair.b}']
        score = f"{pair.rank}. " + f"{pair.score:.2f}".replace(".", ",")
        assert label == score if (pair.a, pair.b) not in facing else label.startswith(score + " · ")
    assert "9. 0,47" in labels.values()


def test_two_lines_that_cross_between_facing_pairs_carry_their_labels_at_their_upper_ends(
    almelo: din_graph.Portfolio,
) -> None:
    """O2d faces BB2, E23 sits right below O2d and BB1 right below BB2; O2d-BB1 and E23-BB2
    cross halfway, where dot sets a label: theirs sit at the upper end (O2d, BB2), below the line."""
    from din_graph._render._portfolio import portfolio_dot

    dot = portfolio_dot(almelo, din_graph.overlaps(almelo, progress=False))
    edges = {
        f"{a}-{b}": attributes
        for a, b, attributes in re.findall(
            r'^  "[^/"]+/(\w+)" -- "[^/"]+/(\w+)" \[constraint=false, (.*)\];$', dot, re.M
        )
    }
    assert ", taillabel=<" in edges["O2d-BB1"]  # O2d, the upper end, is the line's tail ...
    assert "labelangle=-10" in edges["O2d-BB1"]  # ... and the left one: clockwise is below the line
    assert ", headlabel=<" in edges["E23-BB2"]  # BB2, the upper end, is the line's head ...
    assert "labelangle=10" in edges["E23-BB2"]  # ... and the right one
    others = [attributes for pair, attributes in edges.items() if pair not in {"O2d-BB1", "E23-BB2"}]
    assert len(others) == 10
    assert all(", label=<" in a and "taillabel" not in a and "headlabel" not in a for a in others)


def test_lines_cross_below_a_facing_pair_only_when_both_are_drawn() -> None:
    """a faces b, c sits below a and d below b: a-d and c-b cross whether or not c faces d;
    one of them alone crosses nothing and keeps dot's label halfway."""
    from din_graph._analysis._overlap_result import OverlapPair
    from din_graph._render._portfolio import _crossing_ends

    def pair(a: str, b: str) -> OverlapPair:
        return OverlapPair(a=a, b=b, kind="effort-effort", score=0.6, band="likely")

    shown = {"p": ["p/a", "p/c"], "q": ["q/b", "q/d"]}
    facing = [pair("p/a", "q/b")]
    both = _crossing_ends([*facing, pair("p/a", "q/d"), pair("p/c", "q/b")], facing, shown, ["p", "q"])
    assert both[("p/a", "q/d")] == ("p/a", False)  # upper end a, in the left programme
    assert both[("p/c", "q/b")] == ("q/b", True)  # upper end b, in the right programme
    assert _crossing_ends([*facing, pair("p/a", "q/d")], facing, shown, ["p", "q"]) == {}


@pytest.mark.graphviz
def test_pairs_face_each_other_only_within_a_row_of_the_grid() -> None:
    from din_graph._render._portfolio import PER_ROW, portfolio_dot

    programmes = [
        Programme.model_validate(
            {
                "id": f"p{i}",
                "name": f"Programma {i}",
                "efforts": [
                    {"id": "E1", "title": "Hittestress tegengaan met groene daken en ontstenen"},
                    {"id": "E2", "title": f"Eigen werk {i} zonder gelijke"},
                ],
            }
        )
        for i in range(PER_ROW + 1)  # two rows of the grid
    ]
    portfolio = din_graph.Portfolio(id="raster", name="Raster", programmes=programmes)
    found = din_graph.overlaps(portfolio, progress=False)
    dot = portfolio_dot(portfolio, found)
    row = {f"p{i}": i // -(-(PER_ROW + 1) // 2) for i in range(PER_ROW + 1)}
    facing = _facing_pairs(dot)
    assert facing
    assert all(row[a.split("/")[0]] == row[b.split("/")[0]] for a, b in facing)
    svg = din_graph.render(portfolio, "svg", overlaps=found)  # dot lays it out: the heights agree
    assert isinstance(svg, str)
    ET.fromstring(svg)


class _Box(NamedTuple):
    left: float
    bottom: float
    right: float
    top: float

    def meets(self, other: _Box) -> bool:
        return (
            self.left < other.right and other.left < self.right and self.bottom < other.top and other.bottom < self.top
        )

    def distance(self, x: float, y: float) -> float:
        return math.hypot(max(self.left - x, 0, x - self.right), max(self.bottom - y, 0, y - self.top))


def _along(points: list[list[float]]) -> list[tuple[float, float]]:
    """Points at most a point apart along a polyline."""
    out = []
    for (x0, y0), (x1, y1) in pairwise(points):
        steps = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0)))
        out += [(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps) for i in range(steps + 1)]
    return out


def _bezier(points: list[list[float]]) -> list[list[float]]:
    """The polyline of a cubic B-spline as dot writes it (-Tjson ``b``: 1 + 3n control points)."""
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for step in range(1, 25):
            t = step / 24
            out.append(
                [
                    (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                ]
            )
    return out


def _label_clashes(dot: str) -> tuple[list[str], list[str]]:
    """The edge labels dot draws (their text), and each label that meets a node, another
    label, another edge's line (within half its pen width) or a cluster's border."""
    layout = json.loads(subprocess.run(["dot", "-Tjson"], input=dot, capture_output=True, text=True, check=True).stdout)
    objects = layout["objects"]
    nodes, borders = {}, []
    for obj in objects:
        if "bb" in obj and obj["name"].startswith("cluster"):
            left, bottom, right, top = map(float, obj["bb"].split(","))
            corners = [[left, bottom], [left, top], [right, top], [right, bottom], [left, bottom]]
            borders += _along(corners)
        elif "pos" in obj:
            x, y = map(float, obj["pos"].split(","))
            w, h = float(obj["width"]) * 36, float(obj["height"]) * 36
            nodes[obj["name"]] = _Box(x - w, y - h, x + w, y + h)
    labels: list[tuple[int, str, _Box]] = []
    lines: list[tuple[int, float, list[tuple[float, float]]]] = []
    for number, edge in enumerate(layout.get("edges", [])):
        if edge.get("style") == "invis":
            continue
        for op in edge.get("_draw_", []):
            if op["op"] == "b":
                lines.append((number, float(edge.get("penwidth", 1)), _along(_bezier(op["points"]))))
        for key in ("_ldraw_", "_xldraw_", "_hldraw_", "_tldraw_"):
            size = 14.0
            for op in edge.get(key, []):
                size = op["size"] if op["op"] == "F" else size
                if op["op"] == "T":
                    (x, y), width = op["pt"], op["width"]
                    left = {"l": x, "r": x - width}.get(op["align"], x - width / 2)
                    # the ink of a line of text: from its descenders to its capitals
                    labels.append((number, op["text"], _Box(left, y - 0.2 * size, left + width, y + 0.8 * size)))
    clashes = []
    for number, text, box in labels:
        clashes += [f"{text!r} on node {name}" for name, node in nodes.items() if box.meets(node)]
        clashes += [f"{text!r} on label {other!r}" for n, other, b in labels if n != number and box.meets(b)]
        for n, pen, points in lines:
            if n != number and any(box.distance(x, y) < pen / 2 for x, y in points):
                clashes.append(f"{text!r} on line {n}")
        if any(box.distance(x, y) < 0.5 for x, y in borders):
            clashes.append(f"{text!r} on a programme's border")
    return [text for _, text, _ in labels], clashes


@pytest.mark.graphviz
def test_every_label_of_the_portfolio_picture_keeps_clear_of_nodes_lines_and_other_labels(
    almelo: din_graph.Portfolio,
) -> None:
    """Almelo's O2d and E23 each face one of BB2 and BB1 and overlap the other: the two lines
    between them cross halfway, where both their labels used to sit (9. 0,50 under a line)."""
    found = din_graph.overlaps(almelo, progress=False)
    likely = [pair for pair in found.pairs if pair.band == "likely"]
    drawn, clashes = _label_clashes(din_graph.to_dot(almelo, overlaps=found))
    assert len(drawn) == len(likely)  # every pair's label is read from the layout
    assert {"9. 0,47", "4. 0,61"} <= set(drawn)
    assert clashes == []


# ---- matplotlib fallback ---------------------------------------------------------------------------


def test_fallback_draws_with_matplotlib_and_warns_once(no_dot: None, almelo: din_graph.Portfolio) -> None:
    with pytest.warns(DinWarning, match="matplotlib"):
        svg = din_graph.render(almelo, "svg", programme="almelo-leefbare-wijken-en-dorpen")
    assert isinstance(svg, str)
    root = ET.fromstring(svg)
    texts = list(root.iter(f"{SVG}text"))
    content = " ".join("".join(t.itertext()) for t in texts)
    for expected in (
        "Leefbare wijken en dorpen",
        "W1 Wijken en dorpen zijn schoon,",
        "Fysieke verbeteringen",
        "PM: nog in te vullen",
        "DOELEN",
    ):
        assert expected in content
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        din_graph.render(almelo, "svg", programme="almelo-duurzaamheid")  # said once only


def test_fallback_output_is_deterministic(no_dot: None, almelo: din_graph.Portfolio) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        one = din_graph.render(almelo, "svg", programme="almelo-duurzaamheid", highlight="findings")
        two = din_graph.render(almelo, "svg", programme="almelo-duurzaamheid", highlight="findings")
        png = din_graph.render(almelo, "png", programme="almelo-duurzaamheid")
    assert one == two
    assert isinstance(png, bytes)
    assert png[:4] == b"\x89PNG"


def test_engines_that_cannot_are_din_errors(no_dot: None, almelo: din_graph.Portfolio) -> None:
    with pytest.raises(DinRenderError, match="not installed"):
        din_graph.render(almelo, "svg", programme="almelo-duurzaamheid", engine="graphviz")
    with pytest.raises(DinError, match="does not write DOT"):
        din_graph.render(almelo, "dot", programme="almelo-duurzaamheid", engine="matplotlib")
    with pytest.raises(DinRenderError, match="portfolio picture needs Graphviz"):
        din_graph.render(almelo, "svg", engine="matplotlib")
    with pytest.raises(DinError, match="suffix"):
        din_graph.render(almelo, "sheet.gif", programme="almelo-duurzaamheid")
    assert din_graph.render(almelo, "dot", programme="almelo-duurzaamheid") == din_graph.to_dot(
        almelo, programme="almelo-duurzaamheid"
    )


def test_both_engines_show_the_same_rows(almelo: din_graph.Portfolio, no_dot: None) -> None:
    programme = almelo.programme("almelo-duurzaamheid")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        svg = din_graph.render(programme, "svg", engine="matplotlib")
    assert isinstance(svg, str)
    content = " ".join("".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text"))
    dot = din_graph.to_dot(programme)
    for effort in programme.efforts:
        assert re.search(rf"\b{effort.id}\b", content)
        assert f'PORT="{effort.id}"' in dot


# ---- charts ----------------------------------------------------------------------------------------


def test_indicator_chart_draws_baseline_targets_and_actuals_on_a_given_axes() -> None:
    import matplotlib.pyplot as plt

    indicator = din_graph.Indicator(
        name="m2 groen",
        unit="m2",
        baseline={"value": 0, "year": 2018},
        targets={2020: 2000, 2022: 6000, "onbekend": 5000},
        actuals={2020: 1500, 2021: 3900},
    )
    fig, ax = plt.subplots()
    assert din_graph.indicator_chart(indicator, ax=ax) is ax
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines["streef"].get_xdata()) == [2018, 2020, 2022]
    assert list(lines["gemeten"].get_ydata()) == [1500, 3900]
    assert "streef (jaar onbekend)" in lines
    assert list(lines["achter"].get_xdata()) == [2021]  # 3900 against 4000 expected: short, within a quarter
    assert ax.get_ylabel() == "m2"
    plt.close(fig)


def test_indicator_chart_of_a_goal_without_indicators_is_a_din_error() -> None:
    with pytest.raises(DinError, match="no indicators"):
        din_graph.indicator_chart(small().operational_goals[0])


def test_owner_load_and_role_mix_charts(almelo: din_graph.Portfolio) -> None:
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2)
    din_graph.owner_load_chart(almelo, ax=left, top=5)
    totals = Counter()
    for patch in left.patches:
        totals[round(patch.get_y(), 3)] += patch.get_width()
    loads = sorted((len(o.efforts) for o in din_graph.owner_load(almelo)), reverse=True)[:5]
    assert sorted(totals.values(), reverse=True) == loads
    din_graph.role_mix_chart(almelo, ax=right, lang="en")
    shares = Counter()
    for patch in right.patches:
        shares[round(patch.get_y(), 3)] += patch.get_width()
    assert all(abs(v - 1) < 1e-9 for v in shares.values())
    assert len(shares) == len(almelo.programmes)
    plt.close(fig)


def test_overlap_heatmap_is_symmetric_and_annotated(almelo: din_graph.Portfolio) -> None:
    import matplotlib.pyplot as plt

    found = din_graph.overlaps(almelo, progress=False)
    ax = din_graph.overlap_heatmap(found, almelo)
    data = ax.get_images()[0].get_array()
    assert data.shape == (2, 2)
    assert data[0][1] == data[1][0] == found.programme_pairs[0].score
    assert len(ax.texts) == 2
    plt.close(ax.figure)


# ---- notebooks and CLI -----------------------------------------------------------------------------


def test_programmes_portfolios_and_findings_show_themselves(almelo: din_graph.Portfolio, no_dot: None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        svg = almelo.programmes[0]._repr_svg_()
    assert svg is not None
    assert "<svg" in svg
    assert almelo._repr_svg_() is None  # the portfolio picture needs Graphviz: Jupyter falls back to text
    table = din_graph.overlaps(almelo, progress=False)._repr_html_()
    assert "E23" in table
    # why each pair is listed, the whole sentence
    assert "beide noemen hittestress; beide gaan over klimaatadaptatie (wateroverlast / hittestress).<" in table
    assert "waarschijnlijk" in table
    html = din_graph.check(small(name="<b>x</b>", efforts=[{"id": "E1", "title": "<i>los</i>"}]))._repr_html_()
    assert "&lt;i&gt;los&lt;/i&gt;" in html
    assert "<i>" not in html


@pytest.mark.graphviz
def test_portfolio_shows_its_overlap_picture_in_notebooks(almelo: din_graph.Portfolio) -> None:
    svg = almelo._repr_svg_()
    assert svg is not None
    assert "Overlap tussen programma" in svg


@pytest.mark.graphviz
def test_cli_renders_a_sheet_and_a_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "render",
            "examples/almelo",
            "-p",
            "almelo-duurzaamheid",
            "-o",
            str(tmp_path / "d.svg"),
            "--highlight",
            "findings",
            "--lang",
            "en",
            "--paper",
            "a4",
            "--portrait",
        ],
    )
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "d.svg").read_text(encoding="utf-8")
    assert "ORPHAN" in svg
    assert "Strategic goals".upper() in svg
    result = runner.invoke(cli, ["render", "examples/almelo", "-o", f"{tmp_path}/out/", "--formats", "svg"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "almelo-duurzaamheid.svg",
        "almelo-leefbare-wijken-en-dorpen.svg",
        "overlap-heatmap.svg",
        "portfolio.svg",
    ]


def test_cli_render_dot_and_bad_input(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["render", "examples/almelo/duurzaamheid.yaml", "-o", str(tmp_path / "d.dot")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.dot").read_text(encoding="utf-8") == din_graph.to_dot(
        din_graph.load("examples/almelo/duurzaamheid.yaml")
    )
    result = runner.invoke(cli, ["render", "examples/almelo", "-p", "nope", "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert "no programme 'nope'" in result.output
    result = runner.invoke(cli, ["render", "examples/almelo", "-p", "almelo-duurzaamheid", "-o", "x.gif"])
    assert result.exit_code == 2
    assert "suffix" in result.output


def test_cli_render_with_the_matplotlib_engine(tmp_path: Path) -> None:
    runner = CliRunner()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        result = runner.invoke(
            cli,
            [
                "render",
                "examples/almelo",
                "-p",
                "almelo-duurzaamheid",
                "-o",
                str(tmp_path / "d.png"),
                "--engine",
                "matplotlib",
            ],
        )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.png").read_bytes()[:4] == b"\x89PNG"


# ---- scale ---------------------------------------------------------------------------------------------------


def test_a_300_effort_programme_builds_its_dot_quickly() -> None:
    import time

    efforts = [
        {
            "id": f"E{i}",
            "title": f"Inspanning nummer {i} voor de wijk",
            "contributes_to": [f"O{i % 12}"],
            "track": f"Spoor {i % 15}",
            "role": ["regie", "lijn", "afstemming"][i % 3],
        }
        for i in range(300)
    ]
    goals = [{"id": f"O{i}", "title": f"Doel {i}", "contributes_to": [f"S{i % 4}"]} for i in range(12)]
    strategic = [{"id": f"S{i}", "title": f"Strategisch doel {i}"} for i in range(4)]
    programme = small(efforts=efforts, operational_goals=goals, strategic_goals=strategic, placeholders=[])
    start = time.perf_counter()
    dot = din_graph.to_dot(programme)
    assert time.perf_counter() - start < 2.0
    assert dot.count('PORT="E') == 300


def test_goals_of_other_programmes_sit_in_their_own_band() -> None:
    hengelo = din_graph.load(ROOT / "examples" / "hengelo")
    dot = din_graph.to_dot(hengelo, programme="hengelo-dienstverlening")
    ranks = re.findall(r"\{ rank=same; (.*?); \}", dot)
    assert '"band:strategic_goal"; "hengelo-strategische-agenda/S5"' in ranks  # a strategic goal of the agenda
    assert any('"hengelo-digitale-transformatie/O1"' in r and "band:operational_goal" in r for r in ranks)
    assert re.search(r'"hengelo-strategische-agenda/S5" -> "hengelo-dienstverlening/O1" \[[^]]*style=dashed', dot)


def test_operational_goals_show_indicator_and_target_and_long_titles_wrap() -> None:
    long_title = "Meer groen en minder verhard terrein in alle wijken 🌳 " * 10  # about 550 characters
    programme = small(
        operational_goals=[
            {
                "id": "O1",
                "title": long_title,
                "contributes_to": ["S1"],
                "indicators": [
                    {
                        "name": "Toename m2 groen",
                        "unit": "m2",
                        "baseline": {"value": 0, "year": 2018},
                        "targets": {2020: 2000, 2022: 6000},
                    }
                ],
            }
        ],
        efforts=[{"id": "E1", "title": long_title, "contributes_to": ["O1"]}],
        placeholders=[],
    )
    sheet = build_sheet(programme)
    goal = sheet.operational[0]
    assert goal.details[0].lines == ("▸ Toename m2 groen (m2)", "peil 0 (2018) → streef 6.000 (2022)")
    assert 1 < len(goal.lines) <= 6
    assert all(len(line) <= 32 for line in goal.lines)  # wrapped to the box
    assert goal.lines[-1].endswith("…")  # shortened on the sheet ...
    assert goal.tooltip == long_title.strip()  # ... kept whole in the tooltip
    row = sheet.columns[0].rows[0]
    assert 1 < len(row.lines) <= 4
    assert all(len(line) <= 27 for line in row.lines)
    label = next(label for label in labels(din_graph.to_dot(programme)) if "Toename m2 groen" in label)
    assert "peil 0 (2018) → streef 6.000 (2022)" in label
    english = build_sheet(programme, lang="en").operational[0]
    assert " ".join(english.details[0].lines[1:]) == "baseline 0 (2018) → target 6,000 (2022)"


def test_a_picture_dot_cannot_rank_is_drawn_again_with_labels_placed_after_the_layout(
    monkeypatch: pytest.MonkeyPatch, almelo: din_graph.Portfolio
) -> None:
    from din_graph._render import _portfolio
    from din_graph._render._portfolio import portfolio_drawing

    seen: list[str] = []

    def run_dot(source: str, fmt: str) -> bytes:
        seen.append(source)
        if "xlabel=" not in source:
            raise DinRenderError("Graphviz dot failed: Error: trouble in init_rank")
        return b"<svg/>"

    monkeypatch.setattr(_portfolio, "run_dot", run_dot)
    found = din_graph.overlaps(almelo, progress=False)

    def build(edge_labels: _portfolio.EdgeLabels) -> str:
        return _portfolio.portfolio_dot(almelo, found, edge_labels=edge_labels)

    assert portfolio_drawing(build, "svg") == b"<svg/>"
    assert len(seen) == 2
    assert ", label=" in seen[0]
    assert "xlabel=" not in seen[0]
    assert "nodesep=2" in seen[1]  # room between the programmes for labels set after the layout

    def failing(source: str, fmt: str) -> bytes:
        raise DinRenderError("Graphviz dot failed: Error: something else")

    monkeypatch.setattr(_portfolio, "run_dot", failing)
    with pytest.raises(DinRenderError, match="something else"):
        portfolio_drawing(build, "svg")  # only the ranking failure is worked around
