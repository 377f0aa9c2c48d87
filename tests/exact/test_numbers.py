from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planaudit.exact.numbers import Interval, NumberError, Truth, format_number, parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [("85", (Decimal("85"), False)), ("85%", (Decimal("85"), True)), ("0.16", (Decimal("0.16"), False)),
     ("97.12", (Decimal("97.12"), False)), ("-3", (Decimal("-3"), False)), (" 85 % ", (Decimal("85"), True))],
)
def test_parse_decimal(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["1_000", "0x1F", ".nan", ".inf", "1e3", "yes", "", "%", "8 5", "1" * 31])
def test_parse_decimal_refuses(text):
    with pytest.raises(NumberError):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("value", "text"),
    [(Fraction(276, 282) * 100, "97.87"), (Fraction(3, 10), "0.3"), (Fraction(1, 3), "0.3333"),
     (Fraction(-2, 3), "-0.6667"), (Fraction(5), "5"), (Decimal("85.0"), "85.0"), (Fraction(123456789, 7), "17636684.14")],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_interval_comparisons_are_three_valued():
    lower = Interval.at_least(1600)
    assert lower.ge(Interval.exact(1500)) is Truth.TRUE
    assert lower.ge(Interval.exact(1700)) is Truth.UNKNOWN
    assert lower.lt(Interval.exact(1600)) is Truth.FALSE
    assert Interval.at_most(10).lt(Interval.exact(10)) is Truth.UNKNOWN
    assert Interval.exact(2).eq(Interval.exact(Fraction(4, 2))) is Truth.TRUE


def test_interval_arithmetic_with_unbounded_ends():
    assert Interval.at_least(2) * Interval.exact(-3) == Interval.at_most(-6)
    assert Interval.exact(0) * Interval.at_least(5) == Interval.exact(0)
    assert Interval.exact(1) / Interval.at_least(2) == Interval(Fraction(0), Fraction(1, 2))
    assert abs(Interval(Fraction(-3), Fraction(2))) == Interval(Fraction(0), Fraction(3))
    assert Interval.at_least(1).minimum(Interval.exact(5)) == Interval(Fraction(1), Fraction(5))
    assert Interval.at_most(1).maximum(Interval.exact(5)) == Interval.exact(5)
    with pytest.raises(ZeroDivisionError):
        Interval.exact(1) / Interval.at_most(3)


def test_truth_is_kleene_logic():
    assert (Truth.TRUE & Truth.UNKNOWN, Truth.FALSE & Truth.UNKNOWN) == (Truth.UNKNOWN, Truth.FALSE)
    assert (Truth.TRUE | Truth.UNKNOWN, Truth.FALSE | Truth.UNKNOWN) == (Truth.TRUE, Truth.UNKNOWN)
    assert (~Truth.TRUE, ~Truth.UNKNOWN) == (Truth.FALSE, Truth.UNKNOWN)


def reference_format(value: Fraction) -> str:
    """format_number of a computed value as first written, in Fractions and Decimals."""
    def terminating(value: Fraction, places: int) -> Decimal | None:
        scaled = value * 10**places
        return None if scaled.denominator != 1 else Decimal(scaled.numerator).scaleb(-places)

    def normalized(value: Decimal) -> str:
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text == "-0" else text

    with localcontext(prec=1000):  # the default 28 digits rounded the first version's large values
        return _reference_format(value, terminating, normalized)


def _reference_format(value, terminating, normalized) -> str:
    exact = terminating(value, 6)
    if exact is not None:
        return normalized(exact)
    magnitude, exponent = abs(value), 0
    if magnitude >= 1:
        exponent = len(str(int(magnitude))) - 1
    else:
        while magnitude < 1:
            magnitude *= 10
            exponent -= 1
    places = max(2, 3 - exponent)
    rounded = terminating(Fraction(round(value, places)), places)
    assert rounded is not None
    return normalized(rounded)


@settings(max_examples=3000, deadline=None)
@given(st.fractions(max_denominator=10**9) | st.integers(-10**12, 10**12).map(Fraction)
       | st.builds(lambda n, places, d: Fraction(n, 10**places * d), st.integers(-10**9, 10**9),
                   st.integers(0, 9), st.sampled_from([1, 2, 3, 5, 7, 8, 16, 40, 125])))
def test_format_number_in_integers_is_the_fraction_arithmetic(value):
    assert format_number(value) == reference_format(value)


@pytest.mark.parametrize(("value", "text"), [
    (Fraction(1, 800), "0.00125"), (Fraction(-1, 8000000), "-0.000000125"), (Fraction(-1, 3000000), "-0.0000003333"),
    (Fraction(1, 200), "0.005"), (Fraction(25, 1000000000), "0.000000025"), (Fraction(10**29 + 1), "1" + "0" * 28 + "1"),
    (Fraction(5, 1000000000), "0.000000005"), (Fraction(1, 80000000), "0.0000000125"), (Fraction(-1, 10**7), "-0.0000001"),
])
def test_format_number_small_values(value, text):
    assert format_number(value) == text
