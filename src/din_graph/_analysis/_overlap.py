"""Cross-programme overlap: a ranked, explained list of pairs for an advisor to review.

Five stages, each one function (docs/overlap.md explains each and its settings):

1. **texts** (:func:`_nodes`): every goal and effort as a text with its owner,
   partners, areas and links;
2. **features** (:func:`_features`): TF-IDF views of the texts' terms (``_text``),
   character n-grams, and the subjects they name (``_subjects``);
3. **candidates** (:func:`_candidates`): each node's best partners in other programmes;
4. **scores** (:func:`_scores`): text similarity raised or lowered by the other
   signals, measured against each node's best match in the other's programme, in [0, 1);
5. **evidence** (:func:`_evidence`): the words both texts share as written, the
   other signals, and one sentence saying why the pair is listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, get_args

from din_graph._analysis._areas import Areas
from din_graph._analysis._index import owner_identity, reference_key
from din_graph._analysis._overlap_result import (
    LIKELY,
    Band,
    Evidence,
    OverlapPair,
    Overlaps,
    PairKind,
    SuggestedLink,
    clusters,
    programme_pairs,
    stale_decisions,
)
from din_graph._analysis._subjects import SubjectReader, thesaurus_for
from din_graph._analysis._text import DEFAULT_SYNONYMS, Analyzer, Tokens, fold, strip_track, tokenise, words
from din_graph._errors import DinArgumentError
from din_graph._gc import gc_paused
from din_graph._graph import node_key
from din_graph._io._review import Review, load_review
from din_graph._model import OperationalGoal, Portfolio, Programme, StrategicGoal
from din_graph._vocab import Lang, overlap_word

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_WEIGHTS", "LIKELY", "overlaps"]

#: Pairs scoring at least this are listed (the bar of the *mogelijk* band); set on
#: the tuning split of the real evaluation set (docs/overlap.md).
DEFAULT_THRESHOLD = 0.05
#: Shares of the views in text similarity: terms, character n-grams, subjects (docs/overlap.md).
SHARES = (0.5, 0.3, 0.3)
#: Where two texts share a subject, the words naming subjects weigh this much in their terms'
#: similarity: the subject counts once, and the rest (instrument, object) tells the rewrite.
NAMED = 0.5
#: The share of the term pairs' cosine in the terms' similarity (the rest is the terms' own):
#: two texts sharing a combination of words few texts use (an instrument at a named object)
#: outrank two that share only a phrase hundreds repeat (a subject's usual naming).
PAIRED = 0.5
#: The subjects' share in the candidate search: more than in the scores, so that a node
#: whose partners share only a subject with it (*ontstenen* ~ *hittestress*) still proposes them.
SEARCHED_SUBJECTS = 0.3
#: The share in the candidate search of a node's terms in its wijk (see :func:`_placed_terms`):
#: a rewrite in the same place shares them, a text elsewhere on the same subject does not.
SEARCHED_PLACES = 0.3
#: How much a better match of either node in the other's programme lowers a pair: the pair's text,
#: subjects and signals over that match's, to this power (docs/overlap.md; at 1 text counted squared).
RIVAL = 0.5
#: Raw similarity (text times signals) that maps to a score of one half.
HALF = 0.3
#: The candidate search looks for nodes sharing two of each node's TOP_TERMS heaviest
#: terms, used by at most COMMON_TERM times the square root of the number of nodes
#: (never fewer than MIN_COMMON); and, counting SINGLES as much, for nodes sharing a
#: term used by at most MIN_COMMON nodes (see :func:`_searched`).
TOP_TERMS = 10
SINGLES = 0.01
COMMON_TERM = 1.0
MIN_COMMON = 100
#: The search proposes WIDER times ``candidates_per_node`` partners per node; all are
#: scored, and each node keeps its ``candidates_per_node`` best by score: the signals
#: (a shared place above all) then choose among partners whose texts are about as close.
WIDER = 2
#: Rows per sparse product in the candidate search (memory stays below a few hundred MB).
CHUNK = 2_000
#: Words shown as shared evidence, at most.
SHOWN_WORDS = 8
#: Words shown per side of a shared subject, at most.
SHOWN_SUBJECT_WORDS = 3

#: Default signal weights: how much each raises the text similarity (see the module docs);
#: ``elsewhere`` (both name places, and they lie apart) lowers it.
DEFAULT_WEIGHTS: dict[str, float] = {
    "owner": 0.1,
    "partner": 0.05,
    "area": 0.15,
    "elsewhere": -0.3,
    "link": 0.3,
    "related": 0.05,
}
#: Programme id pairs whose contracts name one another, in both orders.
_Related = set[tuple[str, str]]
#: A signal besides text: its name, its value in [0, 1] and what is shared.
_Signal = tuple[str, float, tuple[str, ...]]


def overlaps(
    portfolio: Portfolio | Programme | Iterable[Programme],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    weights: dict[str, float] | None = None,
    kinds: Iterable[PairKind] = ("effort-effort", "goal-goal", "effort-goal"),
    candidates_per_node: int = 5,
    progress: bool | None = None,
    synonyms: Mapping[str, str] | None = None,
    review: Review | str | Path | None = None,
    lang: Lang = "nl",
    top: int | None = None,
    subjects: str | Path | Mapping[str, Any] | None = None,
) -> Overlaps:
    """The overlaps between the programmes of a portfolio: a ranked list with evidence.

    Parameters
    ----------
    portfolio:
        A portfolio, or several programmes (one alone has nothing to overlap with).
    threshold:
        Pairs scoring at least this are listed (the bar of the *mogelijk* band, docs/overlap.md).
    weights:
        Signal weights overriding :data:`DEFAULT_WEIGHTS`; ``elsewhere``, negative, lowers
        pairs whose places lie apart.
    kinds:
        Which pair kinds to list.
    candidates_per_node:
        How many best partners of other programmes each node proposes; the list is their union, scored.
    progress:
        Show a progress bar (``None``: on a terminal, for large inputs).
    synonyms:
        Single words read as another (``{"geveltuin": "groen"}``) on top of ``DEFAULT_SYNONYMS``;
        map a word to itself to switch a default off, ``{}`` for none at all.
    review:
        A review file or its path (docs/overlap.md): dismissed pairs are left out, confirmed
        ones marked and listed even below the threshold.
    lang:
        Language of each pair's ``reason`` (``"nl"`` or ``"en"``).
    top:
        Only the best ``top`` pairs (``more`` counts the rest), so only their evidence is
        worked out; the aggregates (programme pairs, clusters, suggested links) count every pair.
    subjects:
        A subject thesaurus (YAML or JSON file, or a mapping of its shape; docs/overlap.md) added
        to the built-in one, or replacing it where it says ``replace: true``; ``{}`` for none.

    Raises
    ------
    DinArgumentError
        An unknown weight or kind, a synonym of more than one word, or a
        ``candidates_per_node`` below 1 (a ``DinError`` and a ``ValueError``).
    DinFileError
        A review file or thesaurus file that does not load (file, line and key or subject named).

    Examples
    --------
    >>> import din_graph
    >>> found = din_graph.overlaps(din_graph.load("examples/almelo"))
    >>> best = found.pairs[0]
    >>> (best.rank, best.band, best.a, best.b)
    (1, 'likely', 'almelo-duurzaamheid/E19', 'almelo-leefbare-wijken-en-dorpen/EK2')
    >>> print(*best.reason.split("; "), sep="\\n")
    Beide noemen verduurzamen, woningen
    beide gaan over energietransitie van woningen en gebouwen (energielabel / energiebesparende).
    >>> print(*found.pairs[1].reason.split("; "), sep="\\n")
    De inspanning kan bijdragen aan het doel: beide noemen hittestress
    beide gaan over klimaatadaptatie (wateroverlast / hittestress).
    >>> ontstenen = next(p for p in found.pairs if p.a.endswith("/E13") and p.b.endswith("/EK1"))
    >>> ontstenen.reason
    'Beide gaan over klimaatadaptatie (ontstenen, afkoppelen, regenwater / hittestress).'
    """
    import numpy as np

    pf = _as_portfolio(portfolio)
    w, wanted, given = _checked(weights, kinds, candidates_per_node, top, synonyms)
    decisions = load_review(review) if isinstance(review, str | Path) else review
    thesaurus = thesaurus_for(subjects)
    with gc_paused():  # the stages build many small objects that all survive the run
        areas = Areas(pf)
        nodes = _nodes(pf, areas)
        stale = stale_decisions(decisions, {n.key for n in nodes}) if decisions else ()
        if not nodes:
            return Overlaps((), (), (), (), threshold, w, stale=stale)
        # The bar counts each text read, the features of each node, and each node searched.
        bar = _progress_bar(len(nodes), enabled=progress, steps=3 * len(nodes))
        tokens = tokenise([n.text for n in nodes], progress=bar.update)
        places = [*areas.lookup, *(p.municipality or "" for p in pf.programmes)]
        meant = DEFAULT_SYNONYMS | given if synonyms != {} else {}
        analyzer = Analyzer(tokens.words_of(len(nodes)), places=places, synonyms=meant)
        reader = SubjectReader(thesaurus, analyzer)
        features = _features(nodes, analyzer, tokens, reader)
        bar.update(len(nodes))
        decided = _decided(decisions, nodes)
        related = _related_programmes(pf)
        left, right, scores = _ranked(nodes, features, areas, related, w, wanted, candidates_per_node, decided, bar)
        bar.close()
        left, right, scores, dismissed = _listed(left, right, scores, threshold, decided, len(nodes))
        explain = partial(_evidence, analyzer=analyzer, reader=reader, areas=areas, related=related, lang=lang)
        pair_at = _PairAt(nodes, left.tolist(), right.tolist(), scores.tolist(), decisions, explain)
        shown = [pair_at(k) for k in range(len(left) if top is None else min(top, len(left)))]
        likely = np.flatnonzero(scores >= LIKELY)
        programme = np.asarray([n.programme_number for n in nodes])
        return Overlaps(
            tuple(shown),
            programme_pairs([p.id for p in pf.programmes], programme, left, right),
            clusters([n.key for n in nodes], left[likely], right[likely], scores[likely]),
            _suggested_links(likely, left, right, nodes, pair_at),
            threshold,
            w,
            len(left),
            LIKELY,
            dismissed,
            stale,
            len(left) - len(shown),
        )


def _checked(
    weights: dict[str, float] | None,
    kinds: Iterable[PairKind],
    candidates_per_node: int,
    top: int | None,
    synonyms: Mapping[str, str] | None,
) -> tuple[dict[str, float], set[PairKind], dict[str, str]]:
    """The arguments of :func:`overlaps` checked: the weights in full, the kinds wanted and
    the synonyms folded; a :class:`DinArgumentError` for any that cannot be."""
    unknown = set(weights or {}) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise DinArgumentError(f"unknown overlap weight(s) {sorted(unknown)}; known: {sorted(DEFAULT_WEIGHTS)}")
    wanted, known = set(kinds), set(get_args(PairKind))
    if not wanted <= known:
        raise DinArgumentError(f"unknown pair kind(s) {sorted(wanted - known)}; known: {sorted(known)}")
    if candidates_per_node < 1 or (top is not None and top < 0):
        raise DinArgumentError(f"candidates_per_node must be at least 1, top at least 0: {candidates_per_node}, {top}")
    for word, other in (synonyms or {}).items():
        if len(words(word)) != 1 or len(words(other)) != 1:
            raise DinArgumentError(f"synonym {word!r} -> {other!r}: a synonym is one word read as one other word")
    given = {fold(word).strip(): fold(other).strip() for word, other in (synonyms or {}).items()}
    return DEFAULT_WEIGHTS | (weights or {}), wanted, given


def _ranked(
    nodes: list[_Node],
    features: _Features,
    areas: Areas,
    related: _Related,
    w: dict[str, float],
    wanted: set[PairKind],
    per_node: int,
    decided: dict[int, str],
    bar: Any,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stages 3 and 4: the candidate pairs (``left < right``) with their scores, each
    node's ``per_node`` best by score and every confirmed pair."""
    import numpy as np

    programme = np.asarray([n.programme_number for n in nodes])
    is_effort = np.asarray([n.kind == "effort" for n in nodes])
    matrix = _searched(features, _places(nodes, areas))
    left, right = _candidates(matrix, programme, is_effort, wanted, WIDER * per_node, bar)
    left, right = _with_confirmed(left, right, decided, len(nodes))
    scores = _scores(nodes, features, left, right, w, areas, related)
    kept = _best_per_node(left, right, scores, per_node, decided, len(nodes))
    return left[kept], right[kept], scores[kept]


