"""The ``din`` command: a thin layer over the library.

Exit codes: 0 success, 1 a finding asked for with ``--fail-on`` (or a difference,
for ``diff``), 2 bad input (a file that does not load or validate, a path that
cannot be written), 3 an internal error (a bug: please report it; ``--debug``
shows the traceback), 130 interrupted.
"""

from __future__ import annotations

import itertools
import json
import sys
from typing import TYPE_CHECKING, Literal

import click

from din_graph._vocab import CLI_WORDS
from din_graph._vocab import PROGRESS_WORDS as _PROGRESS_WORDS
from din_graph._vocab import SUMMARY_WORDS as _LEVELS

from ._errors import DinError, DinValidationError
from ._output import json_printable, printable

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from ._analysis._findings import Findings
    from ._analysis._overlap_result import OverlapPair, Overlaps
    from ._model import Portfolio, Programme

__all__ = ["main"]

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


def _say(*lines: str, err: bool = False) -> None:
    """Print each line as one terminal line: user text can neither start another line nor act on the terminal."""
    click.echo("\n".join(printable(line) for line in lines), err=err)


def _say_json(text: str) -> None:
    click.echo(json_printable(text))


def _say_error(err: DinError) -> None:
    """The error on stderr, one line per problem (each problem's text kept on its own line)."""
    if isinstance(err, DinValidationError):
        shown = [p for p in err.problems if p.severity == "error"] or err.problems
        _say(str(err).split("\n", 1)[0], *(str(p) for p in shown), err=True)
    else:
        _say(str(err), err=True)


