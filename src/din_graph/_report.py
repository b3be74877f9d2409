"""Reports an advisor can send: the analyses of a programme or portfolio as Markdown or HTML.

:func:`build_report` gathers what a report says (typed :class:`Section` data:
text, tables, images); :func:`report_markdown` and :func:`report_html` write it.
Per programme: its DIN sheet with the findings marked, the findings of
:func:`~din_graph.check`, and where the indicators stand
(:func:`~din_graph.progress`); for a portfolio of several programmes also the
overlaps, the programme pairs, suggested links, the overlap picture and the
heatmap.  HTML is one self-contained file (images inline as data URIs, no
scripts, print styles); every piece of user text is escaped.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from din_graph._errors import DinArgumentError, DinError
from din_graph._model import Portfolio, Programme
from din_graph._output import printable, write_file
from din_graph._version import __version__
from din_graph._vocab import REPORT_WORDS as _WORDS
from din_graph._vocab import STATUS_WORDS, overlap_word

if TYPE_CHECKING:
    from din_graph._analysis._findings import Findings

__all__ = [
    "Image",
    "Report",
    "Section",
    "Table",
    "build_report",
    "markdown_text",
    "report_html",
    "report_markdown",
    "write_report",
]

Lang = Literal["nl", "en"]


@dataclass(frozen=True)
class Table:
    """A table: header and rows of plain text (escaped by the writer)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Image:
    """An image: its bytes, MIME type, a file name for Markdown, and alternative text."""

    name: str
    mime: str
    data: bytes
    alt: str


@dataclass(frozen=True)
class Section:
    """A titled part of the report."""

    title: str
    level: int = 2
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    images: tuple[Image, ...] = ()
    anchor: str = ""


@dataclass(frozen=True)
class Report:
    """Everything a report says, in order."""

    title: str
    lang: Lang
    sections: tuple[Section, ...] = field(default_factory=tuple)


def _fmt(value: object, lang: Lang) -> str:
    from din_graph._render._sheet import format_value

    if value is None:
        return "—"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_value(value, lang)
    return str(value)


def _sheet_image(portfolio: Portfolio | Programme, programme: Programme, lang: Lang) -> Image:
    import warnings

    from din_graph._errors import DinWarning
    from din_graph._render._api import render

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)  # the fallback engine draws the same sheet
        svg = render(portfolio, "svg", programme=programme.id, highlight="findings", lang=lang)
    if not isinstance(svg, str):  # pragma: no cover - render(..., "svg") returns text
        raise DinError("the DIN sheet did not come back as SVG text")
    data = svg.encode("utf-8")
    alt = _WORDS[lang]["sheet.alt"].format(name=programme.name)
    return Image(f"{programme.id}.svg", "image/svg+xml", data, alt)


def _programme_sections(
    portfolio: Portfolio | Programme, programme: Programme, findings: Findings, lang: Lang
) -> list[Section]:
    from din_graph._analysis._progress import progress

    w = _WORDS[lang]
    found = findings.filter(programme=programme.id)
    findings_rows = tuple(
        (w.get(str(f.severity), str(f.severity)), f.code, f.node.rpartition("/")[2], f.message) for f in found
    )
    tables = (Table((w["severity"], w["code"], w["node"], w["message"]), findings_rows),) if findings_rows else ()
    status = progress(programme)
    indicator_rows: list[tuple[str, ...]] = []
    goals = {g.id: g for g in programme.operational_goals}
    for item in status.indicators:
        goal = goals[item.goal.rpartition("/")[2]]
        indicator = next(i for i in goal.indicators if i.name == item.indicator)
        base = indicator.baseline
        baseline = (
            f"{_fmt(base.value, lang)} ({base.year})"
            if base is not None and base.year
            else _fmt(base.value if base else None, lang)
        )
        years = sorted((y for y in indicator.targets if isinstance(y, int)), reverse=True)
        last = years[0] if years else next(iter(indicator.targets), None)
        target = f"{_fmt(indicator.targets[last], lang)} ({last})" if last is not None else "—"
        actual = f"{_fmt(item.actual, lang)} ({item.year})" if item.year is not None else "—"
        indicator_rows.append((goal.id, indicator.name, baseline, target, actual, STATUS_WORDS[lang][item.status]))
    progress_table = Table(
        (w["goal"], w["indicator"], w["baseline"], w["target"], w["actual"], w["status"]), tuple(indicator_rows)
    )
    title = programme.name + (f" — {programme.municipality}" if programme.municipality else "")
    source = _source_text(programme, lang)
    sections = [
        Section(
            title, 2, (source,) if source else (), (), (_sheet_image(portfolio, programme, lang),), anchor=programme.id
        ),
        Section(w["findings"], 3, () if findings_rows else (w["no_findings"],), tables),
        Section(
            w["progress"],
            3,
            () if indicator_rows else (w["no_indicators"],),
            (progress_table,) if indicator_rows else (),
        ),
    ]
    sections += _stand_sections(programme, lang)
    sections += _relation_sections(portfolio, programme, lang)
    return sections


