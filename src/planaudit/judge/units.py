"""Units: a value is compared in its metric's unit; percent and ratio convert (×100)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from planaudit.exact.numbers import Interval, format_number, format_to_places, to_fraction
from planaudit.messages import Message, msg
from planaudit.model.data import PERCENT, RATIO

_SCALE = {(PERCENT, RATIO): Fraction(1, 100), (RATIO, PERCENT): Fraction(100)}


class UnitError(ValueError):
    """Two units that cannot be compared; ``said`` says which, in the run's language when shown."""

    def __init__(self, said: Message) -> None:
        super().__init__(said.render("en"))
        self.said = said


def convert(value: Decimal | Fraction, source: str, target: str) -> Fraction:
    """``value`` in unit ``source`` expressed in unit ``target``."""
    value = to_fraction(value)
    if source == target:
        return value
    scale = _SCALE.get((source, target))
    if scale is None:
        raise UnitError(msg("a value in {source} cannot be compared with a metric in {target}", source=source,
                            target=target))
    return value * scale


def written_unit(percent_sign: bool, declared: str | None, metric_unit: str) -> str:
    """The unit a value is written in: "85%" is percent; else the declared unit, else the metric's."""
    if percent_sign:
        return PERCENT
    return declared or metric_unit


def growth_unit(percent_sign: bool, declared: str | None) -> str:
    """A growth target's value is a percentage of growth whatever the metric's unit."""
    return PERCENT if percent_sign or declared is None else declared


def quantity(value: Fraction, unit: str, places: int | None = None) -> str:
    """A value as it reads in its unit: "97.87%", "8"; to ``places`` decimal places: "97.1277…%"."""
    text = format_number(value) if places is None else format_to_places(value, places)
    return text + ("%" if unit == PERCENT else "")


def interval_text(value: Interval, unit: str, places: int | None = None) -> str:
    """An exact value (to ``places`` decimal places, if given), a range ("90%–92%") or a bound ("≥1600")."""
    if value.is_exact:
        return quantity(value.point, unit, places)
    if value.lo is not None and value.hi is not None:
        return f"{quantity(value.lo, unit)}–{quantity(value.hi, unit)}"
    if value.lo is not None:
        return f"≥{quantity(value.lo, unit)}"
    assert value.hi is not None
    return f"≤{quantity(value.hi, unit)}"
