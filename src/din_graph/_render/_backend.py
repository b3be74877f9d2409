"""Running Graphviz's ``dot`` program: the only part of rendering with side effects.

Building DOT is pure (:mod:`._dot`); this module finds the binary, pipes DOT
through it and turns its failures into :class:`~din_graph.DinError`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from din_graph._errors import DinRenderError
from din_graph._output import source_date

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
        done = subprocess.run(
            args,
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
            # cairo writes its PDF date in local time, whose length varies with the zone: UTC keeps it one length
            env={**os.environ, "TZ": "UTC"},
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DinRenderError(f"could not run Graphviz dot: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DinRenderError(f"Graphviz dot failed: {message[0] if message else f'exit {done.returncode}'}")
    return _pdf_dates(done.stdout) if fmt == "pdf" else done.stdout


# cairo writes the clock into every PDF and ignores SOURCE_DATE_EPOCH (up to 1.16 at least).
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")


def _pdf_dates(pdf: bytes) -> bytes:
    r"""The PDF with its dates set to ``SOURCE_DATE_EPOCH``, or blanked out when it is unset.

    Every replacement has the length of what it replaces (padded with spaces,
    which PDF reads as whitespace), so the byte offsets of the cross-reference
    table stay true.

    >>> old = b"<< /CreationDate (D:20261207011706Z) >>"
    >>> new = _pdf_dates(old)
    >>> new.split(), len(new) == len(old)
    ([b'<<', b'>>'], True)
    """
    when = source_date()

    def replace(match: re.Match[bytes]) -> bytes:
        old = match.group()
        new = b"" if when is None else b"/%s (D:%sZ)" % (match.group(1), when.strftime("%Y%m%d%H%M%S").encode())
        return new.ljust(len(old)) if len(new) <= len(old) else b" " * len(old)

    return _PDF_DATE.sub(replace, pdf)
