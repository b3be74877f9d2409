"""Dutch policy text reduced to the terms it is about, for the *features* stage of overlap.

One subject is written with different compounds and inflections (*handhaving*,
*handhavers*, *handhavingscapaciteit*): :class:`Analyzer` reads each content word
into the Snowball Dutch stems of the word and of its compound parts, and weighs it
by how rare it is in Dutch (``wordfreq``); docs/overlap.md, stage 2, says how.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

__all__ = [
    "DEFAULT_SYNONYMS",
    "GENERIC_WORDS",
    "GROUP_WORDS",
    "STOP_WORDS",
    "Analyzer",
    "Phrases",
    "Term",
    "TermCounts",
    "Tokens",
    "fold",
    "split_compound",
    "stem",
    "strip_track",
    "tokenise",
    "words",
]


#: The word lists of the text analysis: package data beside this module (data, not method), read once.
_LISTS = yaml.safe_load(Path(__file__).with_name("words.yaml").read_text(encoding="utf-8"))
#: Dutch function words.
STOP_WORDS: frozenset[str] = frozenset(_LISTS["stop"].split())
#: Words every municipal plan uses whatever it is about; they carry no topic.
GENERIC_WORDS: frozenset[str] = frozenset(_LISTS["generic"].split())
#: Who an effort is for: a shared audience is a weak sign of a shared subject, so these
#: words weigh :data:`MIN_WEIGHT`.
GROUP_WORDS: frozenset[str] = frozenset(_LISTS["group"].split())
#: Policy words a compound may be split on even where general Dutch text rarely writes them alone.
_LEXICON: frozenset[str] = frozenset(_LISTS["lexicon"].split())
#: Derivational endings, never the second half of a compound.
_SUFFIXES: frozenset[str] = frozenset(_LISTS["suffixes"].split())

#: Words policy texts use for one another: each is read as the word it maps to.
#: *Groen en blauw* is green space and water; a plan for *blauw* is about water.
DEFAULT_SYNONYMS: dict[str, str] = {"blauw": "water"}

_LINKS = ("s", "e", "en")
_VERB_PREFIXES = ("ver", "be", "ont")
#: A word's Zipf frequency in Dutch (wordfreq: log10 of uses per billion words)
#: from which it counts as ordinary vocabulary for splitting compounds.
KNOWN_ZIPF = 3.0
#: Words this common in Dutch weigh :data:`MIN_WEIGHT`; a Zipf step below it adds
#: half a weight, up to 1 (see :meth:`Analyzer.weight`).
COMMON_ZIPF = 6.5
MIN_WEIGHT = 0.2
_MIN_PART = 4
_MIN_BASE = 6
_MIN_COMPOUND = 8
_WORD = re.compile(r"[0-9a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_TRACK_SEPARATOR = re.compile(r"\s*[-–—:|]\s*")


class Term(NamedTuple):
    """One term of a text: the word as written (folded) and the key it counts under."""

    written: str
    key: str


def fold(text: str) -> str:
    """Lower case without diacritics: *Almeloërs* -> *almeloers*, *coöperatie* -> *cooperatie*.

    Examples
    --------
    >>> fold("Coöperatie Almeloërs")
    'cooperatie almeloers'
    """
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    for char in set(_NON_ASCII.findall(decomposed)):
        if unicodedata.combining(char):
            decomposed = decomposed.replace(char, "")
    return decomposed.casefold()


def words(text: str) -> list[str]:
    """Folded words of a text (hyphens and slashes separate words).

    Examples
    --------
    >>> words("Overlast en veiligheid - Cameratoezicht")
    ['overlast', 'en', 'veiligheid', 'cameratoezicht']
    """
    return _WORD.findall(fold(text))


class Tokens(NamedTuple):
    """The folded words of many texts, each distinct word numbered once (see :func:`tokenise`)."""

    words: list[str]
    """The distinct words, by number."""
    ids: np.ndarray
    """Every text's word numbers, one text after another."""
    starts: np.ndarray
    """Where each text's words start in :attr:`ids`, and where the last one ends."""

    def words_of(self, first: int) -> set[str]:
        """The distinct words of the first ``first`` texts."""
        import numpy as np

        return {self.words[i] for i in np.unique(self.ids[: self.starts[first]]).tolist()}