#: The --format option of the commands that print results.
_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="Output format.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="din_graph", prog_name="din")
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    help="On an error, show Python's traceback as well (for a bug report); also DIN_DEBUG=1.",
)
def cli() -> None:
    """Work with Doelen-Inspanningen-Netwerken (DIN) of municipal programmes."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, no warnings or summary.")
def validate(paths: tuple[str, ...], quiet: bool) -> None:  # noqa: FBT001 -- click passes flags positionally
    """Check programme files, portfolios or folders; print every problem.

    Each problem is printed as FILE:LINE: ID: MESSAGE.  Exits 0 when all
    inputs are valid (warnings allowed) and 2 when any has an error.
    """
    from ._io._files import validate as validate_path

    failed = False
    for path in paths:
        problems = validate_path(path)
        errors = [p for p in problems if p.severity == "error"]
        for problem in problems:
            if quiet and problem.severity != "error":
                continue
            _say(str(problem))
        failed = failed or bool(errors)
        if not quiet:
            warnings = len(problems) - len(errors)
            status = f"{len(errors)} error(s)" if errors else "valid"
            _say(f"{path}: {status}" + (f", {warnings} warning(s)" if warnings else ""), err=True)
    sys.exit(EXIT_BAD_INPUT if failed else 0)


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["programme", "portfolio"]),
    default="programme",
    show_default=True,
    help="Which model's schema to print.",
)
def schema(kind: str) -> None:
    """Print the JSON Schema of the programme (or portfolio) model."""
    from ._model import Portfolio, Programme

    model = Programme if kind == "programme" else Portfolio
    click.echo(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the labels."
)
def summary(paths: tuple[str, ...], lang: str) -> None:
    """Print, per programme, how many nodes each level of its DIN holds."""
    from ._model import Portfolio

    for path in paths:
        obj = _load_or_exit(path)
        programmes = obj.programmes if isinstance(obj, Portfolio) else (obj,)
        if isinstance(obj, Portfolio):
            words = _LEVELS[lang]
            _say(f"{obj.name} ({len(programmes)} {words['programmes']})")
        for programme in programmes:
            _say(*_programme_summary(programme, lang))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_FORMAT
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the messages."
)
@click.option(
    "--fail-on",
    default="",
    metavar="CODE,...",
    help="Exit 1 when a finding with one of these codes occurs (for pipelines).",
)
@click.option(
    "--kernopgaven",
    default="5-7",
    show_default=True,
    metavar="MIN-MAX",
    help="How many strategic goals (kernopgaven) a programme should have; outside it: kernopgaven-count.",
)
def check(paths: tuple[str, ...], fmt: str, lang: str, fail_on: str, kernopgaven: str) -> None:
    """Find weak spots: orphan efforts, uncovered goals, goals that are not SMART, ...

    Exits 0, or 1 when a finding listed in --fail-on occurs, or 2 on bad input.
    Every code and its definition: see docs/analyses.md.
    """
    from ._analysis._findings import CODES, Findings
    from ._analysis._findings import check as run_check

    wanted = {c.strip() for c in fail_on.split(",") if c.strip()}
    unknown = sorted(wanted - set(CODES))
    if unknown:
        raise click.BadParameter(
            f"unknown code(s) {', '.join(unknown)}; known: {', '.join(CODES)}", param_hint="--fail-on"
        )
    low, dash, high = kernopgaven.partition("-")
    if not (dash and low.strip().isdigit() and high.strip().isdigit() and int(low) <= int(high)):
        raise click.BadParameter(f"{kernopgaven!r} is not a range like 5-7", param_hint="--kernopgaven")
    span = (int(low), int(high))
    findings = Findings(
        f
        for path in paths
        for f in run_check(_load_or_exit(path), lang=lang, kernopgaven=span)  # type: ignore[arg-type]
    )
    if fmt == "json":
        _say_json(findings.to_json())
    elif fmt == "markdown":
        _say(*_findings_markdown(findings, lang))
    else:
        _say(*_findings_text(findings, lang))
    sys.exit(1 if findings.filter(code=wanted) and wanted else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_FORMAT
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    default=None,
    help="List pairs scoring at least this [default: 0.05, the bar of the mogelijk band].",
)
@click.option("--top", type=click.IntRange(min=1), default=50, show_default=True, help="Show the best N pairs.")
@click.option(
    "--synonym",
    "synonyms",
    multiple=True,
    metavar="WORD=MEANT",
    help="Read WORD as MEANT (geveltuin=groen); repeatable; added to the built-in blauw=water.",
)
@click.option(
    "--review",
    type=click.Path(),
    default=None,
    help="Review file (YAML) of confirmed and dismissed pairs: dismissed ones are left out (docs/overlap.md).",
)
@click.option(
    "--subjects",
    type=click.Path(),
    default=None,
    help="Subject thesaurus (YAML) added to the built-in one, or replacing it with 'replace: true' (docs/overlap.md).",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language.")
def overlap(
    paths: tuple[str, ...],
    fmt: str,
    min_score: float | None,
    top: int,
    synonyms: tuple[str, ...],
    review: str | None,
    subjects: str | None,
    lang: str,
) -> None:
    """Find where programmes overlap: a ranked list of pairs to review, with why.

    PATHS are a portfolio, a folder of programme files, or several programme
    files (joined into one portfolio).  See docs/overlap.md.
    """
    from ._analysis._overlap import DEFAULT_THRESHOLD, overlaps
    from ._model import Portfolio

    loaded = [_load_or_exit(path) for path in paths]
    if len(loaded) == 1 and isinstance(loaded[0], Portfolio):
        target: Portfolio | list[Programme] = loaded[0]
    else:
        target = [p for obj in loaded for p in (obj.programmes if isinstance(obj, Portfolio) else (obj,))]
    meant = {}
    for given in synonyms:
        word, sep, other = given.partition("=")
        if not sep:
            raise click.BadParameter(f"{given!r}: write WORD=MEANT", param_hint="--synonym")
        meant[word.strip()] = other.strip()
    language: Literal["nl", "en"] = "en" if lang == "en" else "nl"
    try:
        result = overlaps(
            target,
            threshold=DEFAULT_THRESHOLD if min_score is None else min_score,
            synonyms=meant or None,
            review=review,
            lang=language,
            top=top,
            subjects=subjects,
        )
    except DinError as err:
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)
    programmes = target.programmes if isinstance(target, Portfolio) else target
    if fmt == "json":
        data = result.to_dict()
        data["pairs"] = data["pairs"][:top]
        data["more"] = result.top(top)[1]
        _say_json(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _say(*_overlap_lines(result, programmes, top, fmt, language))


def _overlap_lines(
    result: Overlaps, programmes: Sequence[Programme], top: int, fmt: str, lang: Literal["nl", "en"]
) -> list[str]:
    """The lines ``din overlap`` prints: the best ``top`` pairs, how many more, and the aggregates."""
    from ._vocab import overlap_word

    shown, more = result.top(top)
    markdown = fmt == "markdown"
    lines = _overlap_pair_lines(shown, programmes, markdown=markdown, lang=lang)
    if not shown:
        lines.append(overlap_word("none", lang))
    if more:
        lines.append(overlap_word("more", lang, n=more))
    if result.dismissed:
        lines.append(overlap_word("dismissed", lang, n=result.dismissed))
    lines += [overlap_word("stale", lang, a=s.a, b=s.b, missing=", ".join(s.missing)) for s in result.stale]
    return [*lines, "", *_overlap_aggregate_lines(result, markdown=markdown, lang=lang)]


def _overlap_pair_lines(
    shown: Sequence[OverlapPair], programmes: Sequence[Programme], *, markdown: bool, lang: Literal["nl", "en"]
) -> list[str]:
    """Each shown pair with rank, score, band, kind, both nodes with their titles, and why."""
    from ._graph import node_key
    from ._model import Effort, OperationalGoal, StrategicGoal
    from ._vocab import overlap_word

    # An advisor acts on what the nodes are, not on their keys: titles go beside them.
    titles = {
        node_key(p.id, node.id): node.title
        for p in programmes
        for node in itertools.chain[StrategicGoal | OperationalGoal | Effort](
            p.strategic_goals, p.operational_goals, p.efforts
        )
    }
    goals = {node_key(p.id, goal.id) for p in programmes for goal in (*p.strategic_goals, *p.operational_goals)}

    def kind(pair: OverlapPair) -> str:
        """The pair's kind in the order its two lines are printed (``a`` is the goal: doel–inspanning)."""
        if pair.kind == "effort-goal" and pair.a in goals:
            return overlap_word("kind.goal-effort", lang)
        return overlap_word(f"kind.{pair.kind}", lang)

    lines = ["| # | score | band | a | b | why |", "|---|---|---|---|---|---|"] if markdown and shown else []
    for pair in shown:
        band = overlap_word(f"band.{pair.band}", lang)
        band += f", {overlap_word('review.confirmed', lang)}" if pair.review else ""
        reason = pair.reason + (f" ({pair.note})" if pair.note else "")
        a, b = pair.a, pair.b
        if markdown:
            lines.append(
                f"| {pair.rank} | {pair.score:.2f} | {band} | `{a}` {_md(titles.get(a, ''))} "
                f"| `{b}` {_md(titles.get(b, ''))} | {_md(reason)} |"
            )
        else:
            lines += [
                f"{pair.rank:>3}. {pair.score:.2f}  {band}  {kind(pair)}",
                f"      {a}  {titles.get(a, '')}",
                f"      {b}  {titles.get(b, '')}",
                f"      {reason}",
            ]
    return lines


