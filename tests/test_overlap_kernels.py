"""The overlap's candidate top-k, row-wise dots and pair counts against plain numpy and brute force."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given
from hypothesis import strategies as st

from din_graph._analysis import _overlap
from din_graph._analysis._overlap import _dense_left_dots, _later_pairs, _side_by_side, _stacked_dots, _top_pairs


class _Quiet:
    def update(self, _: int) -> None:
        return None


@pytest.mark.parametrize("sample", [200_000, 500])
@pytest.mark.parametrize("density", [0.0008, 0.003, 0.02])
def test_top_pairs_is_the_best_wanted_partners_of_each_row(
    density: float, sample: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows of very different scale, and (small ``sample``) rough bars: some rows
    # fall short of their bar and are read whole.
    monkeypatch.setattr(_overlap, "BAR_SAMPLE", sample)
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
