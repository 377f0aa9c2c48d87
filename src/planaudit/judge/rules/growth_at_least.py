"""`growth_at_least`: met when (actual − baseline) / baseline × 100 ≥ value (同比增长…以上)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import growth_rule
from planaudit.messages import pmsg
from planaudit.model.data import Label

RULE = growth_rule("growth_at_least", Label.said(pmsg("rule", "growth at least")), "≥", Interval.ge)
