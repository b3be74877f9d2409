"""Pausing Python's cyclic garbage collector around work that only builds objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block with the cyclic garbage collector off, and restore it after.

    Loading a portfolio or analysing its texts builds millions of small objects
    that all survive the block; the collector would walk the growing heap again
    and again (60% of the time of loading 100k efforts, benchmarks/README.md;
    about a quarter of an overlap run at 20k).  Nothing made there is cyclic garbage,
    so it is collected once, afterwards, as usual.

    Examples
    --------
    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
