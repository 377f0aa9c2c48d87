"""run/pool: a task mapped in order on forked workers, its results crossing by pickle's own way or by
the caller's wire; workers collect their own garbage, and never walk what this process holds."""

from __future__ import annotations

import gc
import os
import pickle

import pytest

from planaudit.run.pool import PARALLEL_FROM, can_fork, ordered_map

pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool needs fork")
ITEMS = range(PARALLEL_FROM)


class Counted:
    """A wire that counts what it carries (its count, in this process, is of what it read)."""

    def __init__(self) -> None:
        self.read = 0

    def dumps(self, value: object) -> bytes:
        return pickle.dumps(("wired", value))

    def loads(self, data: bytes) -> object:
        self.read += 1
        marker, value = pickle.loads(data)  # noqa: S301 - this test's own bytes
        assert marker == "wired"
        return value


def where(item: int) -> tuple[int, int]:
    return item, os.getpid()


def test_results_come_in_order_from_workers_or_from_here():
    pooled = list(ordered_map(where, ITEMS, workers=2))
    assert [item for item, _ in pooled] == list(ITEMS) and os.getpid() not in {pid for _, pid in pooled}
    assert list(ordered_map(where, ITEMS, workers=1)) == [(item, os.getpid()) for item in ITEMS]


def test_a_wire_carries_what_workers_send_and_nothing_made_here():
    wire = Counted()
    assert [item for item, _ in ordered_map(where, ITEMS, workers=2, wire=wire)] == list(ITEMS)
    assert wire.read == len(ITEMS)
    assert [item for item, _ in ordered_map(where, ITEMS, workers=1, wire=wire)] == list(ITEMS)
    assert wire.read == len(ITEMS)  # in this process, results are handed on as made


def collecting(item: int) -> tuple[bool, int]:
    """Whether the worker's collector runs, and how many objects it holds frozen (inherited, never walked)."""
    return gc.isenabled(), gc.get_freeze_count()


def test_a_worker_collects_its_own_garbage_even_when_this_process_paused_its_collector():
    gc.disable()
    try:
        found = set(ordered_map(collecting, ITEMS, workers=2))
        assert not gc.isenabled()
    finally:
        gc.enable()
    ((enabled, frozen),) = found
    assert enabled and frozen > 0  # what the parent held when it forked, out of the workers' collections
    assert gc.get_freeze_count() == 0  # and in this process, frozen no longer
