"""Dutch policy text reduced to what it is about.

Overlap detection compares titles and descriptions written by different
people: compounds together or apart (*klimaatadaptatie* / *klimaat adaptatie*),
inflected (*woning* / *woningen*, *vergroenen* / *vergroening*), reordered,
with typos.  This module turns a text into:

* **content parts**: words without stop words, generic policy words
  (*stimuleren*, *versterken*, *inwoners*) and place names, with compounds split
  into their parts and each part stemmed with the Snowball Dutch stemmer;
* **compound keys**: a split compound also yields its joined key, so that
  *klimaatplan* and *klimaat plan* share a rare feature (used to find candidates).

Place names are removed from the text because a shared place says nothing
about a shared topic; the overlap analysis compares areas as a signal of its own.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

__all__ = [
    "DEFAULT_SYNONYMS",
    "GENERIC_WORDS",
    "GROUP_WORDS",
    "STOP_WORDS",
    "Analyzer",
    "Corpus",
    "TextFeatures",
    "TextMatrices",
    "corpus_of",
    "count_words",
    "fold",
    "one_deleted",
    "words",
]


def _wordlist(text: str) -> frozenset[str]:
    """Word lists read best as plain text, one space between words."""
    return frozenset(text.split())


#: Dutch function words.
STOP_WORDS = _wordlist(
    """
    aan af al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens
    en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon
    kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds
    te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal
    ze zelf zich zij zijn zo zonder zou zoals waarbij waarin waarmee waardoor hierbij daarbij daarmee daarnaast
    zowel hun onze ons jullie wij zullen zouden kunnen mogen moeten gaan gaat gaan komt komen staat staan via
    per rond o.a. oa m.b.t. mbt t.b.v. tbv incl etc d.w.z. dwz bv bijv
    """
)

#: Words every municipal plan uses whatever it is about; they carry no topic.
GENERIC_WORDS = _wordlist(
    """
    stimuleren stimuleert stimulering bevorderen bevordert versterken versterkt versterking verbeteren verbetert
    verbetering realiseren realiseert realisatie ontwikkelen ontwikkelt ontwikkeling opstellen stelt uitvoeren
    uitvoering voert aanpak aanpakken inzetten inzet zorgen zorgt werken werkt samenwerken samenwerking samen
    ondersteunen ondersteuning ondersteunt faciliteren faciliteert betrekken betrokken betrokkenheid aanjagen
    aanjaagt starten start opzetten zetten onderzoeken onderzoek onderzoekt verkennen verkenning gemeente
    gemeentelijk gemeentelijke programma programmas project projecten activiteit activiteiten inwoners inwoner
    bewoners bewoner burgers partners partner organisaties organisatie instellingen wijk wijken buurt buurten
    dorp dorpen stad stedelijk stedelijke gebied gebieden centrum meer minder nieuwe nieuw goede goed beter
    beste extra diverse verschillende andere overige eigen jaar jaarlijks jaarlijkse jaren plan plannen doel
    doelen doelstelling gericht gerichte mogelijk mogelijkheden kansen kans waar wanneer welke daarvan ervan
    hiervan hiervoor daarvoor zodat waardoor zodanig voldoende betrekking bijdragen bijdraagt diverse divers
    aanpassen passend passende vanuit binnen buiten tussen zien zorgdragen blijven houden maken maakt komen
    krijgen geven nemen brengen invulling tegengaan tegen voorkomen verhogen verhoging verlagen uitbreiden
    uitbreiding opzetten aanleggen aanleg samenleving samenlevingen
    """
)

#: Who an effort is for.  Standalone target-group words are also reported
#: apart, as evidence of a shared audience.
GROUP_WORDS = _wordlist(
    """
    ouderen senioren jongeren tieners kinderen jeugdigen gezinnen ouders statushouders nieuwkomers vluchtelingen
    ondernemers ondernemer zzpers zzp huurders huurder woningeigenaren eigenaren mantelzorgers vrijwilligers
    scholieren studenten leerlingen werkzoekenden uitkeringsgerechtigden minima laaggeletterden mensen beperking
    daklozen thuislozen verenigingen sportverenigingen vve vves bezoekers toeristen werkgevers werknemers
    """
)

#: Words policy texts use for one another: each is read as the word it maps to.
#: *Groen en blauw* is green space and water; a plan for *blauw* is about water.
DEFAULT_SYNONYMS: dict[str, str] = {"blauw": "water"}

_WORD = re.compile(r"[0-9a-z]+")
_MIN_PART = 3
_MIN_COMPOUND = 7
_MIN_TYPO = 7
_VOWELS = frozenset("aeiouy")
_MIN_HEAD = 4
_MIN_TAIL = 5
_VERB_PREFIXES = ("ver", "be")
#: Derivational endings, never the second half of a compound.
_SUFFIXES = _wordlist(
    """
    heid heden heids ing ingen ings er ers ier iers schap schappen isme teit baar lijk lijke loos loze ig ige
    isch ische ief ieve tje tjes je jes
    """
)
_LINKS = ("s", "e", "en")
_ARTICLES = frozenset({"de", "het", "een"})
_LATIN_PLURALS = (("centra", "centrum"), ("musea", "museum"), ("criteria", "criterium"))
_LATIN_ENDINGS = tuple(plural for plural, _ in _LATIN_PLURALS)
#: Residents under any name are who an effort is for, not what it is about:
#: a *bewonersinitiatief* and an *inwonersinitiatief* are one thing.
_PEOPLE = frozenset({"bewoner", "inwoner", "burger"})
#: A written word as the analysis sees it (typo corrected, split, stemmed), with
#: everything a text takes from it worked out once.
_Token = (
    tuple[
        tuple[str, ...],  # the stems of its pieces
        tuple[str, ...],  # the stems that carry topic
        tuple[str, ...],  # ... and those pieces as written
        tuple[str, ...],  # the joins inside the word ('klimaat+plan')
        tuple[str, ...] | None,  # the unit it names, if any
        bool,  # generic?
        str | None,  # the word, if it names a target group on its own
    ]
    | None
)


def fold(text: str) -> str:
    """Lower case without diacritics: *Almeloërs* -> *almeloers*, *coöperatie* -> *cooperatie*.

    Examples
    --------
    >>> fold("Coöperatie Almeloërs")
    'cooperatie almeloers'
    """
    if text.isascii():
        return text.casefold()
    # Decomposed, a text has its few marks apart; each is removed by one C pass
    # (str.translate with a table looks up every character, ten times slower).
    decomposed = unicodedata.normalize("NFKD", text)
    for char in set(_NON_ASCII.findall(decomposed)):
        if unicodedata.combining(char):
            decomposed = decomposed.replace(char, "")
    return decomposed.casefold()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def words(text: str) -> list[str]:
    """Folded words of a text (hyphens and slashes separate words)."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Corpus:
    """The words of a corpus's texts, numbered: each distinct word is one string, once.

    Examples
    --------
    >>> corpus = corpus_of(["Groen in de wijk", "de wijk"])
    >>> corpus.words, corpus.ids.tolist(), corpus.lengths.tolist()
    (['groen', 'in', 'de', 'wijk'], [0, 1, 2, 3, 2, 3], [4, 2])
    >>> corpus.text(1)
    ['de', 'wijk']
    """

    words: list[str]
    """The distinct words, in the order first written."""
    ids: np.ndarray
    """Every text's words, one text after another, as indices into ``words``."""
    lengths: np.ndarray
    """How many words each text has."""

    def __len__(self) -> int:
        return len(self.lengths)

    @cached_property
    def starts(self) -> np.ndarray:
        """Where each text's words start in ``ids``."""
        import numpy as np

        starts: np.ndarray = np.cumsum(self.lengths) - self.lengths
        return starts

    def text(self, i: int) -> list[str]:
        """The :func:`words` of text ``i``."""
        start = int(self.starts[i])
        return [self.words[w] for w in self.ids[start : start + int(self.lengths[i])].tolist()]

    @classmethod
    def of_words(cls, texts: Iterable[Sequence[str]]) -> Corpus:
        """The corpus of texts given as their :func:`words`."""
        import numpy as np

        texts = list(texts)
        distinct, ids = _first_seen(list(itertools.chain.from_iterable(texts)))
        return cls(distinct, ids, np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)))


