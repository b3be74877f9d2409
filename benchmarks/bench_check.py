"""Benchmark: ``din_graph.check`` against merely loading the same portfolio, at growing sizes.

Usage::

    .venv/bin/python benchmarks/bench_check.py [--sizes 1000,10000,100000] [--format yaml|json]

For every size a synthetic portfolio (``generate.synthetic_portfolio``:
programmes of about 500 efforts each, with goals, indicators, owners and
placeholders) is generated and written to a temporary folder, a
``portfolio.yaml`` plus one file per programme.  Then, timed with
``time.perf_counter``:

* **load**: ``din_graph.load(folder)``: reading, parsing, model and DIN-rule
  validation, i.e. what any use of the data costs anyway; best of 3 runs up to
  10k efforts, one run above (a 100k load takes about 20 s);
* **check**: ``din_graph.check(loaded)``: every structural analysis; best of 3
  runs at every size, and of more (up to 25) while they take less than a
  second in all, so that the 15 ms of a 1k check are not one noisy sample.
  The brief asked for one run at 100k, but a check of 100k efforts takes only
  seconds and single runs on the 2-core machine measured on vary by ±20%, too
  much for a verdict on linearity.

Generating and writing the files are not timed.  The garbage collector stays
on (as in real use) and is run before every timed call; check is timed once
more with it switched off during the call, because at 100k efforts one full
collection of the whole heap can fall inside ``check`` and cost up to a
quarter of its time.  (``load`` switches the collector off itself while it builds the models,
since commit caeef99.)  Two untimed extra runs of ``check`` measure its peak
memory (``tracemalloc``) and count the Python function calls it makes
(``cProfile``); ``--timing-only`` skips them.  Calls per effort are a
noise-free measure of the work done: constant calls per effort mean the
analyses do linear work (though a scan inside one C call, such as
``x in some_list``, counts once).

The table shows the graph size (nodes and links of ``din_graph.to_networkx``),
both times, their ratio and the check time per effort; the last line compares
the largest size with the smallest: time per effort (with the collector on
and off), the exponent ``k`` in time ∝ size^k (1 is linear; n log n gives
about 1.1 over 1k-100k, a quadratic step 2) and calls per effort.  Check is
judged near-linear when ``k`` and the growth of calls per effort both stay at
or below 1.2.  Time per effort grows somewhat with size even for linear work
(bigger dicts and a bigger heap miss the CPU caches more often), so the
verdict does not rest on time alone; ``benchmarks/README.md`` has the
analysis-by-analysis evidence.

Why YAML by default: on the 2-core machine the figures in
``benchmarks/README.md`` were measured on, loading 100k efforts from YAML
takes about 21 s, far under the three minutes that would call for a faster
format, and YAML is the format programme files are written in.  JSON
(``--format json``: programme files as ``.json``, still with a
``portfolio.yaml``) loads under 10% faster (20 s against 21 s at 100k),
because the reader also composes a JSON file as YAML to know the line of every
value; it mainly saves writing time (3 s against 38 s at 100k), which is not
measured.  The whole default run takes about two minutes on that machine,
most of it writing and loading the 100k files; peak memory is about 1 GB.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import math
import pstats
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from generate import synthetic_portfolio

import din_graph

T = TypeVar("T")

#: Sizes up to this many efforts are loaded best of three times; larger ones once.
REPEAT_LOAD_UP_TO = 10_000
#: Check is cheap next to load: best of at least this many runs at every size ...
CHECK_RUNS = 3
#: ... and, for small sizes, of as many more as fit in this many seconds (at most CHECK_MAX_RUNS).
CHECK_SECONDS = 1.0
CHECK_MAX_RUNS = 25
#: The verdict allows time ∝ size^k and a growth of calls per effort up to this.
NEAR_LINEAR = 1.2


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _write(portfolio: din_graph.Portfolio, folder: Path, fmt: str) -> None:
    """A portfolio.yaml plus one programme file per programme, in ``fmt``."""
    if fmt == "yaml":
        din_graph.dump(portfolio, folder)
        return
    folder.mkdir(parents=True)
    names = []
    for programme in portfolio.programmes:
        name = f"{programme.id}.json"
        din_graph.dump(programme, folder / name)
        names.append(name)
    data = portfolio.model_dump(mode="json", exclude_defaults=True, exclude={"programmes"})
    head = {key: data.pop(key) for key in ("id", "name", "municipality", "notes") if key in data}
    text = yaml.safe_dump(
        {"portfolio": head, "programmes": names, **data}, allow_unicode=True, sort_keys=False, width=100
    )
    (folder / "portfolio.yaml").write_text(text, encoding="utf-8")


def _timed(
    label: str, runs: int, action: Callable[[], T], *, gc_off: bool = False, seconds: float = 0.0, max_runs: int = 1
) -> tuple[float, T]:
    """The best time of ``runs`` calls of ``action`` (more while they add up to less than
    ``seconds``, up to ``max_runs``), and the result of the last call.

    The garbage collector runs before every call; with ``gc_off`` it is
    disabled during the call.
    """
    times: list[float] = []
    result: Any = None
    while len(times) < runs or (sum(times) < seconds and len(times) < max_runs):
        result = None  # drop the previous result before collecting, so runs start alike
        gc.collect()
        if gc_off:
            gc.disable()
        try:
            began = time.perf_counter()
            result = action()
            times.append(time.perf_counter() - began)
        finally:
            gc.enable()
    shown = ", ".join(f"{t:.3f}" for t in times[:8]) + (" ..." if len(times) > 8 else "")
    _progress(f"    {label}{' (gc off)' if gc_off else ''}: best {min(times):.3f} s of {len(times)} runs ({shown})")
    return min(times), result


def _calls(action: Callable[[], object]) -> int:
    """The number of Python function calls (builtins included) ``action`` makes."""
    gc.collect()
    profiler = cProfile.Profile()
    profiler.runcall(action)
    stats: Any = pstats.Stats(profiler)
    return int(stats.total_calls)


def _peak_mib(action: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def measure(size: int, fmt: str, *, extra: bool, seed: int = 0) -> dict[str, Any]:
    """Generate, write, load and check one portfolio of ``size`` efforts; the figures as a dict."""
    _progress(f"[{size} efforts]")
    began = time.perf_counter()
    portfolio = synthetic_portfolio(size, seed=seed)
    _progress(f"    generated {len(portfolio.programmes)} programmes in {time.perf_counter() - began:.1f} s")
    load_runs = 3 if size <= REPEAT_LOAD_UP_TO else 1
    with tempfile.TemporaryDirectory(prefix="din-bench-") as tmp:
        folder = Path(tmp) / "pf"
        began = time.perf_counter()
        _write(portfolio, folder, fmt)
        megabytes = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        _progress(f"    wrote {megabytes:.1f} MB of {fmt} in {time.perf_counter() - began:.1f} s")
        load_s, loaded = _timed("load", load_runs, lambda: din_graph.load(folder))
    if loaded != portfolio:
        raise SystemExit(f"loading the written portfolio of {size} efforts did not give it back")
    del portfolio

    def check() -> din_graph.Findings:
        return din_graph.check(loaded)

    check_s, findings = _timed("check", CHECK_RUNS, check, seconds=CHECK_SECONDS, max_runs=CHECK_MAX_RUNS)
    check_nogc_s, _ = _timed("check", CHECK_RUNS, check, gc_off=True, seconds=CHECK_SECONDS, max_runs=CHECK_MAX_RUNS)
    peak = calls = None
    if extra:
        peak = _peak_mib(check)
        calls = _calls(check)
        _progress(f"    check peak memory {peak:.1f} MiB, {calls:,} calls")
    graph = din_graph.to_networkx(loaded)
    return {
        "efforts": size,
        "programmes": len(loaded.programmes),
        "nodes": graph.number_of_nodes(),
        "links": graph.number_of_edges(),
        "findings": len(findings),
        "load_s": load_s,
        "check_s": check_s,
        "check_nogc_s": check_nogc_s,
        "peak_mib": peak,
        "calls": calls,
        "load_runs": load_runs,
    }


def table(rows: list[dict[str, Any]]) -> str:
    """The figures as a Markdown table."""
    columns = [
        "efforts",
        "programmes",
        "nodes",
        "links",
        "findings",
        "load s",
        "check s",
        "check/load",
        "check µs/effort",
        "check µs/effort, gc off",
        "check calls/effort",
        "check peak MiB",
    ]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---:|" * len(columns)]
    for row in rows:
        once = "" if row["load_runs"] > 1 else " ¹"
        cells = [
            f"{row['efforts']:,}",
            str(row["programmes"]),
            f"{row['nodes']:,}",
            f"{row['links']:,}",
            f"{row['findings']:,}",
            f"{row['load_s']:.2f}{once}",
            f"{row['check_s']:.3f}",
            f"{row['check_s'] / row['load_s']:.3f}",
            f"{row['check_s'] / row['efforts'] * 1e6:.1f}",
            f"{row['check_nogc_s'] / row['efforts'] * 1e6:.1f}",
            f"{row['calls'] / row['efforts']:.0f}" if row["calls"] is not None else "-",
            f"{row['peak_mib']:.1f}" if row["peak_mib"] is not None else "-",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if any(row["load_runs"] == 1 for row in rows):
        lines.append("")
        lines.append(
            f"¹ one load run; best of 3 otherwise. Check: best of {CHECK_RUNS} to {CHECK_MAX_RUNS} runs "
            f"(at least {CHECK_SECONDS:g} s in all) at every size."
        )
    return "\n".join(lines)


def linearity(rows: list[dict[str, Any]]) -> str:
    """One line judging how check time grows with size, largest against smallest."""
    if len(rows) < 2:
        return "linearity: needs at least two sizes"
    small, large = rows[0], rows[-1]

    def growth(key: str) -> float:
        return (large[key] / large["efforts"]) / (small[key] / small["efforts"])

    exponent = math.log(large["check_s"] / small["check_s"]) / math.log(large["efforts"] / small["efforts"])
    line = (
        f"linearity of check, {large['efforts']:,} vs {small['efforts']:,} efforts: "
        f"µs/effort x{growth('check_s'):.2f} (x{growth('check_nogc_s'):.2f} with gc off), "
        f"time ∝ size^{exponent:.2f}"
    )
    grows = exponent > NEAR_LINEAR
    if large["calls"] is not None and small["calls"] is not None:
        line += f", calls/effort x{growth('calls'):.2f}"
        grows = grows or growth("calls") > NEAR_LINEAR
    verdict = "NOT near-linear: work per effort grows with size" if grows else "near-linear"
    return f"{line} -> {verdict}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="comma-separated numbers of efforts (default: %(default)s)",
    )
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml", help="programme file format")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated portfolios")
    parser.add_argument(
        "--timing-only", action="store_true", help="skip the untimed tracemalloc and cProfile runs of check"
    )
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, not {args.sizes!r}")
    if not sizes or min(sizes) < 1:
        parser.error("--sizes must be positive")
    began = time.perf_counter()
    rows = [measure(size, args.format, extra=not args.timing_only, seed=args.seed) for size in sizes]
    _progress(f"done in {time.perf_counter() - began:.0f} s")
    print(f"din_graph {din_graph.__version__}, Python {sys.version.split()[0]}, format {args.format}")
    print(table(rows))
    print(linearity(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
