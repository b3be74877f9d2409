"""Benchmark: cross-programme overlap detection on synthetic portfolios with planted overlaps.

Usage::

    .venv/bin/python benchmarks/bench_overlap.py [--sizes 1000,10000,20000,100000] [--baseline-max 20000]
    .venv/bin/python benchmarks/bench_overlap.py --sizes 1000 --seeds 1,2,3,4,5,7   # recall over seeds
    .venv/bin/python benchmarks/bench_overlap.py --sizes 20000,100000 --baseline-max 0 --threshold 0.6
    .venv/bin/python benchmarks/bench_overlap.py --sizes 20000 --repeat 5   # medians and spread

For each size a portfolio is generated with ``overlap_corpus.overlap_corpus``
(efforts rewritten into another programme: compounds split, inflected,
reordered, with typos, synonyms, other buurten; hard negatives that share place,
audience, owner, partner and title template).  Each measurement runs in a fresh
subprocess pinned to one core, so that its peak memory (``ru_maxrss``) is its own
and the time is that of one core:

* **din_graph**: ``din_graph.overlaps(portfolio)`` with default settings: blocking
  (sparse top-k over rare features) above 3000 nodes;
* **exhaustive**: the same scorer on every cross-programme pair
  (``exhaustive_limit`` above the size), on sizes up to ``--baseline-max``.

Reported per run: wall time of ``overlaps`` (generation not included, nor the
first import of numpy, scipy, rapidfuzz, tqdm and the stemmer, which both modes
pay once per process and which is reported apart as *imports*), split
into the *analysis* both modes share (texts analysed, matrices built) and the
*pair stage* (candidates, scoring, evidence), peak RSS of the process, pairs
scored (for the exhaustive run: every cross-programme pair whose text
similarity it computed), and for effort–effort pairs at the default
threshold: recall on the planted pairs and precision, counted two ways —
*strict* (every reported pair that is not planted is an error) and *topic*
(pairs that share one of their two topic compounds, e.g. both run an
*energiekas*, are set aside as partly the same thing; all other unplanted pairs,
including those sharing place, audience, owner or partner, are errors).
The speed-up is the exhaustive time divided by din_graph's, in the same run,
whole and for the pair stage alone.  With ``--repeat N`` each size and mode
runs N times, the modes alternating; a row is the run of median time, the
times of all runs are listed, and the speed-up is given from the medians and,
to show the spread, from the slowest din_graph run against the fastest
exhaustive one.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def measure(size: int, mode: str, seed: int, threshold: float | None = None) -> dict[str, float]:
    """One run in this process (called in a subprocess by :func:`main`), on one core."""
    if hasattr(os, "sched_setaffinity"):
        # The target is for one core: numpy and scipy may not spread over more.
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sys.path.insert(0, str(HERE))
    from overlap_corpus import overlap_corpus

    import din_graph
    from din_graph._analysis import _overlap

    corpus = overlap_corpus(size, seed=seed)
    # The libraries overlaps() imports on first use cost both modes the same once per
    # process (a notebook pays it once, whatever the size): timed apart, not in 'seconds'.
    before = time.perf_counter()
    import numpy  # noqa: F401 - imported for its import time only
    import rapidfuzz.distance  # noqa: F401 - as above
    import scipy.sparse  # noqa: F401 - as above
    import tqdm.auto  # noqa: F401 - as above

    from din_graph._analysis._text import _stemmer

    _stemmer()
    imports = time.perf_counter() - before
    limit = 10**12 if mode == "exhaustive" else 3000
    # Both modes share everything before the candidates (the texts analysed, the
    # matrices built); the time from the first candidate on is the pair stage.
    pair_stage: list[float] = []
    candidates = _overlap._candidates  # noqa: SLF001 - timing the pair stage from outside the library

    def timed(*args: Any, **kwargs: Any) -> Any:
        pair_stage.append(time.perf_counter())
        yield from candidates(*args, **kwargs)

    _overlap._candidates = timed  # type: ignore[assignment]  # noqa: SLF001 - as above
    start = time.perf_counter()
    chosen = _overlap.DEFAULT_THRESHOLD if threshold is None else threshold
    found = din_graph.overlaps(corpus.portfolio, threshold=chosen, exhaustive_limit=limit, progress=False)
    elapsed = time.perf_counter() - start
    shared = pair_stage[0] - start if pair_stage else elapsed
    reported = [p for p in found.pairs if p.kind == "effort-effort"]
    keys = [frozenset((p.a, p.b)) for p in reported]
    tp = sum(1 for k in keys if k in corpus.truth)
    partial = sum(
        1 for p, k in zip(reported, keys, strict=True) if k not in corpus.truth and corpus.shares_compound(p.a, p.b)
    )
    return {
        "size": size,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
        "seconds": elapsed,
        "imports": imports,
        "analysis": shared,
        "pairs_seconds": elapsed - shared,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "scored": found.candidates_scored,
        "planted": len(corpus.truth),
        "reported": len(reported),
        "found": tp,
        "recall": tp / len(corpus.truth),
        "precision_strict": tp / max(1, len(reported)),
        "precision_topic": tp / max(1, len(reported) - partial),
    }


def _run(size: int, mode: str, seed: int, threshold: float | None = None) -> dict[str, float]:
    print(f"running {mode} at {size} efforts, seed {seed} ...", file=sys.stderr, flush=True)
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(size), mode, "--seed", str(seed)]
        + ([] if threshold is None else ["--threshold", str(threshold)]),
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def over_seeds(sizes: list[int], seeds: list[int], threshold: float | None = None) -> None:
    """Recall and strict precision per seed and pooled over the seeds (planted pairs found / planted)."""
    print("{:>8} {:>6} {:>8} {:>8} {:>7} {:>9}".format("efforts", "seed", "planted", "reported", "recall", "P strict"))
    for size in sizes:
        runs = [_run(size, "din_graph", seed, threshold) for seed in seeds]
        for seed, r in zip(seeds, runs, strict=True):
            print(
                f"{size:>8} {seed:>6} {r['planted']:>8} {r['reported']:>8} "
                f"{r['recall']:>7.3f} {r['precision_strict']:>9.3f}"
            )
        found, planted, reported = (sum(r[k] for r in runs) for k in ("found", "planted", "reported"))
        print(f"{size:>8} {'all':>6} {planted:>8} {reported:>8} {found / planted:>7.3f} {found / reported:>9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,20000,100000")
    parser.add_argument("--baseline-max", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--seeds", help="recall and precision of din_graph over these seeds (e.g. 1,2,3,4,5,7), pooled; no baseline"
    )
    parser.add_argument(
        "--threshold", type=float, help="report pairs scoring at least this (default: DEFAULT_THRESHOLD)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per size and mode, alternating (default 1)")
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(int(args.one[0]), args.one[1], args.seed, args.threshold)))
        return
    if args.seeds:
        over_seeds([int(s) for s in args.sizes.split(",")], [int(s) for s in args.seeds.split(",")], args.threshold)
        return
    rows = []
    runs: dict[tuple[str, int], list[dict[str, float]]] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        modes = [m for m in ("din_graph", "exhaustive") if m == "din_graph" or size <= args.baseline_max]
        for _ in range(args.repeat):
            for mode in modes:
                runs.setdefault((mode, size), []).append(_run(size, mode, args.seed, args.threshold))
        for mode in modes:
            done = sorted(runs[mode, size], key=lambda r: r["seconds"])
            rows.append((mode, done[(len(done) - 1) // 2]))
    head = (
        "mode",
        "efforts",
        "seconds",
        "analysis",
        "pairs",
        "imports",
        "peak MB",
        "scored",
        "recall",
        "P strict",
        "P topic",
    )
    print("{:<11} {:>8} {:>8} {:>8} {:>6} {:>7} {:>8} {:>11} {:>7} {:>9} {:>8}".format(*head))
    for mode, r in rows:
        print(
            f"{mode:<11} {r['size']:>8} {r['seconds']:>8.1f} {r['analysis']:>8.1f} {r['pairs_seconds']:>6.1f} "
            f"{r['imports']:>7.1f} "
            f"{r['peak_mb']:>8.0f} {r['scored']:>11} "
            f"{r['recall']:>7.3f} {r['precision_strict']:>9.3f} {r['precision_topic']:>8.3f}"
        )
    print(f"cores per run: {sorted({r['cores'] for _, r in rows})}")
    fast = {r["size"]: r for mode, r in rows if mode == "din_graph"}
    if args.repeat > 1:
        print(f"runs per size and mode: {args.repeat}; each row is the run of median time")
    for mode, r in rows:
        if mode == "exhaustive":
            ours = fast[r["size"]]
            spread = ""
            if args.repeat > 1:
                slowest = max(x["seconds"] for x in runs["din_graph", r["size"]])
                fastest = min(x["seconds"] for x in runs["exhaustive", r["size"]])
                spread = f"; slowest din_graph run against fastest exhaustive run: {fastest / slowest:.1f}x"
                for each in ("din_graph", "exhaustive"):
                    times = " ".join(f"{x['seconds']:.2f}" for x in runs[each, r["size"]])
                    print(f"{each} runs at {r['size']} efforts, in order (s): {times}")
            print(
                f"speed-up at {r['size']} efforts: exhaustive / din_graph = {r['seconds'] / ours['seconds']:.1f}x "
                f"(pair stage alone: {r['pairs_seconds'] / max(ours['pairs_seconds'], 1e-9):.1f}x{spread})"
            )


if __name__ == "__main__":
    main()
