"""Timing for the tests that hold work to linear growth: each measures a small and a large input in
the same test and compares the two, never one time against a clock (the CI machine is a loaded
two-core box, so the margins are wide)."""

from __future__ import annotations

import time
from collections.abc import Callable

GROWTH = 8  # the large input is this many times the small one
SLACK = 2.5  # how many times linear the large input may take (noise, caches, a busy machine)
FLOOR = 0.25  # seconds: below this either way, noise decides the ratio, so it is allowed for


def best_time(work: Callable[[], object], repeat: int = 3) -> float:
    """The shortest of ``repeat`` runs of ``work``, in seconds of this process's processor time (what
    other processes on a busy machine take of it does not count): the run least disturbed."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(small: float, large: float, growth: float = GROWTH, what: str = "") -> None:
    """``large`` (the time of an input ``growth`` times larger than ``small``'s) grows no faster than
    linearly, within SLACK and FLOOR; a quadratic growth (``growth`` squared) fails it."""
    allowed = SLACK * growth * small + FLOOR
    assert large <= allowed, (f"{what}: {large:.3f}s for {growth}× the input that took {small:.3f}s "
                              f"(linear allows {allowed:.3f}s)")
