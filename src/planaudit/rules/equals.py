"""`equals`: met when actual = value (零…、清零)."""

from ..model import Label
from ..numbers import Interval
from .base import comparison_rule

RULE = comparison_rule("equals", Label(zh="等于", en="equals"), "=", Interval.eq)
