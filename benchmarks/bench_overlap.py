"""Benchmark: cross-programme overlap on synthetic portfolios, on tune and held-out settings.

Usage::

    .venv/bin/python benchmarks/bench_overlap.py   # make bench-overlap: tune, tune-paraphrase, held-out; 2k/10k/100k
    .venv/bin/python benchmarks/bench_overlap.py --settings held-out --sizes 2000 --explain
    .venv/bin/python benchmarks/bench_overlap.py --sizes 2000,100000 --baseline-max 2000 --repeat 3
    .venv/bin/python benchmarks/bench_overlap.py --settings held-out --sizes 2000 --held-out-seeds 101,202,303
    .venv/bin/python benchmarks/bench_overlap.py --finder-args '{"candidates_per_node": 10}'  # overlaps() keywords
    .venv/bin/python benchmarks/bench_overlap.py --settings tune-paraphrase --sizes 2000 --paraphrase-seeds 11,12,13

**Two setting sets.**  *tune* is ``overlap_corpus.overlap_corpus`` (seed 7 by
default): the generator the finder was built and tuned on; *tune-elsewhere* is
the same generator with ``elsewhere_share=0.5`` (half the planted pairs get a
same-subject effort in another wijk, see its docstring), for "same place beats
elsewhere" (tune data too: its figures may be tuned on).  *tune-paraphrase* is
``overlap_paraphrase.paraphrase_corpus`` (seed 11 by default; 11 to tune, 12 and
13 to check): a second tune generator written apart from the first, closer to
real contracts (another author's rewrite in another programme, effort–goal
pairs, same subject elsewhere, same words on another subject, 5–15 programmes;
see its docstring).  *held-out* is
``overlap_heldout.held_out_corpus`` (seed 101 by default; 101, 202, 303 are its
seeds): other templates, subjects, places, paraphrase patterns and distractors,
never used for tuning.  The held-out figures are the ones that count; see the
docstrings of both modules for what they plant.

**Quality**, from the finder's ranked list (``overlaps(portfolio).pairs``, best first):

* *recall*: planted pairs anywhere in the list, over planted pairs;
* *precision*: of the listed pairs whose two nodes carry a label (tune:
  efforts; held-out: efforts and operational goals), the share that is planted
  *or legitimately the same subject by construction* (held-out: the same
  subject, whatever the place or setting; tune: the same two topic compounds,
  which only planted pairs share; tune-paraphrase: the same subject label,
  whatever the instrument or place).  Pairs touching an unlabelled node (a tune
  goal, a held-out or tune-paraphrase strategic goal) are not judged; *judged*
  says how many were;
* *P@R*: the same precision over the first R judged pairs of the list, R the
  number of planted pairs (what an advisor reading the top of the list sees);
* *recall@1*: for each planted pair, whether the rewrite is its base effort's
  best match: the partner of the base effort's highest-scoring listed pair.
  A partner with the same subject, setting and place as the rewrite counts as
  the rewrite (held-out; tune-paraphrase: the same subject label, instrument and
  place; the two are interchangeable by construction).
  Where several partners tie at the top score, the pair counts for the share
  of them that are right (what a random tie-break would give); a base effort
  not in the list counts 0;
* *at max*: the share of listed pairs whose score equals the list's highest
  score (scores that do not rank pile up there);
* *rewrite > elsewhere* (tune-elsewhere and tune-paraphrase, printed below the table): of the base
  efforts with a same-subject effort in another wijk, the share whose rewrite
  scores above that effort (an unlisted rewrite loses, an unlisted other effort
  loses to a listed rewrite).

**Speed.**  Each run is a fresh Python process pinned to one core (``taskset
-c 0``, or ``sched_setaffinity``).  It unpickles the generated portfolio (timed
and *not* counted: a real run loads its files instead), calls the finder, and
writes the pairs to a file (not counted either).  *wall* is the process's wall
time, start-up and imports included, less those two; *call* the ``overlaps``
call alone; *peak MB* the process's maximum RSS (``VmHWM``).  The targets of
issue #17 are checked on *wall*: under 5 s at 2,000 efforts, under 30 s at
100,000, under 4 GB.  The *exhaustive* baseline scores every cross-programme
pair in the same run: character 3–5-gram TF-IDF (scikit-learn) of each
node's title and description, cosine similarity computed for all pairs in
blocks, each node's best partner of another programme listed if its score is
at least 0.3 — a naive but complete peer; it runs at sizes up to
``--baseline-max`` (its time grows with the square of the size).  The speed-up
is the baseline's wall time over the finder's, from the medians of ``--repeat``
runs, alternating modes.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DEFAULT_SEEDS = {"tune": (7,), "tune-elsewhere": (7,), "tune-paraphrase": (11,), "held-out": (101,)}
ELSEWHERE_SHARE = 0.5
BASELINE_MIN_SCORE = 0.3
TARGETS = {2000: 5.0, 100000: 30.0}
MAX_RSS_MB = 4096


class Found(NamedTuple):
    """One listed pair: two node keys, the score and the band if the finder gives one, in the finder's order."""

    a: str
    b: str
    score: float
    band: str = ""


