"""`less_than`: met when actual < value (不满、低于、少于)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import comparison_rule
from planaudit.messages import pmsg
from planaudit.model.data import Label

RULE = comparison_rule("less_than", Label.said(pmsg("rule", "less than")), "<", Interval.lt)
