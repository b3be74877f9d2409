"""Score the overlap finder against the reader-judged overlaps of the real portfolios.

Usage::

    make eval-overlap                                    # = the line below, after setting up .venv
    .venv/bin/python benchmarks/eval_overlap.py          # one table: per portfolio, per split, pooled
    .venv/bin/python benchmarks/eval_overlap.py --list   # also the top pairs and the missed overlaps
    .venv/bin/python benchmarks/eval_overlap.py --portfolio almelo --set threshold=0.1

The reader-judged overlaps are in ``benchmarks/overlap_eval/*.yaml`` (one file per
portfolio; how they were made and what the figures mean: ``overlap_eval/README.md``).
For each portfolio whose example folder exists, ``din_graph.overlaps`` runs with its
defaults (``--set NAME=VALUE`` passes a keyword argument instead) and its ranked pairs,
best first, are compared with the set:

- an overlap is *found* at N when some pair of a node of its side ``a`` and a node of its
  side ``b`` is among the first N ranked pairs; recall@N is the share found;
- a ranked pair is *reader-marked* when one of its nodes is on side ``a`` and the other on
  side ``b`` of some overlap; precision@N is the share of reader-marked pairs among the first
  min(N, length of the list) pairs.

A key in the set that names no node of the loaded portfolio stops the run with a message
(so stale keys are caught); a portfolio whose example folder does not exist yet is reported
as not available.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = Path(__file__).resolve().parent / "overlap_eval"
CUTOFFS = (10, 25, 50)
KINDS = ("effort-effort", "goal-goal", "effort-goal")
SPLITS = ("tune", "held-out")
GOAL_KINDS = frozenset({"strategic_goal", "operational_goal"})
LINES = re.compile(r"^\d+(-\d+)?(, \d+(-\d+)?)*$")

Split = Literal["tune", "held-out"]


class EvalSetError(ValueError):
    """A file of the evaluation set is malformed, or names a node the portfolio does not hold."""


@dataclass(frozen=True)
class Side:
    """One side of a reader-judged overlap: the nodes about the subject, and where they are written."""

    nodes: tuple[str, ...]
    document: str
    lines: str


@dataclass(frozen=True)
class ReaderOverlap:
    """The same subject in two programmes, or an effort of one serving a goal of another."""

    id: str
    kind: str
    stated: bool
    reason: str
    a: Side
    b: Side

    def pairs(self) -> set[frozenset[str]]:
        """Every pair of a node of side ``a`` and a node of side ``b``."""
        return {frozenset((x, y)) for x in self.a.nodes for y in self.b.nodes}


@dataclass(frozen=True)
class EvalSet:
    """The reader-judged overlaps of one portfolio (one YAML file)."""

    path: Path
    portfolio: str
    folder: Path
    split: Split
    overlaps: tuple[ReaderOverlap, ...]
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class RankedPair:
    """A pair as the finder ranks it."""

    a: str
    b: str
    score: float
    kind: str


@dataclass(frozen=True)
class Tally:
    """Counts behind recall and precision at each cut-off, for one portfolio or a pool of them."""

    overlaps: int
    unstated: int
    ranked: int
    found: Mapping[int, int]
    found_unstated: Mapping[int, int]
    marked: Mapping[int, int]
    shown: Mapping[int, int]

    def __add__(self, other: Tally) -> Tally:
        def add(x: Mapping[int, int], y: Mapping[int, int]) -> dict[int, int]:
            return {n: x[n] + y[n] for n in x}

        return Tally(
            self.overlaps + other.overlaps,
            self.unstated + other.unstated,
            self.ranked + other.ranked,
            add(self.found, other.found),
            add(self.found_unstated, other.found_unstated),
            add(self.marked, other.marked),
            add(self.shown, other.shown),
        )


# --- reading the set ---------------------------------------------------------------------------


def load_eval_set(path: Path) -> EvalSet:
    """Read one file of the set; an :class:`EvalSetError` names the file and the overlap at fault."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = str(path)
    if not isinstance(data, dict):
        raise EvalSetError(f"{where}: expected a mapping with portfolio, folder, split and overlaps")
    for field in ("portfolio", "folder", "split", "overlaps"):
        if field not in data:
            raise EvalSetError(f"{where}: '{field}' is missing")
    if data["split"] not in SPLITS:
        raise EvalSetError(f"{where}: split is {data['split']!r}, expected one of {', '.join(SPLITS)}")
    if not isinstance(data["overlaps"], list) or not data["overlaps"]:
        raise EvalSetError(f"{where}: 'overlaps' must be a non-empty list")
    overlaps = tuple(_overlap(item, where, i) for i, item in enumerate(data["overlaps"], 1))
    documents = tuple(str(d) for d in data.get("documents") or ())
    return EvalSet(path, str(data["portfolio"]), ROOT / str(data["folder"]), data["split"], overlaps, documents)


