"""What `planaudit diff` finds between two revisions of a data repository: targets whose verdict
changed, or that came or went; figures whose value or quote changed; inconsistent figures that
appeared or went away. Diff reporters see only these objects."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TypeVar

from planaudit.model.data import PERCENT, RATIO, Figure, Location, Target
from planaudit.model.period import PeriodTarget, Status, TargetProgress, YearStatus
from planaudit.model.problems import Problem
from planaudit.model.result import Inconsistency, TargetResult, Verdict


class Change(enum.Enum):
    """How one thing differs from the base to the head, most telling first."""

    WORSE = "worse"  # the verdict went down (met → unmeasured → missed) on the same target: its evidence changed
    BETTER = "better"
    ADDED = "added"
    REMOVED = "removed"
    REVISED = "revised"  # the same verdict, but its reason or its evidence changed (or a target's title, section…)
    LOOSENED = "loosened"  # the target asks less: ≥ 90% → ≥ 85%, > 1 → ≥ 1, a later deadline — whatever its verdict did
    TIGHTENED = "tightened"  # the target asks more
    REDEFINED = "redefined"  # the target's metric, rule, value, scope, period, basis, tolerance or quote changed otherwise
    MOVED = "moved"  # the same target (id and definition) now in another plan: a file moved to another year, a rename


REDEFINITIONS = frozenset({Change.LOOSENED, Change.TIGHTENED, Change.REDEFINED})  # a target's, not its evidence's


T = TypeVar("T")


def _either(before: T | None, after: T | None) -> T:
    """The head's side of a change, or the base's when the thing was removed."""
    found = after if after is not None else before
    assert found is not None, "a change has at least one side"
    return found


# How good a verdict is: a change to a lower one is worse. Done in part is known not met, so below
# unmeasured (which may yet be met), and above missed.
VERDICT_ORDER = {Verdict.MISSED: 0, Verdict.PARTLY: 1, Verdict.UNMEASURED: 2, Verdict.MET: 3}


@dataclass(frozen=True, slots=True)
class TargetChange:
    change: Change
    year: int
    jurisdiction: str
    name: str  # the jurisdiction's name
    before: TargetResult | None
    after: TargetResult | None
    moved_from: tuple[int, str] | None = None  # MOVED: the year and jurisdiction of the plan it was in

    @property
    def target(self) -> Target:
        """The target as the head has it (as the base had it, when it was removed)."""
        return _either(self.before, self.after).target


# How good a period target's status is: a change to a lower one is worse. Unmeasured stands between
# what is known to fall short and what is known to be on its way, as it does for verdicts.
STATUS_ORDER = {Status.MISSED: 0, Status.BREACHED: 0, Status.REGRESSING: 1, Status.BEHIND: 2, Status.UNMEASURED: 3,
                Status.ON_TRACK: 4, Status.AHEAD: 5, Status.HELD: 6, Status.ACHIEVED_EARLY: 6, Status.MET: 7}


@dataclass(frozen=True, slots=True)
class ProgressChange:
    """A period target whose status in some year differs between the revisions (WORSE, BETTER, or
    REVISED when neither is better), whose definition changed (REDEFINED), or that came or went."""

    change: Change
    period: str  # "2021-2025"
    jurisdiction: str
    name: str  # the jurisdiction's name
    before: TargetProgress | None
    after: TargetProgress | None
    years: tuple[int, ...] = ()  # the years whose status differs, in order

    @property
    def target(self) -> PeriodTarget:
        """The target as the head has it (as the base had it, when it was removed)."""
        return _either(self.before, self.after).target

    def status(self, side: TargetProgress | None, year: int) -> YearStatus | None:
        """``side``'s status in ``year``, when it judged that year."""
        return None if side is None else next((each for each in side.years if each.year == year), None)


@dataclass(frozen=True, slots=True)
class FigureChange:
    change: Change  # ADDED, REMOVED or REVISED
    year: int
    jurisdiction: str
    before: Figure | None
    after: Figure | None

    @property
    def figure(self) -> Figure:
        """The figure as the head has it (as the base had it, when it was removed)."""
        return _either(self.before, self.after)


