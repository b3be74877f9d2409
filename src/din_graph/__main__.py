"""``python -m din_graph`` runs the ``din`` command."""

from ._cli import main

main()