def _overlap_aggregate_lines(result: Overlaps, *, markdown: bool, lang: Literal["nl", "en"]) -> list[str]:
    """The programme pairs and the suggested links, over every listed pair."""
    from ._vocab import overlap_word

    def heading(code: str) -> str:
        return f"**{overlap_word(code, lang)}**" if markdown else f"{overlap_word(code, lang)}:"

    lines = [heading("programme_pairs")]
    pairs = overlap_word("pairs", lang)
    lines += [f"  {pp.a} <> {pp.b}: score {pp.score:.2f}, {pp.count} {pairs}" for pp in result.programme_pairs]
    if result.suggested_links:
        lines.append(heading("suggested_links"))
        lines += [f"  {link.effort} -> {link.goal} ({link.score:.2f})" for link in result.suggested_links]
    return lines


@cli.command()
@click.argument("path", type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    help="FILE.svg|png|pdf|dot for one drawing, or a folder (ending in /) for every sheet and the portfolio picture.",
)
@click.option("--programme", "-p", default=None, help="Id of the programme to draw when PATH holds several.")
@click.option("--paper", type=click.Choice(["a3", "a4"]), default="a3", show_default=True, help="Paper size.")
@click.option("--landscape/--portrait", default=None, help="Orientation [default: landscape from four columns].")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Label language.")
@click.option(
    "--highlight",
    default=None,
    help="Mark findings: 'findings' for all, or a comma list of orphans, uncovered, fragile, indicators.",
)
@click.option(
    "--engine",
    type=click.Choice(["auto", "graphviz", "matplotlib"]),
    default="auto",
    show_default=True,
    help="Graphviz, or the matplotlib fallback; auto picks Graphviz when its dot program is installed.",
)
@click.option(
    "--owners", type=click.Choice(["inside", "below", "none"]), default="inside", show_default=True, help="Owners."
)
@click.option(
    "--formats",
    default="svg,png",
    show_default=True,
    help="Formats written when --output is a folder (comma list of svg, png, pdf, dot).",
)
def render(
    path: str,
    output: str,
    programme: str | None,
    paper: str,
    landscape: bool | None,  # noqa: FBT001 -- click passes flags positionally
    lang: str,
    highlight: str | None,
    engine: str,
    owners: str,
    formats: str,
) -> None:
    """Draw the DIN sheet of a programme (or a portfolio's overlap picture).

    PATH is a programme file, a portfolio or a folder.  With -o FILE one
    drawing is written: the sheet of the programme (--programme picks one from
    a portfolio), or, for a portfolio of several programmes without
    --programme, the portfolio overlap picture.  With -o FOLDER/ every
    programme's sheet, the portfolio picture and the overlap heatmap are
    written there.
    """
    from pathlib import Path

    from ._model import Portfolio
    from ._render._api import render as draw

    loaded = _load_or_exit(path)

    def draw_file(target: Path, programme_id: str | None) -> None:
        written = draw(
            loaded,
            target,
            programme=programme_id,
            lang="en" if lang == "en" else "nl",
            highlight=highlight,
            owners="below" if owners == "below" else "none" if owners == "none" else "inside",
            paper=paper,
            landscape=landscape,
            engine="graphviz" if engine == "graphviz" else "matplotlib" if engine == "matplotlib" else "auto",
        )
        _say(f"wrote {written!s}")

    folder = output.endswith(("/", "\\")) or Path(output).is_dir()
    try:
        if not folder:
            draw_file(Path(output), programme)
            return
        wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
        bad = [f for f in wanted if f not in {"svg", "png", "pdf", "dot"}]
        if bad or not wanted:
            raise DinError(f"--formats: choose from svg, png, pdf, dot (got {formats!r})")
        out = Path(output)
        programmes = loaded.programmes if isinstance(loaded, Portfolio) else (loaded,)
        for item in programmes:
            if programme is not None and item.id != programme:
                continue
            for fmt in wanted:
                draw_file(out / f"{item.id}.{fmt}", item.id)
        if isinstance(loaded, Portfolio) and len(loaded.programmes) > 1 and programme is None:
            _portfolio_pictures(loaded, out, wanted, lang="en" if lang == "en" else "nl", paper=paper, engine=engine)
    except DinError as err:
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)


