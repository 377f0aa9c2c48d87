"""`growth_at_least`: met when (actual − baseline) / baseline × 100 ≥ value (同比增长…以上).

Written as actual / baseline × 100 − 100 so that each interval appears once and the
interval arithmetic stays tight.
"""

from __future__ import annotations

from ..model import Label
from ..numbers import Interval, Truth
from .base import Actual, Rule

_HUNDRED = Interval.exact(100)


def growth_percent(actual: Interval, baseline: Interval) -> Interval:
    return actual / baseline * _HUNDRED - _HUNDRED


def check(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
    assert isinstance(actual, Interval) and value is not None and baseline is not None
    return growth_percent(actual, baseline).ge(value)


RULE = Rule(id="growth_at_least", label=Label(zh="同比增长不低于", en="growth at least"), symbol="growth ≥",
            check=check, uses_baseline=True, growth=True)
