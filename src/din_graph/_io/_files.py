"""``load``, ``dump`` and ``validate``: files and folders in, models out, and back.

All problems of an input are collected before anything is raised, so that a
user sees every dangling reference and every typo of a file in one run.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from din_graph._errors import DinArgumentError, DinError, DinFileError, DinValidationError, DinWarning, Problem
from din_graph._gc import gc_paused
from din_graph._model import (
    DUTCH_ALIASES,
    EffortKind,
    EffortPhase,
    MunicipalMode,
    MunicipalRole,
    OwnerType,
    Portfolio,
    Programme,
    Role,
)
from din_graph._output import write_file
from din_graph._validate import Issue, portfolio_issues, standalone_issues

from ._format import file_kind, normalize_keys, portfolio_to_file, programme_from_file, programme_to_file
from ._reader import Path_, read_document

__all__ = ["dump", "dumps", "load", "validate"]

_SUFFIXES = (".yaml", ".yml", ".json")
_EXCEL = (".xlsx", ".xlsm")
_PORTFOLIO_FILES = ("portfolio.yaml", "portfolio.yml", "portfolio.json")
_ENUMS: dict[
    str, type[Role] | type[EffortKind] | type[OwnerType] | type[EffortPhase] | type[MunicipalRole] | type[MunicipalMode]
] = {
    "role": Role,
    "kind": EffortKind,
    "type": OwnerType,
    "phase": EffortPhase,
    "municipal_role": MunicipalRole,
    "municipal_mode": MunicipalMode,
}


@dataclass
class _Located:
    """Where the parts of a model came from: its file and, per path, the line."""

    file: str | None
    lines: dict[Path_, int] = field(default_factory=dict)
    children: dict[int, _Located] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[str | None, int | None]:
        if len(path) >= 2 and path[0] == "programmes" and isinstance(path[1], int) and path[1] in self.children:
            return self.children[path[1]].locate(path[2:])
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return self.file, line
        return self.file, None


def _problem(located: _Located, issue: Issue) -> Problem:
    file, line = located.locate(issue.path)
    return Problem(file, line, issue.id, issue.message, issue.severity, issue.code)


# --------------------------------------------------------------------------- reading


def _read(path: Path, max_bytes: int | None) -> tuple[Programme | Portfolio | None, list[Problem]]:
    if path.is_dir():
        for name in _PORTFOLIO_FILES:
            # Not is_file(): a portfolio.yaml that is a pipe or a device must be refused, not passed over.
            if (path / name).exists() or (path / name).is_symlink():
                return _read(path / name, max_bytes)
        return _read_folder(path, max_bytes)
    if path.suffix.lower() in _EXCEL:
        from ._excel import read_workbook

        return read_workbook(path, max_bytes=max_bytes)
    if path.suffix.lower() not in _SUFFIXES:
        raise DinFileError(
            str(path), f"unsupported file type {path.suffix or '(none)'!r}: use .yaml, .yml, .json or .xlsx"
        )
    doc = read_document(path, max_bytes=max_bytes)
    data, lines, issues = normalize_keys(doc.data, doc.lines)
    kind = file_kind(data)
    if kind == "portfolio":
        located = _Located(doc.file)
        return _portfolio_from_data(data, lines, located, path.parent, max_bytes, issues)
    if kind == "programme":
        programme, located, problems = _programme_from_data(data, lines, doc.file, issues)
        if programme is not None and not any(p.severity == "error" for p in problems):
            problems += [_problem(located, i) for i in standalone_issues(programme)]
        return programme, problems
    raise DinFileError(
        doc.file,
        "is neither a programme nor a portfolio: expected a top-level 'programme:' (programma) "
        "or 'portfolio:' (portefeuille) block",
        line=1,
    )


def _programme_from_data(
    data: dict[str, Any], lines: dict[Path_, int], file: str, issues: list[Issue]
) -> tuple[Programme | None, _Located, list[Problem]]:
    flat, flat_lines, more = programme_from_file(data, lines)
    located = _Located(file, flat_lines)
    problems = [_problem(located, i) for i in (*issues, *more)]
    if any(i.path == ("programme",) for i in more):
        return None, located, problems  # without a metadata block, every other complaint is noise
    try:
        programme = Programme.model_validate(flat)
    except ValidationError as err:
        return None, located, problems + _pydantic_problems(err, flat, located)
    return programme, located, problems


def _portfolio_from_data(
    data: dict[str, Any],
    lines: dict[Path_, int],
    located: _Located,
    base: Path,
    max_bytes: int | None,
    issues: list[Issue],
) -> tuple[Portfolio | None, list[Problem]]:
    problems = [_problem(located, i) for i in issues]
    meta = data.get("portfolio")
    if not isinstance(meta, dict):
        problems.append(_problem(located, Issue(("portfolio",), None, "'portfolio' must be a block with id and name")))
        meta = {}
    flat: dict[str, Any] = dict(meta)
    for path, line in lines.items():
        if path[:1] == ("portfolio",) and len(path) > 1:
            located.lines[path[1:]] = line
        elif path[:1] != ("portfolio",):
            located.lines[path] = line
    for key, value in data.items():
        if key not in ("portfolio", "programmes"):
            flat[key] = value
    refs = data.get("programmes", [])
    if not isinstance(refs, list):
        problems.append(_problem(located, Issue(("programmes",), None, "'programmes' must be a list of files")))
        refs = []
    programmes: list[Programme] = []
    broken = False
    for index, ref in enumerate(refs):
        programme, child, ref_problems = _programme_ref(ref, ("programmes", index), lines, located, base, max_bytes)
        problems += ref_problems
        if programme is None or child is None:
            broken = True
            continue
        located.children[len(programmes)] = child
        programmes.append(programme)
    if broken:
        # Paths into 'programmes' no longer line up with the files; stop at file-level problems.
        try:
            Portfolio.model_validate({**flat, "programmes": programmes})
        except ValidationError as err:
            problems += _pydantic_problems(err, {**flat, "programmes": programmes}, located)
        return None, problems
    try:
        portfolio = Portfolio.model_validate({**flat, "programmes": programmes})
    except ValidationError as err:
        return None, problems + _pydantic_problems(err, {**flat, "programmes": programmes}, located)
    if not any(p.severity == "error" for p in problems):
        problems += [_problem(located, i) for i in portfolio_issues(portfolio)]
    return portfolio, problems


def _programme_ref(
    ref: object, where: Path_, lines: dict[Path_, int], located: _Located, base: Path, max_bytes: int | None
) -> tuple[Programme | None, _Located | None, list[Problem]]:
    """One entry of a portfolio's ``programmes``: a file path (read relative to the portfolio) or a block."""
    if isinstance(ref, str):
        # absolute(), not resolve(): a link is judged by what it points at when read, under its own name.
        target = (base / ref).absolute() if not Path(ref).is_absolute() else Path(ref)
        try:
            return _programme_file(target, max_bytes, shown=_shown(base, ref))
        except DinError as err:
            fallback = [Problem(located.file, located.lines.get(where), ref, str(err))]
            return (
                None,
                None,
                [
                    Problem(located.file, located.lines.get(where), ref, f"programme file {ref!r}: {p.message}")
                    if p.file == str(target)
                    else p
                    for p in getattr(err, "problems", fallback)
                ],
            )
    if isinstance(ref, dict):
        sub_lines = {p[2:]: line for p, line in lines.items() if p[:2] == where}
        return _programme_from_data(ref, sub_lines, located.file or "<input>", [])
    return (
        None,
        None,
        [_problem(located, Issue(where, None, "a programme entry must be a file path or a programme block"))],
    )


