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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from din_graph._errors import DinFileError, DinParseError

__all__ = ["MAX_FILE_BYTES", "Document", "parse_text", "read_document"]

#: Files larger than this are refused before parsing (a DIN is kilobytes, not megabytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Upper bound on values after alias expansion: far above any real DIN, far below a bomb.
MAX_NODES = 2_000_000
MAX_DEPTH = 100

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


def read_document(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read a YAML or JSON file into a :class:`Document`.

    Raises
    ------
    DinFileError
        The file is missing, empty, binary, not UTF-8 or larger than ``max_bytes``.
    DinParseError
        The file is not well-formed YAML or JSON.
    """
    name = str(path)
    if not path.exists():
        raise DinFileError(name, "no such file or folder")
    if path.is_dir():
        raise DinFileError(name, "is a folder, expected a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise DinFileError(
            name, f"file is {size / 1e6:.1f} MB, larger than the {max_bytes / 1e6:.0f} MB limit for a DIN file"
        )
    raw = path.read_bytes()
    return parse_text(raw, name, json_syntax=path.suffix.lower() == ".json")


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
    try:
        data = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise DinParseError(file, f"invalid JSON: {err.msg} (column {err.colno})", line=err.lineno) from None
    except _DuplicateKeyError:
        duplicate = True  # the YAML pass below finds the line of the second occurrence
    except ValueError as err:
        raise DinParseError(file, f"invalid JSON: {err}") from None
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


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a DIN can hold")


def _parse_yaml(text: str, file: str) -> Document:
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
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
    data = builder.build(node, (), 0)
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
        self.count = 0

    def fail(self, node: yaml.Node, message: str) -> DinParseError:
        return DinParseError(self.file, message, line=node.start_mark.line + 1)

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, "too many values after expanding aliases (an alias bomb?)")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nested deeper than {MAX_DEPTH} levels (a recursive alias?)")
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_COLLECTIONS:
            raise self.fail(node, f"unsupported YAML tag {node.tag!r} (tags are not allowed in DIN files)")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            out = []
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = item.start_mark.line + 1
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
            result = self.loader.construct_object(node, deep=True)
            if isinstance(result, dt.date | dt.datetime):
                return result.isoformat()
            return result
        if tag.startswith("tag:yaml.org,2002:"):
            # binary, set, omap ...: real YAML, but nothing a DIN holds.
            raise self.fail(node, f"unsupported YAML type {tag.rsplit(':', 1)[-1]!r}")
        raise self.fail(node, f"unsupported YAML tag {tag!r} (tags are not allowed in DIN files)")
