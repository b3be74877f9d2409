"""Write what the docs site shows but the repository does not keep: pictures and the CLI reference.

Run by ``make docs`` before ``mkdocs build``:

* ``docs/images/``: the DIN sheets of the Almelo examples (Graphviz, or matplotlib
  without it), one in English and one with findings highlighted, the portfolio
  picture and the charts; screenshots of the Almelo and Hengelo explorers taken in
  headless Chromium (when Chromium, chromedriver and dot are installed);
* ``docs/cli.md``: ``din --help`` and the help of every command.  The file is kept in
  the repository and ``tests/test_docs.py`` checks it equals what this script writes.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli_reference() -> str:
    """The CLI reference page, from click's own help texts."""
    import click

    from din_graph._cli import cli

    lines = [
        "# CLI reference",
        "",
        "The `din` command; generated from its help texts by `scripts/docs_assets.py`.",
        "Exit status: 0 success, 1 where a command says so (`check --fail-on`, `diff`), 2 bad input,",
        "3 an internal error (a bug: `din --debug ...` shows the traceback; see reliability.md).",
        "",
    ]
    # A fixed width, so the page does not depend on the terminal it was made in.
    settings = {**cli.context_settings, "terminal_width": 100, "max_content_width": 100}
    with click.Context(cli, info_name="din", **settings) as ctx:
        lines += ["```text", cli.get_help(ctx), "```", ""]
        for name in sorted(cli.commands):
            command = cli.commands[name]
            with click.Context(
                command, info_name=f"din {name}", parent=ctx, terminal_width=100, max_content_width=100
            ) as sub:
                lines += [f"## din {name}", "", "```text", command.get_help(sub), "```", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def images(folder: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import din_graph

    folder.mkdir(parents=True, exist_ok=True)
    almelo = din_graph.load(ROOT / "examples" / "almelo")
    written = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", din_graph.DinWarning)
        for programme in almelo.programmes:
            written.append(din_graph.render(almelo, folder / f"{programme.id}.png", programme=programme.id))
        written.append(
            din_graph.render(
                almelo, folder / "duurzaamheid-findings.png", programme="almelo-duurzaamheid", highlight="findings"
            )
        )
        written.append(
            din_graph.render(almelo, folder / "duurzaamheid-en.png", programme="almelo-duurzaamheid", lang="en")
        )
        written.append(
            din_graph.render(
                almelo, folder / "duurzaamheid-matplotlib.png", programme="almelo-duurzaamheid", engine="matplotlib"
            )
        )
        if din_graph.dot_available():
            written.append(din_graph.render(almelo, folder / "portfolio.png"))
    fig, axes = plt.subplots(2, 2, figsize=(13, 8), layout="constrained")
    goal = almelo.programme("almelo-duurzaamheid").operational_goals[0]
    din_graph.indicator_chart(goal, ax=axes[0][0])
    din_graph.owner_load_chart(almelo, ax=axes[0][1], top=8)
    din_graph.role_mix_chart(almelo, ax=axes[1][0])
    din_graph.overlap_heatmap(din_graph.overlaps(almelo, progress=False), almelo, ax=axes[1][1])
    fig.savefig(folder / "charts.png", dpi=110)
    written.append(folder / "charts.png")
    return [Path(p) for p in written]


#: Explorer screenshots: (file, example, the view in the page's hash).
SCREENSHOTS = (
    ("verkenner-almelo.png", "almelo", "#v=almelo-duurzaamheid&n=almelo-duurzaamheid/O1a&fit=1"),
    ("verkenner-almelo-zoeken.png", "almelo", "#v=almelo-leefbare-wijken-en-dorpen&q=groen&mode=hide&role=lead"),
    ("verkenner-hengelo.png", "hengelo", ""),
)


def _largest_programme_view(loaded: object) -> str:
    """The hash showing the programme with the most efforts, its first goal selected."""
    programmes = getattr(loaded, "programmes", (loaded,))
    largest = max(programmes, key=lambda p: len(p.efforts))
    goal = (*largest.operational_goals, *largest.strategic_goals)[0]
    return f"#v={largest.id}&n={largest.id}/{goal.id}"


def explorer_screenshots(folder: Path) -> list[Path]:
    """The explorers of the examples as a browser shows them (1600 x 1000), for docs/explore.md."""
    import shutil
    import tempfile

    import din_graph

    if not (shutil.which("chromium") and shutil.which("chromedriver") and din_graph.dot_available()):
        print("note: no chromium, chromedriver or dot; explorer screenshots skipped", file=sys.stderr)
        return []
    from selenium import webdriver

    folder.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000"):
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    written = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            pages: dict[str, Path] = {}
            for name, example, view in SCREENSHOTS:
                if example not in pages:
                    page = din_graph.explore(din_graph.load(ROOT / "examples" / example), Path(tmp) / f"{example}.html")
                    assert page.path is not None
                    pages[example] = page.path
                fragment = view or _largest_programme_view(din_graph.load(ROOT / "examples" / example))
                driver.get("about:blank")
                driver.get(pages[example].as_uri() + fragment)
                driver.refresh()
                if not driver.save_screenshot(str(folder / name)):
                    raise OSError(f"could not write {folder / name}")
                written.append(folder / name)
    finally:
        driver.quit()
    return written


def main() -> None:
    (ROOT / "docs" / "cli.md").write_text(cli_reference(), encoding="utf-8")
    folder = ROOT / "docs" / "images"
    for path in [*images(folder), *explorer_screenshots(folder)]:
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
