"""Judge: one verdict per target, with its reason and evidence (docs/verdicts.md).

A target is judged in named steps (:attr:`_Judge.steps`): is its value known, is there a report,
which figure, which reference, a cumulative figure's floor, which baseline, is it usable, is it
done only in part, compare.
Each decides the target (a :class:`TargetResult`) or passes it on, with what it found, to the next;
what differs between rules is asked of the rule (:mod:`planaudit.judge.rules.base`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.items import umbrella_result
from planaudit.judge.resolve import (
    Resolver,
    find_inconsistencies,
    implied_level,
    inconsistency,
    share_inconsistencies,
    stated_share,
)
from planaudit.judge.rounding import written_step
from planaudit.judge.rules import Rule, rule_table
from planaudit.judge.units import interval_text, quantity
from planaudit.model.data import NOMINAL, PERCENT, Assertion, Figure, Metric, Plan, Repository, Target, Tolerance
from planaudit.model.result import (
    Agreement,
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


@dataclass(slots=True)
class Case:
    """One target being judged, and what the steps have found for it so far: the judge's working
    record, filled in step by step (a frozen copy per step made judging some 40% slower); it never
    leaves the judge — the verdict is a frozen :class:`TargetResult`."""

    target: Target
    metric: Metric
    rule: Rule
    threshold: Fraction | None  # the target's value, in the unit it is compared in
    tolerance: Fraction | None  # a rule with a band: how far off still counts, in the metric's unit
    actual: Resolved | None = None  # the figure (or derivation) it is judged on
    interim: Resolved | None = None  # a cumulative metric's figure before the period's end, read as a floor
    reference: Resolved | None = None  # a relative target's (value: {metric: …}) figure
    baseline: Baseline | None = None
    warnings: tuple[Inconsistency, ...] = ()  # the inconsistent figures the verdict rests on
    agreeing: tuple[Inconsistency, ...] = ()  # its figures' counts that agree with them only cut off
    rounded: tuple[Inconsistency, ...] = ()  # its figure's counts, where they agree with it by its rounding

    @property
    def found(self) -> Resolved:
        """The figure it is judged on, once :meth:`_Judge.which_figure` has found it."""
        assert self.actual is not None
        return self.actual

    @property
    def baseline_value(self) -> Interval | None:
        return self.baseline.value if self.baseline else None

    def unmeasured(self, reason: Reason, detail: Detail, **found: Any) -> TargetResult:
        """The target unmeasured, for ``reason``, with what the verdict would have rested on."""
        return TargetResult(target=self.target, metric=self.metric, rule=self.rule, verdict=Verdict.UNMEASURED,
                            reason=reason, threshold=self.threshold, detail=detail, tolerance=self.tolerance,
                            reference=self.reference, **{"agreeing": self.agreeing, **found})


Step = Callable[[Case], "TargetResult | None"]  # a verdict; or None: pass on (with what it found, on the case)


def judge_year(repository: Repository, year: int, plans: Iterable[Plan],
               rules: Mapping[str, Rule] | None = None) -> AuditResult:
    """The verdicts of the plans' targets; ``rules`` is the catalogue's rule table, when it is already made."""
    return YearJudge(repository, year, rules).judge(plans)


class YearJudge:
    """Judges plans of one repository and year. What every plan of the year shares — the resolver
    of the repository's figures, and the inconsistent figures of each jurisdiction's report of the
    year — is found once, so that many small plans of the same year (a period plan's targets, judged
    one at a time) cost one reading of the reports, not one each. :func:`judge_year` is its one-shot use."""

    def __init__(self, repository: Repository, year: int, rules: Mapping[str, Rule] | None = None) -> None:
        self.repository, self.year = repository, year
        self.resolver = Resolver(repository.catalogue, repository.reports.values(), repository.settings.approx_share)
        self.rules = rules or rule_table(repository.catalogue)
        self.of_reports: dict[frozenset[str], list[Inconsistency]] = {}  # by the jurisdictions judged

    def judge(self, plans: Iterable[Plan]) -> AuditResult:
        plans = sorted(plans, key=lambda plan: plan.jurisdiction)
        found = self.inconsistencies(plans)
        judge = _Judge(self.repository, self.resolver, found, self.rules)
        results = tuple(result for plan in plans for result in _judge_plan(judge, plan))
        names = {plan.jurisdiction: plan.name for plan in plans}
        return AuditResult(self.year, self.repository.settings, names, results, tuple(item for item in found if item.listed),
                           {plan.jurisdiction: len(plan.directions) for plan in plans})

    def inconsistencies(self, plans: list[Plan]) -> list[Inconsistency]:
        """The year's figures that disagree with their counts, or with each other (a share of a target
        against its level, or a share stated twice) — and those whose counts they are cut off from."""
        repository, resolver, year = self.repository, self.resolver, self.year
        jurisdictions = frozenset(plan.jurisdiction for plan in plans)
        if jurisdictions not in self.of_reports:
            this_year = [report for (report_year, _), report in sorted(repository.reports.items())
                         if report_year == year and report.jurisdiction in jurisdictions]
            self.of_reports[jurisdictions] = find_inconsistencies(resolver, this_year, repository.settings.tolerance)
        inconsistencies = list(self.of_reports[jurisdictions])
        with_shares = {target: self.rules[target.rule].threshold(target, repository.catalogue.metrics[target.metric].unit)
                       for plan in plans for target in plan.targets
                       if (year, target.jurisdiction, target.id) in resolver.shares and not target.is_umbrella}
        inconsistencies += share_inconsistencies(resolver, plans, {target: value for target, value in with_shares.items()
                                                                   if value is not None})
        return inconsistencies


def _judge_plan(judge: _Judge, plan: Plan) -> list[TargetResult]:
    """Every target of the plan in order; an umbrella on its items, which follow it."""
    judged = {target.id: judge.target(target) for target in plan.targets if not target.is_umbrella}
    return [judge.weighed_against_admission(umbrella_result(target, [judged[item] for item in target.items]))
            if target.is_umbrella else judged[target.id] for target in plan.targets]


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


def _disagreement(warning: Inconsistency) -> Detail:
    """Why a verdict is contested: the stated figure and its other reading (its counts', or its own stated elsewhere)."""
    unit = warning.metric.unit
    if warning.conflict:
        return Detail.of("conflicting", metric=warning.metric.id, stated=interval_text(warning.stated, unit),
                         other=interval_text(warning.derived_reading, unit))
    if not warning.listed:  # they agree, cut off or rounded, and yet decide otherwise
        return Detail.of(f"contested_{warning.agreement.value}", metric=warning.metric.id,
                         stated=interval_text(warning.stated, unit), derived=interval_text(warning.derived_reading, unit))
    return Detail.of("contested", metric=warning.metric.id, stated=interval_text(warning.stated, unit),
                     derived=interval_text(warning.derived_reading, unit))


def _given(figures: Iterable[Figure]) -> str:
    """What figures a report gives of a metric: "mean as of 2022-12-31, end as of 2022-06-30"."""
    return ", ".join(f"{figure.span.aggregate} {figure.span.as_of}" for figure in figures)


def _source_reason(actual: Resolved) -> Reason:
    return Reason.STATED if actual.figure is not None else Reason.DERIVED


Reading = tuple["Interval | bool | None", "Inconsistency | None"]  # a value the verdict may rest on; the conflict offering it


class _Judge:
    """Judges targets as named steps (:attr:`steps`), each of which decides or passes on."""

    def __init__(self, repository: Repository, resolver: Resolver, inconsistencies: list[Inconsistency],
                 rules: Mapping[str, Rule]) -> None:
        self.repository = repository
        self.resolver = resolver
        self.rules = rules
        self.warnings = {item.figure: item for item in inconsistencies if item.listed}
        self.cut_off = {item.figure: item for item in inconsistencies if item.agreement is Agreement.CUT_OFF}
        self.rounded = {item.figure: item for item in inconsistencies if item.agreement is Agreement.ROUNDED}
        self.last_year: dict[Figure, Inconsistency | None] = {}
        settings = repository.settings
        self.about = Tolerance(amount=settings.about_tolerance, share=settings.about_tolerance_share)
        self.steps: tuple[Step, ...] = (self.value_known, self.report_given, self.which_figure, self.which_reference,
                                        self.cumulative, self.which_baseline, self.usable, self.done_in_part, self.compare)

    def target(self, target: Target) -> TargetResult:
        """The target's verdict: the first step that decides it, weighed against the report's admission."""
        case = self.case(target)
        for step in self.steps:
            found = step(case)
            if found is not None:
                return self.weighed_against_admission(found)
        raise AssertionError("the comparison decides every target")

    def weighed_against_admission(self, result: TargetResult) -> TargetResult:
        """The report's admission that the target was not done (denies:) decides it missed where no
        figure decides it, and outweighs a claim of completion; a figure that meets the target
        against it is contradicted: unmeasured. A figure that misses it, or shows it done in part, agrees with it."""
        admission = self.admission(result.target)
        if admission is None or result.verdict in (Verdict.MISSED, Verdict.PARTLY):
            return result
        where = f"{admission.location.path}:{admission.location.line}"
        on_claims_alone = result.reason is Reason.ASSERTED and all(item.reason is Reason.ASSERTED for item in result.items)
        if result.verdict is Verdict.MET and not on_claims_alone:  # an umbrella is asserted when one item is
            return dataclasses.replace(result, verdict=Verdict.UNMEASURED, reason=Reason.CONTRADICTED, assertion=admission,
                                       detail=Detail.of("contradicted", quote=admission.quote, where=where))
        return dataclasses.replace(result, verdict=Verdict.MISSED, reason=Reason.ADMITTED, assertion=admission,
                                   detail=Detail.of("admitted", quote=admission.quote, where=where))

    def case(self, target: Target) -> Case:
        metric = self.repository.catalogue.metrics[target.metric]
        rule = self.rules[target.rule]
        threshold = rule.threshold(target, metric.unit)
        return Case(target, metric, rule, threshold, rule.tolerance(target, metric.unit, threshold, self.about))

    # The steps, in order.

    @staticmethod
    def value_known(case: Case) -> TargetResult | None:
        """A value the source lost (研发投入强度达到3.) cannot be judged on."""
        return case.unmeasured(Reason.NO_THRESHOLD, Detail.of("no_threshold")) if case.target.value.unknown else None

    def report_given(self, case: Case) -> TargetResult | None:
        target = case.target
        if (target.year, target.jurisdiction) in self.repository.reports:
            return None
        return case.unmeasured(Reason.NO_REPORT, Detail.of("no_report", year=target.year, jurisdiction=target.jurisdiction))

    def which_figure(self, case: Case) -> TargetResult | None:
        """The figure it is judged on; else why not — met on the report's claim, if it makes one."""
        actual = self.figure_for(case)
        if isinstance(actual, tuple):  # over the year, and the report gives only what cannot decide it
            missing, end = actual
            return case.unmeasured(missing.reason, missing.detail, actual=end)
        if isinstance(actual, Missing):
            return self.claimed(case, actual) or self.not_stated(case, actual)
        case.actual = actual
        case.agreeing = tuple(self.cut_off[figure] for figure in actual.figures() if figure in self.cut_off)
        return None

    def not_stated(self, case: Case, missing: Missing) -> TargetResult:
        """Unmeasured for want of a figure — saying so exactly where the report gives the metric in
        another form: only projected (预计), or only as another aggregate of the year than the one asked."""
        target = case.target
        key = (target.year, target.jurisdiction, target.metric, target.scope)
        if missing.reason is Reason.NOT_REPORTED and target.period.over is None:
            projected = tuple(self.resolver.projected.get(key, ()))
            if projected:
                return case.unmeasured(Reason.PROJECTED, Detail.of("projected_only", metric=target.metric,
                                                                   given=_given(projected)), projected=projected)
            other = [figure for figure in self.resolver.over_period.get(key, ())
                     if figure.span.aggregate != target.period.aggregate]
            if other and target.period.aggregate == "end":
                return case.unmeasured(Reason.WRONG_AGGREGATE, Detail.of("aggregate_given", metric=target.metric,
                                                                         given=_given(other)))
        return case.unmeasured(missing.reason, missing.detail)

    def which_reference(self, case: Case) -> TargetResult | None:
        """A relative target's reference figure (value: {metric: …})."""
        target, named = case.target, case.target.value.reference
        if named is None:
            return None
        found = self.resolver.resolve((target.year, target.jurisdiction, named.metric, named.scope),
                                      target.period.deadline, basis=target.basis)
        if isinstance(found, Missing):
            return case.unmeasured(found.reason, Detail.of("reference_missing", metric=named.metric, inner=found.detail),
                                   actual=case.actual)
        case.reference = found
        return None

    @staticmethod
    def cumulative(case: Case) -> None:
        """For a cumulative metric (it only grows through the year), a figure dated before the end of
        the target's period is a floor of the final value: judged on from it up."""
        actual = case.found
        end = case.target.period.end(case.target.year)
        if not case.metric.cumulative or actual.as_of >= end or case.rule.measure is not None \
                or not isinstance(actual.value, Interval):
            return None
        case.actual = case.interim = Resolved(actual.metric, actual.year, Interval(actual.value.lo, None), actual.as_of,
                                              actual.figure, actual.derivation)
        return None

    def which_baseline(self, case: Case) -> TargetResult | None:
        """For a rule that uses one, the baseline; without it, the growth the report states, if any."""
        if not case.rule.uses_baseline:
            return None
        found = self.baseline(case.target)
        if isinstance(found, Missing):
            return self.stated_growth(case) or case.unmeasured(Reason.NO_BASELINE, found.detail, actual=case.actual,
                                                               warnings=self.warnings_of(case.found))
        case.baseline = found
        return None

    def usable(self, case: Case) -> TargetResult | None:
        """Figures of another basis (nominal, real) cannot be compared; else the warnings the verdict carries."""
        actual, baseline = case.found, case.baseline
        mismatch = basis_mismatch(case.target, actual, case.reference, from_levels=case.rule.measure is not None)
        if mismatch is not None:
            return case.unmeasured(Reason.BASIS_MISMATCH, mismatch, actual=actual, baseline=baseline,
                                   warnings=self.warnings_of(actual, baseline))
        warnings = self.warnings_of(actual, baseline)
        if case.reference is not None:
            warnings += tuple(warning for warning in self.warnings_of(case.reference) if warning not in warnings)
        for share in self.shares_of(case.target):  # the report's shares of this target: with their level, or each other
            if share in self.warnings and self.warnings[share] not in warnings:
                warnings += (self.warnings[share],)
        case.warnings = warnings
        return None

    @staticmethod
    def done_in_part(case: Case) -> TargetResult | None:
        """A figure that says the commitment is done in part (value: partly): neither met nor missed."""
        figure = case.found.figure
        if figure is None or not figure.stated.partly:
            return None
        return TargetResult(target=case.target, metric=case.metric, rule=case.rule, verdict=Verdict.PARTLY,
                            reason=Reason.PARTLY, threshold=case.threshold, actual=case.actual, warnings=case.warnings,
                            detail=Detail.of("partly", note=figure.note or ""))

    def compare(self, case: Case) -> TargetResult:
        """The rule's verdict on the figure, unless a reading of it that the report also gives would decide otherwise."""
        compared = self.compared_with(case)
        if compared is None:  # about a reference that is a range: there is no one band to draw
            return case.unmeasured(Reason.IMPRECISE, Detail.of("straddles"), actual=case.actual, warnings=case.warnings)
        centre, value, tolerance = compared
        case.tolerance = tolerance
        found = {"actual": case.actual, "baseline": case.baseline, "warnings": case.warnings, "agreeing": case.agreeing}
        growth = case.rule.measured(case.found.value, case.baseline_value)
        truth = case.rule.decide(case.found.value, value, case.baseline_value)
        if truth is None:
            return case.unmeasured(Reason.UNDEFINED, Detail.of("rule_zero", rule=case.rule.id), **found)
        case.rounded = self.rounded_counts(case)
        contested = self.contested(case, truth, value)
        if contested is not None:
            found["agreeing"] = (*case.agreeing, *case.rounded)
            return case.unmeasured(Reason.CONTESTED, contested, growth=growth, compared=value, **found)
        verdict = _VERDICTS.get(truth, Verdict.UNMEASURED)
        reason, detail = self.why(case, verdict, centre)
        return TargetResult(target=case.target, metric=case.metric, rule=case.rule, verdict=verdict, reason=reason,
                            threshold=case.threshold, growth=growth, detail=detail, tolerance=case.tolerance,
                            reference=case.reference, compared=value, **found)

    # What the steps ask.

    def figure_for(self, case: Case) -> Resolved | Missing | tuple[Missing, Resolved | None]:
        """What the target is judged on: its figure (or derivation); for a target over the year, the
        year's max or min, or a figure that breaks it — else why not, with the year-end figure
        given; where the report gives only its share of the target, the level the share implies."""
        target = case.target
        actual = self.resolver.resolve((target.year, target.jurisdiction, target.metric, target.scope),
                                       target.period.deadline, basis=target.basis or self.reference_basis(target))
        if target.period.aggregate != "end":  # the year's mean (年均): only a figure of that aggregate decides it
            found = self.of_aggregate(case)
            return found or Missing(Reason.NOT_REPORTED, Detail.of("no_figure", metric=target.metric))
        if target.period.over == "year":
            over_year = self.over_year(case)
            if isinstance(over_year, Missing):
                return over_year, None if isinstance(actual, Missing) else actual
            actual = over_year or actual
        shares = self.judged_shares(target)
        if isinstance(actual, Missing) and actual.reason is Reason.NOT_REPORTED and shares:
            actual = self.from_share(shares[0], case.rule, case.threshold) or actual
        return actual

    def compared_with(self, case: Case) -> tuple[Fraction | None, Interval | None, Fraction | None] | None:
        """What the figure is compared with, as (the centre of a band, the value or band, the
        tolerance): the target's value; for a relative target, the reference figure — or, for a rule
        with a band (与经济增长基本同步), the band about it. None when that figure is a range."""
        rule, sides, reference = case.rule, case.target.tolerance.sides, case.reference
        if reference is None:
            return case.threshold, rule.allowed(case.threshold, case.tolerance, sides), case.tolerance
        assert isinstance(reference.value, Interval)  # validate: a relative target compares numbers
        if rule.band is None:
            return None, reference.value, case.tolerance
        if not reference.value.is_exact:
            return None
        centre = reference.value.point
        tolerance = rule.tolerance(case.target, case.metric.unit, centre, self.about)
        return centre, rule.allowed(centre, tolerance, sides), tolerance

    def reference_basis(self, target: Target) -> str | None:
        """The basis of a relative target's reference figure, which its own figure is taken in."""
        named = target.value.reference
        if named is None:
            return None
        found = self.resolver.resolve((target.year, target.jurisdiction, named.metric, named.scope),
                                      target.period.deadline)
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
        return [share for share in shares if share.span.as_of == shares[-1].span.as_of] if shares else []

    def rival_shares(self, case: Case) -> list[Reading]:
        """The levels the judged share's rivals imply, each with the conflict that lists it: other
        readings of the report, which may decide the target otherwise."""
        rivals: list[Reading] = []
        for share in self.judged_shares(case.target)[1:]:
            implied = self.from_share(share, case.rule, case.threshold)
            if implied is not None and share in self.warnings:
                rivals.append((implied.value, self.warnings[share]))
        return rivals

    def claimed(self, case: Case, missing: Missing) -> TargetResult | None:
        """A target with no figure that the report claims done: met, asserted — or, refused by
        planaudit.yaml, unmeasured with the claim named. None when no claim covers it."""
        claim = self.claim(case.target) if missing.reason is Reason.NOT_REPORTED else None
        if claim is None:
            return None
        where = f"{claim.location.path}:{claim.location.line}"
        if not self.repository.settings.accept_assertions:
            return TargetResult(target=case.target, metric=case.metric, rule=case.rule, verdict=Verdict.UNMEASURED,
                                reason=missing.reason, threshold=case.threshold, tolerance=case.tolerance,
                                detail=Detail.of("assertion_refused", inner=missing.detail, quote=claim.quote,
                                                 where=where), assertion=claim)
        return TargetResult(target=case.target, metric=case.metric, rule=case.rule, verdict=Verdict.MET,
                            reason=Reason.ASSERTED, threshold=case.threshold, tolerance=case.tolerance,
                            detail=Detail.of("asserted", quote=claim.quote, where=where), assertion=claim)

    def why(self, case: Case, verdict: Verdict, centre: Fraction | None) -> tuple[Reason, Detail | None]:
        """The reason and detail of a verdict decided by its comparison: met only thanks to a tolerance
        says so first; then a cumulative metric's interim figure; a straddling figure; a share of the target."""
        return (self.within_tolerance(case, verdict, centre) or self.interim_reason(case, verdict)
                or self.plain_reason(case, verdict))

    @staticmethod
    def within_tolerance(case: Case, verdict: Verdict, centre: Fraction | None) -> tuple[Reason, Detail] | None:
        """Met, but not without the tolerance."""
        if verdict is not Verdict.MET or not case.tolerance:
            return None
        strictly = case.rule.decide(case.found.value, case.rule.allowed(centre, Fraction(0), case.target.tolerance.sides),
                                    case.baseline_value)
        if strictly is Truth.TRUE:
            return None
        return Reason.WITHIN_TOLERANCE, Detail.of("within_tolerance", tolerance=quantity(case.tolerance, case.metric.unit))

    @staticmethod
    def interim_reason(case: Case, verdict: Verdict) -> tuple[Reason, Detail] | None:
        """Judged on a cumulative metric's figure before the period's end: decided by it, or not yet."""
        if case.interim is None:
            return None
        undecided = verdict is Verdict.UNMEASURED
        detail = Detail.of("interim" if undecided else "interim_decided", metric=case.metric.id,
                           as_of=case.interim.as_of, end=case.target.period.end(case.target.year))
        return (Reason.INTERIM_ONLY if undecided else _source_reason(case.found)), detail

    @staticmethod
    def plain_reason(case: Case, verdict: Verdict) -> tuple[Reason, Detail | None]:
        """A figure that straddles the value; a share of the target; else stated or derived."""
        actual = case.found
        if verdict is Verdict.UNMEASURED:
            return Reason.IMPRECISE, Detail.of("straddles")
        if actual.figure is not None and actual.figure.of_target is not None:
            return _source_reason(actual), Detail.of("of_target", share=f"{actual.figure.stated.value}%",
                                                     rounded=interval_text(stated_share(actual.figure), PERCENT))
        return _source_reason(actual), None

    def over_year(self, case: Case) -> Resolved | Missing | None:
        """What a target over the whole year (全年控制在5.5%以内) is judged on: the report's maximum of
        the year for a ceiling (its minimum for a floor); else any figure of the year that already
        breaks it; else nothing — a year-end figure says nothing of the rest of the year. None when
        the report gives no figure of the metric at all."""
        target, rule = case.target, case.rule
        needed = rule.over_year
        key = (target.year, target.jurisdiction, target.metric, target.scope)
        every = [*self.resolver.figures.get(key, []), *self.resolver.over_period.get(key, [])]
        value = rule.allowed(case.threshold, case.tolerance, target.tolerance.sides)
        for figure in every:
            if figure.span.aggregate == needed:
                return Resolved(target.metric, target.year, self.resolver.value_of(figure, case.metric), figure.span.as_of,
                                figure=figure)
        for figure in every:
            figure_value = self.resolver.value_of(figure, case.metric)
            if value is not None and rule.decide(figure_value, value, None) is Truth.FALSE:
                return Resolved(target.metric, target.year, figure_value, figure.span.as_of, figure=figure)
        if not every:
            return None
        given = ", ".join(f"{figure.span.aggregate} {figure.span.as_of}" for figure in every)
        return Missing(Reason.WRONG_AGGREGATE, Detail.of("wrong_aggregate", metric=target.metric, given=given,
                                                         needed=needed or "-"))

    def of_aggregate(self, case: Case) -> Resolved | Missing | None:
        """A target on the year's mean: the report's figure of that mean (the latest by its deadline);
        else why not, naming what the report gives instead. None when it gives the metric in no form."""
        target = case.target
        key = (target.year, target.jurisdiction, target.metric, target.scope)
        given = self.resolver.over_period.get(key, [])
        wanted = [figure for figure in given if figure.span.aggregate == target.period.aggregate
                  and (target.period.deadline is None or figure.span.as_of <= target.period.deadline)]
        if wanted:
            figure = max(wanted, key=lambda found: found.span.as_of)
            return Resolved(target.metric, target.year, self.resolver.value_of(figure, case.metric), figure.span.as_of,
                            figure=figure)
        others = [*self.resolver.figures.get(key, []), *(figure for figure in given if figure not in wanted)]
        if not others:
            return None
        return Missing(Reason.WRONG_AGGREGATE, Detail.of("aggregate_needed", metric=target.metric,
                                                         needed=target.period.aggregate, given=_given(others)))

    @staticmethod
    def from_share(share: Figure, rule: Rule, threshold: Fraction | None) -> Resolved | None:
        """The level a stated share of the target implies (126% of 10万: 12.55万–12.65万, as its
        rounding allows), for a rule that compares a level with the value; None for others."""
        if threshold is None or not rule.compares_level or share.stated.is_state:
            return None
        return Resolved(share.metric, share.year, implied_level(share, threshold), share.span.as_of, figure=share)

    def claim(self, target: Target) -> Assertion | None:
        """The report's first claim of completion that covers the target, if it makes one."""
        report = self.repository.reports[(target.year, target.jurisdiction)]
        return next((claim for claim in report.assertions if not claim.admits and claim.covers(target.id)), None)

    def admission(self, target: Target) -> Assertion | None:
        """The report's first admission that the target was not done, if it makes one."""
        report = self.repository.reports.get((target.year, target.jurisdiction))
        return None if report is None else next((claim for claim in report.assertions
                                                 if claim.admits and claim.covers(target.id)), None)

    def stated_growth(self, case: Case) -> TargetResult | None:
        """The verdict of a growth rule on the growth the report states with the figure (同比增长21%),
        when there is no baseline to compute it from; None when the report states none."""
        actual, rule = case.found, case.rule
        figure = actual.figure
        if rule.compare_measure is None or figure is None or figure.growth is None or case.threshold is None:
            return None
        decided = dict(target=case.target, metric=case.metric, rule=rule, threshold=case.threshold, actual=actual,
                       warnings=self.warnings_of(actual))
        mismatch = basis_mismatch(case.target, actual, None, from_levels=False)
        if mismatch is not None:
            return TargetResult(verdict=Verdict.UNMEASURED, reason=Reason.BASIS_MISMATCH, detail=mismatch, **decided)
        growth = Interval.exact(figure.growth)
        verdict = _VERDICTS.get(rule.compare_measure(growth, Interval.exact(case.threshold)), Verdict.UNMEASURED)
        reason = Reason.STATED if verdict is not Verdict.UNMEASURED else Reason.IMPRECISE
        return TargetResult(verdict=verdict, reason=reason, growth=growth,
                            detail=Detail.of("stated_growth", growth=interval_text(growth, PERCENT)), **decided)

    def rounded_counts(self, case: Case) -> tuple[Inconsistency, ...]:
        """The exact counts of the stated figure the verdict rests on, where they agree with it by
        its rounding (83.00% for 20749 / 25000 = 82.996%): a reading of their own, which may decide
        otherwise. Counts that are rounded themselves (3.2万) are no more exact than the figure: none."""
        counts = self.rounded.get(case.found.figure) if case.found.figure is not None else None
        if counts is None or counts.derived.value == counts.stated:
            return ()
        metrics = self.repository.catalogue.metrics
        if any(written_step(figure, metrics[figure.metric]) is not None for figure in counts.derived.figures()):
            return ()
        return (counts,)

    def warnings_of(self, actual: Resolved, baseline: Baseline | None = None) -> tuple[Inconsistency, ...]:
        """The inconsistent figures among those the verdict rests on: this year's, and the baseline's."""
        warnings = [self.warnings[figure] for figure in actual.figures() if figure in self.warnings]
        if baseline is not None and baseline.source is not None:
            warnings += [found for found in map(self.last_year_warning, baseline.source.figures()) if found is not None]
        return tuple(warnings)

    def last_year_warning(self, figure: Figure) -> Inconsistency | None:
        """How a figure of last year's report disagrees with its counts, if it does (found once)."""
        if figure not in self.last_year:
            found = inconsistency(self.resolver, figure, self.repository.settings.tolerance)
            self.last_year[figure] = found if found is not None and found.listed else None
        return self.last_year[figure]

    def contested(self, case: Case, truth: Truth, value: Interval | None) -> Detail | None:
        """Why the verdict cannot stand when a stated figure it rests on disagrees with its counts (or
        with itself stated elsewhere: the judged share's rivals, when the verdict rests on a share of
        the target) and the other reading would decide otherwise — even where the two agree, cut off
        or rounded (83.00% stated, 82.996% from the counts, against ≥ 83%); None when every reading agrees."""
        if not (case.warnings or case.agreeing or case.rounded):
            return None
        for actual_value, actual_warning in self.actual_readings(case):
            for baseline_value, baseline_warning in self.baseline_readings(case):
                if case.rule.decide(actual_value, value, baseline_value) != truth:  # type: ignore[arg-type]
                    warning = actual_warning or baseline_warning
                    assert warning is not None
                    return _disagreement(warning)
        return None

    def actual_readings(self, case: Case) -> list[Reading]:
        """The figure's value, its counts' reading when they disagree, and the judged share's rivals."""
        actual = case.found
        derived = {warning.figure: warning for warning in (*case.warnings, *case.agreeing)}
        readings: list[Reading] = [(actual.value, None)]
        if actual.figure in derived:
            readings.append((derived[actual.figure].derived.value, derived[actual.figure]))
        else:
            readings += [(counts.derived.value, counts) for counts in case.rounded]
        if actual.figure is not None and actual.figure.of_target is not None:
            readings += self.rival_shares(case)
        return readings

    @staticmethod
    def baseline_readings(case: Case) -> list[Reading]:
        """The baseline's value, and its counts' reading when they disagree (and it is not zero)."""
        readings: list[Reading] = [(case.baseline_value, None)]
        source = case.baseline.source if case.baseline is not None else None
        derived = {warning.figure: warning for warning in case.warnings}
        if source is not None and source.figure in derived:
            counted = derived[source.figure]
            if isinstance(counted.derived.value, Interval) and not counted.derived.value.contains_zero():
                readings.append((counted.derived.value, counted))
        return readings

    def baseline(self, target: Target) -> Baseline | Missing:
        """The target's explicit baseline, else the previous year's figure; never zero."""
        if target.baseline is not None:
            value = Interval.exact(target.baseline)
            source: Resolved | None = None
        elif (target.year - 1, target.jurisdiction) not in self.repository.reports:
            return Missing(Reason.NO_BASELINE, Detail.of("no_previous_report", year=target.year - 1,
                                                         jurisdiction=target.jurisdiction))
        else:
            found = self.resolver.resolve((target.year - 1, target.jurisdiction, target.metric, target.scope))
            if isinstance(found, Missing):
                return Missing(Reason.NO_BASELINE, Detail.of("previous_year", year=target.year - 1, inner=found.detail))
            assert isinstance(found.value, Interval)
            value, source = found.value, found
        if value.contains_zero():
            return Missing(Reason.NO_BASELINE, Detail.of("zero_baseline"))
        return Baseline(value, source)
