"""The one process pool: a task mapped over items on every core, in order, or in this process.

Forked workers inherit the task (and whatever it closes over) instead of receiving it pickled, so
only the items and the results cross between processes — by pickle's own way, or by a wire of the
caller's that carries what pickle's own way cannot (a result that holds the audit's rules). Few
items, one core, or a system that cannot fork: the items are mapped here, in this process, with the
same results, which cross nothing.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 32  # items before other cores are worth starting
_TASK: Callable[[Any], Any] | None = None  # what forked workers inherit


class Crossing(Protocol):
    """How a result crosses from a worker to this process: ``dumps`` in the worker, ``loads`` here."""

    def dumps(self, value: Any) -> bytes: ...

    def loads(self, data: bytes) -> Any: ...


def ordered_map(task: Callable[[Item], Result], items: Iterable[Item], workers: int | None = None,
                chunksize: int | None = None, wire: Crossing | None = None) -> Iterator[Result]:
    """``task`` of each item, in order, on ``workers`` processes (default: every core) when there
    are at least PARALLEL_FROM items and the system can fork; else in this process. Items go to a
    worker ``chunksize`` at a time (default: about eight chunks per worker). A worker's result
    crosses by ``wire`` when one is given (else by pickle's own way); in this process, results are
    handed on as the task returns them."""
    global _TASK
    items = list(items)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_FROM or not can_fork():
        yield from map(task, items)
        return
    import multiprocessing  # here, not at the top: a small run never starts a worker

    _TASK = task if wire is None else functools.partial(_dumped, task, wire)
    gc.freeze()  # what this process holds, out of its workers' collections: they never walk (and so copy) it
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=start_worker) as pool:
            chunk = chunksize or max(1, len(items) // (8 * workers))
            results = pool.imap(_run_task, items, chunksize=chunk)
            yield from results if wire is None else (wire.loads(result) for result in results)  # its own workers'
    finally:
        _TASK = None
        gc.unfreeze()


def _dumped(task: Callable[[Any], Any], wire: Crossing, item: Any) -> bytes:
    """``task`` of ``item``, as it crosses by ``wire`` (in a worker)."""
    return wire.dumps(task(item))


def _run_task(item: Any) -> Any:
    assert _TASK is not None
    return _TASK(item)


def start_worker() -> None:
    """A worker is quiet, and collects its own garbage, even where this process had paused its collector."""
    quiet_worker()
    gc.enable()


def quiet_worker() -> None:
    """A worker prints nothing: what fails in it is raised again in the parent, and a worker whose
    parent was killed must not print a traceback for each result it can no longer send."""
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles ^C and ends the pool
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the worker's whole life


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
