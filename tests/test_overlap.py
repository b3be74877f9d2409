"""Cross-programme overlap: each signal on Dutch examples, the Almelo check, and properties."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import din_graph
from din_graph import DinError, Portfolio, Programme, in_area, overlaps
from din_graph._analysis._text import Analyzer, fold

AREAS = [
    {"id": "west", "name": "Almelo West", "kind": "wijk", "parts": ["Kerkelanden", "Windmolenbroek"]},
    {"id": "noord", "name": "Noord", "kind": "wijk", "parts": ["De Riet"]},
]


def effort(eid: str, title: str, **fields: object) -> dict[str, object]:
    return {"id": eid, "title": title, **fields}


def pair_of(a: list[dict[str, object]], b: list[dict[str, object]], **portfolio: object) -> Portfolio:
    pa = Programme.model_validate({"id": "a", "name": "A", "efforts": a, "owners": _owners(a)})
    pb = Programme.model_validate({"id": "b", "name": "B", "efforts": b, "owners": _owners(b)})
    return Portfolio.model_validate({"id": "pf", "name": "PF", "programmes": [pa, pb], "areas": AREAS} | portfolio)


def _owners(efforts: list[dict[str, object]]) -> list[dict[str, str]]:
    names = sorted({str(e["owner"]) for e in efforts if "owner" in e})
    return [{"id": n, "name": n.replace("-", " ").title(), "type": "afdeling"} for n in names]


def score(a: str, b: str, **kw: object) -> float:
    found = overlaps(pair_of([effort("E1", a)], [effort("E1", b)]), threshold=0.0, **kw)  # type: ignore[arg-type]
    return found.pairs[0].score if found.pairs else 0.0


# --------------------------------------------------------------------------- the text signal


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Klimaatadaptatie in de wijken", "Klimaat adaptatie in wijken"),  # compound apart
        ("Verduurzamen van woningen", "Woning verduurzamen"),  # inflection
        ("Hittestress tegengaan met groene daken", "Groene daken tegen hittestress"),  # word order, stop words
        ("Energiecoöperatie oprichten met inwoners", "Energiecooperatie oprichten"),  # diacritics
        ("Regenwater afkoppelen van het riool", "Regenwatr afkoppelen van het riool"),  # typo
    ],
)
def test_same_thing_written_differently_scores_high(a: str, b: str) -> None:
    assert score(a, b) >= 0.64


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Stimuleren van fietsgebruik in Kerkelanden",
            "Stimuleren van zwerfafval opruimen in Kerkelanden",
        ),  # place + verb
        ("Buurtbemiddeling uitbreiden", "Oplaadpunten uitbreiden"),  # generic verb only
        ("Sport voor ouderen", "Cultuur voor ouderen"),  # audience only
    ],
)
def test_sharing_a_place_verb_or_audience_is_no_overlap(a: str, b: str) -> None:
    assert score(a, b) < 0.64


def test_sharing_one_of_two_topics_is_no_overlap() -> None:
    # Same owner, area, audience and verb, and one compound in common: still two different efforts.
    context = {"owner": "uitvoering-fysiek", "areas": ["Kerkelanden"]}
    portfolio = pair_of(
        [effort("E1", "Klimaatplan en speelplein aanleggen voor kinderen", **context)],
        [effort("E1", "Klimaat plan en warmtenet aanleggen voor kinderen", **context)],
    )
    [pair] = overlaps(portfolio, threshold=0.0).pairs
    assert pair.score < 0.64
    assert {e.signal for e in pair.evidence} >= {"owner", "area", "group"}


@pytest.mark.parametrize(
    "rewritten",
    ["Plan voor het klimaat en speelpleinen aanleggen", "Speel plein en klimaat-plan aanleggen"],
)
def test_both_topics_however_written_is_overlap(rewritten: str) -> None:
    assert score("Klimaatplan en speelplein aanleggen", rewritten) >= 0.64


def test_analyzer_units_meet_across_spellings() -> None:
    analyzer = Analyzer(["klimaatplan", "speelplein", "bewonersinitiatieven"])
    joined = analyzer.features("Het klimaatplan en het speelplein")
    assert joined.units == (("klimaat", "plan"), ("speel", "plein"))
    assert analyzer.features("Plan voor het klimaat en speel plein").units == joined.units
    # residents under any name are an audience, not a topic
    assert analyzer.features("bewonersinitiatieven").units == analyzer.features("Inwoners initiatieven").units


def test_shared_words_are_shown_unstemmed() -> None:
    found = overlaps(pair_of([effort("E1", "Verduurzamen van woningen")], [effort("E1", "Woningen verduurzamen")]))
    text = found.pairs[0].evidence[0]
    assert text.signal == "text"
    assert text.shared == ("duurzamen", "woningen")  # 'ver-' is split off as a verb prefix


# --------------------------------------------------------------------------- other signals


def test_owner_partner_area_and_group_raise_the_score_and_are_named() -> None:
    plain = score("Speeltuinen vernieuwen voor kinderen", "Speeltuin vernieuwen")
    portfolio = pair_of(
        [
            effort(
                "E1",
                "Speeltuinen vernieuwen voor kinderen",
                owner="uitvoering-fysiek",
                partners=["GGD Twente"],
                areas=["Kerkelanden"],
            )
        ],
        [
            effort(
                "E1",
                "Speeltuin vernieuwen voor kinderen",
                owner="uitvoering-fysiek",
                partners=["ggd twente"],
                areas=["Almelo West"],
            )
        ],
    )
    [pair] = overlaps(portfolio, threshold=0.0).pairs
    signals = {e.signal: e for e in pair.evidence}
    assert set(signals) >= {"text", "owner", "partner", "area", "group"}
    assert signals["area"].value == 1.0  # Kerkelanden lies in Almelo West
    assert signals["owner"].shared == ("uitvoering fysiek",)
    assert pair.score > plain


def test_sibling_buurten_count_half() -> None:
    portfolio = pair_of(
        [effort("E1", "Geveltuinen aanleggen", areas=["Kerkelanden"])],
        [effort("E1", "Geveltuinen aanleggen", areas=["Windmolenbroek"])],
    )
    area = next(e for e in overlaps(portfolio, threshold=0.0).pairs[0].evidence if e.signal == "area")
    assert (area.value, area.shared) == (0.5, ("Almelo West",))


def test_place_names_in_text_are_areas_not_topic() -> None:
    portfolio = pair_of(
        [effort("E1", "Hittestress in Kerkelanden")], [effort("E1", "Hittestress aanpakken in De Riet")]
    )
    [pair] = overlaps(portfolio, threshold=0.0).pairs
    assert "kerkelanden" not in " ".join(pair.evidence[0].shared).casefold()
    assert all(e.signal != "area" for e in pair.evidence)  # different wijken


def test_explicit_link_and_suggested_links() -> None:
    a = Programme.model_validate(
        {"id": "a", "name": "A", "operational_goals": [{"id": "O1", "title": "Minder hittestress in de wijken"}]}
    )
    b = Programme.model_validate(
        {
            "id": "b",
            "name": "B",
            "efforts": [
                {"id": "E1", "title": "Tegengaan hittestress"},
                {"id": "E2", "title": "Hittestress meten", "contributes_to": ["a/O1"]},
            ],
        }
    )
    found = overlaps(Portfolio(id="pf", name="PF", programmes=(a, b)))
    assert [(s.effort, s.goal) for s in found.suggested_links] == [("b/E1", "a/O1")]  # E2 links already
    linked = next(p for p in found.pairs if "b/E2" in (p.a, p.b))
    assert any(e.signal == "link" for e in linked.evidence)


def test_indicator_signal_for_goals() -> None:
    indicator = {"name": "Aantal m2 groen in de openbare ruimte", "unit": "m2"}
    a = Programme.model_validate(
        {"id": "a", "name": "A", "operational_goals": [{"id": "O1", "title": "Meer groen", "indicators": [indicator]}]}
    )
    b = Programme.model_validate(
        {
            "id": "b",
            "name": "B",
            "operational_goals": [{"id": "O1", "title": "Groenere buurten", "indicators": [indicator]}],
        }
    )
    [pair] = overlaps(Portfolio(id="pf", name="PF", programmes=(a, b)), threshold=0.0).pairs
    assert pair.kind == "goal-goal"
    assert any(e.signal == "indicator" and e.value == 1.0 for e in pair.evidence)


def test_synonyms_are_read_as_the_word_they_stand_for() -> None:
    a, b = "Geveltuinen aanleggen", "Straatgroen aanleggen"
    assert score(a, b) < 0.64
    assert score(a, b, synonyms={"geveltuin": "straatgroen"}) >= 0.64
    # the built-in 'blauw' is 'water' can be switched off
    blue, water = "Blauwe netwerk", "Waternetwerk"
    assert score(blue, water) > score(blue, water, synonyms={"blauw": "blauw"})
    with pytest.raises(DinError, match="one word"):
        overlaps(pair_of([effort("E1", a)], [effort("E1", b)]), synonyms={"groene daken": "dakgroen"})


def test_unknown_weight_is_an_error() -> None:
    with pytest.raises(DinError, match="unknown overlap weight"):
        overlaps(pair_of([], []), weights={"ownr": 1.0})


# --------------------------------------------------------------------------- results


def test_almelo_top_findings_are_what_a_reader_sees() -> None:
    found = overlaps(din_graph.load("examples/almelo"))
    keys = [(p.a.split("/")[1], p.b.split("/")[1]) for p in found.pairs]
    assert ("E23", "BB2") in keys  # residents' initiatives
    assert ("O1b", "EK1") in keys  # heat stress
    assert ("E19", "EK2") in keys  # making homes sustainable
    assert ("O1a", "FV4") in keys  # greening: 'groen en blauw' is green space and water
    greening = found.pairs[keys.index(("O1a", "FV4"))]
    assert {"groen", "water"} <= set(greening.evidence[0].shared)
    [pp] = found.programme_pairs
    assert (pp.a, pp.b, pp.count) == ("almelo-duurzaamheid", "almelo-leefbare-wijken-en-dorpen", len(found.pairs))
    matrix = found.matrix()
    assert matrix["almelo-duurzaamheid"]["almelo-leefbare-wijken-en-dorpen"] == pp.score
    # without the synonym, 'blauw' is not 'water' and greening falls below the threshold
    plain = overlaps(din_graph.load("examples/almelo"), synonyms={})
    assert ("O1a", "FV4") not in [(p.a.split("/")[1], p.b.split("/")[1]) for p in plain.pairs]


def test_unrelated_almelo_pairs_stay_below_threshold() -> None:
    found = overlaps(din_graph.load("examples/almelo"))
    assert len(found.pairs) <= 6
    assert all(p.evidence[0].shared for p in found.pairs)


def test_clusters_span_programmes() -> None:
    portfolio = Portfolio.model_validate(
        {
            "id": "pf",
            "name": "PF",
            "programmes": [
                {"id": p, "name": p, "efforts": [{"id": "E1", "title": "Warmtenet aanleggen in de wijk"}]}
                for p in "abc"
            ],
        }
    )
    found = overlaps(portfolio)
    assert len(found.pairs) == 3
    [cluster] = found.clusters
    assert cluster.programmes == ("a", "b", "c")


def test_in_area_includes_parts_and_text_mentions() -> None:
    almelo = din_graph.load("examples/almelo")
    binnenstad = in_area(almelo, "binnenstad")
    assert {a.node for a in binnenstad} >= {"almelo-duurzaamheid/E5", "almelo-duurzaamheid/E12"}
    portfolio = pair_of(
        [effort("E1", "Geveltuinen", areas=["Kerkelanden"]), effort("E2", "Speeltuin in De Riet")],
        [effort("E1", "Buurthuis in Windmolenbroek")],
    )
    west = in_area(portfolio, "Almelo West")
    assert [(a.node, a.via) for a in west] == [("a/E1", "areas"), ("b/E1", "text")]
    with pytest.raises(DinError, match="unknown area"):
        in_area(portfolio, "Atlantis")


@given(st.lists(st.sampled_from(["almelo", "west", "de", "riet", "kerkelanden", "groen", "noord"]), max_size=12))
def test_areas_mentioned_agrees_with_every_window(tokens: list[str]) -> None:
    from din_graph._analysis._overlap import _Areas

    areas = _Areas(pair_of([effort("E1", "x")], [effort("E1", "y")]))
    brute = {
        area
        for start in range(len(tokens))
        for stop in range(start + 1, len(tokens) + 1)
        if (area := areas.phrases.get(tuple(tokens[start:stop]))) is not None
    }
    assert areas.mentioned(tokens) == brute
    assert areas.mentioned(" ".join(tokens)) == brute


@given(st.lists(st.lists(st.sampled_from(["almelo", "west", "de", "riet", "kerkelanden", "x", "noord"]), max_size=6)))
def test_areas_mentioned_in_many_texts_is_mentioned_in_each(texts: list[list[str]]) -> None:
    from din_graph._analysis._overlap import _Areas

    # a corpus at once, names not running on from one text into the next
    from din_graph._analysis._text import corpus_of

    areas = _Areas(pair_of([effort("E1", "x")], [effort("E1", "y")]))
    corpus = corpus_of([" ".join(tokens) for tokens in texts])
    each = [areas.mentioned(tokens) for tokens in texts]
    assert areas.mentioned_in(corpus) == each
    areas._codes = {}  # names too long for 64-bit numbers: looked for text by text
    assert areas.mentioned_in(corpus) == each


def test_analyzer_pieces() -> None:
    assert fold("Coöperatie") == "cooperatie"
    analyzer = Analyzer(["warmte net", "netwerk", "verduurzamen", "verduurzamen"])
    assert analyzer.split("warmtenet") == ("warmte", "net")
    assert analyzer.features("verduurzaamen").parts == analyzer.features("verduurzamen").parts  # typo corrected


def test_society_is_no_topic_and_no_compound() -> None:
    # 'samenleving' is not 'samen' + 'leving' (which stems as 'leef', as in 'leefbaar')
    analyzer = Analyzer(["leefbare wijken", "een circulaire samenleving", "leven"])
    assert analyzer.features("Werken aan een circulaire samenleving").parts == ("circulair",)


def test_plurals_with_a_long_vowel_meet_their_singular() -> None:
    analyzer = Analyzer(["klimaatdaken", "een dak", "de straten", "paden en hoven", "pad", "hof"])
    assert [analyzer.stem(w) for w in ("daken", "paden", "hoven")] == ["dak", "pad", "hof"]
    assert analyzer.stem("straten") == "straat"  # a long vowel of its own stays
    # so the paraphrase 'dak voor klimaat' is the compound 'klimaatdaken'
    assert analyzer.features("dak voor klimaat").keys == analyzer.features("klimaatdaken").keys


def test_compounds_split_alike_in_every_inflection() -> None:
    analyzer = Analyzer(["natuur", "natuurdeal", "natuurdeals", "voedselpas", "voedsel passen"])
    assert analyzer.features("natuurdeal").parts == analyzer.features("natuurdeals").parts
    # a three-letter tail the corpus writes only inflected ('passen') still splits
    assert analyzer.split("voedselpas") == ("voedsel", "pas")
    assert analyzer.features("voedselpas").keys == analyzer.features("voedsel-passen").keys


def test_typos_inside_compounds_and_swapped_letters() -> None:
    corpus = ["gevel isolatie", "kassen", "gevelkas", "warmtebergingen", "warmtbeergingen", "renoveren", "berging"]
    analyzer = Analyzer([*corpus, "gvelkassen", "renvoeren"])
    assert analyzer.split("gvelkassen") == ("gevel", "kassen")  # one letter missing in a part
    assert analyzer.features("renvoeren").parts == analyzer.features("renoveren").parts  # two letters swapped
    # of two spellings written once, the typo is read as the word, not the other way round
    assert analyzer.corrections.get("warmtbeergingen") == "warmtebergingen"
    assert "warmtebergingen" not in analyzer.corrections


@given(st.lists(st.text(st.characters(codec=None) | st.sampled_from("aZ9 -/\x00éß\u0130\ud800"), max_size=12)))
@example(["Klimaat-adaptatie", "een\x00twee", "", "Coöperatie \ud800 ß"])
def test_a_corpus_at_once_has_the_words_of_each_text(texts: list[str]) -> None:
    from din_graph._analysis._text import Corpus, corpus_of, count_words, words

    # a corpus at once, separators, diacritics, case, lone surrogates and NUL included
    each = [words(t) for t in texts]
    assert count_words(texts) == [len(ws) for ws in each]
    corpus = corpus_of(texts)
    assert [corpus.text(i) for i in range(len(corpus))] == each
    assert corpus.words == list(dict.fromkeys(w for ws in each for w in ws))  # numbered as first written
    given_words = Corpus.of_words(each)
    assert given_words.words == corpus.words
    assert given_words.ids.tolist() == corpus.ids.tolist()
    assert given_words.lengths.tolist() == corpus.lengths.tolist()


@given(st.text(max_size=30))
def test_fold_is_nfkd_without_combining_marks_casefolded(text: str) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def test_fast_stemmer_stems_as_snowball_does() -> None:
    from snowballstemmer.dutch_stemmer import DutchStemmer

    from din_graph._analysis._text import _stemmer

    # PyStemmer's C build (a dependency); were it the pure-Python one, this would compare it with itself
    assert type(_stemmer()).__module__ == "Stemmer"
    vocabulary = sorted({w for p in din_graph.load("examples/almelo").programmes for w in _texts_of(p)})
    assert len(vocabulary) > 300
    reference = DutchStemmer()
    assert [_stemmer().stemWord(w) for w in vocabulary] == [reference.stemWord(w) for w in vocabulary]


def _texts_of(programme: Programme) -> list[str]:
    from din_graph._analysis._text import words

    texts = [e.title + " " + (e.description or "") for e in programme.efforts]
    texts += [g.title + " " + (g.description or "") for g in programme.operational_goals]
    return [w for t in texts for w in words(t)]


def test_character_ngrams_match_scikit_learn() -> None:
    # The n-grams are computed once per distinct word; the figures must stay those of char_wb TF-IDF.
    np = pytest.importorskip("numpy")
    text = pytest.importorskip("sklearn.feature_extraction.text")
    from din_graph._analysis._overlap import _char_matrices

    texts = ["klimaat plan speel plein", "warmte net", "", "klimaat klimaat ab", "a"]
    others = ["klimaat plan", "qqq", ""]
    reference = text.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True)
    fitted = reference.fit_transform(texts)
    ours, ours_others = _char_matrices(texts, others)
    assert np.allclose((ours @ ours.T).toarray(), (fitted @ fitted.T).toarray(), atol=1e-6)
    assert np.allclose((ours_others @ ours.T).toarray(), (reference.transform(others) @ fitted.T).toarray(), atol=1e-6)


def test_progress_bar_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    almelo = din_graph.load("examples/almelo")
    assert overlaps(almelo, progress=True) == overlaps(almelo, progress=False)
    assert "overlap" in capsys.readouterr().err


def test_progress_bar_shows_by_itself_on_large_portfolios() -> None:
    from din_graph._analysis._overlap import PROGRESS_NODES, _NoProgress, _progress_bar

    # the bar shows from PROGRESS_NODES nodes on (tqdm then draws on a terminal only)
    assert isinstance(_progress_bar(PROGRESS_NODES - 1, 10, enabled=None, label="overlap"), _NoProgress)
    bar = _progress_bar(PROGRESS_NODES, 10, enabled=None, label="overlap")
    assert not isinstance(bar, _NoProgress)
    bar.close()
    assert isinstance(_progress_bar(10**6, 10, enabled=False, label="overlap"), _NoProgress)


def test_blocking_finds_what_scoring_every_pair_finds() -> None:
    # Candidate blocking (two keys: rare words, rare things named) on a portfolio
    # small enough to score every pair as well.
    a = [effort(f"E{i}", _title(p + h, q + h2)) for i, (p, h, q, h2) in enumerate(_MIXED[:12])]
    b = [effort(f"E{i}", _rewrite_plain(p + h, q + h2)) for i, (p, h, q, h2) in enumerate(_MIXED[:12])]
    portfolio = pair_of(a, b)
    blocked = overlaps(portfolio, exhaustive_limit=0)
    every = overlaps(portfolio, exhaustive_limit=10**9)
    assert [(p.a, p.b) for p in blocked.pairs] == [(p.a, p.b) for p in every.pairs]
    assert {(p.a, p.b) for p in every.pairs} >= {(f"a/E{i}", f"b/E{i}") for i in range(12)}


# --------------------------------------------------------------------------- properties

_PREFIXES = [
    "klimaat",
    "energie",
    "water",
    "speel",
    "school",
    "zorg",
    "jeugd",
    "fiets",
    "afval",
    "warmte",
    "natuur",
    "cultuur",
]
_HEADS = ["plan", "fonds", "loket", "netwerk", "tuin", "plein", "route", "agenda", "kaart", "monitor", "coach", "pact"]


@st.composite
def topics(draw: st.DrawFn) -> tuple[str, str]:
    a = draw(st.sampled_from(_PREFIXES)) + draw(st.sampled_from(_HEADS))
    b = draw(st.sampled_from(_PREFIXES)) + draw(st.sampled_from(_HEADS))
    return a, b


def _title(a: str, b: str) -> str:
    return f"Uitvoering van het {a} en de {b}"


def _rewrite(a: str, b: str, draw: st.DrawFn) -> str:
    def apart(word: str) -> str:
        for head in _HEADS:
            if word.endswith(head) and draw(st.booleans()):
                return f"{word[: -len(head)]} {head}"
        return word

    first, second = (b, a) if draw(st.booleans()) else (a, b)
    return f"{apart(first).capitalize()} en {apart(second)} uitvoeren"


_PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_PROPS
@given(st.data())
def test_renamed_copy_is_found_and_stays_found(data: st.DataObject) -> None:
    a, b = data.draw(topics())
    if a == b:
        return
    copy = _rewrite(a, b, data.draw)
    portfolio = pair_of([effort("E1", _title(a, b))], [effort("E1", copy)])
    assert {("a/E1", "b/E1")} <= {(p.a, p.b) for p in overlaps(portfolio).pairs}
    # unrelated programmes with other topics do not drown it
    others = [
        Programme.model_validate(
            {
                "id": f"x{i}",
                "name": f"X{i}",
                "efforts": [effort(f"E{j}", f"Opknappen van het {t}") for j, t in enumerate(words)],
            }
        )
        for i, words in enumerate(
            data.draw(
                st.lists(
                    st.lists(
                        st.sampled_from(["buurthuis", "sportpark", "marktplein", "zwembad"]), min_size=1, max_size=4
                    ),
                    min_size=1,
                    max_size=3,
                )
            )
        )
    ]
    bigger = portfolio.model_copy(update={"programmes": (*portfolio.programmes, *others)})
    assert {("a/E1", "b/E1")} <= {(p.a, p.b) for p in overlaps(bigger).pairs}


@_PROPS
@given(st.lists(topics(), min_size=2, max_size=6))
def test_scores_symmetric_bounded_deterministic(pairs: list[tuple[str, str]]) -> None:
    half = len(pairs) // 2
    a = [effort(f"E{i}", _title(*t)) for i, t in enumerate(pairs[:half])]
    b = [effort(f"E{i}", _title(*reversed(t))) for i, t in enumerate(pairs[half:])]
    forward = overlaps(pair_of(a, b), threshold=0.0)
    swapped = pair_of(b, a)
    backward = overlaps(swapped.model_copy(update={"programmes": tuple(reversed(swapped.programmes))}), threshold=0.0)
    assert all(0.0 <= p.score <= 1.0 for p in forward.pairs)
    assert all(p.a < p.b for p in forward.pairs)
    assert overlaps(pair_of(a, b), threshold=0.0) == forward  # deterministic
    # swapping which programme holds which efforts only renames them
    rename = {"a": "b", "b": "a"}

    def swap(key: str) -> str:
        pid, local = key.split("/")
        return f"{rename[pid]}/{local}"

    assert sorted((min(swap(p.a), swap(p.b)), max(swap(p.a), swap(p.b)), p.score) for p in backward.pairs) == sorted(
        (p.a, p.b, p.score) for p in forward.pairs
    )


_MIXED = [
    (p, h, q, h2)
    for p, q in zip(_PREFIXES, reversed(_PREFIXES), strict=True)
    for h, h2 in [(_HEADS[len(p) % len(_HEADS)], _HEADS[len(q) * 7 % len(_HEADS)])]
    if p != q
]


def _rewrite_plain(a: str, b: str) -> str:
    return f"{b.capitalize()} en {a} uitvoeren"
