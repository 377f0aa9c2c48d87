"""Progress: a period target's status in each year, from the latest figure at or before it
(docs/verdicts.md, "Progress over a period").

Every comparison with a value is an annual judgement (:class:`planaudit.judge.verdicts.YearJudge`, as `check`'s)
of a target made for the year — the end value, a milestone, the level held — so a year's figure is
found, derived, bounded and refused exactly as `check` does, with the same reasons. What progress
adds is arithmetic on exact fractions: the share of the distance covered, p = (y − base) / (end −
base), against the share expected, e — of the time elapsed on a straight path for levels, on the
compound path for chained rates, or the year's milestone's. The compound path's share is a root,
irrational in general: whether p stands above or below it is decided exactly, by raising both
sides to the period's power; only the share shown is computed to 28 digits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal, localcontext
from fractions import Fraction

from planaudit.exact.numbers import Interval, Truth, to_fraction
from planaudit.judge.resolve import Resolver
from planaudit.judge.rules import Rule
from planaudit.judge.units import convert, written_unit
from planaudit.judge.verdicts import YearJudge
from planaudit.model.data import NO_TOLERANCE, Figure, Metric, Plan, Repository, Target, Threshold, Tolerance
from planaudit.model.period import (
    Direction,
    Event,
    Milestone,
    PeriodKind,
    PeriodPlan,
    PeriodTarget,
    Status,
    TargetProgress,
    Why,
    YearStatus,
)
from planaudit.model.result import Detail, Missing, Reason, Resolved, TargetResult, Verdict

DEFAULT_BAND = Fraction(1, 10)
_ACHIEVED = frozenset({Status.ACHIEVED_EARLY, Status.MET})


def progress_of(plan: PeriodPlan, repository: Repository, rules: Mapping[str, Rule], as_of: int,
                band: Fraction = DEFAULT_BAND) -> tuple[TargetProgress, ...]:
    """Every target of the plan, year by year from the period's first year to ``as_of``."""
    judge = _Progress(plan, repository, rules, band)
    return tuple(judge.target(target, as_of) for target in plan.targets)