@dataclass(frozen=True, slots=True)
class InconsistencyChange:
    change: Change  # ADDED (appeared), REMOVED (went away), WORSE or BETTER (its gap grew, or shrank), REVISED
    year: int
    jurisdiction: str
    before: Inconsistency | None
    after: Inconsistency | None

    @property
    def metric(self) -> str:
        return _either(self.before, self.after).metric.id


@dataclass(frozen=True, slots=True)
class DefinitionChange:
    """A metric, custom rule or scope of rules/, or a setting of planaudit.yaml, that came, went or
    changed: what every target that uses it is judged by."""

    change: Change  # ADDED, REMOVED or REDEFINED
    kind: str  # "metric", "rule", "scope" or "setting"
    name: str  # its id; a setting's key
    fields: tuple[tuple[str, str, str], ...]  # each field changed: (name, as it was, as it is); "" where absent
    location: Location | None  # its line at the head (at the base, where it went); a setting's, none
    touches: int  # the targets compared that use it (every one, for a setting)

    @property
    def rescales(self) -> bool:
        """A unit changed between percent and ratio: every value written on it now reads 100× apart."""
        return any(name == "unit" and {was, now} == {PERCENT, RATIO} for name, was, now in self.fields)

    @property
    def judging(self) -> bool:
        """Whether it changes what targets ask (a label alone does not)."""
        return any(name != "label" for name, _, _ in self.fields) or self.change is not Change.REDEFINED


@dataclass(frozen=True, slots=True)
class NotCompared:
    """A jurisdiction whose files have an error at one side: its verdicts there are unknown."""

    year: int
    jurisdiction: str
    side: str  # "base" or "head"
    fixed: bool = False  # the base's files have errors and the head's none: the change fixes them
    period: str | None = None  # a period plan's period ("2021-2025"), where its progress was not compared

    @property
    def when(self) -> str:
        return self.period or str(self.year)


@dataclass(frozen=True, slots=True)
class DiffResult:
    base: str  # the base revision, as shown: "main (3f2c1a9)"
    head: str  # the head revision, or "working tree"
    targets: tuple[TargetChange, ...]
    figures: tuple[FigureChange, ...]
    inconsistencies: tuple[InconsistencyChange, ...]
    not_compared: tuple[NotCompared, ...] = ()
    problems: tuple[Problem, ...] = ()  # every problem of the head's files compared (errors kept them from being compared)
    introduced: tuple[Problem, ...] = ()  # those of them the base does not have (check/introduced.py)
    definitions: tuple[DefinitionChange, ...] = ()  # rules/ and planaudit.yaml changes, said before the targets
    progress: tuple[ProgressChange, ...] = ()  # period targets whose status or definition changed

    def count(self, change: Change) -> int:
        return sum(item.change is change for item in self.targets)

    @property
    def worse(self) -> tuple[TargetChange, ...]:
        return tuple(item for item in self.targets if item.change is Change.WORSE)

    @property
    def progress_worse(self) -> tuple[ProgressChange, ...]:
        return tuple(item for item in self.progress if item.change is Change.WORSE)

    @property
    def redefined(self) -> tuple[TargetChange, ...]:
        """The targets whose definition changed: loosened, tightened or otherwise redefined."""
        return tuple(item for item in self.targets if item.change in REDEFINITIONS)

    @property
    def removed(self) -> tuple[TargetChange, ...]:
        return tuple(item for item in self.targets if item.change is Change.REMOVED)

    @property
    def new_inconsistencies(self) -> tuple[InconsistencyChange, ...]:
        """The inconsistent figures that appeared (an acknowledged one among them: it is listed)."""
        return tuple(item for item in self.inconsistencies if item.change is Change.ADDED)

    @property
    def new_unacknowledged(self) -> tuple[InconsistencyChange, ...]:
        """The inconsistent figures that appeared, or got worse, and that the data does not
        acknowledge: what fails --fail-on inconsistent."""
        return tuple(item for item in self.inconsistencies if item.change in (Change.ADDED, Change.WORSE)
                     and item.after is not None and not item.after.acknowledged)

    @property
    def empty(self) -> bool:
        return not (self.targets or self.figures or self.inconsistencies or self.not_compared or self.introduced
                    or self.definitions or self.progress)
