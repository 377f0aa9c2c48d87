"""Custom rules: a boolean expression over ``actual``, ``value`` and ``baseline``."""

from __future__ import annotations

from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.rules.base import Actual, Rule
from planaudit.model.data import RuleDefinition

NAMES = frozenset({"actual", "value", "baseline"})


def from_definition(definition: RuleDefinition) -> Rule:
    expression = definition.expr

    def check(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
        assert isinstance(actual, Interval)
        env = {"actual": actual}
        if value is not None:
            env["value"] = value
        if baseline is not None:
            env["baseline"] = baseline
        result = expression.evaluate(env)
        assert isinstance(result, Truth)
        return result

    return Rule(
        id=definition.id, label=definition.label, symbol=definition.expr.source, check=check,
        needs_value="value" in expression.names, uses_baseline="baseline" in expression.names,
    )
