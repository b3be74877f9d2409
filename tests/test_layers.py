"""Layers point down: no module of din_graph imports one from a layer above it.

The order is written once here and once in ARCHITECTURE.md.  Every ``import`` and
``from … import`` is read with :mod:`ast`, those inside functions included (the
lazy imports that keep ``import din_graph`` fast are still dependencies).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "din_graph"

#: Bottom first.  A name is a top-level module or subpackage of din_graph.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"_errors", "_output", "_vocab", "_strings", "_hooks", "_version", "_gc"}),
    frozenset({"_model"}),
    frozenset({"_validate"}),
    frozenset({"_io"}),
    frozenset({"_graph"}),
    frozenset({"_analysis"}),
    frozenset({"_render", "_report", "_explore"}),
    frozenset({"_cli", "__main__"}),
    frozenset({"__init__"}),
)


def _unit(dotted: str) -> str:
    """The layer unit of a dotted module name: ``din_graph._render._text`` → ``_render``."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(unit: str) -> int:
    for index, members in enumerate(LAYERS):
        if unit in members:
            return index
    raise AssertionError(f"{unit} is in no layer: add it to LAYERS here and in ARCHITECTURE.md")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every din_graph module ``path`` imports, with its line, relative imports resolved."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(source: str, package: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
                if not node.module:  # ``from . import x``: each name is a module
                    found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names]
                    continue
            else:
                target = node.module or ""
            found.append((target, node.lineno))
    return [(name, line) for name, line in found if name == "din_graph" or name.startswith("din_graph.")]


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _unit_of_file(path: Path) -> str:
    name = _module_name(path)
    return "__init__" if name == "din_graph" else _unit(name)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_layer_above_it(path: Path) -> None:
    own = _layer(_unit_of_file(path))
    upward = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for name, line in _imports(path)
        if _layer(_unit(name) if name != "din_graph" else "__init__") > own
    ]
    assert upward == []


def test_the_check_sees_lazy_and_relative_imports() -> None:
    # The model layer reaching up from inside a function, absolutely and relatively.
    source = "import json\ndef f():\n    from din_graph._render._api import render\n    from ._cli import main\n"
    found = _imports_in(source, "din_graph")
    assert found == [("din_graph._render._api", 3), ("din_graph._cli", 4)]
    assert all(_layer(_unit(name)) > _layer("_model") for name, _ in found)
    assert _imports_in("from .. import _errors\n", "din_graph._render") == [("din_graph._errors", 1)]


def test_every_module_is_in_a_layer() -> None:
    for path in _modules():
        _layer(_unit_of_file(path))