def _source_text(programme: Programme, lang: Lang) -> str:
    """The source document by its title (its file, lines and date after it)."""
    src = programme.source
    if src is None:
        return ""
    lines = "–".join(str(n) for n in src.lines[:2])
    rest = [
        part for part in (src.document, _WORDS[lang]["lines"].format(lines=lines) if lines else "", src.date) if part
    ]
    named = src.title or (rest.pop(0) if rest else "")
    if not named:
        return ""
    return _WORDS[lang]["source"].format(source=named + (f" ({', '.join(rest)})" if rest else ""))


def _stand_sections(programme: Programme, lang: Lang) -> list[Section]:
    from din_graph._vocab import SHEET_WORDS as WORDS

    w = _WORDS[lang]
    rows = tuple(
        (
            effort.id,
            effort.title,
            effort.status or "—",
            WORDS[lang][f"phase.{phase.value}"] if (phase := effort.current_phase) is not None else "—",
        )
        for effort in programme.efforts
        if effort.status is not None or effort.phase is not None
    )
    if not rows:
        return []
    return [Section(w["stand"], 3, (w["stand.intro"],), (Table(("id", w["effort"], w["status"], w["phase"]), rows),))]


def _relation_sections(portfolio: Portfolio | Programme, programme: Programme, lang: Lang) -> list[Section]:
    from din_graph._analysis._relations import stated_relations

    w = _WORDS[lang]
    names = {p.id: p.name for p in (portfolio.programmes if isinstance(portfolio, Portfolio) else (portfolio,))}
    rows = tuple(
        (
            r.named,
            names[r.target] if r.target is not None else w["not_in_portfolio"],
            "; ".join(r.topics) or "—",
            r.evidence or "—",
        )
        for r in stated_relations(portfolio)
        if r.programme == programme.id
    )
    if not rows:
        return []
    headers = (w["related"], w["in_portfolio"], w["topics"], w["evidence"])
    return [Section(w["relations"], 3, (w["relations.intro"],), (Table(headers, rows),))]


def _overlap_sections(portfolio: Portfolio, lang: Lang, top: int) -> list[Section]:
    from din_graph._analysis._overlap import overlaps
    from din_graph._render._backend import dot_available
    from din_graph._render._charts import heatmap_image

    w = _WORDS[lang]
    found = overlaps(portfolio, progress=False, lang=lang, top=top)

    def _col(code: str) -> str:
        return overlap_word(f"column.{code}", lang)

    names = {p.id: p.name for p in portfolio.programmes}

    shown, more = found.top(top)
    pairs = tuple(
        (str(p.rank), _fmt(round(p.score, 2), lang), overlap_word(f"band.{p.band}", lang), p.a, p.b, p.reason)
        for p in shown
    )
    programme_pairs = tuple(
        (names.get(p.a, p.a), names.get(p.b, p.b), _fmt(round(p.score, 2), lang), str(p.count))
        for p in found.programme_pairs
    )
    links = tuple((s.effort, s.goal, _fmt(round(s.score, 2), lang)) for s in found.suggested_links)
    images: list[Image] = []
    if dot_available() and len(portfolio.programmes) > 1:
        from din_graph._render._api import render

        svg = render(portfolio, "svg", lang=lang, overlaps=found)
        images.append(Image("portfolio.svg", "image/svg+xml", str(svg).encode("utf-8"), w["picture"]))
    images.append(
        Image("overlap-heatmap.png", "image/png", heatmap_image(found, portfolio, "png", lang=lang), w["heatmap"])
    )
    sections = [
        Section(
            w["overlap"],
            2,
            (w["overlap.intro"], *((overlap_word("more", lang, n=more),) if more else ()))
            if pairs
            else (w["overlap.intro"], w["no_overlap"]),
            (Table((_col("rank"), w["score"], _col("band"), w["a"], w["b"], _col("why")), pairs),) if pairs else (),
            tuple(images),
            anchor="overlap",
        ),
        Section(w["pairs"], 3, (), (Table((w["programme"], w["programme"], w["score"], w["count"]), programme_pairs),)),
    ]
    if links:
        sections.append(
            Section(w["links"], 3, (w["links.intro"],), (Table((w["effort"], w["goal"], w["score"]), links),))
        )
    return sections


