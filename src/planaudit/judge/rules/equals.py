"""`equals`: met when actual = value (零…、清零)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import comparison_rule
from planaudit.messages import pmsg
from planaudit.model.data import Label

RULE = comparison_rule("equals", Label.said(pmsg("rule", "equals")), "=", Interval.eq)
