"""Not a timing: where the portfolio picture's edge labels meet something they should not.

    .venv/bin/python benchmarks/label_clashes.py            # Almelo and twelve tune-paraphrase pictures
    .venv/bin/python benchmarks/label_clashes.py --verbose  # each clash

For each picture, dot lays out the DOT of ``portfolio_dot`` (``-Tjson``) and every
overlap label's text box is held against the nodes, the other labels, the other lines
(within half their pen width) and the programmes' borders, with the reader the test
``test_every_label_of_the_portfolio_picture_keeps_clear_of_nodes_lines_and_other_labels``
uses.  The tune-paraphrase pictures are the first 2 to 5 programmes of
``paraphrase_corpus(n, seed=s)``; never a held-out portfolio.  Needs Graphviz's ``dot``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

import din_graph  # noqa: E402 - after the path to the test helpers
from din_graph._render._portfolio import portfolio_dot  # noqa: E402
from test_render import _label_clashes  # noqa: E402

#: (efforts, seed, programmes kept) of the tune-paraphrase pictures
PICTURES = [(150, 11, 5), (150, 12, 5), (120, 13, 4), (100, 11, 3), (100, 12, 3), (150, 14, 3)] + [
    (150, seed, 2) for seed in range(11, 17)
]


def pictures() -> list[tuple[str, din_graph.Portfolio]]:
    from overlap_paraphrase import paraphrase_corpus

    out = [("almelo", din_graph.load(ROOT / "examples" / "almelo"))]
    for efforts, seed, kept in PICTURES:
        whole = paraphrase_corpus(efforts, seed=seed).portfolio
        out.append(
            (
                f"paraphrase {efforts} seed {seed}, {kept} programmes",
                din_graph.Portfolio(id=whole.id, name=whole.name, programmes=whole.programmes[:kept]),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print each clash")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    print(f"{'picture':42} {'labels':>6} {'border':>6} {'line':>5} {'label':>5} {'node':>5}")
    for name, portfolio in pictures():
        labels, clashes = _label_clashes(portfolio_dot(portfolio, din_graph.overlaps(portfolio, progress=False)))
        # each clash reads "'text' on line 7", "... on node X", "... on label 'y'" or "... on a programme's border"
        kinds = Counter("border" if c.endswith("border") else c.rsplit("' on ", 1)[1].split()[0] for c in clashes)
        total += kinds
        total["labels"] += len(labels)
        print(f"{name:42} {len(labels):6} {kinds['border']:6} {kinds['line']:5} {kinds['label']:5} {kinds['node']:5}")
        if args.verbose:
            for clash in clashes:
                print("   ", clash)
    print(
        f"{'total':42} {total['labels']:6} {total['border']:6} {total['line']:5} {total['label']:5} {total['node']:5}"
    )


if __name__ == "__main__":
    main()
