"""Notebook tables for the rendering layer; the helper itself lives in :mod:`din_graph._strings`."""

from __future__ import annotations

from din_graph._strings import html_table

__all__ = ["html_table"]