def find(portfolio: Any, finder_args: dict[str, Any]) -> list[Found]:
    """The one place that calls the finder: its ranked list of pairs, best first."""
    import din_graph

    result = din_graph.overlaps(portfolio, **finder_args)
    return [Found(p.a, p.b, float(p.score), str(getattr(p, "band", ""))) for p in result.pairs]


def exhaustive(portfolio: Any) -> list[Found]:
    """The baseline: every cross-programme pair scored (char n-gram TF-IDF cosine), best partner per node."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    keys, texts, programme = [], [], []
    for p_index, p in enumerate(portfolio.programmes):
        nodes = [*p.strategic_goals, *p.operational_goals, *p.efforts]
        for node in nodes:
            keys.append(f"{p.id}/{node.id}")
            texts.append(f"{node.title} {node.description or ''}")
            programme.append(p_index)
    matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts)
    transposed = matrix.T.tocsr()
    owner = np.asarray(programme)
    best = np.full(len(keys), -1)
    best_score = np.zeros(len(keys))
    block = 512
    for start in range(0, len(keys), block):
        stop = min(start + block, len(keys))
        scores = (matrix[start:stop] @ transposed).toarray()
        scores[owner[start:stop, None] == owner[None, :]] = -1.0
        best[start:stop] = scores.argmax(axis=1)
        best_score[start:stop] = scores[np.arange(stop - start), best[start:stop]]
    pairs: dict[frozenset[str], float] = {}
    for i, j in enumerate(best):
        if best_score[i] >= BASELINE_MIN_SCORE:
            pairs[frozenset((keys[i], keys[j]))] = float(best_score[i])
    ordered = sorted(pairs.items(), key=lambda kv: -kv[1])
    return [Found(*sorted(pair), score) for pair, score in ordered]


# --------------------------------------------------------------------------- corpora and judging


@dataclass
class Judge:
    """What the generator planted, to grade a list of pairs with."""

    planted: tuple[tuple[str, str], ...]
    subject: dict[str, Any]
    spot: dict[str, Any] = field(default_factory=dict)
    ops: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    labels: dict[str, tuple[Any, Any, Any]] = field(default_factory=dict)
    elsewhere: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    """What each node was planted as (tune-paraphrase: base, rewrite, goal, elsewhere, same-words, other)."""

    def relation(self, base: str, other: str | None) -> str:
        """How a node that beat a rewrite relates to the base effort (held-out labels)."""
        if other is None:
            return "base effort not listed"
        if other not in self.labels:
            return "unlabelled node"
        (topic, setting, place), (o_topic, o_setting, o_place) = self.labels[base], self.labels[other]
        if topic != o_topic:
            return "other subject, same place" if place is not None and place == o_place else "other subject"
        if setting != o_setting:
            return "same subject, other setting"
        return "same subject, municipality-wide" if o_place is None else "same subject, other place"


def corpus(setting: str, size: int, seed: int) -> tuple[Any, Judge]:
    """The portfolio of a setting set and its judge."""
    if setting in ("tune", "tune-elsewhere"):
        from overlap_corpus import overlap_corpus

        tune = overlap_corpus(size, seed=seed, elsewhere_share=ELSEWHERE_SHARE if setting == "tune-elsewhere" else 0.0)
        subject = {key: frozenset(topic) for key, topic in tune.topics.items()}
        return tune.portfolio, Judge(tune.planted, subject, elsewhere=dict(tune.elsewhere))
    if setting == "tune-paraphrase":
        from overlap_paraphrase import paraphrase_corpus

        para = paraphrase_corpus(size, seed=seed)
        return para.portfolio, Judge(
            para.planted, dict(para.subject), dict(para.spot), elsewhere=dict(para.elsewhere), kinds=dict(para.kinds)
        )
    from overlap_heldout import held_out_corpus

    held = held_out_corpus(size, seed=seed)
    return held.portfolio, Judge(
        held.planted, dict(held.subject), dict(held.spot), dict(held.ops), dict(held.roles), dict(held.labels)
    )


def quality(found: list[Found], judge: Judge) -> dict[str, float]:
    """Recall, precision, P@R, recall@1 and the share at the maximum score (see the module docstring)."""
    truth = {frozenset(p) for p in judge.planted}
    listed = {frozenset((f.a, f.b)) for f in found}
    judged = [f for f in found if f.a in judge.subject and f.b in judge.subject]
    right = [frozenset((f.a, f.b)) in truth or judge.subject[f.a] == judge.subject[f.b] for f in judged]
    top = right[: len(truth)]
    top_score = max((f.score for f in found), default=0.0)
    likely = [f for f in found if f.band == "likely"]
    likely_judged = [f for f in likely if f.a in judge.subject and f.b in judge.subject]
    banded = any(f.band for f in found)
    return {
        "likely": len(likely) if banded else -1,
        "recall_likely": len(truth & {frozenset((f.a, f.b)) for f in likely}) / max(1, len(truth)),
        "precision_likely": sum(
            frozenset((f.a, f.b)) in truth or judge.subject[f.a] == judge.subject[f.b] for f in likely_judged
        )
        / max(1, len(likely_judged)),
        "listed": len(found),
        "judged": len(judged),
        "recall": len(truth & listed) / max(1, len(truth)),
        "precision": sum(right) / max(1, len(right)),
        "p_at_r": sum(top) / max(1, len(top)),
        "recall_at_1": sum(best_match_hits(found, judge).values()) / max(1, len(judge.planted)),
        "at_max": sum(1 for f in found if f.score >= top_score - 1e-12) / max(1, len(found)),
        "elsewhere": len(judge.elsewhere),
        "beats_elsewhere": beats_elsewhere(found, judge),
    }


def beats_elsewhere(found: list[Found], judge: Judge) -> float:
    """Of the base efforts with a same-subject effort in another wijk, the share whose rewrite scores above it."""
    score = {frozenset((f.a, f.b)): f.score for f in found}
    wins = 0
    for base, rewrite in judge.planted:
        other = judge.elsewhere.get(base)
        if other is not None:
            wins += score.get(frozenset((base, rewrite)), -1.0) > score.get(frozenset((base, other)), -1.0)
    return wins / max(1, len(judge.elsewhere))


def best_match_hits(found: list[Found], judge: Judge) -> dict[tuple[str, str], float]:
    """Per planted pair, the share of its base effort's top-scoring partners that are the rewrite (or like it)."""
    partners: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for f in found:
        partners[f.a].append((f.score, f.b))
        partners[f.b].append((f.score, f.a))
    hits = {}
    for base, rewrite in judge.planted:
        mine = partners.get(base, [])
        if not mine:
            hits[base, rewrite] = 0.0
            continue
        top = max(score for score, _ in mine)
        tied = [other for score, other in mine if score >= top - 1e-12]
        like = judge.spot.get(rewrite)
        good = sum(1 for other in tied if other == rewrite or (like is not None and judge.spot.get(other) == like))
        hits[base, rewrite] = good / len(tied)
    return hits


