"""What fails a run (--fail-on), the line that says why one failed, and every command's exit
status, decided in one function."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planaudit.errors import EXIT_FAILED, EXIT_OK, EXIT_UNUSABLE
from planaudit.messages import Message, Param, joined, msg, pmsg

if TYPE_CHECKING:
    from planaudit.model.changes import DiffResult, ProgressChange, TargetChange
    from planaudit.model.result import Overview, Summary


def exit_status(*, unusable: bool = False, failed: bool = False) -> int:
    """Every command's exit status: 2 when it could not do what it was asked (bad usage, data that
    cannot be checked: every PlanauditError's ``exit_status``, an error among what `check` and
    `diff` read); 1 when it failed (its --fail-on, `validate`'s error or --strict warning,
    `coverage`'s quote not verbatim, a reader of standard output gone); else 0."""
    if unusable:
        return EXIT_UNUSABLE
    return EXIT_FAILED if failed else EXIT_OK


class Failing(enum.Enum):
    """What may fail a `planaudit check`."""

    MISSED = "missed"
    UNMEASURED = "unmeasured"
    INCONSISTENT = "inconsistent"


class ChangeFailing(enum.Enum):
    """What may fail a `planaudit diff`."""

    WORSE = "worse"  # a verdict got worse on the same target
    INCONSISTENT = "inconsistent"  # an inconsistent figure appeared
    LOOSENED = "loosened"  # a target asks less than it did
    REDEFINED = "redefined"  # a target's definition changed in any way (loosened and tightened too)
    REMOVED = "removed"  # a target went (its file deleted, or moved to another year)
    NEW_PROBLEMS = "new-problems"  # an error or warning the base does not have


@dataclass(frozen=True)
class FailOn:
    """What fails a run: ``--fail-on missed,inconsistent`` (any of missed, unmeasured and
    inconsistent, exactly those: a single word means that word alone), or ``never``; for `diff`,
    any of worse, inconsistent, loosened, redefined, removed and new-problems, or never."""

    kinds: frozenset[enum.Enum]

    @classmethod
    def parse(cls, text: str, choices: type[enum.Enum] = Failing) -> FailOn:
        """The --fail-on (or planaudit.yaml ``fail_on``) of ``text``; ValueError when it is none."""
        if text.strip() == "never":
            return cls(frozenset())
        words = [word.strip() for word in text.split(",")]
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

    def fails(self, summary: Summary) -> bool:
        """Whether a `check` whose counts are ``summary`` fails (a waived target never does; one done
        in part fails as a missed one does: it is not met)."""
        counts = {Failing.MISSED: summary.missed + summary.partly, Failing.UNMEASURED: summary.unmeasured,
                  Failing.INCONSISTENT: summary.inconsistent}
        return any(count for kind, count in counts.items() if kind in self.kinds)

    def fails_diff(self, result: DiffResult) -> bool:
        """Whether a `diff` fails: as asked, a verdict got worse, an inconsistent figure appeared, a
        target was loosened, redefined (or a metric, rule, scope or setting it is judged by) or removed, a problem came."""
        return any(self.failing_changes(result).values())

    def failing_changes(self, result: DiffResult) -> dict[ChangeFailing, Sequence[object]]:
        """What of the change fails the run, by the --fail-on word it fails under (each asked for)."""
        from planaudit.model.changes import Change  # here, not above: `check`'s start-up never needs the model

        found: dict[ChangeFailing, Sequence[object]] = {
            ChangeFailing.REMOVED: [*result.removed, *(item for item in result.progress if item.change is Change.REMOVED)],
            ChangeFailing.LOOSENED: [item for item in result.targets if item.change is Change.LOOSENED],
            ChangeFailing.REDEFINED: [*result.redefined, *(item for item in result.progress if item.change is Change.REDEFINED),
                                      *(item for item in result.definitions if item.judging)],
            ChangeFailing.WORSE: [*result.worse, *result.progress_worse],
            ChangeFailing.INCONSISTENT: result.new_unacknowledged,
            ChangeFailing.NEW_PROBLEMS: result.introduced,
        }
        return {kind: items for kind, items in found.items() if kind in self.kinds}


NEVER = FailOn(frozenset())
DEFAULT_FAIL_ON = FailOn.parse("missed")


def changes_fail_on(text: str) -> FailOn:
    """`planaudit diff`'s --fail-on: never, or any of worse, inconsistent, loosened, redefined, removed and new-problems."""
    return FailOn.parse(text, ChangeFailing)


def failure_text(overview: Overview, fail_on: FailOn) -> Message:
    """Why a run failed, in one line: "failed: 2 missed (fuzhou/x, quzhou/y), 1 inconsistent figure
    — --fail-on missed,inconsistent"."""
    summary = overview.summary
    parts = []
    if Failing.MISSED in fail_on.kinds and summary.missed:
        parts.append(msg("{count} missed ({named})", count=summary.missed, named=_some(overview.missed)))
    if Failing.MISSED in fail_on.kinds and summary.partly:
        parts.append(msg("{count} partly done ({named})", count=summary.partly, named=_some(overview.partly)))
    if Failing.UNMEASURED in fail_on.kinds and summary.unmeasured:
        parts.append(msg("{count} unmeasured ({named})", count=summary.unmeasured, named=_some(overview.unmeasured)))
    if Failing.INCONSISTENT in fail_on.kinds and summary.inconsistent:
        count = summary.inconsistent
        parts.append(msg("{count} inconsistent figure", count=count) if count == 1
                     else msg("{count} inconsistent figures", count=count))
    return _failed(parts, fail_on)


def changes_failure_text(result: DiffResult, fail_on: FailOn) -> Message:
    """"failed: 1 target removed (2022 quzhou/x), 1 verdict worse (2022 fuzhou/x), 1 new inconsistent
    figure — --fail-on worse,inconsistent,removed"."""
    from planaudit.model.changes import Change, DefinitionChange, ProgressChange, TargetChange  # as in failing_changes

    parts = []
    failing = fail_on.failing_changes(result)
    for kind, items in failing.items():
        targets = [item for item in items if isinstance(item, (TargetChange, ProgressChange))]
        if kind in (ChangeFailing.WORSE, ChangeFailing.INCONSISTENT) or not targets:
            continue
        named = _some([_named(item) for item in targets])
        count = len(targets)
        if kind is ChangeFailing.REMOVED:
            parts.append(msg("{count} target removed ({named})", count=count, named=named) if count == 1
                         else msg("{count} targets removed ({named})", count=count, named=named))
        elif kind is ChangeFailing.LOOSENED:
            parts.append(msg("{count} target loosened ({named})", count=count, named=named) if count == 1
                         else msg("{count} targets loosened ({named})", count=count, named=named))
        else:
            parts.append(msg("{count} target redefined ({named})", count=count, named=named) if count == 1
                         else msg("{count} targets redefined ({named})", count=count, named=named))
    definitions = [item for item in failing.get(ChangeFailing.REDEFINED, ()) if isinstance(item, DefinitionChange)]
    if definitions:
        named = _some([f"{item.kind} {item.name}" for item in definitions])
        parts.append(msg("{count} definition of rules/ or planaudit.yaml changed ({named})", count=1, named=named)
                     if len(definitions) == 1 else
                     msg("{count} definitions of rules/ or planaudit.yaml changed ({named})", count=len(definitions),
                         named=named))
    if ChangeFailing.WORSE in fail_on.kinds and result.worse:
        worse = result.worse
        named = _some([f"{item.year} {item.jurisdiction}/{item.target.id}" for item in worse])
        parts.append(msg("{count} verdict worse ({named})", count=1, named=named) if len(worse) == 1
                     else msg("{count} verdicts worse ({named})", count=len(worse), named=named))
    if ChangeFailing.WORSE in fail_on.kinds and result.progress_worse:
        worse_progress = result.progress_worse
        named = _some([_named(item) for item in worse_progress])
        parts.append(msg("{count} status of a period target worse ({named})", count=1, named=named)
                     if len(worse_progress) == 1 else
                     msg("{count} statuses of period targets worse ({named})", count=len(worse_progress), named=named))
    if ChangeFailing.INCONSISTENT in fail_on.kinds and result.new_unacknowledged:
        count = sum(item.change is Change.ADDED for item in result.new_unacknowledged)
        if count:
            parts.append(msg("{count} new inconsistent figure", count=count) if count == 1
                         else msg("{count} new inconsistent figures", count=count))
        count = sum(item.change is Change.WORSE for item in result.new_unacknowledged)
        if count:
            parts.append(msg("{count} inconsistent figure worse", count=count) if count == 1
                         else msg("{count} inconsistent figures worse", count=count))
    if ChangeFailing.NEW_PROBLEMS in fail_on.kinds and result.introduced:
        new = result.introduced
        named = _some([f"{problem.path}:{problem.line} {problem.code.value}" for problem in new])
        parts.append(msg("{count} new problem ({named})", count=1, named=named) if len(new) == 1
                     else msg("{count} new problems ({named})", count=len(new), named=named))
    return _failed(parts, fail_on)


def _named(item: TargetChange | ProgressChange) -> str:
    """"2022 fuzhou/x", or a period target's "2021-2025 fuzhou/x"."""
    from planaudit.model.changes import ProgressChange  # as in failing_changes

    when = item.period if isinstance(item, ProgressChange) else item.year
    return f"{when} {item.jurisdiction}/{item.target.id}"


def _failed(parts: list[Message], fail_on: FailOn) -> Message:
    return msg("failed: {reasons} — --fail-on {fail_on}", reasons=joined(parts, _BETWEEN), fail_on=fail_on.value)


_BETWEEN = pmsg("between the reasons a run failed", ", ")


_NAMED = 5  # targets named in the line that says why a run failed; the rest are counted


def _some(targets: Sequence[str]) -> Param:
    shown = ", ".join(targets[:_NAMED])
    if len(targets) <= _NAMED:
        return shown
    return msg("{named}, and {count} more", named=shown, count=len(targets) - _NAMED)
