"""`less_than`: met when actual < value (不满、低于、少于)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import comparison_rule
from planaudit.model.data import Label

RULE = comparison_rule("less_than", Label(zh="低于", en="less than"), "<", Interval.lt)
