"""Analyses of programmes and portfolios: one private module per family."""
