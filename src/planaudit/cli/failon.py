"""Which verdicts fail a run, and the exit status decided in one place."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from planaudit.errors import EXIT_FAILED

if TYPE_CHECKING:
    from planaudit.model.result import Summary

EXIT_OK = 0


class FailOn(enum.Enum):
    """Each level fails on what the one before it fails on, and more."""

    NEVER = "never"
    MISSED = "missed"
    UNMEASURED = "unmeasured"
    INCONSISTENT = "inconsistent"


DEFAULT_FAIL_ON = FailOn.MISSED

def failed(summary: Summary, fail_on: FailOn) -> bool:
    """Whether the counts fail a run (a waived target never does)."""
    if fail_on is FailOn.NEVER:
        return False
    if summary.missed:
        return True
    if fail_on is FailOn.MISSED:
        return False
    return bool(summary.unmeasured) or (fail_on is FailOn.INCONSISTENT and bool(summary.inconsistent))


def exit_status(summary: Summary, fail_on: FailOn) -> int:
    return EXIT_FAILED if failed(summary, fail_on) else EXIT_OK
