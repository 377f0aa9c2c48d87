"""`equals`: met when actual = value (零…、清零)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import comparison_rule
from planaudit.model.data import Label

RULE = comparison_rule("equals", Label(zh="等于", en="equals"), "=", Interval.eq)
