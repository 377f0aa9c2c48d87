"""How precisely a figure is written, and so the interval its rounding stands for (docs/verdicts.md,
step 8): 97.12% is 97.115%–97.125%, "38.94万户" 389350–389450, 91% 90.5%–91.5%; a count written in
full ("立案282件") is exact."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from planaudit.exact.numbers import Interval, decimal_places, to_fraction
from planaudit.judge.units import convert, written_unit
from planaudit.model.data import PERCENT, RATIO, Bound, Figure, Metric
from planaudit.read.quotes import multiplied_step


def written_step(figure: Figure, metric: Metric) -> Fraction | None:
    """The unit of the last place the figure is written to, in its metric's unit: from its quote
    where that writes it with 万 or 亿, else from its own decimal places — for a percentage, a ratio
    or a number with decimals. None for a whole count (exact), a bound and a true/false figure."""
    value, percent = figure.stated.value, figure.stated.percent
    if isinstance(value, bool) or figure.stated.bound is not Bound.EXACT:
        return None
    step = None if percent else multiplied_step(value, figure.provenance.quote)
    if step is None and (percent or metric.unit in (PERCENT, RATIO) or decimal_places(value) > 0):
        step = Decimal(1).scaleb(-decimal_places(value))
    if step is None:
        return None
    return abs(convert(to_fraction(step), written_unit(percent, None, metric.unit), metric.unit))


def cut_off(figure: Figure, metric: Metric, stated: Interval, derived: Interval) -> bool:
    """Is the figure its counts' exact value cut off at its written place (toward zero), not rounded?
    97.12% for 1285 / 1323 = 97.1277…%: 97.12 ≤ 97.1277… < 97.13."""
    step = written_step(figure, metric)
    if step is None or not stated.is_exact or not derived.is_exact:
        return False
    value, exact = stated.point, derived.point
    return value <= exact < value + step if value >= 0 else value - step < exact <= value


def rounding_interval(figure: Figure, metric: Metric, value: Interval) -> Interval:
    """The values a figure whose value (in its metric's unit) is ``value`` may stand for, its rounding
    allowing: half its last place either way."""
    step = written_step(figure, metric)
    return value if step is None else value.widened(step / 2)
