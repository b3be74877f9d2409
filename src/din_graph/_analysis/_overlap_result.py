"""What :func:`~din_graph._analysis._overlap.overlaps` returns: the ranked pairs, their
evidence, and what they add up to (programme pairs, clusters, suggested links), with the
sums over the listed pairs that make the programme pairs and clusters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from din_graph._vocab import overlap_word

if TYPE_CHECKING:
    import numpy as np

    from din_graph._io._review import Review

__all__ = [
    "LIKELY",
    "Band",
    "Evidence",
    "OverlapCluster",
    "OverlapPair",
    "Overlaps",
    "PairKind",
    "ProgrammePair",
    "StaleDecision",
    "SuggestedLink",
    "clusters",
    "programme_pairs",
    "stale_decisions",
]

PairKind = Literal["effort-effort", "goal-goal", "effort-goal"]
Band = Literal["likely", "possible"]

#: Pairs scoring at least this are *waarschijnlijk* (docs/overlap.md).
LIKELY = 0.45


@dataclass(frozen=True, slots=True)
class Evidence:
    """One signal behind an overlap: its name, its value in [0, 1], and what is shared."""

    signal: str
    value: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OverlapPair:
    """Two nodes of different programmes that may overlap; ``a < b``.

    ``rank`` is the place in the list (1 is the best), ``band`` ``"likely"`` or
    ``"possible"``, ``review`` ``"confirmed"`` when a review file confirmed it.
    :attr:`evidence` and :attr:`reason` (one sentence saying why the pair is
    listed) are worked out when first read: a large portfolio lists many pairs,
    and an advisor reads the first.
    """

    a: str
    b: str
    kind: PairKind
    score: float
    rank: int = 0
    band: Band = "possible"
    review: Literal["confirmed"] | None = None
    note: str = ""
    explain: Callable[[], tuple[tuple[Evidence, ...], str]] | None = field(default=None, compare=False, repr=False)
    _explained: list[tuple[tuple[Evidence, ...], str]] = field(default_factory=list, compare=False, repr=False)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The signals behind the pair: the words both texts share as written, then the others."""
        return self._why()[0]

    @property
    def reason(self) -> str:
        """One sentence saying why the pair is listed."""
        return self._why()[1]

    def _why(self) -> tuple[tuple[Evidence, ...], str]:
        if not self._explained:
            self._explained.append(self.explain() if self.explain is not None else ((), ""))
        return self._explained[0]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict as ``din overlap --format json`` prints it."""
        out = {
            "rank": self.rank,
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "score": self.score,
            "band": self.band,
            "reason": self.reason,
            "evidence": [asdict(e) for e in self.evidence],
        }
        if self.review:
            out["review"] = self.review
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class ProgrammePair:
    """How much two programmes overlap.

    ``score`` is the share of the two programmes' nodes (goals and efforts) that
    take part in at least one listed pair between them; ``count`` the number of pairs.
    """

    a: str
    b: str
    score: float
    count: int


@dataclass(frozen=True, slots=True)
class OverlapCluster:
    """Nodes of two or more programmes connected by *waarschijnlijk* overlaps."""

    nodes: tuple[str, ...]
    programmes: tuple[str, ...]
    score: float
    """The highest pair score inside the cluster."""


@dataclass(frozen=True, slots=True)
class SuggestedLink:
    """An effort of one programme whose text likely matches a goal of another: a candidate
    cross-programme ``contributes_to`` link.  Its :attr:`evidence` is the pair's, worked
    out when first read (a large portfolio suggests tens of thousands)."""

    effort: str
    goal: str
    score: float
    pair: OverlapPair = field(compare=False, repr=False)
    """The *waarschijnlijk* pair behind the suggestion."""

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The pair's evidence: the words both texts share as written, then the other signals."""
        return self.pair.evidence


@dataclass(frozen=True, slots=True)
class StaleDecision:
    """A review-file decision on a pair one of whose nodes no longer exists."""

    a: str
    b: str
    missing: tuple[str, ...]
    decision: str
    line: int | None = None


