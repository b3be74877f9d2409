"""Cross-programme overlap: where programmes duplicate or should reinforce each other.

For every pair of nodes from different programmes (effort–effort, goal–goal,
effort–goal) the evidence is combined into one score in [0, 1]:

* **text** — similarity of what the two texts are about (see ``_text``): the
  mean of a TF-IDF cosine over stemmed content parts and compound keys, and a
  TF-IDF cosine over character 3–4-grams of the content words (robust to typos
  and inflection).  Stop words, generic policy words and place names are left
  out, so sharing *stimuleren* or *Kerkelanden* is no evidence of a shared topic;
* **owner**, **partner** — the same owner (matched by name) or a shared partner;
* **area** — the same area, or one inside the other in the portfolio's hierarchy
  (a buurt in its wijk); places named in the text count as areas;
* **indicator** — goals measured by similar indicators;
* **link** — an explicit link in the files between the two, or from both to the
  same goal;
* **related** — the programme's contract names the other programme.

``score = min(1, text × (1 + Σ weight × signal))``: the text must carry the
finding, the other signals raise it.  A shared owner and area with unrelated text
stays below the threshold.  For two nodes of one kind the text is scaled by topic
coverage: what one title names (each compound, however written) must be in the
other text, or the pair shares only part of its topic.

Candidates are found without comparing all pairs: up to ``exhaustive_limit``
nodes every cross-programme pair is scored; above it, two sparse top-k keys —
the rarer words and compounds, and the rarer things a title names that another
text names too — propose at most ``candidates_per_node`` partners per node each,
which are then scored in full.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache, cached_property, partial
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from din_graph._analysis._index import owner_identity, reference_key
from din_graph._analysis._text import (
    DEFAULT_SYNONYMS,
    Analyzer,
    Corpus,
    TextMatrices,
    corpus_of,
    count_words,
    fold,
    one_deleted,
    words,
)
from din_graph._errors import DinError
from din_graph._gc import gc_paused
from din_graph._graph import node_key
from din_graph._model import Portfolio, Programme
from din_graph._validate import area_names

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

__all__ = [
    "DEFAULT_SYNONYMS",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WEIGHTS",
    "AreaActivity",
    "Evidence",
    "OverlapCluster",
    "OverlapPair",
    "Overlaps",
    "ProgrammePair",
    "SuggestedLink",
    "in_area",
    "overlaps",
]

PairKind = Literal["effort-effort", "goal-goal", "effort-goal"]
_Value = TypeVar("_Value", bound=Hashable)

#: Pairs scoring at least this are reported; chosen with ``benchmarks/bench_overlap.py``:
#: strict precision on planted pairs of at least 0.9 at 1k to 100k efforts, with
#: recall near 0.96 from 10k on; see docs/overlap.md.
DEFAULT_THRESHOLD = 0.64

#: How much an effort title fully covered by a goal's text counts as text similarity.
CONTAINMENT_WEIGHT = 0.8
#: Share of the word view in text similarity; the rest is character n-grams.
WORD_WEIGHT = 0.5
#: Candidate blocking uses words, and things named (compounds, mostly), in at most
#: ``BLOCK_DF * sqrt(n)`` nodes; chosen with ``benchmarks/bench_overlap.py``: a higher
#: bar (8) made the product of the word key eighty times larger at 20k nodes for 0.07
#: points more recall (docs/overlap.md).
BLOCK_DF = 2.0
#: Top-k first looks at about this many times ``candidates_per_node`` best partners a node,
TOP_SURVIVORS = 4
#: ... found from a sample of this many dot products per chunk of rows.
BAR_SAMPLE = 200_000
#: ... unless a chunk's product has at most this many times the entries a bar would
#: keep: then all are looked at, which is cheaper than finding the bars.
SMALL_PRODUCT = 2

#: Weight of compound keys in word similarity when both texts have compounds.
KEY_WEIGHT = 0.5
#: Pairs whose word similarity is below this skip the (costlier) character view.
CHAR_GATE = 0.1
#: Relative room left for float rounding where an upper bound on a pair's text or
#: score decides to skip it: far above float32 error, far below any difference
#: that matters.
BOUND_SLACK = 1e-4
#: Scores are rounded to four decimals: one this far below the threshold may round up to it.
SCORE_SLACK = 1e-4
#: Two nodes of one kind are about the same thing when what one title names is
#: all in the other text; below this share (the better of the two directions,
#: idf-weighted) the text similarity is scaled down in proportion.
COVER_FULL = 0.7

#: Default signal weights (multipliers on the text score; see the module docs).
DEFAULT_WEIGHTS: dict[str, float] = {
    "owner": 0.1,
    "partner": 0.05,
    "group": 0.05,
    "area": 0.1,
    "indicator": 0.2,
    "link": 0.5,
    "related": 0.05,
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """One signal behind an overlap: its name, its value in [0, 1], and what is shared."""

    signal: str
    value: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OverlapPair:
    """Two nodes of different programmes that overlap; ``a < b``."""

    a: str
    b: str
    kind: PairKind
    score: float
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict as ``din overlap --format json`` prints it."""
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "score": self.score,
            "evidence": [asdict(e) for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class ProgrammePair:
    """How much two programmes overlap.

    ``score`` is the share of the two programmes' nodes (goals and efforts) that
    take part in at least one overlap between them; ``count`` the number of pairs.
    """

    a: str
    b: str
    score: float
    count: int


@dataclass(frozen=True, slots=True)
class OverlapCluster:
    """Nodes of two or more programmes connected by overlaps."""

    nodes: tuple[str, ...]
    programmes: tuple[str, ...]
    score: float
    """The highest pair score inside the cluster."""


@dataclass(frozen=True, slots=True)
class SuggestedLink:
    """An effort of one programme whose text matches a goal of another: a candidate
    cross-programme ``contributes_to`` link."""

    effort: str
    goal: str
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Overlaps:
    """The result of :func:`overlaps`: pairs, the programme matrix, clusters and suggested links."""

    pairs: tuple[OverlapPair, ...]
    programme_pairs: tuple[ProgrammePair, ...]
    clusters: tuple[OverlapCluster, ...]
    suggested_links: tuple[SuggestedLink, ...]
    threshold: float
    weights: dict[str, float] = field(default_factory=dict)
    candidates_scored: int = 0
    """Node pairs considered: the candidates (each gets its word similarity, the
    rest of its score where a bound says it can still reach the threshold), or
    every cross-programme pair of the wanted kinds when all pairs are scored."""

    def matrix(self) -> dict[str, dict[str, float]]:
        """Programme × programme overlap scores (symmetric, 1.0 on the diagonal)."""
        programmes = sorted({p for pair in self.programme_pairs for p in (pair.a, pair.b)})
        out = {a: {b: (1.0 if a == b else 0.0) for b in programmes} for a in programmes}
        for pair in self.programme_pairs:
            out[pair.a][pair.b] = out[pair.b][pair.a] = pair.score
        return out

    def _repr_html_(self) -> str:
        from din_graph._render._html import html_table

        def evidence(items: tuple[Evidence, ...]) -> str:
            return "; ".join(
                f"{e.signal} {e.value:.2f}" + (f" ({', '.join(e.shared)})" if e.shared else "") for e in items
            )

        rows = ((f"{p.score:.2f}", p.kind, p.a, p.b, evidence(p.evidence)) for p in self.pairs)
        caption = f"{len(self.pairs)} overlaps at or above {self.threshold:.2f}"
        return html_table(["score", "kind", "a", "b", "evidence"], rows, caption=caption)

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
        }


@dataclass(slots=True)
class _Doc:
    key: str
    programme: str
    kind: str  # "effort" | "goal"
    text: str  # opens with the title and a space
    title: str
    owner: str | None = None
    partners: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    indicators: str = ""
    links: frozenset[str] = frozenset()


def _docs(portfolio: Portfolio, area_lookup: dict[str, str]) -> list[_Doc]:
    docs: list[_Doc] = []
    # Efforts name the same few areas, partners and goals over and over, often
    # the same list of them: each list is read once.
    area = cache(lambda name: area_lookup.get(fold(name), fold(name)))
    areas_of = cache(lambda names: frozenset(map(area, names)))
    partners_of = cache(lambda names: frozenset(fold(name).strip() for name in names))
    for programme in portfolio.programmes:
        pid = programme.id
        # An owner is named by its id; of two with one id the first counts, as in index_of.
        owners = {owner.id: owner_identity(owner) for owner in reversed(programme.owners)}
        targets = cache(lambda refs, pid=pid: frozenset(reference_key(ref, pid)[1] for ref in refs))
        vision = frozenset({node_key(pid, "vision")} if programme.vision is not None else ())
        for strategic in programme.strategic_goals:
            text = " ".join([strategic.title, strategic.description or "", *strategic.criteria])
            docs.append(_Doc(node_key(pid, strategic.id), pid, "goal", text, strategic.title, links=vision))
        for goal in programme.operational_goals:
            text = " ".join([goal.title, goal.description or "", *goal.criteria])
            indicators = " ".join(f"{i.name} {i.unit or ''}" for i in goal.indicators)
            links = targets(goal.contributes_to)
            docs.append(_Doc(node_key(pid, goal.id), pid, "goal", text, goal.title, indicators=indicators, links=links))
        for effort in programme.efforts:
            docs.append(
                _Doc(
                    f"{pid}/{effort.id}",  # node_key, inlined: this runs once per effort
                    pid,
                    "effort",
                    f"{effort.title} {effort.description or ''}",
                    effort.title,
                    owners.get(effort.owner) if effort.owner is not None else None,
                    partners_of(effort.partners),
                    areas_of(effort.areas),
                    "",
                    targets(effort.contributes_to),
                )
            )
    return docs