def _portfolio_pictures(
    portfolio: Portfolio, out: Path, formats: list[str], *, lang: Literal["nl", "en"], paper: str, engine: str
) -> None:
    from ._analysis._overlap import overlaps
    from ._output import write_file
    from ._render._api import render as draw
    from ._render._backend import dot_available
    from ._render._charts import heatmap_image

    found = overlaps(portfolio, progress=False)  # once, for the picture in every format and the heatmap
    if engine != "matplotlib" and dot_available():
        for fmt in formats:
            written = draw(portfolio, out / f"portfolio.{fmt}", lang=lang, paper=paper, overlaps=found)
            _say(f"wrote {written!s}")
    else:
        _say("note: the portfolio picture needs Graphviz; writing the overlap heatmap only", err=True)
    for fmt in (f for f in formats if f != "dot"):
        target = write_file(out / f"overlap-heatmap.{fmt}", heatmap_image(found, portfolio, fmt, lang=lang))
        _say(f"wrote {target}")


@cli.command()
@click.argument("path", type=click.Path())
@click.option("--year", type=click.IntRange(1800, 2200), default=None, help="Judge the actuals up to this year.")
@click.option("--actuals", type=click.Path(), default=None, help="CSV or Excel sheet of goal, indicator, year, value.")
@click.option("--rollup", type=click.Choice(["weakest", "share"]), default="weakest", show_default=True)
@_FORMAT
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def progress(path: str, year: int | None, actuals: str | None, rollup: str, fmt: str, lang: str) -> None:
    """Is the programme on course? Indicator actuals against the targets, rolled up to the vision.

    See docs/progress.md for the rules.  Exits 2 on bad input.
    """
    from ._analysis._progress import progress as measure
    from ._io._actuals import with_actuals

    loaded = _load_or_exit(path)
    try:
        if actuals is not None:
            loaded = with_actuals(loaded, actuals)
        found = measure(loaded, year, rollup="share" if rollup == "share" else "weakest")
    except DinError as err:
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)
    if fmt == "json":
        _say_json(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
        return
    from ._vocab import STATUS_WORDS

    statuses = STATUS_WORDS["en" if lang == "en" else "nl"]
    words = {**_PROGRESS_WORDS[lang], **statuses}
    status_width = max(len(w) for w in statuses.values())
    markdown = fmt == "markdown"
    lines = [
        f"# {words['title']} {year or words['latest']}" if markdown else f"{words['title']} {year or words['latest']}"
    ]
    if markdown:
        lines += [
            "",
            f"| {words['level']} | {words['goal']} | {words['status']} | {words['efforts']} |",
            "|---|---|---|---|",
        ]
    indent = {"vision": "", "strategic_goal": "  ", "operational_goal": "    "}
    order = {"vision": 0, "strategic_goal": 1, "operational_goal": 2}
    shown_programme = None
    for goal in sorted(found.goals, key=lambda g: (g.programme, order[g.kind])):
        efforts = ", ".join(f"{n} {words.get(s, s)}" for s, n in goal.efforts.items()) or "-"
        label = f"{goal.node.rsplit('/', 1)[1]}  {goal.title}"
        if not markdown and goal.programme != shown_programme:
            shown_programme = goal.programme
            lines.append(f"[{goal.programme}]")
        if markdown:
            lines.append(f"| {words[goal.kind]} | {_md(label)} | {words[goal.status]} | {_md(efforts)} |")
        else:
            lines.append(f"{indent[goal.kind]}{words[goal.status]:<{status_width}} {label[:90]}  [{efforts}]")
    lines.append("")
    for item in found.indicators:
        if item.status == "no_data":
            continue
        expected = f"{item.expected:g}" if item.expected is not None else "?"
        actual = f"{item.actual:g}" if item.actual is not None else "?"
        where = f"{item.goal.rsplit('/', 1)[1]} {item.indicator}"
        text = f"{where}: {actual} ({item.year}) / {expected} -> {words[item.status]}"
        lines.append(f"- {_md(text)}" if markdown else f"  {text}")
    _say(*lines)


@cli.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--programme", "-p", default=None, help="Programme id, when OLD and NEW hold several.")
@_FORMAT
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def diff(old: str, new: str, programme: str | None, fmt: str, lang: str) -> None:
    """What changed between two versions of a programme: goals, efforts, links, owners, roles, targets.

    Items are matched by id and, where an id changed, by title.  Exits 0 when
    the versions are the same, 1 when they differ, 2 on bad input.
    """
    from ._analysis._diff import describe
    from ._analysis._diff import diff as compare

    language: Literal["nl", "en"] = "en" if lang == "en" else "nl"
    versions = [_one_programme(_load_or_exit(path), programme, path) for path in (old, new)]
    result = compare(versions[0], versions[1])
    if fmt == "json":
        _say_json(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        head = CLI_WORDS[language]["changes"]
        lines = [
            f"# {head}: {result.old} → {result.new}" if fmt == "markdown" else f"{head}: {result.old} → {result.new}"
        ]
        if fmt == "markdown":
            lines.append("")
        lines += [
            f"- {_md(describe(c, language))}" if fmt == "markdown" else f"  {describe(c, language)}"
            for c in result.changes
        ]
        if not result.changes:
            lines.append(CLI_WORDS[language]["no_changes"])
        _say(*lines)
    sys.exit(1 if result.changes else 0)


def _one_programme(loaded: Programme | Portfolio, programme: str | None, path: str) -> Programme:
    from ._model import Portfolio

    if not isinstance(loaded, Portfolio):
        return loaded
    if programme is None and len(loaded.programmes) == 1:
        return loaded.programmes[0]
    try:
        if programme is None:
            raise KeyError(None)
        return loaded.programme(programme)
    except KeyError:
        known = ", ".join(p.id for p in loaded.programmes)
        _say(f"{path}: say which programme with --programme ({known})", err=True)
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o", "--output", required=True, type=click.Path(), help="report.html (one self-contained file) or report.md."
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--actuals", type=click.Path(), default=None, help="CSV or Excel sheet of goal, indicator, year, value.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True, help="Overlaps listed.")
def report(paths: tuple[str, ...], output: str, lang: str, actuals: str | None, top: int) -> None:
    """Write a report an advisor can send: DIN sheets, findings, indicator status and, for a portfolio, overlaps.

    PATHS are a programme, a portfolio, a folder, or several programme files (joined).
    """
    from ._io._actuals import with_actuals
    from ._report import write_report

    target = _joined(paths)
    try:
        if actuals is not None:
            target = with_actuals(target, actuals)
        written = write_report(target, output, lang="en" if lang == "en" else "nl", top=top)
    except DinError as err:
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)
    _say(f"wrote {written[0]}" + (f" and {len(written) - 1} image(s)" if len(written) > 1 else ""))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(), help="verkenner.html (one self-contained file).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--review", type=click.Path(), default=None, help="An overlap review file (din overlap --review).")