def build_report(obj: Programme | Portfolio, *, lang: Lang = "nl", top: int = 30) -> Report:
    """What the report on a programme or portfolio says, as data.

    Raises
    ------
    DinArgumentError
        ``lang`` is neither ``"nl"`` nor ``"en"``.

    Examples
    --------
    >>> import din_graph
    >>> report = din_graph.build_report(din_graph.load("examples/almelo/duurzaamheid.yaml"))
    >>> [s.title for s in report.sections][:3]
    ['Overzicht', 'Duurzaamheid — Almelo', 'Bevindingen']
    """
    if lang not in _WORDS:
        raise DinArgumentError(f"unknown language {lang!r}; choose nl or en")
    w = _WORDS[lang]
    from din_graph._analysis._findings import check

    programmes = obj.programmes if isinstance(obj, Portfolio) else (obj,)
    found = check(obj, lang=lang)
    summary_rows = []
    for programme in programmes:
        mine = found.filter(programme=programme.id)
        summary_rows.append(
            (
                programme.name,
                str(len(programme.strategic_goals) + len(programme.operational_goals)),
                str(len(programme.efforts)),
                str(len(programme.placeholders)),
                str(len(programme.owners)),
                str(len(mine.filter(severity="warning"))),
                str(len(mine.filter(severity="info"))),
            )
        )
    summary = Section(
        w["summary"],
        2,
        (w["made"].format(version=__version__),),
        (
            Table(
                (w["programme"], w["goals"], w["efforts"], w["placeholders"], w["owners"], w["warnings"], w["infos"]),
                tuple(summary_rows),
            ),
        ),
        anchor="summary",
    )
    sections = [summary]
    for programme in programmes:
        sections += _programme_sections(obj, programme, found, lang)
    if isinstance(obj, Portfolio) and len(obj.programmes) > 1:
        sections += _overlap_sections(obj, lang, top)
    name = obj.name
    return Report(f"{w['report']} {name}", lang, tuple(sections))


# --------------------------------------------------------------------------- writers


def markdown_text(text: str) -> str:
    r"""Text safe inside Markdown, table cells included: markup characters escaped, lines joined.

    Control characters, escape sequences and bidirectional overrides are shown
    as escapes (:func:`~din_graph._output.printable`), so the text cannot act
    on a terminal it is printed to.

    >>> markdown_text("a | *b* <i>")
    'a \\| \\*b\\* \\<i\\>'
    >>> markdown_text("rood\x1b[31m")
    'rood\\x1b\\[31m'
    """
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    for char in "*_`[]<>#":
        escaped = escaped.replace(char, "\\" + char)
    # After the backslashes are doubled, so the escapes printable() adds show as written.
    return printable(escaped)


_md = markdown_text


