"""The collector stays off a province's records: not while they are built, and not when it resumes."""

from __future__ import annotations

import gc
import weakref

from generator.cache import gc_paused
from generator.render.heap import frozen_heap


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_resuming_after_a_pause_does_not_start_by_walking_everything_built_during_it() -> None:
    started: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    try:
        with gc_paused():
            assert not gc.isenabled()
            kept = [[n] for n in range(200_000)]
        assert gc.isenabled()
        resumed_with = list(started)
    finally:
        gc.callbacks.remove(note)
    assert resumed_with == [], "resuming began with a collection of the 200,000 lists built during the pause"
    assert len(kept) == 200_000


def test_cycles_dropped_during_a_pause_are_still_collected() -> None:
    with gc_paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
    gc.collect()
    assert gone() is None


def test_a_frozen_heap_inside_another_leaves_the_freezing_to_the_outer_one() -> None:
    with frozen_heap():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with frozen_heap():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0
