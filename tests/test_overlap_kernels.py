"""The overlap's kernels against plain numpy, brute force and the per-pair code."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import din_graph
from din_graph import Portfolio, Programme
from din_graph._analysis import _overlap
from din_graph._analysis._overlap import _dense_left_dots, _later_pairs, _side_by_side, _stacked_dots, _top_pairs
from din_graph._analysis._text import Analyzer, TextMatrices, words


class _Quiet:
    def update(self, _: int) -> None:
        return None


@pytest.mark.parametrize("small", [0, 2])
@pytest.mark.parametrize("sample", [200_000, 500])
@pytest.mark.parametrize("density", [0.0008, 0.003, 0.02])
def test_top_pairs_is_the_best_wanted_partners_of_each_row(
    density: float, sample: int, small: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows of very different scale, and (small ``sample``) rough bars: some rows
    # fall short of their bar and are read whole.  ``small`` 0: bars even where
    # the product is small.
    monkeypatch.setattr(_overlap, "BAR_SAMPLE", sample)
    monkeypatch.setattr(_overlap, "SMALL_PRODUCT", small)
    rng = np.random.default_rng(3)
    n, k = 3000, 7
    matrix = sp.random(n, 2000, density=density, format="csr", random_state=3, dtype=np.float32)
    matrix = sp.csr_matrix(sp.diags(rng.uniform(0.01, 3, n).astype(np.float32)) @ matrix)
    programme = np.repeat(np.arange(30), n // 30)

    def wanted(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        mask: np.ndarray = programme[left] != programme[right]
        return mask

    left, right = _top_pairs(matrix, matrix, k, wanted, _Quiet())
    dense = (matrix @ matrix.T).toarray()
    expected = set()
    for i in range(n):
        row = np.where(programme == programme[i], 0.0, dense[i])
        partners = np.flatnonzero(row)
        expected |= {(i, int(j)) for j in partners[np.argsort(-row[partners], kind="stable")][:k]}
    assert set(zip(left.tolist(), right.tolist(), strict=True)) == expected


@pytest.mark.parametrize("seed", range(4))
def test_stacked_dots_are_row_wise_dots_in_each_matrix(seed: int) -> None:
    rng = np.random.default_rng(seed)
    shapes = [(300, 0.05 if seed % 2 else 0.002), (50, 0.02), (400, 0.0 if seed < 2 else 0.01)]
    matrices = [
        sp.random(2000, width, density=d, format="csr", random_state=seed * 10 + k, dtype=np.float32)
        for k, (width, d) in enumerate(shapes)
    ]
    # Entries in no particular order within a row, as products leave them.
    matrices[0] = sp.csr_matrix(sp.diags(np.ones(2000, dtype=np.float32)) @ matrices[0])
    assert not matrices[0].has_sorted_indices or matrices[0].nnz < 2
    left, right = rng.integers(0, 2000, 5000), rng.integers(0, 2000, 5000)
    expected = np.stack([np.asarray(m[left].multiply(m[right]).sum(axis=1)).ravel() for m in matrices], axis=1)
    side_by_side = _side_by_side(matrices)
    assert np.allclose(_stacked_dots(side_by_side, left, right), expected, atol=1e-5)
    # Both ways of computing them, on every prefix length that ends a run differently.
    order = np.argsort(left, kind="stable")
    for size in (1, 2, 3, 50, len(left)):
        lo, hi = left[order[:size]], right[order[:size]]
        firsts = np.flatnonzero(np.diff(lo, prepend=-1))
        assert np.allclose(_dense_left_dots(side_by_side, lo, hi, firsts), expected[order[:size]], atol=1e-5)


@given(
    st.lists(st.lists(st.integers(0, 1), min_size=1, max_size=5), min_size=1, max_size=5),
    st.tuples(st.booleans(), st.booleans(), st.booleans()),
    st.data(),
)
def test_later_pairs_counts_what_every_pair_would(
    programmes: list[list[int]], wanted: tuple[bool, bool, bool], data: st.DataObject
) -> None:
    programme_ids = np.repeat(np.arange(len(programmes)), [len(p) for p in programmes])
    kinds = np.asarray([k for p in programmes for k in p])
    allowed = np.asarray([[wanted[0], wanted[1]], [wanted[1], wanted[2]]])
    n = len(kinds)
    start = data.draw(st.integers(0, n - 1))
    rows = np.arange(start, data.draw(st.integers(start + 1, n)))
    every = sum(
        1 for i in rows for j in range(i + 1, n) if programme_ids[i] != programme_ids[j] and allowed[kinds[i], kinds[j]]
    )
    assert _later_pairs(rows, programme_ids, kinds, allowed) == every


# Three levels of areas: a buurt in its wijk in its stadsdeel, and sibling buurten.
_AREAS = [
    {"id": "zuid", "name": "Stadsdeel Zuid", "parts": ["Noord", "Oost"]},
    {"id": "noord", "name": "Noord", "parts": ["De Riet", "Ossenkoppelerhoek"]},
    {"id": "oost", "name": "Oost", "parts": ["Nieuwstraatkwartier"]},
    {"id": "west", "name": "West", "parts": ["Kerkelanden", "Windmolenbroek"]},
]
_AREA_NAMES = ["Stadsdeel Zuid", "Noord", "De Riet", "Ossenkoppelerhoek", "Oost", "Nieuwstraatkwartier", "West"]
_AREA_NAMES += ["Kerkelanden", "Windmolenbroek", "Elders"]
_WEIGHTS = _overlap.DEFAULT_WEIGHTS
_TOPICS = ["Speeltuinen vernieuwen", "Hittestress tegengaan voor ouderen", "Geveltuinen in De Riet", "Jongeren werk"]


def _texts(counted: TextMatrices, written: list[list[str]], analyzer: Analyzer) -> list[_overlap._Text]:
    """Each text as _overlaps makes it for _score."""
    groups, parts = counted.groups, counted.parts
    return [
        _overlap._Text(
            frozenset(counted.group_words[g] for g in groups.indices[groups.indptr[i] : groups.indptr[i + 1]]),
            frozenset(parts.indices[parts.indptr[i] : parts.indptr[i + 1]].tolist()),
            counted.vocab,
            text,
            analyzer,
        )
        for i, text in enumerate(written)
    ]


@st.composite
def _portfolios(draw: st.DrawFn) -> Portfolio:
    """Small portfolios where every signal of a pair is on or off, links and indicators included."""
    few = st.integers(0, 2)
    programmes = []
    for p in range(3):
        goals = [
            {
                "id": f"O{g}",
                "title": draw(st.sampled_from(_TOPICS)),
                "indicators": [{"name": draw(st.sampled_from(["Aantal bomen", "Aantal m2 groen", "Tevredenheid"]))}]
                * draw(st.integers(0, 1)),
            }
            for g in range(draw(st.integers(0, 2)))
        ]
        targets = [f"p{q}/O{g}" for q in range(3) for g in range(2) if q != p] + [f"O{g}" for g in range(len(goals))]
        efforts = [
            {
                "id": f"E{e}",
                "title": draw(st.sampled_from(_TOPICS)),
                "owner": draw(st.sampled_from(["fysiek", "sociaal", None])),
                "partners": draw(st.lists(st.sampled_from(["GGD", "Woonstad", "Sportbedrijf"]), max_size=2)),
                "areas": draw(st.lists(st.sampled_from(_AREA_NAMES), max_size=2)),
                "contributes_to": draw(st.lists(st.sampled_from(targets), max_size=draw(few))),
            }
            for e in range(draw(st.integers(1, 4)))
        ]
        for e in efforts:
            if e["owner"] is None:
                del e["owner"]
        owners = [{"id": o, "name": o.title(), "type": "afdeling"} for o in ("fysiek", "sociaal")]
        related = [{"programme": f"P{q}"} for q in draw(st.lists(st.integers(0, 2), max_size=1)) if q != p]
        programmes.append(
            Programme.model_validate(
                {
                    "id": f"p{p}",
                    "name": f"P{p}",
                    "operational_goals": goals,
                    "efforts": efforts,
                    "owners": owners,
                    "related_programmes": related,
                }
            )
        )
    return Portfolio.model_validate({"id": "pf", "name": "PF", "programmes": programmes, "areas": _AREAS})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_portfolios(), st.fixed_dictionaries({k: st.sampled_from([v, 0.0, 0.3, 1.7]) for k, v in _WEIGHTS.items()}))
def test_bonus_of_many_pairs_is_the_bonus_of_each(portfolio: Portfolio, w: dict[str, float]) -> None:
    # The same float: the bonus decides which pairs reach the threshold before _score sees them.
    areas = _overlap._Areas(portfolio)
    docs = _overlap._docs(portfolio, areas.lookup)
    written = [words(d.text) for d in docs]
    for doc, text in zip(docs, written, strict=True):
        doc.areas = doc.areas | frozenset(areas.mentioned(text))
    analyzer = Analyzer(written, places=list(areas.lookup))
    counted = analyzer.matrices(written, [len(words(d.title)) for d in docs])
    related = _overlap._related_programmes(portfolio)
    groups = counted.groups
    texts = _texts(counted, written, analyzer)
    left, right = (a.ravel() for a in np.meshgrid(np.arange(len(docs)), np.arange(len(docs)), indexing="ij"))
    bonus = _overlap._Bonus(docs, areas, groups, related, analyzer, w)(left, right)
    for i, j, value in zip(left.tolist(), right.tolist(), bonus.tolist(), strict=True):
        _, expected = _overlap._signals(docs[i], docs[j], texts[i], texts[j], w, areas, related, analyzer)
        assert value == expected, (docs[i], docs[j])


def _text_of_pairs(views: _overlap._Views, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The text similarity of index pairs as the library first computed it: every view of every pair."""
    dots = _overlap._stacked_dots(views._word_views, left, right)
    word = views._mix(dots[:, 0], dots[:, 1], left, right)
    title_word = views._mix(dots[:, 2], dots[:, 3], left, right, titles=True)
    text = np.maximum(word, title_word) * _overlap.WORD_WEIGHT
    maybe = np.flatnonzero(np.maximum(word, title_word) >= _overlap.CHAR_GATE)
    if len(maybe):
        chars = views._char_dots(left[maybe], right[maybe])
        full = _overlap.WORD_WEIGHT * word[maybe] + (1 - _overlap.WORD_WEIGHT) * chars[:, 0]
        title = _overlap.WORD_WEIGHT * title_word[maybe] + (1 - _overlap.WORD_WEIGHT) * chars[:, 1]
        text[maybe] = np.maximum(full, title)
    with_containment: np.ndarray = views._with_containment(text, left, right)
    return with_containment


