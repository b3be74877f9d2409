"""Reports (Markdown, HTML), the template, convert; the HTML report opened in headless Chromium."""

from __future__ import annotations

import base64
import re
import shutil
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import din_graph
from din_graph import DinError, DinWarning, Programme
from din_graph._cli import cli
from din_graph._report import build_report, report_html, report_markdown, write_report

ROOT = Path(__file__).resolve().parent.parent
ALMELO = ROOT / "examples" / "almelo"


@pytest.fixture(scope="module")
def almelo_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "almelo.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        write_report(din_graph.load(ALMELO), path)
    return path


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


def test_html_report_has_every_section_and_inline_images(almelo_html: Path) -> None:
    page = parse(almelo_html.read_text(encoding="utf-8"))
    headings = [t for t in page.text if t.strip()]
    for title in (
        "Overzicht",
        "Duurzaamheid — Almelo",
        "Bevindingen",
        "Voortgang van de indicatoren",
        "Leefbare wijken en dorpen — Almelo",
        "Overlap tussen programma's",
        "Programmaparen",
    ):
        assert title in headings
    images = [attrs for tag, attrs in page.tags if tag == "img"]
    assert len(images) >= 3  # two DIN sheets and the heatmap (and the portfolio picture with Graphviz)
    assert all((a.get("src") or "").startswith("data:image/") for a in images)
    assert not [tag for tag, _ in page.tags if tag in {"script", "iframe", "link", "object"}]
    assert "E23" in almelo_html.read_text(encoding="utf-8")  # the residents' initiatives overlap


def test_markdown_report_links_its_images(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        written = write_report(din_graph.load(ALMELO), tmp_path / "rapport.md", lang="en")
    text = written[0].read_text(encoding="utf-8")
    assert text.startswith("# Report Gemeente Almelo\n")
    for heading in ("## Summary", "### Findings", "### Indicator progress", "## Overlap between programmes"):
        assert heading in text
    for link in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (tmp_path / link).is_file()
    assert all(p.exists() for p in written)


def test_user_text_is_escaped_in_both_formats() -> None:
    hostile = "<script>alert('x')</script> | *vet* [link](javascript:x) & \"quote\""
    programme = Programme.model_validate(
        {"id": "p", "name": hostile, "efforts": [{"id": "E1", "title": hostile}], "strategic_goals": []}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DinWarning)
        report = build_report(programme)
    page = report_html(report)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert not [tag for tag, _ in parse(page).tags if tag == "script"]
    text, _ = report_markdown(report)
    assert "<script>" not in text
    assert "\\<script\\>" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "E1" in line]
    assert rows  # the findings table names the effort
    for line in rows:
        assert line.count(" | ") == 3  # the pipe in the title is escaped, the row keeps its four cells


def test_report_needs_html_or_md(tmp_path: Path) -> None:
    with pytest.raises(DinError, match=r"\.html or \.md"):
        write_report(din_graph.load(ALMELO / "duurzaamheid.yaml"), tmp_path / "r.pdf")


def test_cli_template_fill_in_report(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["template", str(tmp_path / "sjabloon.xlsx")]).exit_code == 0
    assert runner.invoke(cli, ["template", str(tmp_path / "sjabloon.yaml")]).exit_code == 0
    assert runner.invoke(cli, ["template", str(tmp_path / "sjabloon.txt")]).exit_code == 2
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "sjabloon.xlsx")
    book["Inspanningen"].append(["E2", "Tweede inspanning", None, "O1", "activiteit", "lijn"])
    book.save(tmp_path / "ingevuld.xlsx")
    result = runner.invoke(cli, ["report", str(tmp_path / "ingevuld.xlsx"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "Tweede inspanning" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_cli_convert_between_yaml_json_and_xlsx(tmp_path: Path) -> None:
    runner = CliRunner()
    source = ALMELO / "leefbare-wijken-en-dorpen.yaml"
    for name in ("lwd.xlsx", "lwd.json"):
        result = runner.invoke(
            cli, ["convert", str(source) if name.endswith("xlsx") else str(tmp_path / "lwd.xlsx"), str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["convert", str(tmp_path / "lwd.json"), str(tmp_path / "lwd.yaml")])
    assert result.exit_code == 0
    assert din_graph.load(tmp_path / "lwd.yaml") == din_graph.load(source)
    bad = runner.invoke(cli, ["convert", str(source), str(tmp_path / "lwd.docx")])
    assert bad.exit_code == 2


@pytest.mark.browser
def test_html_report_renders_in_headless_chromium(almelo_html: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.common.print_page_options import PrintOptions

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.get(almelo_html.as_uri())
        images = driver.execute_script(
            "return Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.naturalHeight, i.alt])"
        )
        console = driver.get_log("browser")
        title = driver.title
        # Printed, every programme and the overlap section starts a page of its own.
        pdf = base64.b64decode(driver.print_page(PrintOptions()))
    finally:
        driver.quit()
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 4, pages  # overview, two programmes, overlap
    assert title == "Rapportage Gemeente Almelo"
    assert len(images) >= 3
    assert all(complete and width > 100 and height > 100 for complete, width, height, _ in images), images
    assert console == []
