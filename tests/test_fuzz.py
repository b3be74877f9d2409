"""Fuzzing the readers like an attacker would (#20, points 8 and 9).

Hypothesis writes hostile programme files (odd numbers, every control and escape
character in every text field, broken references, wrong types, values nested
hundreds of levels deep) as YAML and JSON, and breaks the bytes of valid YAML,
JSON and XLSX files.  Every case must end, within a time and a memory bound, in
either a model or a :class:`DinError`; ``validate`` must agree with ``load``;
every model that loads must survive dump and load unchanged, and the analyses
and the DOT writer must take it without raising anything but a ``DinError``.

The default run is quick.  ``make fuzz`` runs the long campaign
(``test_fuzz_campaign``, marked slow, only with ``DIN_FUZZ_MINUTES`` set), for
as many minutes as ``FUZZ_MINUTES`` says, and prints what it tried and found.
"""

from __future__ import annotations

import functools
import io
import json
import math
import os
import tempfile
import textwrap
import time
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import din_graph
from din_graph import DinError, DinWarning, Portfolio, Programme
from strategies import hostile_programme_data, hostile_programmes, mutate, mutations, portfolios, programmes
from test_hostile_input import within

ROOT = Path(__file__).resolve().parent.parent
#: Examples per property in the default run, and the time one case may take.
EXAMPLES = int(os.environ.get("DIN_FUZZ_EXAMPLES", "15"))
CASE_SECONDS = float(os.environ.get("DIN_FUZZ_CASE_SECONDS", "60"))
#: The campaign also renders every model that loads to SVG (slower; the quick run writes DOT only).
RENDER = bool(os.environ.get("DIN_FUZZ_MINUTES"))
#: Memory a case may take above what the test process held when the module started.
CASE_MEMORY = 4 << 30
#: What the cases ended in, and how many files were read, for the campaign's report.
OUTCOMES: Counter[str] = Counter()
FILES: Counter[str] = Counter()