def _shown(base: Path, ref: str) -> str:
    # Show paths as the user would type them, relative to where they work.
    try:
        return str((base / ref).relative_to(Path.cwd()))
    except ValueError:
        return str(base / ref)


def _programme_file(path: Path, max_bytes: int | None, shown: str) -> tuple[Programme | None, _Located, list[Problem]]:
    if path.suffix.lower() in _EXCEL:
        from ._excel import read_workbook

        programme, problems = read_workbook(path, shown, max_bytes=max_bytes)
        return programme, _Located(shown), problems
    if path.suffix.lower() not in _SUFFIXES:
        raise DinFileError(shown, f"unsupported file type {path.suffix!r}: use .yaml, .yml, .json or .xlsx")
    doc = read_document(path, max_bytes=max_bytes, shown=shown)
    data, lines, issues = normalize_keys(doc.data, doc.lines)
    if file_kind(data) != "programme":
        raise DinFileError(shown, "is not a programme file: expected a top-level 'programme:' block", line=1)
    return _programme_from_data(data, lines, doc.file, issues)


def _read_folder(path: Path, max_bytes: int | None) -> tuple[Portfolio | None, list[Problem]]:
    try:
        entries = list(path.iterdir())
    except OSError as err:
        raise DinFileError(str(path), f"cannot be read: {err.strerror or err}") from None
    # Every programme-looking name but a folder is read, so a pipe or a device among them is
    # refused by name rather than passed over in silence.
    files = sorted(
        p.name
        for p in entries
        if not p.is_dir() and p.suffix.lower() in (*_SUFFIXES, *_EXCEL) and not p.name.startswith("~$")
    )
    if not files:
        raise DinFileError(
            str(path), "folder holds no programme files (.yaml, .yml, .json, .xlsx) and no portfolio.yaml"
        )
    slug = re.sub(r"[^A-Za-z0-9_.\-]+", "-", path.resolve().name).strip("-.") or "portfolio"
    data = {"portfolio": {"id": slug, "name": path.resolve().name or slug}, "programmes": files}
    return _portfolio_from_data(data, {}, _Located(str(path)), path, max_bytes, [])


