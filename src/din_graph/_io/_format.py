"""The authoring format (DESIGN.md §5) <-> the model's plain data.

A programme file keeps the programme's metadata under a ``programme:`` block
and the DIN (vision, goals, efforts ...) at the top; the model is flat.  Dutch
keys are translated to English here, once, so that pydantic's error locations,
the line map and the model all speak the same names.
"""

from __future__ import annotations

import re
from typing import Any

from din_graph._model import DUTCH_ALIASES, Portfolio, Programme
from din_graph._validate import Issue

from ._reader import Path_

__all__ = [
    "PROGRAMME_META_KEYS",
    "file_kind",
    "normalize_keys",
    "portfolio_to_file",
    "programme_from_file",
    "programme_to_file",
]

#: Keys that sit under the ``programme:`` block of a file.
PROGRAMME_META_KEYS = (
    "id",
    "name",
    "municipality",
    "period",
    "sponsors",
    "manager",
    "source",
    "budget",
    "level_names",
    "related_programmes",
    "participation_ladder",
    "notes",
)
#: Keys at the top of a programme file, besides ``programme``.
PROGRAMME_DIN_KEYS = ("vision", "strategic_goals", "operational_goals", "efforts", "owners", "placeholders")
_YEAR_MAPS = ("targets", "actuals")
_YEAR = re.compile(r"^\d{4}$")


def normalize_keys(
    data: Any, lines: dict[Path_, int], path: Path_ = (), out_path: Path_ = ()
) -> tuple[Any, dict[Path_, int], list[Issue]]:
    """Translate Dutch keys to English throughout ``data``.

    Returns the translated data, its line map, and issues for keys given twice
    (once in English, once in Dutch).
    """
    new_lines: dict[Path_, int] = {}
    issues: list[Issue] = []

    def walk(value: Any, src: Path_, dst: Path_, *, year_map: bool) -> Any:
        if src in lines:
            new_lines[dst] = lines[src]
        if isinstance(value, dict):
            out: dict[Any, Any] = {}
            for key, item in value.items():
                english = key if year_map or not isinstance(key, str) else DUTCH_ALIASES.get(key, key)
                if english in out:
                    if (*src, key) in lines:
                        new_lines[(*dst, key)] = lines[(*src, key)]
                    issues.append(
                        Issue(
                            (*dst, key), None, f"key {english!r} is given twice (as {key!r} too)", code="duplicate-key"
                        )
                    )
                    continue
                if (*src, key) in lines:
                    new_lines[(*dst, english)] = lines[(*src, key)]
                out[english] = walk(item, (*src, key), (*dst, english), year_map=english in _YEAR_MAPS)
            return out
        if isinstance(value, list):
            return [walk(item, (*src, i), (*dst, i), year_map=False) for i, item in enumerate(value)]
        return value

    result = walk(data, path, out_path, year_map=False)
    return result, new_lines, issues


def file_kind(data: Any) -> str | None:
    """``"programme"``, ``"portfolio"`` or ``None`` for a normalized file's top level."""
    if isinstance(data, dict):
        if "portfolio" in data:
            return "portfolio"
        if "programme" in data:
            return "programme"
    return None


def programme_from_file(
    data: dict[str, Any], lines: dict[Path_, int]
) -> tuple[dict[str, Any], dict[Path_, int], list[Issue]]:
    """Flatten a normalized programme file into the model's shape.

    The ``programme:`` block's keys move to the top; everything keeps its line.
    """
    issues: list[Issue] = []
    meta = data.get("programme")
    flat: dict[str, Any] = {}
    flat_lines: dict[Path_, int] = {(): lines.get((), 1)}
    if not isinstance(meta, dict):
        issues.append(
            Issue(("programme",), None, "'programme' must be a block with at least id and name", code="wrong-type")
        )
        meta = {}
    for path, line in lines.items():
        if path[:1] == ("programme",) and len(path) > 1:
            flat_lines[path[1:]] = line
        elif path and path[0] != "programme":
            flat_lines[path] = line
    for key, value in meta.items():
        flat[key] = value
    for key, value in data.items():
        if key == "programme":
            continue
        if key in flat:
            issues.append(
                Issue(
                    (key,),
                    None,
                    f"key {key!r} is given both inside and outside the 'programme' block",
                    code="duplicate-key",
                )
            )
            continue
        flat[key] = value
    return flat, flat_lines, issues


def _sort_year_map(mapping: dict[Any, Any]) -> dict[Any, Any]:
    def key(item: tuple[Any, Any]) -> tuple[int, int, str]:
        k = item[0]
        if isinstance(k, int) or (isinstance(k, str) and _YEAR.match(k)):
            return (0, int(k), "")
        return (1, 0, str(k))

    return {(int(k) if isinstance(k, str) and _YEAR.match(k) else k): v for k, v in sorted(mapping.items(), key=key)}


def _tidy(value: Any, key: str | None = None, *, json_keys: bool) -> Any:
    """Sort year maps and, for YAML, give years back their integer keys."""
    if isinstance(value, dict):
        if key in ("targets", "actuals", "budget"):
            value = _sort_year_map(value)
            if json_keys:
                return {str(k): v for k, v in value.items()}
            return value
        return {k: _tidy(v, k, json_keys=json_keys) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v, None, json_keys=json_keys) for v in value]
    return value


def programme_to_file(programme: Programme, *, json_keys: bool = False) -> dict[str, Any]:
    """The file-shaped plain data of a programme (metadata block first)."""
    data = programme.model_dump(mode="json", exclude_defaults=True)
    meta = {key: data.pop(key) for key in PROGRAMME_META_KEYS if key in data}
    out: dict[str, Any] = {"programme": meta}
    for key in PROGRAMME_DIN_KEYS:
        if key in data:
            out[key] = data.pop(key)
    if "vision" in out:
        out["vision"] = out["vision"]["text"]
    return _tidy(out, json_keys=json_keys)  # type: ignore[no-any-return]


def portfolio_to_file(portfolio: Portfolio, programme_refs: list[Any], *, json_keys: bool = False) -> dict[str, Any]:
    """The file-shaped plain data of a portfolio.

    ``programme_refs`` holds, per programme, either a relative path (written
    as is) or the programme's file-shaped data (written inline).
    """
    data = portfolio.model_dump(mode="json", exclude_defaults=True)
    data.pop("programmes", None)
    head = {key: data.pop(key) for key in ("id", "name", "municipality", "notes") if key in data}
    out: dict[str, Any] = {"portfolio": head, "programmes": programme_refs}
    out.update(data)
    return _tidy(out, json_keys=json_keys)  # type: ignore[no-any-return]
