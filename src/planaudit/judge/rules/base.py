"""What every verdict rule is: an id, its options, its check, and how it reads.

A rule owns everything that differs between rules — the comparison, the unit its threshold is
written in, how the threshold and the comparison read, its symbol, whether it takes a value and a
baseline — so that judging, validating and every report ask the rule and never test which rule it
is. A new rule is one module of this package that defines ``RULE`` (see :mod:`planaudit.judge.rules`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from planaudit.exact.numbers import Interval, Truth, to_fraction
from planaudit.judge.units import convert, growth_unit, written_unit
from planaudit.model.data import NO_TOLERANCE, PERCENT, Label, Tolerance

if TYPE_CHECKING:
    from planaudit.model.data import Target

Actual = Interval | bool
Check = Callable[[Actual, "Interval | None", "Interval | None"], Truth]
COMPARISON_SYMBOLS = frozenset({"≥", ">", "≤", "<", "=", "≈"})
_OVER_YEAR = {"≤": "max", "<": "max", "≥": "min", ">": "min"}  # symbols that compare a measure with the value


@dataclass(frozen=True)
class Measure:
    """What a rule compares instead of the actual figure, in percent: e.g. growth over the baseline."""

    word: str  # its name in i18n.WORDS: "growth"
    compute: Callable[[Interval, Interval], Interval]  # (actual, baseline) → the measure
    formula: str  # how it is computed, with {actual} and {baseline}: shown by explain


@dataclass(frozen=True)
class Rule:
    """A verdict rule. ``check(actual, value, baseline)`` says whether the target is met.

    ``actual`` is an interval (a bounded figure is a half-open range) or, for boolean
    metrics, a bool; ``value`` and ``baseline`` are exact intervals or None.
    """

    id: str
    label: Label
    symbol: str  # how the comparison reads: "≥"; a custom rule's is its expression
    check: Check
    needs_value: bool = True
    uses_baseline: bool = False
    boolean: bool = False  # judges a true/false metric
    measure: Measure | None = None  # the value is a threshold for this measure, in percent
    compare_measure: Callable[[Interval, Interval], Truth] | None = None  # (measure, value) → met? when the
    # report states the measure itself (同比增长21%) rather than the figures it is computed from
    band: Callable[[Fraction, Fraction, str], Interval] | None = None  # (value, tolerance, direction) → the
    # values that count as met: a rule with a band takes a tolerance (`about`), and its check is given the band

    @property
    def over_year(self) -> str | None:
        """What a target of this rule over the whole year (`over: year`) is judged on: the year's max
        for a ceiling, its min for a floor; None for a rule that is neither."""
        return _OVER_YEAR.get(self.symbol) if self.measure is None and not self.boolean else None

    def value_unit(self, target: Target, metric_unit: str) -> str:
        """The unit the target's value is written in."""
        if self.measure is not None:
            return PERCENT
        return written_unit(target.value.percent, target.value.unit, metric_unit)

    def threshold(self, target: Target, metric_unit: str) -> Fraction | None:
        """The target's value in the unit it is compared in; raises UnitError when it cannot be."""
        number = target.value.number
        if number is None:
            return None
        if self.measure is not None:
            return convert(number, growth_unit(target.value.percent, target.value.unit), PERCENT)
        return convert(number, self.value_unit(target, metric_unit), metric_unit)

    def tolerance(self, target: Target, metric_unit: str, threshold: Fraction | None,
                  defaults: Tolerance = NO_TOLERANCE) -> Fraction | None:
        """How far from the value still counts, in the metric's unit, for a rule with a band: the
        target's tolerance, else ``defaults`` (planaudit.yaml's `about_tolerance`); None for other rules."""
        if self.band is None or threshold is None:
            return None
        for given in (target.tolerance, defaults):
            if given.amount is not None:
                return convert(given.amount, self.value_unit(target, metric_unit), metric_unit)
            if given.share is not None:
                return abs(threshold) * to_fraction(given.share) / 100
        return Fraction(0)  # validate says that the target needs one

    def allowed(self, threshold: Fraction | None, tolerance: Fraction | None, sides: str) -> Interval | None:
        """What the check compares the figure with: the value, or (a rule with a band) the band
        about it on ``sides`` (floor, ceiling or both); None when there is no value."""
        if threshold is None:
            return None
        if self.band is None or tolerance is None:
            return Interval.exact(threshold)
        return self.band(threshold, tolerance, sides)

    def decide(self, actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth | None:
        """The rule's answer, or None when it is undefined (it divides by zero)."""
        try:
            return self.check(actual, value, baseline)
        except ZeroDivisionError:
            return None

    @property
    def compares_level(self) -> bool:
        """Does it compare the figure's own level with the value (not a measure of it, not true/false)?"""
        return self.measure is None and not self.boolean

    def threshold_unit(self, metric_unit: str) -> str:
        """The unit :meth:`threshold` gives."""
        return PERCENT if self.measure is not None else metric_unit

    def measured(self, actual: Actual, baseline: Interval | None) -> Interval | None:
        """The measure this rule compares (e.g. growth), when it has one and it can be computed."""
        if self.measure is None or baseline is None or not isinstance(actual, Interval):
            return None
        return self.measure.compute(actual, baseline)

    def threshold_text(self, amount: str | None, words: dict[str, str], lang: str) -> str:
        """How the threshold reads: "≥ 85%", "growth ≥ 20%", "achieved", "label (5)"."""
        compares = self.symbol in COMPARISON_SYMBOLS
        if amount is None:
            return self.symbol if compares else self.label.text(lang)
        if not compares:
            return f"{self.label.text(lang)} ({amount})"
        prefix = f"{words[self.measure.word]} " if self.measure is not None else ""
        return f"{prefix}{self.symbol} {amount}"

    def comparison_text(self, actual: str, amount: str | None, measured: str | None, baseline: str | None,
                        where: str = "with") -> str:
        """The comparison made, with the numbers filled in: "97.87% ≥ 85%", "25% ≥ 20%"; a custom
        rule's expression, then ``where`` and its names' values."""
        compares = self.symbol in COMPARISON_SYMBOLS
        if self.measure is not None and measured is not None and compares:
            return f"{measured} {self.symbol} {amount}"
        if amount is None and self.boolean:
            return actual
        if compares:
            return f"{actual} {self.symbol} {amount}"
        names = [f"actual = {actual}"] + ([f"value = {amount}"] if amount else [])
        if baseline is not None:
            names.append(f"baseline = {baseline}")
        if measured is not None:
            names.append(f"growth = {measured}")
        return f"{self.symbol} {where} {', '.join(names)}"


def comparison_rule(rule_id: str, label: Label, symbol: str, compare: Callable[[Interval, Interval], Truth]) -> Rule:
    """A rule that compares the actual figure with the target's value."""

    def check(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
        assert isinstance(actual, Interval) and value is not None
        return compare(actual, value)

    return Rule(id=rule_id, label=label, symbol=symbol, check=check)


_HUNDRED = Interval.exact(100)


def growth_percent(actual: Interval, baseline: Interval) -> Interval:
    """(actual − baseline) / baseline × 100, written as actual / baseline × 100 − 100 so that each
    interval appears once and the interval arithmetic stays tight."""
    return actual / baseline * _HUNDRED - _HUNDRED


GROWTH = Measure("growth", growth_percent, "({actual} − {baseline}) / {baseline} × 100")


def growth_rule(rule_id: str, label: Label, symbol: str, compare: Callable[[Interval, Interval], Truth]) -> Rule:
    """A rule that compares the growth over the baseline, in percent, with the target's value."""

    def check(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
        assert isinstance(actual, Interval) and value is not None and baseline is not None
        return compare(growth_percent(actual, baseline), value)

    return Rule(id=rule_id, label=label, symbol=symbol, check=check, uses_baseline=True, measure=GROWTH,
                compare_measure=compare)