def _overlap(item: Any, where: str, number: int) -> ReaderOverlap:
    if not isinstance(item, dict) or "id" not in item:
        raise EvalSetError(f"{where}: overlap number {number} has no id")
    at = f"{where}: overlap {item['id']}"
    missing = [f for f in ("kind", "stated", "reason", "a", "b") if f not in item]
    if missing:
        raise EvalSetError(f"{at}: {', '.join(missing)} missing")
    if item["kind"] not in KINDS:
        raise EvalSetError(f"{at}: kind is {item['kind']!r}, expected one of {', '.join(KINDS)}")
    if not isinstance(item["stated"], bool):
        raise EvalSetError(f"{at}: stated must be true or false")
    if not str(item["reason"]).strip():
        raise EvalSetError(f"{at}: the reason is empty")
    return ReaderOverlap(
        str(item["id"]), item["kind"], item["stated"], str(item["reason"]).strip(), _side(item["a"], at, "a"),
        _side(item["b"], at, "b"),
    )  # fmt: skip


def _side(raw: Any, at: str, name: str) -> Side:
    if not isinstance(raw, dict) or "nodes" not in raw or "source" not in raw:
        raise EvalSetError(f"{at}: side {name} needs 'nodes' and 'source'")
    nodes = raw["nodes"]
    if not isinstance(nodes, list) or not nodes or not all(isinstance(n, str) and "/" in n for n in nodes):
        raise EvalSetError(f"{at}: side {name} must list at least one node key '<programme-id>/<local-id>'")
    source = raw["source"]
    if not isinstance(source, dict) or not source.get("document") or "lines" not in source:
        raise EvalSetError(f"{at}: side {name} needs a source with document and lines")
    lines = str(source["lines"])
    if not LINES.match(lines):
        raise EvalSetError(f"{at}: side {name} has lines {lines!r}; write them as '12-14, 20'")
    return Side(tuple(nodes), str(source["document"]), lines)


def load_eval_sets(directory: Path = SET_DIR) -> list[EvalSet]:
    """Every file of the set, in name order."""
    return [load_eval_set(p) for p in sorted(directory.glob("*.yaml"))]


