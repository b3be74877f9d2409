"""The explorer: one self-contained HTML file to click through a portfolio's DIN sheets.

:func:`explore` lays every programme out as its DIN sheet (the same
``build_sheet`` and Graphviz layout as :func:`din_graph.render`), tags each
drawn node with ``data-node="<programme-id>/<local-id>"``, and writes one HTML
file holding those drawings, the data behind them as JSON, and one inline
script that only switches attributes and classes.  The file asks nothing of
any network (its Content-Security-Policy forbids it) and works from
``file://``.  ``docs/explore.md`` describes its stable interface.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from din_graph._errors import DinArgumentError, DinRenderError
from din_graph._model import Effort, Indicator, Placeholder, Portfolio, Programme, Value
from din_graph._vocab import Lang

if TYPE_CHECKING:
    from din_graph._analysis._index import DinIndex
    from din_graph._analysis._overlap_result import Overlaps

__all__ = ["LARGE_EFFORTS", "Explorer", "explore", "explorer_data", "tag_svg"]


#: From this many efforts the explorer says it shows one programme at a time.
LARGE_EFFORTS = 5000

#: From this many characters of drawings the file stores them compressed (see :func:`explorer_html`).
PACK_BYTES = 6_000_000

#: Overlap pairs listed in the file (best first); ``din overlap`` lists them all.
MAX_PAIRS = 300

_NODE_GROUP = re.compile(r'<g id="([^"]*)" class="node">\n<title>([^<]*)</title>')
_CELL_GROUP = re.compile(r'<g id="a_din:([^"]*)"><a xlink:href="#"')
_PAPER_SIZE = re.compile(r'size="[0-9.]+,[0-9.]+", ')
_PATCH_GROUP = re.compile(r'<g id="din:([^"]*)">')  # matplotlib's drawing, when dot is missing
_PART_GROUP = re.compile(r'<g id="din-part:[0-9]+:([^"]*)">')  # words and marker of a matplotlib box
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


@dataclass(frozen=True)
class Explorer:
    """An explorer page: its HTML text, and the file it was written to (if any).

    In a notebook it shows inline (in a frame, so its script and styles stay its own).
    """

    html: str
    path: Path | None = None

    def _repr_html_(self) -> str:
        return (
            '<iframe sandbox="allow-scripts allow-downloads allow-modals" '
            'style="width:100%;height:720px;border:1px solid #ccc" '
            f'srcdoc="{html.escape(self.html, quote=True)}"></iframe>'
        )


def tag_svg(svg: str, keys: Iterable[str]) -> str:
    """An SVG of ``dot`` with every drawn DIN node tagged ``data-node`` (and focusable), comments left out.

    Node groups are recognised by their ``<title>`` (the DOT node name, a node
    key), effort cells by the ``din:<key>`` id that ``sheet_dot(anchors=True)``
    gives them.  Their empty links are removed, so a click never navigates.  In
    matplotlib's drawing (no ``dot``) a box is the group ``din:<key>``, its words and
    role marker the groups ``din-part:<n>:<key>``: these are tagged too, so they fade
    with their box, but only the box takes keyboard focus.

    Examples
    --------
    >>> svg = '<g id="O1" class="node">\\n<title>p/O1</title>\\n</g>'
    >>> tag_svg(svg, {"p/O1"})
    '<g id="O1" class="node" data-node="p/O1" tabindex="0" role="button">\\n<title>p/O1</title>\\n</g>'
    """
    known = set(keys)
    start = svg.find("<svg")
    body = _COMMENT.sub("", svg[start:] if start >= 0 else svg)

    def node(match: re.Match[str]) -> str:
        key = html.unescape(match.group(2))
        if key not in known:
            return match.group(0)
        attr = html.escape(key, quote=True)
        return (
            f'<g id="{match.group(1)}" class="node" data-node="{attr}" tabindex="0" role="button">\n'
            f"<title>{match.group(2)}</title>"
        )

    def cell(match: re.Match[str]) -> str:
        key = html.escape(html.unescape(match.group(1)), quote=True)
        return f'<g class="cell" data-node="{key}" tabindex="0" role="button"><a'

    def patch(match: re.Match[str]) -> str:
        key = html.escape(html.unescape(match.group(1)), quote=True)
        return f'<g class="patch" data-node="{key}" tabindex="0" role="button">'

    def part(match: re.Match[str]) -> str:
        # Marked like their box (faded, traced) but not a stop of their own for the keyboard.
        key = html.escape(html.unescape(match.group(1)), quote=True)
        return f'<g class="part" data-node="{key}">'

    tagged = _PATCH_GROUP.sub(patch, _CELL_GROUP.sub(cell, _NODE_GROUP.sub(node, body)))
    return _PART_GROUP.sub(part, tagged)


def _value(value: Value | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _indicator(indicator: Indicator, status: str | None) -> dict[str, Any]:
    baseline = indicator.baseline
    return {
        "name": indicator.name,
        "unit": indicator.unit or "",
        "baseline": (f"{_value(baseline.value)} ({baseline.year})" if baseline is not None and baseline.year else "")
        if baseline is not None
        else "",
        "targets": [[str(year), _value(v)] for year, v in indicator.targets.items()],
        "actuals": [[str(year), _value(v)] for year, v in indicator.actuals.items()],
        "status": status or "",
    }


def _source(programme: Programme, lines: tuple[int, ...]) -> str:
    if not lines:
        return ""
    source = programme.source
    title = (source.title or source.document or "") if source is not None else ""
    span = f"{lines[0]}–{lines[-1]}" if len(lines) > 1 and lines[-1] != lines[0] else str(lines[0])
    return f"{title} ({span})" if title else span


def _hours(effort: Effort) -> str:
    hours = effort.hours_per_week
    if hours is None:
        return ""
    if isinstance(hours, str):
        return hours
    if isinstance(hours, float):
        return _value(hours)
    return f"{_value(hours.low)}–{_value(hours.high)}"


class _AreaLens:
    """The area lens of ``in_area``: an effort lies in the areas it lists (or, listing none, names in its
    text) and in every area those lie in, so choosing a wijk keeps the efforts in its buurten."""

    def __init__(self, portfolio: Portfolio) -> None:
        from din_graph._analysis._areas import Areas

        self.areas = Areas(portfolio)
        self.label: dict[str, str] = {}

    def lens(self, effort: Effort) -> list[str]:
        from din_graph._analysis._text import fold

        areas = self.areas
        hit = {areas.lookup.get(fold(a), fold(a)) for a in effort.areas}
        if not hit:
            hit = set(areas.mentioned(f"{effort.title} {effort.description or ''}"))
        out: dict[str, None] = {}
        for area in sorted(hit):
            for inside in (area, *areas.ancestors(area)):
                out[inside] = None
                self.label.setdefault(inside, areas.names.get(inside, inside))
        return list(out)


def _node_records(
    index: DinIndex, obj: Programme | Portfolio, lang: str, areas: _AreaLens
) -> dict[str, dict[str, Any]]:
    from din_graph._analysis._findings import check
    from din_graph._analysis._progress import indicator_status, progress
    from din_graph._graph import node_key

    findings: dict[str, list[dict[str, str]]] = {}
    for finding in check(obj, lang="en" if lang == "en" else "nl"):
        findings.setdefault(finding.node, []).append({"code": finding.code, "message": finding.message})
    statuses = {(s.goal, s.indicator): str(s.status) for s in indicator_status(obj)}
    goal_status = {g.node: str(g.status) for g in progress(obj).goals}
    records: dict[str, dict[str, Any]] = {}

    def base(pid: str, local: str, kind: str, title: str) -> dict[str, Any]:
        key = node_key(pid, local)
        record: dict[str, Any] = {"p": pid, "id": local, "kind": kind, "title": title}
        if key in findings:
            record["findings"] = findings[key]
        if key in goal_status:
            record["progress"] = goal_status[key]
        records[key] = record
        return record

    for pid, programme in index.programmes.items():
        if programme.vision is not None:
            base(pid, "vision", "vision", programme.vision.text)
        for strategic in programme.strategic_goals:
            record = base(pid, strategic.id, "strategic_goal", strategic.title)
            record.update(_texts(strategic.description, strategic.criteria, _source(programme, strategic.source_lines)))
        for goal in programme.operational_goals:
            record = base(pid, goal.id, "operational_goal", goal.title)
            record.update(_texts(goal.description, goal.criteria, _source(programme, goal.source_lines)))
            key = node_key(pid, goal.id)
            record["indicators"] = [_indicator(i, statuses.get((key, i.name))) for i in goal.indicators]
        for effort in programme.efforts:
            record = base(pid, effort.id, "effort", effort.title)
            record.update(_effort_fields(effort, programme, index, areas))
        for placeholder in programme.placeholders:
            record = base(pid, placeholder.id, "placeholder", placeholder.title)
            record.update(_placeholder_fields(placeholder))
        for owner in programme.owners:
            base(pid, owner.id, "owner", owner.name)
    return records


def _texts(description: str | None, criteria: tuple[str, ...], source: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if description:
        out["description"] = description
    if criteria:
        out["criteria"] = list(criteria)
    if source:
        out["source"] = source
    return out


def _effort_fields(effort: Effort, programme: Programme, index: DinIndex, areas: _AreaLens) -> dict[str, Any]:
    from din_graph._graph import node_key

    key = node_key(programme.id, effort.id)
    owner = index.effort_owner(key)
    phase = effort.current_phase
    out = _texts(effort.description, (), _source(programme, effort.source_lines))
    out.update(
        {
            "role": effort.role.value,
            "effort_kind": effort.kind.value,
            "phase": phase.value if phase is not None else "unknown",
        }
    )
    optional: dict[str, Any] = {
        "status": effort.status or "",
        "owner_name": owner.name if owner is not None else (effort.owner or ""),
        "partners": list(effort.partners),
        "areas": list(effort.areas),
        "area_lens": areas.lens(effort),
        "budget": [[str(year), amount] for year, amount in effort.budget.items()],
        "hours": _hours(effort),
        "planning": effort.planning or "",
        "note": effort.note or "",
    }
    out.update({name: value for name, value in optional.items() if value})
    return out


def _placeholder_fields(placeholder: Placeholder) -> dict[str, Any]:
    return {"note": placeholder.note} if placeholder.note else {}


def _pair_records(found: Overlaps | None, limit: int) -> tuple[list[dict[str, Any]], int]:
    if found is None:
        return [], 0
    pairs = []
    for pair in found.pairs[:limit]:
        evidence = [{"signal": e.signal, "value": e.value, "shared": list(e.shared)} for e in pair.evidence]
        pairs.append(
            {
                "rank": pair.rank,
                "a": pair.a,
                "b": pair.b,
                "kind": pair.kind,
                "score": round(pair.score, 3),
                "band": pair.band,
                "reason": pair.reason,
                "review": pair.review or "",
                "note": pair.note,
                "evidence": evidence,
            }
        )
    return pairs, max(0, len(found.pairs) - limit)


def _words(lang: str) -> dict[str, str]:
    from din_graph._vocab import EXPLORE_WORDS, OVERLAP_WORDS
    from din_graph._vocab import SHEET_WORDS as WORDS

    code: Lang = "en" if lang == "en" else "nl"
    words = dict(WORDS[code])
    words.update(EXPLORE_WORDS[code])
    words.update({f"overlap.{k}": v for k, v in OVERLAP_WORDS[code].items()})
    return words


def explorer_data(
    obj: Programme | Portfolio,
    *,
    lang: Lang = "nl",
    found: Overlaps | None = None,
    review: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Everything the explorer's script needs, as plain JSON-able data (no drawings).

    ``up`` is the adjacency towards the vision (as in ``trace_up``), ``owner``
    the owner of each effort; the script derives ``down`` from ``up``.
    """
    from din_graph._analysis._index import index_of
    from din_graph._analysis._relations import stated_relations

    index = index_of(obj)
    portfolio = obj if isinstance(obj, Portfolio) else None
    areas = _AreaLens(portfolio or Portfolio(id=obj.id, name=obj.name, programmes=(obj,)))
    nodes = _node_records(index, obj, lang, areas)
    pairs, more = _pair_records(found, MAX_PAIRS)
    efforts = len(index.efforts)
    relations = []
    if portfolio is not None:
        relations = [
            {"programme": r.programme, "named": r.named, "target": r.target or "", "topics": list(r.topics)}
            for r in stated_relations(portfolio)
        ]
    return {
        "lang": "en" if lang == "en" else "nl",
        "title": portfolio.name if portfolio is not None else index_programme_name(obj),
        "programmes": [{"id": p.id, "name": p.name, "efforts": len(p.efforts)} for p in index.programmes.values()],
        "nodes": nodes,
        "up": {k: v for k, v in index.up.items() if v},
        "owner": {k: v for k, v in index.owner_of.items() if v is not None},
        "areas": areas.label,
        "pairs": pairs,
        "more_pairs": more,
        "review": review or [],
        "relations": relations,
        "efforts": efforts,
        "large": efforts >= LARGE_EFFORTS,
        "words": _words(lang),
        **_colours(),
    }