def tokenise(texts: Iterable[str], progress: Callable[[int], None] | None = None, every: int = 2_000) -> Tokens:
    """The folded words of every text (as :func:`words` reads them), each distinct word numbered once.

    ``progress`` is told how many more texts were read, every ``every`` texts.

    Examples
    --------
    >>> tokens = tokenise(["Groen in de wijk", "de wijk groen"])
    >>> tokens.words, tokens.ids.tolist(), tokens.starts.tolist()
    (['groen', 'in', 'de', 'wijk'], [0, 1, 2, 3, 2, 3, 0], [0, 4, 7])
    """
    import numpy as np

    # A new word gets the next number (as scikit-learn's CountVectorizer numbers its vocabulary).
    number: defaultdict[str, int] = defaultdict()
    number.default_factory = number.__len__
    ids: list[int] = []
    starts = [0]
    for text in texts:
        ids += map(number.__getitem__, words(text))
        starts.append(len(ids))
        if progress is not None and len(starts) % every == 1:
            progress(every)
    if progress is not None and (len(starts) - 1) % every:
        progress((len(starts) - 1) % every)
    return Tokens(list(number), np.asarray(ids, dtype=np.int64), np.asarray(starts, dtype=np.int64))


class TermCounts(NamedTuple):
    """Texts × terms: how often each text uses each term (see :meth:`Analyzer.counts`)."""

    counts: sp.csr_matrix
    """Texts × terms, term columns in the order of :attr:`keys`."""
    keys: list[str]
    """The terms' keys, sorted."""
    written: list[str]
    """Each term's word as first written in the texts."""


class _Joined(NamedTuple):
    """Compounds written apart, one row per occurrence (see :meth:`Analyzer.counts`)."""

    text: np.ndarray
    at: np.ndarray
    keys: list[str]
    written: list[str]


class Phrases:
    """Finds names of one or more words (place names) among a text's folded words.

    Longest names first at each position, so *Hart van Zuid* wins over *Zuid*; only
    the words that open a name are looked at further.

    Examples
    --------
    >>> phrases = Phrases({"hart van zuid": "hvz", "zuid": "z"})
    >>> phrases.find(words("Groen in Hart van Zuid en zuid"))
    [(2, 5, 'hvz'), (6, 7, 'z')]
    """

    def __init__(self, names: Mapping[str, str]) -> None:
        self._values = {tuple(words(name)): value for name, value in names.items() if words(name)}
        sizes: dict[str, set[int]] = {}
        for phrase in self._values:
            sizes.setdefault(phrase[0], set()).add(len(phrase))
        # The lengths of the names each first word opens, longest first.
        self._sizes = {first: sorted(lengths, reverse=True) for first, lengths in sizes.items()}

    @property
    def names(self) -> list[tuple[str, ...]]:
        """The names, each as its folded words."""
        return list(self._values)

    def find(self, tokens: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, value) of each name found, left to right, not overlapping."""
        found: list[tuple[int, int, str]] = []
        position = 0
        for start in [i for i, token in enumerate(tokens) if token in self._sizes]:
            if start < position:
                continue
            for size in self._sizes[tokens[start]]:
                if start + size > len(tokens):  # a longer name cut off by the text's end
                    continue
                value = self._values.get(tuple(tokens[start : start + size]))
                if value is not None:
                    found.append((start, start + size, value))
                    position = start + size
                    break
        return found

    def remove(self, tokens: list[str]) -> list[str]:
        """The tokens without the names in them."""
        found = self.find(tokens)
        if not found:
            return tokens
        kept, position = [], 0
        for start, end, _ in found:
            kept += tokens[position:start]
            position = end
        return kept + tokens[position:]


def strip_track(title: str, track: str | None) -> str:
    """A title without its track's name in front (``Overlast en veiligheid - Cameratoezicht``).

    Some contracts open every title with the name of its track: shared by all
    efforts of the track, it would make them all look alike.

    Examples
    --------
    >>> strip_track("Overlast en veiligheid - Cameratoezicht", "Overlast en veiligheid")
    'Cameratoezicht'
    >>> strip_track("Overlast aanpakken", "Overlast en veiligheid")
    'Overlast aanpakken'
    """
    if not track or not fold(title).startswith(fold(track)):
        return title
    rest = title[len(track) :]
    separator = _TRACK_SEPARATOR.match(rest)
    return rest[separator.end() :] if separator and rest[separator.end() :] else title


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    # The classic (Porter-style) Dutch Snowball stemmer: Snowball 3's new "dutch" also strips
    # prefixes, putting *gemeente* on "meen" and *geveltuinen* on "veltuin".
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball Dutch stem of a folded word, with agent nouns on the stem of their verb.

    Snowball leaves *handhaver* and *handhaving* on different stems; cutting the
    ending -er after it meets the two where what remains is still a word's stem.

    Examples
    --------
    A plural in -s after a vowel (*coöperaties*, *campagnes*) meets its singular, which
    Snowball leaves apart: -ies always, -es where the singular is a Dutch word.

    >>> [stem(w) for w in ("handhaving", "handhavers", "woningen", "woning")]
    ['handhav', 'handhav', 'woning', 'woning']
    >>> stem("energiecooperaties") == stem("energiecooperatie"), stem("campagnes") == stem("campagne")
    (True, True)
    """
    if word.endswith(("ieen", "eeen")):  # strategieën, folded, is the plural of strategie
        word = word[:-2]
    elif len(word) >= _MIN_BASE and (word.endswith("ies") or (word.endswith("es") and zipf(word[:-1]) >= KNOWN_ZIPF)):
        word = word[:-1]
    stemmed: str = _stemmer().stemWord(word)
    if stemmed.endswith("er") and len(stemmed) >= 8 and word.endswith(("er", "ers")):
        stemmed = stemmed[:-2]
    return stemmed


