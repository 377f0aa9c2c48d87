"""`at_most`: met when actual ≤ value (以下、以内、不超过、控制在…以内)."""

from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import comparison_rule
from planaudit.messages import pmsg
from planaudit.model.data import Label

RULE = comparison_rule("at_most", Label.said(pmsg("rule", "at most")), "≤", Interval.le)