def _read_without_gc(path: Path, max_bytes: int | None) -> tuple[Programme | Portfolio | None, list[Problem]]:
    with gc_paused():
        return _read(path, max_bytes)


# --------------------------------------------------------------------------- pydantic errors


def _pydantic_problems(err: ValidationError, data: Any, located: _Located) -> list[Problem]:
    best: dict[Path_, Problem] = {}
    for error in err.errors():
        loc = tuple(error["loc"])
        real, ident = _walk(data, loc)
        key: Any = loc[len(real)] if len(loc) > len(real) else (real[-1] if real else None)
        message = _message(error, key, real, loc)
        file, line = located.locate(real)
        problem = Problem(file, line, ident, message, "error", _code(error["type"]))
        slot: Path_ = (*real, key) if error["type"] == "missing" else real
        previous = best.get(slot)
        # A union reports one error per branch; the value_error says what was meant.
        if previous is None or (error["type"] == "value_error" and previous.code != "invalid-value"):
            best[slot] = problem
    return list(best.values())


def _walk(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, str | None]:
    real: list[Any] = []
    ident: str | None = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None
    current = data
    for step in loc:
        if (isinstance(current, dict) and step in current) or (
            isinstance(current, list | tuple) and isinstance(step, int) and 0 <= step < len(current)
        ):
            current = current[step]
        elif hasattr(current, "model_fields") and isinstance(step, str) and step in type(current).model_fields:
            current = getattr(current, step)
        else:
            break
        real.append(step)
        if isinstance(current, dict) and isinstance(current.get("id"), str | int):
            ident = str(current["id"])
    return tuple(real), ident


def _code(error_type: str) -> str:
    return {
        "extra_forbidden": "unknown-key",
        "missing": "missing-key",
        "enum": "unknown-value",
        "value_error": "invalid-value",
    }.get(error_type, "wrong-type")


def _message(error: Any, key: Any, real: Path_, loc: tuple[Any, ...]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key {key!r}{_suggest_key(str(key))}"
    if kind == "missing":
        return f"missing required key {key!r}"
    field_name = next((s for s in reversed(real) if isinstance(s, str)), None)
    if kind == "enum" and field_name in _ENUMS:
        enum = _ENUMS[field_name]
        dutch = sorted(enum._dutch_words())  # noqa: SLF001 -- the enum's own table of Dutch words
        return (
            f"unknown {field_name} {error['input']!r}: use one of {', '.join(dutch)} "
            f"(or in English {', '.join(m.value for m in enum)})"
        )
    msg = str(error["msg"]).removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        msg = "an id may hold letters, digits, '.', '_' and '-' only, and must not start with '.' or '-'"
    name = field_name or "value"
    value = error.get("input")
    shown = repr(value) if isinstance(value, str | int | float) and len(repr(value)) < 60 else type(value).__name__
    return f"{name}: {msg} (got {shown})"


def _suggest_key(word: str) -> str:
    import difflib

    vocabulary = sorted({*_english_keys(), *DUTCH_ALIASES})
    match = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.7)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _english_keys() -> set[str]:
    from din_graph._model import _Model

    keys: set[str] = {"programme", "portfolio", "programmes"}
    todo: list[type[Any]] = [_Model]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        keys.update(getattr(cls, "model_fields", {}))
    return keys


