"""Judge: one verdict per target, with its reason and evidence (docs/verdicts.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from fractions import Fraction

from planaudit.exact.numbers import Interval, Truth, to_fraction
from planaudit.judge.items import umbrella_result
from planaudit.judge.resolve import (
    Resolver,
    find_inconsistencies,
    implied_level,
    inconsistency,
    share_inconsistencies,
    stated_share,
)
from planaudit.judge.rules import Rule, rule_table
from planaudit.judge.units import convert, interval_text, quantity
from planaudit.model.data import NOMINAL, PERCENT, Assertion, Figure, Metric, Plan, Repository, Target
from planaudit.model.result import (
    AuditResult,
    Baseline,
    Detail,
    Inconsistency,
    Missing,
    Reason,
    Resolved,
    TargetResult,
    Verdict,
)

_VERDICTS = {Truth.TRUE: Verdict.MET, Truth.FALSE: Verdict.MISSED}


def _decide(rule: Rule, actual: Interval | bool, value: Interval | None, baseline: Interval | None) -> Truth | None:
    """The rule's answer, or None when it is undefined (it divides by zero)."""
    try:
        return rule.check(actual, value, baseline)
    except ZeroDivisionError:
        return None


def judge_year(repository: Repository, year: int, plans: Iterable[Plan],
               rules: Mapping[str, Rule] | None = None) -> AuditResult:
    """The verdicts of the plans' targets; ``rules`` is the catalogue's rule table, when it is already made."""
    plans = sorted(plans, key=lambda plan: plan.jurisdiction)
    jurisdictions = {plan.jurisdiction for plan in plans}
    resolver = Resolver(repository.catalogue, repository.reports.values(), repository.settings.approx_share)
    this_year = [report for (report_year, _), report in sorted(repository.reports.items())
                 if report_year == year and report.jurisdiction in jurisdictions]
    inconsistencies = find_inconsistencies(resolver, this_year, repository.settings.tolerance)
    rules = rules or rule_table(repository.catalogue)
    with_shares = {target: rules[target.rule].threshold(target, repository.catalogue.metrics[target.metric].unit)
                   for plan in plans for target in plan.targets
                   if (year, target.jurisdiction, target.id) in resolver.shares and not target.is_umbrella}
    inconsistencies += share_inconsistencies(resolver, plans, {target: value for target, value in with_shares.items()
                                                               if value is not None})
    judge = _Judge(repository, resolver, inconsistencies, rules)
    results = tuple(result for plan in plans for result in _judge_plan(judge, plan))
    names = {plan.jurisdiction: plan.name for plan in plans}
    return AuditResult(year, repository.settings, names, results, tuple(inconsistencies))


def _judge_plan(judge: _Judge, plan: Plan) -> list[TargetResult]:
    """Every target of the plan in order; an umbrella on its items, which follow it."""
    judged = {target.id: judge.target(target) for target in plan.targets if not target.is_umbrella}
    return [umbrella_result(target, [judged[item] for item in target.items]) if target.is_umbrella
            else judged[target.id] for target in plan.targets]


def basis_mismatch(target: Target, actual: Resolved, reference: Resolved | None, from_levels: bool) -> Detail | None:
    """Why a nominal and a real value cannot be compared here, when they would be: the target's
    basis (or, for a relative target, its reference figure's) against the figure's — or, for growth
    computed from levels, against the levels', which are nominal unless they say basis: real.
    None when every basis stated agrees, or none is."""
    wanted = target.basis
    reference_basis = None if reference is None or reference.figure is None else reference.figure.basis
    if reference is not None and wanted is not None and reference_basis not in (None, wanted):
        return Detail.of("basis_figure", metric=reference.metric, basis=Detail.basis(reference_basis),
                         wanted=Detail.basis(wanted))
    measured = None if actual.figure is None else actual.figure.basis
    if from_levels:
        measured = measured or NOMINAL
    against = wanted or reference_basis
    if against is None or measured is None or measured == against:
        return None
    if wanted is None:
        assert reference is not None
        return Detail.of("basis_reference", metric=actual.metric, basis=Detail.basis(measured),
                         reference=reference.metric, wanted=Detail.basis(against))
    return Detail.of("basis_levels" if from_levels else "basis_figure", metric=actual.metric,
                     basis=Detail.basis(measured), wanted=Detail.basis(against))