# --------------------------------------------------------------------------- one run in a fresh process


def child(mode: str, portfolio_file: str, out_file: str, finder_args: str) -> None:
    """One timed run (in its own process): load the pickled portfolio, find the pairs, write them."""
    began = time.perf_counter()
    with open(portfolio_file, "rb") as handle:
        portfolio = pickle.load(handle)
    loaded = time.perf_counter()
    found = find(portfolio, json.loads(finder_args)) if mode == "finder" else exhaustive(portfolio)
    called = time.perf_counter()
    with open(out_file, "w") as handle:
        json.dump({"load": loaded - began, "call": called - loaded, "peak_mb": peak_mb(), "pairs": found}, handle)
    written = time.perf_counter()
    with open(out_file + ".write", "w") as handle:
        handle.write(str(written - called))


def peak_mb() -> float:
    """This process's peak resident memory.

    ``VmHWM``, not the ``ru_maxrss`` a parent gets from ``wait4``: a child
    forked (or vforked) from the benchmark starts with the parent's RSS as its
    maximum, and the parent holds the generated portfolio.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Run(NamedTuple):
    wall: float
    call: float
    peak_mb: float
    found: list[Found]


def run_once(mode: str, portfolio_file: Path, finder_args: str, core: int) -> Run:
    out = portfolio_file.with_suffix(f".{mode}.json")
    command = [sys.executable, __file__, "--child", mode, str(portfolio_file), str(out), finder_args]
    if shutil.which("taskset"):
        command = ["taskset", "-c", str(core), *command]
    began = time.perf_counter()
    done = subprocess.run(command, check=False)
    wall = time.perf_counter() - began
    if done.returncode:
        raise SystemExit(f"the {mode} run failed (exit {done.returncode})")
    data = json.loads(out.read_text())
    write = float(Path(str(out) + ".write").read_text())
    found = [Found(*row) for row in data["pairs"]]
    return Run(wall - data["load"] - write, data["call"], data["peak_mb"], found)


# --------------------------------------------------------------------------- the table


@dataclass
class Row:
    setting: str
    seed: int
    size: int
    efforts: int
    nodes: int
    mode: str
    runs: list[Run]
    quality: dict[str, float]

    @property
    def median(self) -> Run:
        ordered = sorted(self.runs, key=lambda r: r.wall)
        return ordered[(len(ordered) - 1) // 2]


def measure(setting: str, size: int, seed: int, args: argparse.Namespace, tmp: Path) -> list[Row]:
    print(f"generating {setting} at {size} efforts, seed {seed} ...", file=sys.stderr, flush=True)
    portfolio, judge = corpus(setting, size, seed)
    efforts = sum(len(p.efforts) for p in portfolio.programmes)
    nodes = efforts + sum(len(p.operational_goals) + len(p.strategic_goals) for p in portfolio.programmes)
    file = tmp / f"{setting}-{size}-{seed}.pickle"
    file.write_bytes(pickle.dumps(portfolio, protocol=pickle.HIGHEST_PROTOCOL))
    modes = ["finder"] + (["exhaustive"] if size <= args.baseline_max else [])
    runs: dict[str, list[Run]] = {m: [] for m in modes}
    for _ in range(args.repeat):
        for mode in modes:
            print(f"  {mode} run {len(runs[mode]) + 1} of {args.repeat} ...", file=sys.stderr, flush=True)
            runs[mode].append(run_once(mode, file, args.finder_args, args.core))
    rows = [Row(setting, seed, size, efforts, nodes, m, runs[m], quality(runs[m][0].found, judge)) for m in modes]
    if args.explain and setting == "held-out":
        explain(runs["finder"][0].found, judge, portfolio)
    if args.explain and setting == "tune-paraphrase":
        explain_paraphrase(runs["finder"][0].found, judge, portfolio, args.explain_examples)
    file.unlink()
    return rows


def print_table(rows: list[Row], repeat: int) -> None:
    head = (
        "set",
        "seed",
        "efforts",
        "nodes",
        "mode",
        "wall s",
        "call s",
        "peak MB",
        "listed",
        "judged",
        "recall",
        "precision",
        "P@R",
        "recall@1",
        "at max",
        "likely",
        "R likely",
        "P likely",
    )
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if k < 5 else "---:" for k in range(len(head))) + "|")
    for r in rows:
        m, q = r.median, r.quality
        cells = (
            r.setting,
            r.seed,
            f"{r.efforts:,}",
            f"{r.nodes:,}",
            r.mode,
            f"{m.wall:.2f}",
            f"{m.call:.2f}",
            f"{m.peak_mb:,.0f}",
            f"{q['listed']:,}",
            f"{q['judged']:,}",
            f"{q['recall']:.3f}",
            f"{q['precision']:.3f}",
            f"{q['p_at_r']:.3f}",
            f"{q['recall_at_1']:.3f}",
            f"{q['at_max']:.3f}",
            *likely_cells(q),
        )
        print("| " + " | ".join(str(c) for c in cells) + " |")
    print()
    if repeat > 1:
        print(f"runs per size and mode: {repeat}, alternating; each row is the run of median wall time")
        for r in rows:
            walls = " ".join(f"{x.wall:.2f}" for x in r.runs)
            print(f"  {r.setting} {r.size} {r.mode}: wall s in order {walls} (spread {spread(r.runs):.0%})")
    for r in rows:
        if r.quality["elsewhere"]:
            print(
                f"{r.setting} {r.size} {r.mode}: rewrite > elsewhere {r.quality['beats_elsewhere']:.3f} "
                f"({int(r.quality['elsewhere'])} base efforts with a same-subject effort in another wijk)"
            )
    by_key = {(r.setting, r.seed, r.size, r.mode): r for r in rows}
    for r in rows:
        base = by_key.get((r.setting, r.seed, r.size, "exhaustive"))
        if r.mode == "finder" and base is not None:
            slow = max(x.wall for x in r.runs)
            fast = min(x.wall for x in base.runs)
            print(
                f"speed-up {r.setting} {r.size}: exhaustive / finder wall = {base.median.wall / r.median.wall:.1f}x "
                f"(call alone {base.median.call / max(r.median.call, 1e-9):.1f}x; "
                f"slowest finder run against fastest exhaustive run {fast / slow:.1f}x)"
            )
    for r in rows:
        if r.mode == "finder":
            slow = max(x.wall for x in r.runs)
            peak = max(x.peak_mb for x in r.runs)
            target = TARGETS.get(r.size)
            verdict = "" if target is None else f"target {target:.0f} s: {'met' if slow < target else 'MISSED'}; "
            print(
                f"{r.setting} {r.size}: slowest wall {slow:.2f} s, {verdict}"
                f"peak {peak:,.0f} MB ({'under' if peak < MAX_RSS_MB else 'OVER'} 4 GB)"
            )


def likely_cells(q: dict[str, float]) -> tuple[str, str, str]:
    """The band columns: pairs the finder calls likely, and recall and precision there ('–' without bands)."""
    if q["likely"] < 0:
        return ("–", "–", "–")
    return (f"{q['likely']:,}", f"{q['recall_likely']:.3f}", f"{q['precision_likely']:.3f}")


def spread(runs: list[Run]) -> float:
    walls = [x.wall for x in runs]
    return (max(walls) - min(walls)) / statistics.median(walls)


# --------------------------------------------------------------------------- where the finder misses


def node_texts(portfolio: Any) -> dict[str, str]:
    """Every node's title and description, by node key, for printing misses."""
    texts = {}
    for p in portfolio.programmes:
        for node in [*p.strategic_goals, *p.operational_goals, *p.efforts]:
            texts[f"{p.id}/{node.id}"] = f"{node.title} | {getattr(node, 'description', None) or ''}".rstrip(" |")
    return texts