def explore(paths: tuple[str, ...], output: str, lang: str, review: str | None) -> None:
    """Write the explorer: one HTML file to click through the DIN sheets, offline (docs/explore.md).

    PATHS are a programme, a portfolio, a folder, or several programme files (joined).
    Clicking a goal shows what serves it across every programme; the overlap list
    can be reviewed and its decisions downloaded for din overlap --review.
    """
    from ._explore import explore as write_explorer

    target = _joined(paths)
    try:
        written = write_explorer(target, output, lang="en" if lang == "en" else "nl", review=review)
    except DinError as err:
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)
    _say(f"wrote {written.path} (open it in a browser; it works offline)")


@cli.command()
@click.argument("output", type=click.Path())
def template(output: str) -> None:
    """Write an empty, documented Dutch template: OUTPUT.xlsx (drop-down lists) or OUTPUT.yaml."""
    from pathlib import Path

    from ._io._excel import template_yaml, write_template
    from ._output import write_file

    path = Path(output)
    try:
        if path.suffix.lower() == ".xlsx":
            write_template(path)
        elif path.suffix.lower() in {".yaml", ".yml"}:
            write_file(path, template_yaml())
        else:
            raise DinError(f"{output}: a template is .xlsx or .yaml")
    except DinError as err:
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)
    _say(f"wrote {path}")