@dataclass(frozen=True, slots=True)
class _PairAt:
    """The ``k``-th pair of the list (0 is the best) as an :class:`OverlapPair`; its
    evidence is worked out when read.  Python lists, not numpy scalars: a large
    portfolio lists hundreds of thousands of pairs."""

    nodes: list[_Node]
    left: list[int]
    right: list[int]
    scores: list[float]
    decisions: Review | None
    explain: Callable[[_Node, _Node], tuple[tuple[Evidence, ...], str]]

    def __call__(self, k: int) -> OverlapPair:
        a, b = self.nodes[self.left[k]], self.nodes[self.right[k]]
        if b.key < a.key:
            a, b = b, a
        band: Band = "likely" if self.scores[k] >= LIKELY else "possible"
        decision = self.decisions.decision(a.key, b.key) if self.decisions else None
        return OverlapPair(
            a.key,
            b.key,
            _kind(a, b),
            round(self.scores[k], 6),
            k + 1,
            band,
            "confirmed" if decision else None,
            decision.note if decision else "",
            partial(self.explain, a, b),
        )


def _decided(review: Review | None, nodes: list[_Node]) -> dict[int, str]:
    """The review file's decisions on pairs of existing nodes, by pair code (``left * n + right``)."""
    number = {node.key: i for i, node in enumerate(nodes)}
    return {
        min(number[e.a], number[e.b]) * len(nodes) + max(number[e.a], number[e.b]): e.decision
        for e in (review.entries.values() if review else ())
        if e.a in number and e.b in number
    }