def best_pair_of(found: list[Found]) -> dict[str, Found]:
    """Each node's highest-scoring listed pair."""
    best: dict[str, Found] = {}
    for f in found:
        for me in (f.a, f.b):
            if me not in best or f.score > best[me].score:
                best[me] = f
    return best


def explain(found: list[Found], judge: Judge, portfolio: Any) -> None:
    """Held-out misses by paraphrase pattern, what beat the rewrite, and examples."""
    texts = node_texts(portfolio)
    listed = {frozenset((f.a, f.b)): f.score for f in found}
    hits = best_match_hits(found, judge)
    best = best_pair_of(found)
    by_op: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    winners: Counter[str] = Counter()
    misses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for base, rewrite in judge.planted:
        found_it = frozenset((base, rewrite)) in listed
        for op in judge.ops.get(rewrite, ()) or ("(none)",):
            by_op[op].append((found_it, hits[base, rewrite]))
        if hits[base, rewrite] < 1:
            top = best.get(base)
            other = None if top is None else (top.b if top.a == base else top.a)
            why = "rewrite tied" if other == rewrite else judge.relation(base, other)
            winners[why] += 1
            misses[why].append((base, rewrite))
    print("\nheld-out, by paraphrase pattern of the rewrite (a rewrite has several):")
    print(f"  {'pattern':<16} {'pairs':>6} {'recall':>7} {'recall@1':>9}")
    for op, results in sorted(by_op.items()):
        n = len(results)
        print(f"  {op:<16} {n:>6} {sum(r for r, _ in results) / n:>7.3f} {sum(h for _, h in results) / n:>9.3f}")
    print("what the base effort's best match was, where it was not the rewrite:")
    for what, count in winners.most_common():
        print(f"  {what:<34} {count:>5}")
    print("examples of misses, two of each kind (base / rewrite / best match):")
    for base, rewrite in (pair for pairs in misses.values() for pair in pairs[:2]):
        top = best.get(base)
        score = listed.get(frozenset((base, rewrite)))
        print(f"  base    {base}: {texts[base]}")
        print(f"  rewrite {rewrite}: {texts[rewrite]}  [{'not listed' if score is None else f'{score:.3f}'}]")
        if top is not None:
            other = top.b if top.a == base else top.a
            print(f"  best    {other} ({judge.relation(base, other)}): {texts[other]}  [{top.score:.3f}]")
        print()


