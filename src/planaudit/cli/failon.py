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
    from planaudit.model.changes import DiffResult
    from planaudit.model.coverage import CoverageResult
    from planaudit.model.problems import Problem
    from planaudit.model.result import Overview, Summary

EXIT_OK = 0


class Failing(enum.Enum):
    """What may fail a run."""

    MISSED = "missed"
    UNMEASURED = "unmeasured"
    INCONSISTENT = "inconsistent"


class ChangeFailing(enum.Enum):
    """What may fail a `planaudit diff`."""

    WORSE = "worse"  # a verdict got worse
    INCONSISTENT = "inconsistent"  # an inconsistent figure appeared


# A single word keeps the meaning it has always had: each fails on what the one before does, and more.
_LADDER: dict[str, tuple[enum.Enum, ...]] = {
    "never": (), "missed": (Failing.MISSED,), "unmeasured": (Failing.MISSED, Failing.UNMEASURED),
    "inconsistent": tuple(Failing)}


@dataclass(frozen=True)
class FailOn:
    """What fails a run: ``--fail-on missed,inconsistent`` (any of missed, unmeasured and
    inconsistent, exactly those), a single word of the old ladder, or ``never``; for `diff`, any
    of worse and inconsistent, or never."""

    kinds: frozenset[enum.Enum]

    @classmethod
    def parse(cls, text: str, choices: type[enum.Enum] = Failing,
              ladder: dict[str, tuple[enum.Enum, ...]] = _LADDER) -> FailOn:
        """The --fail-on (or planaudit.yaml ``fail_on``) of ``text``; ValueError when it is none."""
        words = [word.strip() for word in text.split(",")]
        if len(words) == 1 and words[0] in ladder:
            return cls(frozenset(ladder[words[0]]))
        known = {kind.value: kind for kind in choices}
        if not all(word in known for word in words):
            names = list(known)
            raise ValueError(f"'{text}' is not a --fail-on: use never, or any of {', '.join(names)} joined by commas "
                             f"({names[0]},{names[-1]})")
        return cls(frozenset(known[word] for word in words))

    @property
    def value(self) -> str:
        """Its words, in the order of their enum: "missed,inconsistent", or "never"."""
        ordered = sorted(self.kinds, key=lambda kind: list(type(kind).__members__.values()).index(kind))
        return ",".join(kind.value for kind in ordered) or "never"


NEVER = FailOn(frozenset())
DEFAULT_FAIL_ON = FailOn.parse("missed")


def changes_fail_on(text: str) -> FailOn:
    """`planaudit diff`'s --fail-on: never, or any of worse and inconsistent."""
    return FailOn.parse(text, ChangeFailing, {"never": ()})


def changes_failed(result: DiffResult, fail_on: FailOn) -> bool:
    """Whether a comparison fails its run: a verdict got worse, or an inconsistent figure appeared."""
    return bool((ChangeFailing.WORSE in fail_on.kinds and result.worse)
                or (ChangeFailing.INCONSISTENT in fail_on.kinds and result.new_inconsistencies))


def changes_failure_text(result: DiffResult, fail_on: FailOn) -> str:
    """"failed: 1 verdict worse (2022 fuzhou/x), 1 new inconsistent figure — --fail-on worse,inconsistent"."""
    parts = []
    if ChangeFailing.WORSE in fail_on.kinds and result.worse:
        worse = result.worse
        named = [f"{item.year} {item.jurisdiction}/{item.target.id}" for item in worse]
        parts.append(f"{len(worse)} verdict{'s' if len(worse) != 1 else ''} worse ({_some(named)})")
    if ChangeFailing.INCONSISTENT in fail_on.kinds and result.new_inconsistencies:
        count = len(result.new_inconsistencies)
        parts.append(f"{count} new inconsistent figure{'s' if count != 1 else ''}")
    return f"failed: {', '.join(parts)} — --fail-on {fail_on.value}"


def failed(summary: Summary, fail_on: FailOn) -> bool:
    """Whether the counts fail a run (a waived target never does)."""
    counts = {Failing.MISSED: summary.missed, Failing.UNMEASURED: summary.unmeasured,
              Failing.INCONSISTENT: summary.inconsistent}
    return any(count for kind, count in counts.items() if kind in fail_on.kinds)


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
                usage: bool = False, reader_gone: bool = False, changes: DiffResult | None = None,
                coverage: CoverageResult | None = None) -> int:
    """The exit status of every command: 2 for bad usage or data that cannot be checked (``usage``,
    an ``error``), and for `check` and `diff` whose ``problems`` include an error; 1 when verdicts
    (or, for `diff`, the ``changes``) fail ``fail_on``, `validate` found an error (or, ``strict``, a
    warning) among ``problems``, `coverage` found a quote the document does not hold, or the reader
    of standard output went away before the end (``reader_gone``); else 0."""
    judged = summary is not None or changes is not None
    if usage or error is not None:
        return EXIT_UNUSABLE
    if judged and errors(problems):
        return EXIT_UNUSABLE
    if not judged and (errors(problems) or (strict and problems)):
        return EXIT_FAILED
    if reader_gone or (summary is not None and failed(summary, fail_on)):
        return EXIT_FAILED
    if changes is not None and changes_failed(changes, fail_on):
        return EXIT_FAILED
    if coverage is not None and coverage.not_verbatim:
        return EXIT_FAILED
    return EXIT_OK
