"""What a text is about: the subjects of Dutch municipal policy its words name.

Two programmes can handle one subject without sharing a word: *ontstenen en groene
daken* and *tegengaan hittestress* are both climate adaptation.  A **thesaurus**
(``subjects.yaml``, package data, organised by the BBV *taakvelden*) lists per
subject a Dutch and an English label and the Dutch words that name it;
:class:`SubjectReader` finds the subjects a text names through the text analysis
of ``_text`` (stems and compound parts), so *hittestressmaatregelen* names
climate adaptation too.  Users extend or replace the thesaurus with a file of the
same shape (docs/overlap.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from din_graph._analysis._text import GENERIC_WORDS, STOP_WORDS, Analyzer, fold, words
from din_graph._errors import DinArgumentError, DinError, DinFileError
from din_graph._vocab import Lang

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

#: Finds the thesaurus's phrases in texts × words (see :meth:`SubjectReader.words`).
PhraseFinder = Callable[["sp.csr_matrix"], tuple["np.ndarray", "np.ndarray", "np.ndarray"]]

__all__ = ["BUILTIN", "Reading", "Subject", "SubjectReader", "Thesaurus", "load_thesaurus", "thesaurus_for"]

#: The thesaurus shipped with din_graph.
BUILTIN = Path(__file__).with_name("subjects.yaml")
#: A thesaurus word this long also names a subject as the front or back of a longer
#: compound (*hittestress·maatregelen*, *kinder·armoede*); shorter ones only as a
#: stem or a compound part the splitter finds.
EDGE_LETTERS = 6
#: What may not follow a word at the front of a compound: a derivational ending
#: makes another word (*natuur·lijk* is no nature).
_ENDINGS = ("lijk", "lijke", "heid", "ing", "ingen", "isch", "ische", "baar", "loos", "er", "ers", "s", "e", "en")
#: Endings Snowball strips that make another word: *natuurlijk* is no nature.
_ADVERBS = ("lijk", "lijke")
_KEYS = {"taakveld": "taakveld", "nl": "nl", "en": "en", "words": "words", "woorden": "words"}
_TOP = {"subjects": "subjects", "onderwerpen": "subjects", "replace": "replace", "vervangen": "replace"}


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject: its id, BBV taakveld, Dutch and English label, and the words naming it."""

    id: str
    taakveld: str
    nl: str
    en: str
    words: tuple[str, ...]

    def label(self, lang: Lang = "nl") -> str:
        """The subject's label in ``lang``."""
        return self.en if lang == "en" else self.nl


class Reading(NamedTuple):
    """What :meth:`SubjectReader.read` finds in a text."""

    named: dict[int, tuple[str, ...]]
    """Each subject (a number into the thesaurus) and the text's words naming it, in text order."""
    coverage: float
    """The share of the text's content words that name one of its subjects."""


@dataclass(frozen=True)
class Thesaurus:
    """Subjects, in the order they were written."""

    subjects: tuple[Subject, ...] = ()

    def __len__(self) -> int:
        return len(self.subjects)

    def extended(self, other: Thesaurus) -> Thesaurus:
        """This thesaurus with ``other``'s subjects added: a subject of the same id gets
        ``other``'s words too, and its labels where ``other`` gives them."""
        merged = {s.id: s for s in self.subjects}
        for subject in other.subjects:
            old = merged.get(subject.id)
            if old is None:
                merged[subject.id] = subject
                continue
            merged[subject.id] = Subject(
                subject.id,
                subject.taakveld or old.taakveld,
                subject.nl or old.nl,
                subject.en or old.en,
                tuple(dict.fromkeys(old.words + subject.words)),
            )
        return Thesaurus(tuple(merged.values()))


def thesaurus_for(subjects: str | Path | Mapping[str, Any] | None) -> Thesaurus:
    """The thesaurus ``overlaps(subjects=...)`` reads with.

    ``None``: the built-in one; ``{}``: none at all; a file or a mapping of the
    file's shape: the built-in one extended with it, or replaced by it where it says
    ``replace: true``.

    Raises
    ------
    DinFileError
        A thesaurus file that does not load or is malformed (file, line and subject named).
    DinArgumentError
        A malformed mapping (the subject named).

    Examples
    --------
    >>> extra = {"subjects": {"klimaatadaptatie": {"words": ["koeltekaart"]}}}
    >>> thesaurus = thesaurus_for(extra)
    >>> [s.words[-1] for s in thesaurus.subjects if s.id == "klimaatadaptatie"]
    ['koeltekaart']
    >>> len(thesaurus_for({}))
    0
    """
    if subjects is None:
        return builtin_thesaurus()
    if isinstance(subjects, Mapping) and not subjects:
        return Thesaurus()
    given, replace = load_thesaurus(subjects, base=builtin_thesaurus())
    return given if replace else builtin_thesaurus().extended(given)