class _Progress:
    def __init__(self, plan: PeriodPlan, repository: Repository, rules: Mapping[str, Rule], band: Fraction) -> None:
        self.plan = plan
        self.repository = repository
        self.rules = rules
        self.band = band
        self.resolver = Resolver(repository.catalogue, repository.reports.values(), repository.settings.approx_share)
        self.judges: dict[int, YearJudge] = {}  # each year's annual judging, its reports read once for all the targets

    def target(self, target: PeriodTarget, as_of: int) -> TargetProgress:
        years = tuple(self.status(target, year) for year in range(target.first, as_of + 1))
        start = self.base_year(target)
        chained = target.kind.chained and target.value.number is not None
        return TargetProgress(target=target, years=years, events=history(years), unit=self.metric(target).unit,
                              symbol=self.rules[target.rule].symbol, base_value=self.base_value(target),
                              end_value=self.end_value(target), base_year=start,
                              end_factor=self.end_factor(target, target.due - start) if chained else None)

    def status(self, target: PeriodTarget, year: int) -> YearStatus:
        """The target's status in ``year``: judged on its due year's figure from then on; with the
        later reports' values for the years it rests on, listed beside it, never rewriting it."""
        if year >= target.due:
            found = self.at_due(target, year)
        else:
            before: dict[PeriodKind, Callable[[PeriodTarget, int], YearStatus]] = {
                PeriodKind.REACH: self.on_path, PeriodKind.INCREASE_BY: self.on_path,
                PeriodKind.MAINTAIN: self.every_year, PeriodKind.RELATIVE: self.every_year,
                PeriodKind.CUMULATIVE: self.chained, PeriodKind.AVERAGE_GROWTH: self.chained,
                PeriodKind.MILESTONES: self.milestone_only,
            }
            found = before[target.kind](target, year)
        if found.data_year is None:
            return found
        years = range(self.base_year(target) + 1, found.data_year + 1) if target.kind.chained else [found.data_year]
        return dataclasses.replace(found, revisions=tuple(figure for each in years for figure in self.revisions(target, each)))

    def revisions(self, target: PeriodTarget, year: int) -> list[Figure]:
        """The values later reports give for ``year`` (a figure of a later year's file dated in it:
        2022's communiqué revising 2021's growth), in the order of their reports."""
        return [figure for (report_year, slug), report in sorted(self.repository.reports.items())
                if slug == target.jurisdiction and report_year > year for figure in report.figures
                if figure.metric == target.metric and figure.scope == target.scope and figure.span.as_of.year == year
                and not figure.projected]

    # At and after the due year: met, missed or unmeasured on the due year's figure.

    def at_due(self, target: PeriodTarget, year: int) -> YearStatus:
        due = target.due
        if target.kind.chained:
            return self.chained(target, year, due)
        if target.kind is PeriodKind.MILESTONES and target.value.number is None:
            milestone = target.milestone(due)
            if milestone is None:
                return YearStatus(year=year, status=Status.UNMEASURED, why=Why.NO_MILESTONE)
            judged = self.judge_milestone(target, milestone)
            return self.verdict_status(year, due, judged, milestone=judged)
        end = self.end_value(target)  # None for a relative target: its value is the other figure of the year
        if end is None and target.kind is not PeriodKind.RELATIVE:
            return YearStatus(year=year, status=Status.UNMEASURED, why=Why.NO_BASE)
        judged = self.judge(target, due, end)
        status = self.verdict_status(year, due, judged)
        if target.kind.every_year:
            status = dataclasses.replace(status, breaches=self.breaches(target, due))
        return status

    def verdict_status(self, year: int, due: int, judged: TargetResult, milestone: TargetResult | None = None
                       ) -> YearStatus:
        verdicts = {Verdict.MET: Status.MET, Verdict.MISSED: Status.MISSED, Verdict.PARTLY: Status.MISSED}
        status = verdicts.get(judged.verdict, Status.UNMEASURED)
        value = _value(judged.actual)
        return YearStatus(year=year, status=status, data_year=due if judged.actual is not None else None, value=value,
                          why=Why.ANNUAL if status is Status.UNMEASURED else None, judged=judged, milestone=milestone)

    # Before the due year.

    def on_path(self, target: PeriodTarget, year: int) -> YearStatus:
        """A level toward an end value (reach, increase by): achieved early, ahead, on track, behind
        or regressing, on the latest figure at or before ``year``."""
        found = self.latest_level(target, year)
        if found is None:
            return YearStatus(year=year, status=Status.UNMEASURED, why=Why.NO_FIGURE)
        data_year, actual = found
        base, end = self.base_value(target), self.end_value(target)
        if base is None or end is None:
            return YearStatus(year=year, status=Status.UNMEASURED, data_year=data_year, value=_value(actual),
                              why=Why.NO_BASE)
        judged = self.judge(target, data_year, end)
        shown: dict[str, object] = dict(year=year, data_year=data_year, value=_value(actual), judged=judged)
        if self.basis_changed(target, actual):
            return YearStatus(status=Status.UNMEASURED, why=Why.BASIS_CHANGED, **shown)  # type: ignore[arg-type]
        if self.met_at_base(target, base, end):
            return self.held_since_base(target, year, data_year, judged)
        assert isinstance(actual.value, Interval)
        gap = Interval.exact(end) - actual.value
        shown.update(gap=gap)
        if end != base:
            shown.update(covered=(actual.value - Interval.exact(base)) / Interval.exact(end - base))
        if judged.verdict is Verdict.MET:
            return YearStatus(status=Status.ACHIEVED_EARLY, **shown)  # type: ignore[arg-type]
        if end == base:
            return YearStatus(status=Status.UNMEASURED, why=Why.NO_DISTANCE, **shown)  # type: ignore[arg-type]
        covered = shown["covered"]
        assert isinstance(covered, Interval)
        shown.update(needed=gap / Interval.exact(Fraction(target.due - data_year)))
        milestone = target.milestone(data_year)
        milestone_judged = self.judge_milestone(target, milestone) if milestone is not None else None
        if milestone is not None:
            expected = (self.in_metric_unit(target, milestone.stated.value) - base) / (end - base)
        else:
            expected = Fraction(data_year - self.base_year(target), target.due - self.base_year(target))
        status, why = self.banded(covered, lambda p, k: _sign(p - expected - k))
        status = _with_milestone(status, milestone_judged)
        return YearStatus(status=status, why=why, expected=expected, milestone=milestone_judged,
                          **shown)  # type: ignore[arg-type]

    def every_year(self, target: PeriodTarget, year: int) -> YearStatus:
        """A level held every year (maintain), or a figure held against another (relative): held or
        breached, listing the years measured in which it was not met."""
        judged = [(each, self.judge(target, each, self.end_value(target))) for each in range(target.first, year + 1)]
        measured = [(each, result) for each, result in judged if result.verdict is not Verdict.UNMEASURED]
        if not measured:
            last = judged[-1][1]
            found = last.reason not in (Reason.NO_REPORT, Reason.NOT_REPORTED)
            return YearStatus(year=year, status=Status.UNMEASURED, why=Why.ANNUAL if found else Why.NO_FIGURE,
                              judged=last)
        breaches = tuple(each for each, result in measured if result.verdict is not Verdict.MET)
        data_year, latest = measured[-1]
        return YearStatus(year=year, status=Status.BREACHED if breaches else Status.HELD, data_year=data_year,
                          value=_value(latest.actual), judged=latest, breaches=breaches)

    def breaches(self, target: PeriodTarget, due: int) -> tuple[int, ...]:
        """The years before the due year measured and not met (a target for every year)."""
        end = self.end_value(target)
        return tuple(each for each in range(target.first, due)
                     if self.judge(target, each, end).verdict in (Verdict.MISSED, Verdict.PARTLY))

    def milestone_only(self, target: PeriodTarget, year: int) -> YearStatus:
        """A target of yearly milestones only (各年度视情提出): the year's milestone met is on track, missed behind."""
        milestone = target.milestone(year)
        if milestone is None:
            return YearStatus(year=year, status=Status.UNMEASURED, why=Why.NO_MILESTONE)
        judged = self.judge_milestone(target, milestone)
        statuses = {Verdict.MET: Status.ON_TRACK, Verdict.MISSED: Status.BEHIND, Verdict.PARTLY: Status.BEHIND}
        status = statuses.get(judged.verdict, Status.UNMEASURED)
        return YearStatus(year=year, status=status, data_year=year if judged.actual is not None else None,
                          value=_value(judged.actual), why=Why.ANNUAL if status is Status.UNMEASURED else None,
                          judged=judged, milestone=judged)

    def chained(self, target: PeriodTarget, year: int, due: int | None = None) -> YearStatus:
        """A change over the period chained from yearly rates (cumulative, average growth): its
        factor since the base year against the end factor, on the compound path; at the due year,
        met or missed by the target's rule on the change."""
        start = self.base_year(target)
        last = due if due is not None else year
        rates = [(each, self.level(target, each)) for each in range(start + 1, last + 1)]
        found = [each for each, rate in rates if isinstance(rate, Resolved)]
        if not found:
            return YearStatus(year=year, status=Status.UNMEASURED, why=Why.NO_FIGURE)
        data_year = found[-1] if due is None else last
        chain = [rate for each, rate in rates if each <= data_year]
        if not all(isinstance(rate, Resolved) for rate in chain):
            return YearStatus(year=year, status=Status.UNMEASURED, data_year=data_year, why=Why.CHAIN_BROKEN)
        if any(self.basis_changed(target, rate) for rate in chain if isinstance(rate, Resolved)):
            return YearStatus(year=year, status=Status.UNMEASURED, data_year=data_year, why=Why.BASIS_CHANGED)
        factor = Interval.exact(1)
        for rate in chain:
            assert isinstance(rate, Resolved)
            if not isinstance(rate.value, Interval):
                return YearStatus(year=year, status=Status.UNMEASURED, data_year=data_year, why=Why.NO_FIGURE)
            factor = factor * (Interval.exact(1) + rate.value / Interval.exact(100))
        change = (factor - Interval.exact(1)) * Interval.exact(100)
        evidence = tuple(figure for rate in chain if isinstance(rate, Resolved) for figure in rate.figures())
        periods = target.due - start
        end_factor = self.end_factor(target, periods)
        rule = self.rules[target.rule]
        met = rule.decide(change, Interval.exact((end_factor - 1) * 100), None)
        elapsed = data_year - start
        shown: dict[str, object] = dict(year=year, data_year=data_year, value=change, evidence=evidence)
        if end_factor != 1:
            shown.update(covered=(factor - Interval.exact(1)) / Interval.exact(end_factor - 1),
                         expected=_compound_exact(target, end_factor, elapsed, periods),
                         expected_shown=_compound_share(end_factor, elapsed, periods),
                         needed=_needed_rate(factor, end_factor, target.due - data_year))
        if due is not None or met is Truth.TRUE:
            if met is None or met is Truth.UNKNOWN:
                return YearStatus(status=Status.UNMEASURED, why=Why.IMPRECISE, **shown)  # type: ignore[arg-type]
            if due is None:
                return YearStatus(status=Status.ACHIEVED_EARLY, **shown)  # type: ignore[arg-type]
            return YearStatus(status=Status.MET if met is Truth.TRUE else Status.MISSED, **shown)  # type: ignore[arg-type]
        if end_factor == 1:
            return YearStatus(status=Status.UNMEASURED, why=Why.NO_DISTANCE, **shown)  # type: ignore[arg-type]
        status, why = self.banded(shown["covered"],  # type: ignore[arg-type]
                                  lambda p, k: _compound_sign(p, k, end_factor, elapsed, periods))
        return YearStatus(status=status, why=why, **shown)  # type: ignore[arg-type]

    # What the statuses rest on.

    def banded(self, covered: Interval, above: Callable[[Fraction, Fraction], int]) -> tuple[Status, Why | None]:
        """The status of a share covered against the share expected, ``above(p, k)`` being the sign
        of p − e − k: regressing below 0, ahead beyond e + band, behind short of e − band, else on
        track (a value exactly on the line is on track). A range whose ends give two statuses — a
        bound straddling a line — is unmeasured, imprecise; an open end is as far as it goes."""
        low = Status.REGRESSING if covered.lo is None else self.one_status(covered.lo, above)
        high = Status.AHEAD if covered.hi is None else self.one_status(covered.hi, above)
        if low is not high:
            return Status.UNMEASURED, Why.IMPRECISE
        return low, None

    def one_status(self, covered: Fraction, above: Callable[[Fraction, Fraction], int]) -> Status:
        if covered < 0:
            return Status.REGRESSING
        if above(covered, self.band) > 0:
            return Status.AHEAD
        if above(covered, -self.band) < 0:
            return Status.BEHIND
        return Status.ON_TRACK

    def held_since_base(self, target: PeriodTarget, year: int, data_year: int, judged: TargetResult) -> YearStatus:
        """A target its base already meets: never achieved early — held while its figures still meet it."""
        breaches = tuple(each for each in range(target.first, data_year + 1)
                         if self.judge(target, each, self.end_value(target)).verdict is Verdict.MISSED)
        return YearStatus(year=year, status=Status.BREACHED if breaches else Status.HELD, data_year=data_year,
                          value=_value(judged.actual), judged=judged, breaches=breaches)

    def met_at_base(self, target: PeriodTarget, base: Fraction, end: Fraction) -> bool:
        return self.rules[target.rule].decide(Interval.exact(base), Interval.exact(end), None) is Truth.TRUE

    def latest_level(self, target: PeriodTarget, year: int) -> tuple[int, Resolved] | None:
        """The latest figure of the target's metric at or before ``year``, since the base year."""
        for each in range(year, self.base_year(target), -1):
            found = self.level(target, each)
            if isinstance(found, Resolved) and isinstance(found.value, Interval):
                return each, found
        return None

    def level(self, target: PeriodTarget, year: int) -> Resolved | Missing:
        """The year's figure in the year's own report, dated in the year (a value it restates for an
        earlier year is no figure of this one)."""
        found = self.resolver.resolve((year, target.jurisdiction, target.metric, target.scope), dt.date(year, 12, 31))
        if isinstance(found, Resolved) and found.as_of.year != year:
            return Missing(Reason.NOT_REPORTED, Detail.of("no_figure", metric=target.metric))
        return found

    def basis_changed(self, target: PeriodTarget, found: Resolved) -> bool:
        """Is the figure of another basis (constant or current prices) than the target's, or its base's?"""
        wanted = target.basis or (target.base.used.basis if target.base is not None else None)
        measured = None if found.figure is None else found.figure.basis
        return wanted is not None and measured is not None and measured != wanted

    def base_year(self, target: PeriodTarget) -> int:
        return target.base.used.year if target.base is not None else target.first - 1

    def base_value(self, target: PeriodTarget) -> Fraction | None:
        return None if target.base is None else self.in_metric_unit(target, target.base.used.value)

    def end_value(self, target: PeriodTarget) -> Fraction | None:
        """The value the due year's figure is held to, in the metric's unit: base + δ for an
        increase; None for a relative target (its value is another figure) or an increase with no base."""
        number = target.value.number
        if number is None:
            return None
        if target.kind is PeriodKind.INCREASE_BY:
            base = self.base_value(target)
            return None if base is None else base + self.in_metric_unit(target, number)
        return self.in_metric_unit(target, number)

    def end_factor(self, target: PeriodTarget, periods: int) -> Fraction:
        """The factor the period's rates must chain to: 1 ± x% for a cumulative change, (1 ± g%)^n for an average growth."""
        number = target.value.number
        assert number is not None, "validate asks a chained target for its value"
        sign = 1 if target.direction is Direction.UP else -1
        step = 1 + sign * to_fraction(number) / 100
        return step ** periods if target.kind is PeriodKind.AVERAGE_GROWTH else step

    def in_metric_unit(self, target: PeriodTarget, number: Decimal) -> Fraction:
        metric = self.metric(target)
        return convert(number, written_unit(target.value.percent, target.value.unit, metric.unit), metric.unit)

    def metric(self, target: PeriodTarget) -> Metric:
        return self.repository.catalogue.metrics[target.metric]

    def judge(self, target: PeriodTarget, year: int, value: Fraction | None) -> TargetResult:
        """The annual judgement in ``year`` of the target's rule against ``value`` (the metric's
        unit), or, for a relative target, against the figure it names."""
        threshold = target.value if value is None else Threshold(number=_decimal(value))
        return self.annual(target, year, target.rule, threshold, target.tolerance or NO_TOLERANCE)

    def judge_milestone(self, target: PeriodTarget, milestone: Milestone) -> TargetResult:
        threshold = Threshold(number=_decimal(self.in_metric_unit(target, milestone.stated.value)))
        return self.annual(target, milestone.year, milestone.rule or target.rule, threshold,
                           milestone.tolerance or target.tolerance or NO_TOLERANCE)

    def annual(self, target: PeriodTarget, year: int, rule: str, value: Threshold, tolerance: Tolerance) -> TargetResult:
        """The target made a target of ``year``, judged as `check` judges one."""
        annual = Target(jurisdiction=target.jurisdiction, year=year, id=target.id, title=target.title, metric=target.metric,
                        rule=rule, provenance=target.provenance, value=value, tolerance=tolerance, scope=target.scope,
                        basis=target.basis, strength=target.strength, period=target.each_year)
        plan = Plan(self.plan.path, self.plan.jurisdiction, self.plan.name, year, self.plan.document, (annual,))
        if year not in self.judges:
            self.judges[year] = YearJudge(self.repository, year, self.rules)
        return self.judges[year].judge([plan]).results[0]