def shown_path(path: Path) -> str:
    """A path relative to the repository where it lies inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def programme_of(key: str) -> str:
    """The programme id of a node key ``<programme-id>/<local-id>``."""
    return key.partition("/")[0]


def problems(evalset: EvalSet, node_kinds: Mapping[str, str] | None = None) -> list[str]:
    """What is wrong with a set: repeated ids, sides in one programme, sources outside the file's
    ``documents``, and, given the kind of every
    node of the loaded portfolio (``graph.nodes[key]["kind"]``), keys that name no node and kinds
    that do not fit the nodes."""
    found: list[str] = []
    seen: set[str] = set()
    for o in evalset.overlaps:
        at = f"{evalset.path.name}: overlap {o.id}"
        if o.id in seen:
            found.append(f"{at}: the id is used twice")
        seen.add(o.id)
        shared = {programme_of(k) for k in o.a.nodes} & {programme_of(k) for k in o.b.nodes}
        if shared:
            found.append(f"{at}: both sides hold nodes of {', '.join(sorted(shared))}")
        for side in (o.a, o.b):
            if side.document not in evalset.documents:
                found.append(f"{at}: source {side.document} is not among the file's documents")
        if node_kinds is None:
            continue
        unknown = [k for k in (*o.a.nodes, *o.b.nodes) if k not in node_kinds]
        for key in unknown:
            found.append(f"{at}: {key} is no node of {shown_path(evalset.folder)}")
        if not unknown and not _kind_fits(o, node_kinds):
            found.append(f"{at}: kind {o.kind} does not fit the nodes of its sides")
    return found


def _kind_fits(o: ReaderOverlap, node_kinds: Mapping[str, str]) -> bool:
    def sort(side: Side) -> set[str]:
        return {"goal" if node_kinds[k] in GOAL_KINDS else node_kinds[k] for k in side.nodes}

    a, b = sort(o.a), sort(o.b)
    if o.kind == "effort-effort":
        return a == b == {"effort"}
    if o.kind == "goal-goal":
        return a == b == {"goal"}
    return {frozenset(a), frozenset(b)} == {frozenset({"effort"}), frozenset({"goal"})}


# --- the finder ----------------------------------------------------------------------------------


def ranked_pairs(portfolio: Any, options: Mapping[str, Any]) -> list[RankedPair]:
    """The finder's ranked pairs, best first: the one place that knows the finder's API.

    ``overlaps`` returns its pairs best first in ``found.pairs``; where a result also
    carries the full ranked list beyond its report threshold (a ``ranked`` attribute),
    that list is used.
    """
    import din_graph

    found = din_graph.overlaps(portfolio, **options)
    pairs = getattr(found, "ranked", None)
    if pairs is None:
        pairs = found.pairs
    return [RankedPair(p.a, p.b, float(p.score), str(p.kind)) for p in pairs]


# --- scoring -------------------------------------------------------------------------------------


def marked_pairs(overlaps: Iterable[ReaderOverlap]) -> dict[frozenset[str], list[str]]:
    """Each reader-marked pair with the ids of the overlaps it belongs to."""
    marks: dict[frozenset[str], list[str]] = {}
    for o in overlaps:
        for pair in o.pairs():
            marks.setdefault(pair, []).append(o.id)
    return marks


def first_ranks(overlaps: Sequence[ReaderOverlap], ranked: Sequence[RankedPair]) -> dict[str, int | None]:
    """For each overlap, the rank (1 = best) of its first pair in the list, or None."""
    position: dict[frozenset[str], int] = {}
    for rank, p in enumerate(ranked, 1):
        position.setdefault(frozenset((p.a, p.b)), rank)
    ranks: dict[str, int | None] = {}
    for o in overlaps:
        hits = [position[pair] for pair in o.pairs() if pair in position]
        ranks[o.id] = min(hits) if hits else None
    return ranks


def tally(overlaps: Sequence[ReaderOverlap], ranked: Sequence[RankedPair], cutoffs: Sequence[int] = CUTOFFS) -> Tally:
    """Recall and precision counts of one ranked list against one portfolio's overlaps."""
    ranks = first_ranks(overlaps, ranked)
    marks = marked_pairs(overlaps)
    is_marked = [frozenset((p.a, p.b)) in marks for p in ranked]

    def found(n: int, subset: Iterable[ReaderOverlap]) -> int:
        return sum(1 for o in subset if (r := ranks[o.id]) is not None and r <= n)

    unstated = [o for o in overlaps if not o.stated]
    return Tally(
        overlaps=len(overlaps),
        unstated=len(unstated),
        ranked=len(ranked),
        found={n: found(n, overlaps) for n in cutoffs},
        found_unstated={n: found(n, unstated) for n in cutoffs},
        marked={n: sum(is_marked[:n]) for n in cutoffs},
        shown={n: min(n, len(ranked)) for n in cutoffs},
    )


def share(part: int, whole: int) -> float:
    """part / whole, NaN for an empty whole."""
    return part / whole if whole else math.nan


# --- printing ------------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> str:
    value = share(part, whole)
    return f"{part}/{whole} ({value:.2f})" if not math.isnan(value) else f"{part}/{whole}"


def table_row(name: str, split: str, t: Tally, cutoffs: Sequence[int]) -> str:
    """One markdown table row."""
    cells = [name, split, str(t.overlaps), str(t.ranked)]
    cells += [_ratio(t.found[n], t.overlaps) for n in cutoffs]
    cells.append(_ratio(t.found_unstated[cutoffs[-1]], t.unstated))
    cells += [_ratio(t.marked[n], t.shown[n]) for n in cutoffs]
    return "| " + " | ".join(cells) + " |"


def table_header(cutoffs: Sequence[int]) -> str:
    """The markdown table header with its rule."""
    cells = ["portfolio", "split", "overlaps", "ranked pairs"]
    cells += [f"recall@{n}" for n in cutoffs]
    cells.append(f"recall@{cutoffs[-1]} not stated")
    cells += [f"precision@{n}" for n in cutoffs]
    rule = ["---", "---"] + ["---:"] * (len(cells) - 2)
    return "| " + " | ".join(cells) + " |\n| " + " | ".join(rule) + " |"


