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
    ("-5", "percent", "增长-5%", True),  # a minus sign is read
    ("-5", "percent", "同比下降5%", True),  # and so is a fall
    ("5", "percent", "同比下降5%", True),  # the number as written too: a growth of -5% is "下降5%"
    ("100", "percent", "提高2个百分点", False),  # 百分点 is a unit, not the number 100
    ("2", "percent", "提高2个百分点", True),
    ("13700", "hundred_million", "粮食产量1.37万亿斤", True),  # 1.37万亿 is 13700 亿
    ("1200000000000", "yuan", "1.2万亿元", True),
    ("70", "percent", "七成以上", True),
    ("0.3", "percent", "千分之三", True),
    ("85", "percent", "百分之八十五", True),
    ("66.67", "percent", "三分之二", True),  # two thirds, to its written places
    ("0.67", "ratio", "三分之二", True),
    ("66", "percent", "三分之二", False),  # rounds it to none of its places
    ("2", "times", "经济总量翻一番", True),
    ("100", "percent", "经济总量翻一番", True),  # as growth
    ("5", "percent", "增长5—6%", True),  # the first end of a range takes the second's sign
    ("12000", "person", "一万二千人", True),
    ("1005", "item", "一千零五件", True),
    ("120000000", "yuan", "投资一亿二千万元", True),  # 万 counts the section since the last 亿
    ("1000000000000", "yuan", "一万亿元", True),
    ("5.5", "percent", "ＧＤＰ增长５．５％", True),  # full-width
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


_DIGITS = "零一二三四五六七八九"


def _below_ten_thousand(number: int) -> str:
    text, zero = "", False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // place % 10
        if digit:
            text += ("零" if zero and text else "") + _DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return text


def chinese(number: int) -> str:
    """How a document writes 1 ≤ number < 10⁸ in Chinese numerals: 十五, 一千零五, 一万二千."""
    high, low = divmod(number, 10_000)
    if not high:
        return "十" + _below_ten_thousand(low).removeprefix("一十") if 10 <= low < 20 else _below_ten_thousand(low)
    rest = "" if not low else ("零" if low < 1000 else "") + _below_ten_thousand(low)
    return _below_ten_thousand(high) + "万" + rest


FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@st.composite
def written(draw: st.DrawFn) -> tuple[str, str, str]:
    """A value, its unit, and a quote that writes it as documents do."""
    style = draw(st.sampled_from(["plain", "commas", "full-width", "wan", "yi", "chinese", "percent", "per-hundred",
                                  "tenths", "range", "fall"]))
    number = draw(st.integers(1, 99_999_999))
    if style == "commas":
        return str(number), "case", f"受理{number:,}件"
    if style == "full-width":
        return str(number), "case", f"受理{str(number).translate(FULL_WIDTH)}件"
    if style == "wan":
        return str(number * 10_000), "person", f"覆盖{number}万人"
    if style == "yi":
        return str(number), "ten_thousand_yuan", f"投资{Decimal(number) / 10_000}亿元"  # in 万元
    if style == "chinese":
        return str(number), "item", f"建成{chinese(number)}个"
    share = Decimal(draw(st.integers(1, 9999))) / 100
    if style == "percent":
        return str(share), "percent", f"达到{share}%以上"
    if style == "per-hundred":
        whole = number % 100 + 1
        return str(whole), "percent", f"达到百分之{chinese(whole)}"
    if style == "tenths":
        tenths = number % 9 + 1
        return str(tenths * 10), "percent", f"{_DIGITS[tenths]}成以上"
    if style == "range":
        return str(share), "percent", f"增长{share}—{share + 1}%"
    return str(-share), "percent", f"同比下降{share}%"  # fall


@settings(max_examples=1000, deadline=None)
@given(case=written())
def test_every_way_a_document_writes_a_number_is_read(case):
    value, unit, quote = case
    assert in_quote(Decimal(value), unit, quote) is True, (value, quote)


def test_a_number_longer_than_any_precision_with_a_multiplier_is_read_without_error():
    quote = "投资" + "9" * 60 + "万亿元"
    assert in_quote(Decimal(5), "yuan", quote) is False
    assert [number.text for number in stated_numbers("1.37万亿斤")] == ["1.37", "1370000000000", "137000000", "13700"]