def corpus_of(texts: Sequence[str]) -> Corpus:
    """The :func:`words` of each text, numbered (see :class:`Corpus`)."""
    import numpy as np

    spaced = _spaced(texts)
    if spaced is None:
        return Corpus.of_words(map(words, texts))
    distinct, ids, starts = _numbered_words(spaced)
    # A text ends at its separator: its words are those that start before it and after the last one.
    ends = np.searchsorted(starts, np.flatnonzero(np.frombuffer(spaced, dtype=np.uint8) == 0))
    lengths = np.diff(ends, prepend=0, append=len(starts))
    return Corpus(distinct, ids, lengths[: len(texts)])


def count_words(texts: Sequence[str]) -> list[int]:
    """``len(words(text))`` of each text, without making the words.

    Examples
    --------
    >>> count_words(["Klimaat-adaptatie in Almelo", "", "Coöperatie 2030"])
    [4, 0, 2]
    """
    import numpy as np

    joined = _spaced(texts)
    if joined is None:
        return [len(words(text)) for text in texts]
    spaced = np.frombuffer(joined, dtype=np.uint8)
    # A word starts at a letter after a non-letter (a space or the separator, both below
    # the letters); a text's count is the starts before its end.
    letter = np.zeros(len(spaced) + 1, dtype=bool)
    np.greater(spaced, ord(" "), out=letter[1:])
    starts = np.flatnonzero(letter[1:] > letter[:-1])
    before = np.searchsorted(starts, np.flatnonzero(spaced == 0))
    return np.diff(before, prepend=0, append=len(starts)).tolist() if texts else []


def _spaced(texts: Sequence[str]) -> bytes | None:
    """The texts folded and joined by :data:`_TEXT_END`, each byte that is no letter
    or digit of a word a space; ``None`` if a text holds the separator.

    A word is a run of [0-9a-z] in the folded text.  An ASCII text folds to its
    lower case, which the byte table does; the rest are folded first.  Every other
    byte, UTF-8 included, separates words: the corpus then costs a few C passes,
    where a regex call per text costs more in calls than in matching.
    """
    joined = _TEXT_END.join([text if text.isascii() else fold(text) for text in texts])
    if joined.count(_TEXT_END) != max(len(texts) - 1, 0):
        return None
    return joined.encode("utf-8", "surrogatepass").translate(_WORD_BYTES)


_TEXT_END = "\x00"
#: Bytes of a word as themselves (upper case as lower), the text separator too, every other byte a space.
_WORD_BYTES = bytes(
    ord(chr(b).lower()) if chr(b).lower() in "0123456789abcdefghijklmnopqrstuvwxyz\x00" else ord(" ")
    for b in range(256)
)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # 'strategieën' folds to 'strategieen', which the Snowball stemmer leaves
    # alone; the plural of a word in -ie or -ee takes -ën.
    if word.endswith(("ieen", "eeen")):
        word = word[:-2]
    # Latin plurals the stemmer leaves alone ('stadscentra' / 'stadscentrum'); few words
    # end in one, which one test of all endings finds.
    if word.endswith(_LATIN_ENDINGS):
        for plural, singular in _LATIN_PLURALS:
            if word.endswith(plural):
                word = word[: -len(plural)] + singular
                break
    # Inflected adjectives ('duurzame', 'groene', 'rode') meet their bare form
    # ('duurzaam', 'groen', 'rood'), which the Snowball stemmer does not do.
    if len(word) >= 5 and word[-1] == "e" and word[-2] not in _VOWELS:
        bare = word[:-1]
        if bare[-2] in "aeou" and bare[-3] not in _VOWELS:
            bare = bare[:-1] + bare[-2] + bare[-1]
        word = bare
    stem: str = _stemmer().stemWord(word)
    return stem


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    # With PyStemmer installed this is its C build of the same Snowball algorithm:
    # the same stems, twenty times faster, which large portfolios notice.
    stemmer = snowballstemmer.stemmer("dutch")
    if hasattr(stemmer, "maxCacheSize"):
        # _stem caches the stems: PyStemmer's own cache would only be searched and
        # filled in vain, which costs a third of a first stemming.
        stemmer.maxCacheSize = 0
    return stemmer


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """What a text is about."""

    parts: tuple[str, ...]
    """Stemmed content parts, compounds split, in text order."""
    keys: tuple[str, ...]
    """Joined keys of compounds (``klimaat+plan``), written together or apart."""
    surface: str
    """The unstemmed content parts joined by spaces (for character n-grams)."""
    groups: tuple[str, ...] = ()
    """Target groups named as words of their own (*ouderen*, *huurders*)."""
    units: tuple[tuple[str, ...], ...] = ()
    """The things the text names, each as the stems of its pieces: a compound
    (``('klimaat', 'plan')``, however it is written: together, apart, or as *plan
    voor klimaat*) or a content word.  Generic words and target groups are no units."""
    stems: frozenset[str] = frozenset()
    """Every stem of the text's words, generic pieces included (*plan* of *klimaatplan*)."""


@dataclass(frozen=True)
class TextMatrices:
    """The :class:`TextFeatures` of a corpus's texts and of the titles opening them, counted.

    Row ``i`` of each matrix is text ``i`` (or its title); see :meth:`Analyzer.matrices`.
    Features are numbered as first seen, texts in order, each text's in text order.
    """

    vocab: dict[str, int]
    """Columns of the word matrices: the parts, then the keys."""
    parts: sp.csr_matrix
    """Texts x ``vocab``: how often a text has each part."""
    keys: sp.csr_matrix
    """Texts x ``vocab``: 1 where a text has the key."""
    title_parts: sp.csr_matrix
    title_keys: sp.csr_matrix
    surface_words: list[str]
    """Columns of the surface matrices: the content parts as written."""
    surface: sp.csr_matrix
    """Texts x ``surface_words``: how often a text's surface has each word."""
    title_surface: sp.csr_matrix
    stem_vocab: dict[str, int]
    """Columns of ``stems``: every stem of the texts."""
    stems: sp.csr_matrix
    """Texts x ``stem_vocab``: 1 where a text has the stem."""
    group_words: list[str]
    """Columns of ``groups``: the target groups the texts name."""
    groups: sp.csr_matrix
    """Texts x ``group_words``: 1 where a text names the group."""
    units: list[tuple[str, ...]]
    """Columns of ``title_units``: the things the titles name."""
    title_units: sp.csr_matrix
    """Titles x ``units``: 1 where a title names the thing."""