def _pairs_decided(decided: dict[int, str], decision: str) -> np.ndarray:
    """The codes of the pairs the review file gives ``decision`` (see :func:`_decided`)."""
    import numpy as np

    return np.asarray([code for code, said in decided.items() if said == decision], dtype=np.int64)


def _listed(
    left: np.ndarray, right: np.ndarray, scores: np.ndarray, threshold: float, decided: dict[int, str], n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The pairs to list, best first (ties by node number): at or above the threshold or
    confirmed, not dismissed; and how many were dismissed."""
    import numpy as np

    codes = left * n + right
    dismissed = np.isin(codes, _pairs_decided(decided, "dismissed"))
    confirmed = np.isin(codes, _pairs_decided(decided, "confirmed"))
    keep = ((scores >= threshold) | confirmed) & ~dismissed
    left, right, scores = left[keep], right[keep], scores[keep]
    order = np.lexsort((right, left, -scores))
    return left[order], right[order], scores[order], int(dismissed.sum())


# -- stage 1: texts ------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    key: str
    programme: str
    programme_number: int
    kind: str  # "effort" | "goal"
    text: str
    owner: str | None = None
    partners: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()


def _nodes(pf: Portfolio, areas: Areas) -> list[_Node]:
    """Every goal and effort as a text with its other signals."""
    nodes: list[_Node] = []
    for number, programme in enumerate(pf.programmes):
        pid = programme.id
        owners = {owner.id: owner_identity(owner) for owner in reversed(programme.owners)}

        def targets(refs: Iterable[str], pid: str = pid) -> frozenset[str]:
            return frozenset(reference_key(ref, pid)[1] for ref in refs)

        goals: list[StrategicGoal | OperationalGoal] = [*programme.strategic_goals, *programme.operational_goals]
        for goal in goals:
            text = " ".join([goal.title, goal.description or "", *goal.criteria])
            links = targets(goal.contributes_to if isinstance(goal, OperationalGoal) else ())
            key = node_key(pid, goal.id)
            nodes.append(_Node(key, pid, number, "goal", text, links=links, areas=areas.mentioned(text)))
        for effort in programme.efforts:
            title = strip_track(effort.title, effort.track)
            text = f"{title} {effort.description or ''}"
            named = frozenset(areas.lookup.get(fold(a), fold(a)) for a in effort.areas) | areas.mentioned(text)
            owner = owners.get(effort.owner) if effort.owner is not None else None
            partners = frozenset(fold(p).strip() for p in effort.partners)
            key, links = node_key(pid, effort.id), targets(effort.contributes_to)
            nodes.append(_Node(key, pid, number, "effort", text, owner, partners, named, links))
    return nodes


# -- stage 2: features ---------------------------------------------------------------------


class _Features(NamedTuple):
    """The views of every node's text, rows of unit length: a dot product is a cosine."""

    terms: sp.csr_matrix
    """Nodes × terms of the node's own text: TF-IDF times the terms' weights."""
    chars: sp.csr_matrix
    """Nodes × character 3–5-grams of the content words, TF-IDF."""
    subjects: sp.csr_matrix
    """Nodes × subjects of the thesaurus the text names (``_subjects``), TF-IDF."""
    plain: sp.csr_matrix
    """:attr:`terms` with the words naming a subject at :data:`NAMED` times their weight."""
    pairs: sp.csr_matrix
    """Nodes × pairs of each node's heaviest terms, each weighed by its IDF squared (:func:`_term_pairs`)."""


def _features(nodes: list[_Node], analyzer: Analyzer, tokens: Tokens, reader: SubjectReader) -> _Features:
    """The term, character and subject views of every node's text (TF-IDF); ``tokens``
    are the texts tokenised.  A term weighs as rare as its word is in Dutch."""
    import numpy as np

    tokens = analyzer.without_places(tokens)
    found = analyzer.counts(tokens)
    weight = np.asarray([analyzer.weight(word) for word in found.written], np.float32)
    naming = reader.words(found.written)[0].getnnz(axis=1) > 0
    own = found.counts[: len(nodes)]
    plain = _weighed_tfidf(own, np.where(naming, NAMED * weight, weight))
    terms = _weighed_tfidf(own, weight)
    return _Features(
        terms,
        _char_view(tokens, len(nodes), analyzer),
        _subject_view(tokens, len(nodes), reader),
        plain,
        _term_pairs(terms, TOP_TERMS),
    )


def _subject_view(tokens: Tokens, nodes: int, reader: SubjectReader) -> sp.csr_matrix:
    """Nodes × subjects the text names, TF-IDF (sublinear), each row as long as the square root
    of the share of the text's content words naming a subject (docs/overlap.md, stage 2).
    Each distinct word is read once (texts × words @ words × subjects); phrases only in the
    texts holding their first word.  ``tokens`` are without place names."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.preprocessing import normalize

    end = tokens.starts[nodes]
    data = (np.ones(end, dtype=np.float32), tokens.ids[:end], tokens.starts[: nodes + 1])
    text_words = sp.csr_matrix(data, shape=(nodes, len(tokens.words)))
    text_words.sum_duplicates()
    text_words.data[:] = 1  # each distinct word once
    word_subjects, content, phrases = reader.words(tokens.words)
    named = sp.csr_matrix(text_words @ word_subjects)
    naming = np.asarray(text_words @ (word_subjects.getnnz(axis=1) > 0).astype(np.float32)).ravel()
    extra_rows, extra_cols, extra_words = phrases(text_words)
    if len(extra_rows):
        extra = sp.csr_matrix((np.ones(len(extra_rows), np.float32), (extra_rows, extra_cols)), shape=named.shape)
        named = sp.csr_matrix(named + extra)
        naming = naming + np.bincount(extra_rows, weights=extra_words, minlength=nodes)
    words_in = np.asarray(text_words @ content.astype(np.float32)).ravel()
    coverage = np.minimum(1.0, naming / np.maximum(words_in, 1))
    unit = normalize(TfidfTransformer(sublinear_tf=True).fit_transform(named))
    return sp.csr_matrix(sp.diags(np.sqrt(coverage)) @ unit, dtype=np.float32)


def _weighed_tfidf(counts: sp.csr_matrix, weight: np.ndarray) -> sp.csr_matrix:
    """TF-IDF (sublinear) of the counts, each term times its weight, rows of unit length."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.preprocessing import normalize

    if counts.shape[1] == 0:  # no terms at all
        return sp.csr_matrix(counts.shape, dtype=counts.dtype)
    tfidf = TfidfTransformer(sublinear_tf=True, norm=None).fit_transform(counts)
    return sp.csr_matrix(normalize(tfidf.multiply(weight[None, :])))


def _char_view(tokens: Tokens, texts: int, analyzer: Analyzer) -> sp.csr_matrix:
    """TF-IDF over character 3–5-grams (``char_wb``) of the content words of the first ``texts``
    texts; each distinct word's n-grams counted once and weighed as in the term view."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.preprocessing import normalize

    ids = tokens.ids[: tokens.starts[texts]]
    used = np.bincount(ids, minlength=len(tokens.words)) > 0
    content = np.flatnonzero(analyzer.has_terms(tokens) & used)
    if not len(content):  # no content word in any text
        return sp.csr_matrix((texts, 1), dtype=np.float32)
    content = content[np.argsort([tokens.words[i] for i in content.tolist()])]  # scikit-learn's column order
    vocabulary = [tokens.words[i] for i in content.tolist()]
    column = np.full(len(tokens.words), -1, dtype=np.int64)
    column[content] = np.arange(len(content))
    row = np.repeat(np.arange(texts), np.diff(tokens.starts[: texts + 1]))
    kept = column[ids] >= 0
    text_words = sp.csr_matrix(
        (np.ones(int(kept.sum()), dtype=np.float32), (row[kept], column[ids][kept])), shape=(texts, len(content))
    )
    weight = np.asarray([analyzer.weight(word) for word in vocabulary], dtype=np.float32)
    word_grams = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), dtype=np.float32).fit_transform(vocabulary)
    counts = sp.csr_matrix(text_words.multiply(weight[None, :])) @ word_grams
    return sp.csr_matrix(normalize(TfidfTransformer().fit_transform(counts)))


# -- stage 3: candidates -------------------------------------------------------------------


def _candidates(
    matrix: sp.csr_matrix,
    programme: np.ndarray,
    is_effort: np.ndarray,
    wanted: set[PairKind],
    k: int,
    bar: Any,
) -> tuple[np.ndarray, np.ndarray]:
    """Each node's ``k`` most similar nodes of other programmes (dot products of rows, by
    ``sparse_dot_topn``), as pairs ``left < right``; node kinds a pair may not join are searched
    apart.  A node's own programme is pushed below zero, where the search does not look: a
    column of 2 on one side and -2 on the other (similarities lie in [0, 1])."""
    import numpy as np
    import scipy.sparse as sp
    from sparse_dot_topn import sp_matmul_topn

    n = matrix.shape[0]
    own = sp.csr_matrix((np.ones(n, dtype=np.float32), (np.arange(n), programme)), shape=(n, programme.max() + 1))
    left_side = sp.hstack([matrix, 2 * own], format="csr", dtype=np.float32)
    right_side = sp.hstack([matrix, -2 * own], format="csr", dtype=np.float32)
    groups = {"effort": np.flatnonzero(is_effort), "goal": np.flatnonzero(~is_effort)}
    found: list[np.ndarray] = []
    for kind, rows in groups.items():
        joined = [groups[other] for other in groups if "-".join(sorted((kind, other))) in wanted]
        cols = np.sort(np.concatenate(joined or [rows[:0]]))
        if not len(rows) or not len(cols):
            continue
        searched, searching = right_side[cols].T.tocsr(), left_side[rows]
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            best = sp_matmul_topn(searching[start : start + CHUNK], searched, top_n=k, threshold=0.0).tocoo()
            i, j = chunk[best.row], cols[best.col]
            found.append(np.minimum(i, j) * n + np.maximum(i, j))
            bar.update(len(chunk))
    codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    return codes // n, codes % n


def _searched(features: _Features, places: sp.csr_matrix) -> sp.csr_matrix:
    """What the candidate search multiplies: each node's pairs of terms, its single terms,
    its terms in its wijk (``places``, see :func:`_placed_terms`; cut like single terms) and
    its subjects, without those of very many nodes (too weak a match to look for, and they would make the products
    dense).  Character n-grams are left out: nearly every text shares some with every other.
    docs/overlap.md, stage 3, gives the figures."""
    import numpy as np
    import scipy.sparse as sp

    nodes = features.terms.shape[0]
    singles = features.terms.copy()  # _without_common changes its matrix
    pairs = features.pairs.copy()
    common = max(MIN_COMMON, COMMON_TERM * np.sqrt(nodes))
    return sp.hstack(
        [
            np.sqrt(SINGLES) * _without_common(singles, MIN_COMMON),
            _without_common(pairs, common),
            np.sqrt(SEARCHED_SUBJECTS) * _without_common(features.subjects.copy(), common),
            np.sqrt(SEARCHED_PLACES) * _without_common(_placed_terms(features.terms, places), MIN_COMMON),
        ],
        format="csr",
    )


def _places(nodes: list[_Node], areas: Areas) -> sp.csr_matrix:
    """Nodes × wijken (or areas with no area around them): the wijk of each area a node
    names, each row of unit length; a node that names none has an empty row."""
    import numpy as np
    import scipy.sparse as sp

    column: dict[str, int] = {}
    rows, cols = [], []
    for i, node in enumerate(nodes):
        for top in sorted({(areas.ancestors(a) or [a])[-1] for a in node.areas}):
            rows.append(i)
            cols.append(column.setdefault(top, len(column)))
    size = np.bincount(np.asarray(rows, dtype=np.int64), minlength=len(nodes))
    values = 1 / np.sqrt(size[rows]) if rows else np.zeros(0)
    return sp.csr_matrix((values, (rows, cols)), shape=(len(nodes), max(1, len(column))))


def _placed_terms(terms: sp.csr_matrix, places: sp.csr_matrix) -> sp.csr_matrix:
    """Nodes × (term, place): each of a node's terms once per place it names, valued the term's
    weight times the place's (row by row, the outer product of the two).  Two nodes share such
    a column when they use a word in one wijk: a subject word used by thousands of nodes is
    used by far fewer in one place, so a node still finds the rewrite of its text next door."""
    import numpy as np
    import scipy.sparse as sp

    found = terms.tocoo()
    per_row = np.diff(places.indptr)[found.row]
    rows = np.repeat(found.row, per_row)
    within = np.arange(len(rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    at = places.indptr[rows] + within
    values = np.repeat(found.data, per_row) * places.data[at]
    columns = np.repeat(found.col, per_row).astype(np.int64) * places.shape[1] + places.indices[at]
    return sp.csr_matrix((values, (rows, columns)), shape=(terms.shape[0], terms.shape[1] * places.shape[1]))


def _term_pairs(matrix: sp.csr_matrix, top: int) -> sp.csr_matrix:
    """Nodes × pairs of terms: every two of a row's ``top`` heaviest terms, each pair weighed by its
    IDF squared, rows of unit length.  A pair hundreds of texts share (the words of a subject's
    usual naming) counts little, a pair few share (an instrument and a named object) much; at 100k
    nodes a subject word is used by thousands, a pair of them by few."""
    import itertools

    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.preprocessing import normalize

    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((-matrix.data, rows))  # each row's terms, heaviest first
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    kept = order[rank < top]
    heaviest = np.full((matrix.shape[0], top), -1, dtype=np.int64)
    heaviest[rows[kept], rank[rank < top]] = matrix.indices[kept]
    node, code = [], []
    for a, b in itertools.combinations(range(top), 2):
        both = np.flatnonzero(heaviest[:, b] >= 0)  # a row holding its b-th term holds its a-th
        first, second = heaviest[both, a], heaviest[both, b]
        node.append(both)
        code.append(np.minimum(first, second) * matrix.shape[1] + np.maximum(first, second))
    column = np.unique(np.concatenate(code), return_inverse=True)[1]
    shape = (matrix.shape[0], int(column.max(initial=-1)) + 1)
    pairs = sp.csr_matrix((np.ones(len(column), np.float32), (np.concatenate(node), column)), shape=shape)
    if not shape[1]:  # no text has two terms
        return pairs
    idf = TfidfTransformer().fit(pairs).idf_.astype(np.float32)
    # Rows of unit length: a dot product stays at most 1, below the own-programme offset of _candidates.
    return sp.csr_matrix(normalize(pairs.multiply(idf[None, :] ** 2)))


def _without_common(matrix: sp.csr_matrix, most: float) -> sp.csr_matrix:
    """The matrix without the columns more than ``most`` rows use."""
    import numpy as np

    common = np.flatnonzero(np.bincount(matrix.indices, minlength=matrix.shape[1]) > most)
    if len(common):
        matrix.data[np.isin(matrix.indices, common)] = 0
        matrix.eliminate_zeros()
    return matrix


def _best_per_node(
    left: np.ndarray, right: np.ndarray, scores: np.ndarray, k: int, decided: dict[int, str], n: int
) -> np.ndarray:
    """Which scored pairs to keep: each node's ``k`` best by score (ties by pair number), and
    every confirmed pair."""
    import numpy as np

    ends = np.concatenate([left, right])
    pair = np.tile(np.arange(len(left)), 2)
    order = np.lexsort((pair, -np.concatenate([scores, scores]), ends))
    first = np.searchsorted(ends[order], ends[order], side="left")
    keep = np.zeros(len(left), dtype=bool)
    keep[pair[order][np.arange(len(order)) - first < k]] = True
    keep |= np.isin(left * n + right, _pairs_decided(decided, "confirmed"))
    return keep


def _with_confirmed(
    left: np.ndarray, right: np.ndarray, decided: dict[int, str], n: int
) -> tuple[np.ndarray, np.ndarray]:
    """The candidates and every confirmed pair of existing nodes (a reader's pair is always scored)."""
    import numpy as np

    codes = np.unique(np.concatenate([left * n + right, _pairs_decided(decided, "confirmed")]))
    return codes // n, codes % n


# -- stage 4: scores -----------------------------------------------------------------------


def _scores(
    nodes: list[_Node],
    features: _Features,
    left: np.ndarray,
    right: np.ndarray,
    w: dict[str, float],
    areas: Areas,
    related: _Related,
) -> np.ndarray:
    """Each pair's score: text similarity raised (or lowered) by the other signals,
    measured against both nodes' best matches in the other's programme, mapped to [0, 1)."""
    import numpy as np

    terms, chars, subjects, plain, pairs = (_row_dots(view, left, right) for view in features)
    terms = np.where(subjects > 0, plain, terms)  # a shared subject counts in `meaning`, once
    terms = (1 - PAIRED) * terms + PAIRED * pairs
    text = SHARES[0] * terms + SHARES[1] * chars
    meaning = SHARES[2] * subjects
    bonus = _bonus(nodes, left, right, w, areas, related)
    programme, signals = np.asarray([n.programme_number for n in nodes]), np.maximum(1 + bonus, 0)
    # A rival is a better match all told (text, subjects and signals): a closer text in another
    # place must not hold back the rewrite in the node's own place.
    judged = (text + meaning) * signals
    rivalled = (judged / np.maximum(_best_in_programme(judged, left, right, programme), 1e-9)) ** RIVAL
    # A shared subject is no rewrite: it counts whatever the nodes' better matches.
    raw = (text * rivalled + meaning) * signals
    result: np.ndarray = raw / (raw + HALF)
    return result


def _best_in_programme(value: np.ndarray, left: np.ndarray, right: np.ndarray, programme: np.ndarray) -> np.ndarray:
    """For each pair, the best value either node has with any node of the other's programme
    (per programme: a node on a subject that cuts across is not held back in one programme
    by its match in another)."""
    import numpy as np

    count = int(programme.max()) + 1 if len(programme) else 1
    # one slot per (node, other programme), for both ends of every pair
    slot = np.concatenate([left * count + programme[right], right * count + programme[left]])
    slots, where = np.unique(slot, return_inverse=True)
    best = np.zeros(len(slots))
    np.maximum.at(best, where, np.concatenate([value, value]))
    both: np.ndarray = np.maximum(best[where[: len(left)]], best[where[len(left) :]])
    return both


def _row_dots(matrix: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The dot product of row ``left[i]`` and row ``right[i]`` for every ``i``."""
    import numpy as np

    out = np.zeros(len(left))
    step = 200_000
    for start in range(0, len(left), step):
        a, b = matrix[left[start : start + step]], matrix[right[start : start + step]]
        out[start : start + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _bonus(
    nodes: list[_Node], left: np.ndarray, right: np.ndarray, w: dict[str, float], areas: Areas, related: _Related
) -> np.ndarray:
    """Each pair's signals weighed and summed, as :func:`_signals` finds them pair by pair, but
    for all pairs at once: owners, partner sets, area sets and programmes are numbered, each
    distinct combination of two is judged once, and links are rows of a sparse matrix."""
    import numpy as np

    def numbered(values: list[Any]) -> tuple[np.ndarray, list[Any]]:
        index: dict[Any, int] = {}
        codes = np.fromiter((index.setdefault(v, len(index)) for v in values), np.int64, len(values))
        return codes, list(index)

    def per_combination(codes: np.ndarray, distinct: list[Any], judge: Callable[[Any, Any], float]) -> np.ndarray:
        pair = codes[left] * len(distinct) + codes[right]
        combos, where = np.unique(pair, return_inverse=True)
        value = np.fromiter((judge(distinct[c // len(distinct)], distinct[c % len(distinct)]) for c in combos.tolist()),
                            np.float64, len(combos))  # fmt: skip
        out: np.ndarray = value[where]
        return out

    def owner(a: str | None, b: str | None) -> float:
        return w["owner"] if a is not None and a == b else 0.0

    def place(a: frozenset[str], b: frozenset[str]) -> float:
        if not a or not b:
            return 0.0
        value = areas.relation(a, b)[0]
        return w["area"] * value if value else w["elsewhere"]

    def programmes(a: str, b: str) -> float:
        return w["related"] if (a, b) in related else 0.0

    bonus = np.zeros(len(left))
    if not len(left):
        return bonus
    bonus += per_combination(*numbered([n.owner for n in nodes]), owner)
    bonus += per_combination(*numbered([n.partners for n in nodes]), lambda a, b: w["partner"] if a & b else 0.0)
    bonus += per_combination(*numbered([n.areas for n in nodes]), place)
    bonus += w["link"] * _linked(nodes, left, right)
    bonus += per_combination(*numbered([n.programme for n in nodes]), programmes)
    return bonus


def _linked(nodes: list[_Node], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each pair, 1 where one node links to the other or both link to one node, else 0."""
    import numpy as np
    import scipy.sparse as sp

    column: dict[str, int] = {}
    rows = [i for i, n in enumerate(nodes) for _ in n.links]
    cols = [column.setdefault(key, len(column)) for n in nodes for key in sorted(n.links)]
    links = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(nodes), max(1, len(column))))
    target = np.fromiter((column.get(n.key, -1) for n in nodes), np.int64, len(nodes))

    def links_to(source: np.ndarray, other: np.ndarray) -> np.ndarray:
        out = np.zeros(len(source), dtype=bool)
        known = target[other] >= 0
        if known.any():
            out[known] = np.asarray(links[source[known], target[other][known]]).ravel() > 0
        return out

    both = _row_dots(links, left, right) > 0
    linked: np.ndarray = (links_to(left, right) | links_to(right, left) | both).astype(np.float64)
    return linked