_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(autouse=True, scope="module")
def _memory_bound() -> Iterator[None]:
    """Cap the address space, so a case that would eat the machine fails with MemoryError instead."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:
        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # pragma: no cover - no /proc
        yield
        return
    cap = used + CASE_MEMORY
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# --------------------------------------------------------------------------- the properties


def load_or_refuse(path: Path) -> Programme | Portfolio | None:
    """Load ``path``: a model, or ``None`` after a DinError that ``validate`` agrees with."""
    FILES["read"] += 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        try:
            with within(CASE_SECONDS):
                loaded = din_graph.load(path)
        except DinError as err:
            OUTCOMES[type(err).__name__] += 1
            refused = str(err)
        else:
            refused = None
    if refused is not None:
        with within(CASE_SECONDS):
            problems = din_graph.validate(path)
        assert any(p.severity == "error" for p in problems), f"load refused ({refused}) but validate found no error"
        return None
    OUTCOMES["loaded"] += 1
    with within(CASE_SECONDS):
        problems = din_graph.validate(path)
    assert not any(p.severity == "error" for p in problems), problems
    return loaded


def survives(loaded: Programme | Portfolio, folder: Path, *, excel: bool = False) -> None:
    """Dump and load give the same model; the analyses and the DOT writer raise nothing but DinError."""
    with within(CASE_SECONDS):
        for suffix in (".yaml", ".json", *((".xlsx",) if excel else ())):
            target = folder / f"terug{suffix}"
            try:
                din_graph.dump(loaded, target)
            except DinError:
                OUTCOMES[f"not writable as {suffix}"] += 1  # text Excel cannot store: refused by name
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DinWarning)
                back = din_graph.load(target)
            assert back == loaded, f"{suffix} round trip changed the model"
        analyse(loaded)


def analyse(loaded: Programme | Portfolio) -> None:
    try:
        din_graph.check(loaded)
        din_graph.progress(loaded)
        din_graph.owner_load(loaded)
        programmes_ = loaded.programmes if isinstance(loaded, Portfolio) else (loaded,)
        for programme in programmes_:
            din_graph.to_dot(programme)
            if RENDER:  # the campaign also draws: Graphviz is where an escString in a title shows
                din_graph.render(programme, "svg")
        if isinstance(loaded, Portfolio) and len(loaded.programmes) > 1:
            din_graph.overlaps(loaded, progress=False)
    except DinError as err:
        OUTCOMES[f"analysis refused: {type(err).__name__}"] += 1


def _finite_for_json(value: Any) -> Any:
    # JSON has no NaN; the text 1e999 is how a JSON file smuggles an infinity in.
    if isinstance(value, float) and not math.isfinite(value):
        return "__inf__" if value > 0 else "__-inf__" if value < 0 else None
    if isinstance(value, dict):
        return {
            k if isinstance(k, str | int | bool) or k is None else str(k): _finite_for_json(v) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_finite_for_json(v) for v in value]
    return value


def yaml_bytes(data: dict[str, Any], *, ascii_only: bool = False) -> bytes:
    # With allow_unicode PyYAML writes a NEL raw, where YAML reads it as a line break: such a file
    # means something else than the data, so a test that compares uses the escaped (ASCII) form.
    text = yaml.safe_dump(data, allow_unicode=not ascii_only, sort_keys=False)
    return text.encode("utf-8", "surrogatepass")


def json_bytes(data: dict[str, Any], *, ascii_only: bool) -> bytes:
    text = json.dumps(_finite_for_json(data), ensure_ascii=ascii_only)
    text = text.replace('"__inf__"', "1e999").replace('"__-inf__"', "-1e999")
    return text.encode("utf-8", "surrogatepass")


def hostile_file_case(data: dict[str, Any], syntax: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw = yaml_bytes(data) if syntax == "yaml" else json_bytes(data, ascii_only=syntax == "json-ascii")
        path = folder / ("p.yaml" if syntax == "yaml" else "p.json")
        path.write_bytes(raw)
        loaded = load_or_refuse(path)
        if loaded is not None:
            survives(loaded, folder)


def hostile_text_case(programme: Programme, syntax: str) -> None:
    """A lawful programme full of control characters, written by YAML's and JSON's own writers, loads as written."""
    from din_graph._io._format import programme_to_file

    data = programme_to_file(programme, json_keys=syntax != "yaml")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ascii_only = syntax == "json-ascii"
        raw = yaml_bytes(data, ascii_only=True) if syntax == "yaml" else json_bytes(data, ascii_only=ascii_only)
        path = folder / ("p.yaml" if syntax == "yaml" else "p.json")
        path.write_bytes(raw)
        loaded = load_or_refuse(path)
        if loaded is not None:
            assert loaded == programme, "the file did not load as written"
            survives(loaded, folder, excel=True)


def mutated_text_case(programme: Programme, suffix: str, steps: list[tuple[str, float, float, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / f"p{suffix}"
        din_graph.dump(programme, path)
        path.write_bytes(mutate(path.read_bytes(), steps))
        loaded = load_or_refuse(path)
        if loaded is not None:
            survives(loaded, folder)


def broken_almelo(tmp: str, name: str, steps: list[tuple[str, float, float, bytes]]) -> Path:
    """A copy of the Almelo portfolio in ``tmp`` with the file ``name`` broken; its folder."""
    folder = Path(tmp) / "almelo"
    folder.mkdir()
    for source in (ROOT / "examples" / "almelo").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    path = folder / name
    path.write_bytes(mutate(path.read_bytes(), steps))
    return folder


def mutated_example_case(name: str, steps: list[tuple[str, float, float, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = broken_almelo(tmp, name, steps)
        loaded = load_or_refuse(folder)
        if loaded is not None:
            survives(loaded, Path(tmp))


def mutated_workbook_case(programme: Programme, part: int, steps: list[tuple[str, float, float, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "p.xlsx"
        try:
            din_graph.dump(programme, path)
        except DinError:
            return  # text Excel cannot store; its own test covers the message
        with zipfile.ZipFile(path) as source:
            parts = [(info.filename, source.read(info)) for info in source.infolist()]
        if part < 0:  # the archive's own bytes
            path.write_bytes(mutate(path.read_bytes(), steps))
        else:
            chosen = part % len(parts)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
                for index, (name, data) in enumerate(parts):
                    target.writestr(name, mutate(data, steps) if index == chosen else data)
            path.write_bytes(buffer.getvalue())
        loaded = load_or_refuse(path)
        if loaded is not None:
            survives(loaded, folder, excel=True)


def cli_case(name: str, steps: list[tuple[str, float, float, bytes]]) -> None:
    """``din`` on a broken portfolio: exit 0, 1 or 2 with one line per problem, never a traceback or exit 3."""
    import contextlib

    from din_graph._cli import main

    with tempfile.TemporaryDirectory() as tmp:
        folder = broken_almelo(tmp, name, steps)
        FILES["read"] += 1
        for command in (["validate"], ["check", "--format", "json"], ["summary"]):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), within(CASE_SECONDS):
                try:
                    main([*command, str(folder)])
                except SystemExit as done:
                    code = done.code
                else:
                    code = 0
            OUTCOMES[f"din {command[0]} exit {code}"] += 1
            assert code in (0, 1, 2), (command, code, err.getvalue())
            assert "Traceback" not in err.getvalue() + out.getvalue()
            if command[0] == "check" and code != 2:
                json.loads(out.getvalue())  # the JSON stays JSON, whatever the titles hold


OVERLAP_FILES = {
    "subjects": textwrap.dedent(
        """\
        onderwerpen:
          zwemwater:
            taakveld: "5.7"
            nl: zwemwater
            en: bathing water
            woorden: [zwemwater, recreatieplas, zwemplek, groene daken]
          klimaatadaptatie:
            woorden: [koeltekaart, boomkronen]
        """
    ).encode(),
    "review": textwrap.dedent(
        """\
        pairs:
          - a: almelo-duurzaamheid/E19
            b: almelo-leefbare-wijken-en-dorpen/EK2
            decision: confirmed
            note: één regeling
          - a: almelo-duurzaamheid/E14
            b: almelo-leefbare-wijken-en-dorpen/CO2
            decision: afgewezen
        """
    ).encode(),
}


@functools.cache
def _almelo() -> Portfolio:
    loaded = din_graph.load(ROOT / "examples" / "almelo")
    assert isinstance(loaded, Portfolio)
    return loaded


def overlap_file_case(kind: str, steps: list[tuple[str, float, float, bytes]]) -> None:
    """A broken subjects or review file: the overlap list, or one DinError naming the file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}.yaml"
        path.write_bytes(mutate(OVERLAP_FILES[kind], steps))
        FILES["read"] += 1
        refused = ""
        try:
            with within(CASE_SECONDS):
                found = din_graph.overlaps(_almelo(), progress=False, **{kind: path})
                [pair.reason for pair in found.pairs[:5]]  # the evidence reads the thesaurus too
        except DinError as err:
            refused = str(err)
        OUTCOMES[f"{kind} file {'refused' if refused else 'read'}"] += 1
        assert not refused or str(path) in refused, refused  # the error names the file