@dataclass(frozen=True)
class Overlaps:
    """The result of :func:`overlaps`: the ranked pairs and what they add up to."""

    pairs: tuple[OverlapPair, ...]
    programme_pairs: tuple[ProgrammePair, ...]
    clusters: tuple[OverlapCluster, ...]
    suggested_links: tuple[SuggestedLink, ...]
    threshold: float
    weights: dict[str, float] = field(default_factory=dict)
    candidates_scored: int = 0
    """Candidate pairs scored (each node's best partners, joined)."""
    likely: float = LIKELY
    dismissed: int = 0
    """Pairs left out because the review file dismissed them."""
    stale: tuple[StaleDecision, ...] = ()
    """Review decisions on pairs whose node no longer exists."""
    more: int = 0
    """Pairs at or above the threshold beyond ``pairs`` (when :func:`overlaps` was given ``top``)."""

    def top(self, n: int) -> tuple[tuple[OverlapPair, ...], int]:
        """The best ``n`` pairs and how many more are listed."""
        return self.pairs[: max(0, n)], self.more + max(0, len(self.pairs) - max(0, n))

    def matrix(self) -> dict[str, dict[str, float]]:
        """Programme × programme overlap scores (symmetric, 1.0 on the diagonal)."""
        programmes = sorted({p for pair in self.programme_pairs for p in (pair.a, pair.b)})
        out = {a: {b: (1.0 if a == b else 0.0) for b in programmes} for a in programmes}
        for pair in self.programme_pairs:
            out[pair.a][pair.b] = out[pair.b][pair.a] = pair.score
        return out

    def _repr_html_(self) -> str:
        from din_graph._strings import html_table

        rows = ((str(p.rank), f"{p.score:.2f}", overlap_word(f"band.{p.band}"), p.a, p.b, p.reason) for p in self.pairs)
        header = ["#", "score", overlap_word("column.band"), "a", "b", overlap_word("column.why")]
        return html_table(header, rows, caption=f"{len(self.pairs)} {overlap_word('pairs')} ≥ {self.threshold:.2f}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``din overlap --format json``."""
        return {
            "pairs": [p.to_dict() for p in self.pairs],
            "programme_pairs": [asdict(p) for p in self.programme_pairs],
            "clusters": [asdict(c) for c in self.clusters],
            "suggested_links": [
                {"effort": s.effort, "goal": s.goal, "score": s.score, "evidence": [asdict(e) for e in s.evidence]}
                for s in self.suggested_links
            ],
            "dismissed": self.dismissed,
            "stale": [asdict(s) for s in self.stale],
            "more": self.more,
        }


def programme_pairs(
    ids: list[str], programme: np.ndarray, left: np.ndarray, right: np.ndarray
) -> tuple[ProgrammePair, ...]:
    """Programme pairs by the share of their nodes (goals and efforts) in a listed pair between them;
    ``programme`` is each node's programme (a place in ``ids``), ``left`` and ``right`` the pairs' nodes."""
    import numpy as np

    size = np.bincount(programme, minlength=len(ids))
    count = len(ids)
    joined = np.minimum(programme[left], programme[right]) * count + np.maximum(programme[left], programme[right])
    # each node once per programme pair it takes part in
    involved = np.unique(np.concatenate([joined * len(programme) + left, joined * len(programme) + right]))
    nodes_in = np.bincount(involved // len(programme), minlength=count * count)
    pairs_in = np.bincount(joined, minlength=count * count)
    out = []
    for code in np.flatnonzero(pairs_in).tolist():
        p, q = divmod(code, count)
        a, b = sorted((ids[p], ids[q]))
        out.append(ProgrammePair(a, b, round(int(nodes_in[code]) / int(size[p] + size[q]), 4), int(pairs_in[code])))
    out.sort(key=lambda pair: (-pair.score, -pair.count, pair.a, pair.b))
    return tuple(out)


def clusters(keys: list[str], left: np.ndarray, right: np.ndarray, scores: np.ndarray) -> tuple[OverlapCluster, ...]:
    """Connected groups of nodes (by their ``keys``, joined by the given pairs) that span two or more programmes."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    n = len(keys)
    graph = sp.coo_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    best: dict[int, float] = {}
    for i, score in zip(left.tolist(), scores.tolist(), strict=True):
        best[label[i]] = max(best.get(label[i], 0.0), score)
    members: dict[int, list[str]] = defaultdict(list)
    for i in np.unique(np.concatenate([left, right])).tolist():
        members[label[i]].append(keys[i])
    out = []
    for group, joined in members.items():
        programmes = tuple(sorted({key.split("/", 1)[0] for key in joined}))
        if len(programmes) >= 2:
            out.append(OverlapCluster(tuple(sorted(joined)), programmes, round(best[group], 6)))
    out.sort(key=lambda c: (-len(c.nodes), -c.score, c.nodes))
    return tuple(out)


def stale_decisions(review: Review, existing: set[str]) -> tuple[StaleDecision, ...]:
    """The review's decisions on pairs one of whose nodes is not among the ``existing`` keys."""
    return tuple(
        StaleDecision(e.a, e.b, tuple(k for k in (e.a, e.b) if k not in existing), e.decision, e.line)
        for e in review.entries.values()
        if e.a not in existing or e.b not in existing
    )
