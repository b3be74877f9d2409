"""Shared fixtures: the repository's examples and a helper to write bad files."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _run_in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Doctests and examples use paths relative to the repository root.
    monkeypatch.chdir(ROOT)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented text to a file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


def pytest_report_header() -> str:
    return f"din_graph examples: {EXAMPLES} ({'present' if EXAMPLES.exists() else 'missing'}); cpu={os.cpu_count()}"


os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Tests that need Graphviz's dot program are skipped (not failed) without it.
    import importlib.util
    import shutil

    from din_graph._render._backend import dot_available

    missing = {
        "graphviz": None if dot_available() else "Graphviz 'dot' is not installed",
        "browser": None
        if shutil.which("chromium") and shutil.which("chromedriver") and importlib.util.find_spec("selenium")
        else "Chromium, chromedriver or selenium is not installed (make system installs them)",
    }
    for item in items:
        for marker, reason in missing.items():
            if reason is not None and marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))