@cache
def _frequencies() -> dict[str, float]:
    """Dutch word frequencies (wordfreq ships them in the package: no download)."""
    import wordfreq

    return wordfreq.get_frequency_dict("nl")


@cache
def _dutch_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words common in Dutch (from :data:`KNOWN_ZIPF` on), and their stems: a word
    on one of those stems is no compound (*handhaver*, on the stem of *handhaving*)."""
    floor = 10**KNOWN_ZIPF / 1e9
    dutch = frozenset(w for w, f in _frequencies().items() if f >= floor and len(w) >= _MIN_PART and w.isalpha())
    return dutch, frozenset(map(stem, dutch - STOP_WORDS))


@cache
def _words_by_stem() -> dict[str, tuple[str, ...]]:
    """The common Dutch words (see :func:`_dutch_words`) on each stem."""
    dutch, _ = _dutch_words()
    found: dict[str, list[str]] = defaultdict(list)
    for word in sorted(dutch - STOP_WORDS):
        found[stem(word)].append(word)
    return {key: tuple(words) for key, words in found.items()}


def zipf(word: str) -> float:
    """A word's Zipf frequency in Dutch (0 for a word wordfreq does not know)."""
    import math

    frequency = _frequencies().get(word, 0.0)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def split_compound(word: str, known: frozenset[str] | set[str]) -> list[str]:
    """The parts of a Dutch compound, or the word alone.

    Tries the longest known head first; the rest, less a linking *s*, *e* or *en*,
    must be a known word or split again.  Parts are at least four letters and a
    derivational ending (*-heid*, *-ing*) is never a part.

    Examples
    --------
    >>> known = {"handhaving", "capaciteit", "hitte", "stress"}
    >>> split_compound("handhavingscapaciteit", known)
    ['handhaving', 'capaciteit']
    >>> split_compound("hittestress", known)
    ['hitte', 'stress']
    >>> split_compound("handhaving", known)
    ['handhaving']
    """
    if len(word) < _MIN_COMPOUND:
        return [word]
    for cut in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
        head, rest = word[:cut], word[cut:]
        if head not in known:
            continue
        for tail in (rest, *(rest[len(link) :] for link in _LINKS if rest.startswith(link))):
            if len(tail) < _MIN_PART or tail in _SUFFIXES:
                continue
            if tail in known:
                return [head, tail]
            parts = split_compound(tail, known)
            if len(parts) > 1:
                return [head, *parts]
    return [word]


