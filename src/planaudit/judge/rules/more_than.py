"""`more_than`: met when actual > value (超过、高于)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import comparison_rule
from planaudit.messages import pmsg
from planaudit.model.data import Label

RULE = comparison_rule("more_than", Label.said(pmsg("rule", "more than")), ">", Interval.gt)