@cli.command()
@click.argument("source", type=click.Path())
@click.argument("target", type=click.Path())
@click.option(
    "--programmes",
    "programme_format",
    type=click.Choice(["yaml", "json", "xlsx"]),
    default="yaml",
    show_default=True,
    help="Format of the programme files when a portfolio is written to a folder.",
)
@click.option(
    "--in-place",
    is_flag=True,
    help="Allow TARGET to overwrite SOURCE (or a file SOURCE was read from); its comments are not kept.",
)
def convert(source: str, target: str, programme_format: str, in_place: bool) -> None:  # noqa: FBT001 -- click passes flags positionally
    """Convert between YAML, JSON and Excel (.yaml, .yml, .json, .xlsx).

    A programme goes to one file; a portfolio to a folder (TARGET without
    suffix): portfolio.yaml plus one file per programme.  A file that was
    read is never overwritten unless --in-place is given.
    """
    from ._io._files import dump, dump_targets

    loaded = _load_or_exit(source)
    try:
        clobbered = _own_inputs(source, loaded, dump_targets(loaded, target, programme_format=programme_format))
        if clobbered and not in_place:
            raise DinError(
                f"{clobbered[0]}: convert would overwrite its own input; write to another file, "
                "or pass --in-place to rewrite it (its comments and layout are not kept)"
            )
        written = dump(loaded, target, programme_format=programme_format)
    except DinError as err:
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)
    _say("wrote " + ", ".join(str(p) for p in written))
    for path in clobbered:
        _say(f"note: {path} rewritten in place; its comments and layout are not kept", err=True)