def _signals(a: _Node, b: _Node, areas: Areas, related: _Related) -> list[_Signal]:
    """The signals besides text: (name, value in [0, 1], what is shared)."""
    found: list[_Signal] = []
    if a.owner is not None and a.owner == b.owner:
        found.append(("owner", 1.0, (a.owner,)))
    partners = a.partners & b.partners
    if partners:
        found.append(("partner", 1.0, tuple(sorted(partners))))
    if a.areas and b.areas:
        value, shared = areas.relation(a.areas, b.areas)
        if value:
            found.append(("area", value, shared))
        else:
            found.append(("elsewhere", 1.0, areas.apart(a.areas, b.areas)))
    if b.key in a.links or a.key in b.links or a.links & b.links:
        found.append(("link", 1.0, tuple(sorted((a.links & b.links) or {a.key, b.key}))))
    if (a.programme, b.programme) in related:
        found.append(("related", 1.0, (a.programme, b.programme)))
    return found


# -- stage 5: evidence ---------------------------------------------------------------------


def _evidence(
    a: _Node, b: _Node, analyzer: Analyzer, reader: SubjectReader, areas: Areas, related: _Related, lang: Lang
) -> tuple[tuple[Evidence, ...], str]:
    """What a listed pair shares, and one sentence saying why it is listed."""
    shared = _shared_words(analyzer, a.text, b.text)
    subjects = _shared_subjects(reader, a.text, b.text, shared, lang)
    signals = _signals(a, b, areas, related)
    evidence = (
        Evidence("text", 1.0 if shared else 0.0, shared),
        *([Evidence("subject", 1.0, subjects)] if subjects else []),
        *(Evidence(n, v, s) for n, v, s in signals),
    )
    about = overlap_word("why.subjects.and", lang).join(subjects)
    towards = _kind(a, b) == "effort-goal"
    if shared:
        parts = [overlap_word("why.effort-goal" if towards else "why.words", lang, words=", ".join(shared))]
        parts += [overlap_word("why.subject", lang, subjects=about)] if subjects else []
    elif subjects:
        parts = [overlap_word("why.effort-goal.subject" if towards else "why.subject.lead", lang, subjects=about)]
    else:
        parts = [overlap_word("why.similar", lang)]
    for name, _, what in signals:
        parts.append(overlap_word(f"why.{name}", lang, shared=(" / " if name == "elsewhere" else ", ").join(what)))
    return evidence, "; ".join(parts) + "."


