"""What every verdict rule is: an id, its options, and one check function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Label
from ..numbers import Interval, Truth

Actual = Interval | bool
Check = Callable[[Actual, "Interval | None", "Interval | None"], Truth]


@dataclass(frozen=True)
class Rule:
    """A verdict rule. ``check(actual, value, baseline)`` says whether the target is met.

    ``actual`` is an interval (a bounded figure is a half-open range) or, for boolean
    metrics, a bool; ``value`` and ``baseline`` are exact intervals or None.
    """

    id: str
    label: Label
    symbol: str  # how a threshold reads: "≥ 85%"
    check: Check
    needs_value: bool = True
    uses_baseline: bool = False
    boolean: bool = False  # judges a true/false metric
    growth: bool = False  # value is a growth percentage, not in the metric's unit


def comparison_rule(rule_id: str, label: Label, symbol: str, compare: Callable[[Interval, Interval], Truth]) -> Rule:
    """A rule that compares the actual figure with the target's value."""

    def check(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
        assert isinstance(actual, Interval) and value is not None
        return compare(actual, value)

    return Rule(id=rule_id, label=label, symbol=symbol, check=check)