# --------------------------------------------------------------------------- public API


def validate(source: str | PathLike[str] | Programme | Portfolio, *, max_bytes: int | None = None) -> list[Problem]:
    """Every problem of a file, folder or model: errors and warnings, in file order.

    Never raises for bad content: unreadable files become problems too.  ``max_bytes``
    overrides the size limit of a file (``DIN_MAX_FILE_MB``, see docs/reliability.md).

    Examples
    --------
    >>> from din_graph import Programme, validate
    >>> p = Programme(id="p", name="P", efforts=[{"id": "E1", "title": "x", "contributes_to": ["O9"]}])
    >>> [str(problem) for problem in validate(p)]
    ["<input>: E1: unknown reference 'O9'"]
    """
    if isinstance(source, Programme):
        return sorted(Problem(None, None, i.id, i.message, i.severity, i.code) for i in standalone_issues(source))
    if isinstance(source, Portfolio):
        return sorted(Problem(None, None, i.id, i.message, i.severity, i.code) for i in portfolio_issues(source))
    try:
        _, problems = _read_without_gc(Path(source), max_bytes)
    except DinFileError as err:
        return [err.problem]
    return sorted(set(problems), key=lambda p: (p.file or "", p.line or 0, p.id or "", p.message))


def load(path: str | PathLike[str], *, max_bytes: int | None = None) -> Programme | Portfolio:
    """Read a programme file, a ``portfolio.yaml``, or a folder of programme files.

    YAML and JSON are accepted, with English keys or their Dutch aliases.
    Warnings (an area the portfolio does not know, an effort linked straight to
    the vision) are issued as :class:`DinWarning`; errors raise.

    Raises
    ------
    DinFileError
        The file cannot be read (missing, not a regular file, empty, binary, malformed, or over
        a limit of docs/reliability.md; ``max_bytes`` overrides the size limit).
    DinValidationError
        The content breaks the model or the DIN rules; ``.problems`` lists them all.

    Examples
    --------
    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo/portfolio.yaml")
    >>> [p.id for p in almelo.programmes]
    ['almelo-duurzaamheid', 'almelo-leefbare-wijken-en-dorpen']
    """
    obj, problems = _read_without_gc(Path(path), max_bytes)
    problems = sorted(set(problems), key=lambda p: (p.file or "", p.line or 0, p.id or "", p.message))
    errors = [p for p in problems if p.severity == "error"]
    if errors or obj is None:
        raise DinValidationError(problems or [Problem(str(path), None, None, "could not be loaded")])
    for problem in problems:
        warnings.warn(str(problem), DinWarning, stacklevel=2)
    return obj


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key and writes multi-line text as a block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: FBT001, FBT002 -- PyYAML's signature
        super().increase_indent(flow=flow, indentless=False)


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(ch in value for ch in "\x85\u2028\u2029"):
        # YAML reads these as line breaks; PyYAML writes them raw in a plain, quoted or block scalar,
        # where NEL comes back as a space (found by tests/test_fuzz.py). Double quotes escape them.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def _yaml_text(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dumps(obj: Programme | Portfolio, format: str = "yaml") -> str:  # noqa: A002 -- mirrors json.dumps-style APIs
    """The text of a programme or portfolio file; a portfolio has its programmes inline.

    Deterministic: the same object always gives the same text.

    Examples
    --------
    >>> from din_graph import Programme, dumps
    >>> print(dumps(Programme(id="p", name="Parken", vision="Meer groen")), end="")
    programme:
      id: p
      name: Parken
    vision: Meer groen

    Raises
    ------
    DinArgumentError
        ``format`` is neither ``"yaml"`` nor ``"json"``.
    """
    if format not in ("yaml", "json"):
        raise DinArgumentError(f"format must be 'yaml' or 'json', not {format!r}")
    json_keys = format == "json"
    if isinstance(obj, Programme):
        data = programme_to_file(obj, json_keys=json_keys)
    else:
        data = portfolio_to_file(
            obj, [programme_to_file(p, json_keys=json_keys) for p in obj.programmes], json_keys=json_keys
        )
    return _json_text(data) if json_keys else _yaml_text(data)