def report_markdown(report: Report, image_dir: str = "") -> tuple[str, dict[str, bytes]]:
    """The report as Markdown, and the image files it links to (name -> bytes), placed in ``image_dir``.

    Examples
    --------
    >>> import din_graph
    >>> report = din_graph.build_report(din_graph.load("examples/almelo/duurzaamheid.yaml"))
    >>> text, images = din_graph.report_markdown(report)
    >>> text.splitlines()[0], sorted(images)
    ('# Rapportage Duurzaamheid', ['almelo-duurzaamheid.svg'])
    """
    lines = [f"# {_md(report.title)}", ""]
    files: dict[str, bytes] = {}
    for section in report.sections:
        lines += [f"{'#' * section.level} {_md(section.title)}", ""]
        lines += [p for text in section.paragraphs for p in (_md(text), "")]
        for image in section.images:
            name = f"{image_dir}/{image.name}" if image_dir else image.name
            files[name] = image.data
            lines += [f"![{_md(image.alt)}]({name})", ""]
        for table in section.tables:
            lines.append("| " + " | ".join(_md(h) for h in table.headers) + " |")
            lines.append("|" + "---|" * len(table.headers))
            lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in table.rows]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n", files


_CSS = """
body { font-family: Arial, "Liberation Sans", sans-serif; margin: 2em auto; max-width: 70em; color: #1a1a1a; }
h1 { color: #12395c; } h2 { color: #12395c; border-bottom: 2px solid #d9e7f5; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 90%; width: 100%; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #d9e7f5; }
tr:nth-child(even) td { background: #f7f9fb; }
figure { margin: 1em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #e0e0e0; }
figcaption { color: #595959; font-size: 85%; }
nav ul { columns: 2; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-before: page; } h2:first-of-type { break-before: avoid; }
  table, figure { break-inside: avoid; }
  nav { display: none; }
}
""".strip()


def report_html(report: Report) -> str:
    """The report as one self-contained HTML file: styles inline, images as data URIs, no scripts.

    Examples
    --------
    >>> import din_graph
    >>> page = din_graph.report_html(din_graph.build_report(din_graph.load("examples/almelo/duurzaamheid.yaml")))
    >>> page.startswith("<!DOCTYPE html>"), "<script" in page
    (True, False)
    """

    def e(text: str) -> str:
        # Escaped for HTML, and control characters and bidirectional overrides shown, not obeyed.
        return html.escape(printable(text))

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{report.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing but inline styles and data-URI images may load: the file is self-contained, script-free.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">",
        f"<title>{e(report.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(report.title)}</h1>",
        "<nav><ul>",
    ]
    out += [f'<li><a href="#{e(s.anchor)}">{e(s.title)}</a></li>' for s in report.sections if s.anchor]
    out.append("</ul></nav>")
    for section in report.sections:
        anchor = f' id="{e(section.anchor)}"' if section.anchor else ""
        out.append(f"<h{section.level}{anchor}>{e(section.title)}</h{section.level}>")
        out += [f"<p>{e(p)}</p>" for p in section.paragraphs]
        for image in section.images:
            data = base64.b64encode(image.data).decode("ascii")
            out.append(
                f'<figure><img src="data:{image.mime};base64,{data}" alt="{e(image.alt)}">'
                f"<figcaption>{e(image.alt)}</figcaption></figure>"
            )
        for table in section.tables:
            out.append("<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in table.headers) + "</tr></thead>")
            out.append("<tbody>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in table.rows]
            out.append("</tbody></table>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def write_report(obj: Programme | Portfolio, path: str | Path, *, lang: Lang = "nl", top: int = 30) -> list[Path]:
    """Write the report to ``path`` (``.html`` or ``.md``; Markdown images go to a folder beside it).

    Raises
    ------
    DinArgumentError
        ``path`` is neither ``.html`` nor ``.md``, or ``lang`` is unknown.

    Examples
    --------
    >>> import din_graph, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> din_graph.write_report(din_graph.load("examples/almelo/duurzaamheid.yaml"), folder / "rapport.html")[0].name
    'rapport.html'
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in {".html", ".htm", ".md"}:
        raise DinArgumentError(f"{target}: a report is .html or .md")
    report = build_report(obj, lang=lang, top=top)
    if suffix != ".md":
        return [write_file(target, report_html(report))]
    folder = f"{target.stem}-{_WORDS[lang]['images_folder']}"
    text, files = report_markdown(report, folder)
    # The images first, the text that links to them last: a report is never left pointing at nothing.
    written = [write_file(target.parent / name, data) for name, data in files.items()]
    return [write_file(target, text), *written]
