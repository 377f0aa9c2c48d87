"""Which verdicts fail a run, why a run failed, and every command's exit status, decided in one function."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planaudit.errors import EXIT_FAILED, EXIT_UNUSABLE
from planaudit.model.problems import errors

if TYPE_CHECKING:
    from planaudit.errors import PlanauditError
    from planaudit.model.problems import Problem
    from planaudit.model.result import Overview, Summary

EXIT_OK = 0


class Failing(enum.Enum):
    """What may fail a run."""

    MISSED = "missed"
    UNMEASURED = "unmeasured"
    INCONSISTENT = "inconsistent"


# A single word keeps the meaning it has always had: each fails on what the one before does, and more.
_LADDER = {"never": (), "missed": (Failing.MISSED,), "unmeasured": (Failing.MISSED, Failing.UNMEASURED),
           "inconsistent": tuple(Failing)}


@dataclass(frozen=True)
class FailOn:
    """What fails a run: ``--fail-on missed,inconsistent`` (any of missed, unmeasured and
    inconsistent, exactly those), a single word of the old ladder, or ``never``."""

    kinds: frozenset[Failing]

    @classmethod
    def parse(cls, text: str) -> FailOn:
        """The --fail-on (or planaudit.yaml ``fail_on``) of ``text``; ValueError when it is none."""
        words = [word.strip() for word in text.split(",")]
        if len(words) == 1 and words[0] in _LADDER:
            return cls(frozenset(_LADDER[words[0]]))
        known = {kind.value: kind for kind in Failing}
        if not all(word in known for word in words):
            raise ValueError(f"'{text}' is not a --fail-on: use never, or any of missed, unmeasured, inconsistent "
                             "joined by commas (missed,inconsistent)")
        return cls(frozenset(known[word] for word in words))

    @property
    def value(self) -> str:
        """Its words, in a fixed order: "missed,inconsistent", or "never"."""
        return ",".join(kind.value for kind in Failing if kind in self.kinds) or "never"


NEVER = FailOn(frozenset())
DEFAULT_FAIL_ON = FailOn.parse("missed")


def failed(summary: Summary, fail_on: FailOn) -> bool:
    """Whether the counts fail a run (a waived target never does)."""
    counts = {Failing.MISSED: summary.missed, Failing.UNMEASURED: summary.unmeasured,
              Failing.INCONSISTENT: summary.inconsistent}
    return any(counts[kind] for kind in fail_on.kinds)


def failure_text(overview: Overview, fail_on: FailOn) -> str:
    """Why a run failed, in one line: "failed: 2 missed (fuzhou/x, quzhou/y), 1 inconsistent figure
    — --fail-on missed,inconsistent"."""
    summary = overview.summary
    parts = []
    if Failing.MISSED in fail_on.kinds and summary.missed:
        parts.append(f"{summary.missed} missed ({_some(overview.missed)})")
    if Failing.UNMEASURED in fail_on.kinds and summary.unmeasured:
        parts.append(f"{summary.unmeasured} unmeasured ({_some(overview.unmeasured)})")
    if Failing.INCONSISTENT in fail_on.kinds and summary.inconsistent:
        parts.append(f"{summary.inconsistent} inconsistent figure{'s' if summary.inconsistent != 1 else ''}")
    return f"failed: {', '.join(parts)} — --fail-on {fail_on.value}"


_NAMED = 5  # targets named in the line that says why a run failed; the rest are counted


def _some(targets: Sequence[str]) -> str:
    shown = ", ".join(targets[:_NAMED])
    return shown + (f", and {len(targets) - _NAMED} more" if len(targets) > _NAMED else "")


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
