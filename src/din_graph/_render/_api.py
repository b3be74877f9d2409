"""The public drawing functions: :func:`render` and :func:`to_dot`."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from din_graph._errors import DinArgumentError, DinRenderError, DinWarning
from din_graph._model import Portfolio, Programme
from din_graph._output import write_file
from din_graph._render._backend import FORMATS, dot_available, run_dot
from din_graph._render._sheet import OwnersMode, build_sheet
from din_graph._render._text import Lang

if TYPE_CHECKING:
    from din_graph._analysis._overlap_result import Overlaps
    from din_graph._render._portfolio import EdgeLabels

__all__ = ["Engine", "render", "to_dot"]

Engine = Literal["auto", "graphviz", "matplotlib"]

_warned_fallback = False


def _target(obj: Programme | Portfolio, programme: str | None) -> tuple[Programme | None, Portfolio | None]:
    if isinstance(obj, Programme):
        if programme is not None and programme != obj.id:
            raise DinArgumentError(f"programme {programme!r} asked for, but {obj.id!r} given")
        return obj, None
    if isinstance(obj, Portfolio):
        if programme is None:
            if len(obj.programmes) == 1:
                return obj.programmes[0], obj
            return None, obj
        try:
            return obj.programme(programme), obj
        except KeyError:
            known = ", ".join(p.id for p in obj.programmes)
            raise DinArgumentError(f"no programme {programme!r} in portfolio {obj.id!r}; it holds {known}") from None
    raise DinArgumentError(f"cannot draw a {type(obj).__name__}; give a Programme or a Portfolio")


def to_dot(
    obj: Programme | Portfolio,
    *,
    programme: str | None = None,
    lang: Lang = "nl",
    highlight: str | Iterable[str] | None = None,
    owners: OwnersMode = "inside",
    indicators: bool = True,
    max_rows: int | None = None,
    paper: str = "a3",
    landscape: bool | None = None,
    top: int = 40,
    overlaps: Overlaps | None = None,
) -> str:
    """The DOT text of a programme's DIN sheet, or of a portfolio's overlap picture.

    Pure: no Graphviz needed, and the same input gives the same text.  A
    portfolio with several programmes (and no ``programme=``) gives the
    portfolio picture with its ``top`` strongest overlaps.  The options are
    those of :func:`render`.

    Examples
    --------
    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo")
    >>> dot = din_graph.to_dot(almelo, programme="almelo-duurzaamheid")
    >>> dot.splitlines()[0], '"almelo-duurzaamheid/O1a"' in dot
    ('digraph din {', True)
    """
    dot = render(
        obj,
        "dot",
        programme=programme,
        lang=lang,
        highlight=highlight,
        owners=owners,
        indicators=indicators,
        max_rows=max_rows,
        paper=paper,
        landscape=landscape,
        top=top,
        overlaps=overlaps,
    )
    assert isinstance(dot, str)  # render returns DOT as text
    return dot


def _portfolio_dot(
    portfolio: Portfolio,
    found: Overlaps | None,
    *,
    lang: Lang,
    top: int,
    paper: str,
    landscape: bool | None,
    edge_labels: EdgeLabels = "label",
) -> str:
    from din_graph._analysis._overlap import overlaps
    from din_graph._render._portfolio import portfolio_dot

    if found is None:
        found = overlaps(portfolio, progress=False)
    return portfolio_dot(
        portfolio,
        found,
        lang=lang,
        top=top,
        paper=paper,
        landscape=True if landscape is None else landscape,
        edge_labels=edge_labels,
    )


def _format_of(path_or_format: str | Path) -> tuple[str, Path | None]:
    if isinstance(path_or_format, str) and path_or_format.lower() in FORMATS:
        return path_or_format.lower(), None
    path = Path(path_or_format)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise DinArgumentError(f"{path}: cannot tell the format from the suffix; use .svg, .png, .pdf or .dot")
    return fmt, path


def _choose_engine(engine: Engine, fmt: str) -> Literal["graphviz", "matplotlib"]:
    global _warned_fallback  # noqa: PLW0603 - the fallback warning is said once per process, by design
    if engine not in {"auto", "graphviz", "matplotlib"}:
        raise DinArgumentError(f"unknown engine {engine!r}; choose auto, graphviz or matplotlib")
    if fmt == "dot":
        if engine == "matplotlib":
            raise DinArgumentError("the matplotlib engine does not write DOT; choose svg, png or pdf")
        return "graphviz"
    if engine == "matplotlib":
        return "matplotlib"
    if dot_available():
        return "graphviz"
    if engine == "graphviz":
        raise DinRenderError("the Graphviz 'dot' program is not installed (apt-get install graphviz)")
    if not _warned_fallback:
        _warned_fallback = True
        warnings.warn(
            "Graphviz 'dot' not found: drawing the DIN sheet with matplotlib instead "
            "(install graphviz for the Graphviz layout)",
            DinWarning,
            stacklevel=3,
        )
    return "matplotlib"


def render(
    obj: Programme | Portfolio,
    path_or_format: str | Path = "svg",
    *,
    programme: str | None = None,
    lang: Lang = "nl",
    highlight: str | Iterable[str] | None = None,
    owners: OwnersMode = "inside",
    indicators: bool = True,
    max_rows: int | None = None,
    paper: str = "a3",
    landscape: bool | None = None,
    engine: Engine = "auto",
    top: int = 40,
    overlaps: Overlaps | None = None,
) -> str | bytes | Path:
    """Draw a programme's DIN sheet (or a portfolio's overlap picture).

    Parameters
    ----------
    obj
        A :class:`Programme`, or a :class:`Portfolio` with ``programme=`` the
        id of one of its programmes (links into other programmes and findings
        are then judged in the portfolio).  A portfolio of several programmes
        without ``programme=`` draws the portfolio overlap picture.
    path_or_format
        A file path ending in ``.svg``, ``.png``, ``.pdf`` or ``.dot`` (the file
        is written and its path returned), or one of those format names (the
        drawing is returned: ``str`` for svg and dot, ``bytes`` for png and pdf).
    lang
        ``"nl"`` (default) or ``"en"`` labels.
    highlight
        Findings to mark: ``"findings"`` for all, or any of ``orphans``,
        ``uncovered``, ``fragile``, ``indicators`` (status where actuals exist).
    owners
        Owners ``"inside"`` the effort rows (default), ``"below"`` the columns, or ``"none"``.
    indicators
        Show operational goals' indicators and targets.
    max_rows
        Rows per column before it continues in a column beside it; by default
        10, more when the sheet would otherwise be far wider than high.
    paper, landscape
        ``"a3"`` (default) or ``"a4"``; landscape by default when the sheet has
        four or more columns.  The drawing is shrunk to fit the printable area.
    engine
        ``"auto"`` (Graphviz when its ``dot`` program is installed, matplotlib
        otherwise, with a warning), ``"graphviz"`` or ``"matplotlib"``.
    top
        Overlaps drawn in the portfolio picture.
    overlaps
        The result of :func:`din_graph.overlaps` for the portfolio, when the
        caller has it already (otherwise the picture computes it).

    Raises
    ------
    DinArgumentError
        An unknown ``lang``, ``paper``, ``owners``, ``highlight`` or ``engine``, ``max_rows``
        below 1, a suffix or format that names no drawing, a ``programme`` not in the
        portfolio, or an object that is neither a programme nor a portfolio.
    DinRenderError
        Graphviz is asked for but missing, or ``dot`` fails.

    Examples
    --------
    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo")
    >>> svg = din_graph.render(almelo, "svg", programme="almelo-leefbare-wijken-en-dorpen", engine="matplotlib")
    >>> svg.lstrip().startswith("<?xml"), "Fysieke verbeteringen" in svg
    (True, True)
    """
    fmt, path = _format_of(path_or_format)
    target, context = _target(obj, programme)
    chosen = _choose_engine(engine, fmt)
    data: str | bytes
    if target is None:
        assert context is not None
        if chosen == "matplotlib":
            raise DinRenderError(
                "the portfolio picture needs Graphviz 'dot'; din_graph.overlap_heatmap() draws the overlaps without it"
            )
        from din_graph._render._portfolio import portfolio_drawing

        def build(edge_labels: EdgeLabels) -> str:
            return _portfolio_dot(
                context, overlaps, lang=lang, top=top, paper=paper, landscape=landscape, edge_labels=edge_labels
            )

        data = build("label") if fmt == "dot" else portfolio_drawing(build, fmt)
    else:
        drawn = build_sheet(
            target,
            context=context,
            lang=lang,
            highlight=highlight,
            owners=owners,
            indicators=indicators,
            max_rows=max_rows,
            paper=paper,
            landscape=landscape,
        )
        if chosen == "matplotlib":
            from din_graph._render._mpl import sheet_bytes

            data = sheet_bytes(drawn, fmt)
        else:
            from din_graph._render._dot import sheet_dot

            source = sheet_dot(drawn)
            data = source if fmt == "dot" else run_dot(source, fmt)
    if path is None:
        if fmt in {"svg", "dot"} and isinstance(data, bytes):
            return data.decode("utf-8")
        return data
    return write_file(path, data)
