"""Benchmark: opening the explorer and answering a click, in headless Chromium.

Usage::

    .venv/bin/python benchmarks/bench_explore.py [--sizes 2000,20000] [--clicks 20]

For every size a synthetic portfolio (``generate.synthetic_portfolio``, about
500 efforts per programme) is written as an explorer (``din_graph.explore``)
and, as the baseline measured in the same run, as the plain ``render`` SVG of
every programme's DIN sheet.  In one headless Chromium:

* **open**: from navigation until two animation frames after the load event
  (the page parsed, its script run, the first view painted); for the baseline
  the sum over the programmes' SVG files, each opened the same way;
* **switch**: showing another programme's sheet (a tab click; inflating it when the
  file stores its drawings compressed), to the next frame;
* **click**: selecting a goal (a click event on its drawn node) until the next
  frame, median and worst over ``--clicks`` goals of the shown sheet;
* **file**: the explorer's size in MB (the target is under 20 MB at 20,000 efforts).

The issue's targets: a 2,000-effort portfolio opens in under 2 s and answers a
click in under 100 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import synthetic_portfolio  # noqa: E402 - benchmarks/ is not a package

import din_graph  # noqa: E402 - after the path set-up above

_FRAMES = """
const done = arguments[arguments.length - 1];
const ready = window.dinExplorer ? window.dinExplorer.ready() : Promise.resolve();
ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));
"""

_CLICK = """
const [key, done] = arguments;
const target = document.querySelector('#view [data-node="' + CSS.escape(key) + '"]');
const start = performance.now();
target.dispatchEvent(new MouseEvent('click', {bubbles: true}));
const handled = performance.now() - start;
requestAnimationFrame(() => done([handled, performance.now() - start]));
"""

_SWITCH = """
const [view, done] = arguments;
const start = performance.now();
document.querySelector('#tabs button[data-view="' + CSS.escape(view) + '"]').click();
window.dinExplorer.ready().then(() => requestAnimationFrame(() => done(performance.now() - start)));
"""


def browser() -> Any:
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    arguments = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900")
    for argument in arguments:
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(600)
    driver.set_script_timeout(600)
    return driver


def open_time(driver: Any, path: Path) -> float:
    driver.get("about:blank")
    start = time.perf_counter()
    driver.get(path.as_uri())
    driver.execute_async_script(_FRAMES)
    return time.perf_counter() - start


def measure(size: int, clicks: int, folder: Path, driver: Any) -> None:
    portfolio = synthetic_portfolio(size, seed=1)
    start = time.perf_counter()
    page = din_graph.explore(portfolio, folder / f"verkenner-{size}.html")
    build = time.perf_counter() - start
    assert page.path is not None
    mb = page.path.stat().st_size / 1e6
    start = time.perf_counter()
    sheets = [
        din_graph.render(portfolio, folder / f"{p.id}.svg", programme=p.id, highlight="findings")
        for p in portfolio.programmes
    ]
    render_time = time.perf_counter() - start
    baseline = sum(open_time(driver, Path(sheet)) for sheet in sheets)
    largest = max(open_time(driver, Path(sheet)) for sheet in sheets[:3])
    opened = open_time(driver, page.path)
    notice = driver.execute_script("const n = document.getElementById('notice'); return n.hidden ? '' : n.textContent")
    programme = portfolio.programmes[1].id
    switch = driver.execute_async_script(_SWITCH, programme)
    goals = driver.execute_script(
        "return [...document.querySelectorAll('#view g.node[data-node]')].map(e => e.getAttribute('data-node'))"
        ".filter(k => !k.endsWith('/vision')).slice(0, arguments[0])",
        clicks,
    )
    times = [driver.execute_async_script(_CLICK, key) for key in goals]
    handled = [t[0] for t in times]
    framed = [t[1] for t in times]
    efforts = sum(len(p.efforts) for p in portfolio.programmes)
    print(f"\n== {efforts} efforts in {len(portfolio.programmes)} programmes")
    print(f"  build (overlaps, layout, file)   {build:8.1f} s   (render of every sheet alone: {render_time:.1f} s)")
    print(f"  file                             {mb:8.1f} MB")
    print(f"  open explorer                    {opened:8.2f} s")
    print(
        f"  open the render SVGs (baseline)  {baseline:8.2f} s   ({len(sheets)} files; "
        f"one of the first three at most {largest:.2f} s)"
    )
    print(f"  ratio explorer / baseline        {opened / baseline:8.2f}")
    print(f"  switch to a programme            {switch:8.0f} ms")
    print(
        f"  click a goal: handler median {statistics.median(handled):.1f} ms, to next frame median "
        f"{statistics.median(framed):.1f} ms, worst {max(framed):.1f} ms ({len(goals)} goals)"
    )
    if notice:
        print(f"  notice: {notice}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--clicks", type=int, default=20)
    args = parser.parse_args()
    if not (shutil.which("chromium") and shutil.which("chromedriver") and din_graph.dot_available()):
        sys.exit("needs chromium, chromedriver and Graphviz dot (make system)")
    driver = browser()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for size in (int(s) for s in args.sizes.split(",")):
                measure(size, args.clicks, Path(folder), driver)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
