"""What changed between two versions of a programme.

Contracts are "niet in beton gegoten": goals, efforts, links, owners and targets
move between versions.  :func:`diff` matches the items of the two versions by
id and, where an id changed, by text (a title or name that is still
recognisably the same, rapidfuzz ``token_set_ratio`` at least ``rename_score``),
and lists every difference as a :class:`Change`.  :func:`apply_diff` replays
the changes on the old version; the result equals the new version (up to the
order of items), which the tests check: the changes explain every difference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from din_graph._errors import DinArgumentError
from din_graph._model import Programme
from din_graph._vocab import DIFF_WORDS

__all__ = ["COLLECTIONS", "Change", "ProgrammeDiff", "apply_diff", "describe", "diff"]

#: Collections compared item by item, with the level name of their items.
COLLECTIONS: dict[str, str] = {
    "strategic_goals": "strategic_goal",
    "operational_goals": "operational_goal",
    "efforts": "effort",
    "placeholders": "placeholder",
    "owners": "owner",
}
_LEVEL_TO_COLLECTION = {level: name for name, level in COLLECTIONS.items()}

Op = Literal["added", "removed", "renamed", "changed"]


@dataclass(frozen=True)
class Change:
    """One difference between two versions.

    ``op`` ``added``/``removed``: ``new``/``old`` holds the whole item (as a
    dict); ``renamed``: the item's id changed from ``old_id`` to ``id`` (its
    field changes follow as ``changed``); ``changed``: ``field`` went from
    ``old`` to ``new``.  ``level`` is ``programme`` for the programme's own
    fields.
    """

    op: Op
    level: str
    id: str
    field: str | None = None
    old: Any = None
    new: Any = None
    old_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return asdict(self)


@dataclass(frozen=True)
class ProgrammeDiff:
    """The result of :func:`diff`."""

    old: str
    new: str
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def filter(self, *, op: str | None = None, level: str | None = None, field: str | None = None) -> list[Change]:
        """The changes of this op, level and/or field."""
        return [
            c
            for c in self.changes
            if (op is None or c.op == op)
            and (level is None or c.level == level)
            and (field is None or c.field == field)
        ]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as ``din diff --format json`` prints it."""
        return {"old": self.old, "new": self.new, "changes": [c.to_dict() for c in self.changes]}

    def _repr_html_(self) -> str:
        from din_graph._strings import html_table

        rows = ((c.op, c.level, c.id, c.field or "", describe(c)) for c in self.changes)
        return html_table(["op", "level", "id", "field", "what"], rows, caption=f"{self.old} → {self.new}")


def _label(item: dict[str, Any]) -> str:
    return str(item.get("title") or item.get("name") or "")


def _renames(
    old_items: dict[str, dict[str, Any]], new_items: dict[str, dict[str, Any]], rename_score: float
) -> dict[str, str]:
    """Old id -> new id for items whose id changed but whose title (or name) is still recognisably the same.

    Best matches first; every item is matched at most once.  The score matrix is
    computed by rapidfuzz in one call; only pairs at or above ``rename_score``
    are candidates.
    """
    from rapidfuzz import fuzz, process

    gone = [i for i in old_items if i not in new_items and _label(old_items[i])]
    came = [i for i in new_items if i not in old_items]
    if not gone or not came:
        return {}
    scores = process.cdist(
        [_label(old_items[o]).casefold() for o in gone],
        [_label(new_items[n]).casefold() for n in came],
        scorer=fuzz.token_set_ratio,
        score_cutoff=rename_score,
    )
    candidates = sorted((-float(scores[i, j]), gone[i], came[j]) for i, j in zip(*scores.nonzero(), strict=True))
    out: dict[str, str] = {}
    taken: set[str] = set()
    for _, o, n in candidates:
        if o not in out and n not in taken:
            out[o] = n
            taken.add(n)
    return out


def _rewrite(item: dict[str, Any], renamed: dict[str, dict[str, str]]) -> dict[str, Any]:
    """An item with its references following renamed ids: links to goals, the owner to owners."""
    goals = {**renamed.get("strategic_goal", {}), **renamed.get("operational_goal", {})}
    owners = renamed.get("owner", {})
    out = dict(item)
    if "contributes_to" in out:
        out["contributes_to"] = tuple(goals.get(ref, ref) for ref in out["contributes_to"])
    if out.get("owner") is not None:
        out["owner"] = owners.get(out["owner"], out["owner"])
    return out


def _dump(programme: Programme) -> dict[str, Any]:
    return programme.model_dump(mode="python", by_alias=False)


def diff(old: Programme, new: Programme, *, rename_score: float = 85.0) -> ProgrammeDiff:
    """Every difference between two versions of a programme.

    Raises
    ------
    DinArgumentError
        ``rename_score`` lies outside 0–100.

    Examples
    --------
    >>> import din_graph
    >>> old = din_graph.load("examples/almelo/duurzaamheid.yaml")
    >>> effort = old.efforts[0].model_copy(update={"role": din_graph.Role.LEAD})
    >>> new = old.model_copy(update={"efforts": (effort, *old.efforts[1:])})
    >>> [describe(c) for c in diff(old, new).changes]
    ['rol van E1: lijn → regie']
    >>> diff(old, old).changes
    ()
    """
    if not 0 <= rename_score <= 100:
        raise DinArgumentError("rename_score must lie between 0 and 100")
    a, b = _dump(old), _dump(new)
    changes: list[Change] = []
    for key in a:
        if key in COLLECTIONS:
            continue
        if a[key] != b[key]:
            changes.append(Change("changed", "programme", new.id, key, a[key], b[key]))
    old_items = {name: {i["id"]: i for i in a[name]} for name in COLLECTIONS}
    new_items = {name: {i["id"]: i for i in b[name]} for name in COLLECTIONS}
    renamed = {level: _renames(old_items[name], new_items[name], rename_score) for name, level in COLLECTIONS.items()}
    for name, level in COLLECTIONS.items():
        olds, news = old_items[name], new_items[name]
        for old_id, item in olds.items():
            new_id = renamed[level].get(old_id, old_id)
            if new_id not in news:
                changes.append(Change("removed", level, old_id, old=item))
                continue
            if new_id != old_id:
                changes.append(Change("renamed", level, new_id, old_id=old_id))
            before, after = _rewrite(item, renamed), news[new_id]
            for key in before:
                if key != "id" and before[key] != after[key]:
                    changes.append(Change("changed", level, new_id, key, before[key], after[key]))
        matched = {renamed[level].get(i, i) for i in olds}
        for new_id, item in news.items():
            if new_id not in matched:
                changes.append(Change("added", level, new_id, new=item))
    return ProgrammeDiff(old.id, new.id, tuple(changes))