class Analyzer:
    """Reads the texts of one corpus into terms (see the module docs).

    Parameters
    ----------
    vocabulary:
        Words of the corpus (folded): they count as known parts of compounds.
    places:
        Place names (areas, municipalities): their words are no topic.
    synonyms:
        Single words read as another (``{"blauw": "water"}``).
    """

    def __init__(
        self, vocabulary: Iterable[str] = (), places: Iterable[str] = (), synonyms: Mapping[str, str] | None = None
    ) -> None:
        dutch, self.dutch_stems = _dutch_words()
        self.vocabulary = frozenset(w for w in vocabulary if len(w) >= _MIN_COMPOUND)
        self.known = (dutch | _LEXICON | {w for w in vocabulary if len(w) >= _MIN_PART}) - STOP_WORDS
        # Place names are removed as whole phrases (*Kolkwijk-Zuid*), longest first; a
        # single word of a name (*zuid*) elsewhere stays.
        self._places = Phrases({name: name for name in places})
        self.synonyms = dict(DEFAULT_SYNONYMS if synonyms is None else synonyms)
        self._keys: dict[str, tuple[str, ...]] = {}
        self._simplex_stems: dict[str, bool] = {}
        self._written: dict[str, dict[str, str]] = {}

    def keys(self, word: str) -> tuple[str, ...]:
        """The keys a folded word counts under: its stem, then its parts' stems (topic words only)."""
        found = self._keys.get(word)
        if found is None:
            found = self._keys[word] = self._word_keys(word)
        return found

    def _word_keys(self, word: str) -> tuple[str, ...]:
        word = self.synonyms.get(word, word)
        if len(word) < 3 or word.isdigit() or word in STOP_WORDS or word in GENERIC_WORDS:
            return ()
        parts = [word] if self._simplex(word) else split_compound(word, self.known)
        keys = [stem(word)]
        if len(parts) > 1:
            keys += [stem(p) for p in parts if p not in STOP_WORDS and p not in GENERIC_WORDS]
        # A verb made with a prefix names what its base word names: *vergroenen* is about *groen*.
        for prefix in _VERB_PREFIXES:
            base = word[len(prefix) :]
            if word.startswith(prefix) and len(base) >= _MIN_BASE and stem(base) in self.dutch_stems:
                keys.append(stem(base))
        # A comparative names what its adjective names: *schoner* is about *schoon*.
        if word.endswith("er") and len(word) >= _MIN_BASE and stem(word[:-2]) in self.dutch_stems:
            keys.append(stem(word[:-2]))
        return tuple(dict.fromkeys(keys))

    def _simplex(self, word: str) -> bool:
        """Whether a word is no compound: another common Dutch word on its stem does not split
        (*handhaver*, on the stem of *handhaving*, is no *hand·haver*), while a common compound
        whose every form splits (*wateroverlast*, *jeugdzorg*) is split like a rare one."""
        key = stem(word)
        found = self._simplex_stems.get(key)
        if found is None:
            others = (w for w in _words_by_stem().get(key, ()) if w != word)
            found = self._simplex_stems[key] = any(len(split_compound(w, self.known)) == 1 for w in others)
        return found

    def terms(self, text: str) -> list[Term]:
        """The terms of a text, in text order.

        Examples
        --------
        >>> terms = Analyzer(places=["Almelo"]).terms("Inwoners van Almelo stimuleren handhavingscapaciteit")
        >>> [term.key for term in terms]
        ['handhavingscapaciteit', 'handhav', 'capaciteit']
        >>> {term.written for term in terms}
        {'handhavingscapaciteit'}
        """
        found = self.words(text)
        terms = [Term(word, key) for word in found for key in self.keys(word)]
        # A compound written apart (*natuur kas*, *energie-strategie*) also counts as the
        # compound, where the corpus writes it together somewhere.
        for first, second in itertools.pairwise(found):
            key = self._compound_key(first + second) if self.keys(first) and self.keys(second) else None
            if key is not None:
                terms.append(Term(f"{first} {second}", key))
        return terms

    def without_places(self, tokens: Tokens) -> Tokens:
        """The tokens without the place names in them, as :meth:`words` reads each text:
        left to right, the longest name at each place first, names not overlapping."""
        import numpy as np

        number = {word: i for i, word in enumerate(tokens.words)}
        names = [name for name in self._places.names if all(word in number for word in name)]
        if not names or not len(tokens.ids):
            return tokens
        ids = tokens.ids
        end = np.repeat(tokens.starts[1:], np.diff(tokens.starts))  # where each token's text ends
        # Where each word opening a name stands, grouped by word.
        at = np.flatnonzero(np.isin(ids, [number[name[0]] for name in names]))
        at = at[np.argsort(ids[at], kind="stable")]
        opening = ids[at]
        starts, sizes = [], []
        for name in names:
            word = number[name[0]]
            found = at[np.searchsorted(opening, word) : np.searchsorted(opening, word, side="right")]
            found = found[found + len(name) <= end[found]]
            for offset, other in enumerate(name[1:], start=1):
                found = found[ids[found + offset] == number[other]]
            starts.append(found)
            sizes.append(np.full(len(found), len(name)))
        start, size = np.concatenate(starts), np.concatenate(sizes)
        keep = np.ones(len(ids), dtype=bool)
        reached = 0
        order = np.lexsort((-size, start))
        for first, length in zip(start[order].tolist(), size[order].tolist(), strict=True):
            if first >= reached:  # the longest name here, not inside the one before
                keep[first : first + length] = False
                reached = first + length
        kept = np.concatenate([[0], np.cumsum(keep)])
        return Tokens(tokens.words, ids[keep], kept[tokens.starts])

    def has_terms(self, tokens: Tokens) -> np.ndarray:
        """For each distinct word, whether it has terms (is a topic word)."""
        import numpy as np

        return np.fromiter((bool(self.keys(w)) for w in tokens.words), dtype=bool, count=len(tokens.words))

    def counts(self, tokens: Tokens) -> TermCounts:
        """Texts × terms counts of tokenised texts (place names already left out): what
        :meth:`terms` gives text by text, each distinct word analysed once.

        A text's counts are its words' (texts × words @ words × terms), plus the
        compounds written apart (see :meth:`terms`).
        """
        import numpy as np
        import scipy.sparse as sp

        texts, size = len(tokens.starts) - 1, len(tokens.words)
        seen, first_at = np.unique(tokens.ids, return_index=True)
        word_keys: list[tuple[str, ...]] = [()] * size
        for i in seen.tolist():
            word_keys[i] = self.keys(tokens.words[i])
        joined = self._joined(tokens, np.fromiter(map(bool, word_keys), dtype=bool, count=size))
        keys = sorted({key for found in word_keys for key in found} | set(joined.keys))
        column = {key: i for i, key in enumerate(keys)}
        per_word = np.fromiter(map(len, word_keys), dtype=np.int64, count=size)
        key_of = np.fromiter((column[k] for found in word_keys for k in found), dtype=np.int64, count=per_word.sum())
        word_terms = sp.csr_matrix(
            (np.ones(len(key_of), dtype=np.float32), key_of, np.concatenate([[0], np.cumsum(per_word)])),
            shape=(size, len(keys)),
        )
        text_words = sp.csr_matrix(
            (np.ones(len(tokens.ids), dtype=np.float32), tokens.ids, tokens.starts), shape=(texts, size)
        )
        text_words.sum_duplicates()
        joined_columns = np.fromiter((column[k] for k in joined.keys), dtype=np.int64, count=len(joined.keys))
        counts = sp.csr_matrix(
            text_words @ word_terms
            + sp.csr_matrix(
                (np.ones(len(joined.text), dtype=np.float32), (joined.text, joined_columns)), shape=(texts, len(keys))
            )
        )
        counts.sort_indices()
        return TermCounts(counts, keys, self._first_written(tokens, word_keys, first_at, seen, joined, column))

    def _joined(self, tokens: Tokens, topic: np.ndarray) -> _Joined:
        """The compounds written apart (*natuur kas*) that the corpus writes together: per
        occurrence, its text, its place in the tokens, its key and how it was written."""
        import numpy as np

        ids, starts, size = tokens.ids, tokens.starts, len(tokens.words)
        first, second = ids[:-1], ids[1:]
        length = np.fromiter(map(len, tokens.words), dtype=np.int64, count=size)
        inside = np.ones(len(first), dtype=bool)
        cuts = starts[1:-1]
        inside[cuts[(cuts > 0) & (cuts < len(ids))] - 1] = False  # a pair does not cross two texts
        at = np.flatnonzero(inside & topic[first] & topic[second] & (length[first] + length[second] >= _MIN_COMPOUND))
        distinct, which = np.unique(first[at] * size + second[at], return_inverse=True)
        written = [f"{tokens.words[code // size]} {tokens.words[code % size]}" for code in distinct.tolist()]
        keys = [self._compound_key(apart.replace(" ", "")) for apart in written]
        found = np.asarray([key is not None for key in keys], dtype=bool)[which]
        at, which = at[found], which[found]
        return _Joined(
            np.searchsorted(starts, at, side="right") - 1,
            at,
            [str(keys[i]) for i in which.tolist()],
            [written[i] for i in which.tolist()],
        )

    def _compound_key(self, joined: str) -> str | None:
        """The key of two topic words written apart where the corpus writes them together."""
        return self.keys(joined)[0] if joined in self.vocabulary and self.keys(joined) else None

    def _first_written(
        self,
        tokens: Tokens,
        word_keys: list[tuple[str, ...]],
        first_at: np.ndarray,
        seen: np.ndarray,
        joined: _Joined,
        column: dict[str, int],
    ) -> list[str]:
        """Each term's word as first written, in the order :meth:`terms` meets them: a
        text's words, then its compounds written apart, text after text."""
        import numpy as np

        # A word's terms come at twice its first place; a text's compounds written apart
        # come after its last word (twice its place plus one), in their order.
        ranks, columns, writings = [], [], []
        for i, at in zip(seen.tolist(), first_at.tolist(), strict=True):
            for key in word_keys[i]:
                ranks.append(2 * at * (len(tokens.ids) + 1))
                columns.append(column[key])
                writings.append(tokens.words[i])
        ends = tokens.starts[joined.text + 1] - 1
        ranks += ((2 * ends + 1) * (len(tokens.ids) + 1) + joined.at).tolist()
        columns += [column[k] for k in joined.keys]
        writings += joined.written
        if not columns:
            return []
        order = np.lexsort((np.asarray(ranks, dtype=np.int64), np.asarray(columns, dtype=np.int64)))
        by_column = np.asarray(columns, dtype=np.int64)[order]
        firsts = order[np.flatnonzero(np.r_[True, by_column[1:] != by_column[:-1]])]
        return [writings[i] for i in firsts.tolist()]

    def written(self, text: str) -> dict[str, str]:
        """Each key of a text's terms and the word it was first written as."""
        found = self._written.get(text)
        if found is None:
            found = self._written[text] = {}
            for term in self.terms(text):
                found.setdefault(term.key, term.written)
        return found

    def words(self, text: str) -> list[str]:
        """The folded words of a text, place names left out."""
        return self._places.remove(words(text))

    def weight(self, word: str) -> float:
        """How much a word counts: 1 for a rare word, down to :data:`MIN_WEIGHT` for the most common.

        Examples
        --------
        >>> analyzer = Analyzer()
        >>> analyzer.weight("hittestress") > analyzer.weight("ruimte")
        True
        """
        if word in GROUP_WORDS:
            return MIN_WEIGHT
        return min(1.0, max(MIN_WEIGHT, (COMMON_ZIPF - zipf(word)) / 2))