def _own_inputs(source: str, loaded: Programme | Portfolio, targets: list[Path]) -> list[Path]:
    """The targets that are files ``source`` was read from (a folder's or a portfolio's programme files included)."""
    from pathlib import Path

    from ._model import Portfolio

    given = Path(source)
    inputs = [given]
    if given.is_dir():
        inputs = [p for p in given.iterdir() if p.is_file()]
    elif isinstance(loaded, Portfolio):
        # A portfolio file names its programme files, as a rule beside it.
        inputs += [p for p in given.parent.iterdir() if p.is_file()]
    # By device and inode, so another spelling of the path, a link or a hard link is the same file.
    read = {(s.st_dev, s.st_ino) for s in (p.stat() for p in inputs if p.exists())}
    return [t for t in targets if t.exists() and (t.stat().st_dev, t.stat().st_ino) in read]


@cli.command("import-extract")
@click.argument("extract", type=click.Path())
@click.option(
    "--output", "-o", "output", required=True, type=click.Path(), help="Programme file to write (.yaml, .json, .xlsx)."
)
@click.option("--title", default=None, help="Title of the source document (the extracts hold only its file name).")
def import_extract(extract: str, output: str, title: str | None) -> None:
    """Convert a structured extract of a seed document (shared/data/*.json) into a programme file.

    Every id, status and planning text stays as the extract writes it; a key
    the extract schema does not know is an error, never dropped.
    """
    from ._io._extract import convert_extract
    from ._io._files import dump, validate

    try:
        programme = convert_extract(extract, title=title)
        for problem in validate(programme):
            click.echo(str(problem).replace("<input>", extract, 1), err=True)
        written = dump(programme, output)
    except DinError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo("wrote " + ", ".join(str(p) for p in written))


def _joined(paths: tuple[str, ...]) -> Programme | Portfolio:
    from ._model import Portfolio

    loaded = [_load_or_exit(path) for path in paths]
    if len(loaded) == 1:
        return loaded[0]
    programmes = [p for obj in loaded for p in (obj.programmes if isinstance(obj, Portfolio) else (obj,))]
    return Portfolio(id="portfolio", name="Portfolio", programmes=tuple(programmes))


def _findings_text(findings: Findings, lang: str) -> list[str]:
    lines = []
    current: object = object()
    for finding in findings:
        if finding.programme != current:
            current = finding.programme
            lines.append(f"== {current or CLI_WORDS[lang]['portfolio']}")
        severity = CLI_WORDS[lang][f"severity.{finding.severity}"]
        lines.append(f"{finding.node}: {finding.code} ({severity}): {finding.message}")
    counts = ", ".join(f"{code} {n}" for code, n in findings.count_by_code().items())
    total = CLI_WORDS[lang]["findings"]
    lines.append(f"{len(findings)} {total}" + (f": {counts}" if counts else ""))
    return lines


def _md(text: str) -> str:
    # User text must not break the table or inject markup; one escaping for the CLI and the reports.
    from ._report import markdown_text

    return markdown_text(text)


