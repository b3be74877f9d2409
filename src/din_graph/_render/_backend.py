"""Running Graphviz's ``dot`` program: the only part of rendering with side effects.

Building DOT is pure (:mod:`._dot`); this module finds the binary, pipes DOT
through it and turns its failures into :class:`~din_graph.DinError`.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from din_graph._errors import DinRenderError

__all__ = ["FORMATS", "PNG_DPI", "dot_available", "dot_executable", "run_dot"]

#: Output formats of the DIN sheet; ``dot`` is the DOT text itself.
FORMATS = ("svg", "png", "pdf", "dot")

# Bitmap resolution: A3 at 150 dpi keeps 9 pt text readable on screen and in print.
PNG_DPI = 150


def dot_executable() -> str | None:
    """Path of the ``dot`` program, or ``None``; ``DIN_GRAPH_DOT`` overrides the search."""
    override = os.environ.get("DIN_GRAPH_DOT")
    if override is not None:
        return override or None  # an empty value means: behave as if dot were missing
    return shutil.which("dot")


def dot_available() -> bool:
    """True when the Graphviz ``dot`` program can be run.

    Examples
    --------
    >>> import din_graph
    >>> din_graph.dot_available() in (True, False)
    True
    """
    return dot_executable() is not None


def run_dot(source: str, fmt: str, *, timeout: float = 120) -> bytes:
    """Lay out and draw DOT text with ``dot -T<fmt>``; return the output bytes."""
    if fmt not in {"svg", "png", "pdf"}:
        raise DinRenderError(f"dot cannot write {fmt!r}; choose svg, png or pdf")
    executable = dot_executable()
    if executable is None:
        raise DinRenderError("the Graphviz 'dot' program is not installed (apt-get install graphviz)")
    args = [executable, f"-T{fmt}"]
    if fmt == "png":
        args.append(f"-Gdpi={PNG_DPI}")
    try:
        done = subprocess.run(args, input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DinRenderError(f"could not run Graphviz dot: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DinRenderError(f"Graphviz dot failed: {message[0] if message else f'exit {done.returncode}'}")
    return done.stdout