def history(years: tuple[YearStatus, ...]) -> tuple[tuple[int, Event], ...]:
    """What the statuses show over the years: the first year achieved, achieved then lost, regained;
    each year a target for every year was breached. A year unmeasured changes nothing."""
    events: list[tuple[int, Event]] = []
    achieved: bool | None = None
    breached: set[int] = set()
    for status in years:
        for year in status.breaches:
            if year not in breached:
                breached.add(year)
                events.append((year, Event.BREACHED))
        if status.status is Status.UNMEASURED:
            continue
        now = status.status in _ACHIEVED
        if now and achieved is None:
            events.append((status.year, Event.FIRST_ACHIEVED))
        elif now and achieved is False and any(event is Event.FIRST_ACHIEVED for _, event in events):
            events.append((status.year, Event.REGAINED))
        elif not now and achieved:
            events.append((status.year, Event.LOST))
        if now or achieved is not None:
            achieved = now
    return tuple(sorted(events, key=lambda item: item[0]))


def _with_milestone(status: Status, milestone: TargetResult | None) -> Status:
    """A year's milestone, judged with the annual rules, decides between on track and behind: met
    is never behind, missed never on track or ahead (regressing stays)."""
    if milestone is None or status is Status.REGRESSING:
        return status
    if milestone.verdict is Verdict.MET and status is Status.BEHIND:
        return Status.ON_TRACK
    if milestone.verdict is Verdict.MISSED and status in (Status.ON_TRACK, Status.AHEAD):
        return Status.BEHIND
    return status


