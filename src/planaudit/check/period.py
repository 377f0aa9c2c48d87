"""Check a period plan against the catalogue: what `progress` needs of each target to judge it
without a traceback — a metric, scope and rules it knows, the value its kind asks for, years inside
the period (a base before it), and rates in percent for a chained target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction

from planaudit.errors import did_you_mean
from planaudit.exact.numbers import format_number
from planaudit.judge.rules import Rule
from planaudit.judge.units import UnitError, convert, written_unit
from planaudit.messages import Message, msg
from planaudit.model.data import BOOLEAN, PERCENT, Catalogue, ValueKind
from planaudit.model.period import Direction, PeriodKind, PeriodPlan, PeriodTarget
from planaudit.model.problems import Code, Problem

BASE_YEARS = 10  # how far before its period a base year may be: `progress` reads the reports of those years
_NUMBER_KINDS = frozenset({PeriodKind.REACH, PeriodKind.MAINTAIN, PeriodKind.CUMULATIVE, PeriodKind.AVERAGE_GROWTH,
                           PeriodKind.INCREASE_BY})


def period_problems(plan: PeriodPlan, catalogue: Catalogue, rules: Mapping[str, Rule]) -> list[Problem]:
    """Every problem of the plan's targets that only the catalogue, or the period, can show."""
    return [problem for target in plan.targets for problem in _check_target(target, catalogue, rules)]


def _check_target(target: PeriodTarget, catalogue: Catalogue, rules: Mapping[str, Rule]) -> Iterator[Problem]:
    metric = catalogue.metrics.get(target.metric)
    if metric is None:
        yield _at(target, "metric", Code.UNKNOWN_METRIC, msg("unknown metric '{metric}'{close}", metric=target.metric,
                                                               close=did_you_mean(target.metric, list(catalogue.metrics))))
        return
    if metric.unit == BOOLEAN:
        yield _at(target, "metric", Code.UNIT, msg("{metric} is boolean: a period target follows a number over the years",
                                                    metric=target.metric))
        return
    if target.scope is not None and target.scope not in catalogue.scopes:
        yield _at(target, "scope", Code.UNKNOWN_SCOPE, msg("unknown scope '{scope}': declare it under scopes: in rules/{close}",
                                                          scope=target.scope,
                                                          close=did_you_mean(target.scope, list(catalogue.scopes))))
    yield from _check_rules(target, rules)
    yield from _check_unit(target, metric.unit)
    yield from _check_each_year(target, rules)
    yield from _check_value(target)
    yield from _check_years(target)
    if target.kind.chained and metric.unit != PERCENT:
        yield _at(target, "metric", Code.UNIT,
                  msg("a {kind} target chains yearly rates in percent; {metric} is in {unit}", kind=target.kind.value,
                      metric=target.metric, unit=metric.unit))


def _check_rules(target: PeriodTarget, rules: Mapping[str, Rule]) -> Iterator[Problem]:
    named = [("rule", target.rule)] + [("milestones", milestone.rule) for milestone in target.milestones
                                       if milestone.rule is not None]
    for key, rule_id in named:
        rule = rules.get(rule_id)
        if rule is None:
            yield _at(target, key, Code.UNKNOWN_RULE, msg("unknown rule '{rule}' (known: {known}){close}", rule=rule_id,
                                                          known=", ".join(sorted(rules)),
                                                          close=did_you_mean(rule_id, list(rules))))
        elif not rule.compares_level or rule.uses_baseline:
            yield _at(target, key, Code.UNKNOWN_RULE,
                      msg("rule '{rule}' does not compare a figure with a value; a period target's rule must "
                          "(at_least, more_than, at_most, less_than, equals, about)", rule=rule_id))
        elif target.kind.chained and rule.band is not None:
            yield _at(target, key, Code.UNKNOWN_RULE,
                      msg("a {kind} target is held to its value by at_least, more_than, at_most or less_than, not '{rule}'",
                          kind=target.kind.value, rule=rule_id))


def _check_unit(target: PeriodTarget, unit: str) -> Iterator[Problem]:
    """A level's value (and its base's and milestones', written as it is) must read in its metric's unit:
    85% of a count of cases is no number of cases. A chained target's value is a change in percent."""
    if target.kind.chained:
        return
    try:
        convert(Fraction(1), written_unit(target.value.percent, target.value.unit, unit), unit)
    except UnitError as error:
        yield _at(target, "unit" if target.value.unit else "value", Code.UNIT, error.said)


