"""Benchmark: the text libraries of the overlap analysis against their alternatives, in one run.

Usage::

    .venv/bin/python benchmarks/bench_text.py [--size 20000] [--seed 7] [--slow-pairs 20000]

The texts are those ``din_graph.overlaps`` reads from a synthetic portfolio of
``--size`` efforts (``overlap_corpus.overlap_corpus(size, seed=seed).portfolio``):
each effort's title and description and each goal's title, description and
criteria, split into words and analysed by din_graph's own ``Analyzer`` exactly
as ``_overlaps`` does.  Each step is then done two or three ways:

* **char tf-idf**: TF-IDF over character 3-4-grams within words of the texts'
  content words (``TextFeatures.surface``), fitted on the texts and applied to
  the titles: din_graph's ``_char_matrices`` (n-grams once per distinct word,
  summed per text with one sparse product) against scikit-learn's
  ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True)``
  ``fit_transform`` plus ``transform``;
* **import**: the time to import what each needs, in a fresh interpreter
  (``scipy.sparse`` against ``sklearn.feature_extraction.text``; ``din_graph`` itself
  for reference);
* **word tf-idf**: TF-IDF over the stemmed parts and compound keys: din_graph's
  ``_counts`` + ``_df``/``_idf`` + ``_weigh`` against ``TfidfVectorizer`` with a
  callable analyser returning the same features;
* **typo distance**: the optimal string alignment distance (a swap counts as one
  edit) cut off at 1, over the pairs din_graph's typo correction compares (all
  pairs of distinct corpus words of 7+ letters with the same first two letters,
  at most ``--max-pairs``): rapidfuzz's ``OSA.distance`` against a pure-Python
  dynamic programme and ``difflib.SequenceMatcher.ratio`` on ``--slow-pairs`` of
  them (evenly spread), and ``OSA.distance`` in a loop against
  ``rapidfuzz.process.cdist`` (one worker) on all of them;
* **stemming**: the distinct corpus words through ``snowballstemmer.stemmer("dutch")``
  as din_graph gets it (PyStemmer's C build when installed) against the pure-Python
  ``snowballstemmer.dutch_stemmer.DutchStemmer``.

Every time is the best of 3 repeats in this process, pinned to one core (as in
``bench_overlap.py``), the garbage collector run before each.  The table gives,
per step, each method's seconds, microseconds per item, the ratio of its time
per item to the step's baseline (the first row of the step, measured in the same
run) and whether its output agrees with the baseline's:

* tf-idf: the same matrix, columns matched by feature, to 1e-6;
* typo distance: the same distance (the pure-Python one capped at 2, as a cutoff
  of 1 returns 2 above it); difflib's ratio is another measure, counted as
  "one edit" when it is at least what one edit leaves, ``2 (max len - 1) / (len a + len b)``;
* stemming: the same stem for every word.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
REPEATS = 3
TOLERANCE = 1e-6
T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One measured method of one step."""

    step: str
    method: str
    items: int
    seconds: float
    agree: str


@dataclass(frozen=True)
class Corpus:
    """The words and analysed features of the texts ``din_graph.overlaps`` reads."""

    written: list[list[str]]
    features: list[Any]
    titles: list[Any]


def best_of(run: Callable[[], T], repeats: int = REPEATS) -> tuple[float, T]:
    """The shortest of ``repeats`` timed calls, and the last call's result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result  # type: ignore[return-value]


def corpus_of(size: int, seed: int) -> Corpus:
    """The portfolio's texts analysed as in ``din_graph._analysis._overlap._overlaps``."""
    sys.path.insert(0, str(HERE))
    from overlap_corpus import overlap_corpus

    from din_graph._analysis._overlap import _Areas, _docs
    from din_graph._analysis._text import Analyzer, words

    portfolio = overlap_corpus(size, seed=seed).portfolio
    areas = _Areas(portfolio)
    docs = _docs(portfolio, areas.lookup)
    title_lengths, written = [], []
    for doc in docs:
        title_words = words(doc.title)
        title_lengths.append(len(title_words))
        written.append(title_words + words(doc.text[len(doc.title) :]))
    places = [*areas.lookup, *(p.municipality or "" for p in portfolio.programmes)]
    analyzer = Analyzer(written, places=places)
    features, titles = [], []
    for text_words, title_length in zip(written, title_lengths, strict=True):
        head, whole = analyzer.features_of_words(text_words, title_length)
        features.append(whole)
        titles.append(head or analyzer.features_of_words(())[1])
    return Corpus(written, features, titles)


def same_matrix(ours: Any, our_columns: dict[str, int], theirs: Any, their_columns: dict[str, int]) -> str:
    """'yes' when two matrices hold the same values once their columns are matched by feature."""
    import numpy as np
    import scipy.sparse as sp

    theirs = sp.csr_matrix(theirs)
    order = np.zeros(theirs.shape[1], dtype=np.int64)
    for feature, column in their_columns.items():
        order[column] = our_columns[feature]
    moved = sp.csr_matrix((theirs.data, order[theirs.indices], theirs.indptr), shape=(theirs.shape[0], ours.shape[1]))
    worst = abs(ours.astype(np.float64) - moved).max() if ours.nnz or moved.nnz else 0.0
    return "yes" if worst <= TOLERANCE else f"no (max diff {worst:.1e})"


