"""Plans over several years (a five-year plan): what a period plan says, and what `progress` finds.

A period plan (targets/<first>-<last>/<jurisdiction>.yaml) fixes, for each target, a base value, an
end value and the year it is due; its yearly figures are the outcome files that exist for each year.
Each year gets a status (:class:`Status`) from the latest figure at or before it; the statuses of
the years, kept as they were, are the target's history.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from planaudit.exact.numbers import Interval
from planaudit.model.data import (
    YEAR_END,
    Document,
    Figure,
    Location,
    Period,
    Provenance,
    SourceDocument,
    Strength,
    Threshold,
    Tolerance,
)
from planaudit.model.result import TargetResult


class PeriodKind(enum.Enum):
    """How a period target is measured."""

    REACH = "reach"  # 达到 X by the last year: a level, on a straight path from the base
    MAINTAIN = "maintain"  # 保持在 X 以上 / 控制在 X 以内: every year
    CUMULATIVE = "cumulative"  # 〔x〕: a change over the period, chained from yearly rates, on a compound path
    AVERAGE_GROWTH = "average_growth"  # 年均增长 ≥ g: chained from yearly rates, on a compound path
    INCREASE_BY = "increase_by"  # 再提高 δ: reach base + δ
    RELATIVE = "relative"  # 与…同步, 高于…: against another figure, every year
    MILESTONES = "milestones"  # 各年度视情提出: only yearly milestones

    @property
    def chained(self) -> bool:
        """Is it measured on yearly rates chained from the base year (a compound path)?"""
        return self in (PeriodKind.CUMULATIVE, PeriodKind.AVERAGE_GROWTH)

    @property
    def every_year(self) -> bool:
        """Is it to be held every year (held or breached before its year)?"""
        return self in (PeriodKind.MAINTAIN, PeriodKind.RELATIVE)


class Direction(enum.Enum):
    UP = "up"  # more is better
    DOWN = "down"  # less is better: a reduction, a ceiling


class Attribute(enum.Enum):
    BINDING = "binding"  # 约束性
    EXPECTED = "expected"  # 预期性


@dataclass(frozen=True, slots=True, kw_only=True)
class Quoted:
    """A value a document states for a year: a base, its revision, a milestone."""

    value: Decimal
    year: int
    quote: str
    document: Document | None = None
    at: str | None = None
    basis: str | None = None  # nominal or real (None: unstated)


@dataclass(frozen=True, slots=True, kw_only=True)
class Base:
    """Where a target starts: its value in the base year, as the plan states it, and as a later
    document revised it (progress is measured from the revision; both are shown)."""

    first: Quoted
    revised: Quoted | None = None

    @property
    def used(self) -> Quoted:
        return self.revised or self.first


@dataclass(frozen=True, slots=True, kw_only=True)
class Milestone:
    """A yearly step toward a target, judged with the annual rules (its rule, else the target's)."""

    stated: Quoted
    rule: str | None = None
    tolerance: Tolerance | None = None

    @property
    def year(self) -> int:
        return self.stated.year


_SAID_ONLY = frozenset({"jurisdiction", "first", "last", "id", "title", "provenance", "attribute", "strength"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodTarget:
    """One target of a period plan."""

    jurisdiction: str
    first: int  # the period's first and last year
    last: int
    id: str
    title: str
    metric: str
    kind: PeriodKind
    direction: Direction
    rule: str  # how the due year's figure is held to the value (given, or from the direction)
    provenance: Provenance
    value: Threshold
    due: int  # the year it is due: its `year:`, else the period's last
    attribute: Attribute | None = None
    base: Base | None = None
    milestones: tuple[Milestone, ...] = ()
    scope: str | None = None
    basis: str | None = None
    tolerance: Tolerance | None = None
    strength: Strength = Strength.FIRM
    each_year: Period = YEAR_END  # what of each year a target held every year is judged on (over: year, aggregate: mean)

    @property
    def location(self) -> Location:
        return self.provenance.location

    def definition(self) -> dict[str, object]:
        """What it is judged by, field by field: its words quoted, and every field but those it only
        says (its title, attribute and strength) and where it stands."""
        return {"quote": self.provenance.quote,
                **{field.name: getattr(self, field.name) for field in dataclasses.fields(self) if field.name not in _SAID_ONLY}}

    def said(self) -> tuple[object, ...]:
        """What it only says: its title, attribute and strength, and what its words cite."""
        return self.title, self.attribute, self.strength, self.provenance.cited()

    def milestone(self, year: int) -> Milestone | None:
        return next((milestone for milestone in self.milestones if milestone.year == year), None)


@dataclass(frozen=True, slots=True)
class PeriodPlan:
    """One period plan file: targets/<first>-<last>/<jurisdiction>.yaml."""

    path: str
    jurisdiction: str
    name: str
    first: int
    last: int
    document: SourceDocument
    targets: tuple[PeriodTarget, ...]


class Status(enum.Enum):
    """A period target's status in one year."""

    ACHIEVED_EARLY = "achieved_early"  # before its year, the end value already met (and not met at the base)
    AHEAD = "ahead"  # the share of the distance covered beyond the share of time elapsed, by more than the band
    ON_TRACK = "on_track"  # within the band of it
    BEHIND = "behind"  # short of it by more than the band
    REGRESSING = "regressing"  # further from the end value than at the base
    HELD = "held"  # a target for every year (or already met at the base): met every year measured so far
    BREACHED = "breached"  # not met in a year measured so far
    MET = "met"  # at and after its year: the due year's figure meets it
    MISSED = "missed"
    UNMEASURED = "unmeasured"


class Why(enum.Enum):
    """Why a year is unmeasured — beside the annual reasons, which a year's judgement carries."""

    NO_FIGURE = "no_figure"  # no figure since the base
    NO_BASE = "no_base"  # the plan gives no base value, which the share of the distance needs
    BASIS_CHANGED = "basis_changed"  # the figure's basis (constant or current prices) is not the base's
    CHAIN_BROKEN = "chain_broken"  # a year's rate is missing from the chain since the base
    IMPRECISE = "imprecise"  # the figure is a range whose ends give different statuses
    NO_MILESTONE = "no_milestone"  # a target of milestones only, with none for the year
    NO_DISTANCE = "no_distance"  # the end value is the base's, and not yet met: no share of a distance to cover
    ANNUAL = "annual"  # the annual judgement found it unmeasured: its own reason says why


@dataclass(frozen=True, slots=True, kw_only=True)
class YearStatus:
    """A target's status in one year, with what it rests on: the year of the figure (``data_year``:
    the latest at or before ``year``), the share of the distance covered (``covered``), the share
    expected by then (``expected``: of the time elapsed, on a compound path for chained targets, or
    the milestone's), the gap to the end value in the target's unit, and what is needed each
    remaining year. ``judged`` is the annual judgement of the end value (or the year's milestone,
    or the year's level) on that figure, with every annual reason."""

    year: int
    status: Status
    data_year: int | None = None
    value: Interval | None = None  # the figure (chained targets: the change since the base, in percent)
    covered: Interval | None = None
    expected: Fraction | None = None  # exact where it is rational
    expected_shown: Decimal | None = None  # the compound path's share, computed to 28 digits (its root is irrational)
    gap: Interval | None = None
    needed: Interval | None = None  # per remaining year: the level's step, or the yearly rate
    why: Why | None = None
    judged: TargetResult | None = None  # the annual judgement this status rests on
    milestone: TargetResult | None = None  # the year's milestone judged, where there is one
    breaches: tuple[int, ...] = ()  # held/breached: the years measured in which it was not met
    evidence: tuple[Figure, ...] = ()  # the figures it rests on: the judgement's, or a chained target's yearly rates
    revisions: tuple[Figure, ...] = ()  # later reports' values for the years it rests on: listed, never rewriting it


class Event(enum.Enum):
    """What the history of a target's statuses shows."""

    FIRST_ACHIEVED = "first_achieved"
    LOST = "lost"  # achieved, then no longer
    REGAINED = "regained"
    BREACHED = "breached"


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetProgress:
    target: PeriodTarget
    years: tuple[YearStatus, ...]  # from the first year of the period to the year asked, in order
    events: tuple[tuple[int, Event], ...] = ()
    unit: str = ""  # its metric's unit, in which its values are shown
    symbol: str = ""  # how its rule compares: "≥"
    base_value: Fraction | None = None  # b, in the metric's unit (its revision, where there is one)
    end_value: Fraction | None = None  # T, in the metric's unit (b + δ for an increase)
    end_factor: Fraction | None = None  # F*, for a chained target: what its yearly rates must chain to
    base_year: int = 0  # t₀: the base's year, else the year before the period

    @property
    def latest(self) -> YearStatus | None:
        return self.years[-1] if self.years else None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressResult:
    """`planaudit progress` of one period, as of a year."""

    first: int
    last: int
    as_of: int
    band: Fraction
    names: dict[str, str]  # jurisdiction slug → name
    targets: tuple[TargetProgress, ...]

    @property
    def period(self) -> str:
        return f"{self.first}-{self.last}"

    def rollup(self) -> list[tuple[Status, int]]:
        """How many targets have each status as of the year asked, in the order of :class:`Status` (never a score)."""
        counts = {status: 0 for status in Status}
        for item in self.targets:
            latest = item.latest
            counts[latest.status if latest is not None else Status.UNMEASURED] += 1
        return [(status, count) for status, count in counts.items() if count]