def explain_paraphrase(found: list[Found], judge: Judge, portfolio: Any, examples: int) -> None:
    """Tune-paraphrase misses: what the base effort's best match was, and examples."""
    texts, kind_of = node_texts(portfolio), {}
    listed = {frozenset((f.a, f.b)): (rank, f.score) for rank, f in enumerate(found, start=1)}
    hits = best_match_hits(found, judge)
    best = best_pair_of(found)
    winners: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for base, rewrite in judge.planted:
        kind = "goal" if rewrite.split("/")[1].startswith("D") else "rewrite"
        if hits[base, rewrite] >= 1:
            continue
        top = best.get(base)
        other = None if top is None else (top.b if top.a == base else top.a)
        if frozenset((base, rewrite)) not in listed:
            why = "not listed"
        elif other is None:
            why = "base not listed"
        elif other == rewrite:
            why = "tied"
        else:
            same = judge.subject.get(other) == judge.subject.get(base)
            why = f"beaten by {judge.kinds.get(other, 'goal')} ({'same' if same else 'other'} subject)"
        winners[f"{kind}: {why}"] += 1
        kind_of[base] = f"{kind}: {why}"
        if shown[f"{kind}: {why}"] < examples:
            shown[f"{kind}: {why}"] += 1
            at = listed.get(frozenset((base, rewrite)))
            print(f"[{kind}: {why}]")
            print(f"  base    {base}: {texts[base]}")
            print(f"  partner {rewrite}: {texts[rewrite]}  [{'not listed' if at is None else f'#{at[0]} {at[1]:.3f}'}]")
            if top is not None and other != rewrite:
                print(f"  best    {other}: {texts[other]}  [{top.score:.3f}]")
    print("\ntune-paraphrase misses (recall@1 below 1), by kind of pair and what the base effort's best match was:")
    for what, count in winners.most_common():
        print(f"  {what:<50} {count:>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--settings",
        default="tune,tune-paraphrase,held-out",
        help="tune, tune-elsewhere, tune-paraphrase, held-out (comma-separated)",
    )
    parser.add_argument("--sizes", default="2000,10000,100000")
    parser.add_argument("--baseline-max", type=int, default=10000, help="largest size the exhaustive baseline runs at")
    parser.add_argument("--tune-seeds", default="7")
    parser.add_argument(
        "--paraphrase-seeds", default="11", help="tune-paraphrase seeds: 11 to tune, 12 and 13 to check"
    )
    parser.add_argument("--held-out-seeds", default="101")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per size and mode, alternating")
    parser.add_argument("--core", type=int, default=0, help="the core every run is pinned to")
    parser.add_argument("--finder-args", default='{"progress": false}', help="keyword arguments of overlaps(), JSON")
    parser.add_argument("--explain", action="store_true", help="held-out or tune-paraphrase misses, with examples")
    parser.add_argument("--explain-examples", type=int, default=2, help="examples per kind of miss (tune-paraphrase)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print("$ " + " ".join(["benchmarks/bench_overlap.py", *sys.argv[1:]]))
    seeds = {
        "tune": args.tune_seeds,
        "tune-elsewhere": args.tune_seeds,
        "tune-paraphrase": args.paraphrase_seeds,
        "held-out": args.held_out_seeds,
    }
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for setting in args.settings.split(","):
            for size in (int(s) for s in args.sizes.split(",")):
                for seed in (int(s) for s in seeds[setting].split(",")):
                    rows.extend(measure(setting, size, seed, args, Path(tmp)))
    print_table(rows, args.repeat)


if __name__ == "__main__":
    main()
