"""matplotlib charts: indicator trajectories, owner load, role mix, the overlap heatmap.

Every chart draws on the ``ax`` it is given (or on a new figure's) and returns
that ``Axes``, so analysts can place it in their own figures.
"""

from __future__ import annotations

from typing import Any

from din_graph._analysis._index import index_of
from din_graph._analysis._overlap_result import Overlaps
from din_graph._analysis._owners import owner_load, role_mix
from din_graph._analysis._progress import classify
from din_graph._errors import DinArgumentError
from din_graph._model import Indicator, OperationalGoal, Portfolio, Programme
from din_graph._render._dot import STATUS_COLOURS
from din_graph._render._text import ROLE_STYLE, Lang, mpl_text, shorten
from din_graph._vocab import SHEET_WORDS as WORDS

__all__ = ["heatmap_image", "indicator_chart", "overlap_heatmap", "owner_load_chart", "role_mix_chart"]


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _numbers(values: dict[int | str, Any]) -> list[tuple[int, float]]:
    return sorted(
        (y, float(v))
        for y, v in values.items()
        if isinstance(y, int) and isinstance(v, int | float) and not isinstance(v, bool)
    )


def indicator_chart(
    indicator: Indicator | OperationalGoal, *, ax: Any = None, lang: Lang = "nl", which: int = 0
) -> Any:
    """The trajectory of an indicator: baseline, targets (dashed) and actuals (solid).

    Pass an :class:`Indicator`, or an :class:`OperationalGoal` and ``which``
    indicator of it.  Targets whose year was lost are drawn as dotted
    horizontal lines; targets given as text are listed in the title.

    Raises
    ------
    DinArgumentError
        The operational goal has no indicators, or none numbered ``which``.

    Examples
    --------
    >>> import din_graph
    >>> goal = din_graph.load("examples/almelo/duurzaamheid.yaml").operational_goals[0]
    >>> ax = din_graph.indicator_chart(goal)
    >>> [line.get_label() for line in ax.get_lines()]
    ['peil 2018', 'streef']
    """
    words = WORDS[lang]
    if isinstance(indicator, OperationalGoal):
        if not indicator.indicators:
            raise DinArgumentError(f"operational goal {indicator.id!r} has no indicators to chart")
        if not 0 <= which < len(indicator.indicators):
            raise DinArgumentError(f"operational goal {indicator.id!r} has no indicator number {which}")
        indicator = indicator.indicators[which]
    ax = _axes(ax, (6.0, 3.6))
    targets = _numbers(indicator.targets)
    actuals = _numbers(indicator.actuals)
    base = indicator.baseline
    start: list[tuple[int, float]] = []
    if base is not None and base.year is not None and isinstance(base.value, int | float):
        start = [(base.year, float(base.value))]
        ax.plot([base.year], [base.value], "o", color="#12395c", label=f"{words['baseline']} {base.year}")
    if targets:
        line = start + targets
        ax.plot([y for y, _ in line], [v for _, v in line], "--", marker="s", color="#1f5f99", label=words["target"])
    lost = [(y, v) for y, v in indicator.targets.items() if not isinstance(y, int) and isinstance(v, int | float)]
    for i, (_, value) in enumerate(lost):
        label = f"{words['target']} ({words['year_unknown']})" if i == 0 else None
        ax.axhline(float(value), linestyle=":", color="#7f7f7f", label=label)
    if actuals:
        ax.plot(
            [y for y, _ in actuals], [v for _, v in actuals], "-", marker="o", color="#595959", label=words["actual"]
        )
        # The latest actual in the colour of its status (din_graph.progress's rule).
        year, actual, _, status, _ = classify(indicator)
        if year is not None and actual is not None and status != "no_data":
            colour = STATUS_COLOURS[status]
            ax.plot([year], [actual], "o", markersize=10, color=colour, label=words[f"status.{status}"])
    text_targets = [f"{y}: {v}" for y, v in indicator.targets.items() if isinstance(v, str)]
    title = mpl_text(shorten(indicator.name, 80))
    if text_targets:
        title += "\n" + mpl_text(f"({words['target']}: {', '.join(text_targets[:4])})")
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(words["chart.year"])
    if indicator.unit:
        ax.set_ylabel(mpl_text(indicator.unit))
    ax.xaxis.get_major_locator().set_params(integer=True)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    return ax


