"""Judge: one verdict per target, with its reason and evidence (docs/verdicts.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.resolve import Resolver, find_inconsistencies
from planaudit.judge.rules import Rule, rule_table
from planaudit.model.data import Plan, Repository, Target
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


def judge_year(repository: Repository, year: int, plans: Iterable[Plan],
               rules: Mapping[str, Rule] | None = None) -> AuditResult:
    """The verdicts of the plans' targets; ``rules`` is the catalogue's rule table, when it is already made."""
    plans = sorted(plans, key=lambda plan: plan.jurisdiction)
    jurisdictions = {plan.jurisdiction for plan in plans}
    resolver = Resolver(repository.catalogue, repository.reports.values())
    this_year = [report for (report_year, _), report in sorted(repository.reports.items())
                 if report_year == year and report.jurisdiction in jurisdictions]
    inconsistencies = find_inconsistencies(resolver, this_year, repository.settings.tolerance)
    judge = _Judge(repository, resolver, inconsistencies, rules or rule_table(repository.catalogue))
    results = tuple(judge.target(target) for plan in plans for target in plan.targets)
    names = {plan.jurisdiction: plan.name for plan in plans}
    return AuditResult(year, repository.settings, names, results, tuple(inconsistencies))


class _Judge:
    def __init__(self, repository: Repository, resolver: Resolver, inconsistencies: list[Inconsistency],
                 rules: Mapping[str, Rule]) -> None:
        self.repository = repository
        self.resolver = resolver
        self.rules = rules
        self.warnings = {inconsistency.figure: inconsistency for inconsistency in inconsistencies}

    def target(self, target: Target) -> TargetResult:
        metric = self.repository.catalogue.metrics[target.metric]
        rule = self.rules[target.rule]
        threshold = rule.threshold(target, metric.unit)

        def unmeasured(reason: Reason, detail: Detail, **found: object) -> TargetResult:
            return TargetResult(target, metric, rule, Verdict.UNMEASURED, reason, threshold, detail=detail, **found)  # type: ignore[arg-type]

        if (target.year, target.jurisdiction) not in self.repository.reports:
            return unmeasured(Reason.NO_REPORT, Detail.of("no_report", year=target.year,
                                                          jurisdiction=target.jurisdiction))
        actual = self.resolver.resolve(target.year, target.jurisdiction, target.metric, target.scope, target.deadline)
        if isinstance(actual, Missing):
            return unmeasured(actual.reason, actual.detail)
        warnings = tuple(self.warnings[figure] for figure in actual.figures() if figure in self.warnings)
        baseline: Baseline | None = None
        if rule.uses_baseline:
            found = self.baseline(target)
            if isinstance(found, Missing):
                return unmeasured(Reason.NO_BASELINE, found.detail, actual=actual, warnings=warnings)
            baseline = found
        value = None if threshold is None else Interval.exact(threshold)
        growth = rule.measured(actual.value, baseline.value if baseline else None)
        try:
            truth = rule.check(actual.value, value, baseline.value if baseline else None)
        except ZeroDivisionError:
            return unmeasured(Reason.UNDEFINED, Detail.of("rule_zero", rule=rule.id), actual=actual,
                              baseline=baseline, warnings=warnings)
        decided = Reason.STATED if actual.figure is not None else Reason.DERIVED
        verdict = _VERDICTS.get(truth, Verdict.UNMEASURED)
        reason = decided if verdict is not Verdict.UNMEASURED else Reason.IMPRECISE
        detail = Detail.of("straddles") if reason is Reason.IMPRECISE else None
        return TargetResult(target, metric, rule, verdict, reason, threshold, actual, baseline, growth, detail, warnings)

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
