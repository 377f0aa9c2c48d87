"""Exact numbers: decimals read from their text, intervals over them, three-valued truth.

Nothing here ever goes through a binary float: values are ``Decimal`` as written and
``Fraction`` while computing. Infinite interval ends are represented by ``None``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

MAX_DIGITS = 30
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
# What an expression may compute: a fraction whose numerator and denominator have at most this many
# digits each — between 10**-1000 and 10**1000 in size. Beyond it, numbers cost ever more time to
# compute, and Python will not write an integer of more than 4300 digits.
MAX_COMPUTED_DIGITS = 1000
_COMPUTED_LIMIT = 10**MAX_COMPUTED_DIGITS


class NumberError(ValueError):
    """Text that is not a plain decimal number."""


class NumberTooLarge(ArithmeticError):
    """An expression computed a number beyond MAX_COMPUTED_DIGITS digits (see :func:`bounded`);
    ``expression`` is the expression, once the one computing it is known."""

    def __init__(self, expression: object = None) -> None:
        super().__init__(f"a number of more than {MAX_COMPUTED_DIGITS} digits")
        self.expression = expression


def parse_decimal(text: str) -> tuple[Decimal, bool]:
    """Read ``85``, ``-3``, ``97.12`` or ``85%``; return the number and whether it had a %."""
    body = text.strip()
    percent = body.endswith("%")
    if percent:
        body = body[:-1].rstrip()
    if not _DECIMAL.fullmatch(body):
        raise NumberError(f"'{text}' is not a decimal number such as 85, 97.12 or 85%")
    if sum(ch.isdigit() for ch in body) > MAX_DIGITS:
        raise NumberError(f"a number may have at most {MAX_DIGITS} digits")
    return Decimal(body), percent


def to_fraction(value: Decimal | Fraction | int) -> Fraction:
    if type(value) is Fraction:
        return value
    if type(value) is Decimal:
        return Fraction(*value.as_integer_ratio())  # the quick way in: Fraction(Decimal) asks numbers.Rational first
    return Fraction(value)


def format_number(value: Decimal | Fraction | int) -> str:
    """Decimal text of an exact number. A ``Decimal`` keeps the digits it was written with;
    a computed value that does not terminate keeps four significant digits and at least two
    decimal places, rounded half to even (``276/282*100`` → ``97.87``); a value beyond about
    10**±1000 (2**±3322), four significant digits and its power of ten (``1.235e+1998``)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    value = to_fraction(value)
    # In integers, not Fractions: a report formats tens of thousands of numbers.
    numerator, denominator = value.numerator, value.denominator
    if numerator and abs(numerator.bit_length() - denominator.bit_length()) > _SCIENTIFIC_BITS:
        return _scientific(value)
    scaled, remainder = divmod(numerator * _EXACT_SCALE, denominator)
    if not remainder:
        return _decimal_text(scaled, _EXACT_PLACES)
    places = max(2, 3 - _exponent(abs(numerator), denominator))
    rounded, remainder = divmod(numerator * 10**places, denominator)
    if 2 * remainder > denominator or (2 * remainder == denominator and rounded % 2):
        rounded += 1
    return _decimal_text(rounded, places)


_EXACT_PLACES = 6  # a computed value with at most this many decimal places is shown exactly


def format_to_places(value: Fraction, places: int) -> str:
    """An exact number to ``places`` decimal places, rounded half to even, with "…" when that drops
    digits (1285/1323×100 to 4 places: "97.1277…"); exact when it has no more places."""
    numerator, denominator = value.numerator, value.denominator
    rounded, remainder = divmod(numerator * 10**places, denominator)
    if not remainder:
        return format_number(value)
    if 2 * remainder > denominator or (2 * remainder == denominator and rounded % 2):
        rounded += 1
    return _decimal_text(rounded, places) + "…"
_EXACT_SCALE = 10**_EXACT_PLACES
_SCIENTIFIC_BITS = 3322  # 2**3322 ≈ 10**1000: past it, a value is written with its power of ten