# --------------------------------------------------------------------------- the quick run

syntaxes = st.sampled_from(["yaml", "json", "json-ascii"])
small_programmes = programmes(max_goals=2, max_efforts=3)
example_files = st.sampled_from(["duurzaamheid.yaml", "leefbare-wijken-en-dorpen.yaml", "portfolio.yaml"])
workbook_parts = st.integers(-1, 30)


@_SETTINGS
@given(hostile_programme_data(), syntaxes)
def test_hostile_programme_files_load_or_fail_with_a_din_error(data: dict[str, Any], syntax: str) -> None:
    hostile_file_case(data, syntax)


@_SETTINGS
@given(hostile_programmes(), syntaxes)
def test_control_characters_and_odd_numbers_load_exactly_as_written(programme: Programme, syntax: str) -> None:
    hostile_text_case(programme, syntax)


@_SETTINGS
@given(small_programmes, st.sampled_from([".yaml", ".json"]), mutations)
def test_broken_bytes_of_valid_yaml_and_json_load_or_fail_with_a_din_error(
    programme: Programme, suffix: str, steps: list[tuple[str, float, float, bytes]]
) -> None:
    mutated_text_case(programme, suffix, steps)


@_SETTINGS
@given(example_files, mutations)
def test_broken_bytes_of_the_almelo_portfolio_load_or_fail_with_a_din_error(
    name: str, steps: list[tuple[str, float, float, bytes]]
) -> None:
    mutated_example_case(name, steps)


