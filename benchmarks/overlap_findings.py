"""Print the findings of ``din_graph.overlaps`` on a synthetic portfolio as JSON, to compare commits.

Usage::

    .venv/bin/python benchmarks/overlap_findings.py 20000 --seed 7 > findings.json

Every pair (keys, kind, score, evidence), the programme pairs, the clusters and
the suggested links, in the library's own order.  Two commits find the same
when their outputs are the same file (``cmp a.json b.json``); the speed-ups in
docs/overlap.md were checked this way against the commit before them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from overlap_corpus import overlap_corpus

import din_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    found = din_graph.overlaps(overlap_corpus(args.size, seed=args.seed).portfolio, progress=False)
    json.dump(found.to_dict(), sys.stdout, indent=0, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