@pytest.mark.parametrize("covered_from", [0.0, 0.2])
@pytest.mark.parametrize("need", [0.0, 0.3, 0.5, 0.64, 0.8])
def test_reaching_leaves_out_only_pairs_below_their_need(need: float, covered_from: float) -> None:
    portfolio = din_graph.load("examples/almelo")
    areas = _overlap._Areas(portfolio)
    docs = _overlap._docs(portfolio, areas.lookup)
    written = [words(d.text) for d in docs]
    analyzer = Analyzer(written, places=list(areas.lookup))
    counted = analyzer.matrices(written, [len(words(d.title)) for d in docs])
    df = _overlap._df((counted.parts + counted.keys).tocsr())
    idf = _overlap._idf(len(docs), df)
    chars, title_chars = _overlap._gram_matrices(counted.surface, counted.title_surface, counted.surface_words)
    kind = np.asarray([1 if d.kind == "effort" else 0 for d in docs])
    views = _overlap._Views(
        *(_overlap._weigh(m, idf) for m in (counted.parts, counted.keys)),
        chars,
        *(_overlap._weigh(m, idf) for m in (counted.title_parts, counted.title_keys)),
        title_chars,
        *(_overlap._weigh(m, idf, binary=True, normalise=False) for m in (counted.parts, counted.title_parts)),
        kind,
    )
    coverage = _overlap._Coverage(counted, idf)
    left, right = np.triu_indices(len(docs), 1)
    expected = _text_of_pairs(views, left, right)
    # As _overlaps scales them: a text below ``covered_from`` is no finding and left as it is.
    same = (kind[left] == kind[right]) & (expected >= covered_from)
    expected[same] *= coverage.factor(left[same], right[same])
    # Needs differ per pair, as the bonus makes them.
    needs = np.random.default_rng(0).uniform(0.5, 1.5, len(left)) * need
    at, text = views.reaching(left, right, np.full(len(left), 0.5 * need), needs.__getitem__, coverage, covered_from)
    assert set(np.flatnonzero(expected >= needs).tolist()) <= set(at.tolist())
    assert np.allclose(text, expected[at], atol=1e-6)