class Analyzer:
    """Reduces texts of one corpus to :class:`TextFeatures`.

    The lexicon used to split compounds is the corpus's own standalone words
    plus a small list of common policy words, so *klimaatadaptatie* splits
    wherever *klimaat* and *adaptatie* occur as words anywhere in the corpus.

    Examples
    --------
    >>> a = Analyzer(["Klimaatadaptatie in de binnenstad", "klimaat adaptatie"], places=["Binnenstad"])
    >>> a.features("Stimuleren van klimaatadaptatie in de Binnenstad").parts
    ('klimaat', 'adapteer')
    >>> a.features("klimaat adaptatie").keys == a.features("klimaatadaptatie").keys
    True
    """

    def __init__(
        self,
        corpus: Corpus | Iterable[str | Sequence[str]],
        places: Iterable[str] = (),
        synonyms: Mapping[str, str] = DEFAULT_SYNONYMS,
    ) -> None:
        """``corpus``: the texts, their :func:`words` or their :class:`Corpus`, whichever the caller has;
        ``synonyms``: single words read as another, inflected forms and compound parts included."""
        self.drop = STOP_WORDS | GENERIC_WORDS
        # A synonym is read as the word it stands for whole ('geveltuinen' -> 'straatgroen',
        # then split) and as a piece of a compound ('blauw' in 'blauwgroen').
        self._synonym_words = {_stem(fold(word)): fold(meant) for word, meant in synonyms.items()}
        self._synonyms = {_stem(fold(word)): _stem(fold(meant)) for word, meant in synonyms.items()}
        place_words: set[str] = set()
        for place in places:
            place_words.update(w for w in words(place) if len(w) > 2)
        self.places = frozenset(place_words - _KEEP_PLACE_WORDS)
        import numpy as np

        if not isinstance(corpus, Corpus):
            corpus = Corpus.of_words(words(text) if isinstance(text, str) else text for text in corpus)
        distinct = corpus.words
        counts = Counter(dict(zip(distinct, np.bincount(corpus.ids, minlength=len(distinct)).tolist(), strict=True)))
        for word in [w for w in counts if len(w) < _MIN_PART or w.isdigit()]:
            del counts[word]
        self.corrections = _typo_corrections(counts)
        self._once = frozenset(w for w, c in counts.items() if c == 1)
        self._near_index: dict[str, list[str]] | None = None
        lexicon = set(_LEXICON) | {w for w in counts if w not in self.corrections}
        # Generic words stay in the lexicon: 'bewonersinitiatieven' splits on 'bewoners',
        # and only then is the generic part dropped.
        self.lexicon = frozenset(lexicon - STOP_WORDS)
        self._stem_cache: dict[str, str] = {}
        lexicon_stems = list(map(self.stem, self.lexicon))
        self.stems = frozenset(lexicon_stems)
        # Three-letter stems the corpus writes only inflected ('pas' of 'passen'):
        # as the tail of a compound they count as words ('voedsel|pas').
        self._short_stems = frozenset(
            stem
            for w, stem in zip(self.lexicon, lexicon_stems, strict=True)
            if len(stem) == _MIN_PART and w.startswith(stem)
        )
        self._split_cache: dict[str, tuple[str, ...]] = {}
        self._part_cache: dict[tuple[str, int], tuple[str, ...] | None] = {}
        self._token_cache: dict[str, _Token] = {}
        # Every compound the corpus writes joined, as stem pairs: a pair of words
        # written apart that forms one of these is that compound.
        compound_keys: set[str] = set()
        # Per compound, the stems of its pieces and its joins, which its token takes again.
        self._compounds: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for word in counts:
            if len(word) >= _MIN_COMPOUND and word not in self.corrections:
                pieces = self.split(word)
                if len(pieces) > 1:  # a word of one piece joins nothing
                    stems = tuple(map(self.stem, pieces))
                    joins = tuple(map("+".join, itertools.pairwise(stems)))
                    self._compounds[word] = stems, joins
                    compound_keys.update(joins)
        self.compound_keys = frozenset(compound_keys)

    def stem(self, word: str) -> str:
        """The Snowball stem, with the short vowel of plurals like *daken* restored when the corpus has it.

        Snowball reads the long vowel of an open syllable as the stem's (*straten*
        -> *straat*), which is right for most words; but *daken*, *paden*, *hoven*,
        *wegen* are plurals of *dak*, *pad*, *hof*, *weg*.  Where the short form is
        a word of the corpus (or of the policy word list), it is the stem.
        A synonym (:data:`DEFAULT_SYNONYMS`) stems as the word it stands for.

        Examples
        --------
        >>> a = Analyzer(["klimaatdaken", "een groen dak", "de straten"])
        >>> a.stem("daken"), a.stem("straten"), a.stem("blauwe")
        ('dak', 'straat', 'water')
        """
        cached = self._stem_cache.get(word)
        if cached is None:
            cached = _stem(word)
            if (
                len(cached) >= 4
                and cached[-2] == cached[-3]
                and cached[-2] in "aeou"
                and cached[-1] not in _VOWELS
                and cached[-4] not in _VOWELS
            ):
                short = cached[:-2] + cached[-1]
                if short in self.lexicon and cached not in self.lexicon:
                    cached = short
            cached = self._synonyms.get(cached, cached)
            self._stem_cache[word] = cached
        return cached

    def split(self, word: str) -> tuple[str, ...]:
        """Split a compound into lexicon words (``('klimaat', 'adaptatie')``), or keep it whole."""
        cached = self._split_cache.get(word)
        if cached is None:
            cached = self._split(word, depth=0) or (word,)
            self._split_cache[word] = cached
        return cached

    def _split(self, word: str, depth: int) -> tuple[str, ...] | None:
        if depth == 0:
            return self._split_word(word, 0)
        if len(word) < _MIN_COMPOUND:
            return None  # as _split_word finds: below the top no verb prefix is looked for
        # Parts recur across compounds ('klimaat' in every 'klimaat...'): a part is split
        # once per depth (which bounds its own splitting), not once per compound.
        key = (word, depth)
        if key in self._part_cache:
            return self._part_cache[key]
        found = self._part_cache[key] = self._split_word(word, depth)
        return found

    def _split_word(self, word: str, depth: int) -> tuple[str, ...] | None:
        if depth == 0 and word.startswith(_VERB_PREFIXES):
            # 'vergroenen' is about 'groen': a verb made of a known word with ver-/be-.
            for prefix in _VERB_PREFIXES:
                stem_word = word[len(prefix) :]
                if word.startswith(prefix) and len(stem_word) >= 4 and self.stem(stem_word) in self.stems:
                    return (stem_word,)
        if len(word) < _MIN_COMPOUND or depth > 3:
            return None
        # Prefer the longest head: 'warmtenet' -> warmte + net, not warm + tenet.
        best: tuple[str, ...] | None = None
        lexicon = self.lexicon
        for cut in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
            # The head as written, else without a linking -s-, -e- or -en-: this loop runs
            # for every cut of every word and mostly finds none, so that is tested first,
            # and only the links the last letter allows.
            left = head = word[:cut]
            if left not in lexicon:
                for link in _LINKS_ENDING.get(left[-1], ()):
                    if left.endswith(link) and cut - len(link) >= _MIN_PART and left[: -len(link)] in lexicon:
                        head = left[: -len(link)]
                        break
                else:
                    continue
            right = word[cut:]
            if right in _SUFFIXES:
                continue  # 'veiligheid' is no 'veilig' + 'heid'
            # Parts are split down to their smallest words, so that every spelling of
            # a compound meets: 'stadsnetwerk', 'stads netwerk' and 'stad net werk'
            # all become stad + net + werk.
            rest = self._split(right, depth + 1)
            # A tail the corpus writes only inflected counts too: 'taalpact' when only 'pacten'
            # stands alone; of three letters only as the start of such a word ('pas' of 'passen').
            if rest is None and right not in self.lexicon and not self._known_tail(right):
                continue
            head_parts = self._split(head, depth + 1) or (head,)
            best = (*head_parts, *(rest or (right,)))
            break
        if best is None:
            # A known head with an unknown but substantial tail: 'groen|adoptie'.
            for cut in range(len(word) - _MIN_TAIL, _MIN_HEAD - 1, -1):
                # The tail's stem decides, so that every inflection splits alike
                # ('natuurdeal' and 'natuurdeals' both stay whole).
                tail = word[cut:]
                if word[:cut] in self.lexicon and tail not in _SUFFIXES and len(self.stem(tail)) >= _MIN_TAIL:
                    return (word[:cut], tail)
            if depth == 0 and word in self._once:
                return self._split_typo(word)
        return best

    def _known_tail(self, right: str) -> bool:
        return right in self._short_stems or (len(right) >= 4 and self.stem(right) in self.stems)

    def _split_typo(self, word: str) -> tuple[str, ...] | None:
        """A compound written once with a typo in one of its parts: 'gvel|kassen', 'warmte|apcten'.

        One part must be a word of the lexicon as written, the other one edit
        (a transposition counts as one) from a lexicon word of five letters or more.
        """
        for cut in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
            left, right = word[:cut], word[cut:]
            if right in _SUFFIXES:
                continue
            if left in self.lexicon and len(left) >= _MIN_HEAD and len(right) >= _MIN_HEAD:
                fixed = self._one_edit(right)
                if fixed is not None:
                    return (*(self._split(left, 1) or (left,)), *(self._split(fixed, 1) or (fixed,)))
            if right in self.lexicon and len(right) >= _MIN_HEAD and len(left) >= _MIN_HEAD:
                fixed = self._one_edit(left)
                if fixed is not None:
                    return (*(self._split(fixed, 1) or (fixed,)), *(self._split(right, 1) or (right,)))
        return None

    def _one_edit(self, word: str) -> str | None:
        """The lexicon word of five letters or more one edit from ``word``, if exactly one is."""
        from rapidfuzz.distance import OSA

        if self._near_index is None:
            # Two words one edit apart share a string with at most one letter deleted.
            index: dict[str, list[str]] = {}
            for known in sorted(self.lexicon):
                if len(known) >= _MIN_TAIL:
                    for variant in one_deleted(known):
                        index.setdefault(variant, []).append(known)
            self._near_index = index
        found = {
            known
            for variant in one_deleted(word)
            for known in self._near_index.get(variant, ())
            if OSA.distance(word, known, score_cutoff=1) <= 1
        }
        return found.pop() if len(found) == 1 else None

    def features(self, text: str) -> TextFeatures:
        """The content parts, compound keys, topic units and surface of a text."""
        return self.features_of_words(words(text))[1]

    def features_of_words(
        self, written_words: Sequence[str], prefix: int = 0
    ) -> tuple[TextFeatures | None, TextFeatures]:
        """Features of the first ``prefix`` words (``None`` for 0) and of all, from one pass.

        A title opens its node's text: its features are those of the text's first words.
        """
        snapshot: TextFeatures | None = None
        parts: list[str] = []
        surface: list[str] = []
        keys: list[str] = []
        groups: list[str] = []
        units: list[tuple[str, ...]] = []
        stems_seen: list[str] = []
        # The last word: the stems of its pieces and the unit it opened (an index
        # into ``units``, or -1), so that a compound written apart joins it.
        previous: tuple[tuple[str, ...], int] | None = None
        # 'plan voor klimaat': the word before 'voor', waiting for what follows.
        before_voor: tuple[tuple[str, ...], int] | None = None
        after_voor = False
        cache = self._token_cache
        compound_keys = self.compound_keys
        for position, written in enumerate(written_words):
            if position == prefix and prefix:
                snapshot = _snapshot(parts, keys, surface, groups, units, stems_seen)
            token = cache[written] if written in cache else self._token(written)
            if token is None:
                if written == "voor" and previous is not None:
                    before_voor, after_voor = previous, True
                elif not (after_voor and written in _ARTICLES):
                    before_voor, after_voor = None, False
                previous = None
                continue
            stems, kept_stems, kept_surface, inner_keys, own_unit, generic, group = token
            stems_seen.extend(stems)
            if inner_keys:
                keys.extend(inner_keys)
            unit = -1
            if own_unit is not None:
                unit = len(units)
                units.append(own_unit)
            if previous is not None and (join := f"{previous[0][-1]}+{stems[0]}") in compound_keys:
                # 'huurders vijvers' written apart: the corpus writes 'huurdersvijver' joined.
                keys.append(join)
                unit = self._join_units(units, previous, (stems, unit))
            elif (
                after_voor and before_voor is not None and (join := f"{stems[-1]}+{before_voor[0][0]}") in compound_keys
            ):
                # 'plan voor klimaat' is the compound 'klimaatplan' paraphrased.
                keys.append(join)
                unit = self._join_units(units, (stems, unit), before_voor)
            previous = (stems, unit)
            before_voor, after_voor = None, False
            if generic:
                continue  # no topic, though it may join a compound written apart ('voedsel project')
            if group is not None:
                groups.append(group)
            if kept_stems:
                parts.extend(kept_stems)
                surface.extend(kept_surface)
        whole = _snapshot(parts, keys, surface, groups, units, stems_seen)
        if prefix and snapshot is None:
            snapshot = whole
        return snapshot, whole

    @staticmethod
    def _join_units(
        units: list[tuple[str, ...]], first: tuple[tuple[str, ...], int], second: tuple[tuple[str, ...], int]
    ) -> int:
        """Make one unit of two words that form one compound; the index of the joined unit."""
        joined = tuple(s for s in (*first[0], *second[0]) if s not in _PEOPLE)
        for index in sorted({first[1], second[1]} - {-1}, reverse=True):
            units[index] = ()  # emptied, not removed: later indices stay valid
        units.append(joined)
        return len(units) - 1

    def matrices(self, texts: Corpus | Sequence[Sequence[str]], prefixes: Sequence[int]) -> TextMatrices:
        """What :meth:`features_of_words` finds in each text (its words) and in its first ``prefixes[i]`` words.

        The same features as one :meth:`features_of_words` call per text, as matrices,
        without a Python step per written word: texts of one corpus repeat their
        words, and a text's parts, surface and stems are its words' contributions
        summed, a product of a texts x distinct words count matrix and a words x
        features one.  Its keys are its words' own joins, plus a join of two
        neighbours the corpus writes as one compound, found over all texts at once;
        the units of its title are its words' own and those joins'.
        """
        import numpy as np

        corpus = texts if isinstance(texts, Corpus) else Corpus.of_words(texts)
        n, lengths, distinct, ids = len(corpus), corpus.lengths, corpus.words, corpus.ids
        row = np.repeat(np.arange(n), lengths)
        text_start = corpus.starts
        at = np.arange(len(ids))
        title_lengths = np.minimum(lengths, np.asarray(prefixes, dtype=np.int64))  # the list made an array once
        in_title = at < np.repeat(text_start + title_lengths, lengths)
        cache = self._token_cache
        tokens = [cache[w] if w in cache else self._token(w) for w in distinct]

        # What each distinct word contributes.  ``distinct`` is in the order words are
        # first written, so features numbered word by word are numbered as first seen.
        # Each kind is gathered over all words at once (one flat list, numbered by
        # ``dict.fromkeys``) rather than as a list per word: the loops run in C, and a
        # list per word and kind would be tens of thousands of long-lived objects for
        # the garbage collector to walk.
        per_kind = list(zip(*(_NO_TOKEN if t is None else t for t in tokens), strict=True)) or [()] * 7
        stems_of, kept_of, surface_of, keys_of, unit_of_word, generic_of, group_of = per_kind
        stem_vocab, stem_lengths, stem_ids = _numbered(stems_of)
        keys, key_lengths, key_ids = _numbered(keys_of)  # renumbered as first seen in the texts below
        vocab, part_lengths, part_ids = _numbered([() if g else k for k, g in zip(kept_of, generic_of, strict=True)])
        surface_words, surface_lengths, surface_ids = _numbered(
            [() if g else k for k, g in zip(surface_of, generic_of, strict=True)]
        )
        group_words, group_lengths, group_ids = _numbered(
            [() if g or k is None else (k,) for k, g in zip(group_of, generic_of, strict=True)]
        )
        named = [w for w, unit in enumerate(unit_of_word) if unit]
        unit_number, _, unit_ids = _numbered([[unit_of_word[w] for w in named]])
        unit_of = np.full(len(distinct), -1, dtype=np.int64)
        unit_of[np.asarray(named, dtype=np.int64)] = unit_ids
        none = np.array([t is None for t in tokens], dtype=bool)
        valid = ~none[ids]
        stem_starts = np.cumsum(stem_lengths) - stem_lengths
        stemmed = stem_lengths > 0
        first_stem = np.full(len(distinct), -1, dtype=np.int64)
        first_stem[stemmed] = stem_ids[stem_starts[stemmed]]
        last_stem = np.full(len(distinct), -1, dtype=np.int64)
        last_stem[stemmed] = stem_ids[stem_starts[stemmed] + stem_lengths[stemmed] - 1]

        # Joins of neighbours, as codes of (left stem, right stem) pairs.
        width = max(len(stem_vocab), 1)
        join_codes, join_keys = [], []
        for key in self.compound_keys:
            a, _, b = key.partition("+")
            if a in stem_vocab and b in stem_vocab:
                join_codes.append(stem_vocab[a] * width + stem_vocab[b])
                join_keys.append(keys.setdefault(key, len(keys)))
        codes = np.asarray(join_codes, dtype=np.int64)
        by_code = np.argsort(codes)
        codes, code_keys = codes[by_code], np.asarray(join_keys, dtype=np.int64)[by_code]
        same_text = row[1:] == row[:-1]
        # Two neighbouring words: 'klimaat plan'.
        adjacent = np.flatnonzero(valid[1:] & valid[:-1] & same_text) + 1
        adjacent_codes = last_stem[ids[adjacent - 1]] * width + first_stem[ids[adjacent]]
        # A word after 'voor' and articles, and the word before 'voor': 'plan voor (de) klimaat'.
        article = np.zeros(len(distinct), dtype=bool)
        article[_positions(distinct, _ARTICLES)] = True
        article &= none
        voor = np.zeros(len(distinct), dtype=bool)
        voor[_positions(distinct, ("voor",))] = True
        voor &= none
        before_articles = np.maximum.accumulate(np.where(article[ids], -1, at)) if len(at) else at
        after = np.flatnonzero(valid[1:] & ~valid[:-1] & same_text) + 1
        word_voor = before_articles[after - 1]
        inside = word_voor > text_start[row[after]]  # 'voor' and a word before it in the same text
        after, word_voor = after[inside], word_voor[inside]
        paraphrased = voor[ids[word_voor]] & valid[word_voor - 1]
        after, word_voor = after[paraphrased], word_voor[paraphrased]
        voor_codes = last_stem[ids[after]] * width + first_stem[ids[word_voor - 1]]
        join_at, pair_codes = np.concatenate([adjacent, after]), np.concatenate([adjacent_codes, voor_codes])
        # The word each joins, and which of the two the compound names first.
        partner = np.concatenate([adjacent - 1, word_voor - 1])
        leading = np.concatenate([adjacent - 1, after])
        # Most neighbours form no compound: a pair whose left stem opens none is ruled out
        # by a lookup, and only the others are searched for.  (Both words of a pair have
        # stems, so its code is in [0, width**2).)
        opens = np.zeros(width, dtype=bool)
        opens[codes // width] = True
        maybe = np.flatnonzero(opens[pair_codes // width])
        found = np.searchsorted(codes, pair_codes[maybe])
        hit = found < len(codes)
        hit[hit] = codes[found[hit]] == pair_codes[maybe[hit]]
        joined = np.zeros(len(pair_codes), dtype=bool)
        joined[maybe[hit]] = True
        join_at, join_key = join_at[joined], code_keys[found[hit]]
        partner, leading = partner[joined], leading[joined]

        # Keys of a text in the order it meets them: a word's own joins, then its join with a neighbour.
        inner_at, inner_key = _gathered(key_lengths, key_ids, ids)
        key_at = np.concatenate([inner_at, join_at])
        key_id = np.concatenate([inner_key, join_key])
        met = np.argsort(np.concatenate([2 * inner_at, 2 * join_at + 1]), kind="stable")
        key_at, key_id = key_at[met], key_id[met]
        by_first = _by_first_seen(key_id, len(keys))
        names = list(keys)
        renumber = np.full(max(len(keys), 1), -1, dtype=np.int64)
        renumber[by_first] = len(vocab) + np.arange(len(by_first))
        for k in by_first.tolist():
            vocab[names[k]] = len(vocab)
        columns = max(len(vocab), 1)
        key_of, key_row = renumber[key_id], row[key_at]
        title_key = in_title[key_at]
        keys_in = _listed(np.bincount(key_row, minlength=n), key_of, columns, binary=True)
        title_keys_in = _listed(np.bincount(key_row[title_key], minlength=n), key_of[title_key], columns, binary=True)

        words_in = _listed(lengths, ids, len(distinct))
        title_words_in = _listed(title_lengths, ids[in_title], len(distinct))
        parts = _listed(part_lengths, part_ids, columns)
        surface = _listed(surface_lengths, surface_ids, max(len(surface_words), 1))
        stems, groups, text_parts, text_surface = _products(
            words_in,
            [
                _listed(stem_lengths, stem_ids, max(len(stem_vocab), 1)),
                _listed(group_lengths, group_ids, max(len(group_words), 1)),
                parts,
                surface,
            ],
        )
        stems.data[:] = 1.0
        groups.data[:] = 1.0
        title_parts, title_surface = _products(title_words_in, [parts, surface])
        joins = np.stack([join_at, partner, leading])
        units, title_units = _title_units(n, tokens, row, ids, in_title, unit_of, unit_number, joins)
        return TextMatrices(
            vocab=vocab,
            parts=text_parts,
            keys=keys_in,
            title_parts=title_parts,
            title_keys=title_keys_in,
            surface_words=list(surface_words),
            surface=text_surface,
            title_surface=title_surface,
            stem_vocab=stem_vocab,
            stems=stems,
            group_words=list(group_words),
            groups=groups,
            units=units,
            title_units=title_units,
        )

    def content_of_words(self, written_words: Sequence[str]) -> tuple[tuple[str, ...], str]:
        """The parts and surface of :meth:`features_of_words`, without the rest.

        Both are a text's words' shares one after another, from the words' cached
        tokens: the evidence of a reported pair needs no more.
        """
        cache = self._token_cache
        tokens = [cache[w] if w in cache else self._token(w) for w in written_words]
        content = [t for t in tokens if t is not None and not t[5]]  # generic words carry no topic
        parts = tuple(itertools.chain.from_iterable(t[1] for t in content))
        return parts, " ".join(itertools.chain.from_iterable(t[2] for t in content))

    def _token(self, written: str) -> _Token:
        """What one written word contributes, cached: texts of one corpus repeat their words."""
        word = self.corrections.get(written, written)
        if self._synonym_words:
            word = self._synonym_words.get(_stem(word), word)
        result: _Token = None
        if not (word in STOP_WORDS or word in self.places or len(word) < 2):
            generic = word in GENERIC_WORDS
            pieces = self.split(word) if not generic else (word,)
            group = word in GROUP_WORDS
            if len(pieces) == 1:
                # Most words are one piece: the same token as below, without its loops over pieces.
                piece = pieces[0]  # the word, or what a verb prefix leaves of it
                stem = self.stem(piece)
                stems: tuple[str, ...] = (stem,)
                topical = piece not in GENERIC_WORDS and stem not in self.drop and not word.isdigit()
                names = topical and not (generic or group)
                result = (
                    stems,
                    stems if topical else (),
                    pieces if topical else (),
                    (),
                    (stems if stem not in _PEOPLE else ()) if names else None,
                    generic,
                    word if group else None,
                )
            else:
                compound = self._compounds.get(word)
                if compound is None:
                    stems = tuple(map(self.stem, pieces))
                    compound = stems, tuple(map("+".join, itertools.pairwise(stems)))  # 'klimaat+plan'
                stems, joins = compound
                # Mostly every piece is kept, and no piece names residents: set tests in C
                # find that, and the pieces are taken as they are.
                if GENERIC_WORDS.isdisjoint(pieces) and self.drop.isdisjoint(stems):
                    kept_stems, kept_surface = stems, pieces
                else:
                    kept = [
                        (p, s)
                        for p, s in zip(pieces, stems, strict=True)
                        if p not in GENERIC_WORDS and s not in self.drop
                    ]
                    kept_stems, kept_surface = tuple(s for _, s in kept), tuple(p for p, _ in kept)
                if word.isdigit():
                    kept_stems = kept_surface = ()  # a year or a count is no topic of its own
                # A compound of generic words still names something ('stadsaanpak').
                names = not (generic or group)
                result = (
                    stems,
                    kept_stems,
                    kept_surface,
                    joins,
                    (stems if _PEOPLE.isdisjoint(stems) else tuple(s for s in stems if s not in _PEOPLE))
                    if names
                    else None,
                    generic,
                    None,  # a target group on its own is one piece
                )
        self._token_cache[written] = result
        return result


#: What a word the analysis drops contributes, as a token: nothing.
_NO_TOKEN: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], None, bool, None] = (
    (),
    (),
    (),
    (),
    None,
    False,
    None,
)

#: :data:`_LINKS` by their last letter, in their order: a word can end in only those of its last letter.
_LINKS_ENDING: dict[str, tuple[str, ...]] = {
    last: tuple(link for link in _LINKS if link[-1] == last) for last in {link[-1] for link in _LINKS}
}


def _snapshot(
    parts: list[str],
    keys: list[str],
    surface: list[str],
    groups: list[str],
    units: list[tuple[str, ...]],
    stems: list[str],
) -> TextFeatures:
    return TextFeatures(
        tuple(parts),
        tuple(dict.fromkeys(keys)),
        " ".join(surface),
        tuple(dict.fromkeys(groups)),
        tuple(u for u in dict.fromkeys(units) if u),
        frozenset(stems),
    )


def _title_units(
    n: int,
    tokens: list[_Token],
    row: np.ndarray,
    ids: np.ndarray,
    in_title: np.ndarray,
    unit_of: np.ndarray,
    unit_number: dict[tuple[str, ...], int],
    joins: np.ndarray,
) -> tuple[list[tuple[str, ...]], sp.csr_matrix]:
    """The things each of ``n`` titles names, numbered as first seen (see :meth:`Analyzer.matrices`).

    ``joins`` holds, per join of two words, where the later word is, where the
    other one is and which of them the compound names first.  Of the units
    :meth:`Analyzer.features_of_words` makes, a word's own is dropped when the
    word joins another, and a join's when its later word joins again, so a
    title names the rest, each once, in text order.
    """
    import numpy as np

    at, partner, first = joins[:, in_title[joins[0]]]
    joins_before = np.zeros(len(ids), dtype=bool)
    joins_before[at] = True
    joins_after = np.zeros(len(ids), dtype=bool)
    joins_after[partner] = True
    # Flags per distinct word, read per written word: a byte each, not eight.
    own = np.flatnonzero(in_title & (unit_of >= 0)[ids] & ~joins_before & ~joins_after)
    kept = ~joins_after[at]
    at, partner, first = at[kept], partner[kept], first[kept]
    joined = []
    for one, other in zip(ids[first].tolist(), ids[partner + at - first].tolist(), strict=True):
        stems = (*tokens[one][0], *tokens[other][0])
        unit = tuple(s for s in stems if s not in _PEOPLE)
        joined.append(unit_number.setdefault(unit, len(unit_number)) if unit else -1)
    positions = np.concatenate([own, at])
    units = np.concatenate([unit_of[ids[own]], np.asarray(joined, dtype=np.int64)])
    ranked = np.argsort(positions, kind="stable")
    positions, units = positions[ranked], units[ranked]
    named = units >= 0
    titles, units = row[positions[named]], units[named]
    # A title names a thing once, where it first does: the first of each run of equal
    # (title, unit) codes, stably sorted, marked where it stands, found in order without
    # sorting the positions again (as ``np.unique(return_index=True)`` would need).
    codes = titles * max(len(unit_number), 1) + units
    order = np.argsort(codes, kind="stable")
    ranked_codes = codes[order]
    first = np.ones(len(codes), dtype=bool)
    first[1:] = ranked_codes[1:] != ranked_codes[:-1]
    kept = np.zeros(len(codes), dtype=bool)
    kept[order[first]] = True
    once = np.flatnonzero(kept)
    titles, units = titles[once], units[once]
    by_first = _by_first_seen(units, len(unit_number))
    renumber = np.zeros(max(len(unit_number), 1), dtype=np.int64)
    renumber[by_first] = np.arange(len(by_first))
    names = list(unit_number)
    matrix = _listed(np.bincount(titles, minlength=n), renumber[units], max(len(by_first), 1), binary=True)
    return [names[u] for u in by_first.tolist()], matrix


def _by_first_seen(values: np.ndarray, size: int) -> np.ndarray:
    """The distinct ``values`` (each in ``range(size)``) in the order first met.

    What ``np.unique(values, return_index=True)`` gives, ordered by the index: from
    each value's first position, found without sorting the values (several times faster).
    """
    import numpy as np

    first = np.full(size, len(values), dtype=np.int64)
    np.minimum.at(first, values, np.arange(len(values)))
    seen = np.flatnonzero(first < len(values))
    ordered: np.ndarray = seen[np.argsort(first[seen])]
    return ordered


def _first_seen(flat: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct words of ``flat`` in the order first written, and each word's number among them."""
    import numpy as np

    # One pass of hashing, in C: ``setdefault`` gives each word the position where it
    # is first written; those positions, increasing, become 0, 1, 2, ...
    first: dict[str, int] = {}
    at_first = np.fromiter(map(first.setdefault, flat, itertools.count()), dtype=np.int64, count=len(flat))
    renumber = np.empty(len(flat), dtype=np.int64)
    renumber[np.fromiter(first.values(), dtype=np.int64, count=len(first))] = np.arange(len(first))
    return list(first), renumber[at_first]


def _numbered_words(spaced: bytes) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The words of ``spaced`` (from :func:`_spaced`), numbered as :func:`_first_seen` numbers them, and their starts.

    A word is a run of bytes above the space.  The words are numbered by a hash
    table in numpy, not as 600,000 Python strings in a dict: each written word
    gets a 64-bit key and is probed for, round by round, in a table of the words
    met; it is the word of a slot whose word has its bytes.  Only the distinct
    words become strings.
    """
    import numpy as np

    is_word = np.zeros(len(spaced) + 2, dtype=bool)
    np.greater(np.frombuffer(spaced, dtype=np.uint8), ord(" "), out=is_word[1:-1])
    edges = np.flatnonzero(is_word[1:] != is_word[:-1])
    starts, lengths = edges[0::2], edges[1::2] - edges[0::2]
    # The eight bytes from any position (unaligned), zeros after the end; a word's
    # bytes past its length are masked off, so that its integers are its own.
    padded = spaced + bytes(8)
    windows = np.ndarray(shape=(len(spaced) + 1,), dtype="<u8", buffer=padded, strides=(1,))
    low_bytes = np.asarray([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
    multiplier = np.uint64(_MULTIPLIER)

    def octets(at: np.ndarray, k: int) -> np.ndarray:
        """Bytes ``8k`` to ``8k + 8`` of the words at ``at``, as integers."""
        chunk: np.ndarray = windows[starts[at] + 8 * k] & low_bytes[np.minimum(lengths[at] - 8 * k, 8)]
        return chunk

    # A word of up to eight bytes (ASCII letters and digits) is its own key; a longer
    # one's is a hash of its bytes with the top bit set, so only long words share keys.
    everything = np.arange(len(starts))
    keys = octets(everything, 0)
    long_words = np.flatnonzero(lengths > 8)
    longer, k = long_words, 1
    while len(longer):
        keys[longer] = keys[longer] * multiplier + octets(longer, k)
        longer, k = longer[lengths[longer] > 8 * (k + 1)], k + 1
    keys[long_words] |= np.uint64(1 << 63)
    # Texts repeat their words: a table of a sixteenth of the written words holds the distinct ones
    # (a corpus with more is found out and numbered again in a larger one).
    bits = max(len(starts) // 16, 1 << 10).bit_length()
    while True:
        # A table at most half full finds a free slot in a few steps; fuller, it is made again four times the size.
        size = 1 << bits
        holder = np.zeros(size, dtype=np.int64)  # 1 + a written word of the slot's word, 0 if free
        slot = ((keys * multiplier) >> np.uint64(64 - bits)).astype(np.int64)
        placed = np.empty(len(starts), dtype=np.int64)
        waiting = everything
        while len(waiting) and 2 * np.count_nonzero(holder) <= size:
            free = holder[slot] == 0
            holder[slot[free]] = waiting[free] + 1  # of words that meet at a free slot, one takes it
            there = holder[slot] - 1
            same = keys[there] == keys[waiting]
            # Long words of one key: the same word if they have the same bytes.
            check = np.flatnonzero(same & (lengths[waiting] > 8))
            same[check] = lengths[there[check]] == lengths[waiting[check]]
            longer, k = check[same[check]], 0
            while len(longer):
                same[longer] = octets(there[longer], k) == octets(waiting[longer], k)
                longer, k = longer[same[longer] & (lengths[waiting[longer]] > 8 * (k + 1))], k + 1
            placed[waiting[same]] = slot[same]
            waiting, slot = waiting[~same], (slot[~same] + 1) & (size - 1)
        if not len(waiting):
            break
        bits += 2
    first = np.full(size, len(starts), dtype=np.int64)
    np.minimum.at(first, placed, everything)
    filled = np.flatnonzero(first < len(starts))
    by_first = filled[np.argsort(first[filled])]
    renumber = np.empty(size, dtype=np.int64)
    renumber[by_first] = np.arange(len(by_first))
    # The distinct words, each with the byte after it (made a space), one after
    # another: one split makes their strings.
    firsts = first[by_first]
    spans = lengths[firsts] + 1
    ends = np.cumsum(spans)
    at = np.repeat(starts[firsts] - (ends - spans), spans) + np.arange(ends[-1] if len(ends) else 0)
    distinct = np.frombuffer(padded, dtype=np.uint8)[at]
    distinct[ends - 1] = ord(" ")
    return distinct.tobytes().decode("ascii").split(), renumber[placed], starts


#: An odd 64-bit multiplier (2**64 over the golden ratio) that spreads the bits of a word's hash.
_MULTIPLIER = 0x9E3779B97F4A7C15


def _positions(items: list[str], wanted: Iterable[str]) -> list[int]:
    """Where each word of ``wanted`` stands in ``items`` (distinct words), for those there.

    A few words looked for by scans in C (``in``, ``list.index``) rather than a Python test per item.
    """
    return [items.index(word) for word in wanted if word in items]


def _numbered(rows: Sequence[Sequence[Any]]) -> tuple[dict[Any, int], np.ndarray, np.ndarray]:
    """The features of ``rows`` numbered as first seen, the rows' lengths, and the rows' numbers one after another."""
    import numpy as np

    flat = list(itertools.chain.from_iterable(rows))
    number = dict(zip(dict.fromkeys(flat), itertools.count()))
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    return number, lengths, np.fromiter(map(number.__getitem__, flat), dtype=np.int64, count=len(flat))


def _gathered(lengths: np.ndarray, flat: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For a sequence of distinct words ``ids``, each entry of each one's row, in order, with its position.

    The rows are listed one after another in ``flat``, ``lengths`` long each.
    """
    import numpy as np

    starts = np.cumsum(lengths) - lengths
    # Only the positions whose word has entries: the repeats below then run over those
    # (found from a flag per distinct word, a byte per written word rather than eight).
    at = np.flatnonzero((lengths > 0)[ids])
    counts = lengths[ids[at]]
    total = int(counts.sum())
    offsets = np.repeat(starts[ids[at]] - (np.cumsum(counts) - counts), counts) + np.arange(total)
    return np.repeat(at, counts), flat[offsets]


def _listed(lengths: np.ndarray, cols: np.ndarray, width: int, *, binary: bool = False) -> sp.csr_matrix:
    """Rows x columns: how often (``binary``: whether) each row lists each column.

    ``cols`` holds the rows' lists one after another, ``lengths`` their lengths.
    A count matrix is left as listed (a product sums its repeats), a binary one
    has its entries sorted, as a matrix built from coordinates has.
    """
    import numpy as np
    import scipy.sparse as sp

    indptr = np.concatenate([[0], np.cumsum(lengths)])
    matrix = sp.csr_matrix((np.ones(len(cols), dtype=np.float32), cols, indptr), shape=(len(lengths), width))
    if binary:
        matrix.sum_duplicates()
        matrix.data[:] = 1.0
    return matrix


def _products(words_in: sp.csr_matrix, tables: list[sp.csr_matrix]) -> list[sp.csr_matrix]:
    """Texts x features from texts x words and each table of words x features, entries sorted as built from lists.

    One product of the tables side by side, cut apart: a product's cost is mostly
    its passes over the texts' words, which are then made once.
    """
    import numpy as np
    import scipy.sparse as sp

    # A product has each entry once, its columns in no order.  Converted to columns and
    # back, it has them sorted (the same entries, moved): two linear passes, where
    # sorting them row by row costs more.  Each table's columns are a run of the
    # converted product's, read in place and converted back on their own.
    matrix = (words_in @ sp.hstack(tables, format="csr")).tocsc()
    edges = np.cumsum([0, *(table.shape[1] for table in tables)]).tolist()
    products = []
    for start, stop in itertools.pairwise(edges):
        first, last = matrix.indptr[start], matrix.indptr[stop]
        columns = (matrix.data[first:last], matrix.indices[first:last], matrix.indptr[start : stop + 1] - first)
        products.append(sp.csc_matrix(columns, shape=(matrix.shape[0], stop - start)).tocsr())
    return products


def _grams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[k : k + 4] for k in range(len(padded) - 3)}


def _gram_totals(vocabulary: list[str]) -> dict[str, int]:
    """Per word, how many words of ``vocabulary`` have each of its 4-grams (:func:`_grams`), summed.

    Counted with numpy over the words' code points, four to an integer, rather
    than as a set of strings per word: the vocabulary is thousands of words.
    """
    import numpy as np

    # The padded words one after another (' a  b  c '), joined in one call rather than padded one by one.
    lengths = np.fromiter(map(len, vocabulary), dtype=np.int64, count=len(vocabulary)) + 2
    joined = f" {'  '.join(vocabulary)} " if vocabulary else ""
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    base = int(points.max()) + 1 if len(points) else 1
    if base**4 * max(len(vocabulary), 1) >= 2**62:  # beyond Latin letters: strings, as they are
        counted = Counter(itertools.chain.from_iterable(map(_grams, vocabulary)))
        return {word: sum(counted[g] for g in _grams(word)) for word in vocabulary}
    codes = ((points[:-3] * base + points[1:-2]) * base + points[2:-1]) * base + points[3:]
    owner = np.repeat(np.arange(len(vocabulary)), lengths)[: len(codes)]
    inside = np.arange(len(codes)) + 4 <= np.cumsum(lengths)[owner]  # not across two words
    # Each (gram, word) once, as a set per word holds it, sorted by gram: a gram's run is
    # as long as the number of words that have it.
    pairs = np.sort(codes[inside] * len(vocabulary) + owner[inside])
    pairs = pairs[np.diff(pairs, prepend=-1) != 0]  # np.unique, without its overhead
    gram, word = np.divmod(pairs, len(vocabulary))
    starts = np.flatnonzero(np.diff(gram, prepend=-1))
    runs = np.diff(starts, append=len(gram))
    totals = np.bincount(word, weights=np.repeat(runs, runs), minlength=len(vocabulary))
    return dict(zip(vocabulary, totals.astype(np.int64).tolist(), strict=True))


def one_deleted(word: str) -> set[str]:
    """The word and every string it makes with one letter left out.

    Two words one edit apart (a letter changed, added, dropped or two swapped)
    share one of these, which makes a cheap index for near spellings.

    Examples
    --------
    >>> sorted(one_deleted("pact"))
    ['act', 'pac', 'pact', 'pat', 'pct']
    """
    return {word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}


def _typo_corrections(counts: Counter[str]) -> dict[str, str]:
    """Words written once -> the near-identical word they are most likely a typo of.

    A word seen once that is one edit (two for long words) away from another
    word of the corpus is read as that word, preferring the more frequent one;
    two such singletons map to the more typical one (see below), so both
    spellings meet.  A swap of two letters counts as one edit.  Only
    words of seven letters or more are corrected: short words differ by one
    letter too often (*water* / *later*, *tillen* / *willen*).
    """
    by_head: dict[str, list[str]] = {}
    by_tail: dict[str, list[str]] = {}
    # Most frequent first, then alphabetical: two stable sorts, without a tuple per word.
    ranked = sorted(sorted(counts), key=counts.__getitem__, reverse=True)
    for word in ranked:
        if len(word) >= _MIN_TYPO - 1:
            by_head.setdefault(word[:2], []).append(word)
            by_tail.setdefault(word[-3:], []).append(word)
    totals: dict[str, int] | None = None

    @cache
    def typical(word: str) -> tuple[int, str]:
        # A typo makes letter sequences no other word has ('warmtbeerging' has 'mtbe'):
        # the spelling whose 4-grams the vocabulary uses more is the right one.
        nonlocal totals
        if totals is None:
            totals = _gram_totals(list(counts))
        return totals[word], word

    singles = [word for word in ranked if counts[word] == 1 and len(word) >= _MIN_TYPO]
    near = _near_words(singles, [(by_head, slice(None, 2)), (by_tail, slice(-3, None))])
    out: dict[str, str] = {}
    for word in singles:
        ranked_near = sorted(
            (distance, -counts[candidate], candidate)
            for candidate, distance in near[word]
            # between two singletons the more typical spelling is canonical
            if candidate != word and not (counts[candidate] == 1 and typical(candidate) < typical(word))
        )
        if ranked_near:
            out[word] = ranked_near[0][2]
    # Follow chains (a -> b -> c) to their end.
    for word, first in out.items():
        seen, end = {word}, first
        while end in out and end not in seen:
            seen.add(end)
            end = out[end]
        out[word] = end
    return out


def _near_words(
    words: list[str], indexes: list[tuple[dict[str, list[str]], slice]]
) -> dict[str, list[tuple[str, int]]]:
    """Per word, the words of each index under its key within one edit (two for ten letters or more), with the edits.

    A swap of two letters counts as one edit.  The words sharing a key are
    compared with that key's words in one call (rapidfuzz loops in C and reads
    the key's words once, not once per word).  A word listed under several
    indexes' keys is found once per index.
    """
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    near: dict[str, list[tuple[str, int]]] = {word: [] for word in words}
    for index, key in indexes:
        sharing: dict[str, list[str]] = {}
        for word in words:
            sharing.setdefault(word[key], []).append(word)
        for shared, queries in sharing.items():
            choices = index.get(shared)
            if not choices:
                continue
            distances = process.cdist(queries, choices, scorer=OSA.distance, score_cutoff=2, dtype=np.int32)
            limits = np.array([1 if len(query) < 10 else 2 for query in queries], dtype=np.int32)
            found_query, found_choice = np.nonzero(distances <= limits[:, None])
            # The distances read out at once: indexing an array per pair costs more than the pair's work.
            found = distances[found_query, found_choice].tolist()
            for q, c, distance in zip(found_query.tolist(), found_choice.tolist(), found, strict=True):
                near[queries[q]].append((choices[c], distance))
    return near


# Place-name words that are also ordinary words and must stay in the text.
_KEEP_PLACE_WORDS = frozenset(
    {"hart", "van", "de", "het", "noord", "zuid", "oost", "west", "centrum", "oude", "nieuwe"}
)

#: Common policy words, so compounds split even when the corpus never writes a part alone.
_LEXICON = _wordlist(
    """
    klimaat adaptatie energie water groen groene blauw blauwe natuur boom bomen bos park tuin tuinen plein
    pleinen speel sport school scholen jeugd jongeren ouderen zorg welzijn woon wonen woning woningen huur
    huurders bewoners inwoners buurt wijk dorp stad straat straten dak daken gevel zon zonne zonnepanelen wind
    warmte net netten gas aardgas transitie plan visie fonds loket netwerk netwerken team agenda kaart monitor
    route fiets fietsen verkeer vervoer auto parkeren afval zwerfafval riool regen regenwater hitte stress
    droogte overlast veiligheid veilig schoon heel armoede schulden schuld taal werk werkloosheid onderwijs
    cultuur winkel winkels markt centrum initiatief initiatieven budget budgetten beheer onderhoud kwaliteit
    biodiversiteit vastgoed verlichting laad punten punt mobiliteit duurzaam duurzame duurzaamheid besparing
    communicatie participatie ontmoeting accommodatie accommodaties bemiddeling opgave opgaven
    """
)
