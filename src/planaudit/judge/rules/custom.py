"""Custom rules: a boolean expression over ``actual``, ``value`` and ``baseline`` — and, for a rule
declared `growth: true`, ``growth``: the growth over the baseline in percent, its value in percent
too (增长6%左右: `expr: growth >= value - 0.5`), as the built-in growth rule reads it."""

from __future__ import annotations

import functools

from planaudit.exact.expr import Expression
from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.rules.base import GROWTH, Actual, Rule, growth_percent
from planaudit.model.data import RuleDefinition

NAMES = frozenset({"actual", "value", "baseline", "growth"})


def from_definition(definition: RuleDefinition) -> Rule:
    expression = definition.expr
    return Rule(
        id=definition.id, label=definition.label, symbol=expression.source,
        check=functools.partial(_check, expression, definition.growth),
        needs_value="value" in expression.names, uses_baseline=definition.growth or "baseline" in expression.names,
        measure=GROWTH if definition.growth else None,
        compare_measure=functools.partial(_compare_growth, expression) if definition.growth else None,
    )


def _evaluate(expression: Expression, env: dict[str, Interval], value: Interval | None) -> Truth:
    if value is not None:
        env["value"] = value
    result = expression.evaluate(env)
    assert isinstance(result, Truth)
    return result


def _check(expression: Expression, growth: bool, actual: Actual, value: Interval | None,
           baseline: Interval | None) -> Truth:
    """The rule on the figure (and, for a rule that uses one, the baseline and the growth over it)."""
    assert isinstance(actual, Interval)
    env = {"actual": actual}
    if baseline is not None:
        env["baseline"] = baseline
        if growth:
            env["growth"] = growth_percent(actual, baseline)
    return _evaluate(expression, env, value)


def _compare_growth(expression: Expression, growth: Interval, value: Interval) -> Truth:
    """The rule on the growth the report states (同比增长21%), with no levels to compute it from."""
    if {"actual", "baseline"} & expression.names:
        return Truth.UNKNOWN  # it needs the levels too
    return _evaluate(expression, {"growth": growth}, value)
