"""The numpy paths of the text analysis against the simple code they stand for."""

from __future__ import annotations

from unittest import mock

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from din_graph._analysis import _overlap, _text
from din_graph._analysis._text import Corpus, _numbered_words, _spaced, corpus_of, words

# Words of one to thirty letters from a small alphabet: long words that share
# their first, middle or last eight letters, and repeats.
WRITTEN = st.text("ab1", min_size=1, max_size=30)


def first_seen(spaced: bytes) -> tuple[list[str], list[int]]:
    """The words of a spaced corpus numbered in a dict, as first written."""
    flat = spaced.replace(b"\x00", b" ").decode("ascii").split()  # texts end in NUL
    number = dict(zip(dict.fromkeys(flat), range(len(flat)), strict=False))
    return list(number), [number[w] for w in flat]


def assert_numbered_as_first_written(texts: list[list[str]]) -> None:
    spaced = _spaced([" ".join(text) for text in texts])
    assert spaced is not None
    distinct, ids, starts = _numbered_words(spaced)
    assert (distinct, ids.tolist()) == first_seen(spaced)
    assert [spaced[s : s + len(distinct[i])].decode() for s, i in zip(starts.tolist(), ids.tolist(), strict=True)] == [
        distinct[i] for i in ids.tolist()
    ]


@given(st.lists(st.lists(WRITTEN, max_size=8), max_size=8))
def test_numbered_words_are_the_words_numbered_as_first_written(texts: list[list[str]]) -> None:
    assert_numbered_as_first_written(texts)


@given(st.lists(st.lists(WRITTEN, max_size=8), max_size=8))
def test_words_whose_hashes_meet_stay_apart(texts: list[list[str]]) -> None:
    # With a multiplier of 0 every word probes from the first slot and a long word's
    # key is its last eight bytes: only comparing the bytes tells the words apart.
    with mock.patch.object(_text, "_MULTIPLIER", 0):
        assert_numbered_as_first_written(texts)


def test_a_table_too_small_for_the_distinct_words_is_made_larger() -> None:
    # 3,000 distinct words once each: more than half the first table of 2,048 slots.
    texts = [f"w{i} x" for i in range(3000)]
    corpus = corpus_of(texts)
    assert corpus.words == list(dict.fromkeys(w for t in texts for w in words(t)))
    reference = Corpus.of_words(map(words, texts))
    assert corpus.ids.tolist() == reference.ids.tolist()
    assert corpus.lengths.tolist() == reference.lengths.tolist()


def test_a_very_long_word_is_numbered_like_any_other() -> None:
    # A pasted code or hash is one word of thousands of letters: compared eight bytes
    # at a time where needed, it costs no memory per written word.
    blob = "ab1" * 4000
    texts = [f"{blob} x {blob}", f"{blob}a {blob}", "x"]
    corpus = corpus_of(texts)
    assert corpus.words == [blob, "x", blob + "a"]
    assert corpus.ids.tolist() == [0, 1, 0, 2, 0, 1]
    assert corpus.lengths.tolist() == [3, 2, 1]


def weighed_whole(counts: sp.csr_matrix, idf: np.ndarray, *, binary: bool, normalise: bool) -> sp.csr_matrix:
    """TF-IDF rows as whole arrays, zeros eliminated before the rows are normalised."""
    weights = idf[counts.indices] * (1.0 if binary else np.log(counts.data) + 1.0)
    matrix = sp.csr_matrix((weights.astype(np.float32), counts.indices.copy(), counts.indptr.copy()), counts.shape)
    matrix.eliminate_zeros()
    if normalise:
        wide = matrix.data.astype(np.float64)
        lengths = np.diff(matrix.indptr)
        sums = np.zeros(len(lengths))
        filled = lengths > 0
        if len(wide):
            sums[filled] = np.add.reduceat(np.square(wide), matrix.indptr[:-1][filled])
        norms = np.sqrt(sums)
        norms[norms == 0] = 1.0
        matrix.data = (wide / np.repeat(norms, lengths)).astype(np.float32)
    return matrix


@settings(deadline=None)
@given(
    st.lists(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 4)), max_size=12), max_size=8),
    st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.7, 2.3]), min_size=6, max_size=6),
    st.integers(1, 9),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_weighing_a_slice_at_a_time_is_weighing_the_whole(
    rows: list[list[tuple[int, int]]], idf: list[float], slice_size: int, binary: bool, normalise: bool, own: bool
) -> None:
    counts = sp.csr_matrix(
        (
            np.asarray([n for row in rows for _, n in row], dtype=np.float32),
            np.asarray([c for row in rows for c, _ in row], dtype=np.int32),
            np.cumsum([0, *map(len, rows)]),
        ),
        shape=(len(rows), 6),
    )
    counts.sum_duplicates()
    expected = weighed_whole(counts, np.asarray(idf), binary=binary, normalise=normalise)
    with mock.patch.object(_overlap, "WEIGH_SLICE", slice_size):
        # Weighed in place, a matrix's own arrays are overwritten: a copy is given.
        given = counts.copy() if own else counts
        got = _overlap._weighed(given, np.asarray(idf), binary=binary, normalise=normalise, own=own)
        assert np.array_equal(_overlap._df(counts), np.bincount(counts.indices, minlength=6))
    # Bit for bit: the scores overlaps() reports are rounded from these.
    assert got.data.tobytes() == expected.data.tobytes()
    assert got.indices.tolist() == expected.indices.tolist()
    assert got.indptr.tolist() == expected.indptr.tolist()


def counts_of(rows: list[list[int]], width: int) -> sp.csr_matrix:
    """Rows x ``width`` counts, listed as written (repeats included, unsorted)."""
    cols = [c % width for row in rows for c in row]
    return sp.csr_matrix(
        (np.ones(len(cols), dtype=np.float32), np.asarray(cols, dtype=np.int32), np.cumsum([0, *map(len, rows)])),
        shape=(len(rows), width),
    )


@given(
    st.lists(st.lists(st.integers(0, 5), max_size=8), max_size=6),
    st.lists(
        st.tuples(st.lists(st.lists(st.integers(0, 9), max_size=4), min_size=6, max_size=6), st.integers(1, 4)),
        min_size=1,
    ),
)
def test_products_side_by_side_are_each_product(
    texts: list[list[int]], tables: list[tuple[list[list[int]], int]]
) -> None:
    words_in = counts_of(texts, 6)
    matrices = [counts_of(rows, width) for rows, width in tables]
    got = _text._products(words_in, matrices)
    assert len(got) == len(matrices)
    for product, table in zip(got, matrices, strict=True):
        expected = (words_in @ table).toarray()
        assert product.shape == expected.shape
        assert product.dtype == np.float32
        assert np.array_equal(product.toarray(), expected)
        # Sorted, each entry once, no zeros: as a matrix built from lists and summed.
        assert all(np.all(np.diff(row.indices) > 0) for row in product)
        assert np.all(product.data != 0)
