"""The overlap review file: pairs an advisor confirmed or dismissed.

A small YAML (or JSON) file, keyed by node keys, that ``din overlap --review``
reads so that decisions stick between runs (format in docs/overlap.md)::

    pairs:
      - a: almelo-duurzaamheid/E19
        b: almelo-leefbare-wijken-en-dorpen/EK2
        decision: confirmed        # confirmed | dismissed (bevestigd | afgewezen)
        note: zelfde subsidieregeling, afstemmen
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from din_graph._errors import DinFileError
from din_graph._io._reader import Path_, read_document

__all__ = ["Decision", "Review", "ReviewEntry", "load_review"]

Decision = Literal["confirmed", "dismissed"]
_DECISIONS: dict[str, Decision] = {
    "confirmed": "confirmed",
    "bevestigd": "confirmed",
    "dismissed": "dismissed",
    "afgewezen": "dismissed",
}
_KEYS = {"a", "b", "decision", "note"}


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One recorded decision on a pair of node keys (``a < b``)."""

    a: str
    b: str
    decision: Decision
    note: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Review:
    """The decisions of a review file, by pair of node keys (the smaller key first)."""

    entries: dict[tuple[str, str], ReviewEntry]
    file: str | None = None

    def decision(self, a: str, b: str) -> ReviewEntry | None:
        """The decision recorded on a pair, in either order, or ``None``."""
        return self.entries.get((min(a, b), max(a, b)))


def load_review(path: str | Path) -> Review:
    """Read a review file.

    Raises
    ------
    DinFileError
        The file is missing or unreadable, or an entry lacks a key, names an unknown
        decision or key, or contradicts an earlier entry on the same pair (file, line, key).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "r.yaml").write_text("pairs:\\n  - {a: p/E1, b: q/E2, decision: afgewezen}\\n")
    >>> load_review(folder / "r.yaml").decision("q/E2", "p/E1").decision
    'dismissed'
    """
    document = read_document(Path(path))
    file = document.file

    def fail(where: Path_, message: str) -> DinFileError:
        return DinFileError(file, message, document.line(where))

    data = document.data
    if data is None:
        return Review({}, file)
    if not isinstance(data, dict) or set(data) - {"pairs"} or not isinstance(data.get("pairs", []), list):
        raise fail((), "a review file holds one key, 'pairs', with a list of {a, b, decision, note}")
    entries: dict[tuple[str, str], ReviewEntry] = {}
    for index, item in enumerate(data.get("pairs") or []):
        where: Path_ = ("pairs", index)
        if not isinstance(item, dict):
            raise fail(where, f"pairs[{index}]: write a mapping with a, b and decision")
        unknown = sorted(str(k) for k in set(item) - _KEYS)
        if unknown:
            raise fail((*where, unknown[0]), f"pairs[{index}]: unknown key {unknown[0]!r}; known: a, b, decision, note")
        for key in ("a", "b", "decision"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise fail((*where, key), f"pairs[{index}]: {key!r} is missing or not text")
        decision = _DECISIONS.get(item["decision"].strip().casefold())
        if decision is None:
            raise fail(
                (*where, "decision"),
                f"pairs[{index}]: decision {item['decision']!r}; write confirmed or dismissed (bevestigd, afgewezen)",
            )
        a, b = sorted((item["a"].strip(), item["b"].strip()))
        entry = ReviewEntry(a, b, decision, str(item.get("note") or ""), document.line(where))
        earlier = entries.get((a, b))
        if earlier is not None and earlier.decision != decision:
            raise fail(where, f"pairs[{index}]: {a} – {b} is also {earlier.decision} on line {earlier.line}")
        entries[(a, b)] = entry
    return Review(entries, file)
