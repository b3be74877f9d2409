"""Reading YAML and JSON safely, keeping the line of every value.

The model validates plain data; to point a user at the line at fault we keep,
beside the data, a map from each path (``("efforts", 3, "contributes_to", 0)``)
to the line it was written on.  YAML is composed node by node with PyYAML's
safe machinery: no Python objects are ever constructed, aliases are expanded
under a node budget (so an alias bomb fails fast), and duplicate keys are an
error instead of the last one silently winning.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from din_graph._errors import DinFileError, DinParseError

from . import _limits

__all__ = ["MAX_FILE_BYTES", "Document", "parse_text", "read_document", "read_regular_file"]

#: The default size limit of a file (``DIN_MAX_FILE_MB``); a DIN is kilobytes, not megabytes.
MAX_FILE_BYTES = int(_limits.FILE_MB.default * 1024 * 1024)

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Parsed data of one file plus the line of each value."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


def read_document(path: Path, *, max_bytes: int | None = None, shown: str | None = None) -> Document:
    """Read a YAML or JSON file into a :class:`Document`.

    ``shown`` is the name problems give the file (the path as the user wrote it).

    Raises
    ------
    DinFileError
        The file is missing, not a regular file, empty, binary, not UTF-8 or over
        the size limit (``max_bytes``, by default ``DIN_MAX_FILE_MB``).
    DinParseError
        The file is not well-formed YAML or JSON, or nests deeper than ``DIN_MAX_DEPTH``.
    """
    name = shown or str(path)
    raw = read_regular_file(path, name, max_bytes=max_bytes)
    return parse_text(raw, name, json_syntax=path.suffix.lower() == ".json")


_NOT_REGULAR = (
    (stat.S_ISDIR, "is a folder, expected a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def _refusal(mode: int) -> str | None:
    for test, message in _NOT_REGULAR:
        if test(mode):
            return message
    return None if stat.S_ISREG(mode) else "is not a regular file"


def read_regular_file(path: Path, shown: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (default: ``DIN_MAX_FILE_MB``).

    A device, named pipe, socket or folder (or a link to one) is refused from its
    metadata, never opened for reading: reading ``/dev/zero`` or a pipe nobody writes
    to would never end.  The size is checked before reading and again while reading,
    so a file that grows meanwhile cannot get past the limit.

    Raises
    ------
    DinFileError
        Missing, not a regular file, unreadable, or over the size limit.
    """
    limit = _limits.max_file_bytes() if max_bytes is None else max_bytes
    try:
        before = os.stat(path)
        problem = _refusal(before.st_mode)
        if problem is not None:
            link = " (through a symbolic link)" if os.path.islink(path) else ""
            raise DinFileError(shown, problem + link + "; din reads only regular files")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DinFileError(shown, "no such file or folder") from None
    except (ValueError, OSError) as err:  # a NUL in the name, a name too long, no permission ...
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise DinFileError(shown, f"cannot be read: {reason}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        problem = _refusal(info.st_mode)
        if problem is not None:  # swapped for something else since the check above
            raise DinFileError(shown, problem + "; din reads only regular files")
        if info.st_size > limit:
            raise _size_error(shown, info.st_size, limit, max_bytes)
        try:
            raw = handle.read(limit + 1)
        except OSError as err:
            raise DinFileError(shown, f"cannot be read: {err.strerror or err}") from None
    if len(raw) > limit:
        raise _size_error(shown, len(raw), limit, max_bytes)
    return raw


def _size_error(shown: str, size: int, limit: int, max_bytes: int | None) -> DinFileError:
    found = f"file is {size / 1024 / 1024:.1f} MB"
    if max_bytes is not None:  # a caller's own limit, not the environment's
        return _limits.LimitError(shown, f"{found}, larger than the {limit / 1024 / 1024:g} MB limit it was given")
    return _limits.FILE_MB.error(shown, found)


def parse_text(raw: bytes | str, file: str, *, json_syntax: bool = False) -> Document:
    """Parse YAML (or JSON when ``json_syntax``) text into a :class:`Document`."""
    if isinstance(raw, bytes):
        if b"\x00" in raw[:8192]:
            raise DinFileError(file, "looks like a binary file, not YAML or JSON text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise DinFileError(file, f"is not UTF-8 text (byte {err.start}); save it as UTF-8") from None
    else:
        text = raw
    if not text.strip():
        raise DinFileError(file, "file is empty")
    if json_syntax:
        return _parse_json(text, file)
    return _parse_yaml(text, file)


def _parse_json(text: str, file: str) -> Document:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise _DuplicateKeyError(key)
            out[key] = value
        return out

    duplicate = False
    data: Any = None
    depth = int(_limits.DEPTH.value())
    try:
        data = json.loads(
            text, object_pairs_hook=no_duplicates, parse_constant=_reject_constant, parse_int=_bounded_int
        )
    except RecursionError:
        raise _json_too_deep(text, file, depth) from None
    except json.JSONDecodeError as err:
        raise DinParseError(file, f"invalid JSON: {err.msg} (column {err.colno})", line=err.lineno) from None
    except _LongIntegerError as err:
        line = text.count("\n", 0, max(text.find(err.digits), 0)) + 1
        raise DinParseError(
            file, f"invalid JSON: a number of {len(err.digits)} digits (at most {_MAX_DIGITS})", line=line
        ) from None
    except _DuplicateKeyError:
        duplicate = True  # the YAML pass below finds the line of the second occurrence
    except ValueError as err:
        raise DinParseError(file, f"invalid JSON: {err}") from None
    if _nesting(data) > depth:
        raise _json_too_deep(text, file, depth)
    # The values come from the JSON parser (YAML 1.1 reads 1e-05 as text); the
    # lines from composing the same text as YAML, which JSON is.  Tabs are JSON
    # whitespace but not YAML indentation, and never inside a valid JSON string.
    try:
        located = _parse_yaml(text.replace("\t", " "), file)
    except DinParseError:
        if duplicate:
            raise
        return Document(file, data)  # still correct, just without line numbers
    if duplicate:
        raise DinParseError(file, "a key appears twice in the same object")
    return Document(file, data, located.lines)


class _DuplicateKeyError(Exception):
    pass


#: Python refuses to convert longer digit strings (sys.get_int_max_str_digits), and its
#: ValueError carries no position; checking first lets the error name the line.
_MAX_DIGITS = 4300


class _LongIntegerError(Exception):
    def __init__(self, digits: str) -> None:
        super().__init__(digits[:20])
        self.digits = digits


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise _LongIntegerError(digits)
    return int(digits)


def _nesting(data: Any) -> int:
    """How deep lists and objects nest in parsed JSON (without recursion: the data may be deep)."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(data, 1)]
    while todo:
        value, depth = todo.pop()
        if isinstance(value, dict):
            deepest = max(deepest, depth)
            todo.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            deepest = max(deepest, depth)
            todo.extend((item, depth + 1) for item in value)
    return deepest


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _json_too_deep(text: str, file: str, limit: int) -> DinParseError:
    """The error for JSON nested deeper than ``limit``, on the line where it goes too deep."""
    depth = 0
    line = None
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, match.start()) + 1
                break
        elif token in "]}":
            depth -= 1
    return DinParseError(file, _limits.DEPTH.message(f"nested deeper than {limit} levels"), line=line)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a DIN can hold")


def _parse_yaml(text: str, file: str) -> Document:
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
    except RecursionError:  # the pure-Python composer, when libyaml is missing
        limit = int(_limits.DEPTH.value())
        raise DinParseError(file, _limits.DEPTH.message(f"nested deeper than {limit} levels")) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = err.problem or err.context or "malformed YAML"
        raise DinParseError(file, f"invalid YAML: {problem}", line=line) from None
    except yaml.YAMLError as err:
        raise DinParseError(file, f"invalid YAML: {err}") from None
    finally:
        loader.dispose()
    if node is None:
        raise DinFileError(file, "file is empty")
    builder = _Builder(file, loader)
    try:
        data = builder.build(node, (), 0)
    except RecursionError:  # only when DIN_MAX_DEPTH is set above what Python's stack holds
        raise DinParseError(file, _limits.DEPTH.message("nested deeper than Python can follow")) from None
    return Document(file, data, builder.lines)


def _loader_class() -> type[yaml.SafeLoader]:
    # The C parser is much faster on large files and has the same safety.
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _Builder:
    """Turns a composed YAML node tree into plain data, recording lines."""

    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.lines: dict[Path_, int] = {}
        self.max_depth = int(_limits.DEPTH.value())
        self.max_aliased = int(_limits.ALIAS_VALUES.value())
        # An alias is the same node met again: every value built below it is a repeat.
        self.built: set[int] = set()
        self.inside_alias = 0
        self.aliased = 0
        self.alias_line = 0

    def fail(self, node: yaml.Node, message: str) -> DinParseError:
        return DinParseError(self.file, message, line=node.start_mark.line + 1)

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > self.max_depth:
            found = f"nested deeper than {self.max_depth} levels (a recursive alias?)"
            raise self.fail(node, _limits.DEPTH.message(found))
        repeat = id(node) in self.built
        self.built.add(id(node))
        if repeat and not self.inside_alias:
            # The node's own marks are those of its anchor; the problem is where it is repeated.
            self.alias_line = self.lines.get(path, node.start_mark.line + 1)
        self.inside_alias += repeat
        try:
            return self._build(node, path, depth)
        finally:
            self.inside_alias -= repeat

    def _build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if self.inside_alias:
            # A long text counts once per 100 characters: an alias of a megabyte repeated is no small thing.
            self.aliased += 1 + (len(node.value) // 100 if isinstance(node, yaml.ScalarNode) else 0)
            if self.aliased > self.max_aliased:
                found = f"more than {self.max_aliased} values repeated through aliases (an alias bomb?)"
                raise DinParseError(self.file, _limits.ALIAS_VALUES.message(found), line=self.alias_line)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_COLLECTIONS:
            raise self.fail(node, f"unsupported YAML tag {node.tag!r} (tags are not allowed in DIN files)")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            out = []
            for index, item in enumerate(node.value):
                # A repeated node carries its anchor's marks; the list's own line is nearer the alias.
                repeat = id(item) in self.built
                self.lines[(*path, index)] = self.lines.get(path, 0) if repeat else item.start_mark.line + 1
                out.append(self.build(item, (*path, index), depth + 1))
            return out
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys ('<<') are not supported; write the keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be a plain word or number")
            key = self._scalar(key_node)
            if key is None:
                raise self.fail(key_node, "empty key")
            if key in out:
                raise self.fail(key_node, f"key {key!r} appears twice in the same block")
            self.lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, (*path, key), depth + 1)
        return out

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        value = node.value
        if tag == "tag:yaml.org,2002:bool" and value.lower() not in ("true", "false"):
            # YAML 1.1 reads yes/no/on/off as booleans; in a DIN they are words
            # (an owner id `no`, a Dutch `ja`), so only true/false are booleans.
            return value
        if tag in (
            "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:timestamp",
        ):
            try:
                result = self.loader.construct_object(node, deep=True)
            except ValueError:
                if tag == "tag:yaml.org,2002:timestamp":
                    return value  # looks like a date but is none (2019-13-45): the text as written
                # Python refuses to read integers of thousands of digits (CVE-2020-10735).
                raise self.fail(
                    node, f"{_shorten(value)} is not a number din can read ({len(value)} characters)"
                ) from None
            if isinstance(result, dt.date | dt.datetime):
                return result.isoformat()
            return result
        if tag.startswith("tag:yaml.org,2002:"):
            # binary, set, omap ...: real YAML, but nothing a DIN holds.
            raise self.fail(node, f"unsupported YAML type {tag.rsplit(':', 1)[-1]!r}")
        raise self.fail(node, f"unsupported YAML tag {tag!r} (tags are not allowed in DIN files)")


def _shorten(text: str, width: int = 40) -> str:
    return repr(text if len(text) <= width else text[: width - 3] + "...")
