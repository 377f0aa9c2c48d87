"""Numbers of any size: an expression that computes a number beyond 1000 digits is a problem where the
expression is written (exit 2), never a traceback (whose exit status, 1, says "a target missed"); a
value beyond about 10**±1000 is written with its power of ten."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

import acceptance_support
from planaudit.exact.expr import parse
from planaudit.exact.numbers import MAX_COMPUTED_DIGITS, Interval, NumberTooLarge, bounded, format_number
from support import RepoBuilder

NINES = "9" * 30  # the longest number a file may hold
LARGEST = 10**MAX_COMPUTED_DIGITS - 1  # the largest numerator (and denominator) an expression may compute


def test_a_number_of_a_thousand_digits_is_computed_and_one_more_is_not():
    assert bounded(Interval(Fraction(-LARGEST), Fraction(LARGEST))) == Interval(Fraction(-LARGEST), Fraction(LARGEST))
    assert bounded(Interval.exact(Fraction(1, LARGEST))) == Interval.exact(Fraction(1, LARGEST))
    assert bounded(Interval.at_least(LARGEST)) == Interval.at_least(LARGEST)  # an unbounded end is no number
    for too_large in (Interval.exact(LARGEST + 1), Interval.at_most(-LARGEST - 1), Interval.exact(Fraction(1, LARGEST + 1)),
                      Interval(Fraction(1), Fraction(LARGEST + 2, LARGEST + 1))):
        with pytest.raises(NumberTooLarge):
            bounded(too_large)


@pytest.mark.parametrize(("source", "value"), [
    ("a * a", 10**500),  # 1001 digits
    ("a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a", 10**60),  # at its 17th step
    ("1 / a / a", 10**500),  # a denominator of 1001 digits
    ("1 / a + 1 / (a + 1)", 10**500),  # 1 / (a × (a + 1)): the sum of two fractions
    ("-(a * a) < 0", 10**500),  # inside a comparison
])
def test_an_expression_computing_beyond_a_thousand_digits_says_which_it_is(source, value):
    expression = parse(source)
    with pytest.raises(NumberTooLarge) as raised:
        expression.evaluate({"a": Interval.exact(value)})
    assert raised.value.expression is expression


def test_an_expression_at_the_limit_is_computed_exactly():
    expression = parse("a * a * b / c")
    values = {"a": Interval.exact(10**499), "b": Interval.exact(10), "c": Interval.exact(LARGEST)}
    assert expression.evaluate(values) == Interval.exact(Fraction(10**999, LARGEST))


@pytest.mark.parametrize(("value", "text"), [
    (Fraction(10) ** 5000, "1.000e+5000"),
    (-Fraction(12345) * 10**5000, "-1.234e+5004"),  # half to even
    (Fraction(12355) * 10**5000, "1.236e+5004"),
    (Fraction(99995) * 10**4000, "1.000e+4005"),  # rounded up to the next power of ten
    (Fraction(1, 3 * 10**5000), "3.333e-5001"),
    (Fraction(2) ** 3400, "3.177e+1023"),
    (Fraction(10**999), "1" + "0" * 999),  # below 2**3322: every digit
])
def test_a_value_beyond_a_thousand_digits_is_written_with_its_power_of_ten(value, text):
    assert format_number(value) == text


def planaudit(root: Path, *args: str) -> acceptance_support.Run:
    return acceptance_support.planaudit(*args, "--data", str(root), data=None, env={"GITHUB_ACTIONS": None})


def chained(root: Path, levels: int) -> RepoBuilder:
    """Each metric thirty numbers of thirty digits times the one before: each level 870 digits more."""
    metrics = ["metrics:", "  cases: {unit: case}"]
    before = "cases"
    for level in range(levels):
        metrics.append(f"  level{level}: {{unit: case, derive: {' * '.join([before, *[NINES] * 29])}}}")
        before = f"level{level}"
    return (RepoBuilder(root).rules("\n".join(metrics) + "\n")
            .targets(f"- {{id: a, title: t, metric: {before}, rule: at_least, value: 5, quote: q}}")
            .outcomes("- {metric: cases, value: 3, quote: q}"))


def test_a_derivation_beyond_a_thousand_digits_is_a_problem_where_it_is_written(tmp_path):
    """The reported attack: six levels of such a derivation (a number of 5,200 digits) were a traceback,
    exit 1. The second level's value is the first beyond a thousand digits."""
    chained(tmp_path, 6)
    expected = ("rules/metrics.yaml:4:32: expression 'derive' computes, from the 2022 figures of testville, a number of "
                "more than 1000 digits; testville is not judged\n1 error found; not judged: testville\n")
    for options in (["--no-cache"], [], []):  # no cache, a cold one, a warm one
        run = planaudit(tmp_path, "check", "2022", "--format", "json", *options)
        assert (run.returncode, run.stderr) == (2, expected)
    run = planaudit(tmp_path, "check", "2022", "--format", "json", "--lang", "zh")
    assert (run.returncode, run.stderr) == (2, "rules/metrics.yaml:4:32: expression 'derive' 由 testville 2022年的数据算出了"
                                               "超过1000位的数；testville 未作评估\n发现1个错误；未评估：testville\n")


def test_a_derivation_below_the_limit_is_judged(tmp_path):
    chained(tmp_path, 1)
    run = planaudit(tmp_path, "check", "2022", "--no-cache")
    assert (run.returncode, run.stderr) == (0, "")
    assert "2022: 1 target — 1 met (1 measured), 0 missed, 0 unmeasured" in run.stdout


def test_a_custom_rule_beyond_a_thousand_digits_is_a_problem_where_it_is_written(tmp_path):
    product = " * ".join(["actual"] * 40)
    RepoBuilder(tmp_path).rules(f"metrics:\n  cases: {{unit: case}}\nrules:\n  huge:\n    expr: {product} >= value\n") \
        .targets("- {id: a, title: t, metric: cases, rule: huge, value: 5, quote: q}") \
        .outcomes(f"- {{metric: cases, value: {NINES}, quote: q}}")
    run = planaudit(tmp_path, "check", "2022", "--no-cache")
    assert (run.returncode, run.stderr) == (
        2, "rules/metrics.yaml:5:11: expression 'expr' computes, from the 2022 figures of testville, a number of more "
           "than 1000 digits; testville is not judged\n1 error found; not judged: testville\n")
    explained = planaudit(tmp_path, "explain", "2022", "testville", "a")
    assert explained.returncode == 2 and "Traceback" not in explained.stderr
