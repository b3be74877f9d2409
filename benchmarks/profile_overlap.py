"""Where ``din_graph.overlaps`` spends its time: cProfile of one call on a synthetic portfolio.

Usage::

    .venv/bin/python benchmarks/profile_overlap.py 100000            # tune settings, seed 7
    .venv/bin/python benchmarks/profile_overlap.py 20000 --lines 40

Prints the call's wall time (under the profiler, which slows Python code down about
twofold) and the functions with the most cumulative time.  Not a benchmark: use
``bench_overlap.py`` for timings to report; this says which stage to look at.  Only the
tune settings: the held-out ones are for judging, not for working on the finder.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_overlap import corpus

import din_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lines", type=int, default=30, help="functions listed (default 30)")
    args = parser.parse_args()
    portfolio, _ = corpus("tune", args.size, args.seed)
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    found = din_graph.overlaps(portfolio, progress=False)
    profile.disable()
    print(f"overlaps at {args.size} efforts: {time.perf_counter() - start:.1f} s profiled, {len(found.pairs)} pairs")
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.lines)


if __name__ == "__main__":
    main()