class _Judge:
    def __init__(self, repository: Repository, resolver: Resolver, inconsistencies: list[Inconsistency],
                 rules: Mapping[str, Rule]) -> None:
        self.repository = repository
        self.resolver = resolver
        self.rules = rules
        self.warnings = {inconsistency.figure: inconsistency for inconsistency in inconsistencies}
        self.last_year: dict[Figure, Inconsistency | None] = {}

    def target(self, target: Target) -> TargetResult:
        metric = self.repository.catalogue.metrics[target.metric]
        rule = self.rules[target.rule]
        threshold = rule.threshold(target, metric.unit)
        tolerance = self.tolerance(target, rule, metric, threshold)
        reference: Resolved | None = None  # a relative target's (value: {metric: …}), once it is found

        def unmeasured(reason: Reason, detail: Detail, **found: object) -> TargetResult:
            return TargetResult(target, metric, rule, Verdict.UNMEASURED, reason, threshold, detail=detail,
                                tolerance=tolerance, reference=reference, **found)  # type: ignore[arg-type]

        if target.value_unknown:
            return unmeasured(Reason.NO_THRESHOLD, Detail.of("no_threshold"))
        if (target.year, target.jurisdiction) not in self.repository.reports:
            return unmeasured(Reason.NO_REPORT, Detail.of("no_report", year=target.year,
                                                          jurisdiction=target.jurisdiction))
        actual = self.figure_for(target, rule, threshold, tolerance)
        if isinstance(actual, tuple):  # over the year, and the report gives only what cannot decide it
            missing, end = actual
            return unmeasured(missing.reason, missing.detail, actual=end)
        if isinstance(actual, Missing):
            return self.claimed(target, metric, rule, threshold, tolerance, actual) or unmeasured(actual.reason, actual.detail)
        if target.value_ref is not None:
            found_reference = self.resolver.resolve(target.year, target.jurisdiction, target.value_ref.metric,
                                                    target.value_ref.scope, target.deadline, basis=target.basis)
            if isinstance(found_reference, Missing):
                return unmeasured(found_reference.reason, Detail.of(
                    "reference_missing", metric=target.value_ref.metric, inner=found_reference.detail), actual=actual)
            reference = found_reference
        interim = self.interim(target, rule, metric, actual)
        actual = interim or actual
        baseline: Baseline | None = None
        if rule.uses_baseline:
            found = self.baseline(target)
            if isinstance(found, Missing):
                stated = self.stated_growth(target, rule, metric, actual, threshold)
                if stated is not None:
                    return stated
                return unmeasured(Reason.NO_BASELINE, found.detail, actual=actual, warnings=self.warnings_of(actual))
            baseline = found
        mismatch = basis_mismatch(target, actual, reference, from_levels=rule.measure is not None)
        if mismatch is not None:
            return unmeasured(Reason.BASIS_MISMATCH, mismatch, actual=actual, baseline=baseline,
                              warnings=self.warnings_of(actual, baseline))
        warnings = self.warnings_of(actual, baseline)
        if reference is not None:
            warnings += tuple(warning for warning in self.warnings_of(reference) if warning not in warnings)
        for share in self.shares_of(target):  # the report's shares of this target: with their level, or each other
            if share in self.warnings and self.warnings[share] not in warnings:
                warnings += (self.warnings[share],)
        compared = self.compared_with(target, rule, metric, threshold, tolerance, reference)
        if compared is None:  # about a reference that is a range: there is no one band to draw
            return unmeasured(Reason.IMPRECISE, Detail.of("straddles"), actual=actual, warnings=warnings)
        centre, value, tolerance = compared
        growth = rule.measured(actual.value, baseline.value if baseline else None)
        truth = _decide(rule, actual.value, value, baseline.value if baseline else None)
        if truth is None:
            return unmeasured(Reason.UNDEFINED, Detail.of("rule_zero", rule=rule.id), actual=actual,
                              baseline=baseline, warnings=warnings)
        contested = self.contested(rule, truth, actual, value, baseline, warnings, self.rival_shares(target, rule, threshold))
        if contested is not None:
            return unmeasured(Reason.CONTESTED, contested, actual=actual, baseline=baseline, growth=growth,
                              warnings=warnings, compared=value)
        verdict = _VERDICTS.get(truth, Verdict.UNMEASURED)
        reason, detail = self.why(target, rule, metric, verdict, actual, interim, centre, tolerance, baseline)
        return TargetResult(target, metric, rule, verdict, reason, threshold, actual, baseline, growth, detail, warnings,
                            tolerance, reference=reference, compared=value)

    def figure_for(self, target: Target, rule: Rule, threshold: Fraction | None, tolerance: Fraction | None
                   ) -> Resolved | Missing | tuple[Missing, Resolved | None]:
        """What the target is judged on: its figure (or derivation); for a target over the year, the
        year's max or min, or a figure that breaks it — else why not, with the year-end figure
        given; where the report gives only its share of the target, the level the share implies."""
        actual = self.resolver.resolve(target.year, target.jurisdiction, target.metric, target.scope, target.deadline,
                                       basis=target.basis or self.reference_basis(target))
        if target.over == "year":
            over_year = self.over_year(target, rule, self.allowed(target, rule, threshold, tolerance))
            if isinstance(over_year, Missing):
                return over_year, None if isinstance(actual, Missing) else actual
            actual = over_year or actual
        shares = self.judged_shares(target)
        if isinstance(actual, Missing) and actual.reason is Reason.NOT_REPORTED and shares:
            actual = self.from_share(shares[0], rule, threshold) or actual
        return actual

    def compared_with(self, target: Target, rule: Rule, metric: Metric, threshold: Fraction | None,
                      tolerance: Fraction | None, reference: Resolved | None
                      ) -> tuple[Fraction | None, Interval | None, Fraction | None] | None:
        """What the figure is compared with, as (the centre of a band, the value or band, the
        tolerance): the target's value; for a relative target, the reference figure — or, for a rule
        with a band (与经济增长基本同步), the band about it. None when that figure is a range."""
        if reference is None:
            return threshold, self.allowed(target, rule, threshold, tolerance), tolerance
        assert isinstance(reference.value, Interval)  # validate: a relative target compares numbers
        if rule.band is None:
            return None, reference.value, tolerance
        if not reference.value.is_exact:
            return None
        centre = reference.value.point
        tolerance = self.tolerance(target, rule, metric, centre)
        return centre, self.allowed(target, rule, centre, tolerance), tolerance

    def reference_basis(self, target: Target) -> str | None:
        """The basis of a relative target's reference figure, which its own figure is taken in."""
        if target.value_ref is None:
            return None
        found = self.resolver.resolve(target.year, target.jurisdiction, target.value_ref.metric, target.value_ref.scope,
                                      target.deadline)
        return found.figure.basis if isinstance(found, Resolved) and found.figure is not None else None

    def shares_of(self, target: Target) -> list[Figure]:
        """The shares of the target the report states (of_target) that are of the target's metric
        (validate warns of one that is not), in :func:`share_order`."""
        shares = self.resolver.shares.get((target.year, target.jurisdiction, target.id), [])
        return [share for share in shares if share.metric == target.metric]

    def judged_shares(self, target: Target) -> list[Figure]:
        """The shares of the latest date a share is stated on: the first is judged on when there is
        no level figure, the others (stated with conflict: true) are its rivals."""
        shares = self.shares_of(target)
        return [share for share in shares if share.as_of == shares[-1].as_of] if shares else []

    def rival_shares(self, target: Target, rule: Rule, threshold: Fraction | None
                     ) -> list[tuple[Interval | bool, Inconsistency | None]]:
        """The levels the judged share's rivals imply, each with the conflict that lists it: other
        readings of the report, which may decide the target otherwise."""
        rivals = []
        for share in self.judged_shares(target)[1:]:
            implied = self.from_share(share, rule, threshold)
            if implied is not None and share in self.warnings:
                rivals.append((implied.value, self.warnings[share]))
        return rivals

    def claimed(self, target: Target, metric: Metric, rule: Rule, threshold: Fraction | None,
                tolerance: Fraction | None, missing: Missing) -> TargetResult | None:
        """A target with no figure that the report claims done: met, asserted — or, refused by
        planaudit.yaml, unmeasured with the claim named. None when no claim covers it."""
        claim = self.claim(target) if missing.reason is Reason.NOT_REPORTED else None
        if claim is None:
            return None
        where = f"{claim.location.path}:{claim.location.line}"
        if not self.repository.settings.accept_assertions:
            return TargetResult(target, metric, rule, Verdict.UNMEASURED, missing.reason, threshold,
                                detail=Detail.of("assertion_refused", inner=missing.detail, quote=claim.quote, where=where),
                                tolerance=tolerance, assertion=claim)
        return TargetResult(target, metric, rule, Verdict.MET, Reason.ASSERTED, threshold,
                            detail=Detail.of("asserted", quote=claim.quote, where=where), tolerance=tolerance,
                            assertion=claim)

    def why(self, target: Target, rule: Rule, metric: Metric, verdict: Verdict, actual: Resolved, interim: Resolved | None,
            centre: Fraction | None, tolerance: Fraction | None, baseline: Baseline | None) -> tuple[Reason, Detail | None]:
        """The reason and detail of a verdict decided by its comparison: met only thanks to a tolerance
        says so first; then a cumulative metric's interim figure; a straddling figure; a share of the target."""
        if verdict is Verdict.MET and tolerance:
            strictly = _decide(rule, actual.value, self.allowed(target, rule, centre, Fraction(0)),
                               baseline.value if baseline else None)
            if strictly is not Truth.TRUE:
                return Reason.WITHIN_TOLERANCE, Detail.of("within_tolerance", tolerance=quantity(tolerance, metric.unit))
        if interim is not None:
            detail = Detail.of("interim" if verdict is Verdict.UNMEASURED else "interim_decided", metric=metric.id,
                               as_of=interim.as_of, end=target.deadline or dt.date(target.year, 12, 31))
            return (Reason.INTERIM_ONLY, detail) if verdict is Verdict.UNMEASURED else (self.source_reason(actual), detail)
        if verdict is Verdict.UNMEASURED:
            return Reason.IMPRECISE, Detail.of("straddles")
        if actual.figure is not None and actual.figure.of_target is not None:
            return self.source_reason(actual), Detail.of("of_target", share=f"{actual.figure.value}%",
                                                         rounded=interval_text(stated_share(actual.figure), PERCENT))
        return self.source_reason(actual), None

    @staticmethod
    def source_reason(actual: Resolved) -> Reason:
        return Reason.STATED if actual.figure is not None else Reason.DERIVED

    def over_year(self, target: Target, rule: Rule, value: Interval | None) -> Resolved | Missing | None:
        """What a target over the whole year (全年控制在5.5%以内) is judged on: the report's maximum of
        the year for a ceiling (its minimum for a floor); else any figure of the year that already
        breaks it; else nothing — a year-end figure says nothing of the rest of the year. None when
        the report gives no figure of the metric at all."""
        needed = rule.over_year
        key = (target.year, target.jurisdiction, target.metric, target.scope)
        every = [*self.resolver.figures.get(key, []), *self.resolver.over_period.get(key, [])]
        metric = self.repository.catalogue.metrics[target.metric]
        for figure in every:
            if figure.aggregate == needed:
                return Resolved(target.metric, target.year, self.resolver.value_of(figure, metric), figure.as_of, figure=figure)
        for figure in every:
            figure_value = self.resolver.value_of(figure, metric)
            if value is not None and _decide(rule, figure_value, value, None) is Truth.FALSE:
                return Resolved(target.metric, target.year, figure_value, figure.as_of, figure=figure)
        if not every:
            return None
        given = ", ".join(f"{figure.aggregate} {figure.as_of}" for figure in every)
        return Missing(Reason.WRONG_AGGREGATE, Detail.of("wrong_aggregate", metric=target.metric, given=given,
                                                         needed=needed or "-"))

    @staticmethod
    def interim(target: Target, rule: Rule, metric: Metric, actual: Resolved) -> Resolved | None:
        """For a cumulative metric (it only grows through the year), a figure dated before the end of
        the target's period is a floor of the final value: the value from it up, to judge on. None
        when the figure is not such a one."""
        end = target.deadline or dt.date(target.year, 12, 31)
        if not metric.cumulative or actual.as_of >= end or rule.measure is not None or not isinstance(actual.value, Interval):
            return None
        return Resolved(actual.metric, actual.year, Interval(actual.value.lo, None), actual.as_of, actual.figure,
                        actual.derivation)

    def tolerance(self, target: Target, rule: Rule, metric: Metric, threshold: Fraction | None) -> Fraction | None:
        """How far from the value still counts, in the metric's unit, for a rule with a band: the
        target's tolerance, else planaudit.yaml's `about_tolerance`; None for other rules."""
        if rule.band is None or threshold is None:
            return None
        settings = self.repository.settings
        for absolute, share in ((target.tolerance, target.tolerance_share),
                                (settings.about_tolerance, settings.about_tolerance_share)):
            if absolute is not None:
                return convert(absolute, rule.value_unit(target, metric.unit), metric.unit)
            if share is not None:
                return abs(threshold) * to_fraction(share) / 100
        return Fraction(0)  # validate says that the target needs one

    @staticmethod
    def allowed(target: Target, rule: Rule, threshold: Fraction | None, tolerance: Fraction | None) -> Interval | None:
        """What the rule's check compares the figure with: the value, or the band around it."""
        if threshold is None:
            return None
        if rule.band is None or tolerance is None:
            return Interval.exact(threshold)
        return rule.band(threshold, tolerance, target.direction or "both")

    @staticmethod
    def from_share(share: Figure, rule: Rule, threshold: Fraction | None) -> Resolved | None:
        """The level a stated share of the target implies (126% of 10万: 12.55万–12.65万, as its
        rounding allows), for a rule that compares a level with the value; None for others."""
        if threshold is None or rule.measure is not None or rule.boolean or isinstance(share.value, bool):
            return None
        return Resolved(share.metric, share.year, implied_level(share, threshold), share.as_of, figure=share)

    def claim(self, target: Target) -> Assertion | None:
        """The report's first claim of completion that covers the target, if it makes one."""
        report = self.repository.reports[(target.year, target.jurisdiction)]
        return next((claim for claim in report.assertions if claim.covers(target.id)), None)

    def stated_growth(self, target: Target, rule: Rule, metric: Metric, actual: Resolved,
                      threshold: Fraction | None) -> TargetResult | None:
        """The verdict of a growth rule on the growth the report states with the figure (同比增长21%),
        when there is no baseline to compute it from; None when the report states none."""
        figure = actual.figure
        if rule.compare_measure is None or figure is None or figure.growth is None or threshold is None:
            return None
        mismatch = basis_mismatch(target, actual, None, from_levels=False)
        if mismatch is not None:
            return TargetResult(target, metric, rule, Verdict.UNMEASURED, Reason.BASIS_MISMATCH, threshold, actual,
                                detail=mismatch, warnings=self.warnings_of(actual))
        growth = Interval.exact(figure.growth)
        truth = rule.compare_measure(growth, Interval.exact(threshold))
        verdict = _VERDICTS.get(truth, Verdict.UNMEASURED)
        reason = Reason.STATED if verdict is not Verdict.UNMEASURED else Reason.IMPRECISE
        detail = Detail.of("stated_growth", growth=interval_text(growth, PERCENT))
        return TargetResult(target, metric, rule, verdict, reason, threshold, actual, None, growth, detail,
                            self.warnings_of(actual))

    def warnings_of(self, actual: Resolved, baseline: Baseline | None = None) -> tuple[Inconsistency, ...]:
        """The inconsistent figures among those the verdict rests on: this year's, and the baseline's."""
        warnings = [self.warnings[figure] for figure in actual.figures() if figure in self.warnings]
        if baseline is not None and baseline.source is not None:
            warnings += [found for found in map(self.last_year_warning, baseline.source.figures()) if found is not None]
        return tuple(warnings)

    def last_year_warning(self, figure: Figure) -> Inconsistency | None:
        """How a figure of last year's report disagrees with its counts, if it does (found once)."""
        if figure not in self.last_year:
            self.last_year[figure] = inconsistency(self.resolver, figure, self.repository.settings.tolerance)
        return self.last_year[figure]

    def contested(self, rule: Rule, truth: Truth, actual: Resolved, value: Interval | None, baseline: Baseline | None,
                  warnings: tuple[Inconsistency, ...], rival_shares: list[tuple[Interval | bool, Inconsistency | None]]
                  ) -> Detail | None:
        """Why the verdict cannot stand when a stated figure it rests on disagrees with its counts (or
        with itself stated elsewhere: ``rival_shares``, when the verdict rests on a share of the
        target) and the other reading would decide otherwise; None when every reading agrees."""
        if not warnings:
            return None
        derived = {warning.figure: warning for warning in warnings}
        actual_readings: list[tuple[Interval | bool, Inconsistency | None]] = [(actual.value, None)]
        if actual.figure in derived:
            actual_readings.append((derived[actual.figure].derived.value, derived[actual.figure]))
        if actual.figure is not None and actual.figure.of_target is not None:
            actual_readings += rival_shares
        baseline_readings: list[tuple[Interval | None, Inconsistency | None]] = [
            (baseline.value if baseline else None, None)]
        if baseline is not None and baseline.source is not None and baseline.source.figure in derived:
            counted = derived[baseline.source.figure]
            if isinstance(counted.derived.value, Interval) and not counted.derived.value.contains_zero():
                baseline_readings.append((counted.derived.value, counted))
        for actual_value, actual_warning in actual_readings:
            for baseline_value, baseline_warning in baseline_readings:
                if _decide(rule, actual_value, value, baseline_value) != truth:
                    warning = actual_warning or baseline_warning
                    assert warning is not None
                    if warning.conflict:
                        return Detail.of("conflicting", metric=warning.metric.id,
                                         stated=interval_text(warning.stated, warning.metric.unit),
                                         other=interval_text(warning.derived_reading, warning.metric.unit))
                    return Detail.of("contested", metric=warning.metric.id,
                                     stated=interval_text(warning.stated, warning.metric.unit),
                                     derived=interval_text(warning.derived_reading, warning.metric.unit))
        return None

    def baseline(self, target: Target) -> Baseline | Missing:
        """The target's explicit baseline, else the previous year's figure; never zero."""
        if target.baseline is not None:
            value = Interval.exact(target.baseline)
            source: Resolved | None = None
        elif (target.year - 1, target.jurisdiction) not in self.repository.reports:
            return Missing(Reason.NO_BASELINE, Detail.of("no_previous_report", year=target.year - 1,
                                                         jurisdiction=target.jurisdiction))
        else:
            found = self.resolver.resolve(target.year - 1, target.jurisdiction, target.metric, target.scope)
            if isinstance(found, Missing):
                return Missing(Reason.NO_BASELINE, Detail.of("previous_year", year=target.year - 1, inner=found.detail))
            assert isinstance(found.value, Interval)
            value, source = found.value, found
        if value.contains_zero():
            return Missing(Reason.NO_BASELINE, Detail.of("zero_baseline"))
        return Baseline(value, source)
