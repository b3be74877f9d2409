"""Where the overlap finder loses planted pairs: the stage at which each planted partner drops out.

Usage::

    .venv/bin/python benchmarks/overlap_stages.py 2000                   # tune-paraphrase, seed 11
    .venv/bin/python benchmarks/overlap_stages.py 20000 --setting tune
    .venv/bin/python benchmarks/overlap_stages.py 2000 --finder-args '{"candidates_per_node": 10}'
    .venv/bin/python benchmarks/overlap_stages.py 20000 --set RIVAL=0.25   # a constant of _overlap tried

Tune settings only (``tune``, ``tune-paraphrase``): the held-out ones are for judging.
Runs ``overlaps`` once, recording what stage 3 proposed and stage 4 scored and kept,
and puts every planted pair (base effort, partner) in the first stage that lost it:

* *not proposed*: the candidate search (each node's ``WIDER × k`` best by the searched
  features) never put the two together; split by whether the two share any searched
  feature at all, and by whether the pair, had it been scored, would have made either
  node's ``k`` best by score (the search alone lost it);
* *not kept*: proposed and scored, but neither node kept it among its ``k`` best by score;
* *below the bar*: kept, scored under the threshold;
* *listed, outranked*: listed, but not the base's best-scoring listed pair;
* *listed, first*: the base's best match (ties count as first).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_overlap import corpus

import din_graph
from din_graph._analysis import _overlap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--setting", choices=("tune", "tune-paraphrase"), default="tune-paraphrase")
    parser.add_argument("--finder-args", default="{}", help="keyword arguments of overlaps(), JSON")
    parser.add_argument("--set", action="append", default=[], help="a constant of _overlap, NAME=VALUE (a trial)")
    args = parser.parse_args()
    for setting in args.set:
        name, value = setting.split("=")
        setattr(_overlap, name, type(getattr(_overlap, name))(json.loads(value)))
    portfolio, judge = corpus(args.setting, args.size, args.seed)
    seen = record_stages()
    finder_args = {"progress": False, **json.loads(args.finder_args)}
    found = din_graph.overlaps(portfolio, **finder_args)
    counts = classify(seen, judge.planted, found, finder_args.get("candidates_per_node", 5))
    total = len(judge.planted)
    print(f"{args.setting} seed {args.seed}, {args.size} efforts: {total} planted pairs, {len(found.pairs)} listed")
    for what, count in counts.items():
        print(f"  {what:<58} {count:>6} ({count / total:.3f})")


def record_stages() -> dict[str, Any]:
    """Wrap the finder's stage functions so that their arguments and what they return (of their
    first call) are kept in the returned dict, by name; the unwrapped functions under ``"original"``."""
    seen: dict[str, Any] = {"original": {}}

    def wrap(name: str) -> None:
        original = seen["original"][name] = getattr(_overlap, name)

        def recorded(*a: Any, **kw: Any) -> Any:
            out = original(*a, **kw)
            seen.setdefault(name, (a, out))
            return out

        setattr(_overlap, name, recorded)

    for name in ("_nodes", "_features", "_searched", "_candidates", "_scores", "_best_per_node"):
        wrap(name)
    return seen


def classify(seen: dict[str, Any], planted: Any, found: Any, k: int) -> dict[str, int]:
    """Counts of planted pairs by the first stage that lost them (see the module docs)."""
    nodes = seen["_nodes"][1]
    n = len(nodes)
    number = {node.key: i for i, node in enumerate(nodes)}
    left, right = seen["_candidates"][1]
    proposed = set((left * n + right).tolist())
    (s_left, s_right, scores, *_), kept = seen["_best_per_node"]
    kept_codes = set((s_left[kept] * n + s_right[kept]).tolist())
    listed: dict[int, float] = {}
    best: dict[int, float] = {}
    for p in found.pairs:
        a, b = number[p.a], number[p.b]
        listed[min(a, b) * n + max(a, b)] = p.score
        best[a] = max(best.get(a, 0.0), p.score)
        best[b] = max(best.get(b, 0.0), p.score)
    counts: Counter[str] = Counter()
    missing = []
    for base_key, partner_key in planted:
        a, b = number[base_key], number[partner_key]
        code = min(a, b) * n + max(a, b)
        if code not in proposed:
            missing.append((a, b))
        elif code not in kept_codes:
            counts["not kept (scored, not in either node's k best)"] += 1
        elif code not in listed:
            counts["below the bar"] += 1
        elif listed[code] < best[a] - 1e-12:
            counts["listed, outranked"] += 1
        else:
            counts["listed, first"] += 1
    counts.update(_why_not_proposed(seen, missing, s_left, s_right, scores, k))
    order = ["listed, first", "listed, outranked", "below the bar", "not kept (scored, not in either node's k best)"]
    return {key: counts[key] for key in [*order, *sorted(set(counts) - set(order))]}


def _why_not_proposed(
    seen: dict[str, Any], missing: list[tuple[int, int]], left: Any, right: Any, scores: Any, k: int
) -> Counter[str]:
    """The pairs the search never proposed: do they share a searched feature, and would they have
    been kept had they been scored (their score against each node's k-th best)."""
    import numpy as np

    counts: Counter[str] = Counter()
    if not missing:
        return counts
    searched = seen["_searched"][1]
    a = np.asarray([m[0] for m in missing])
    b = np.asarray([m[1] for m in missing])
    dots = np.asarray(searched[a].multiply(searched[b]).sum(axis=1)).ravel()
    nodes_args = seen["_scores"][0]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    # Score the missing pairs beside the scored ones (rivals see them too), then compare each with
    # the k-th best score of its two nodes among the scored pairs.
    all_left, all_right = np.concatenate([left, lo]), np.concatenate([right, hi])
    scored = seen["original"]["_scores"]
    rescored = scored(nodes_args[0], nodes_args[1], all_left, all_right, *nodes_args[4:])[len(left) :]
    kth = _kth_best(left, right, scores, k, len(nodes_args[0]))
    for dot, score, x, y in zip(dots.tolist(), rescored.tolist(), a.tolist(), b.tolist(), strict=True):
        shares = "shares searched features" if dot > 0 else "shares no searched feature"
        would = "would be kept" if score > min(kth[x], kth[y]) else "would not be kept"
        counts[f"not proposed, {shares}, {would}"] += 1
    return counts


def _kth_best(left: Any, right: Any, scores: Any, k: int, n: int) -> Any:
    """Each node's k-th best score among the scored pairs (0 where it has fewer than k)."""
    import numpy as np

    ends = np.concatenate([left, right])
    values = np.concatenate([scores, scores])
    order = np.lexsort((-values, ends))
    first = np.searchsorted(ends[order], ends[order], side="left")
    rank = np.arange(len(order)) - first
    kth = np.zeros(n)
    at = rank == k - 1
    kth[ends[order][at]] = values[order][at]
    return kth


if __name__ == "__main__":
    main()
