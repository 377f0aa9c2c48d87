"""How precisely a figure is written: the unit of its last place, from its quote (38.94万) or its digits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from planaudit.exact.numbers import Interval
from planaudit.judge.rounding import rounding_interval, written_step
from planaudit.model.data import Bound, Figure, Label, Location, Metric, Provenance, Span, Stated


def metric(unit):
    return Metric("m", Label("m", "m"), unit, None, None, Location("rules/metrics.yaml", 1))


def figure(value, quote, percent=False, bound=Bound.EXACT):
    return Figure(jurisdiction="j", year=2022, metric="m", stated=Stated(value=Decimal(value), percent=percent, bound=bound),
                  scope=None, span=Span(as_of=dt.date(2022, 12, 31)),
                  provenance=Provenance(quote=quote, location=Location("outcomes/2022/j.yaml", 4)))


@pytest.mark.parametrize(("value", "quote", "percent", "unit", "step"), [
    ("282", "立案282件", False, "case", None),  # a whole count written in full is exact
    ("389400", "完成38.94万户", False, "home", Fraction(100)),  # 38.94万: to the hundred
    ("389400", "完成389400户", False, "home", None),
    ("120000", "新增12万人", False, "person", Fraction(10000)),
    ("1210207", "1210207亿元", False, "100m_yuan", None),  # the 亿 is the unit here, not a rounding of 1210207
    ("97.12", "97.12%", True, "percent", Fraction(1, 100)),
    ("91", "结案率91%", True, "percent", Fraction(1)),
    ("91", "结案率91%", False, "percent", Fraction(1)),  # a rate written without its % is still rounded
    ("0.85", "0.85", False, "ratio", Fraction(1, 100)),
    ("85", "85%", True, "ratio", Fraction(1, 100)),  # 85% of a ratio metric: to the hundredth
    ("2.0", "上涨2.0", False, "index", Fraction(1, 10)),
    ("1.2", "1.2萬", False, "item", Fraction(1, 10)),  # 1.2 of a unit counted in 万 is its own number: no match
])
def test_the_last_written_place(value, quote, percent, unit, step):
    assert written_step(figure(value, quote, percent), metric(unit)) == step


def test_a_bound_keeps_its_own_interval():
    lower = figure("1600", "1600余场", bound=Bound.LOWER)
    assert written_step(lower, metric("event")) is None
    assert rounding_interval(lower, metric("event"), Interval.at_least(1600)) == Interval.at_least(1600)


def test_the_interval_is_half_the_last_place_either_way():
    written = figure("389400", "完成38.94万户")
    assert rounding_interval(written, metric("home"), Interval.exact(389400)) == Interval(Fraction(389350), Fraction(389450))


def test_traditional_multipliers_count_too():
    assert written_step(figure("12000", "約1.2萬戶"), metric("home")) == Fraction(1000)