@cache
def builtin_thesaurus() -> Thesaurus:
    """The thesaurus shipped with din_graph (read once, when overlap first needs it)."""
    return load_thesaurus(BUILTIN)[0]


def load_thesaurus(source: str | Path | Mapping[str, Any], *, base: Thesaurus | None = None) -> tuple[Thesaurus, bool]:
    """Read and check a thesaurus file (YAML or JSON) or mapping; and whether it replaces
    the built-in one.

    ``base`` is the thesaurus it extends: a subject not in it needs both labels.

    Raises
    ------
    DinFileError
        The file does not load, or is malformed (file, line and subject named).
    DinArgumentError
        The mapping is malformed (subject named).

    Examples
    --------
    >>> thesaurus, replace = load_thesaurus(BUILTIN)
    >>> [(s.taakveld, s.nl, s.en) for s in thesaurus.subjects if s.id == "klimaatadaptatie"]
    [('7.4', 'klimaatadaptatie', 'climate adaptation')]
    >>> load_thesaurus({"subjects": {"zwemwater": {"words": ["zwemwater"]}}}, base=thesaurus)
    Traceback (most recent call last):
    din_graph._errors.DinArgumentError: subjects: subject 'zwemwater': a new subject needs a Dutch (nl) and an ...
    """
    if isinstance(source, Mapping):

        def mapping_fail(_where: tuple[str | int, ...], message: str) -> DinError:
            return DinArgumentError(f"subjects: {message}")

        return _parse(source, mapping_fail, base)
    from din_graph._io._reader import read_document

    document = read_document(Path(source), shown=str(source))

    def file_fail(where: tuple[str | int, ...], message: str) -> DinError:
        return DinFileError(document.file, message, document.line(where))

    return _parse(document.data, file_fail, base)


Fail = Callable[[tuple[str | int, ...], str], DinError]


def _parse(data: Any, fail: Fail, base: Thesaurus | None) -> tuple[Thesaurus, bool]:
    shape = "a thesaurus holds 'subjects' (a mapping of subject id to nl, en, taakveld and words) and 'replace'"
    if not isinstance(data, Mapping) or any(str(k) not in _TOP for k in data):
        raise fail((), shape)
    top = {_TOP[str(k)]: (v, (k,)) for k, v in data.items()}
    replace, at = top.get("replace", (False, ()))
    if not isinstance(replace, bool):
        raise fail(at, "'replace' is true or false")
    entries, at = top.get("subjects", ({}, ()))
    if not isinstance(entries, Mapping):
        raise fail(at, shape)
    known = {s.id for s in base.subjects} if base is not None and not replace else set()
    subjects = (_subject(str(i), entry, (*at, i), fail, extends=str(i) in known) for i, entry in entries.items())
    return Thesaurus(tuple(subjects)), replace


def _subject(sid: str, entry: Any, where: tuple[str | int, ...], fail: Fail, *, extends: bool) -> Subject:
    if not isinstance(entry, Mapping):
        raise fail(where, f"subject {sid!r}: write a mapping with nl, en, taakveld and words")
    unknown = sorted(str(k) for k in entry if str(k) not in _KEYS)
    if unknown:
        raise fail((*where, unknown[0]), f"subject {sid!r}: unknown key {unknown[0]!r}; known: nl, en, taakveld, words")
    fields = {_KEYS[str(k)]: (v, (*where, k)) for k, v in entry.items()}
    labels = {}
    for name in ("nl", "en", "taakveld"):
        value, at = fields.get(name, (None, where))
        if value is not None and (not isinstance(value, str | int | float) or not str(value).strip()):
            raise fail(at, f"subject {sid!r}: {name!r} is text")
        labels[name] = str(value).strip() if value is not None else ""
    if not extends and not (labels["nl"] and labels["en"]):
        raise fail(where, f"subject {sid!r}: a new subject needs a Dutch (nl) and an English (en) label")
    given, at = fields.get("words", (None, where))
    if not isinstance(given, list) or not given:
        raise fail(at, f"subject {sid!r}: 'words' is a list of the Dutch words that name it")
    found = []
    for index, word in enumerate(given):
        if not isinstance(word, str) or not word.strip():
            raise fail((*at, index), f"subject {sid!r}: words[{index}] is not text")
        if not _content(word):
            raise fail(
                (*at, index), f"subject {sid!r}: word {word!r} names nothing (stop words and generic policy words only)"
            )
        found.append(fold(word).strip())
    return Subject(sid, labels["taakveld"], labels["nl"], labels["en"], tuple(dict.fromkeys(found)))