class _Areas:
    """The portfolio's area hierarchy: names -> ids, and which area lies in which."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.lookup = {fold(k): v for k, v in area_names(portfolio).items()}
        self.parent: dict[str, str] = {}
        for area in portfolio.areas:
            for part in area.parts:
                child = self.lookup.get(fold(part), fold(part))
                if child != area.id:
                    self.parent.setdefault(child, area.id)
        self.names = {area.id: area.name for area in portfolio.areas}
        # Area names as word tuples, for finding them in texts one window at a time.
        self.phrases: dict[tuple[str, ...], str] = {}
        for name, area_id in self.lookup.items():
            phrase = tuple(words(name))
            if phrase and len(" ".join(phrase)) > 3:
                self.phrases.setdefault(phrase, area_id)
        # The lengths of the names each first word opens: most names are one word.
        self.sizes: dict[str, tuple[int, ...]] = {}
        for phrase in sorted(self.phrases, key=len):
            self.sizes[phrase[0]] = (*self.sizes.get(phrase[0], ()), len(phrase))
        self.first_words = frozenset(self.sizes)
        # For mentioned_in: each word of a name numbered (see there).
        self._word_number: dict[str, int] = {}
        for phrase in self.phrases:
            for word in phrase:
                self._word_number.setdefault(word, len(self._word_number))
        self._area_ids = sorted(set(self.phrases.values()))

    @cached_property
    def _codes(self) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """Per name length, the names as sorted numbers (see :meth:`mentioned_in`) and their areas.

        Only lengths whose numbers fit in 64 bits (nearly always); for the others
        mentioned_in asks :meth:`mentioned` text by text.
        """
        import numpy as np

        position = {area_id: k for k, area_id in enumerate(self._area_ids)}
        base = len(self._word_number) + 1
        by_size: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for phrase, area_id in self.phrases.items():
            code = 0
            for word in phrase:
                code = code * base + self._word_number[word] + 1
            by_size[len(phrase)].append((code, position[area_id]))
        return {
            size: (np.asarray([c for c, _ in sorted(found)], dtype=np.int64), np.asarray([a for _, a in sorted(found)]))
            for size, found in by_size.items()
            if base ** (size + 1) < 2**62
        }

    def ancestors(self, area: str) -> list[str]:
        out = []
        seen = {area}
        while area in self.parent and self.parent[area] not in seen:
            area = self.parent[area]
            seen.add(area)
            out.append(area)
        return out

    def descendants(self, area: str) -> set[str]:
        children: dict[str, list[str]] = defaultdict(list)
        for child, parent in self.parent.items():
            children[parent].append(child)
        out, stack = set(), [area]
        while stack:
            node = stack.pop()
            for child in children.get(node, []):
                if child not in out:
                    out.add(child)
                    stack.append(child)
        return out

    def mentioned(self, text: str | Sequence[str]) -> set[str]:
        """Areas whose name occurs in a text (or its :func:`words`) as whole words."""
        tokens = words(text) if isinstance(text, str) else text
        found: set[str] = set()
        # Most words start no area name: look further only where those that do stand
        # (found by set intersection and list.index, both in C).
        for first in self.first_words.intersection(tokens):
            sizes = self.sizes[first]
            start = tokens.index(first)
            while True:
                for size in sizes:
                    area = self.phrases.get(tuple(tokens[start : start + size]))
                    if area is not None:
                        found.add(area)
                try:
                    start = tokens.index(first, start + 1)
                except ValueError:
                    break
        return found

    def mentioned_in(self, corpus: Corpus) -> list[set[str]]:
        """:meth:`mentioned` of each text of a corpus, at once.

        Each word of an area name gets a number; a name of ``k`` words is then a
        number in base (words + 1) and is found wherever ``k`` neighbouring words
        of one text spell that number, with numpy over the whole corpus.
        """
        import numpy as np

        if len(self._codes) < len({len(phrase) for phrase in self.phrases}):
            return [self.mentioned(corpus.text(i)) for i in range(len(corpus))]
        found: list[set[str]] = [set() for _ in range(len(corpus))]
        if not self.phrases:
            return found
        number = np.fromiter(
            map(self._word_number.get, corpus.words, itertools.repeat(-1)), dtype=np.int64, count=len(corpus.words)
        )
        ids = number[corpus.ids]  # area-name word numbers, one text after another
        text_of = np.repeat(np.arange(len(corpus)), corpus.lengths)
        base = len(self._word_number) + 1
        # A name opens with a word of a name: only the windows from those words are read.
        opening = np.flatnonzero(ids >= 0)
        named_text, named_area = [], []
        for size, (codes, areas) in self._codes.items():
            start = opening[: np.searchsorted(opening, len(ids) - size + 1)]
            window = ids[start] + 1  # 0 for a word of no area name
            for k in range(1, size):
                window = window * base + ids[start + k] + 1
            at = np.searchsorted(codes, window)
            hit = at < len(codes)
            hit[hit] = codes[at[hit]] == window[hit]
            hit &= text_of[start] == text_of[start + size - 1]  # within one text
            named_text.append(text_of[start[hit]])
            named_area.append(areas[at[hit]])
        if not named_text:
            return found
        known = len(self._area_ids)
        pairs = np.unique(np.concatenate(named_text) * known + np.concatenate(named_area))
        for text, area in zip((pairs // known).tolist(), (pairs % known).tolist(), strict=True):
            found[text].add(self._area_ids[area])
        return found

    def relation(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, tuple[str, ...]]:
        """1.0 for a shared area or one inside the other; 0.5 for siblings in one wijk."""
        shared = sorted(a & b)
        if shared:
            return 1.0, tuple(self.names.get(s, s) for s in shared)
        for x in sorted(a):
            for y in sorted(b):
                if x in self.ancestors(y) or y in self.ancestors(x):
                    return 1.0, (self.names.get(x, x), self.names.get(y, y))
        for x in sorted(a):
            for y in sorted(b):
                px, py = self.parent.get(x), self.parent.get(y)
                if px is not None and px == py:
                    return 0.5, (self.names.get(px, px),)
        return 0.0, ()


def _counts(rows: Sequence[Collection[str]], vocab: dict[str, int], *, grow: bool = False) -> sp.csr_matrix:
    """Rows x features count matrix (float32, sorted).

    ``grow`` numbers unseen features where first seen; without it they are dropped.
    """
    import numpy as np
    import scipy.sparse as sp

    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    flat = list(itertools.chain.from_iterable(rows))
    if grow:
        for feature in dict.fromkeys(flat):
            vocab.setdefault(feature, len(vocab))
    # map runs in C: this is the hot loop over every feature of every text.
    ids = np.fromiter(map(vocab.get, flat, itertools.repeat(-1)), dtype=np.int64, count=len(flat))
    known = ids >= 0
    if not known.all():
        lengths = np.bincount(np.repeat(np.arange(len(rows)), lengths)[known], minlength=len(rows))
        ids = ids[known]
    # Built as CSR straight from the rows: one sort of each row's entries (and a sum
    # of repeats) instead of a conversion from coordinates.
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    matrix = sp.csr_matrix((np.ones(len(ids), dtype=np.float32), ids, indptr), shape=(len(rows), max(len(vocab), 1)))
    matrix.sum_duplicates()
    return matrix


def _weigh(counts: sp.csr_matrix, idf: np.ndarray, *, binary: bool = False, normalise: bool = True) -> sp.csr_matrix:
    """TF-IDF rows from counts: sublinear tf (or 1 for ``binary``) times idf, L2-normalised unless told not."""
    return _weighed(counts, idf, binary=binary, normalise=normalise, own=False)


def _weighed(counts: sp.csr_matrix, idf: np.ndarray, *, binary: bool, normalise: bool, own: bool) -> sp.csr_matrix:
    """:func:`_weigh`; with ``own``, the result takes the arrays of ``counts`` as its own, their values overwritten.

    Computed as ``(tf * idf).astype(float32)``, then divided by the row norms in
    float64 and rounded to float32, the same operations on the same values, but
    a slice of entries at a time (see :data:`WEIGH_SLICE`) into the one float32
    array kept: the gram matrices have millions of entries, and whole float64
    temporaries of them cost more in page faults than the arithmetic.  A
    product of one's own is weighed in place, which spares another such array.
    """
    import numpy as np
    import scipy.sparse as sp

    indices = counts.indices if own else counts.indices.copy()
    data = counts.data if own and counts.data.dtype == np.float32 else np.empty(counts.nnz, dtype=np.float32)
    for start in range(0, counts.nnz, WEIGH_SLICE):
        stop = start + WEIGH_SLICE
        weights = idf[counts.indices[start:stop]]  # float64, fresh: the product is taken in place
        if not binary:  # a binary tf is 1, and 1 * idf is idf
            tf = np.log(counts.data[start:stop])  # read before ``data`` (maybe the same array) is written
            tf += 1.0
            weights *= tf
        data[start:stop] = weights
    indptr = counts.indptr.copy()
    if not data.all():  # idf 0: a feature the texts weighed against never have
        matrix = sp.csr_matrix((data, indices, indptr), shape=counts.shape)
        matrix.eliminate_zeros()
        data, indices, indptr = matrix.data, matrix.indices, matrix.indptr
    if normalise:
        data = _normalised(data, indptr)
    return sp.csr_matrix((data, indices, indptr), shape=counts.shape)


#: Entries weighed at a time: their float64 temporaries (a few of 512 KiB) are made again and
#: again in memory already mapped, where whole ones would each fault in pages of their own.
WEIGH_SLICE = 1 << 16


def _df(counts: sp.csr_matrix) -> np.ndarray:
    """How many rows have each column (``counts`` has no explicit zeros).

    Counted a slice of entries at a time: ``np.bincount`` first copies the indices
    it is given to 64 bits, for the gram matrices an array of millions in fresh pages.
    A slice is at least as long as a row of ``df``, which each slice's count adds to.
    """
    import numpy as np

    columns = counts.shape[1]
    step = max(WEIGH_SLICE, columns)
    df: np.ndarray = np.zeros(columns, dtype=np.int64)
    for start in range(0, counts.nnz, step):
        df += np.bincount(counts.indices[start : start + step], minlength=columns)
    return df


def _idf(n: int, df: np.ndarray) -> np.ndarray:
    import numpy as np

    idf: np.ndarray = np.log((1 + n) / (1 + df)) + 1
    return idf


def _normalised(data: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """The float32 entries of CSR rows (``data``, ``indptr``) divided in place by their rows' L2 norms (0 rows kept).

    The squares and the quotients are taken in float64, rows of about
    :data:`WEIGH_SLICE` entries at a time (a row's sum is the same however the
    rows are grouped).
    """
    import numpy as np

    lengths = np.diff(indptr)
    # Whole rows to a slice: each slice ends at the first row end from a multiple of WEIGH_SLICE on.
    ends = np.searchsorted(indptr, np.arange(WEIGH_SLICE, indptr[-1], WEIGH_SLICE))
    bounds = np.unique(np.concatenate([[0], ends, [len(lengths)]])).tolist()
    for first, last in itertools.pairwise(bounds):
        start, stop = int(indptr[first]), int(indptr[last])
        wide = data[start:stop].astype(np.float64)
        squares = np.square(wide)
        rows = lengths[first:last]
        sums = np.zeros(len(rows))
        filled = rows > 0
        if len(squares):
            sums[filled] = np.add.reduceat(squares, indptr[first:last][filled] - start)
        norms = np.sqrt(sums)
        norms[norms == 0] = 1.0
        np.divide(wide, np.repeat(norms, rows), out=wide)
        data[start:stop] = wide
    return data


def _rowwise_dot(a: sp.csr_matrix, b: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    import numpy as np

    out = np.empty(len(left), dtype=np.float32)
    step = 100_000
    for start in range(0, len(left), step):
        stop = start + step
        out[start:stop] = np.asarray(a[left[start:stop]].multiply(b[right[start:stop]]).sum(axis=1)).ravel()
    return out


@dataclass(frozen=True)
class _Flags:
    """The cells of a 0/1 matrix, one bit each, for looking entries up by row and column."""

    bits: np.ndarray
    """Cell ``i * width + j`` is bit ``(i * width + j) % 8`` of byte ``(i * width + j) // 8``."""
    width: int
    sorted_rows: np.ndarray
    """Per row: its entries come in column order (as scipy's canonical format has them)."""
    masks: np.ndarray
    """Each bit of a byte alone: ``masks[k]`` is ``1 << k``."""


