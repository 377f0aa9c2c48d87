from fractions import Fraction

import pytest

from planaudit.exact.expr import ExprError, Type, parse, split_name
from planaudit.exact.numbers import Interval, Truth


def test_derivation_expression():
    expression = parse("medical_dispute.cases_closed / medical_dispute.cases_filed * 100", Type.NUMBER)
    assert expression.names == {"medical_dispute.cases_closed", "medical_dispute.cases_filed"}
    value = expression.evaluate({"medical_dispute.cases_closed": Interval.exact(276),
                                 "medical_dispute.cases_filed": Interval.exact(282)})
    assert value == Interval.exact(Fraction(27600, 282))


@pytest.mark.parametrize(
    ("source", "expected"),
    [("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("-2 - -3", 1), ("10 / 4", Fraction(5, 2)), ("abs(3 - 5)", 2),
     ("min(4, 2, 3)", 2), ("max(4, 2, 3)", 4), ("round(2 / 3, 2)", Fraction(67, 100)), ("round(2.5)", 2),
     ("0.1 + 0.2", Fraction(3, 10))],
)
def test_arithmetic_is_exact(source, expected):
    assert parse(source, Type.NUMBER).evaluate({}) == Interval.exact(expected)


@pytest.mark.parametrize(
    ("source", "expected"),
    [("1 < 2 and 2 <= 2", Truth.TRUE), ("not 1 == 1 or 3 != 3", Truth.FALSE), ("x >= 5", Truth.UNKNOWN),
     ("x > 3 and x >= 4", Truth.TRUE), ("not (x < 4)", Truth.TRUE)],
)
def test_logic_over_intervals(source, expected):
    assert parse(source, Type.BOOLEAN).evaluate({"x": Interval.at_least(4)}) is expected


@pytest.mark.parametrize(
    ("source", "message", "offset"),
    [("a.__class__", "unexpected character '.'", 1),
     ("x ** 2", "unexpected '*'", 3),
     ("__import__('os')", "unexpected character '_'", 0),
     ("open(1)", "unknown function 'open'; only abs, min, max and round may be called", 0),
     ("lambda: 1", "unexpected character ':'", 6),
     ("a[0]", "unexpected character '['", 1),
     ("'text'", "unexpected character \"'\"", 0),
     ("1 < 2 < 3", "chained comparisons are not supported; join them with 'and'", 6),
     ("round(x, y)", "round()'s second argument must be a whole number from 0 to 10", 9),
     ("min(1)", "min() takes at least 2 arguments, not 1", 0),
     ("1 +", "unexpected end of expression", 3),
     ("x and 1 > 0", "expected a boolean here, not a number", 0),
     ("9" * 31, "a number may have at most 30 digits", 0),
     ("abs(1 < 2)", "expected a number here, not a boolean", 4),
     ("min(1, 2 < 3)", "expected a number here, not a boolean", 7)],
)
def test_refused(source, message, offset):
    with pytest.raises(ExprError) as caught:
        parse(source)
    assert (caught.value.message, caught.value.offset) == (message, offset)


@pytest.mark.parametrize("source", ["-" * 500 + "1", "(" * 200 + "1" + ")" * 200, "not " * 200 + "1 < 2"])
def test_deep_nesting_is_refused_not_a_recursion_error(source):
    with pytest.raises(ExprError, match="nested more than 40 levels"):
        parse(source)


def test_overlong_expression():
    with pytest.raises(ExprError, match="longer than 1000"):
        parse("1 + " * 300 + "1")


def test_expected_type():
    with pytest.raises(ExprError, match="expected a boolean expression"):
        parse("actual - value", Type.BOOLEAN)


def test_a_name_may_name_a_scope():
    expression = parse("projects[province] + projects[city] * 2", Type.NUMBER)
    assert expression.names == frozenset({"projects[province]", "projects[city]"})
    assert expression.metrics == frozenset({"projects"})
    assert split_name("projects[province]") == ("projects", "province")
    assert split_name("legal_aid.cases") == ("legal_aid.cases", None)
    value = expression.evaluate({"projects[province]": Interval.exact(30), "projects[city]": Interval.exact(49)})
    assert value == Interval.exact(128)
