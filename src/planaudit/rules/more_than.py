"""`more_than`: met when actual > value (超过、高于)."""

from ..model import Label
from ..numbers import Interval
from .base import comparison_rule

RULE = comparison_rule("more_than", Label(zh="超过", en="more than"), ">", Interval.gt)
