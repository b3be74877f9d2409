"""``Analyzer.matrices`` against one ``features_of_words`` call per text, counted as ``_counts`` counts.

The overlap analysis once built its matrices that way; every matrix must come out
the same, entry for entry and column for column, so that scores do not move.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import din_graph
from din_graph import Portfolio
from din_graph._analysis._overlap import _Areas, _counts, _docs
from din_graph._analysis._text import Analyzer, TextMatrices, words

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def reference(analyzer: Analyzer, texts: Sequence[Sequence[str]], prefixes: Sequence[int]) -> dict[str, Any]:
    """The matrices as the overlap analysis built them, one text at a time."""
    features, titles = [], []
    for text_words, prefix in zip(texts, prefixes, strict=True):
        head, whole = analyzer.features_of_words(text_words, prefix)
        features.append(whole)
        titles.append(head or analyzer.features_of_words(())[1])
    vocab: dict[str, int] = {}
    parts = _counts([f.parts for f in features], vocab, grow=True)
    keys = _counts([f.keys for f in features], vocab, grow=True)
    parts.resize(keys.shape)
    surface_words: dict[str, int] = {}
    surface = _counts([f.surface.split() for f in features], surface_words, grow=True)
    title_surface = _counts([f.surface.split() for f in titles], surface_words, grow=True)
    surface.resize((len(texts), max(len(surface_words), 1)))
    units: dict[Any, int] = {}
    title_units = _counts([t.units for t in titles], units, grow=True)
    return {
        "vocab": vocab,
        "parts": parts,
        "keys": keys,
        "title_parts": _counts([f.parts for f in titles], vocab),
        "title_keys": _counts([f.keys for f in titles], vocab),
        "surface_words": list(surface_words),
        "surface": surface,
        "title_surface": title_surface,
        "units": list(units),
        "title_units": title_units,
        "stems": [f.stems for f in features],
        "features": features,
    }


def same(ours: sp.csr_matrix, theirs: sp.csr_matrix) -> None:
    assert ours.has_canonical_format
    assert ours.shape == theirs.shape
    assert ours.dtype == theirs.dtype == np.float32
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)


def check(analyzer: Analyzer, texts: Sequence[Sequence[str]], prefixes: Sequence[int]) -> TextMatrices:
    # The fast build first: it must not depend on what the slow one leaves in the caches.
    found = analyzer.matrices(texts, prefixes)
    expected = reference(analyzer, texts, prefixes)
    assert list(found.vocab.items()) == list(expected["vocab"].items())
    assert found.surface_words == expected["surface_words"]
    assert found.units == expected["units"]
    for name in ("parts", "keys", "title_parts", "title_keys", "surface", "title_surface", "title_units"):
        same(getattr(found, name), expected[name])
    stem_names = list(found.stem_vocab)
    assert [frozenset(stem_names[j] for j in found.stems[i].indices) for i in range(len(texts))] == expected["stems"]
    assert set(found.stems.data) <= {1.0}
    assert set(found.stem_vocab) == set().union(*expected["stems"])
    group_words = list(found.group_words)
    assert [{group_words[j] for j in found.groups[i].indices} for i in range(len(texts))] == [
        set(f.groups) for f in expected["features"]
    ]
    assert set(found.groups.data) <= {1.0}
    for text, whole in zip(texts, expected["features"], strict=True):
        assert analyzer.content_of_words(text) == (whole.parts, whole.surface)
    return found


def texts_of(portfolio: Portfolio) -> tuple[Analyzer, list[list[str]], list[int]]:
    """The words of every node's text and of its title, and their analyser, as ``_overlaps`` gets them."""
    areas = _Areas(portfolio)
    written, prefixes = [], []
    for doc in _docs(portfolio, areas.lookup):
        title = words(doc.title)
        prefixes.append(len(title))
        written.append(title + words(doc.text[len(doc.title) :]))
    places = [*areas.lookup, *(p.municipality or "" for p in portfolio.programmes)]
    return Analyzer(written, places=places), written, prefixes


def test_almelo_matrices_are_those_of_each_text() -> None:
    found = check(*texts_of(din_graph.load("examples/almelo")))
    assert found.keys.nnz
    assert found.title_units.nnz


