"""One vocabulary: every word users read has a Dutch and an English form, and surfaces take it from there."""

from __future__ import annotations

import re

import pytest

from din_graph._vocab import VOCABULARY, word

_FIELD = re.compile(r"\{(\w*)")


@pytest.mark.parametrize("topic", sorted(VOCABULARY))
def test_every_key_has_a_dutch_and_an_english_word(topic: str) -> None:
    table = VOCABULARY[topic]
    assert set(table) == {"nl", "en"}
    assert set(table["nl"]) == set(table["en"])
    for key in table["nl"]:
        # A blank is deliberate (an unknown kind shows no word) only when it is blank in both.
        assert bool(table["nl"][key].strip()) == bool(table["en"][key].strip()), (topic, key)


@pytest.mark.parametrize("topic", sorted(VOCABULARY))
def test_both_languages_fill_in_the_same_fields(topic: str) -> None:
    table = VOCABULARY[topic]
    for key in table["nl"]:
        assert set(_FIELD.findall(table["nl"][key])) == set(_FIELD.findall(table["en"][key])), (topic, key)


def test_word_looks_up_and_fills_in() -> None:
    assert word("cli", "changes", "nl") == "Wijzigingen"
    assert word("overlap", "more", "en", n=4) == "and 4 more pairs"
    with pytest.raises(KeyError):
        word("cli", "no-such-word", "nl")


def test_the_vocabulary_imports_nothing_of_din_graph() -> None:
    import ast
    from pathlib import Path

    import din_graph._vocab as vocab

    tree = ast.parse(Path(vocab.__file__).read_text(encoding="utf-8"))
    names = ["." * n.level + (n.module or "") for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [name for name in names if name.startswith(("din_graph", "."))]
