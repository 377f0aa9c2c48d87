"""Which verdicts fail a run, and every command's exit status, decided in one function."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planaudit.errors import EXIT_FAILED, EXIT_UNUSABLE
from planaudit.model.problems import errors

if TYPE_CHECKING:
    from planaudit.errors import PlanauditError
    from planaudit.model.problems import Problem
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


def exit_status(summary: Summary | None = None, fail_on: FailOn = DEFAULT_FAIL_ON, *,
                problems: Sequence[Problem] = (), strict: bool = False, error: PlanauditError | None = None,
                usage: bool = False, reader_gone: bool = False) -> int:
    """The exit status of every command: 2 for bad usage or data that cannot be checked (``usage``,
    an ``error``), and for `check` whose ``problems`` include an error; 1 when verdicts fail
    ``fail_on``, `validate` found an error (or, ``strict``, a warning) among ``problems``, or the
    reader of standard output went away before the end (``reader_gone``); else 0."""
    if usage or error is not None:
        return EXIT_UNUSABLE
    if summary is not None and errors(problems):
        return EXIT_UNUSABLE
    if summary is None and (errors(problems) or (strict and problems)):
        return EXIT_FAILED
    if reader_gone or (summary is not None and failed(summary, fail_on)):
        return EXIT_FAILED
    return EXIT_OK