@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from([0.0, 0.25, 0.5, 1.0, 3.5])), min_size=1, max_size=60))
def test_by_row_and_value_is_a_stable_sort_by_row_then_value(entries: list[tuple[int, float]]) -> None:
    rows = np.asarray([r for r, _ in entries], dtype=np.int64)
    values = np.asarray([v for _, v in entries], dtype=np.float32)
    order, firsts = _overlap._by_row_and_value(rows, values)
    assert order.tolist() == sorted(range(len(entries)), key=lambda k: (entries[k][0], -entries[k][1]))
    counts = np.bincount(rows)
    assert firsts.tolist() == (np.cumsum(counts) - counts).tolist()


def test_shared_words_read_the_other_text_from_its_matrix_row() -> None:
    portfolio = din_graph.load("examples/almelo")
    docs = _overlap._docs(portfolio, _overlap._Areas(portfolio).lookup)
    written = [words(d.text) for d in docs]
    analyzer = Analyzer(written)
    texts = _texts(analyzer.matrices(written, [len(words(d.title)) for d in docs]), written, analyzer)
    for a, b in itertools.permutations(texts[:60], 2):
        (parts, surface), (other, _) = a.content, b.content
        # As both texts' words show them: the shared parts, as the first text writes them.
        shared = set(parts) & set(other)
        expected = dict.fromkeys(w for w, p in zip(surface.split(), parts, strict=True) if p in shared)
        assert _overlap._shared_words(a, b) == tuple(expected)[:12]