def _findings_markdown(findings: Findings, lang: str) -> list[str]:
    head = tuple(CLI_WORDS[lang][f"column.{c}"] for c in ("code", "severity", "node", "finding"))
    out: list[str] = []
    current: object = object()
    for finding in findings:
        if finding.programme != current:
            current = finding.programme
            title = current or CLI_WORDS[lang]["Portfolio"]
            out += ["", f"## {_md(str(title))}", "", f"| {' | '.join(head)} |", "|---|---|---|---|"]
        severity = CLI_WORDS[lang][f"severity.{finding.severity}"]
        out.append(f"| `{finding.code}` | {severity} | `{finding.node}` | {_md(finding.message)} |")
    word = CLI_WORDS[lang]["findings"]
    out += ["", f"{len(findings)} {word}."]
    return out[1:] if out[0] == "" else out


def _programme_summary(programme: Programme, lang: str) -> list[str]:
    words = _LEVELS[lang]
    period = ""
    if programme.period is not None and (programme.period.start or programme.period.end):
        period = f", {words['period']} {programme.period.start or '?'}-{programme.period.end or '?'}"
    where = f" — {programme.municipality}" if programme.municipality else ""
    unlinked = sum(1 for e in programme.efforts if not e.contributes_to)
    tracks = len({e.track for e in programme.efforts if e.track})
    rows = [
        (programme.level_name("vision", words["vision"]), 1 if programme.vision else 0, ""),
        (programme.level_name("strategic_goal", words["strategic_goal"]), len(programme.strategic_goals), ""),
        (programme.level_name("operational_goal", words["operational_goal"]), len(programme.operational_goals), ""),
        (
            programme.level_name("effort", words["effort"]),
            len(programme.efforts),
            f"  ({unlinked} {words['unlinked']}"
            + (f", {tracks} {programme.level_name('track', words['track']).lower()}" if tracks else "")
            + ")",
        ),
        (words["placeholder"], len(programme.placeholders), ""),
        (words["owner"], len(programme.owners), ""),
    ]
    width = max(len(label) for label, _, _ in rows)
    lines = [f"{programme.name}{where}{period} [{programme.id}]"]
    lines += [f"  {label:<{width}}  {count:>4}{extra}" for label, count, extra in rows]
    return lines


def _load_or_exit(path: str) -> Programme | Portfolio:
    import warnings

    from ._errors import DinWarning
    from ._io._files import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        try:
            return load(path)
        except DinError as err:
            _say_error(err)
            sys.exit(EXIT_BAD_INPUT)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``din`` console script.

    Bad input ends in one message per problem (``file[:line]: id: message``) and
    exit code 2, never a traceback; anything else that escapes a command is a bug,
    reported as such with exit code 3.  ``--debug`` (or ``DIN_DEBUG=1``) adds the traceback.
    """
    import os

    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("DIN_DEBUG", "") not in ("", "0")
    try:
        cli.main(args=args, prog_name="din", standalone_mode=True)
    except DinError as err:
        if debug:
            import traceback

            traceback.print_exception(err)
        _say_error(err)
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt as err:
        _fail(err, "din: interrupted", EXIT_INTERRUPTED, debug=debug)
    except OSError as err:  # a folder that cannot be written, a disk that is full
        where = err.filename if err.filename is not None else "din"
        _fail(err, f"{where}: -: {err.strerror or err}", EXIT_BAD_INPUT, debug=debug)
    except (RecursionError, MemoryError) as err:
        message = "din: -: the input is too large or too deeply nested to handle"
        _fail(
            err,
            f"{message} ({type(err).__name__}); see docs/reliability.md for the limits",
            EXIT_BAD_INPUT,
            debug=debug,
        )
    except Exception as err:  # the last line of defence: a bug, told as one
        hint = "" if debug else "; run with --debug to see where"
        message = f"din: internal error ({type(err).__name__}: {err}); please report it with the command{hint}"
        _fail(err, message, EXIT_INTERNAL, debug=debug)


def _fail(err: BaseException, message: str, code: int, *, debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exception(err)
    _say(message, err=True)
    sys.exit(code)
