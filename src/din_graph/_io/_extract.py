"""The structured extracts of the seed documents (``shared/data/*.json``) -> a :class:`Programme`.

The extracts follow their own schema (``shared/data/README.md``): goals and
efforts carry ``text``, efforts name their ``goals``, owners have no id and
efforts name their *trekker* as the source writes it, placeholders are remarks.
This module maps every key of that schema onto the model and keeps every id
as the extract writes it (``losser-parapluplan-centrum/4.7``), so node keys
made from a converted extract match those of the curated examples.

Nothing is dropped: a key the schema does not know is an error, and an
effort's *trekker* that the owner list does not hold becomes an owner of its
own (or an alias of the owner it names with a remark in brackets).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from din_graph._errors import DinFileError, DinValidationError, Problem
from din_graph._model import Programme

__all__ = ["EXTRACT_KEYS", "convert_extract", "extract_data"]

#: Every key of the extract schema, per part; anything else is refused.
EXTRACT_KEYS: dict[str, frozenset[str]] = {
    "top": frozenset(
        {
            "programme",
            "vision",
            "strategic_goals",
            "operational_goals",
            "efforts",
            "owners",
            "related_programmes",
            "placeholders",
            "notes",
        }
    ),
    "programme": frozenset(
        {
            "id",
            "name",
            "municipality",
            "period",
            "source",
            "bestuurlijk_opdrachtgever",
            "ambtelijk_opdrachtgever",
            "programmamanager",
            "budget",
        }
    ),
    "source": frozenset({"file", "lines"}),
    "budget": frozenset({"label", "year", "amount_eur"}),
    "strategic_goal": frozenset({"id", "text"}),
    "operational_goal": frozenset({"id", "text", "strategic_goals", "indicators"}),
    "effort": frozenset({"id", "text", "goals", "kind", "owner", "role", "partners", "areas", "status", "planning"}),
    "owner": frozenset({"name", "type", "hours_per_week"}),
}

_BRACKETS = re.compile(r"\s*\([^)]*\)")


class _RefusedError(Exception):
    """A part of the extract that does not fit its schema (turned into a located problem)."""

    def __init__(self, where: str, ident: str | None, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.ident = ident
        self.message = message


def _read(source: str | PathLike[str]) -> Any:
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DinFileError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DinFileError(str(path), f"cannot be read: {err}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise DinFileError(str(path), f"not valid JSON: {err.msg}", err.lineno) from None


def _block(value: Any, part: str, where: str, ident: str | None = None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _RefusedError(where, ident, f"{part} must be an object, not {type(value).__name__}")
    unknown = sorted(set(value) - EXTRACT_KEYS[part])
    if unknown:
        raise _RefusedError(where, ident, f"unknown key {unknown[0]!r} in {part} (the extract schema has no such key)")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _RefusedError(where, None, f"must be a list, not {type(value).__name__}")
    return value


def _slug(name: str) -> str:
    bare = _BRACKETS.sub("", name).strip() or name
    slug = re.sub(r"[^a-z0-9]+", "-", bare.casefold()).strip("-")
    return slug or "eigenaar"


def _bare(name: str) -> str:
    return " ".join(_BRACKETS.sub("", name).split()).casefold()


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _programme_meta(meta: dict[str, Any], title: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": meta.get("id"), "name": meta.get("name")}
    if meta.get("municipality") is not None:
        out["municipality"] = meta["municipality"]
    period = meta.get("period")
    if isinstance(period, dict) and any(v is not None for v in period.values()):
        out["period"] = {k: v for k, v in period.items() if v is not None}
    elif period is not None and not isinstance(period, dict):
        raise _RefusedError("programme.period", None, "period must be an object {start, end}")
    sponsors = {
        "political": meta.get("bestuurlijk_opdrachtgever"),
        "administrative": meta.get("ambtelijk_opdrachtgever"),
    }
    if any(sponsors.values()):
        out["sponsors"] = {k: v for k, v in sponsors.items() if v is not None}
    if meta.get("programmamanager") is not None:
        out["manager"] = meta["programmamanager"]
    source = meta.get("source")
    if source is not None or title is not None:
        src = _block(source or {}, "source", "programme.source")
        out["source"] = {
            k: v for k, v in {"title": title, "document": src.get("file"), "lines": src.get("lines")}.items() if v
        }
    budget = []
    for i, raw in enumerate(_list(meta.get("budget"), "programme.budget")):
        line = _block(raw, "budget", f"programme.budget[{i}]")
        budget.append({"label": line.get("label"), "year": line.get("year"), "amount": line.get("amount_eur")})
    if budget:
        out["budget"] = budget
    return out


class _Owners:
    """The extract's owners with ids, and the efforts' *trekker* texts resolved to them."""

    def __init__(self, owners: list[Any]) -> None:
        self.records: list[dict[str, Any]] = []
        self._taken: set[str] = set()
        self._by_name: dict[str, int] = {}
        self._by_bare: dict[str, int] = {}
        for i, raw in enumerate(owners):
            owner = _block(raw, "owner", f"owners[{i}]")
            name = owner.get("name")
            if not isinstance(name, str) or not name.strip():
                raise _RefusedError(f"owners[{i}]", None, "an owner needs a name")
            record: dict[str, Any] = {"id": _unique(_slug(name), self._taken), "name": name}
            if owner.get("type") is not None:
                record["type"] = owner["type"]
            if owner.get("hours_per_week") is not None:
                record["hours_per_week"] = owner["hours_per_week"]
            self._add(record)

    def _add(self, record: dict[str, Any]) -> int:
        index = len(self.records)
        self.records.append(record)
        self._by_name.setdefault(record["name"], index)
        self._by_bare.setdefault(_bare(record["name"]), index)
        return index

    def resolve(self, trekker: str) -> str:
        """The id of the owner this *trekker* text names; a new owner when none does.

        Matched by the exact name, else by the name without remarks in brackets
        (``Programmamanager Duurzaamheid`` is ``Programmamanager Duurzaamheid
        (programmamanager)``), the text then kept as an alias of that owner.
        """
        index = self._by_name.get(trekker)
        if index is None:
            index = self._by_bare.get(_bare(trekker))
            if index is not None:
                aliases = self.records[index].setdefault("aliases", [])
                if trekker not in aliases:
                    aliases.append(trekker)
        if index is None:
            note = "trekker zoals het extract hem bij een inspanning noemt; niet in de eigenarenlijst van het extract"
            index = self._add({"id": _unique(_slug(trekker), self._taken), "name": trekker, "note": note})
        self._by_name.setdefault(trekker, index)
        return str(self.records[index]["id"])


def _goal(raw: Any, where: str, *, operational: bool) -> dict[str, Any]:
    goal = _block(raw, "operational_goal" if operational else "strategic_goal", where)
    out: dict[str, Any] = {"id": goal.get("id"), "title": goal.get("text")}
    if operational:
        out["contributes_to"] = _list(goal.get("strategic_goals"), f"{where}.strategic_goals")
        out["indicators"] = _list(goal.get("indicators"), f"{where}.indicators")
    return out


def _effort(raw: Any, where: str, owners: _Owners) -> dict[str, Any]:
    effort = _block(raw, "effort", where)
    out: dict[str, Any] = {"id": effort.get("id"), "title": effort.get("text")}
    out["contributes_to"] = _list(effort.get("goals"), f"{where}.goals")
    for key in ("kind", "role", "status", "planning"):
        if effort.get(key) is not None:
            out[key] = effort[key]
    for key in ("partners", "areas"):
        out[key] = _list(effort.get(key), f"{where}.{key}")
    trekker = effort.get("owner")
    if trekker is not None:
        if not isinstance(trekker, str) or not trekker.strip():
            raise _RefusedError(where, str(effort.get("id")), "owner must be the trekker's name as text")
        out["owner"] = owners.resolve(trekker)
    return out


def _placeholders(items: list[Any], taken: set[str]) -> list[dict[str, Any]]:
    out = []
    for i, text in enumerate(items):
        if isinstance(text, dict):
            out.append(text)  # already in the model's shape
            continue
        if not isinstance(text, str):
            raise _RefusedError(f"placeholders[{i}]", None, "a placeholder is a remark (text)")
        out.append({"id": _unique(f"PM{i + 1}", taken), "note": text})
    return out


def extract_data(extract: Mapping[str, Any], *, title: str | None = None) -> dict[str, Any]:
    """The model-shaped plain data of an extract (before validation).

    Raises ``_RefusedError`` for a part that does not fit the extract schema.
    """
    top = _block(dict(extract), "top", "(top)")
    meta = _block(top.get("programme"), "programme", "programme")
    data = _programme_meta(meta, title)
    if top.get("vision") is not None:
        data["vision"] = top["vision"]
    data["strategic_goals"] = [
        _goal(g, f"strategic_goals[{i}]", operational=False)
        for i, g in enumerate(_list(top.get("strategic_goals"), "strategic_goals"))
    ]
    data["operational_goals"] = [
        _goal(g, f"operational_goals[{i}]", operational=True)
        for i, g in enumerate(_list(top.get("operational_goals"), "operational_goals"))
    ]
    owners = _Owners(_list(top.get("owners"), "owners"))
    data["efforts"] = [_effort(e, f"efforts[{i}]", owners) for i, e in enumerate(_list(top.get("efforts"), "efforts"))]
    data["owners"] = owners.records
    data["related_programmes"] = _list(top.get("related_programmes"), "related_programmes")
    taken = {str(item.get("id")) for part in ("strategic_goals", "operational_goals", "efforts") for item in data[part]}
    taken |= {str(o["id"]) for o in owners.records}
    data["placeholders"] = _placeholders(_list(top.get("placeholders"), "placeholders"), taken)
    if top.get("notes") is not None:
        data["notes"] = top["notes"]
    return data


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top)"


def convert_extract(source: str | PathLike[str] | Mapping[str, Any], *, title: str | None = None) -> Programme:
    """Turn a structured extract of a seed document into a :class:`Programme`.

    ``source`` is the extract's JSON file (or its data already read);
    ``title`` the source document's title, which the extracts do not hold.
    Every id stays as the extract writes it; every status and planning text
    verbatim. ``din import-extract FILE.json -o OUT.yaml`` runs this.

    Examples
    --------
    >>> from din_graph import convert_extract
    >>> p = convert_extract({
    ...     "programme": {"id": "losser-demo", "name": "Demo", "budget": []},
    ...     "strategic_goals": [{"id": "S1", "text": "Gastvrij!"}],
    ...     "efforts": [{"id": "4.9", "text": "Professionalisering ondernemerschap", "goals": ["S1"],
    ...                  "owner": "CML", "status": "Nog starten"}],
    ...     "owners": [{"name": "CML (leden)", "type": "externe partner", "hours_per_week": None}],
    ...     "placeholders": ["4.1-4.6 staan niet in de tekst"],
    ... })
    >>> e = p.effort("4.9")
    >>> (e.status, e.current_phase.value, p.owner(e.owner).name, p.owner(e.owner).aliases)
    ('Nog starten', 'planned', 'CML (leden)', ('CML',))

    Raises
    ------
    DinFileError
        The file is missing, unreadable or not JSON.
    DinValidationError
        A key the extract schema does not know, or a value the model refuses,
        named by its place in the extract and the id at fault.
    """
    file = None if isinstance(source, Mapping) else str(source)
    raw = source if isinstance(source, Mapping) else _read(source)
    if not isinstance(raw, Mapping):
        raise DinValidationError([Problem(file, None, None, "an extract is a JSON object", code="wrong-type")])
    try:
        data = extract_data(raw, title=title)
    except _RefusedError as refused:
        raise DinValidationError(
            [Problem(file, None, refused.ident, f"{refused.where}: {refused.message}", code="unknown-key")]
        ) from None
    try:
        return Programme.model_validate(data)
    except ValidationError as err:
        problems = []
        for error in err.errors():
            loc = tuple(error["loc"])
            ident = _id_at(data, loc)
            problems.append(Problem(file, None, ident, f"{_where(loc)}: {error['msg']}", code="invalid-value"))
        raise DinValidationError(problems) from None


def _id_at(data: Any, loc: tuple[Any, ...]) -> str | None:
    found = None
    for part in loc:
        in_dict = isinstance(data, dict) and part in data
        if in_dict or (isinstance(data, list) and isinstance(part, int) and part < len(data)):
            data = data[part]
        else:
            break
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found = data["id"]
    return found
