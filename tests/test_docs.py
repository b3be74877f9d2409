"""The documentation stays true: README code runs, docs/format.md lists every key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from din_graph import _model

ROOT = Path(__file__).resolve().parent.parent


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def test_readme_python_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks
    namespace: dict[str, object] = {}
    monkeypatch.chdir(ROOT)
    code = "\n".join(blocks).replace('"duurzaamheid.json"', repr(str(tmp_path / "d.json")))
    exec(compile(code, "README.md", "exec"), namespace)
    assert (tmp_path / "d.json").exists()


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, flags=re.DOTALL)
    assert first_block is not None
    assert first_block.group(1).startswith("make demo")
    assert "make test" in first_block.group(1)


def test_format_doc_lists_every_key_and_alias() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for name in _model.__all__:
        if name == "HoursRange":  # written as text ("4-8"), never as a block
            continue
        model = getattr(_model, name)
        for field in getattr(model, "model_fields", {}):
            assert f"`{field}`" in doc, (name, field)
    for dutch in _model.DUTCH_ALIASES:
        assert f"`{dutch}`" in doc, dutch


def test_every_finding_code_is_documented() -> None:
    from din_graph import FINDING_CODES

    doc = (ROOT / "docs" / "analyses.md").read_text(encoding="utf-8")
    for code, (severity, _, _) in FINDING_CODES.items():
        assert f"| `{code}` | {severity} |" in doc, code
    assert (ROOT / "README.md").read_text(encoding="utf-8").count("docs/analyses.md") >= 1


def test_cli_reference_page_is_current() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_assets", ROOT / "scripts" / "docs_assets.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.cli_reference(), (
        "docs/cli.md is stale: run .venv/bin/python scripts/docs_assets.py"
    )


def test_every_public_function_has_an_example() -> None:
    import inspect

    import din_graph

    missing = [
        name
        for name in din_graph.__all__
        if inspect.isfunction(getattr(din_graph, name))
        and ">>>" not in (inspect.getdoc(getattr(din_graph, name)) or "")
    ]
    assert missing == []


def test_every_analysis_page_is_in_the_site_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").rglob("*.md")):
        relative = page.relative_to(ROOT / "docs").as_posix()
        assert relative in nav, f"{relative} is not in mkdocs.yml's nav"