def listing(evalset: EvalSet, ranked: Sequence[RankedPair], top: int) -> str:
    """The top pairs with their marks, then the overlaps not in the top, with their reasons."""
    marks = marked_pairs(evalset.overlaps)
    out = [f"\n## {evalset.portfolio}: top {min(top, len(ranked))} of {len(ranked)} ranked pairs (* = reader-marked)"]
    for rank, p in enumerate(ranked[:top], 1):
        ids = marks.get(frozenset((p.a, p.b)))
        mark = f"* {', '.join(ids)}" if ids else ""
        out.append(f"{rank:4d}  {p.score:.3f}  {p.kind:13s}  {p.a}  ~  {p.b}  {mark}")
    ranks = first_ranks(evalset.overlaps, ranked)
    missed = [o for o in evalset.overlaps if (r := ranks[o.id]) is None or r > top]
    out.append(f"\n{evalset.portfolio}: {len(missed)} of {len(evalset.overlaps)} overlaps not in the top {top}")
    for o in missed:
        where = f"rank {ranks[o.id]}" if ranks[o.id] is not None else "not ranked"
        stated = ", stated" if o.stated else ""
        out.append(f"- {o.id} ({o.kind}{stated}; {where}): {', '.join(o.a.nodes)}  ~  {', '.join(o.b.nodes)}")
        out.append(f"    {o.reason}")
    return "\n".join(out)


# --- the command ---------------------------------------------------------------------------------


def parse_options(settings: Sequence[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs as keyword arguments; values read as YAML (0.1, 100, null, [a, b])."""
    options: dict[str, Any] = {}
    for item in settings:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            raise SystemExit(f"--set expects NAME=VALUE, got {item!r}")
        options[name] = yaml.safe_load(value)
    return options


def node_kinds_of(portfolio: Any) -> dict[str, str]:
    """The kind of every node of a loaded portfolio, by node key."""
    import din_graph

    graph = din_graph.to_networkx(portfolio)
    return {str(key): str(data.get("kind")) for key, data in graph.nodes(data=True)}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print its table (and, with ``--list``, the pairs)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--portfolio", action="append", help="only this portfolio (repeatable)")
    parser.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="keyword argument for din_graph.overlaps (default: its defaults)")  # fmt: skip
    parser.add_argument("--list", action="store_true", help="show the top pairs and the missed overlaps")
    parser.add_argument("--top", type=int, default=max(CUTOFFS), help="pairs shown by --list (default 50)")
    parser.add_argument("--set-dir", type=Path, default=SET_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    options = parse_options(args.settings)

    import din_graph

    sets = [s for s in load_eval_sets(args.set_dir) if not args.portfolio or s.portfolio in args.portfolio]
    if not sets:
        raise SystemExit(f"no evaluation set for {args.portfolio} in {args.set_dir}")
    loaded: dict[str, Any] = {}
    unavailable: list[EvalSet] = []
    for s in sets:
        if not s.folder.is_dir():
            unavailable.append(s)
            continue
        loaded[s.portfolio] = din_graph.load(s.folder)
        wrong = problems(s, node_kinds_of(loaded[s.portfolio]))
        if wrong:
            raise SystemExit("the evaluation set does not fit the examples:\n  " + "\n  ".join(wrong))

    tallies: dict[str, Tally] = {}
    lists: list[str] = []
    for s in sets:
        if s.portfolio in loaded:
            ranked = ranked_pairs(loaded[s.portfolio], options)
            tallies[s.portfolio] = tally(s.overlaps, ranked)
            if args.list:
                lists.append(listing(s, ranked, args.top))

    shown = ", ".join(f"{k}={v!r}" for k, v in options.items()) or "its defaults"
    print(f"din_graph.overlaps ({shown}) against the reader-judged overlaps of {args.set_dir.name}/")
    print()
    print(table_header(CUTOFFS))
    for s in sets:
        if s.portfolio in tallies:
            print(table_row(s.portfolio, s.split, tallies[s.portfolio], CUTOFFS))
    for name, members in [*((sp, [s for s in sets if s.split == sp]) for sp in SPLITS), ("all", sets)]:
        present = [tallies[s.portfolio] for s in members if s.portfolio in tallies]
        if present:
            pooled = present[0]
            for t in present[1:]:
                pooled = pooled + t
            label = "pooled" if name != "all" else "all"
            print(table_row(f"**{label}**", name if name != "all" else "", pooled, CUTOFFS))
    for s in unavailable:
        print(f"\n{s.portfolio} ({s.split}, {len(s.overlaps)} overlaps): not available, "
              f"{shown_path(s.folder)} does not exist yet")  # fmt: skip
    for text in lists:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
