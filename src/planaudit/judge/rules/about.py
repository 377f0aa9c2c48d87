"""`about`: met when the actual figure is within a tolerance of the value (左右) — on the side the
target's direction names: `floor` (增长7%左右: only a shortfall counts against it), `ceiling`
(居民消费价格涨幅3%左右: only an excess), or `both` (the default). A target met only thanks to the
tolerance is met with its own reason, `within_tolerance`."""

from fractions import Fraction

from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.rules.base import Actual, Rule
from planaudit.messages import pmsg
from planaudit.model.data import Label


def band(value: Fraction, tolerance: Fraction, direction: str) -> Interval:
    """The values that count as about ``value``: within ``tolerance`` of it, on ``direction``'s side(s)."""
    return Interval(None if direction == "ceiling" else value - tolerance,
                    None if direction == "floor" else value + tolerance)


def within(actual: Actual, allowed: Interval | None, baseline: Interval | None) -> Truth:
    """Every value the figure may have lies in ``allowed`` (TRUE), none does (FALSE), or some do."""
    assert isinstance(actual, Interval) and allowed is not None
    above = Truth.TRUE if allowed.lo is None else actual.ge(Interval.exact(allowed.lo))
    below = Truth.TRUE if allowed.hi is None else actual.le(Interval.exact(allowed.hi))
    return above & below


RULE = Rule(id="about", label=Label.said(pmsg("rule", "about")), symbol="≈", check=within, band=band)
