"""The pair stage's faster kernels give the very bits of the code they replaced, kept here as references."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

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
