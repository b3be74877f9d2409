"""Print the findings of ``din_graph.overlaps`` on a synthetic portfolio as JSON, to compare commits.

Usage::

    .venv/bin/python benchmarks/overlap_findings.py 20000 --seed 7 > findings.json
    .venv/bin/python benchmarks/overlap_findings.py 2000 --setting held-out --seed 101 > held-out.json

Every pair (keys, kind, score, evidence), the programme pairs, the clusters and
the suggested links, in the library's own order.  Two commits find the same
when their outputs are the same file (``cmp a.json b.json``).  ``--setting``
picks the generator: ``tune`` (``overlap_corpus``, the default) or
``held-out`` (``overlap_heldout``; see ``bench_overlap.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_overlap import corpus

import din_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--setting", choices=("tune", "held-out"), default="tune")
    args = parser.parse_args()
    portfolio, _ = corpus(args.setting, args.size, args.seed)
    found = din_graph.overlaps(portfolio, progress=False)
    json.dump(found.to_dict(), sys.stdout, indent=0, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
