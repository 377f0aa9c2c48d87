"""The numbers a quote states, and the quick answer for a value written as stated."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planaudit.read.quotes import in_quote, in_quote_exactly, looks_like_a_ratio, stated_numbers


@pytest.mark.parametrize(("quote", "numbers"), [
    ("达85%以上", [("85", True)]),
    ("办理法律援助案件1,204件，同比增长21%", [("1204", False), ("21", True)]),
    ("覆盖20万余人（次）", [("20", False), ("200000", False)]),
    ("８５％", [("85", True)]),
    ("至少设立一家", [("1", False)]),
    ("全面清零", [("0", False)]),
    ("二十三个", [("23", False)]),
    ("5‰", [("0.5", True)]),
    ("85%～90%", [("85", True), ("90", True)]),
    ("推进法治建设", []),
])
def test_the_numbers_a_quote_states(quote, numbers):
    assert [(format(number.value, "f"), number.percent) for number in stated_numbers(quote)] == numbers


@pytest.mark.parametrize(("value", "unit", "quote", "found"), [
    ("85", "percent", "达85%以上", True),
    ("0.85", "ratio", "达85%以上", True),  # a percent and a ratio are the same number
    ("0.85", "percent", "达85%以上", False),
    ("1204", "case", "办理1,204件", True),
    ("850", "case", "办理1,850件", False),  # part of another number
    ("85", "percent", "比率为12.85%", False),
    ("5", "percent", "5‰", False),  # 5‰ is 0.5%
    ("-5", "percent", "增长-5%", False),  # a sign is not read
    ("200000", "person", "20万余人", True),
    ("1", "item", "推进法治建设", None),  # states no number: not checked
])
def test_a_value_in_its_quote(value, unit, quote, found):
    assert in_quote(Decimal(value), unit, quote) is found
    assert in_quote_exactly(Decimal(value), unit, quote) is found


def test_a_percent_written_as_a_ratio():
    assert looks_like_a_ratio(Decimal("0.85"), "percent", False)
    assert not looks_like_a_ratio(Decimal("0.85"), "percent", True)
    assert not looks_like_a_ratio(Decimal("0"), "percent", False)
    assert not looks_like_a_ratio(Decimal("0.85"), "ratio", False)


@pytest.mark.parametrize(("value", "quote", "warned"), [
    ("1", "刑事案件发案率1%", False),  # the quote says 1%: the value is as written
    ("0.5", "误差控制在0.5%以内", False),
    ("0.5", "误差控制在５‰以内", False),  # 5‰ is 0.5%
    ("1", "刑事案件发案率下降1个百分点", True),  # 1 with no percent sign beside it
    ("0.85", "结案率达85%以上", True),  # 0.85 for 85%: the warning's very case
    ("1", "", True),
])
def test_a_percent_its_quote_states_as_such_is_no_ratio(value, quote, warned):
    assert looks_like_a_ratio(Decimal(value), "percent", False, quote) is warned


PIECES = st.sampled_from(["8", "5", "0", "85", "1", "12", ".", ",", "%", "‰", "万", "千", " ", "率", "达", "-", "８", "５",
                          "％", "，", "一", "十", "两", "零"])
VALUES = st.sampled_from(["85", "8", "5", "0.85", "0.5", "12.85", "1850", "850000", "1", "10", "0", "-5", "85.0", "2"])


@settings(max_examples=2000, deadline=None)
@given(quote=st.lists(PIECES, max_size=12).map("".join), value=VALUES, unit=st.sampled_from(["percent", "ratio", "case"]))
def test_the_quick_answer_is_the_exact_one(quote, value, unit):
    assert in_quote(Decimal(value), unit, quote) == in_quote_exactly(Decimal(value), unit, quote)


@pytest.mark.parametrize(("quote", "value", "unit"), [
    ("不少於50萬戶", "500000", "home"), ("新增就業12萬人", "120000", "person"), ("完成投資3億元", "300000000", "yuan"),
    ("建成兩個中心", "2", "item"),
])
def test_a_quote_in_traditional_characters_states_its_numbers(quote, value, unit):
    assert in_quote(Decimal(value), unit, quote) is True
    assert in_quote_exactly(Decimal(value), unit, quote) is True
