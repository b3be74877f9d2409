"""Write what the docs site shows but the repository does not keep: pictures and the CLI reference.

Run by ``make docs`` before ``mkdocs build``:

* ``docs/images/``: the DIN sheets of the Almelo examples (Graphviz, or matplotlib
  without it), one in English and one with findings highlighted, the portfolio
  picture and the charts;
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


def main() -> None:
    (ROOT / "docs" / "cli.md").write_text(cli_reference(), encoding="utf-8")
    for path in images(ROOT / "docs" / "images"):
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
