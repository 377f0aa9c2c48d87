"""Which verdicts fail a run, and the exit status decided in one place."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from .exceptions import EXIT_FAILED

if TYPE_CHECKING:
    from .result import AuditResult

EXIT_OK = 0


class FailOn(enum.Enum):
    """Each level fails on what the one before it fails on, and more."""

    NEVER = "never"
    MISSED = "missed"
    UNMEASURED = "unmeasured"
    INCONSISTENT = "inconsistent"


DEFAULT_FAIL_ON = FailOn.MISSED

_FAILING = {  # verdicts by their values, so that this module stays light to import
    FailOn.NEVER: frozenset(),
    FailOn.MISSED: frozenset({"missed"}),
    FailOn.UNMEASURED: frozenset({"missed", "unmeasured"}),
    FailOn.INCONSISTENT: frozenset({"missed", "unmeasured"}),
}


def failed(result: AuditResult, fail_on: FailOn) -> bool:
    failing = _FAILING[fail_on]
    if any(item.verdict.value in failing and not item.waived for item in result.results):
        return True
    return fail_on is FailOn.INCONSISTENT and bool(result.inconsistencies)


def exit_status(result: AuditResult, fail_on: FailOn) -> int:
    return EXIT_FAILED if failed(result, fail_on) else EXIT_OK