def owner_load_chart(obj: Programme | Portfolio, *, ax: Any = None, lang: Lang = "nl", top: int = 15) -> Any:
    """Horizontal bars: efforts per owner, split by the role the programme has in them.

    Examples
    --------
    >>> import din_graph
    >>> ax = din_graph.owner_load_chart(din_graph.load("examples/almelo"), top=3)
    >>> ax.get_title()
    'Inspanningen per trekker'
    """
    words = WORDS[lang]
    index = index_of(obj)
    loads = sorted(owner_load(index), key=lambda o: (-len(o.efforts), o.owner))[:top]
    ax = _axes(ax, (7.0, 0.4 * max(3, len(loads)) + 1))
    names = [mpl_text(shorten(o.owner, 40)) for o in loads][::-1]
    left = [0.0] * len(loads)
    for role, (_, marker) in ROLE_STYLE.items():
        counts = [sum(1 for e in o.efforts if index.efforts[e].role.value == role) for o in loads][::-1]
        if any(counts):
            ax.barh(names, counts, left=left, color=marker, label=words[f"role.{role}"])
            left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_xlabel(words["chart.efforts"])
    ax.set_title(words["chart.owner_load"], fontsize=11)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if loads:
        ax.legend(fontsize=8, frameon=False, loc="lower right")
    return ax


def role_mix_chart(obj: Programme | Portfolio, *, ax: Any = None, lang: Lang = "nl") -> Any:
    """Stacked bars: the share of each role among every programme's efforts.

    Examples
    --------
    >>> import din_graph
    >>> ax = din_graph.role_mix_chart(din_graph.load("examples/almelo"), lang="en")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Duurzaamheid', 'Leefbare wijken en dorpen']
    """
    words = WORDS[lang]
    index = index_of(obj)
    mixes = role_mix(index)
    names = [mpl_text(shorten(index.programmes[m.programme].name, 30)) for m in mixes]
    ax = _axes(ax, (7.0, 0.5 * max(3, len(mixes)) + 1))
    left = [0.0] * len(mixes)
    for role, (_, marker) in ROLE_STYLE.items():
        shares = [m.counts.get(role, 0) / max(1, sum(m.counts.values())) for m in mixes]
        ax.barh(names, shares, left=left, color=marker, label=words[f"role.{role}"])
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set_xlim(0, 1)
    ax.set_xlabel(words["chart.share"])
    ax.set_title(words["chart.role_mix"], fontsize=11)
    ax.invert_yaxis()
    ax.legend(fontsize=8, frameon=False, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    return ax


def overlap_heatmap(found: Overlaps, portfolio: Portfolio | None = None, *, ax: Any = None, lang: Lang = "nl") -> Any:
    """Programme × programme heatmap of the overlap scores (``ProgrammePair.score``), annotated.

    Examples
    --------
    >>> import din_graph
    >>> almelo = din_graph.load("examples/almelo")
    >>> ax = din_graph.overlap_heatmap(din_graph.overlaps(almelo, progress=False), almelo)
    >>> ax.get_images()[0].get_array().shape
    (2, 2)
    """
    words = WORDS[lang]
    matrix = found.matrix()
    if portfolio is not None:
        ids = [p.id for p in portfolio.programmes]
        names = {p.id: p.name for p in portfolio.programmes}
    else:
        ids = sorted(matrix)
        names = {i: i for i in ids}
    n = len(ids)
    ax = _axes(ax, (4.5 + 0.45 * n, 3.5 + 0.4 * n))
    values = [[0.0 if a == b else matrix.get(a, {}).get(b, 0.0) for b in ids] for a in ids]
    top = max(0.05, max((max(r) for r in values), default=0))
    image = ax.imshow(values, cmap="Oranges", vmin=0, vmax=top)
    labels = [mpl_text(shorten(names[i], 28)) for i in ids]
    ax.set_xticks(range(n), labels, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(n), labels, fontsize=8)
    for i in range(n):
        for j in range(n):
            if i != j and values[i][j] > 0:
                colour = "#ffffff" if values[i][j] > top / 2 else "#000000"
                ax.text(j, i, f"{values[i][j]:.2f}", ha="center", va="center", fontsize=7, color=colour)
    ax.set_title(words["heatmap"], fontsize=11)
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label=words["heatmap.score"])
    return ax


def heatmap_image(found: Overlaps, portfolio: Portfolio, fmt: str, *, lang: Lang = "nl") -> bytes:
    """The overlap heatmap as SVG, PNG or PDF bytes, sized to the portfolio; the same input gives the same bytes."""
    from matplotlib.figure import Figure

    from din_graph._render._mpl import figure_bytes

    n = len(portfolio.programmes)
    fig = Figure(figsize=(4.5 + 0.45 * n, 3.5 + 0.4 * n), layout="constrained")
    overlap_heatmap(found, portfolio, ax=fig.add_subplot(), lang=lang)
    return figure_bytes(fig, fmt)