def dump(obj: Programme | Portfolio, path: str | PathLike[str], *, programme_format: str = "yaml") -> list[Path]:
    """Write a programme or portfolio to ``path``; returns the files written.

    The format follows the suffix (``.yaml``, ``.yml``, ``.json``, or ``.xlsx`` for a programme:
    Dutch sheets, see ``din_graph._io._excel``).  A portfolio
    written to a folder (a path without suffix) becomes a ``portfolio.yaml``
    plus one file per programme (``programme_format``: ``yaml``, ``json`` or ``xlsx``); written to a
    file, it holds its programmes inline.

    Examples
    --------
    >>> import din_graph, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> almelo = din_graph.load("examples/almelo")
    >>> [p.name for p in din_graph.dump(almelo, folder / "almelo", programme_format="xlsx")]
    ['portfolio.yaml', 'almelo-duurzaamheid.xlsx', 'almelo-leefbare-wijken-en-dorpen.xlsx']
    >>> din_graph.load(folder / "almelo") == almelo
    True

    Raises
    ------
    DinArgumentError
        ``programme_format`` is not yaml, json or xlsx (nothing is written).
    DinFileError
        The suffix names no format, a portfolio is asked for as one workbook, or a file
        cannot be written.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if isinstance(obj, Portfolio) and (suffix == "" or target.is_dir()):
        if programme_format not in {"yaml", "json", "xlsx"}:
            raise DinArgumentError(f"programme_format {programme_format!r}: choose yaml, json or xlsx")
        target.mkdir(parents=True, exist_ok=True)
        names = _programme_file_names(obj.programmes, programme_format)
        written = []
        for programme, name in zip(obj.programmes, names, strict=True):
            written.extend(dump(programme, target / name))
        text = _yaml_text(portfolio_to_file(obj, names))
        written.insert(0, _write(target / "portfolio.yaml", text))
        return written
    if suffix in _EXCEL:
        from ._excel import write_workbook

        if isinstance(obj, Portfolio):
            raise DinFileError(str(target), "a portfolio is written to a folder; write each programme to its own .xlsx")
        return [write_workbook(obj, target)]
    if suffix not in _SUFFIXES:
        raise DinFileError(
            str(target), f"cannot write {suffix or 'a file without suffix'!r}: use .yaml, .yml, .json or .xlsx"
        )
    return [_write(target, dumps(obj, "json" if suffix == ".json" else "yaml"))]


def dump_targets(
    obj: Programme | Portfolio, path: str | PathLike[str], *, programme_format: str = "yaml"
) -> list[Path]:
    """The files :func:`dump` writes for these arguments, without writing anything (to guard its inputs).

    Examples
    --------
    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo")
    >>> [p.name for p in dump_targets(almelo, "uit")]
    ['portfolio.yaml', 'almelo-duurzaamheid.yaml', 'almelo-leefbare-wijken-en-dorpen.yaml']
    """
    target = Path(path)
    if isinstance(obj, Portfolio) and (target.suffix == "" or target.is_dir()):
        names = _programme_file_names(obj.programmes, programme_format)
        return [target / "portfolio.yaml", *(target / name for name in names)]
    return [target]


def _programme_file_names(programmes: Iterable[Programme], suffix: str = "yaml") -> list[str]:
    names: list[str] = []
    for programme in programmes:
        name = f"{programme.id}.{suffix}"
        while name in names or name in _PORTFOLIO_FILES:
            name = "_" + name
        names.append(name)
    return names


def _write(path: Path, text: str) -> Path:
    return write_file(path, text)
