"""`at_most`: met when actual ≤ value (以下、以内、不超过、控制在…以内)."""

from ..model import Label
from ..numbers import Interval
from .base import comparison_rule

RULE = comparison_rule("at_most", Label(zh="不超过", en="at most"), "≤", Interval.le)