def _content(phrase: str) -> list[str]:
    """The words of a phrase that can name a subject (no stop or generic words, no numbers)."""
    return [w for w in _parts(phrase) if len(w) >= 3 and not w.isdigit() and w not in GENERIC_WORDS]


def _parts(phrase: str) -> list[str]:
    """The words of a thesaurus entry a text must hold: all but stop words (and the *s* of *camera's*)."""
    return [w for w in words(phrase) if len(w) >= 2 and w not in STOP_WORDS]


class SubjectReader:
    """Finds the subjects a text names (see the module docs), through one corpus's :class:`Analyzer`.

    Examples
    --------
    >>> reader = SubjectReader(builtin_thesaurus(), Analyzer())
    >>> found = reader.subjects("Ontstenen van tuinen en groene daken")
    >>> [(reader.thesaurus.subjects[i].id, named) for i, named in found.items()]
    [('bewonersgroen', ('tuinen',)), ('klimaatadaptatie', ('ontstenen', 'groene daken'))]
    >>> [reader.thesaurus.subjects[i].id for i in reader.subjects("Hittestressmaatregelen")]
    ['klimaatadaptatie']
    """

    def __init__(self, thesaurus: Thesaurus, analyzer: Analyzer) -> None:
        self.thesaurus = thesaurus
        self.analyzer = analyzer
        self._stems: dict[str, set[int]] = {}
        self._edges: dict[str, set[int]] = {}
        # Phrases by their first word's key: a text is checked only for the phrases it may hold.
        self._phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for number, subject in enumerate(thesaurus.subjects):
            for entry in subject.words:
                self._add(entry, number)
        self._of_word: dict[str, frozenset[int]] = {}
        self._heads: dict[str, str] = {}
        self._found: dict[str, dict[int, tuple[str, ...]]] = {}

    def _add(self, entry: str, number: int) -> None:
        needed = [self._need(part) for part in _parts(entry)]
        if len(needed) == 1 and not needed[0].startswith("="):
            self._stems.setdefault(needed[0], set()).add(number)
            if len(entry) >= EDGE_LETTERS and entry.isalpha():
                self._edges.setdefault(entry, set()).add(number)
        elif any(not need.startswith("=") for need in needed):
            first = next(need for need in needed if not need.startswith("="))
            self._phrases.setdefault(first, []).append((tuple(dict.fromkeys(needed)), number))

    def _need(self, word: str) -> str:
        """What a text needs to hold for a word of a thesaurus phrase: its key, or a word
        without one (*gebied* in *landelijk gebied*) as written, marked with ``=``."""
        keys = self.analyzer.keys(word)
        return keys[0] if keys else f"={word}"

    def subjects(self, text: str) -> dict[int, tuple[str, ...]]:
        """The subjects (numbers into the thesaurus) a text names, each with its words as
        written (folded), in text order."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self.read(self.analyzer.words(text)).named
        return found

    def read(self, found: list[str]) -> Reading:
        """The subjects a text of these folded words (place names left out) names, and how
        much of it they are (see :meth:`coverage`)."""
        distinct = list(dict.fromkeys(found))
        named: dict[int, list[str]] = {}
        for word in distinct:
            for number in self._word_subjects(word):
                named.setdefault(number, []).append(word)
        whole = {self._whole(word): word for word in reversed(distinct)}  # the first writing of each
        for first in [key for key in whole if key in self._phrases]:
            for phrase, number in self._phrases[first]:
                if all(k in whole for k in phrase):
                    named.setdefault(number, []).append(" ".join(whole[k] for k in phrase))
        content = {word for word in distinct if self.analyzer.keys(word)}
        naming = {part for words_ in named.values() for word in words_ for part in word.split()}
        share = len(content & naming) / len(content) if content else 0.0
        return Reading({n: tuple(dict.fromkeys(w)) for n, w in sorted(named.items())}, share)

    def words(self, vocabulary: list[str]) -> tuple[sp.csr_matrix, np.ndarray, PhraseFinder]:
        """What :meth:`read` works out per text, per distinct word of a corpus: words ×
        subjects (1 where the word names the subject), whether each word is a content word,
        and a function finding the phrases in texts × words (1 where the text holds the
        word): the (text, subject) of each phrase found and how many of its words name no
        subject alone."""
        import numpy as np
        import scipy.sparse as sp

        rows, cols = [], []
        for i, word in enumerate(vocabulary):
            for number in self._word_subjects(word):
                rows.append(i)
                cols.append(number)
        shape = (len(vocabulary), max(1, len(self.thesaurus)))
        word_subjects = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=shape)
        content = np.fromiter((bool(self.analyzer.keys(w)) for w in vocabulary), dtype=bool, count=len(vocabulary))
        alone = word_subjects.getnnz(axis=1) > 0
        by_need: dict[str, list[int]] = {}
        for i, word in enumerate(vocabulary):
            by_need.setdefault(self._whole(word), []).append(i)

        def phrases(text_words: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            columns = sp.csc_matrix(text_words)
            found_rows, found_cols, found_words = [], [], []
            for phrase, number in (p for group in self._phrases.values() for p in group):
                if not all(need in by_need for need in phrase):
                    continue
                holding = None
                for need in phrase:
                    has = np.unique(columns[:, by_need[need]].indices)
                    holding = has if holding is None else np.intersect1d(holding, has, assume_unique=True)
                    if not len(holding):
                        break
                if holding is not None and len(holding):
                    found_rows.append(holding)
                    found_cols.append(np.full(len(holding), number))
                    new = sum(1 for need in phrase if not alone[by_need[need]].any())
                    found_words.append(np.full(len(holding), float(new)))
            if not found_rows:
                return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
            return np.concatenate(found_rows), np.concatenate(found_cols), np.concatenate(found_words)

        return word_subjects, content, phrases

    def _whole(self, word: str) -> str:
        """A word's own key (not its parts': *energielabel* is no *energie* of *duurzame
        energie*), or, for a word without one, the word marked ``=``."""
        found = self._heads.get(word)
        if found is None:
            keys = self.analyzer.keys(word)
            found = self._heads[word] = keys[0] if keys else f"={word}"
        return found

    def coverage(self, text: str) -> float:
        """The share of a text's content words that name one of its subjects: 1 for a text
        all about them (*Tegengaan hittestress*), less where they are one aside among many.

        Examples
        --------
        >>> reader = SubjectReader(builtin_thesaurus(), Analyzer())
        >>> reader.coverage("Tegengaan hittestress")
        1.0
        >>> reader.coverage("Hittestress: een kaart met koele plekken voor ouderen")
        0.2
        """
        return self.read(self.analyzer.words(text)).coverage

    def _word_subjects(self, word: str) -> frozenset[int]:
        found = self._of_word.get(word)
        if found is None:
            found = self._of_word[word] = self._match(word)
        return found

    def _match(self, word: str) -> frozenset[int]:
        keys = self.analyzer.keys(word) if " " not in word else ()  # a compound written apart: its parts count
        if not keys:
            return frozenset()
        if word.endswith(_ADVERBS) and word not in self._edges:
            keys = keys[1:]  # Snowball puts *natuurlijk* on the stem of *natuur*
        out = {n for key in keys for n in self._stems.get(key, ())}
        edges = self._edges
        for cut in range(EDGE_LETTERS, len(word) - 2):  # the word at the front, three letters or more after it
            if word[:cut] in edges and word[cut:] not in _ENDINGS:
                out |= edges[word[:cut]]
        for cut in range(4, len(word) - EDGE_LETTERS + 1):  # at the back, after a word (*bio·diversiteit* is not)
            if word[cut:] in edges:
                out |= edges[word[cut:]]
        return frozenset(out)