@pytest.mark.parametrize("seed", [3, 11])
def test_synthetic_corpus_matrices_are_those_of_each_text(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from overlap_corpus import overlap_corpus

    analyzer, texts, prefixes = texts_of(overlap_corpus(2000, seed=seed).portfolio)
    found = check(analyzer, texts, prefixes)
    # The corpus has what the word-by-word steps are for: compounds written apart, and titles joining them.
    assert found.keys.sum() > found.keys.shape[0]
    assert any("voor" in t[:p] for t, p in zip(texts, prefixes, strict=True))


def test_compounds_written_apart_and_paraphrased_join() -> None:
    texts = [["klimaatplan"], ["plan", "voor", "de", "klimaat", "klimaat", "plan"], ["plan", "voor", "voor", "klimaat"]]
    found = check(Analyzer(texts), texts, [1, 4, 4])
    column = found.vocab["klimaat+plan"]
    assert found.keys[:, column].toarray().ravel().tolist() == [1, 1, 0]
    assert found.title_keys[:, column].toarray().ravel().tolist() == [1, 1, 0]
    assert found.units == [("klimaat", "plan"), ("klimaat",)]  # a plan alone names nothing: generic


@pytest.mark.parametrize(
    "texts",
    [
        [["klimaatplan", "plan"], ["voor", "klimaat"]],  # a text does not go on in the next
        [["klimaatplan"], ["plan", "voor", "het", "de", "klimaat"]],  # 'het' is a word here, not an article
    ],
)
def test_no_join_across_texts_or_words(texts: list[list[str]]) -> None:
    found = check(Analyzer(texts, synonyms={"het": "energie"}), texts, [1, 2])
    assert found.keys[1, found.vocab["klimaat+plan"]] == 0


@pytest.mark.parametrize(
    ("title", "units"),
    [
        # each word joins the next: the last join is the thing named
        ("fonds voor klimaat plan", [("klimaat", "plan")]),
        ("klimaat plan fonds", [("plan", "fond")]),
        ("bewoners initiatief", [("initieer",)]),  # residents are who, not what
    ],
)
def test_title_units_of_joins(title: str, units: list[tuple[str, ...]]) -> None:
    texts = [["klimaatplan", "klimaatfonds", "planfonds", "bewonersinitiatief"], title.split()]
    found = check(Analyzer(texts), texts, [0, len(texts[1])])
    assert found.units == units


def test_empty_texts() -> None:
    analyzer = Analyzer([["klimaatplan"]])
    check(analyzer, [], [])
    check(analyzer, [[], ["de"], []], [0, 1, 0])


# Words of municipal plans: compounds written together and apart, 'X voor (de) Y',
# generic and stop words, target groups, residents, places, numbers, a synonym, a typo.
_PREFIXES = ["klimaat", "energie", "speel", "fiets", "warmte", "buurt", "ouderen", "bewoners", "voedsel"]
_HEADS = ["plan", "fonds", "loket", "netwerk", "tuin", "plein", "initiatief", "project", "huis"]
_WORDS = [
    *_PREFIXES,
    *_HEADS,
    *("voor", "voor", "voor", "de", "het", "een", "de", "van", "en", "in", "met"),
    *("stimuleren", "aanpak", "programma", "wijk", "inwoners", "samen", "nieuwe"),
    *("jongeren", "huurders", "mantelzorgers", "mensen", "beperking"),
    *("kerkelanden", "almelo", "riet", "2024", "blauw", "blauwe", "groene", "daken", "dak", "vergroenen"),
    *("klimaatadaptatie", "klimaatplannen", "speelpleinen", "fietsnetwerk", "fietnsetwerk", "ab", "x"),
]


@st.composite
def phrase(draw: st.DrawFn) -> list[str]:
    """A compound written together, apart or as 'head voor (de) prefix', or another word."""
    prefix, head = draw(st.sampled_from(_PREFIXES)), draw(st.sampled_from(_HEADS))
    form = draw(st.integers(0, 4))
    if form == 0:
        return [prefix + draw(st.sampled_from(["", "s", "en"])) + head]
    if form == 1:
        return [prefix, head]
    if form == 2:
        return [head, "voor", *draw(st.lists(st.sampled_from(["de", "het", "een", "voor", "van"]), max_size=2)), prefix]
    return [draw(st.sampled_from(_WORDS))]


_TEXTS = st.lists(
    st.lists(phrase(), max_size=8).map(lambda p: [w for words in p for w in words]), min_size=1, max_size=8
)
_COMPOUNDS = st.lists(
    st.tuples(st.sampled_from([*_PREFIXES, *_HEADS]), st.sampled_from(_HEADS)).map("".join), max_size=60
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=_TEXTS,
    # More compounds the corpus writes joined, so that more written apart join.
    compounds=_COMPOUNDS,
    cuts=st.lists(st.integers(0, 15), min_size=8, max_size=8),
    synonyms=st.sampled_from([{"blauw": "water"}, {}, {"de": "water", "voor": "plan"}, {"het": "klimaat"}]),
)
def test_matrices_are_those_of_each_text(
    texts: list[list[str]], compounds: list[str], cuts: list[int], synonyms: dict[str, str]
) -> None:
    analyzer = Analyzer([*texts, compounds], places=["Kerkelanden", "Almelo", "De Riet"], synonyms=synonyms)
    check(analyzer, texts, [min(c, len(t)) for c, t in zip(cuts, texts, strict=False)])