def _flags(matrix: sp.csr_matrix) -> _Flags:
    """The :class:`_Flags` of a matrix whose entries are all 1, no two in one cell (as in a product)."""
    import numpy as np

    n, width = matrix.shape
    lengths = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    cells = rows * width + matrix.indices
    bits = np.zeros((n * width + 7) // 8, dtype=np.uint8)
    masks = np.left_shift(1, np.arange(8)).astype(np.uint8)
    # The cells differ, so their bits in a byte do: adding them sets them, and np.add.at
    # is cheaper than np.bitwise_or.at.
    np.add.at(bits, cells >> 3, masks[cells & 7])
    # An entry out of order is one not above its predecessor, a row's first excepted.
    disorder = np.zeros(len(cells), dtype=bool)
    disorder[1:] = matrix.indices[1:] <= matrix.indices[:-1]
    disorder[matrix.indptr[:-1][lengths > 0]] = False
    sorted_rows = np.bincount(rows[disorder], minlength=n) == 0
    return _Flags(bits, width, sorted_rows, masks)


def _flagged_dots(a: sp.csr_matrix, b: _Flags, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """:func:`_rowwise_dot` of ``a`` (canonical) and a 0/1 matrix given by its flags, to the last bit.

    A pair looks each entry of its ``a`` row up in the bits of its ``b`` row:
    no rows are gathered and multiplied.  The sums are scipy's: per chunk of
    :func:`_rowwise_dot`, the product keeps the shared entries in column order
    where all ``b`` rows of the chunk are sorted, else in reverse, and its row
    sums are one ``np.add.reduceat`` over them, as here.
    """
    import numpy as np

    out = np.zeros(len(left), dtype=np.float32)
    # 32-bit positions where they fit: half the memory to write and read.
    kind = np.int32 if max(len(b.bits) * 8, a.nnz) < 2**31 else np.int64
    indptr, indices = a.indptr.astype(kind, copy=False), a.indices.astype(kind, copy=False)
    step = 100_000  # _rowwise_dot's chunks: the order of a chunk's sums depends on all its rows
    for start in range(0, len(left), step):
        lo, hi = left[start : start + step], right[start : start + step]
        begins = indptr[lo]
        lengths = indptr[lo + 1] - begins
        ends = np.cumsum(lengths, dtype=kind)
        firsts = ends - lengths
        entries = np.arange(int(ends[-1]) if len(ends) else 0, dtype=kind)
        if b.sorted_rows[hi].all():
            position = np.repeat(begins - firsts, lengths) + entries
        else:
            position = np.repeat(begins + lengths - 1 + firsts, lengths) - entries
        cells = np.repeat(hi.astype(kind) * b.width, lengths) + indices[position]
        values = a.data[position]
        # A zero product is no entry of the product: it is not summed.
        hit = (b.bits[cells >> 3] & b.masks[cells & 7] != 0) & (values != 0)
        found = np.zeros(len(hit) + 1, dtype=kind)
        np.cumsum(hit, out=found[1:])
        counts = found[ends] - found[firsts]
        some = np.flatnonzero(counts)
        if len(some):
            out[start + some] = np.add.reduceat(values[hit], found[firsts[some]])
    return out


@dataclass(frozen=True)
class _SideBySide:
    """Matrices with the same rows side by side (see :func:`_side_by_side`)."""

    stacked: sp.csr_matrix
    which: sp.csr_matrix
    """Columns x matrices: 1 where a column belongs to a matrix."""
    starts: np.ndarray
    """Rows x (matrices + 1): where each matrix's entries start in a row of ``stacked``, and the row's end."""


def _side_by_side(matrices: list[sp.csr_matrix]) -> _SideBySide:
    """Matrices with the same rows side by side, and which column belongs to which matrix.

    Row-wise dot products in all of them then cost one gather and one multiply
    (see :func:`_stacked_dots`), about what one matrix alone costs.
    """
    import numpy as np
    import scipy.sparse as sp

    # Each row of ``stacked`` holds its entries matrix by matrix, as _dense_left_dots reads them.
    if len(matrices) == 1 and matrices[0].format == "csr" and matrices[0].dtype == np.float32:
        stacked = matrices[0]  # one matrix is read as it is, not copied
    else:
        stacked = sp.hstack(matrices, format="csr", dtype=np.float32)
    widths = [m.shape[1] for m in matrices]
    which = sp.csr_matrix(
        (np.ones(sum(widths), dtype=np.float32), (np.arange(sum(widths)), np.repeat(np.arange(len(widths)), widths))),
        shape=(sum(widths), len(widths)),
    )
    starts = np.zeros((stacked.shape[0], len(matrices) + 1), dtype=np.int64)
    starts[:, 1:] = np.cumsum(np.stack([np.diff(m.indptr) for m in matrices], axis=1), axis=1)
    return _SideBySide(stacked, which, starts)


#: Row-wise dots read left rows from a dense block when that block (distinct left rows x
#: columns) is at most this many times the entries of the pairs' right rows.
DENSE_LEFT = 8
#: Cells in one dense block of left rows (float32): small enough to stay in cache.  It also
#: decides which runs end a block, summed with the zero after them: another size may
#: change the last bit of some character similarities.
DENSE_BLOCK = 500_000
#: Left rows (and their pairs' right rows) gathered at once for dense blocks: few calls, bounded memory.
GATHER_ROWS = 4000


def _stacked_dots(
    side_by_side: _SideBySide, left: np.ndarray, right: np.ndarray, *, dense: bool | None = None
) -> np.ndarray:
    """Row-wise dot products of index pairs in matrices side by side: one column per matrix.

    ``dense`` picks :func:`_dense_left_dots` (``True``) or gathering both rows
    (``False``); ``None`` picks the cheaper for the pairs' size.  The two may sum
    in another order, so the last bit of a float may differ.
    """
    import numpy as np

    stacked, which = side_by_side.stacked, side_by_side.which
    order = np.argsort(left, kind="stable")  # candidates come sorted by left: this is a pass
    firsts = np.flatnonzero(np.diff(left[order], prepend=-1))
    entries = len(left) * stacked.nnz / max(stacked.shape[0], 1)
    if dense is None:
        dense = len(firsts) * stacked.shape[1] <= DENSE_LEFT * entries
    if dense:
        return _dense_left_dots(side_by_side, left[order], right[order], firsts)[np.argsort(order)]
    out = np.empty((len(left), which.shape[1]), dtype=np.float32)
    # Summed into dense columns: the same sums, in the same order, as a sparse
    # product (an entry adds 0 to the other columns), without building one.
    columns = which.toarray()
    step = 100_000
    for start in range(0, len(left), step):
        stop = start + step
        product = stacked[left[start:stop]].multiply(stacked[right[start:stop]]).tocsr()
        out[start:stop] = product @ columns
    return out


def _dense_left_dots(side_by_side: _SideBySide, left: np.ndarray, right: np.ndarray, firsts: np.ndarray) -> np.ndarray:
    """:func:`_stacked_dots` for pairs sorted by ``left`` (``firsts``: where each left row starts).

    With many entries a row (character n-grams), gathering both rows of every pair
    and merging them costs more than writing a block of left rows out dense once
    and looking up each right row's entries in it.
    """
    import numpy as np

    stacked, starts = side_by_side.stacked, side_by_side.starts
    width = max(stacked.shape[1], 1)
    out = np.empty((len(left), starts.shape[1]), dtype=np.float32)
    rows_per_block = max(1, DENSE_BLOCK // width)
    rows_per_group = rows_per_block * max(1, GATHER_ROWS // rows_per_block)
    ends = np.append(firsts, len(left))  # each left row's pairs, and the end of the last
    # One buffer for all blocks: each block's entries are written in and zeroed after.
    dense = np.zeros(rows_per_block * width, dtype=np.float32)
    for group in range(0, len(firsts), rows_per_group):
        last = min(group + rows_per_group, len(firsts))
        # The rows of many blocks at once, by scipy: it copies each row's entries as one
        # run, cheaper than entry by entry, and a call or two per block would cost more.
        lefts, rights = stacked[left[firsts[group:last]]], stacked[right[ends[group] : ends[last]]]
        # Where each left row goes in its block, its entries, and its pairs' right entries.
        place = (np.arange(last - group) % rows_per_block) * width
        spots = np.repeat(place, np.diff(lefts.indptr)) + lefts.indices
        at = np.repeat(np.repeat(place, np.diff(ends[group : last + 1])), np.diff(rights.indptr)) + rights.indices
        for block in range(group, last, rows_per_block):
            stop_row = min(block + rows_per_block, last)
            start, stop = ends[block], ends[stop_row]
            written = slice(lefts.indptr[block - group], lefts.indptr[stop_row - group])
            others_at = rights.indptr[start - ends[group] : stop - ends[group] + 1]
            read = slice(others_at[0], others_at[-1])
            dense[spots[written]] = lefts.data[written]
            # A zero at the end: a run may start there when the last ones are empty.
            values = np.zeros(read.stop - read.start + 1, dtype=np.float32)
            dense.take(at[read], out=values[:-1])
            values[:-1] *= rights.data[read]
            dense[spots[written]] = 0.0
            # One run per matrix per pair (and an empty one between pairs): sums per run.
            edges = (others_at[:-1, None] - others_at[0] + starts[right[start:stop]]).ravel()
            sums = np.zeros(len(edges), dtype=np.float32)
            sums[:-1] = np.add.reduceat(values, edges[:-1])
            sums[:-1][edges[1:] == edges[:-1]] = 0.0  # reduceat gives an empty run its first value
            out[start:stop] = sums.reshape(stop - start, -1)
    return out[:, :-1]


def _candidates(
    words: sp.csr_matrix,
    df: np.ndarray,
    programme_ids: np.ndarray,
    allowed: np.ndarray,
    *,
    per_node: int,
    exhaustive_limit: int,
    progress: Any,
    coverage: _Coverage | None = None,
) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
    """Chunks of index pairs (i < j, different programmes, an allowed kind pair) worth scoring.

    Exhaustive mode yields ``(rows, None)``: every pair of those rows with a later node.
    Otherwise candidates come from two keys: rare words, and the rare things a
    title names that another text names too (``coverage``).

    ``allowed[x, y]`` says whether a pair of node kinds (0 goal, 1 effort) is wanted.
    """
    import numpy as np
    import scipy.sparse as sp

    n = words.shape[0]
    kinds = programme_ids[1]
    programmes = programme_ids[0]

    def wanted(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        mask: np.ndarray = programmes[left] != programmes[right]
        if not allowed.all():  # by default every kind of pair is: no need to look
            mask &= allowed[kinds[left], kinds[right]]
        return mask

    if n <= exhaustive_limit:
        # Every pair, a block of rows at a time so memory stays bounded; the
        # caller scores a whole block with sparse-dense products.
        block = max(1, 4_000_000 // max(n, 1))
        for start in range(0, n, block):
            rows = np.arange(start, min(n, start + block))
            progress.update(len(rows))
            yield rows, None
        return
    # Sparse top-k over the rarer features: common words connect everything and
    # would make this quadratic; a pair about the same thing shares rare ones.
    cap = max(50, int(BLOCK_DF * math.sqrt(n)))
    rare = np.flatnonzero((df >= 2) & (df <= cap))
    blocked = words[:, rare].tocsr()
    found = [_top_pairs(blocked, blocked, per_node, wanted, progress)]
    if coverage is not None:
        # A second key: the rare things a title names that another text names too,
        # typos and spellings included.  Top-k over all words can miss a pair whose
        # rare compounds are crowded out by many partners sharing middling words.
        named = coverage.named
        common = np.flatnonzero(np.bincount(named.indices, minlength=named.shape[1]) > cap)
        if len(common):
            keep = np.ones(named.shape[1], dtype=bool)
            keep[common] = False
            named = (named @ sp.diags(keep.astype(np.float32))).tocsr()
            named.eliminate_zeros()
        found.append(_top_pairs(coverage.weights, named, per_node, wanted, progress))
    left = np.concatenate([f[0] for f in found])
    right = np.concatenate([f[1] for f in found])
    if not len(left):
        return
    low, high = np.minimum(left, right), np.maximum(left, right)
    # The pairs in order, each once: a sparse matrix sorts its entries by row with a
    # counting sort and each short row on its own, cheaper than sorting pair codes.
    index = np.int32 if n < 2**31 else np.int64
    found_pairs = sp.csr_matrix(
        (np.ones(len(low), dtype=np.float32), (low.astype(index), high.astype(index))), shape=(n, n)
    )
    found_pairs.sum_duplicates()
    lows = np.repeat(np.arange(n), np.diff(found_pairs.indptr))
    highs = found_pairs.indices.astype(np.int64)
    for start in range(0, len(highs), 1_000_000):
        yield lows[start : start + 1_000_000], highs[start : start + 1_000_000]


def _top_pairs(
    rows: sp.csr_matrix, cols: sp.csr_matrix, per_node: int, wanted: Any, progress: Any
) -> tuple[np.ndarray, np.ndarray]:
    """For each row of ``rows``, the (at most) ``per_node`` best wanted rows of ``cols`` by dot product.

    Among equal dot products the partner that comes first in the product is kept.
    """
    import numpy as np

    n = rows.shape[0]
    transposed = cols.T.tocsr()
    lefts, rights = [], []
    step = 2000
    for start in range(0, n, step):
        stop = min(n, start + step)
        product = (rows[start:stop] @ transposed).tocsr()
        indptr, values = product.indptr, product.data
        lengths = np.diff(indptr)
        # A row has thousands of partners, nearly all far below its best: look only
        # at values above a bar that about ``TOP_SURVIVORS * per_node`` of the row's
        # clear, and at the whole row where fewer than ``per_node`` wanted ones do.
        # A row's best ``per_node`` are then the same as without the bar.  Where rows
        # have few partners (the rare-word key) a bar would mark nearly all anyway.
        if len(values) <= SMALL_PRODUCT * TOP_SURVIVORS * per_node * (stop - start):
            at, left, right = _wanted_entries(product, None, start, wanted)
        else:
            mark = values >= np.repeat(_row_bars(indptr, values, TOP_SURVIVORS * per_node), lengths)
            at, left, right = _wanted_entries(product, mark, start, wanted)
            found = np.bincount(left - start, minlength=stop - start)
            marked = np.zeros(len(mark) + 1, dtype=np.int64)
            np.cumsum(mark, out=marked[1:])
            short = np.flatnonzero((found < per_node) & (lengths > marked[indptr[1:]] - marked[indptr[:-1]]))
            if len(short):
                whole = lengths[short]
                mark[np.repeat(indptr[short] - np.cumsum(whole) + whole, whole) + np.arange(whole.sum())] = True
                at, left, right = _wanted_entries(product, mark, start, wanted)
        ranked, firsts = _by_row_and_value(left - start, values[at])
        # Each row's best come first in its run: the first ``per_node`` of each run are kept.
        runs = np.diff(firsts, append=len(left))
        best = ranked[np.arange(len(left)) - np.repeat(firsts, runs) < per_node]
        lefts.append(left[best])
        rights.append(right[best])
        progress.update(stop - start)
    if not lefts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(lefts), np.concatenate(rights)


def _by_row_and_value(rows: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The order that sorts entries by row and, within a row, by value (highest first; ties in order).

    Returns the order and where each row's run starts in it.  ``values`` are at
    least 0, as all dot products here are: their float32 bits then sort as they do.
    """
    import numpy as np

    bits = (np.asarray(values, dtype=np.float32) + np.float32(0.0)).view(np.uint32)  # + 0: no -0.0
    key = (rows.astype(np.uint64) << np.uint64(32)) | (~bits).astype(np.uint64)
    # Rows come in order: a stable sort finds the runs (a plain sort of unique keys is slower).
    order = np.argsort(key, kind="stable")
    counts = np.bincount(rows, minlength=int(rows.max()) + 1 if len(rows) else 0)
    return order, np.cumsum(counts) - counts


def _row_bars(indptr: np.ndarray, values: np.ndarray, target: int) -> np.ndarray:
    """Per row of a product, a value about ``target`` of the row's values reach; 0 in rows with few more.

    Estimated from a sample of the values: the sample's ``target / step``-th best in the row.
    """
    import numpy as np

    bars = np.zeros(len(indptr) - 1, dtype=np.float32)
    step = max(1, len(values) // BAR_SAMPLE)
    rank = target // step
    at = np.arange(0, len(values), step)
    rows = np.searchsorted(indptr, at, side="right") - 1
    order, firsts = _by_row_and_value(rows, values[at])
    counts = np.bincount(rows, minlength=len(bars))
    ranked = np.flatnonzero(counts > rank)
    bars[ranked] = values[at[order[firsts[ranked] + rank]]]
    return bars


def _wanted_entries(
    product: sp.csr_matrix, mark: np.ndarray | None, start: int, wanted: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The marked entries (all for ``mark`` None) of a chunk of a product that are wanted pairs.

    Returns their positions in the product, their rows and their columns.
    """
    import numpy as np

    indptr = product.indptr
    if mark is None:  # every entry: no positions to find, and none to read rows and columns at
        left = np.repeat(np.arange(start, start + len(indptr) - 1), np.diff(indptr))
        right = product.indices.astype(np.int64)
        at = np.flatnonzero((left != right) & wanted(left, right))
        return at, left[at], right[at]
    at = np.flatnonzero(mark)
    if 8 * len(at) > len(mark):  # most entries: numbering them all is cheaper than searching
        left = np.repeat(np.arange(start, start + len(indptr) - 1), np.diff(indptr))[at]
    else:
        left = np.searchsorted(indptr, at, side="right") - 1 + start
    right = product.indices[at].astype(np.int64)
    ok = np.flatnonzero((left != right) & wanted(left, right))
    return at[ok], left[ok], right[ok]


class _NoProgress:
    def update(self, _: int) -> None:
        return None

    def close(self) -> None:
        return None


#: Inputs with at least this many nodes take a few seconds: they show a progress bar.
PROGRESS_NODES = 5000


def _progress_bar(nodes: int, total: int, *, enabled: bool | None, label: str) -> Any:
    if enabled is False or (enabled is None and nodes < PROGRESS_NODES):
        return _NoProgress()
    from tqdm.auto import tqdm

    # disable=None: the bar shows on a terminal and stays silent in logs and CI.
    return tqdm(total=total, desc=label, unit="node", disable=None if enabled is None else False, leave=False)


def overlaps(
    portfolio: Portfolio | Programme | Iterable[Programme],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    weights: dict[str, float] | None = None,
    kinds: Iterable[PairKind] = ("effort-effort", "goal-goal", "effort-goal"),
    candidates_per_node: int = 12,
    exhaustive_limit: int = 3000,
    progress: bool | None = None,
    synonyms: Mapping[str, str] | None = None,
) -> Overlaps:
    """Scored overlaps between the programmes of a portfolio, with their evidence.

    Parameters
    ----------
    portfolio:
        A portfolio (or several programmes; a single programme has nothing to overlap with).
    threshold:
        Pairs scoring at least this are reported (:data:`DEFAULT_THRESHOLD`;
        ``docs/overlap.md`` says how it was chosen).
    weights:
        Signal weights overriding :data:`DEFAULT_WEIGHTS` (``owner``, ``partner``,
        ``area``, ``indicator``, ``link``, ``related``).
    kinds:
        Which pair kinds to report.
    candidates_per_node:
        With blocking (more than ``exhaustive_limit`` nodes), at most this many
        candidate partners per node and key (rare words; rare things named) are scored.
    exhaustive_limit:
        Up to this many nodes every cross-programme pair is scored.
    progress:
        Show a progress bar (``None``: on a terminal, for large inputs).
    synonyms:
        Single words read as another (``{"geveltuin": "groen"}``), on top of
        :data:`DEFAULT_SYNONYMS`; map a word to itself to switch a default off,
        pass ``{}`` for none at all.

    Examples
    --------
    >>> import din_graph
    >>> found = din_graph.overlaps(din_graph.load("examples/almelo"))
    >>> [(p.a, p.b, p.kind) for p in found.pairs]  # doctest: +NORMALIZE_WHITESPACE
    [('almelo-duurzaamheid/E23', 'almelo-leefbare-wijken-en-dorpen/BB2', 'effort-effort'),
     ('almelo-duurzaamheid/O1a', 'almelo-leefbare-wijken-en-dorpen/FV4', 'effort-goal'),
     ('almelo-duurzaamheid/O1b', 'almelo-leefbare-wijken-en-dorpen/EK1', 'effort-goal'),
     ('almelo-duurzaamheid/E19', 'almelo-leefbare-wijken-en-dorpen/EK2', 'effort-effort')]
    >>> [e.signal for e in found.pairs[0].evidence]
    ['text']
    """
    pf = _as_portfolio(portfolio)
    w = dict(DEFAULT_WEIGHTS)
    if weights:
        unknown = set(weights) - set(DEFAULT_WEIGHTS)
        if unknown:
            raise DinError(f"unknown overlap weight(s) {sorted(unknown)}; known: {sorted(DEFAULT_WEIGHTS)}")
        w.update(weights)
    wanted = set(kinds)
    meant = _synonyms(synonyms)
    # Analysing the texts builds many small objects that all survive the run.
    with gc_paused():
        return _overlaps(
            pf,
            threshold,
            w,
            wanted,
            candidates_per_node=candidates_per_node,
            exhaustive_limit=exhaustive_limit,
            progress=progress,
            synonyms=meant,
        )


def _overlaps(
    pf: Portfolio,
    threshold: float,
    w: dict[str, float],
    wanted: set[PairKind],
    *,
    candidates_per_node: int,
    exhaustive_limit: int,
    progress: bool | None,
    synonyms: dict[str, str],
) -> Overlaps:
    import numpy as np

    areas = _Areas(pf)
    docs = _docs(pf, areas.lookup)
    if not docs:
        return Overlaps((), (), (), (), threshold, w)
    # A node's text opens with its title and a space (see _docs): its first words are the title's.
    corpus = corpus_of([doc.text for doc in docs])
    title_lengths = count_words([doc.title for doc in docs])
    for doc, named in zip(docs, areas.mentioned_in(corpus), strict=True):
        if named:
            doc.areas = doc.areas | named
    places = [*areas.lookup, *(p.municipality or "" for p in pf.programmes)]
    analyzer = Analyzer(corpus, places=places, synonyms=synonyms)
    # Steps of one node each: analysis and matrices, then one pass per candidate key.
    passes = 1 if len(docs) <= exhaustive_limit else 2
    bar = _progress_bar(len(docs), (1 + passes) * len(docs), enabled=progress, label="overlap")
    counted = analyzer.matrices(corpus, title_lengths)
    bar.update(len(docs) // 2)
    part_counts, key_counts = counted.parts, counted.keys
    title_part_counts, title_key_counts = counted.title_parts, counted.title_keys
    word_counts = (part_counts + key_counts).tocsr()
    df = _df(word_counts)
    idf = _idf(len(docs), df)
    word_matrix = _weigh(word_counts, idf)
    parts = _weigh(part_counts, idf)
    keys = _weigh(key_counts, idf)
    title_words = _weigh(title_part_counts, idf)
    title_keys = _weigh(title_key_counts, idf)
    raw = _weigh(part_counts, idf, binary=True, normalise=False)
    title_raw = _weigh(title_part_counts, idf, binary=True, normalise=False)
    chars, title_chars = _gram_matrices(counted.surface, counted.title_surface, counted.surface_words)
    bar.update(len(docs) - len(docs) // 2)
    programme_of = {p.id: i for i, p in enumerate(pf.programmes)}
    programme_ids = np.asarray([programme_of[d.programme] for d in docs])
    kind_code = np.asarray([1 if d.kind == "effort" else 0 for d in docs])
    allowed = np.zeros((2, 2), dtype=bool)
    allowed[1, 1] = "effort-effort" in wanted
    allowed[0, 0] = "goal-goal" in wanted
    allowed[0, 1] = allowed[1, 0] = "effort-goal" in wanted
    # The text carries a finding; with every other signal at its maximum the
    # multiplier is at most 1 + sum(weights), so lower text cannot reach the
    # threshold.  Explicit links are few: their pairs get the floor with the link
    # weight, all others the (higher) floor without it.
    floor = threshold / (1 + sum(v for k, v in w.items() if k != "link"))
    link_floor = threshold / (1 + sum(w.values()))
    linked = _linked_pairs(docs)

    def link_floors(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The floor of each pair: lower for explicitly linked ones (float32, as the text is compared)."""
        floors = np.full(len(left), floor, dtype=np.float32)
        if linked.size:
            codes = np.minimum(left, right) * len(docs) + np.maximum(left, right)
            at = np.minimum(np.searchsorted(linked, codes), len(linked) - 1)
            # A linked pair reaches either floor (the link's is higher only with negative weights).
            floors[linked[at] == codes] = min(np.float32(floor), np.float32(link_floor))
        return floors

    kept_left, kept_right, kept_text = [], [], []
    scored = 0
    views = _Views(parts, keys, chars, title_words, title_keys, title_chars, raw, title_raw, kind_code)
    coverage = _Coverage(counted, idf)
    related = _related_programmes(pf)
    bonus_of = _Bonus(docs, areas, counted.groups, related, analyzer, w)
    # A score is rounded to four decimals: one this far below the threshold may still reach it.
    reach = threshold - SCORE_SLACK

    def needs(left: np.ndarray, right: np.ndarray, floors: np.ndarray, at: np.ndarray) -> np.ndarray:
        """The text the pairs at ``at`` need to reach the threshold, their other signals known."""
        multiplier = 1 + bonus_of(left[at], right[at])
        # Negative weights can make the multiplier 0 or less: then the text bounds nothing.
        needed: np.ndarray = np.full(len(at), -np.inf)
        np.divide(reach, multiplier, out=needed, where=multiplier > 0)
        result: np.ndarray = np.maximum(needed, floors[at])
        return result

    for chunk_left, chunk_right in _candidates(
        word_matrix,
        df,
        np.vstack([programme_ids, kind_code]),
        allowed,
        per_node=candidates_per_node,
        exhaustive_limit=exhaustive_limit,
        progress=bar,
        coverage=coverage,
    ):
        if chunk_right is None:
            left, right, text = views.block(chunk_left, programme_ids, allowed, link_floor)
            scored += _later_pairs(chunk_left, programme_ids, kind_code, allowed)
            same = (text >= link_floor) & (kind_code[left] == kind_code[right])
            if same.any():
                text[same] *= coverage.factor(left[same], right[same])
            above = text >= link_floors(left, right)
            left, right, text = left[above], right[above], text[above]
            bonus = bonus_of(left, right)
        else:
            left, right = chunk_left, chunk_right
            scored += len(left)
            floors = link_floors(left, right)
            at, text = views.reaching(left, right, floors, partial(needs, left, right, floors), coverage, link_floor)
            above = text >= floors[at]
            left, right, text = left[at[above]], right[at[above]], text[above]
            bonus = bonus_of(left, right)
        # The score as _score computes it: only pairs that may be reported are scored in Python.
        keep = np.minimum(1.0, text.astype(np.float64) * (1 + bonus)) >= reach
        kept_left.append(left[keep])
        kept_right.append(right[keep])
        kept_text.append(text[keep])
    bar.close()

    group_of, group_at = counted.groups.indices.tolist(), counted.groups.indptr.tolist()
    part_of, part_at = counted.parts.indices, counted.parts.indptr.tolist()

    @cache
    def features(i: int) -> _Text:
        groups = frozenset(counted.group_words[g] for g in group_of[group_at[i] : group_at[i + 1]])
        parts = frozenset(part_of[part_at[i] : part_at[i + 1]].tolist())
        return _Text(groups, parts, counted.vocab, corpus.text(i), analyzer)

    pairs: list[OverlapPair] = []
    for left, right, text in zip(kept_left, kept_right, kept_text, strict=True):
        for i, j, similarity in zip(left.tolist(), right.tolist(), text.tolist(), strict=True):
            pair = _score(
                docs[i], docs[j], similarity, features(i), features(j), w, areas, related, analyzer, threshold
            )
            if pair is not None:
                pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return Overlaps(
        tuple(pairs),
        _programme_pairs(pairs, dict(zip(programme_of, np.bincount(programme_ids).tolist(), strict=False))),
        _clusters(pairs),
        _suggested_links(pairs, {d.key: d for d in docs}),
        threshold,
        w,
        scored,
    )


@dataclass
class _Views:
    """The matrices text similarity is computed from, and the two ways to compute it."""

    words: sp.csr_matrix
    keys: sp.csr_matrix
    chars: sp.csr_matrix
    title_words: sp.csr_matrix
    title_keys: sp.csr_matrix
    title_chars: sp.csr_matrix
    raw: sp.csr_matrix
    title_raw: sp.csr_matrix
    kind_code: np.ndarray

    @cached_property
    def _word_views(self) -> _SideBySide:
        return _side_by_side([self.words, self.keys, self.title_words, self.title_keys])

    def _char_dots(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Row-wise dots in the two character views: columns text, title.

        Few pairs need them, so the views are not put side by side (copying
        millions of entries); each is read as it is, the same sums either way.
        """
        import numpy as np

        views = (_side_by_side([self.chars]), _side_by_side([self.title_chars]))
        return np.hstack([_stacked_dots(view, left, right, dense=True) for view in views])

    def reaching(
        self,
        left: np.ndarray,
        right: np.ndarray,
        floor: np.ndarray,
        need: Callable[[np.ndarray], np.ndarray],
        coverage: _Coverage,
        covered_from: float,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The pairs whose text may reach their need, and their text scaled by topic coverage.

        The text is the better of the full-text and the title view, each the word
        similarity mixed with the character one where the words share something
        (``CHAR_GATE``), at least the containment of an effort's title in a goal's
        text, times :meth:`_Coverage.factor` for two nodes of one kind.  Character
        similarity is at most 1, so the word views, containment and coverage bound
        the text from above; pairs whose bound stays below their need are left out
        before the (costlier) character views.
        ``need`` gives the needs of the pairs at some positions; it is asked only
        for those whose bound reaches ``floor``, a need no pair's is below.
        Topic coverage scales only a text of at least ``covered_from`` (below it the
        pair is no finding either way).  Returns the positions of the pairs left in
        and their text.
        """
        import numpy as np

        dots = _stacked_dots(self._word_views, left, right)
        word = self._mix(dots[:, 0], dots[:, 1], left, right)
        title_word = self._mix(dots[:, 2], dots[:, 3], left, right, titles=True)
        text = np.maximum(word, title_word) * WORD_WEIGHT
        gated = np.maximum(word, title_word) >= CHAR_GATE
        ceiling = np.where(gated, text.astype(np.float64) + (1 - WORD_WEIGHT), text)
        kind = self.kind_code
        one_kind = kind[left] == kind[right]
        mixed = np.flatnonzero(~one_kind)
        contained = np.zeros(0, dtype=np.float32)
        if len(mixed):
            contained = self._contained(left[mixed], right[mixed])
            ceiling[mixed] = np.maximum(ceiling[mixed], contained)
        ceiling = np.minimum(ceiling, 1.0)
        # Bounds are compared with room for float32 rounding in the text itself.
        slack = 1 - BOUND_SLACK
        factor = np.ones(len(left), dtype=np.float32)
        scaled = np.flatnonzero(one_kind & (ceiling >= floor * slack))
        factor[scaled] = coverage.factor(left[scaled], right[scaled])
        # A text below ``covered_from`` keeps its value: at most that.
        unscaled = np.minimum(ceiling[scaled], covered_from)
        ceiling[scaled] = np.maximum(ceiling[scaled] * factor[scaled], unscaled)
        maybe = np.flatnonzero(ceiling >= floor * slack)
        maybe = maybe[ceiling[maybe] >= need(maybe) * slack]
        # Character n-grams only refine pairs that share some words: a pair
        # sharing none is not about the same thing, typos or not.
        chars = maybe[gated[maybe]]
        if len(chars):
            lo, hi = left[chars], right[chars]
            grams = self._char_dots(lo, hi)
            full = WORD_WEIGHT * word[chars] + (1 - WORD_WEIGHT) * grams[:, 0]
            title = WORD_WEIGHT * title_word[chars] + (1 - WORD_WEIGHT) * grams[:, 1]
            text[chars] = np.maximum(full, title)
        if len(mixed):
            text[mixed] = np.maximum(text[mixed], contained)
        out = np.clip(text[maybe], 0.0, 1.0)
        covered = out >= covered_from
        out[covered] *= factor[maybe][covered]
        return maybe, out

    def _contained(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Containment text of effort-goal pairs (either way round; see :meth:`_with_containment`)."""
        import numpy as np

        effort_first = self.kind_code[left] == 1
        effort_side = np.where(effort_first, left, right)
        goal_side = np.where(effort_first, right, left)
        contained: np.ndarray = CONTAINMENT_WEIGHT * _containment(self.title_raw, self.raw, effort_side, goal_side)
        return contained

    def block(
        self, rows: np.ndarray, programme_ids: np.ndarray, allowed: np.ndarray, floor: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every pair of ``rows`` with a later node, scored at once; pairs below ``floor`` dropped."""
        import numpy as np

        n = self.words.shape[0]
        start = int(rows[0])
        cols = slice(start, n)

        def dense(matrix: sp.csr_matrix) -> np.ndarray:
            product: np.ndarray = (matrix[rows] @ matrix[cols].T).toarray()
            return product

        others = np.arange(start, n)
        grid_left, grid_right = np.meshgrid(rows, others, indexing="ij")
        word = self._mix(dense(self.words), dense(self.keys), grid_left, grid_right)
        title_word = self._mix(dense(self.title_words), dense(self.title_keys), grid_left, grid_right, titles=True)
        full = WORD_WEIGHT * word + (1 - WORD_WEIGHT) * dense(self.chars)
        title = WORD_WEIGHT * title_word + (1 - WORD_WEIGHT) * dense(self.title_chars)
        text = np.maximum(full, title)
        local, offset = np.nonzero(text >= floor * 0.5)
        left = rows[local]
        right = offset + start
        keep = (right > left) & (programme_ids[left] != programme_ids[right])
        keep &= allowed[self.kind_code[left], self.kind_code[right]]
        left, right = left[keep], right[keep]
        values = self._with_containment(text[local[keep], offset[keep]].astype(np.float32), left, right)
        return left, right, values

    def _mix(
        self, parts: np.ndarray, keys: np.ndarray, left: np.ndarray, right: np.ndarray, *, titles: bool = False
    ) -> np.ndarray:
        """Word similarity: where both texts name compounds, the compounds must match too.

        A compound names a topic (*warmtenet*); two texts that share one compound
        and only the first half of another (*winkelscan* / *winkelagenda*) are
        about different things, which the parts alone would not show.
        """
        import numpy as np

        matrix = self.title_keys if titles else self.keys
        has = np.diff(matrix.indptr) > 0
        both = has[left] & has[right]
        mixed: np.ndarray = np.where(both, KEY_WEIGHT * keys + (1 - KEY_WEIGHT) * parts, parts)
        return mixed

    def _with_containment(self, text: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        import numpy as np

        # An effort that serves a goal is usually narrower than the goal: what
        # counts is how much of the effort's title the goal's text covers.
        kind = self.kind_code
        mixed = np.flatnonzero(kind[left] != kind[right])
        if len(mixed):
            effort_first = kind[left[mixed]] == 1
            effort_side = np.where(effort_first, left[mixed], right[mixed])
            goal_side = np.where(effort_first, right[mixed], left[mixed])
            covered = _containment(self.title_raw, self.raw, effort_side, goal_side)
            text[mixed] = np.maximum(text[mixed], CONTAINMENT_WEIGHT * covered)
        clipped: np.ndarray = np.clip(text, 0.0, 1.0)
        return clipped


class _Coverage:
    """How much of what one title names the other text names too (see :data:`COVER_FULL`).

    Cosine similarity rewards two texts that share one of their two topics
    (*klimaatplan en speelplein* / *klimaatplan en warmtenet*) nearly as much as
    two that share both; what tells them apart is whether each thing one title
    names (a compound, however written, or a content word) is in the other text.

    A text names a compound when it has each of its joins (*klimaat+plan*), a
    word when it has its stem; a typo or another inflection of a stem (one edit,
    see :meth:`near`) counts as the stem.  All of it is worked out once, as a
    sparse texts x units matrix, so that a pair costs two sparse row products.
    """

    def __init__(self, texts: TextMatrices, idf: np.ndarray) -> None:
        import numpy as np
        import scipy.sparse as sp

        vocab = texts.vocab
        rare = float(idf.max()) if len(idf) else 1.0
        self._deletions: defaultdict[str, set[str]] = defaultdict(set)
        for stem in texts.stem_vocab:
            for variant in one_deleted(stem):
                self._deletions[variant].add(stem)
        self._near: dict[str, frozenset[str]] = {}
        units = texts.units
        # Each unit is a list of requirements (its joins, or its one stem), each met
        # by any of its variants: the requirement's own feature or one a typo away.
        slots: list[int] = []  # slot -> unit
        features: dict[str, int] = {}
        met_of_slot: list[list[int]] = []  # the features that meet each slot
        # Python lists in the loop: a numpy scalar read or write per unit costs more.
        need_of: list[int] = []
        variants: dict[str, tuple[str, ...]] = {}  # a stem and those one edit from it
        met_by_requirement: dict[tuple[str, str | None], list[int]] = {}
        for u, unit in enumerate(units):
            requirements = dict.fromkeys(itertools.pairwise(unit) if len(unit) > 1 else [(unit[0], None)])
            need_of.append(len(requirements))
            for requirement in requirements:
                met = met_by_requirement.get(requirement)
                if met is None:  # units share joins: each is spelt out once
                    a, b = requirement
                    xs = variants.get(a) or variants.setdefault(a, (a, *self.near(a)))
                    if b is None:
                        spellings: Iterable[str] = xs
                    else:
                        ys = variants.get(b) or variants.setdefault(b, (b, *self.near(b)))
                        spellings = [f"{x}+{y}" for x in xs for y in ys]
                    met = [features.setdefault(feature, len(features)) for feature in spellings]
                    met_by_requirement[requirement] = met
                met_of_slot.append(met)
                slots.append(u)
        need = np.zeros(max(len(units), 1), dtype=np.float32)
        need[: len(units)] = need_of
        weights = np.zeros(max(len(units), 1), dtype=np.float32)
        weights[: len(units)] = self._weights_of(units, vocab, idf, rare)
        n_slots = max(len(slots), 1)
        met_lengths = np.fromiter(map(len, met_of_slot), dtype=np.int64, count=len(met_of_slot))
        met_feature = np.fromiter(
            itertools.chain.from_iterable(met_of_slot), dtype=np.int64, count=int(met_lengths.sum())
        )
        met_by = sp.csr_matrix(
            (
                np.ones(len(met_feature), dtype=np.float32),
                (met_feature, np.repeat(np.arange(len(slots), dtype=np.int64), met_lengths)),
            ),
            shape=(max(len(features), 1), n_slots),
        )
        met_by.data[:] = 1.0  # a feature listed twice for one slot meets it once
        has = self._features_of(texts, features)
        met = (has @ met_by).tocsr()
        met.data[:] = 1.0  # a slot is met, however many of its variants the text has
        of_unit = sp.csr_matrix(
            (np.ones(len(slots), dtype=np.float32), (np.arange(len(slots)), np.asarray(slots, dtype=np.int64))),
            shape=(n_slots, len(need)),
        )
        named = (met @ of_unit).tocsr()
        named.data = (named.data >= need[named.indices]).astype(np.float32)
        named.eliminate_zeros()
        # The product's entries come in an order that follows the numbering of the
        # features, which follows set iteration (PYTHONHASHSEED); the order decides the
        # order of the sums of share(): in column order they are the same in every run.
        named.sort_indices()
        self.named = named
        self._named_flags = _flags(named)
        self.weights = texts.title_units.copy()
        self.weights.data = weights[self.weights.indices]
        self.total = np.asarray(self.weights.sum(axis=1)).ravel()

    @staticmethod
    def _weights_of(
        units: Sequence[tuple[str, ...]], vocab: dict[str, int], idf: np.ndarray, rare: float
    ) -> np.ndarray:
        """Per unit, the highest idf among its stems and joins that ``vocab`` has (``rare`` where none)."""
        import numpy as np

        # All units at once: the names are looked up in one pass, the maxima taken in numpy.
        lengths = np.fromiter(map(len, units), dtype=np.int64, count=len(units))
        joins = [f"{a}+{b}" for unit in units for a, b in itertools.pairwise(unit)]
        names = itertools.chain(itertools.chain.from_iterable(units), joins)
        count = int(lengths.sum()) + len(joins)
        ids = np.fromiter(map(vocab.get, names, itertools.repeat(-1)), dtype=np.int64, count=count)
        numbers = np.arange(len(units))
        owner = np.concatenate([np.repeat(numbers, lengths), np.repeat(numbers, np.maximum(lengths - 1, 0))])
        known = ids >= 0
        best = np.full(len(units), -np.inf)
        np.maximum.at(best, owner[known], idf[ids[known]])
        weights: np.ndarray = np.where(np.isneginf(best), rare, best)
        return weights

    @staticmethod
    def _features_of(texts: TextMatrices, features: dict[str, int]) -> sp.csr_matrix:
        """Texts x ``features``: 1 where a text has the feature among its stems (a word) or keys (a join)."""
        import numpy as np
        import scipy.sparse as sp

        # Every feature looked up in both vocabularies at once: a join is read as a key, a word as a stem.
        names = list(features)
        number = np.fromiter(features.values(), dtype=np.int64, count=len(names))
        joins = np.fromiter(map(operator.contains, names, itertools.repeat("+")), dtype=bool, count=len(names))
        columns = []
        for width, vocab, mine in (
            (max(len(texts.stem_vocab), 1), texts.stem_vocab, ~joins),
            (texts.keys.shape[1], texts.vocab, joins),
        ):
            at = np.fromiter(map(vocab.get, names, itertools.repeat(-1)), dtype=np.int64, count=len(names))
            column = np.full(width, -1, dtype=np.int64)
            found = mine & (at >= 0)
            column[at[found]] = number[found]
            columns.append(column)
        stem_column, key_column = columns
        rows, cols = [], []
        for matrix, column in ((texts.stems, stem_column), (texts.keys, key_column)):
            mapped = column[matrix.indices]
            rows.append(np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))[mapped >= 0])
            cols.append(mapped[mapped >= 0])
        row, col = np.concatenate(rows), np.concatenate(cols)
        has = sp.csr_matrix(
            (np.ones(len(row), dtype=np.float32), (row, col)), shape=(texts.stems.shape[0], max(len(features), 1))
        )
        has.sum_duplicates()
        has.data[:] = 1.0
        return has

    def factor(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Multipliers in (0, 1] for index pairs: 1 when one title's things are all in the other text."""
        import numpy as np

        covered = np.maximum(self.share(left, right), self.share(right, left))
        result: np.ndarray = np.minimum(1.0, covered / COVER_FULL).astype(np.float32)
        return result

    def share(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Idf-weighted share of the things each ``left`` title names that its ``right`` text names too."""
        import numpy as np

        if self.weights.has_canonical_format:
            found = _flagged_dots(self.weights, self._named_flags, left, right)
        else:
            found = _rowwise_dot(self.weights, self.named, left, right)
        total = self.total[left]
        with np.errstate(invalid="ignore", divide="ignore"):
            share: np.ndarray = np.where(total > 0, found / total, 1.0)
        return share

    def near(self, stem: str) -> frozenset[str]:
        """Stems of the texts one edit from ``stem``: a typo or another inflection.

        Substitutions count from four letters on; below that only an inserted or
        dropped letter (*hof* / *hoof*), as short words differ by one letter too often.
        """
        cached = self._near.get(stem)
        if cached is None:
            from rapidfuzz.distance import Levenshtein

            # Two strings one edit apart share a string with at most one letter deleted.
            candidates = set().union(*(self._deletions.get(v, ()) for v in one_deleted(stem)))
            cached = frozenset(
                other
                for other in candidates
                if other != stem
                and Levenshtein.distance(stem, other, score_cutoff=1) <= 1
                and (min(len(stem), len(other)) >= 4 or len(stem) != len(other))
                and min(len(stem), len(other)) >= 3
            )
            self._near[stem] = cached
        return cached


def _later_pairs(rows: np.ndarray, programme_ids: np.ndarray, kind_code: np.ndarray, allowed: np.ndarray) -> int:
    """How many wanted pairs the rows make with later nodes of other programmes.

    Nodes come programme by programme, so a row's later nodes of other
    programmes are those after its programme's last node.
    """
    import numpy as np

    n = len(programme_ids)
    last = np.zeros(int(programme_ids.max()) + 1, dtype=np.int64)
    last[programme_ids] = np.arange(n)  # the last write per programme wins
    total = 0
    for kind in (0, 1):
        after = np.cumsum((kind_code == kind)[::-1])[::-1]  # nodes of this kind from index i on
        after = np.append(after, 0)
        beyond = after[last[programme_ids[rows]] + 1]
        total += int((allowed[kind_code[rows], kind] * beyond).sum())
    return total


def _synonyms(given: Mapping[str, str] | None) -> dict[str, str]:
    if given is not None and not given:
        return {}
    out = dict(DEFAULT_SYNONYMS)
    for word, meant in (given or {}).items():
        if len(words(word)) != 1 or len(words(meant)) != 1:
            raise DinError(f"synonym {word!r} -> {meant!r}: a synonym is one word read as one other word")
        out[word] = meant
    return out


def _linked_pairs(docs: list[_Doc]) -> np.ndarray:
    """Codes (i * n + j, i < j) of node pairs with an explicit link between them or to one goal."""
    import numpy as np

    n = len(docs)
    position = {d.key: i for i, d in enumerate(docs)}
    linking: dict[str, list[int]] = defaultdict(list)
    codes = set()
    for i, doc in enumerate(docs):
        for target in doc.links:
            j = position.get(target)
            if j is not None and docs[j].programme != doc.programme:
                codes.add(min(i, j) * n + max(i, j))
            linking[target].append(i)
    for sources in linking.values():
        if len(sources) > 50:
            continue  # a goal everybody serves says little about any pair
        if len({docs[i].programme for i in sources}) < 2:
            continue  # most targets are served from one programme only: no pair of them counts
        for x in range(len(sources)):
            for y in range(x + 1, len(sources)):
                i, j = sources[x], sources[y]
                if docs[i].programme != docs[j].programme:
                    codes.add(min(i, j) * n + max(i, j))
    return np.asarray(sorted(codes), dtype=np.int64)


def _as_portfolio(obj: Portfolio | Programme | Iterable[Programme]) -> Portfolio:
    if isinstance(obj, Portfolio):
        return obj
    if isinstance(obj, Programme):
        return Portfolio(id=obj.id, name=obj.name, programmes=(obj,))
    programmes = tuple(obj)
    return Portfolio(id="programmes", name="programmes", programmes=programmes)


def _char_ngrams(word: str) -> list[str]:
    """Character 3- and 4-grams of a word padded with spaces (scikit-learn's ``char_wb`` analyser)."""
    padded = f" {word} "
    out: list[str] = []
    for n in (3, 4):
        out.extend(padded[k : k + n] for k in range(max(1, len(padded) - n + 1)))
        if len(padded) <= n:
            break  # a short word counts once
    return out


def _char_matrices(texts: list[str], others: list[str]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """TF-IDF rows over character 3-4-grams within words, for ``texts`` and, with their idf, ``others``."""
    words: dict[str, int] = {}
    per_text = _counts([t.split() for t in texts], words, grow=True)
    per_other = _counts([t.split() for t in others], words, grow=True)
    per_text.resize((len(texts), max(len(words), 1)))
    return _gram_matrices(per_text, per_other, list(words))


def _gram_matrices(
    per_text: sp.csr_matrix, per_other: sp.csr_matrix, words: list[str]
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """:func:`_char_matrices` of texts and others given as counts of ``words`` (numbered as first seen).

    Texts of one corpus repeat their words, so the n-grams are computed once per
    distinct word and summed per text with one sparse product.
    """
    import numpy as np

    grams: dict[str, int] = {}
    per_word = _counts([_char_ngrams(w) for w in words], grams, grow=True)
    if not words:
        per_word.resize((1, per_word.shape[1]))
    text_grams = (per_text @ per_word).tocsr()
    df = _df(text_grams)
    # n-grams no text has (possible only in ``others``) are unknown, as in a fitted vectoriser
    idf = np.where(df > 0, _idf(per_text.shape[0], df), 0.0)
    # The products are this function's own: the weighed matrices take their arrays.
    other_grams = (per_other @ per_word).tocsr()
    return (
        _weighed(text_grams, idf, binary=False, normalise=True, own=True),
        _weighed(other_grams, idf, binary=False, normalise=True, own=True),
    )


def _containment(small: sp.csr_matrix, large: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Idf-weighted share of each ``small`` row's words that its ``large`` partner also has."""
    import numpy as np

    overlap: np.ndarray = _rowwise_dot(small, large.sign(), left, right)
    total = np.asarray(small.sum(axis=1)).ravel()[left]
    # A one-word title says little: its containment counts for at most two thirds.
    words = np.diff(small.indptr)[left]
    damp = np.minimum(1.0, (words + 1) / 3)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, overlap / total, 0.0)
    result: np.ndarray = (share * damp).astype(np.float32)
    return result


def _related_programmes(pf: Portfolio) -> set[tuple[str, str]]:
    """Programme id pairs whose contract names the other (by id or name)."""
    out = set()
    for p in pf.programmes:
        mentioned = {fold(r.programme) for r in p.related_programmes}
        for q in pf.programmes:
            if q.id != p.id and any(fold(q.name) in m or q.id in m for m in mentioned):
                out.add((p.id, q.id))
                out.add((q.id, p.id))
    return out


class _Text:
    """A text as the evidence of a pair shows it: its target groups, parts, and words when the pair is reported.

    ``parts`` are the text's columns of the word matrices (``vocab``): the other
    side of a pair needs no more than those, and only one side's words are shown.
    """

    def __init__(
        self,
        groups: frozenset[str],
        parts: frozenset[int],
        vocab: Mapping[str, int],
        written: Sequence[str],
        analyzer: Analyzer,
    ) -> None:
        self.groups = groups
        self.parts = parts
        self.vocab = vocab
        self._written = written
        self._analyzer = analyzer

    @cached_property
    def content(self) -> tuple[tuple[str, ...], str]:
        """The parts and surface (see :meth:`Analyzer.content_of_words`)."""
        return self._analyzer.content_of_words(self._written)


def _score(
    a: _Doc,
    b: _Doc,
    text: float,
    fa: _Text,
    fb: _Text,
    w: dict[str, float],
    areas: _Areas,
    related: set[tuple[str, str]],
    analyzer: Analyzer,
    threshold: float,
) -> OverlapPair | None:
    """The pair with its evidence, or ``None`` when it scores below ``threshold``."""
    if a.key > b.key:
        a, b, fa, fb = b, a, fb, fa
    kinds = {a.kind, b.kind}
    kind: PairKind = (
        "effort-goal" if kinds == {"effort", "goal"} else ("goal-goal" if kinds == {"goal"} else "effort-effort")
    )
    evidence, bonus = _signals(a, b, fa, fb, w, areas, related, analyzer)
    score = round(min(1.0, text * (1 + bonus)), 4)
    if score < threshold:
        return None  # most candidates: spare them the shared words
    shown = Evidence("text", round(text, 4), _shared_words(fa, fb))
    return OverlapPair(a.key, b.key, kind, score, (shown, *evidence))


def _signals(
    a: _Doc,
    b: _Doc,
    fa: _Text,
    fb: _Text,
    w: dict[str, float],
    areas: _Areas,
    related: set[tuple[str, str]],
    analyzer: Analyzer,
) -> tuple[list[Evidence], float]:
    """The evidence of a pair besides its text, and the bonus it adds (see the module docs).

    :class:`_Bonus` computes the same bonus for many pairs at once.
    """
    evidence: list[Evidence] = []
    bonus = 0.0
    if a.owner is not None and a.owner == b.owner:
        evidence.append(Evidence("owner", 1.0, (a.owner,)))
        bonus += w["owner"]
    partners = sorted(a.partners & b.partners)
    if partners:
        evidence.append(Evidence("partner", 1.0, tuple(partners)))
        bonus += w["partner"]
    groups = sorted(fa.groups & fb.groups)
    if groups:
        evidence.append(Evidence("group", 1.0, tuple(groups)))
        bonus += w["group"]
    area_value, area_shared = areas.relation(a.areas, b.areas)
    if area_value:
        evidence.append(Evidence("area", area_value, area_shared))
        bonus += w["area"] * area_value
    if a.indicators and b.indicators:
        similarity = _indicator_similarity(a.indicators, b.indicators, analyzer)
        if similarity > 0:
            evidence.append(Evidence("indicator", round(similarity, 4)))
            bonus += w["indicator"] * similarity
    link = _explicit_link(a, b)
    if link:
        evidence.append(Evidence("link", 1.0, link))
        bonus += w["link"]
    if (a.programme, b.programme) in related:
        evidence.append(Evidence("related", 1.0, (a.programme, b.programme)))
        bonus += w["related"]
    return evidence, bonus


class _Bonus:
    """The bonus of :func:`_signals` for many pairs at once, as numpy arrays.

    With it a pair's score follows from its text alone, so pairs that cannot reach
    the threshold need neither character n-grams nor evidence.  Sharing a thing
    (an area, a partner, a group, a link target) is a positive row-wise dot of two
    sparse nodes x things rows; the sums are taken in :func:`_signals`' order, so
    the bonus is the same float.
    """

    def __init__(
        self,
        docs: list[_Doc],
        areas: _Areas,
        groups: sp.csr_matrix,
        related: set[tuple[str, str]],
        analyzer: Analyzer,
        w: dict[str, float],
    ) -> None:
        import numpy as np
        import scipy.sparse as sp

        self._docs, self._analyzer, self._w = docs, analyzer, w
        owners, owner = _distinct([d.owner for d in docs])
        if None in owners:
            owner[owner == owners.index(None)] = -1  # no owner is no shared owner
        self._owner = owner
        programmes, self._programme = _distinct([d.programme for d in docs])
        number = {p: i for i, p in enumerate(programmes)}
        self._related = np.zeros((len(programmes), len(programmes)), dtype=bool)
        for p, q in related:
            if p in number and q in number:
                self._related[number[p], number[q]] = True
        self._indicators = np.fromiter(map(bool, (d.indicators for d in docs)), bool, len(docs))
        # Areas: one node's area shared, inside (an ancestor of) the other's, or a sibling
        # of it.  The nodes' sets are counted name by name, not grouped: equal sets are
        # distinct objects, and comparing them cost more than reading their names.  Each
        # area named is looked up once; a node's ancestors and parents are then the union
        # over its areas, one sparse product.
        names: dict[str, int] = {}
        placed = _counts([d.areas for d in docs], names, grow=True)
        named = list(names)
        up = _counts([areas.ancestors(x) for x in named], names, grow=True)
        parents = _counts([[areas.parent[x]] if x in areas.parent else [] for x in named], names, grow=True)
        width = max(len(names), 1)  # numbered as first seen: the earlier matrices miss later names
        placed.resize((len(docs), width))
        up.resize((width, width))
        parents.resize((width, width))
        above, parents = _flagged((placed @ up).tocsr()), _flagged((placed @ parents).tocsr())
        partners = _counts([d.partners for d in docs], {}, grow=True)
        targets: dict[str, int] = {}
        links = _counts([d.links for d in docs], targets, grow=True)
        # A node links to another when the other's key is among its link targets.
        self._target_of = np.fromiter((targets.get(d.key, -1) for d in docs), np.int64, len(docs))
        self._width = len(targets)
        rows = np.repeat(np.arange(len(docs)), np.diff(links.indptr))
        self._links = np.sort(rows * self._width + links.indices)
        # Left rows against right rows: the areas cross (one's against the other's ancestors).
        self._left = _side_by_side([placed, placed, above, parents, partners, groups, links])
        self._right = sp.hstack(
            [placed, above, placed, parents, partners, groups, links], format="csr", dtype=np.float32
        )

    def __call__(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The bonus of each index pair (float64), as :func:`_signals` sums it."""
        import numpy as np

        w = self._w
        shared = np.empty((len(left), self._left.which.shape[1]), dtype=bool)
        columns = self._left.which.toarray()
        step = 100_000
        for start in range(0, len(left), step):
            stop = start + step
            product = self._left.stacked[left[start:stop]].multiply(self._right[right[start:stop]]).tocsr()
            shared[start:stop] = product @ columns > 0
        owner = self._owner[left]
        area = np.where(shared[:, 0] | shared[:, 1] | shared[:, 2], 1.0, np.where(shared[:, 3], 0.5, 0.0))
        bonus = np.zeros(len(left))
        bonus += np.where((owner >= 0) & (owner == self._owner[right]), w["owner"], 0.0)
        bonus += np.where(shared[:, 4], w["partner"], 0.0)
        bonus += np.where(shared[:, 5], w["group"], 0.0)
        bonus += w["area"] * area
        both = np.flatnonzero(self._indicators[left] & self._indicators[right])
        if len(both):
            docs, analyzer = self._docs, self._analyzer
            similarity = np.fromiter(
                (
                    _indicator_similarity(docs[i].indicators, docs[j].indicators, analyzer)
                    for i, j in zip(left[both].tolist(), right[both].tolist(), strict=True)
                ),
                np.float64,
                len(both),
            )
            bonus[both] += w["indicator"] * similarity
        bonus += np.where(shared[:, 6] | self._linked(left, right) | self._linked(right, left), w["link"], 0.0)
        bonus += np.where(self._related[self._programme[left], self._programme[right]], w["related"], 0.0)
        return bonus

    def _linked(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Whether each ``left`` node names its ``right`` node among its link targets."""
        import numpy as np

        found: np.ndarray = np.zeros(len(left), dtype=bool)
        links = self._links
        if not len(links):
            return found
        # Few nodes are a link target: only pairs with one are looked up.
        target = self._target_of[right]
        some = np.flatnonzero(target >= 0)
        codes = left[some] * self._width + target[some]
        at = np.minimum(np.searchsorted(links, codes), len(links) - 1)
        found[some] = links[at] == codes
        return found


def _distinct(values: list[_Value]) -> tuple[list[_Value], np.ndarray]:
    """The distinct values in order of first appearance, and which of them each given one is."""
    import numpy as np

    distinct = list(dict.fromkeys(values))
    number = dict(zip(distinct, range(len(distinct)), strict=True))
    # map runs in C: this is a loop over every node.
    of: np.ndarray = np.fromiter(map(number.__getitem__, values), np.int64, len(values))
    return distinct, of


def _flagged(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """The matrix with 1 for each entry."""
    matrix.data[:] = 1.0
    return matrix


def _shared_words(fa: _Text, fb: _Text) -> tuple[str, ...]:
    parts, surface = fa.content
    # The other text's parts from its matrix row: its words need not be analysed again.
    vocab, other = fb.vocab, fb.parts
    shared = {part for part in set(parts) if vocab.get(part, -1) in other}
    # Show the words as written, not their stems: the surface has one word per part.
    shown = dict.fromkeys(word for word, stem in zip(surface.split(), parts, strict=True) if stem in shared)
    return tuple(shown)[:12]


def _indicator_similarity(a: str, b: str, analyzer: Analyzer) -> float:
    pa, pb = set(analyzer.features(a).parts), set(analyzer.features(b).parts)
    if not pa or not pb:
        return 0.0
    return len(pa & pb) / len(pa | pb)


def _explicit_link(a: _Doc, b: _Doc) -> tuple[str, ...]:
    if b.key in a.links:
        return (a.key, b.key)
    if a.key in b.links:
        return (b.key, a.key)
    common = sorted(a.links & b.links)
    return tuple(common)


def _programme_pairs(pairs: list[OverlapPair], size: Mapping[str, int]) -> tuple[ProgrammePair, ...]:
    """Programme pairs by the share of their nodes in a reported pair; ``size``: nodes per programme."""
    involved: dict[tuple[str, str], set[str]] = defaultdict(set)
    count: dict[tuple[str, str], int] = defaultdict(int)
    for pair in pairs:
        pa, pb = pair.a.split("/", 1)[0], pair.b.split("/", 1)[0]
        key = (min(pa, pb), max(pa, pb))
        involved[key].update((pair.a, pair.b))
        count[key] += 1
    out = [
        ProgrammePair(a, b, round(len(nodes) / (size[a] + size[b]), 4), count[(a, b)])
        for (a, b), nodes in involved.items()
    ]
    out.sort(key=lambda p: (-p.score, -p.count, p.a, p.b))
    return tuple(out)


def _clusters(pairs: list[OverlapPair]) -> tuple[OverlapCluster, ...]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        ra, rb = find(pair.a), find(pair.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    best: dict[str, float] = defaultdict(float)
    for node in parent:
        members[find(node)].append(node)
    for pair in pairs:
        root = find(pair.a)
        best[root] = max(best[root], pair.score)
    out = []
    for root, nodes in members.items():
        programmes = tuple(sorted({n.split("/", 1)[0] for n in nodes}))
        if len(programmes) >= 2:
            out.append(OverlapCluster(tuple(sorted(nodes)), programmes, best[root]))
    out.sort(key=lambda c: (-len(c.nodes), -c.score, c.nodes))
    return tuple(out)


def _suggested_links(pairs: list[OverlapPair], docs: dict[str, _Doc]) -> tuple[SuggestedLink, ...]:
    out = []
    for pair in pairs:
        if pair.kind != "effort-goal":
            continue
        effort, goal = (pair.a, pair.b) if docs[pair.a].kind == "effort" else (pair.b, pair.a)
        if goal in docs[effort].links:
            continue
        out.append(SuggestedLink(effort, goal, pair.score, pair.evidence))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class AreaActivity:
    """An effort (or placeholder-free goal) of some programme that takes place in an area."""

    programme: str
    node: str
    title: str
    areas: tuple[str, ...]
    """The areas it names that lie in the asked area (the area itself or its parts)."""
    via: str
    """``"areas"`` when the effort lists the area, ``"text"`` when only its text names it."""


def in_area(portfolio: Portfolio, area: str) -> list[AreaActivity]:
    """What all programmes do in one wijk, buurt or dorp, including its parts.

    ``area`` is an area id, name, alias or part name (case-insensitive).

    Examples
    --------
    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo")
    >>> [a.node for a in din_graph.in_area(almelo, "Binnenstad")][:2]
    ['almelo-duurzaamheid/E5', 'almelo-duurzaamheid/E12']
    """
    areas = _Areas(portfolio)
    target = areas.lookup.get(fold(area))
    if target is None:
        known = ", ".join(sorted(a.name for a in portfolio.areas)) or "none"
        raise DinError(f"unknown area {area!r}; the portfolio's areas: {known}")
    inside = {target} | areas.descendants(target)
    out = []
    for programme in portfolio.programmes:
        for effort in programme.efforts:
            named = {areas.lookup.get(fold(a), fold(a)) for a in effort.areas}
            hit = sorted(named & inside)
            via = "areas"
            if not hit:
                hit = sorted(areas.mentioned(f"{effort.title} {effort.description or ''}") & inside)
                via = "text"
            if hit:
                shown = tuple(areas.names.get(h, h) for h in hit)
                out.append(AreaActivity(programme.id, node_key(programme.id, effort.id), effort.title, shown, via))
    return out
