"""The subject thesaurus and the subject view of the overlap finder: what words *mean*."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from din_graph import DinError, Portfolio, Programme, overlaps
from din_graph._analysis._overlap_result import OverlapPair, Overlaps
from din_graph._analysis._subjects import (
    BUILTIN,
    SubjectReader,
    Thesaurus,
    builtin_thesaurus,
    load_thesaurus,
    thesaurus_for,
)
from din_graph._analysis._text import GROUP_WORDS, Analyzer, words
from din_graph._errors import DinArgumentError, DinFileError

#: The BBV taakvelden: 0.1 … 8.3, and the sub-fields of 6.7 and 6.8 (6.71, 6.72, 6.81, 6.82).
TAAKVELD = re.compile(r"^[0-8]\.[1-9][0-9]?$")


def portfolio(a: list[str], b: list[str]) -> Portfolio:
    """Two programmes whose efforts have the given titles."""

    def programme(pid: str, titles: list[str]) -> Programme:
        efforts = [{"id": f"E{i}", "title": t} for i, t in enumerate(titles, 1)]
        return Programme.model_validate({"id": pid, "name": pid.upper(), "efforts": efforts})

    return Portfolio.model_validate({"id": "pf", "name": "PF", "programmes": [programme("a", a), programme("b", b)]})


def listed(found: Overlaps, a: str, b: str) -> OverlapPair | None:
    return next((p for p in found.pairs if (p.a, p.b) == (a, b)), None)


def pair(found: Overlaps, a: str, b: str) -> OverlapPair:
    listed_pair = listed(found, a, b)
    assert listed_pair is not None, f"{a} ~ {b} is not listed"
    return listed_pair


# --------------------------------------------------------------------------- the thesaurus


def test_builtin_thesaurus_is_broad_and_labelled() -> None:
    thesaurus = builtin_thesaurus()
    assert 60 <= len(thesaurus) <= 120
    ids = [s.id for s in thesaurus.subjects]
    assert len(ids) == len(set(ids))
    for subject in thesaurus.subjects:
        assert subject.nl.strip(), subject.id
        assert subject.en.strip(), subject.id
        assert TAAKVELD.match(subject.taakveld), (subject.id, subject.taakveld)
        assert len(subject.words) >= 3, subject.id
    # every taakveld group of the BBV is covered
    assert {s.taakveld[0] for s in thesaurus.subjects} == set("012345678")


def test_every_thesaurus_word_names_something_and_only_one_subject() -> None:
    """A word (after stemming) or phrase is in one subject only: sharing it means sharing that subject."""
    reader = SubjectReader(builtin_thesaurus(), Analyzer())
    owner: dict[str, str] = {}
    for subject in builtin_thesaurus().subjects:
        for word in subject.words:
            parts = [p for p in words(word) if reader.analyzer.keys(p)]
            assert parts, (subject.id, word)
            key = " ".join(sorted(reader.analyzer.keys(p)[0] for p in parts))
            assert owner.setdefault(key, subject.id) == subject.id, (word, subject.id, owner[key])


def test_audiences_alone_name_no_subject() -> None:
    """*mantelzorgers* or *woningeigenaren* say who an effort is for, not what it is about
    (they weigh least in the term view); in a phrase beside a subject word they may stand."""
    for subject in builtin_thesaurus().subjects:
        for word in subject.words:
            assert [w for w in words(word) if w not in GROUP_WORDS], (subject.id, word)


def test_each_thesaurus_word_names_its_own_subject() -> None:
    reader = SubjectReader(builtin_thesaurus(), Analyzer())
    for number, subject in enumerate(builtin_thesaurus().subjects):
        for word in subject.words:
            assert number in reader.subjects(word), (subject.id, word)


def test_compounds_inflections_and_phrases_name_the_subject() -> None:
    reader = SubjectReader(builtin_thesaurus(), Analyzer())

    def about(text: str) -> set[str]:
        return {reader.thesaurus.subjects[n].id for n in reader.subjects(text)}

    assert about("Hittestressmaatregelen in de binnenstad") == {"klimaatadaptatie"}  # front of a compound
    assert about("Aanpak kinderarmoede") == {"armoede-schulden"}  # back of a compound
    assert about("meer groene daken") == {"klimaatadaptatie"}  # a phrase: both words
    assert about("groene gevels") == about("platte daken") == set()  # … not one of them alone
    assert about("handhavers") == {"handhaving-toezicht"}  # on the stem of handhaving
    assert about("natuurlijk een biodiversiteitsplan") == {"biodiversiteit"}  # natuurlijk is no nature
    assert about("stimuleren en versterken van inwoners in de wijk") == set()  # generic words name nothing


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([w for s in builtin_thesaurus().subjects for w in s.words] + ["de", "wijk", "x"])))
def test_subjects_are_named_by_words_of_the_text(chosen: list[str]) -> None:
    reader = SubjectReader(builtin_thesaurus(), Analyzer())
    text = " ".join(chosen)
    folded = set(words(text))
    for named in reader.subjects(text).values():
        assert named
        assert all(set(w.split()) <= folded for w in named)


THESAURUS_WORDS = [w for s in builtin_thesaurus().subjects for w in s.words]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([*THESAURUS_WORDS, "de", "wijk", "stimuleren", "Almelo", "x"]), max_size=8).map(
            " ".join
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_subject_view_reads_each_text_as_the_evidence_does(texts: list[str]) -> None:
    # Two paths read subjects: the view per distinct word of the corpus, the evidence per
    # text. A pair's score and the sentence that explains it must name the same subjects.
    from din_graph._analysis._overlap import _subject_view
    from din_graph._analysis._text import tokenise

    tokens = tokenise(texts)
    analyzer = Analyzer(tokens.words_of(len(texts)), places=["Almelo"])
    reader = SubjectReader(builtin_thesaurus(), analyzer)
    view = _subject_view(analyzer.without_places(tokens), len(texts), reader)
    for row, text in enumerate(texts):
        assert set(view[row].indices.tolist()) == set(reader.subjects(text)), text
        length = float((view[row].data ** 2).sum())
        assert length == pytest.approx(reader.coverage(text) if reader.subjects(text) else 0.0, abs=1e-5), text


def test_thesaurus_loads_lazily() -> None:
    code = (
        "import din_graph, din_graph._analysis._overlap as o, din_graph._analysis._subjects as s;"
        "assert s.builtin_thesaurus.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_thesaurus_is_package_data() -> None:
    text = Path("pyproject.toml").read_text(encoding="utf-8")
    assert '"_analysis/*.yaml"' in text
    assert BUILTIN.name == "subjects.yaml"
    assert BUILTIN.is_file()


# --------------------------------------------------------------------------- the subject view


ADAPT = ["Ontstenen van tuinen en groene daken", "Uitbreiden buurtbemiddeling", "Cameratoezicht uitbreiden"]
HEAT = ["Tegengaan hittestress", "Aanleg fietspad naar het station", "Schuldhulpverlening voor gezinnen"]


def test_subject_view_finds_pairs_that_share_no_word() -> None:
    found = overlaps(portfolio(ADAPT, HEAT))
    shared = pair(found, "a/E1", "b/E1")
    assert shared.reason == "Beide gaan over klimaatadaptatie (ontstenen, groene daken / hittestress)."
    assert [e.signal for e in shared.evidence] == ["text", "subject"]
    # different subjects are no pair
    assert listed(found, "a/E2", "b/E3") is None
    assert listed(found, "a/E3", "b/E2") is None
    english = overlaps(portfolio(ADAPT, HEAT), lang="en")
    assert pair(english, "a/E1", "b/E1").reason.startswith("Both are about climate adaptation")


def test_without_a_thesaurus_the_pair_is_not_found() -> None:
    assert listed(overlaps(portfolio(ADAPT, HEAT), subjects={}), "a/E1", "b/E1") is None


def test_a_shared_subject_ranks_below_a_rewrite() -> None:
    pf = portfolio(["Tegengaan hittestress in de wijk"], ["Tegengaan hittestress", "Ontstenen van pleinen"])
    found = overlaps(pf)
    assert pair(found, "a/E1", "b/E1").rank == 1
    assert pair(found, "a/E1", "b/E2").rank == 2


def test_words_both_texts_share_are_not_repeated_as_a_subject() -> None:
    found = overlaps(portfolio(["Tegengaan hittestress"], ["Hittestress in de binnenstad"]))
    assert found.pairs[0].reason == "Beide noemen hittestress."


# --------------------------------------------------------------------------- user thesauri


def test_a_user_file_extends_the_thesaurus(tmp_path: Path) -> None:
    path = tmp_path / "onderwerpen.yaml"
    path.write_text(
        "onderwerpen:\n"
        "  zwemwater:\n"
        "    nl: zwemwater\n"
        "    en: bathing water\n"
        "    woorden: [zwemwater, recreatieplas]\n"
        "  klimaatadaptatie:\n"
        "    words: [boomkronen]\n",
        encoding="utf-8",
    )
    thesaurus = thesaurus_for(path)
    assert len(thesaurus) == len(builtin_thesaurus()) + 1
    adapt = next(s for s in thesaurus.subjects if s.id == "klimaatadaptatie")
    assert adapt.nl == "klimaatadaptatie"
    assert adapt.words[-1] == "boomkronen"
    pf = portfolio(["Zwemwater bewaken"], ["Recreatieplas inrichten", "Meer boomkronen"])
    assert listed(overlaps(pf), "a/E1", "b/E1") is None
    found = overlaps(pf, subjects=path)
    assert pair(found, "a/E1", "b/E1").reason == "Beide gaan over zwemwater (zwemwater / recreatieplas)."
    found = overlaps(portfolio(["Meer boomkronen"], ["Tegengaan hittestress"]), subjects=path)
    assert "klimaatadaptatie (boomkronen / hittestress)" in found.pairs[0].reason


def test_a_user_thesaurus_can_replace_the_builtin_one() -> None:
    mine = {"replace": True, "subjects": {"koelte": {"nl": "koelte", "en": "cool", "words": ["koeltekaart"]}}}
    assert [s.id for s in thesaurus_for(mine).subjects] == ["koelte"]
    assert listed(overlaps(portfolio(ADAPT, HEAT), subjects=mine), "a/E1", "b/E1") is None
    assert thesaurus_for(None) is builtin_thesaurus()
    assert thesaurus_for({}) == Thesaurus()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("subjects:\n  koelte:\n    nl: koelte\n    words: [koeltekaart]\n", 2, "'koelte': a new subject needs"),
        ("subjects:\n  koelte:\n    nl: koelte\n    en: cool\n    words: [koelte, de]\n", 5, "word 'de' names nothing"),
        ("subjects:\n  koelte:\n    nl: koelte\n    en: cool\n    words: koeltekaart\n", 5, "'words' is a list"),
        ("subjects:\n  koelte:\n    nl: koelte\n    en: cool\n    kleur: blauw\n", 5, "unknown key 'kleur'"),
        ("subjects:\n  klimaatadaptatie:\n    words: [hoosbui, 3]\n", 3, "words[1] is not text"),
        ("subjects:\n  koelte: koeltekaart\n", 2, "'koelte': write a mapping"),
        ("replace: ja graag\n", 1, "'replace' is true or false"),
        ("thema's: []\n", 1, "a thesaurus holds 'subjects'"),
    ],
)
def test_a_bad_user_file_is_a_located_error(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DinFileError) as caught:
        overlaps(portfolio(ADAPT, HEAT), subjects=path)
    assert caught.value.line == line
    assert caught.value.file is not None
    assert caught.value.file.endswith("bad.yaml")
    assert message in str(caught.value)


def test_a_bad_mapping_names_the_subject() -> None:
    with pytest.raises(DinArgumentError, match="subject 'koelte': a new subject needs") as caught:
        thesaurus_for({"subjects": {"koelte": {"words": ["koeltekaart"]}}})
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, DinError)


def test_a_missing_file_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(DinFileError):
        load_thesaurus(tmp_path / "nowhere.yaml")


def test_din_overlap_reads_a_user_thesaurus(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from din_graph._cli import cli

    programmes = tmp_path / "pf"
    programmes.mkdir()
    for pid, title in (("a", "Zwemwater bewaken"), ("b", "Recreatieplas inrichten")):
        (programmes / f"{pid}.yaml").write_text(
            f"programma:\n  id: {pid}\n  naam: {pid.upper()}\ninspanningen:\n  - id: E1\n    titel: {title}\n",
            encoding="utf-8",
        )
    mine = tmp_path / "onderwerpen.yaml"
    mine.write_text("subjects:\n  zwemwater: {nl: zwemwater, en: bathing water, words: [zwemwater, recreatieplas]}\n")
    result = CliRunner().invoke(cli, ["overlap", str(programmes), "--subjects", str(mine)])
    assert result.exit_code == 0, result.output
    assert "Beide gaan over zwemwater (zwemwater / recreatieplas)." in result.stdout
    mine.write_text("subjects:\n  zwemwater:\n    words: [zwemwater]\n")
    result = CliRunner().invoke(cli, ["overlap", str(programmes), "--subjects", str(mine)])
    assert result.exit_code == 2
    assert "onderwerpen.yaml:2" in result.stderr
    assert "'zwemwater': a new subject needs" in result.stderr