def test_blocking_with_some_kinds_keeps_every_pair_of_those_kinds() -> None:
    # Top-k among the wanted kinds only: a pair in a node's top-k among all kinds
    # stays in it among fewer, and no pair of another kind is proposed.
    almelo = din_graph.load("examples/almelo")
    every = din_graph.overlaps(almelo, exhaustive_limit=0, threshold=0.3)
    some = din_graph.overlaps(almelo, exhaustive_limit=0, threshold=0.3, kinds=("effort-goal",))
    assert {p.kind for p in some.pairs} == {"effort-goal"}
    assert {(p.a, p.b) for p in some.pairs} >= {(p.a, p.b) for p in every.pairs if p.kind == "effort-goal"}


@pytest.mark.parametrize(
    ("weights", "threshold"),
    [
        ({}, _overlap.DEFAULT_THRESHOLD),
        ({}, 0.3),
        ({"owner": 0.6, "area": 0.4, "link": 1.0}, 0.5),
        ({"owner": -3.0, "area": -2.0}, -0.2),  # the link's floor above the others'
        ({"owner": -1.0, "area": -0.5, "partner": 0.3}, 0.0),
    ],
)
def test_bounds_leave_out_no_pair_that_would_be_reported(weights: dict[str, float], threshold: float) -> None:
    # With a slack of 10 no bound leaves a pair out: every candidate over its floor is scored in Python.
    almelo = din_graph.load("examples/almelo")
    found = din_graph.overlaps(almelo, exhaustive_limit=0, weights=weights, threshold=threshold)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_overlap, "SCORE_SLACK", 10.0)
        every = din_graph.overlaps(almelo, exhaustive_limit=0, weights=weights, threshold=threshold)
    assert found.pairs == every.pairs
    assert found.pairs or threshold > 0.5


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("shuffled", [False, True])
@pytest.mark.parametrize("longest", [5, 30])
def test_flagged_dots_are_rowwise_dots_to_the_last_bit(seed: int, shuffled: bool, longest: int) -> None:
    # Values of very different scale, so that the order of a sum shows in its bits.
    rng = np.random.default_rng(seed)
    n, width = 400, 60 if longest < 10 else 300
    lengths = rng.integers(0, longest + 1, n)
    columns = np.concatenate([np.sort(rng.choice(width, k, replace=False)) for k in lengths])
    values = (2.0 ** rng.integers(-12, 24, len(columns))) * rng.uniform(1, 2, len(columns))
    values[rng.random(len(columns)) < 0.05] = 0.0  # a zero product is no entry of it
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    a = sp.csr_matrix((values.astype(np.float32), columns, indptr), shape=(n, width))
    b = sp.random(n, width, density=0.7, format="csr", random_state=seed + 10, dtype=np.float32)
    b.data[:] = 1.0
    if shuffled:  # rows out of order, as products leave them
        b = sp.csr_matrix(sp.diags(np.ones(n, dtype=np.float32)) @ b)
    left, right = rng.integers(0, n, 250_000), rng.integers(0, n, 250_000)
    if not shuffled:
        left, right = left[:3000], right[:3000]
    expected = _overlap._rowwise_dot(a, b, left, right)
    got = _overlap._flagged_dots(a, _overlap._flags(b), left, right)
    # The same sums in the order scipy takes them, so the same bits: overlaps' scores stay
    # what they were.  Should a scipy sum in another order, this fails and says so.
    assert np.array_equal(got.view(np.uint32), expected.view(np.uint32))


