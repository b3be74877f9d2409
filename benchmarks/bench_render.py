"""Benchmark: drawing the DIN sheet of one programme of 30 to 1000 efforts.

Usage::

    .venv/bin/python benchmarks/bench_render.py [--sizes 30,100,300,1000] [--repeat 3]

For every size one programme is generated with ``generate.synthetic_portfolio``
(goals, tracks on part of the efforts, owners, indicators) and drawn:

* **sheet → DOT**: ``din_graph.to_dot`` (building the sheet and its DOT text, pure Python);
* **dot -Tsvg / -Tpng**: Graphviz laying out and drawing that DOT;
* **matplotlib svg**: the fallback engine, ``render(..., engine="matplotlib")``;
* **baseline**: Graphviz on the *plain* graph of the same programme (one box per
  goal and effort, one edge per link, no columns, no HTML tables), measured in
  the same run.  The ratio says what the sheet's layout costs over drawing the
  bare network.

Times are the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import synthetic_portfolio  # noqa: E402 - benchmarks/ is not a package

import din_graph  # noqa: E402 - after the path set-up above
from din_graph._render._backend import run_dot  # noqa: E402 - after the path set-up above
from din_graph._render._text import dot_string  # noqa: E402 - after the path set-up above


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_dot(programme: din_graph.Programme) -> str:
    """The bare network: one box per node, one edge per contributes_to link."""
    lines = ["digraph plain {", "  node [shape=box, fontname=Arial, fontsize=9];"]
    for item in (*programme.strategic_goals, *programme.operational_goals, *programme.efforts):
        lines.append(f"  {dot_string(item.id)} [label={dot_string(item.id + ' ' + item.title)}];")
    for item in (*programme.operational_goals, *programme.efforts):
        for ref in item.contributes_to:
            lines.append(f"  {dot_string(ref)} -> {dot_string(item.id)} [dir=back];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="30,100,300,1000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not din_graph.dot_available():
        sys.exit("bench_render needs Graphviz's dot program (apt-get install graphviz)")
    head = ("efforts", "columns", "to_dot s", "dot svg s", "dot png s", "mpl svg s", "plain dot s", "svg/plain")
    print("{:>8} {:>8} {:>9} {:>10} {:>10} {:>10} {:>12} {:>10}".format(*head))
    for size in (int(s) for s in args.sizes.split(",")):
        programme = synthetic_portfolio(size, efforts_per_programme=size).programmes[0]
        dot = din_graph.to_dot(programme)
        columns = dot.count('[id="col')
        t_dot = best(lambda p=programme: din_graph.to_dot(p), args.repeat)
        t_svg = best(lambda d=dot: run_dot(d, "svg"), args.repeat)
        t_png = best(lambda d=dot: run_dot(d, "png"), args.repeat)
        t_mpl = best(lambda p=programme: din_graph.render(p, "svg", engine="matplotlib"), args.repeat)
        plain = plain_dot(programme)
        t_plain = best(lambda d=plain: run_dot(d, "svg"), args.repeat)
        print(
            f"{size:>8} {columns:>8} {t_dot:>9.3f} {t_svg:>10.2f} {t_png:>10.2f} {t_mpl:>10.2f} "
            f"{t_plain:>12.2f} {t_svg / t_plain:>9.2f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