def _shared_subjects(reader: SubjectReader, a: str, b: str, shared: tuple[str, ...], lang: Lang) -> tuple[str, ...]:
    """The subjects both texts name, each with the words that name it on either side
    (*klimaatadaptatie (ontstenen, groene daken / hittestress)*); a subject both name only
    in words the two texts share is left out (the shared words say it already)."""
    in_a, in_b = reader.subjects(a), reader.subjects(b)
    said = {part for word in shared for part in word.split("/")}

    def new(named: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w for w in named if not set(w.split()) <= said)

    out = []
    for number in in_a.keys() & in_b.keys():
        left, right = new(in_a[number]), new(in_b[number])
        if not left and not right:
            continue
        sides = ((left, in_a[number]), (right, in_b[number]))
        named = [", ".join((side or full)[:SHOWN_SUBJECT_WORDS]) for side, full in sides]
        label = reader.thesaurus.subjects[number].label(lang)
        out.append(f"{label} ({named[0]})" if named[0] == named[1] else f"{label} ({named[0]} / {named[1]})")
    return tuple(sorted(out))


def _shared_words(analyzer: Analyzer, a: str, b: str) -> tuple[str, ...]:
    """The words of ``a`` that share a term with ``b``, as written, each once; where ``b``
    writes it otherwise, both (``handhaving/handhavers``)."""
    in_a, in_b = analyzer.written(a), analyzer.written(b)
    written_b = set(in_b.values())
    shown: dict[str, str] = {}
    # In a's order, not a set's: which writing of b is shown must not hang on string hashes.
    for key in (k for k in in_a if k in in_b):
        word = in_a[key]
        if word not in shown or shown[word] == word:
            shown[word] = word if word in written_b else f"{word}/{in_b[key]}"
    order = {word: i for i, word in enumerate(in_a.values())}
    return tuple(shown[w] for w in sorted(shown, key=order.__getitem__))[:SHOWN_WORDS]


