"""`less_than`: met when actual < value (不满、低于、少于)."""

from ..model import Label
from ..numbers import Interval
from .base import comparison_rule

RULE = comparison_rule("less_than", Label(zh="低于", en="less than"), "<", Interval.lt)