@_SETTINGS
@given(small_programmes, workbook_parts, mutations)
def test_broken_workbooks_load_or_fail_with_a_din_error(
    programme: Programme, part: int, steps: list[tuple[str, float, float, bytes]]
) -> None:
    mutated_workbook_case(programme, part, steps)


@settings(max_examples=max(3, EXAMPLES // 3), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(OVERLAP_FILES)), mutations)
def test_broken_subjects_and_review_files_give_the_list_or_a_din_error(
    kind: str, steps: list[tuple[str, float, float, bytes]]
) -> None:
    overlap_file_case(kind, steps)


@settings(max_examples=max(3, EXAMPLES // 3), deadline=None, suppress_health_check=list(HealthCheck))
@given(example_files, mutations)
def test_din_on_broken_files_exits_0_1_or_2_without_a_traceback(
    name: str, steps: list[tuple[str, float, float, bytes]]
) -> None:
    cli_case(name, steps)


@settings(max_examples=max(3, EXAMPLES // 3), deadline=None, suppress_health_check=list(HealthCheck))
@given(portfolios(max_programmes=2))
def test_valid_portfolios_survive_every_format_and_analysis(portfolio: Portfolio) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        survives(portfolio, Path(tmp))


# --------------------------------------------------------------------------- the campaign (make fuzz)

CAMPAIGN: tuple[tuple[str, Callable[..., None], tuple[st.SearchStrategy[Any], ...]], ...] = (
    ("hostile programme files", hostile_file_case, (hostile_programme_data(), syntaxes)),
    ("control characters and odd numbers", hostile_text_case, (hostile_programmes(), syntaxes)),
    ("broken YAML and JSON", mutated_text_case, (small_programmes, st.sampled_from([".yaml", ".json"]), mutations)),
    ("broken Almelo portfolio", mutated_example_case, (example_files, mutations)),
    ("broken workbooks", mutated_workbook_case, (small_programmes, workbook_parts, mutations)),
    ("din on broken files", cli_case, (example_files, mutations)),
    ("broken subjects and review files", overlap_file_case, (st.sampled_from(sorted(OVERLAP_FILES)), mutations)),
)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("DIN_FUZZ_MINUTES"), reason="the long campaign: make fuzz FUZZ_MINUTES=30")
def test_fuzz_campaign() -> None:
    minutes = float(os.environ["DIN_FUZZ_MINUTES"])
    per_round = int(os.environ.get("DIN_FUZZ_ROUND", "25"))
    stop = time.monotonic() + minutes * 60
    started = time.monotonic()
    tried: Counter[str] = Counter()
    OUTCOMES.clear()
    while time.monotonic() < stop:
        for name, case, strategies_ in CAMPAIGN:
            if time.monotonic() >= stop:
                break
            before = FILES["read"]
            # A fresh test each round: hypothesis draws new random cases, and replays any failure it saved.
            run = settings(max_examples=per_round, deadline=None, suppress_health_check=list(HealthCheck))(
                given(*strategies_)(case)
            )
            run()
            tried[name] += FILES["read"] - before
    elapsed = (time.monotonic() - started) / 60
    lines = [f"fuzz campaign: {sum(tried.values())} files in {elapsed:.1f} minutes, nothing found"]
    lines += [f"  {name}: {count} files" for name, count in tried.items()]
    lines += ["  outcomes: " + ", ".join(f"{what} {n}" for what, n in OUTCOMES.most_common())]
    report = "\n".join(lines)
    print("\n" + report)  # make fuzz shows what the campaign tried
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    (out / "fuzz-report.txt").write_text(report + "\n", encoding="utf-8")
