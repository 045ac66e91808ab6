"""Stage render: keep the garbage collector off the checked corpus while the site is made.

A province's corpus is millions of live objects that stay alive for the whole
render, and making pages allocates enough to trigger full collections that
walk all of them again: on 300 branches that was about a third of the time
spent in the views. :func:`frozen_heap` moves everything alive at the start
into the permanent generation (:func:`gc.freeze`) and back at the end
(:func:`gc.unfreeze`), so a long-running preview server can still free an old
corpus after the next build.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_heap() -> Iterator[None]:
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