def _compound_sign(covered: Fraction, k: Fraction, end_factor: Fraction, elapsed: int, periods: int) -> int:
    """The sign of p − e − k where e = (F^(t/n) − 1) / (F − 1) is the share of the distance on the
    compound path after t of n years, decided exactly: with D = F − 1 and L = 1 + (p − k)·D,
    p − e − k has the sign of (L − F^(t/n))·sign(D), and for L > 0 that of L^n − F^t."""
    difference = end_factor - 1
    level = 1 + (covered - k) * difference
    root_above = 1 if level <= 0 else _sign(end_factor ** elapsed - level ** periods)  # F^(t/n) > 0 ≥ L, or L^n against F^t
    return -root_above if difference > 0 else root_above


def _compound_exact(target: PeriodTarget, end_factor: Fraction, elapsed: int, periods: int) -> Fraction | None:
    """The compound path's share where it is rational: an average growth's, (1 + g)^t over (1 + g)^n."""
    if target.kind is not PeriodKind.AVERAGE_GROWTH:
        return None
    step = 1 + (1 if target.direction is Direction.UP else -1) * to_fraction(target.value.number or 0) / 100
    return (step ** elapsed - 1) / (end_factor - 1)


def _compound_share(end_factor: Fraction, elapsed: int, periods: int) -> Decimal:
    """The share of the distance on the compound path after ``elapsed`` of ``periods`` years, to 28 digits (shown only)."""
    with localcontext() as context:
        context.prec = 28
        root = _as_decimal(end_factor) ** (Decimal(elapsed) / Decimal(periods))
        return (root - 1) / (_as_decimal(end_factor) - 1)


def _needed_rate(factor: Interval, end_factor: Fraction, remaining: int) -> Interval | None:
    """The yearly rate, in percent, that would reach the end factor in the years left — exact where
    they are one; else None (a root: the share expected is shown, not this)."""
    if remaining <= 0 or not factor.is_exact or factor.point <= 0:
        return None
    if remaining == 1:
        return Interval.exact((end_factor / factor.point - 1) * 100)
    return None


def _as_decimal(value: Fraction) -> Decimal:
    with localcontext() as context:
        context.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def _decimal(value: Fraction) -> Decimal:
    """An exact value as a Decimal, for the annual judge, which reads it back as the same fraction.
    Every value here is a sum or a scaling of numbers written as decimals, so it has a finite
    decimal expansion; one that had none would be rounded, so it is refused instead."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        raise ValueError(f"{value} has no finite decimal expansion")
    with localcontext() as context:
        context.prec = max(28, len(str(value.numerator)) + len(str(value.denominator)) + 2)
        return Decimal(value.numerator) / Decimal(value.denominator)


def _value(found: Resolved | None) -> Interval | None:
    return found.value if found is not None and isinstance(found.value, Interval) else None


def _sign(value: Fraction) -> int:
    return (value > 0) - (value < 0)