def _colours() -> dict[str, dict[str, str]]:
    from din_graph._render._dot import MARK_COLOURS
    from din_graph._render._sheet import PHASE_COLOURS
    from din_graph._render._text import ROLE_STYLE

    return {
        "phase_colours": dict(PHASE_COLOURS),
        "role_colours": {role: marker for role, (_, marker) in ROLE_STYLE.items()},
        "mark_colours": dict(MARK_COLOURS),
    }


def index_programme_name(obj: Programme | Portfolio) -> str:
    """The name shown on top: the portfolio's, or the programme's."""
    return obj.name


def _json_script(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script> only "</" and "<!--" matter; escaping every "<" covers both.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _drawings(obj: Programme | Portfolio, lang: str, keys: set[str], found: Overlaps | None) -> dict[str, str]:
    from din_graph._render._backend import dot_available, run_dot
    from din_graph._render._dot import sheet_dot
    from din_graph._render._sheet import build_sheet

    portfolio = obj if isinstance(obj, Portfolio) else None
    programmes: tuple[Programme, ...] = portfolio.programmes if portfolio is not None else (obj,)  # type: ignore[assignment]  # obj is a Programme here
    out: dict[str, str] = {}
    for programme in programmes:
        sheet = build_sheet(
            programme,
            context=portfolio,
            lang="en" if lang == "en" else "nl",
            highlight="findings",
            owners="below",
        )
        if dot_available():
            # Without the paper size the sheet keeps its natural scale on screen (the reader zooms, or fits it).
            dot = _PAPER_SIZE.sub("", sheet_dot(sheet, anchors=True), count=1)
            svg = run_dot(dot, "svg").decode("utf-8")
        else:
            from din_graph._render._mpl import sheet_bytes

            svg = sheet_bytes(sheet, "svg").decode("utf-8")  # the fallback engine's layout, as render uses
        out[programme.id] = tag_svg(svg, keys)
    if not dot_available():
        return out
    if portfolio is not None and len(portfolio.programmes) > 1 and found is not None:
        from din_graph._render._portfolio import EdgeLabels, portfolio_dot, portfolio_drawing

        def build(edge_labels: EdgeLabels) -> str:
            return portfolio_dot(
                portfolio, found, lang="en" if lang == "en" else "nl", top=40, landscape=True, edge_labels=edge_labels
            )

        # Should Graphviz fail on both forms of the picture, the sheets still show every
        # programme and the overlap list every pair: the explorer goes on without it.
        with contextlib.suppress(DinRenderError):
            out[""] = tag_svg(portfolio_drawing(build, "svg").decode("utf-8"), keys)
    return out


def _templates(drawings: dict[str, str], *, pack: bool | None) -> str:
    import gzip

    if pack is None:
        pack = sum(len(svg) for svg in drawings.values()) >= PACK_BYTES
    out = []
    for view, svg in drawings.items():
        name = html.escape(view, quote=True)
        if pack:
            # mtime=0: the same drawing gives the same bytes.
            data = base64.b64encode(gzip.compress(svg.encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")
            out.append(f'<template data-view="{name}" data-packed="gzip">{data}</template>\n')
        else:
            out.append(f'<template data-view="{name}">{svg}</template>\n')
    return "".join(out)


def _asset(name: str) -> str:
    return resources.files("din_graph._explore").joinpath(name).read_text(encoding="utf-8")


def explorer_html(
    obj: Programme | Portfolio,
    *,
    lang: Lang = "nl",
    found: Overlaps | None = None,
    review: list[dict[str, str]] | None = None,
    pack: bool | None = None,
) -> str:
    """The explorer page as text (see :func:`explore`).

    ``pack`` stores the drawings gzip-compressed (base64), unpacked by the
    browser when a programme is shown; ``None`` packs from :data:`PACK_BYTES`
    of drawings on, so that a 20,000-effort portfolio stays a file of a few MB.
    """
    data = explorer_data(obj, lang=lang, found=found, review=review)
    drawings = _drawings(obj, lang, set(data["nodes"]), found)
    script = _asset("explore.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    templates = _templates(drawings, pack=pack)
    title = f"{data['words']['explore.title']}: {data['title']}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{data["lang"]}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_asset('explore.css')}</style>\n</head>\n<body>\n"
        f"{_asset('explore.html')}\n{templates}"
        f'<script type="application/json" id="din-data">{_json_script(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def explore(
    obj: Programme | Portfolio,
    path: str | Path | None = None,
    *,
    lang: Lang = "nl",
    review: str | Path | None = None,
    overlaps: Overlaps | None = None,
) -> Explorer:
    """Write (or return) the explorer: one self-contained HTML file to click through the DIN sheets.

    Each programme is drawn as its DIN sheet (the layout of :func:`render`);
    clicking a node (or Tab and Enter) marks what it serves up to the vision and
    what serves it down to efforts and owners, across programmes; a panel shows
    its details, a search finds titles with or without accents, filters fade or
    hide, the overlap list can be reviewed and its decisions downloaded as the
    file ``din overlap --review`` reads.  The view lives in the URL's hash.
    The file needs no network: its Content-Security-Policy forbids every request.

    Parameters
    ----------
    obj:
        A programme or a portfolio.
    path:
        Where to write the page (``.html``); ``None`` only returns it.
    lang:
        ``"nl"`` (default) or ``"en"`` for the labels.
    review:
        A review file (``docs/overlap.md``): its decisions are applied to the overlap
        list (dismissed pairs left out, confirmed ones marked) and kept in the file
        the page downloads.
    overlaps:
        A result of :func:`overlaps` to show instead of computing one.

    Returns
    -------
    Explorer
        The page's HTML and the path written (shows inline in a notebook).

    Raises
    ------
    DinArgumentError
        When ``obj`` is neither a programme nor a portfolio, or ``lang`` is unknown.
    DinError
        When the file or the review file cannot be read or written.

    Examples
    --------
    >>> import din_graph
    >>> page = din_graph.explore(din_graph.load("examples/almelo/duurzaamheid.yaml"))
    >>> 'data-node="almelo-duurzaamheid/O1a"' in page.html or not din_graph.dot_available()
    True
    """
    from din_graph._output import write_file

    if not isinstance(obj, Programme | Portfolio):
        raise DinArgumentError(f"cannot explore a {type(obj).__name__}; give a Programme or a Portfolio")
    if lang not in ("nl", "en"):
        raise DinArgumentError(f"unknown language {lang!r}; choose nl or en")
    found = overlaps
    entries: list[dict[str, str]] = []
    loaded = None
    if review is not None:
        from din_graph._io._review import load_review

        loaded = load_review(review)
        entries = [
            {"a": e.a, "b": e.b, "decision": e.decision, "note": e.note} for _, e in sorted(loaded.entries.items())
        ]
    if found is None and isinstance(obj, Portfolio) and len(obj.programmes) > 1:
        from din_graph._analysis._overlap import overlaps as find

        found = find(obj, progress=False, review=loaded)
    page = explorer_html(obj, lang=lang, found=found, review=entries)
    if path is None:
        return Explorer(page)
    target = Path(path)
    write_file(target, page)
    return Explorer(page, target)