def first_seen(rows: Iterable[Iterable[str]]) -> dict[str, int]:
    """Features numbered in the order they are first seen (the column order of ``_counts(..., grow=True)``)."""
    seen: dict[str, int] = {}
    for row in rows:
        for feature in row:
            seen.setdefault(feature, len(seen))
    return seen


def char_tfidf(corpus: Corpus) -> list[Row]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from din_graph._analysis._overlap import _char_matrices, _char_ngrams

    texts = [f.surface for f in corpus.features]
    others = [f.surface for f in corpus.titles]
    ours_s, (ours, ours_others) = best_of(lambda: _char_matrices(texts, others))

    def sklearn() -> tuple[Any, Any, Any]:
        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True, norm="l2")
        return vectorizer, vectorizer.fit_transform(texts), vectorizer.transform(others)

    theirs_s, (vectorizer, theirs, theirs_others) = best_of(sklearn)
    # _char_matrices numbers the distinct words (texts, then others) and their n-grams as first seen.
    grams = first_seen(_char_ngrams(w) for w in first_seen(t.split() for t in (*texts, *others)))
    agree = same_matrix(ours, grams, theirs, vectorizer.vocabulary_)
    if agree == "yes":
        agree = same_matrix(ours_others, grams, theirs_others, vectorizer.vocabulary_)
    step = "char tf-idf"
    return [
        Row(step, "din_graph _char_matrices", len(texts), ours_s, "baseline"),
        Row(step, "sklearn TfidfVectorizer char_wb", len(texts), theirs_s, agree),
    ]


def word_tfidf(corpus: Corpus) -> list[Row]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from din_graph._analysis._overlap import _counts, _df, _idf, _weigh

    features = corpus.features

    def ours() -> tuple[Any, dict[str, int]]:
        vocab: dict[str, int] = {}
        part_counts = _counts([f.parts for f in features], vocab, grow=True)
        key_counts = _counts([f.keys for f in features], vocab, grow=True)
        part_counts.resize(key_counts.shape)
        counts = (part_counts + key_counts).tocsr()
        return _weigh(counts, _idf(len(features), _df(counts))), vocab

    def analyse(f: Any) -> list[str]:
        return [*f.parts, *f.keys]

    def sklearn() -> tuple[Any, Any]:
        vectorizer = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, norm="l2")
        return vectorizer, vectorizer.fit_transform(features)

    ours_s, (matrix, vocab) = best_of(ours)
    theirs_s, (vectorizer, theirs) = best_of(sklearn)
    step = "word tf-idf"
    return [
        Row(step, "din_graph _counts + _weigh", len(features), ours_s, "baseline"),
        Row(
            step,
            "sklearn TfidfVectorizer(analyzer=f)",
            len(features),
            theirs_s,
            same_matrix(matrix, vocab, theirs, vectorizer.vocabulary_),
        ),
    ]


def import_times() -> list[Row]:
    """Seconds to import each module in a fresh interpreter (best of 3), interpreter start-up excluded."""

    def timed(module: str) -> float:
        code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
        runs = [
            float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(REPEATS)
        ]
        return min(runs)

    step = "import"
    return [
        Row(step, "scipy.sparse", 1, timed("scipy.sparse"), "baseline"),
        Row(step, "sklearn.feature_extraction.text", 1, timed("sklearn.feature_extraction.text"), "-"),
        Row(step, "din_graph (for reference)", 1, timed("din_graph"), "-"),
    ]


def osa(a: str, b: str, cutoff: int) -> int:
    """Optimal string alignment distance (an adjacent swap is one edit), ``cutoff + 1`` when above ``cutoff``."""
    if abs(len(a) - len(b)) > cutoff:
        return cutoff + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cost = x != y
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        before, previous = previous, current
    return min(previous[-1], cutoff + 1)


def candidate_pairs(corpus: Corpus, max_pairs: int) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """Distinct words of 7+ letters grouped by their first two letters, and the pairs within groups."""
    distinct = sorted({w for text in corpus.written for w in text if len(w) >= 7 and not w.isdigit()})
    groups: dict[str, list[str]] = {}
    for word in distinct:
        groups.setdefault(word[:2], []).append(word)
    pairs: list[tuple[str, str]] = []
    kept: list[list[str]] = []
    for group in groups.values():
        within = len(group) * (len(group) - 1) // 2
        if len(pairs) + within > max_pairs:
            continue  # whole groups only, so that cdist computes the same pairs
        kept.append(group)
        pairs.extend((a, b) for k, a in enumerate(group) for b in group[k + 1 :])
    return kept, pairs


