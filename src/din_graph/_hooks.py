"""Hooks a higher layer installs so that a lower one can call it without importing it.

The models show themselves in a notebook as a drawing, but drawing is two layers
above them.  The package's ``__init__`` installs the drawing function here; the
models look it up when Jupyter asks, and show nothing if nobody installed one.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["notebook_svg", "set_notebook_svg"]

_NOTEBOOK_SVG: list[Callable[[object], str | None]] = []


def set_notebook_svg(draw: Callable[[object], str | None]) -> None:
    """Install ``draw`` as the function that makes a model's notebook SVG."""
    _NOTEBOOK_SVG[:] = [draw]


def notebook_svg(obj: object) -> str | None:
    """The notebook SVG of ``obj`` from the installed hook, or None without one."""
    return _NOTEBOOK_SVG[0](obj) if _NOTEBOOK_SVG else None