def _kind(a: _Node, b: _Node) -> PairKind:
    if a.kind == b.kind:
        return "effort-effort" if a.kind == "effort" else "goal-goal"
    return "effort-goal"


# -- suggested links (the other sums over the list: _overlap_result) ---------------------


def _suggested_links(
    likely: np.ndarray, left: np.ndarray, right: np.ndarray, nodes: list[_Node], pair_at: Callable[[int], OverlapPair]
) -> tuple[SuggestedLink, ...]:
    """The *waarschijnlijk* pairs (by number) of an effort and a goal the effort does not serve yet."""
    out = []
    for k in likely.tolist():
        a, b = nodes[left[k]], nodes[right[k]]
        effort, goal = (a, b) if a.kind == "effort" else (b, a)
        if effort.kind == "effort" and goal.kind == "goal" and goal.key not in effort.links:
            pair = pair_at(k)
            out.append(SuggestedLink(effort.key, goal.key, pair.score, pair))
    return tuple(out)


# -- helpers -------------------------------------------------------------------------------


class _NoProgress:
    def update(self, _n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


#: Below this many nodes a run takes about a second: no progress bar.
PROGRESS_FROM = 5_000


def _progress_bar(nodes: int, *, enabled: bool | None, steps: int | None = None) -> Any:
    """A bar of ``steps`` steps (``nodes`` by default), shown from :data:`PROGRESS_FROM` nodes on."""
    if enabled is False or (enabled is None and nodes < PROGRESS_FROM):
        return _NoProgress()
    from tqdm.auto import tqdm

    # disable=None: the bar shows on a terminal and stays silent in logs and CI.
    total = nodes if steps is None else steps
    return tqdm(total=total, desc="overlap", unit="step", disable=None if enabled is None else False, leave=False)


def _as_portfolio(obj: Portfolio | Programme | Iterable[Programme]) -> Portfolio:
    if isinstance(obj, Portfolio):
        return obj
    programmes = (obj,) if isinstance(obj, Programme) else tuple(obj)
    return Portfolio(id="portfolio", name="Portfolio", programmes=programmes)


def _related_programmes(pf: Portfolio) -> _Related:
    """Programme id pairs whose contract names the other (by id or name)."""
    out = set()
    for p in pf.programmes:
        mentioned = {fold(r.programme) for r in p.related_programmes}
        for q in pf.programmes:
            if q.id != p.id and any(fold(q.name) in m or q.id in m for m in mentioned):
                out |= {(p.id, q.id), (q.id, p.id)}
    return out