def _exponent(numerator: int, denominator: int) -> int:
    """⌊log10(numerator / denominator)⌋ for positive integers, exactly: the quotient's digits when it
    has at most about a thousand; else a guess from their lengths in bits (log10(2) ≈ 0.30103), then
    corrected — never through a text too long for Python to write."""
    bits = numerator.bit_length() - denominator.bit_length()
    if numerator >= denominator and bits <= _SCIENTIFIC_BITS:
        return len(str(numerator // denominator)) - 1
    exponent = bits * 30103 // 100_000
    while _at_least_power(numerator, denominator, exponent + 1):
        exponent += 1
    while not _at_least_power(numerator, denominator, exponent):
        exponent -= 1
    return exponent


def _at_least_power(numerator: int, denominator: int, exponent: int) -> bool:
    """Is numerator / denominator ≥ 10**exponent?"""
    return numerator * 10**-exponent >= denominator if exponent < 0 else numerator >= denominator * 10**exponent


def _scientific(value: Fraction) -> str:
    """Four significant digits of a nonzero number and its power of ten, rounded half to even."""
    numerator, denominator = abs(value.numerator), value.denominator
    exponent = _exponent(numerator, denominator)
    shift = 3 - exponent  # 10**shift × |value| has four digits before the point
    if shift >= 0:
        numerator *= 10**shift
    else:
        denominator *= 10**-shift
    scaled, remainder = divmod(numerator, denominator)
    if 2 * remainder > denominator or (2 * remainder == denominator and scaled % 2):
        scaled += 1
    if scaled == 10_000:  # 9.9995… rounded up to the next power of ten
        scaled, exponent = 1000, exponent + 1
    digits = str(scaled)
    return f"{'-' if value < 0 else ''}{digits[0]}.{digits[1:]}e{exponent:+d}"


def bounded(interval: Interval) -> Interval:
    """``interval``, when each of its ends is a fraction of at most MAX_COMPUTED_DIGITS digits above
    and below the line; else raises :class:`NumberTooLarge`. An expression's every step is checked
    (:mod:`planaudit.exact.tree`): a number grows only by steps, so none ever grows far beyond it."""
    for end in (interval.lo, interval.hi):
        if end is not None and not (-_COMPUTED_LIMIT < end.numerator < _COMPUTED_LIMIT
                                    and end.denominator < _COMPUTED_LIMIT):
            raise NumberTooLarge
    return interval


def _decimal_text(scaled: int, places: int) -> str:
    """``scaled`` × 10**-places as text, without trailing zeros after the point; never "-0"."""
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    whole, fraction = digits[:-places], digits[-places:].rstrip("0")
    text = f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"
    return "0" if text == "-0" else text


def decimal_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


class Truth(enum.Enum):
    """Kleene's three-valued logic: what an interval comparison can tell."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, flag: bool) -> Truth:
        return cls.TRUE if flag else cls.FALSE

    def __invert__(self) -> Truth:
        return {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE}.get(self, Truth.UNKNOWN)

    def __and__(self, other: Truth) -> Truth:
        if Truth.FALSE in (self, other):
            return Truth.FALSE
        return Truth.TRUE if self is other is Truth.TRUE else Truth.UNKNOWN

    def __or__(self, other: Truth) -> Truth:
        if Truth.TRUE in (self, other):
            return Truth.TRUE
        return Truth.FALSE if self is other is Truth.FALSE else Truth.UNKNOWN


End = Fraction | None


@dataclass(frozen=True)
class Interval:
    """A closed interval of exact numbers; ``None`` is −∞ as ``lo`` and +∞ as ``hi``."""

    lo: End
    hi: End

    @classmethod
    def exact(cls, value: Decimal | Fraction | int) -> Interval:
        point = to_fraction(value)
        return cls(point, point)

    @classmethod
    def at_least(cls, value: Decimal | Fraction | int) -> Interval:
        return cls(to_fraction(value), None)

    @classmethod
    def at_most(cls, value: Decimal | Fraction | int) -> Interval:
        return cls(None, to_fraction(value))

    @property
    def is_exact(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    @property
    def point(self) -> Fraction:
        if not self.is_exact:
            raise ValueError("interval is not a single value")
        assert self.lo is not None
        return self.lo

    def contains_zero(self) -> bool:
        return (self.lo is None or self.lo <= 0) and (self.hi is None or self.hi >= 0)

    def __neg__(self) -> Interval:
        return Interval(_neg(self.hi), _neg(self.lo))

    def __add__(self, other: Interval) -> Interval:
        if _both_points(self, other):
            point = self.lo + other.lo  # type: ignore[operator]
            return Interval(point, point)
        return Interval(_add(self.lo, other.lo), _add(self.hi, other.hi))

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        if _both_points(self, other):
            point = self.lo * other.lo  # type: ignore[operator]
            return Interval(point, point)
        products = [_mul(a, b) for a in _ends(self) for b in _ends(other)]
        return Interval(_from_extended(min(products)), _from_extended(max(products)))

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains_zero():
            raise ZeroDivisionError("division by an interval that contains zero")
        if _both_points(self, other):
            point = self.lo / other.lo  # type: ignore[operator]
            return Interval(point, point)
        return self * Interval(_inverse(other.hi), _inverse(other.lo))

    def __abs__(self) -> Interval:
        if self.lo is not None and self.lo >= 0:
            return self
        if self.hi is not None and self.hi <= 0:
            return -self
        top = None if self.lo is None or self.hi is None else max(-self.lo, self.hi)
        return Interval(Fraction(0), top)

    def minimum(self, other: Interval) -> Interval:
        (a_lo, a_hi), (b_lo, b_hi) = _ends(self), _ends(other)
        return Interval(_from_extended(min(a_lo, b_lo)), _from_extended(min(a_hi, b_hi)))

    def maximum(self, other: Interval) -> Interval:
        (a_lo, a_hi), (b_lo, b_hi) = _ends(self), _ends(other)
        return Interval(_from_extended(max(a_lo, b_lo)), _from_extended(max(a_hi, b_hi)))

    def overlaps(self, other: Interval) -> bool:
        """Do the two share a value (ends included)?"""
        return not (_lt_end(self.hi, other.lo) or _lt_end(other.hi, self.lo))

    def widened(self, amount: Fraction) -> Interval:
        """The interval ``amount`` wider on each side."""
        return Interval(_add(self.lo, -amount), _add(self.hi, amount))

    def rounded(self, places: int) -> Interval:
        return Interval(_round(self.lo, places), _round(self.hi, places))

    # Comparisons answer for every pair of values drawn from the two intervals.
    def ge(self, other: Interval) -> Truth:
        if _le_end(other.hi, self.lo):
            return Truth.TRUE
        if _lt_end(self.hi, other.lo):
            return Truth.FALSE
        return Truth.UNKNOWN

    def gt(self, other: Interval) -> Truth:
        if _lt_end(other.hi, self.lo):
            return Truth.TRUE
        if _le_end(self.hi, other.lo):
            return Truth.FALSE
        return Truth.UNKNOWN

    def le(self, other: Interval) -> Truth:
        return other.ge(self)

    def lt(self, other: Interval) -> Truth:
        return other.gt(self)

    def eq(self, other: Interval) -> Truth:
        if self.is_exact and other.is_exact:
            return Truth.of(self.lo == other.lo)
        if _lt_end(self.hi, other.lo) or _lt_end(other.hi, self.lo):
            return Truth.FALSE
        return Truth.UNKNOWN

    def ne(self, other: Interval) -> Truth:
        return ~self.eq(other)


def _both_points(a: Interval, b: Interval) -> bool:
    """Are both intervals single values, as :meth:`Interval.exact` makes them (one object at both
    ends)? Arithmetic on them needs one operation, not four; other intervals take the general way."""
    return a.lo is a.hi and b.lo is b.hi and a.lo is not None and b.lo is not None


_POS_INF = float("inf")
_NEG_INF = float("-inf")
Extended = Fraction | float  # float only ever as ±inf


def _ends(interval: Interval) -> tuple[Extended, Extended]:
    lo: Extended = _NEG_INF if interval.lo is None else interval.lo
    hi: Extended = _POS_INF if interval.hi is None else interval.hi
    return lo, hi


def _mul(a: Extended, b: Extended) -> Extended:
    if a == 0 or b == 0:
        return Fraction(0)
    return a * b


def _from_extended(value: Extended) -> End:
    return value if isinstance(value, Fraction) else None


def _inverse(end: End) -> End:
    return Fraction(0) if end is None else 1 / end


def _neg(end: End) -> End:
    return None if end is None else -end


def _add(a: End, b: End) -> End:
    return None if a is None or b is None else a + b


def _round(end: End, places: int) -> End:
    return None if end is None else Fraction(round(end, places))


def _le_end(upper: End, lower: End) -> bool:
    """Is the upper end ``upper`` ≤ the lower end ``lower``? Unbounded ends never are."""
    return upper is not None and lower is not None and upper <= lower


def _lt_end(upper: End, lower: End) -> bool:
    return upper is not None and lower is not None and upper < lower
