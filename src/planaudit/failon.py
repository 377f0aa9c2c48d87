"""Which verdicts fail a run, and the exit status decided in one place."""

from __future__ import annotations

import enum

from .exceptions import EXIT_FAILED
from .result import AuditResult, Verdict

EXIT_OK = 0


class FailOn(enum.Enum):
    """Each level fails on what the one before it fails on, and more."""

    NEVER = "never"
    MISSED = "missed"
    UNMEASURED = "unmeasured"
    INCONSISTENT = "inconsistent"


DEFAULT_FAIL_ON = FailOn.MISSED

_FAILING = {
    FailOn.NEVER: frozenset(),
    FailOn.MISSED: frozenset({Verdict.MISSED}),
    FailOn.UNMEASURED: frozenset({Verdict.MISSED, Verdict.UNMEASURED}),
    FailOn.INCONSISTENT: frozenset({Verdict.MISSED, Verdict.UNMEASURED}),
}


def failed(result: AuditResult, fail_on: FailOn) -> bool:
    failing = _FAILING[fail_on]
    if any(item.verdict in failing and not item.waived for item in result.results):
        return True
    return fail_on is FailOn.INCONSISTENT and bool(result.inconsistencies)


def exit_status(result: AuditResult, fail_on: FailOn) -> int:
    return EXIT_FAILED if failed(result, fail_on) else EXIT_OK
