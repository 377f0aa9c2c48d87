"""Custom rules: a boolean expression over ``actual``, ``value`` and ``baseline`` — and, for a rule
declared `growth: true`, ``growth``: the growth over the baseline in percent, its value in percent
too (增长6%左右: `expr: growth >= value - 0.5`), as the built-in growth rule reads it."""

from __future__ import annotations

from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.rules.base import GROWTH, Actual, Rule, growth_percent
from planaudit.model.data import RuleDefinition

NAMES = frozenset({"actual", "value", "baseline", "growth"})


def from_definition(definition: RuleDefinition) -> Rule:
    expression = definition.expr

    def evaluate(env: dict[str, Interval], value: Interval | None) -> Truth:
        if value is not None:
            env["value"] = value
        result = expression.evaluate(env)
        assert isinstance(result, Truth)
        return result

    def check(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
        assert isinstance(actual, Interval)
        env = {"actual": actual}
        if baseline is not None:
            env["baseline"] = baseline
            if definition.growth:
                env["growth"] = growth_percent(actual, baseline)
        return evaluate(env, value)

    def compare_growth(growth: Interval, value: Interval) -> Truth:
        """The rule on the growth the report states (同比增长21%), with no levels to compute it from."""
        if {"actual", "baseline"} & expression.names:
            return Truth.UNKNOWN  # it needs the levels too
        return evaluate({"growth": growth}, value)

    return Rule(
        id=definition.id, label=definition.label, symbol=definition.expr.source, check=check,
        needs_value="value" in expression.names, uses_baseline=definition.growth or "baseline" in expression.names,
        measure=GROWTH if definition.growth else None, compare_measure=compare_growth if definition.growth else None,
    )
