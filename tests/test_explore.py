"""The explorer (din explore): one self-contained HTML file, checked as text and in headless Chromium."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import din_graph
from din_graph import DinError, Portfolio, Programme
from din_graph._analysis._index import index_of
from din_graph._cli import cli
from din_graph._explore import explore, explorer_data

ROOT = Path(__file__).resolve().parent.parent
ALMELO = ROOT / "examples" / "almelo"
HOSTILE = [
    "<script>window.pwned = 1</script>",
    '<img src=x onerror="window.pwned = 2">',
    "javascript:window.pwned = 3",
    "\"quotes' & </script><!-- \x07 \u202e",
]


def hostile_portfolio() -> Portfolio:
    """Two programmes whose titles try every kind of markup, and one title with accents."""
    first = Programme(
        id="p",
        name="Café <b>programma</b>",
        vision="Een <i>visie</i>",
        strategic_goals=[{"id": "S1", "title": HOSTILE[0]}],
        operational_goals=[{"id": "O1", "title": HOSTILE[1], "contributes_to": ["S1"]}],
        owners=[{"id": "T1", "name": HOSTILE[2]}],
        efforts=[
            {"id": "E1", "title": "Ontmoeting in het café van de coöperatie", "contributes_to": ["O1"], "owner": "T1"},
            {"id": "E2", "title": HOSTILE[3], "contributes_to": ["O1"], "role": "regie"},
        ],
    )
    second = Programme(
        id="q",
        name="Tweede",
        vision="Samen",
        strategic_goals=[{"id": "S1", "title": "Samen sterk"}],
        efforts=[{"id": "E1", "title": "Ontmoeting in het cafe van de cooperatie", "contributes_to": ["S1", "p/O1"]}],
    )
    return Portfolio(id="h", name="Vijandig <portfolio>", programmes=[first, second])


def expected_trace(obj: Programme | Portfolio, node: str) -> dict[str, set[str]]:
    """What a click on ``node`` must mark, from trace_up, trace_down and the owners of the efforts found."""
    index = index_of(obj)
    up = {n for path in din_graph.trace_up(obj, node) for n in path} - {node}
    down = {n for path in din_graph.trace_down(obj, node) for n in path} - {node}
    owners = {index.owner_of[e] for e in (down | {node}) if index.owner_of.get(e)}
    return {"up": up, "down": down, "owners": {o for o in owners if o is not None}}


# ----------------------------------------------------------------------------------------------- the file


def test_data_has_every_node_and_the_adjacency_of_trace_up() -> None:
    almelo = din_graph.load(ALMELO)
    data = explorer_data(almelo)
    index = index_of(almelo)
    assert set(data["nodes"]) == set(index.kind)
    assert data["up"] == {k: v for k, v in index.up.items() if v}
    effort = data["nodes"]["almelo-duurzaamheid/E1"]
    assert effort["kind"] == "effort"
    assert effort["phase"]  # every effort has a phase (``unknown`` when its status says none)


@pytest.mark.graphviz
def test_file_is_self_contained_escaped_and_reproducible(tmp_path: Path) -> None:
    obj = hostile_portfolio()
    first = explore(obj, tmp_path / "a.html")
    second = explore(obj, tmp_path / "b.html")
    text = (tmp_path / "a.html").read_bytes()
    assert text == (tmp_path / "b.html").read_bytes()  # no clock, no randomness
    page = first.html
    assert second.html == page
    # No way out to a network: no src/href to anything but the page itself, and a CSP that forbids requests.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    assert "default-src 'none'" in csp.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 1  # the one inline script, allowed by its hash
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp.group(1)
    # User text never closes the data script or opens markup: "<" is escaped in the JSON.
    raw = re.search(r'<script type="application/json" id="din-data">(.*?)</script>', page, re.DOTALL)
    assert raw is not None
    assert "<" not in raw.group(1)
    assert json.loads(raw.group(1))["nodes"]["p/S1"]["title"] == HOSTILE[0]
    assert "<script>window.pwned" not in page
    assert "<img src=x" not in page
    # Every drawn node carries its key.
    assert 'data-node="p/E2"' in page
    assert 'data-node="q/E1"' in page


def test_explore_refuses_what_it_cannot_draw() -> None:
    with pytest.raises(DinError, match="Programme or a Portfolio"):
        explore("examples/almelo")  # type: ignore[arg-type]  # a path is not a programme
    with pytest.raises(DinError, match="language"):
        explore(din_graph.load(ALMELO / "duurzaamheid.yaml"), lang="de")


@pytest.mark.graphviz
def test_cli_writes_the_explorer(tmp_path: Path) -> None:
    target = tmp_path / "verkenner.html"
    result = CliRunner().invoke(cli, ["explore", str(ALMELO), "-o", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    page = target.read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert 'data-node="almelo-leefbare-wijken-en-dorpen/' in page


# ------------------------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("Chromium or chromedriver is not installed")
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("explore")
    almelo = din_graph.load(ALMELO)
    return {
        "almelo": explore(almelo, folder / "almelo.html").path or folder,
        "hostile": explore(hostile_portfolio(), folder / "hostile.html").path or folder,
    }


def open_page(driver: Any, page: Path, fragment: str = "") -> None:
    # From about:blank every load is a new document, even when only the hash differs. No
    # refresh after it: the page may write its hash while loading (location.hash, where
    # file: URLs refuse replaceState), and chromedriver then aborts a refresh by timeout.
    driver.get("about:blank")
    driver.get(page.as_uri() + fragment)


def assert_quiet(driver: Any) -> None:
    """No console message (errors, CSP violations) and no request for anything."""
    assert driver.get_log("browser") == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0


def marked(driver: Any) -> dict[str, set[str]]:
    found = driver.execute_script(
        """
        const out = {selected: [], related: [], up: [], down: [], owner: [], drawn: []};
        for (const e of document.querySelectorAll('#view [data-node]')) {
          const key = e.getAttribute('data-node');
          out.drawn.push(key);
          if (e.getAttribute('aria-selected') === 'true') out.selected.push(key);
          if (e.getAttribute('data-related') === 'true') {
            out.related.push(key);
            out[e.getAttribute('data-trace')].push(key);
          }
        }
        return out;
        """
    )
    return {name: set(keys) for name, keys in found.items()}


@pytest.mark.browser
@pytest.mark.graphviz
def test_click_marks_exactly_the_trace_and_the_owners(browser: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    almelo = din_graph.load(ALMELO)
    goal = "almelo-duurzaamheid/O1a"
    open_page(browser, pages["almelo"], "#v=almelo-duurzaamheid")
    browser.find_element(By.CSS_SELECTOR, f'#view [data-node="{goal}"]').click()
    seen = marked(browser)
    want = expected_trace(almelo, goal)
    assert seen["selected"] == {goal}
    assert seen["up"] == want["up"] & seen["drawn"]
    assert seen["down"] == want["down"] & seen["drawn"]
    assert seen["owner"] == want["owners"] & seen["drawn"]
    assert seen["related"] == (want["up"] | want["down"] | want["owners"]) & seen["drawn"]
    assert seen["down"]
    assert seen["up"]
    assert seen["owner"]
    # The script's trace equals trace_up/trace_down for every node of the portfolio, across programmes.
    keys = [k for k, kind in index_of(almelo).kind.items() if kind != "owner"]
    traces = browser.execute_script("return arguments[0].map(k => window.dinExplorer.trace(k))", keys)
    for key, got in zip(keys, traces, strict=True):
        want = expected_trace(almelo, key)
        assert (set(got["up"]), set(got["down"]), set(got["owners"])) == (want["up"], want["down"], want["owners"])
    # Escape clears; Tab focus and Enter select.
    from selenium.webdriver.common.keys import Keys

    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert marked(browser)["selected"] == set()
    assert marked(browser)["related"] == set()
    effort = browser.find_element(By.CSS_SELECTOR, '#view [data-node="almelo-duurzaamheid/E1"]')
    browser.execute_script("arguments[0].focus()", effort)
    effort.send_keys(Keys.ENTER)
    seen = marked(browser)
    assert seen["selected"] == {"almelo-duurzaamheid/E1"}
    assert seen["up"] == expected_trace(almelo, "almelo-duurzaamheid/E1")["up"] & seen["drawn"]
    # One level: only the direct neighbours.
    browser.find_element(By.ID, "one").click()
    assert marked(browser)["up"] == set(index_of(almelo).up["almelo-duurzaamheid/E1"]) & seen["drawn"]
    details = browser.find_element(By.ID, "details-body").text
    assert "E1" in details
    assert_quiet(browser)


@pytest.mark.browser
@pytest.mark.graphviz
def test_search_without_accents_and_filters(browser: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, pages["hostile"], "#v=p")
    search = browser.find_element(By.CSS_SELECTOR, "input[type=search]")
    search.send_keys("CAFE VAN DE COOPERATIE")
    results = browser.find_element(By.ID, "results-list").text
    assert "coöperatie" in results
    assert "cooperatie" in results
    matched = browser.execute_script(
        "return [...document.querySelectorAll('#view [data-match=\"true\"]')].map(e => e.getAttribute('data-node'))"
    )
    assert set(matched) == {"p/E1"}
    # A result in another programme opens that programme and marks the node there.
    for button in browser.find_elements(By.CSS_SELECTOR, "#results-list .jump"):
        if "cooperatie" in button.text:
            button.click()
            break
    assert marked(browser)["selected"] == {"q/E1"}
    search.clear()
    browser.execute_script("document.getElementById('search').dispatchEvent(new Event('input'))")
    # Filters: a role hides (fades) every effort with another role, and leaves the goals alone.
    open_page(browser, pages["almelo"], "#v=almelo-duurzaamheid")
    Select(browser.find_element(By.CSS_SELECTOR, 'select[data-filter="role"]')).select_by_value("line")
    Select(browser.find_element(By.ID, "mode")).select_by_value("hide")
    states = browser.execute_script(
        """
        return [...document.querySelectorAll('#view [data-node]')].map(e =>
          [e.getAttribute('data-node'), getComputedStyle(e).visibility]);
        """
    )
    almelo = din_graph.load(ALMELO)
    index = index_of(almelo)
    assert states
    for key, visibility in states:
        effort = index.efforts.get(key)
        hidden = (effort is not None and effort.role.value != "line") or key in index.placeholders
        assert (visibility == "hidden") == hidden, key
    assert_quiet(browser)


@pytest.mark.browser
@pytest.mark.graphviz
def test_hostile_titles_run_nothing_and_show_literally(browser: Any, pages: dict[str, Path]) -> None:
    open_page(browser, pages["hostile"], "#v=p")
    index = index_of(hostile_portfolio())
    for key in ("p/S1", "p/O1", "p/E2", "p/T1"):
        browser.execute_script("window.dinExplorer.select(arguments[0], true)", key)
        title = browser.execute_script("return document.querySelector('#details-body .title').textContent")
        assert title == f"{key.split('/')[1]}  {index.title(key)}"  # as written, markup and all
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('#side img, #side script, #side i').length") == 0
    assert browser.title == "Verkenner: Vijandig <portfolio>"
    assert_quiet(browser)


@pytest.mark.browser
@pytest.mark.graphviz
def test_hash_restores_the_view_after_reload(browser: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, pages["almelo"])
    browser.find_element(By.CSS_SELECTOR, '#tabs button[data-view="almelo-leefbare-wijken-en-dorpen"]').click()
    goal = browser.execute_script(
        "return [...document.querySelectorAll('#view g.node[data-node]')].map(e => e.getAttribute('data-node'))"
        ".find(k => k.startsWith('almelo-leefbare-wijken-en-dorpen/') && !k.endsWith('/vision'))"
    )
    browser.execute_script("window.dinExplorer.select(arguments[0], false)", goal)
    Select(browser.find_element(By.CSS_SELECTOR, 'select[data-filter="phase"]')).select_by_index(1)
    browser.find_element(By.CSS_SELECTOR, "input[type=search]").send_keys("groen")
    before = marked(browser)
    url = browser.current_url
    assert "#" in url
    browser.get("about:blank")
    browser.get(url)
    browser.refresh()
    after = marked(browser)
    assert after == before
    assert browser.find_element(By.CSS_SELECTOR, "input[type=search]").get_attribute("value") == "groen"
    assert Select(
        browser.find_element(By.CSS_SELECTOR, 'select[data-filter="phase"]')
    ).first_selected_option.get_attribute("value")
    assert_quiet(browser)


@pytest.mark.browser
@pytest.mark.graphviz
def test_review_download_is_a_review_file(
    browser: Any, pages: dict[str, Path], tmp_path: Path, downloads: Path
) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, pages["almelo"])
    items = browser.find_elements(By.CSS_SELECTOR, "#pairs li[data-pair]")
    assert len(items) >= 2
    items[0].find_element(By.CSS_SELECTOR, 'button[data-decide="confirmed"]').click()
    items[1].find_element(By.CSS_SELECTOR, 'button[data-decide="dismissed"]').click()
    browser.find_element(By.ID, "download-review").click()
    review = _downloaded(downloads / "overlap-review.yaml")
    assert review.read_text(encoding="utf-8") == browser.execute_script("return window.dinExplorer.reviewText()")
    pairs = browser.execute_script(
        "return [...document.querySelectorAll('#pairs li[data-pair]')]"
        ".map(li => li.getAttribute('data-pair').split('\\n'))"
    )
    loaded = din_graph.load_review(review)
    assert {key: entry.decision for key, entry in loaded.entries.items()} == {
        tuple(sorted(pairs[0])): "confirmed",
        tuple(sorted(pairs[1])): "dismissed",
    }
    # din overlap reads it: the dismissed pair is left out, the confirmed one marked.
    result = CliRunner().invoke(cli, ["overlap", str(ALMELO), "--review", str(review), "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)["pairs"]
    shown = {tuple(sorted((p["a"], p["b"]))): p.get("review") for p in listed}
    assert shown[tuple(sorted(pairs[0]))] == "confirmed"
    assert tuple(sorted(pairs[1])) not in shown
    # The explorer written with that review keeps both decisions in the file it downloads.
    again = explore(din_graph.load(ALMELO), tmp_path / "again.html", review=review)
    assert again.path is not None
    open_page(browser, again.path)
    assert (
        din_graph.load_review(
            _write(tmp_path / "again.yaml", browser.execute_script("return window.dinExplorer.reviewText()"))
        ).entries.keys()
        == loaded.entries.keys()
    )
    assert_quiet(browser)


@pytest.mark.browser
@pytest.mark.graphviz
def test_each_pair_says_why_once(browser: Any, pages: dict[str, Path]) -> None:
    """A pair's line is its rank, band, score and reason, and nothing after: the reason
    already names the shared words, subjects, owner and area, which were listed again."""
    from din_graph._vocab import overlap_word

    open_page(browser, pages["almelo"])
    lines = browser.execute_script(
        "return [...document.querySelectorAll('#pairs li[data-pair] > .why')].map(e => e.textContent)"
    )
    found = din_graph.overlaps(din_graph.load(ALMELO))
    assert len(lines) == min(len(found.pairs), len(lines)) > 10
    for line, pair in zip(lines, found.pairs, strict=False):
        rank, band, score, reason = line.split(" · ")
        assert (rank, band, reason) == (f"#{pair.rank}", overlap_word(f"band.{pair.band}", "nl"), pair.reason)
        assert abs(float(score) - pair.score) < 0.01  # rounded twice: to 3 digits in the data, 2 shown
    assert_quiet(browser)


def _downloaded(path: Path) -> Path:
    import time

    for _ in range(100):
        if path.exists() and path.stat().st_size:
            return path
        time.sleep(0.05)
    raise AssertionError(f"{path.name} was not downloaded")


@pytest.mark.browser
@pytest.mark.graphviz
def test_the_view_saves_as_svg_and_png(browser: Any, pages: dict[str, Path], downloads: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, pages["almelo"], "#v=almelo-duurzaamheid&n=almelo-duurzaamheid/O1a")
    browser.find_element(By.ID, "save-svg").click()
    browser.find_element(By.ID, "save-png").click()
    svg = _downloaded(downloads / "almelo-duurzaamheid.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert 'aria-selected="true"' in svg  # saved as shown, marks included
    assert _downloaded(downloads / "almelo-duurzaamheid.png").read_bytes().startswith(b"\x89PNG")
    assert_quiet(browser)


@pytest.mark.browser
@pytest.mark.graphviz
def test_print_opens_the_dialog_and_prints_the_drawing_alone(browser: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, pages["almelo"], "#v=almelo-duurzaamheid")
    browser.execute_script("window.__printed = 0; window.print = function () { window.__printed += 1; };")
    browser.find_element(By.ID, "print").click()
    assert browser.execute_script("return window.__printed") == 1
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.execute_script(
            """
            const shown = (id) => getComputedStyle(document.getElementById(id)).display !== 'none';
            return {side: shown('side'), filters: shown('filters'), tabs: shown('tabs'), view: shown('view'),
                    drawing: document.querySelector('#view svg') !== null};
            """
        )
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == {"side": False, "filters": False, "tabs": False, "view": True, "drawing": True}
    assert base64.b64decode(browser.print_page()).startswith(b"%PDF")
    assert_quiet(browser)


def test_notebook_shows_the_page_in_a_frame() -> None:
    page = explore(hostile_portfolio())
    frame = page._repr_html_()
    assert frame.startswith("<iframe sandbox=")
    assert "<script>" not in frame  # the page sits escaped in srcdoc, its script runs inside the frame
    assert page.path is None


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_area_filter_is_the_area_lens_of_in_area() -> None:
    almelo = din_graph.load(ALMELO)
    data = explorer_data(almelo)
    assert almelo.areas
    found = 0
    for area in almelo.areas:
        kept = {key for key, node in data["nodes"].items() if area.id in node.get("area_lens", ())}
        assert kept == {a.node for a in din_graph.in_area(almelo, area.id)}, area.id
        found += len(kept)
    assert found  # the examples do name areas


@pytest.mark.browser
@pytest.mark.graphviz
def test_packed_drawings_unpack_and_trace(browser: Any, tmp_path: Path) -> None:
    from din_graph._explore import explorer_html

    obj = hostile_portfolio()
    page = tmp_path / "packed.html"
    page.write_text(explorer_html(obj, pack=True), encoding="utf-8")
    assert "data-node=" not in page.read_text(encoding="utf-8")  # the drawings are compressed
    open_page(browser, page, "#v=q&n=q/E1")
    browser.execute_async_script("window.dinExplorer.ready().then(arguments[0])")
    seen = marked(browser)
    assert seen["selected"] == {"q/E1"}
    assert seen["related"] == expected_trace(obj, "q/E1")["up"] & seen["drawn"]
    assert "p/O1" in seen["related"]  # the goal of the other programme, drawn on this sheet
    browser.execute_script("window.dinExplorer.select('p/E2', false)")
    browser.execute_async_script("window.dinExplorer.ready().then(arguments[0])")
    assert marked(browser)["selected"] == {"p/E2"}
    assert browser.execute_script("return window.pwned === undefined")
    assert_quiet(browser)


@pytest.mark.browser
def test_without_dot_the_matplotlib_layout_is_tagged_and_traced(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIN_GRAPH_DOT", "")  # behave as if Graphviz were missing
    almelo = din_graph.load(ALMELO)
    page = explore(almelo, tmp_path / "mpl.html").path
    assert page is not None
    index = index_of(almelo)
    text = page.read_text(encoding="utf-8")
    for key, kind in index.kind.items():
        if kind in ("strategic_goal", "operational_goal", "effort", "vision"):
            assert f'data-node="{key}"' in text, key
    goal = "almelo-duurzaamheid/O1a"
    open_page(browser, page, f"#v=almelo-duurzaamheid&n={goal}")
    seen = marked(browser)
    want = expected_trace(almelo, goal)
    assert seen["selected"] == {goal}
    assert seen["related"] == (want["up"] | want["down"] | want["owners"]) & seen["drawn"]
    assert seen["down"]
    opacity = browser.execute_script(
        """
        const out = {};
        for (const g of document.querySelectorAll('#view g.part[data-node]')) {
          const key = g.getAttribute('data-node');
          (out[key] = out[key] || []).push(Number(getComputedStyle(g).opacity));
        }
        return out;
        """
    )
    assert opacity[goal] == [1.0] * len(opacity[goal])  # the selected box's words stay
    faded = set(opacity) - seen["related"] - {goal}
    assert faded
    assert all(o == [0.25] * len(o) for k, o in opacity.items() if k in faded)
    assert 'class="part" data-node' in text
    assert 'class="part" data-node="' + goal + '" tabindex' not in text
    assert_quiet(browser)
