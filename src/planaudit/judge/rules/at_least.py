"""`at_least`: met when actual ≥ value (以上、不低于、达到、至少)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import comparison_rule
from planaudit.messages import pmsg
from planaudit.model.data import Label

RULE = comparison_rule("at_least", Label.said(pmsg("rule", "at least")), "≥", Interval.ge)
