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