def apply_diff(old: Programme, changes: ProgrammeDiff | Iterable[Change]) -> Programme:
    """Replay changes on ``old``: renames (with the references that follow them), removals, field changes, additions.

    Examples
    --------
    >>> import din_graph
    >>> old = din_graph.load("examples/almelo/duurzaamheid.yaml")
    >>> new = old.model_copy(update={"efforts": old.efforts[:-1]})
    >>> din_graph.apply_diff(old, din_graph.diff(old, new)) == new
    True
    """
    items = list(changes.changes if isinstance(changes, ProgrammeDiff) else changes)
    data = _dump(old)
    renamed: dict[str, dict[str, str]] = {}
    for c in items:
        if c.op == "renamed" and c.old_id is not None:
            renamed.setdefault(c.level, {})[c.old_id] = c.id
    for name, level in COLLECTIONS.items():
        own = renamed.get(level, {})
        data[name] = [{**_rewrite(item, renamed), "id": own.get(item["id"], item["id"])} for item in data[name]]
    for change in items:
        if change.level == "programme":
            if change.op == "changed" and change.field is not None:
                data[change.field] = change.new
            continue
        name = _LEVEL_TO_COLLECTION[change.level]
        if change.op == "removed":
            data[name] = [i for i in data[name] if i["id"] != change.id]
        elif change.op == "added":
            data[name].append(change.new)
        elif change.op == "changed" and change.field is not None:
            for item in data[name]:
                if item["id"] == change.id:
                    item[change.field] = change.new
    return Programme.model_validate(data)


def _short(value: Any, limit: int = 60) -> str:
    from din_graph._strings import shorten

    if value is None:
        return "—"
    if hasattr(value, "value"):
        value = value.value
    return shorten(str(value), limit) or "—"


def _word(kind: str, code: str, lang: str) -> str:
    # A level, field or role din_graph has no word for is shown as its code.
    fallback = code if lang == "nl" else code.replace("_", " ")
    return DIFF_WORDS[lang].get(f"{kind}.{code}", fallback)


def describe(change: Change, lang: Literal["nl", "en"] = "nl") -> str:
    """One line a council memo can carry, Dutch by default.

    Links and targets are spelt out: which goal a link was added to or removed
    from, which target moved from what to what.
    """
    words = DIFF_WORDS[lang]
    level = _word("level", change.level, lang)
    if change.op == "added":
        return f"{level} {change.id} {words['added']}: {_short(_label(change.new))}"
    if change.op == "removed":
        return f"{level} {change.id} {words['removed']}: {_short(_label(change.old))}"
    if change.op == "renamed":
        return f"{level} {change.old_id} {words['renamed']} {change.id}"
    field = change.field or ""
    if field == "contributes_to":
        added = [r for r in change.new or () if r not in (change.old or ())]
        gone = [r for r in change.old or () if r not in (change.new or ())]
        parts = [f"+ {r}" for r in added] + [f"− {r}" for r in gone]
        return f"{words['links_of']} {change.id}: {', '.join(parts) or _short(change.new)}"
    if field == "indicators":
        return f"{words['indicators_of']} {change.id}: " + "; ".join(
            _indicator_moves(change.old or [], change.new or [], lang=lang)
        )
    old, new = _short(change.old), _short(change.new)
    if field == "role":
        old, new = _word("role", old, lang), _word("role", new, lang)
    return f"{_word('field', field, lang)} {words['of']} {change.id}: {old} → {new}"


def _indicator_moves(old: list[dict[str, Any]], new: list[dict[str, Any]], *, lang: str) -> list[str]:
    def key(ind: dict[str, Any]) -> str:
        return str(ind.get("id") or ind.get("name", "")).casefold()

    before = {key(i): i for i in old}
    after = {key(i): i for i in new}
    out: list[str] = []
    for k, ind in after.items():
        if k not in before:
            out.append(f"+ {_short(ind.get('name'))}")
            continue
        prev = before[k]
        name = _short(ind.get("name"), 40)
        for part in ("targets", "actuals"):
            a, b = prev.get(part) or {}, ind.get(part) or {}
            word = DIFF_WORDS[lang][part]
            for year in sorted({*a, *b}, key=str):
                if a.get(year) != b.get(year):
                    out.append(f"{name} {word} {year}: {_short(a.get(year))} → {_short(b.get(year))}")
        for field in ("name", "unit", "baseline", "source", "better", "note", "id"):
            if prev.get(field) != ind.get(field) and field != "name":
                out.append(f"{name} {field}: {_short(prev.get(field))} → {_short(ind.get(field))}")
    out.extend(f"− {_short(ind.get('name'))}" for k, ind in before.items() if k not in after)
    return out or [DIFF_WORDS[lang]["order"]]
