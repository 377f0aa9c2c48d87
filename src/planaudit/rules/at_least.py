"""`at_least`: met when actual ≥ value (以上、不低于、达到、至少)."""

from ..model import Label
from ..numbers import Interval
from .base import comparison_rule

RULE = comparison_rule("at_least", Label(zh="不低于", en="at least"), "≥", Interval.ge)
