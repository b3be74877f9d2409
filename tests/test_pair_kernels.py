"""The pair stage's faster kernels give the very bits of the code they replaced, kept here as references."""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given
from hypothesis import strategies as st

from din_graph._analysis import _overlap
from din_graph._analysis._overlap import _dense_left_dots, _side_by_side


def _rows_reference(matrix: sp.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    begins = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - begins
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    positions = np.repeat(begins - indptr[:-1], lengths) + np.arange(indptr[-1])
    return indptr, matrix.indices[positions], matrix.data[positions]


def _dense_left_dots_reference(
    side_by_side: _overlap._SideBySide, left: np.ndarray, right: np.ndarray, firsts: np.ndarray
) -> np.ndarray:
    """The former ``_dense_left_dots``: both sides' rows gathered entry by entry, block by block."""
    stacked, starts = side_by_side.stacked, side_by_side.starts
    width = max(stacked.shape[1], 1)
    out = np.empty((len(left), starts.shape[1]), dtype=np.float32)
    rows_per_block = max(1, _overlap.DENSE_BLOCK // width)
    dense = np.zeros(rows_per_block * width, dtype=np.float32)
    for block in range(0, len(firsts), rows_per_block):
        start = firsts[block]
        stop = firsts[block + rows_per_block] if block + rows_per_block < len(firsts) else len(left)
        distinct = left[firsts[block : block + rows_per_block]]
        rows_at, rows_indices, rows_data = _rows_reference(stacked, distinct)
        spots = np.repeat(np.arange(len(distinct)) * width, np.diff(rows_at)) + rows_indices
        dense[spots] = rows_data
        others_at, others_indices, others_data = _rows_reference(stacked, right[start:stop])
        at = np.repeat(np.searchsorted(distinct, left[start:stop]) * width, np.diff(others_at))
        at += others_indices
        values = np.zeros(len(at) + 1, dtype=np.float32)
        dense.take(at, out=values[:-1])
        values[:-1] *= others_data
        dense[spots] = 0.0
        edges = (others_at[:-1, None] + starts[right[start:stop]]).ravel()
        sums = np.zeros(len(edges), dtype=np.float32)
        sums[:-1] = np.add.reduceat(values, edges[:-1])
        sums[:-1][edges[1:] == edges[:-1]] = 0.0
        out[start:stop] = sums.reshape(stop - start, -1)
    return out[:, :-1]


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(("block", "gather"), [(500_000, 4000), (3000, 1), (3000, 7), (3000, 100), (1, 3)])
def test_dense_left_dots_are_the_former_ones_to_the_last_bit(
    seed: int, block: int, gather: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Blocks of a few rows and groups of a few blocks (or of less than one), so
    # that runs end at every kind of boundary; values of very different scale and
    # a last matrix whose rows share most columns, so that the order of a sum
    # shows in its bits (the last run of a block is summed with a zero after it).
    monkeypatch.setattr(_overlap, "DENSE_BLOCK", block)
    monkeypatch.setattr(_overlap, "GATHER_ROWS", gather)
    rng = np.random.default_rng(seed)
    n = 600
    matrices = []
    for width, density in ((40, 0.05), (200, 0.0 if seed == 0 else 0.02), (30, 0.6)):
        matrix = sp.random(n, width, density=density, format="csr", random_state=seed * 7 + width, dtype=np.float32)
        matrix.data = (2.0 ** rng.integers(-12, 12, matrix.nnz) * rng.uniform(1, 2, matrix.nnz)).astype(np.float32)
        matrices.append(matrix)
    side_by_side = _side_by_side(matrices)
    left = np.sort(rng.integers(0, n, 4000))
    right = rng.integers(0, n, 4000)
    for size in (0, 1, 2, 57, len(left)):
        lo, hi = left[:size], right[:size]
        firsts = np.flatnonzero(np.diff(lo, prepend=-1))
        got = _dense_left_dots(side_by_side, lo, hi, firsts)
        expected = _dense_left_dots_reference(side_by_side, lo, hi, firsts)
        assert got.shape == expected.shape
        assert np.array_equal(got.view(np.uint32), expected.view(np.uint32))


_STEMS = ["groen", "dak", "speel", "tuin", "plein", "warmt", "net"]


def _weights_reference(
    units: list[tuple[str, ...]], vocab: dict[str, int], idf: np.ndarray, rare: float
) -> list[float]:
    """The former loop of ``_Coverage.__init__``: per unit, the highest idf of its stems and joins found."""
    idf_of = idf.tolist()
    weights = []
    for unit in units:
        found = map(vocab.get, (*unit, *(f"{a}+{b}" for a, b in itertools.pairwise(unit))))
        weights.append(max((idf_of[j] for j in found if j is not None), default=rare))
    return weights


@given(
    st.lists(st.lists(st.sampled_from(_STEMS), min_size=1, max_size=4).map(tuple), max_size=12),
    st.lists(st.sampled_from(_STEMS + [f"{a}+{b}" for a in _STEMS for b in _STEMS]), unique=True),
    st.data(),
)
def test_unit_weights_are_the_highest_idf_found_per_unit(
    units: list[tuple[str, ...]], known: list[str], data: st.DataObject
) -> None:
    vocab = dict(zip(known, range(len(known)), strict=True))
    idf = np.asarray(data.draw(st.lists(st.floats(1, 20), min_size=len(known), max_size=len(known))), dtype=float)
    got = _overlap._Coverage._weights_of(units, vocab, idf, 99.0)
    assert got.tolist() == _weights_reference(units, vocab, idf, 99.0)


def _columns_reference(texts: Any, features: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """The former loop of ``_Coverage._features_of``: each feature's column among the stems or the keys."""
    stem_column = np.full(max(len(texts.stem_vocab), 1), -1, dtype=np.int64)
    key_column = np.full(texts.keys.shape[1], -1, dtype=np.int64)
    for feature, j in features.items():
        column, at = (key_column, texts.vocab) if "+" in feature else (stem_column, texts.stem_vocab)
        if feature in at:
            column[at[feature]] = j
    return stem_column, key_column


@given(
    st.lists(st.sampled_from(_STEMS), unique=True),
    st.lists(st.sampled_from([f"{a}+{b}" for a in _STEMS for b in _STEMS] + _STEMS), unique=True),
    st.lists(st.sampled_from(_STEMS + [f"{a}+{b}" for a in _STEMS for b in _STEMS]), unique=True),
    st.integers(0, 2**16),
)
def test_features_of_a_text_are_its_stems_and_keys(
    stems: list[str], words: list[str], named: list[str], seed: int
) -> None:
    rng = np.random.default_rng(seed)
    n = 6
    texts = SimpleNamespace(
        stem_vocab=dict(zip(stems, range(len(stems)), strict=True)),
        vocab=dict(zip(words, range(len(words)), strict=True)),
        stems=sp.csr_matrix((rng.random((n, max(len(stems), 1))) < 0.5).astype(np.float32)),
        keys=sp.csr_matrix((rng.random((n, len(words))) < 0.5).astype(np.float32)),
    )
    # Numbered in another order than seen: the numbers are the dict's values, not its order.
    features = dict(zip(named, rng.permutation(len(named)).tolist(), strict=True))
    stem_column, key_column = _columns_reference(texts, features)
    expected = np.zeros((n, max(len(features), 1)), dtype=np.float32)
    for matrix, column in ((texts.stems, stem_column), (texts.keys, key_column)):
        dense = matrix.toarray()
        for j in np.flatnonzero(column >= 0):
            expected[dense[:, j] != 0, column[j]] = 1.0
    got = _overlap._Coverage._features_of(texts, features)  # type: ignore[arg-type]
    assert np.array_equal(got.toarray(), expected)


@pytest.mark.parametrize("seed", range(4))
def test_flags_hold_each_cell_of_the_matrix(seed: int) -> None:
    n, width = 50, 13 + seed  # rows that do not start at a byte
    matrix = sp.random(n, width, density=0.3, format="csr", random_state=seed, dtype=np.float32)
    matrix.data[:] = 1.0
    matrix = sp.csr_matrix(sp.diags(np.ones(n, dtype=np.float32)) @ matrix)  # rows out of order
    flags = _overlap._flags(matrix)
    cells = np.arange(n * width)
    bits = (flags.bits[cells >> 3] & flags.masks[cells & 7]) != 0
    assert np.array_equal(bits.reshape(n, width), matrix.toarray() != 0)