@given(
    st.lists(st.lists(st.sampled_from("abcdefg"), max_size=6), max_size=8),
    st.lists(st.sampled_from("aceh"), unique=True),
    st.booleans(),
)
def test_counts_count_each_feature_of_each_row(rows: list[list[str]], known: list[str], grow: bool) -> None:
    from collections import Counter

    vocab = dict(zip(known, range(len(known)), strict=True))
    matrix = _overlap._counts(rows, vocab, grow=grow)
    seen = list(dict.fromkeys(f for row in rows for f in row if f not in known))
    assert list(vocab) == known + (seen if grow else [])  # new features numbered as first seen
    assert matrix.has_sorted_indices
    assert matrix.dtype == np.float32
    assert matrix.shape == (len(rows), max(len(vocab), 1))
    for row, counted in zip(rows, matrix, strict=True):
        expected = {vocab[f]: n for f, n in Counter(row).items() if f in vocab}
        assert dict(zip(counted.indices.tolist(), counted.data.tolist(), strict=True)) == expected


def _linked_pairs_reference(docs: list[_overlap._Doc]) -> set[int]:
    """_linked_pairs as first written: every pair of a target's sources compared."""
    n = len(docs)
    position = {d.key: i for i, d in enumerate(docs)}
    linking: dict[str, list[int]] = {}
    codes = set()
    for i, doc in enumerate(docs):
        for target in doc.links:
            j = position.get(target)
            if j is not None and docs[j].programme != doc.programme:
                codes.add(min(i, j) * n + max(i, j))
            linking.setdefault(target, []).append(i)
    for sources in linking.values():
        if len(sources) > 50:
            continue
        for x, i in enumerate(sources):
            for j in sources[x + 1 :]:
                if docs[i].programme != docs[j].programme:
                    codes.add(min(i, j) * n + max(i, j))
    return codes


@given(
    st.lists(
        st.tuples(st.sampled_from("pqr"), st.frozensets(st.sampled_from(["p/0", "q/1", "r/2", "x", "y"]))),
        max_size=60,
    )
)
def test_linked_pairs_are_those_of_every_pair_compared(nodes: list[tuple[str, frozenset[str]]]) -> None:
    docs = [_overlap._Doc(f"{p}/{i}", p, "goal", "t ", "t", links=links) for i, (p, links) in enumerate(nodes)]
    codes = _overlap._linked_pairs(docs)
    assert codes.tolist() == sorted(_linked_pairs_reference(docs))


def test_the_things_a_text_names_are_in_column_order() -> None:
    # Their order decides the order of the coverage share's sums (see _flagged_dots);
    # made from features numbered in set order, it would change with PYTHONHASHSEED.
    portfolio = din_graph.load("examples/almelo")
    docs = _overlap._docs(portfolio, _overlap._Areas(portfolio).lookup)
    written = [words(d.text) for d in docs]
    counted = Analyzer(written).matrices(written, [len(words(d.title)) for d in docs])
    coverage = _overlap._Coverage(counted, _overlap._idf(len(docs), _overlap._df(counted.parts)))
    named = coverage.named
    assert named.nnz > 0
    assert all((np.diff(named.indices[a:b]) > 0).all() for a, b in itertools.pairwise(named.indptr.tolist()))