def typo_distance(corpus: Corpus, max_pairs: int, slow_pairs: int) -> list[Row]:
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    groups, pairs = candidate_pairs(corpus, max_pairs)
    sample = pairs[:: max(1, len(pairs) // slow_pairs)][:slow_pairs]

    def loop(chosen: Sequence[tuple[str, str]]) -> list[int]:
        distance = OSA.distance
        return [distance(a, b, score_cutoff=1) for a, b in chosen]

    def pure() -> list[int]:
        return [osa(a, b, 1) for a, b in sample]

    def ratios() -> list[float]:
        return [difflib.SequenceMatcher(None, a, b).ratio() for a, b in sample]

    def matrices() -> list[Any]:
        return [process.cdist(g, g, scorer=OSA.distance, score_cutoff=1, workers=1, dtype=np.int32) for g in groups]

    loop_s, fast = best_of(lambda: loop(sample))
    pure_s, slow = best_of(pure)
    difflib_s, ratio = best_of(ratios)
    one_edit = [d <= 1 for d in fast]
    by_ratio = [r >= 2 * (max(len(a), len(b)) - 1) / (len(a) + len(b)) for r, (a, b) in zip(ratio, sample, strict=True)]
    wrong = sum(x != y for x, y in zip(one_edit, by_ratio, strict=True))
    all_s, every = best_of(lambda: loop(pairs))
    cdist_s, grids = best_of(matrices)
    from_grids = [int(grid[i, j]) for grid in grids for i in range(len(grid)) for j in range(i + 1, len(grid))]
    step = "typo distance"
    n = len(sample)
    return [
        Row(step, "rapidfuzz OSA.distance, loop", n, loop_s, f"baseline ({sum(one_edit)} within 1)"),
        Row(step, "pure-Python OSA", n, pure_s, "yes" if slow == fast else "no"),
        Row(step, "difflib SequenceMatcher.ratio", n, difflib_s, f"no: {wrong} of {n} pairs" if wrong else "yes"),
        Row(f"{step}, all", "rapidfuzz OSA.distance, loop", len(pairs), all_s, "baseline"),
        Row(f"{step}, all", "rapidfuzz process.cdist", len(pairs), cdist_s, "yes" if from_grids == every else "no"),
    ]


def stemming(corpus: Corpus) -> list[Row]:
    import snowballstemmer
    from snowballstemmer.dutch_stemmer import DutchStemmer

    distinct = sorted({w for text in corpus.written for w in text})
    given = snowballstemmer.stemmer("dutch")
    build = "PyStemmer's C build" if type(given).__module__ == "Stemmer" else "pure Python"
    pure = DutchStemmer()

    def stems(stemmer: Any) -> list[str]:
        stem = stemmer.stemWord
        return [stem(w) for w in distinct]

    given_s, ours = best_of(lambda: stems(given))
    pure_s, theirs = best_of(lambda: stems(pure))
    differ = sum(a != b for a, b in zip(ours, theirs, strict=True))
    step = "stemming"
    return [
        Row(step, f"snowballstemmer.stemmer ({build})", len(distinct), given_s, "baseline"),
        Row(step, "pure-Python DutchStemmer", len(distinct), pure_s, f"no: {differ} words" if differ else "yes"),
    ]


def table(rows: Sequence[Row]) -> str:
    """A plain table: per step, seconds, µs per item and the ratio of time per item to the step's first row."""
    head = f"{'step':<18} {'method':<46} {'items':>8} {'seconds':>9} {'µs/item':>9} {'ratio':>7}  agree"
    lines = [head, "-" * len(head)]
    baseline: dict[str, float] = {}
    for row in rows:
        per_item = row.seconds / max(row.items, 1)
        base = baseline.setdefault(row.step, per_item)
        micros = f"{per_item * 1e6:.2f}" if row.items > 1 else "-"
        lines.append(
            f"{row.step:<18} {row.method:<46} {row.items:>8} {row.seconds:>9.4f} {micros:>9} "
            f"{per_item / base:>7.2f}  {row.agree}"
        )
    return "\n".join(lines)


def versions() -> str:
    names = ("numpy", "scipy", "scikit-learn", "rapidfuzz", "snowballstemmer", "PyStemmer")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} -")
    return f"Python {platform.python_version()}; " + ", ".join(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20000, help="efforts in the synthetic portfolio")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-pairs", type=int, default=300_000, help="cap on the typo candidate pairs")
    parser.add_argument("--slow-pairs", type=int, default=20_000, help="pairs for the pure-Python and difflib rows")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(f"building the texts of {args.size} efforts (seed {args.seed}) ...", file=sys.stderr, flush=True)
    corpus = corpus_of(args.size, args.seed)
    rows: list[Row] = []
    for name, measure in (
        ("char tf-idf", lambda: char_tfidf(corpus)),
        ("import", import_times),
        ("word tf-idf", lambda: word_tfidf(corpus)),
        ("typo distance", lambda: typo_distance(corpus, args.max_pairs, args.slow_pairs)),
        ("stemming", lambda: stemming(corpus)),
    ):
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        rows.extend(measure())
    print(f"{len(corpus.features)} texts ({args.size} efforts and their programmes' goals), seed {args.seed}")
    print(f"{versions()}; best of {REPEATS}, one core")
    print(table(rows))


if __name__ == "__main__":
    main()