def _check_each_year(target: PeriodTarget, rules: Mapping[str, Rule]) -> Iterator[Problem]:
    """over: and aggregate: say what of each year a target held every year is judged on."""
    over, aggregate = target.each_year.over, target.each_year.aggregate
    if (over is not None or aggregate != "end") and not target.kind.every_year:
        yield _at(target, "over" if over is not None else "aggregate", Code.VALUE_FORBIDDEN,
                  msg("over: and aggregate: are for a target held every year (maintain, relative); a {kind} target is "
                      "judged on each year's figure at its end", kind=target.kind.value))
        return
    if over is not None and aggregate != "end":
        yield _at(target, "aggregate", Code.VALUE_FORBIDDEN,
                  msg("a target on the year's {aggregate} (aggregate:) holds at no time of it: over: year is for a ceiling or a "
                      "floor through the year", aggregate=aggregate))
    rule = rules.get(target.rule)
    if over is not None and rule is not None and rule.over_year is None:
        yield _at(target, "over", Code.VALUE_FORBIDDEN, msg("rule {rule} cannot hold over a year: over: year is for a "
                                                            "ceiling or a floor (at_most, less_than, at_least, more_than)",
                                                            rule=rule.id))


def _check_value(target: PeriodTarget) -> Iterator[Problem]:
    kind = target.value.kind
    if target.kind in _NUMBER_KINDS and kind is not ValueKind.NUMBER:
        yield _at(target, "value", Code.VALUE_MISSING if kind is ValueKind.NONE else Code.VALUE_FORBIDDEN,
                  msg("a {kind} target needs its value as a number", kind=target.kind.value))
    number = target.value.number
    if target.kind.chained and number is not None and (target.direction is Direction.DOWN) == (number > 0) \
            and abs(number) >= 100:
        yield _at(target, "value", Code.VALUE_FORBIDDEN,
                  msg("a fall of {value} percent leaves nothing: a {kind} target's fall is less than 100 percent",
                      value=format_number(abs(number)), kind=target.kind.value))
    if target.kind is PeriodKind.RELATIVE and kind is not ValueKind.REFERENCE:
        yield _at(target, "value", Code.VALUE_MISSING,
                  msg("a relative target names the figure it is held against: value: {example}", example="{metric: …}"))
    if target.kind is PeriodKind.MILESTONES and not target.milestones:
        yield _at(target, "kind", Code.VALUE_MISSING, msg("a milestones target needs its milestones"))
    if target.kind is PeriodKind.MILESTONES and kind is ValueKind.REFERENCE:
        yield _at(target, "value", Code.VALUE_FORBIDDEN, msg("a milestones target's value is a number, or none"))


def _check_years(target: PeriodTarget) -> Iterator[Problem]:
    period = f"{target.first}-{target.last}"
    if not target.first <= target.due <= target.last:
        yield _at(target, "year", Code.PERIOD_YEAR, msg("year {year} is outside the period {period}", year=target.due,
                                                        period=period))
    if target.base is not None:
        for quoted in (target.base.first, target.base.revised):
            if quoted is not None and quoted.year >= target.first:
                yield _at(target, "base", Code.PERIOD_YEAR, msg("the base year {year} is not before the period {period}",
                                                                year=quoted.year, period=period))
            elif quoted is not None and quoted.year < target.first - BASE_YEARS:
                yield _at(target, "base", Code.PERIOD_YEAR,
                          msg("the base year {year} is more than {most} years before the period {period}", year=quoted.year,
                              most=BASE_YEARS, period=period))
    seen: set[int] = set()
    for milestone in target.milestones:
        if not target.first <= milestone.year <= target.due:
            yield _at(target, "milestones", Code.PERIOD_YEAR,
                      msg("milestone year {year} is outside {first}-{due}, the years the target runs", year=milestone.year,
                          first=target.first, due=target.due))
        elif milestone.year in seen:
            yield _at(target, "milestones", Code.DUPLICATE_ID, msg("a second milestone for {year}", year=milestone.year))
        seen.add(milestone.year)


def _at(target: PeriodTarget, key: str, code: Code, said: Message) -> Problem:
    location = target.location
    line, col = target.provenance.positions.get(key, (location.line, location.col))
    return Problem(location.path, line, col, code, said=said)
