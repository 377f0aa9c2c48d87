"""The numbers a quote states, so that a value can be checked against its own words.

"达85%以上" states 85 percent; "1,204件" 1204; "20万余人" 20 and 200000; "1.2万亿元" 1.2 and
1200000000000; "至少设立一家" 1; "一万二千人" 12000; "全面清零" 0; "85%～90%" and "5—6%" both ends, each
a percentage; "提高2个百分点" 2 (a 百分点 is a unit, not the number 100); "百分之八十五" 85%; "八成"
80%; "千分之三" 0.3%; "翻一番" 2 (and 100% growth), "翻两番" 4; "三分之二" two thirds, which a
value matches as written to its own places (66.67%, 0.67). Full-width digits and signs read as
their ASCII forms, and a quote in Traditional characters as Simplified ("不少於50萬戶" states 500000).
A value is in its quote when it is one of these numbers in the unit it is written in, a percent and
a ratio being the same number (85% is 0.85).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from planaudit.model.data import PERCENT, RATIO
from planaudit.read.text import simplified

_MULTIPLIERS = {"千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000), "万亿": Decimal(10) ** 12}
_ARABIC = re.compile(r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<multiplier>万亿|[千万亿])?\s*(?P<sign>[%‰])?")
# "5—6%", "85～90万": the first end of a range takes the second's sign and multiplier
_RANGE = re.compile(r"(?P<first>\d+(?:\.\d+)?)\s*[-—–~～至到]\s*\d+(?:\.\d+)?\s*(?P<multiplier>万亿|[千万亿])?\s*(?P<sign>[%‰])?")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_CHINESE = re.compile(f"[{_NUMERALS}]+")
_UNITS = {"十": 10, "百": 100, "千": 1000}
_SECTIONS = {"万": 10_000, "亿": 100_000_000}
_NOT_A_NUMBER = re.compile("百分点|千家万户|万众|千方百计|百花|一些|一批|一系列|一体|一站式|一线|统一|进一步|唯一|一律")
_PER = re.compile(f"(?P<per>[百千])分之(?P<number>\\d+(?:\\.\\d+)?|[{_NUMERALS}]+)")  # 百分之八十五, 千分之三
_FRACTION = re.compile(f"(?P<whole>\\d+|[{_NUMERALS}]+)分之(?P<part>\\d+|[{_NUMERALS}]+)")  # 三分之二
_TENTHS = re.compile("(?P<number>\\d|[一二三四五六七八九])成")  # 七成: 70%
_FALLING = re.compile(r"(?:[-−]|下降|减少|降低|回落|下滑|负增长)\s*(?:了)?\s*$")
_DOUBLINGS = {"翻一番": 1, "翻番": 1, "翻两番": 2, "翻二番": 2, "翻三番": 3}
_HUNDRED = Decimal(100)
_TRADITIONAL_NUMERALS = re.compile("[萬億兩]")  # the Traditional forms that read as another number word
_ANY_MULTIPLIER = re.compile("[千万亿萬億]")


@dataclass(frozen=True)
class Stated:
    """A number of a quote, and whether it is written as a percentage (or per mille, ‰)."""

    value: Decimal
    percent: bool = False
    fraction: Fraction | None = None  # a fraction (三分之二): matched by a value written to its own places

    @property
    def text(self) -> str:
        if self.fraction is not None:
            return f"{self.fraction.numerator}/{self.fraction.denominator}"
        return format(self.value, "f") + ("%" if self.percent else "")


def stated_numbers(quote: str) -> list[Stated]:
    """Every number the quote states, in order; a number with a multiplier counts with and without it."""
    text = unicodedata.normalize("NFKC", quote)
    if _TRADITIONAL_NUMERALS.search(text):  # 萬, 億, 兩 read as 万, 亿, 两; other characters change no number
        text = simplified(text)
    return [*_arabic(text), *_ranges(text), *_words(text), *_chinese(_NOT_A_NUMBER.sub("、", text))]


def _ranges(text: str) -> Iterator[Stated]:
    """The first end of each range, with the sign and multiplier its second end is written with."""
    for found in _RANGE.finditer(text):
        if not (found["sign"] or found["multiplier"]):
            continue
        number = Decimal(found["first"])
        if found["sign"]:
            yield Stated(number / 10 if found["sign"] == "‰" else number, percent=True)
        if found["multiplier"]:
            yield from map(Stated, _multiplied(number, found["multiplier"]))


def _multiplied(number: Decimal, multiplier: str) -> Iterator[Decimal]:
    """A number with its multiplier, in ones and in each smaller multiplier: 1.37万亿 is
    1370000000000, and 13700 (亿), and 137000000 (万) — the units a catalogue may count it in."""
    whole = number * _MULTIPLIERS[multiplier]
    yield _plain(whole)
    for smaller in _MULTIPLIERS.values():
        if smaller < _MULTIPLIERS[multiplier] and smaller >= 10_000:
            yield _plain(whole / smaller)


def _plain(value: Decimal) -> Decimal:
    """The value without trailing zeros after its point (1370000000000, not 1370000000000.00) — by
    normalize, which never raises, where quantize would for a number longer than the context's
    precision (a quote of data from strangers may write one)."""
    return value.normalize()


def _words(text: str) -> Iterator[Stated]:
    """Numbers written in words: 百分之八十五 (85%), 千分之三 (0.3%), 七成 (70%), 三分之二, 翻一番 (×2)."""
    for found in _PER.finditer(text):
        value = _number_or_numerals(found["number"])
        if value is not None:
            yield Stated(value if found["per"] == "百" else value / 10, percent=True)
    for found in _FRACTION.finditer(text):
        whole, part = _number_or_numerals(found["whole"]), _number_or_numerals(found["part"])
        if found["whole"] not in ("百", "千") and whole and part is not None:
            share = Fraction(part) / Fraction(whole)
            yield Stated(Decimal(share.numerator) / Decimal(share.denominator), fraction=share)
    for found in _TENTHS.finditer(text):
        tenths = _number_or_numerals(found["number"])
        if tenths is not None:
            yield Stated(tenths * 10, percent=True)
    for word, times in _DOUBLINGS.items():
        if word in text:
            yield Stated(Decimal(2**times))
            yield Stated(Decimal(2**times - 1) * _HUNDRED, percent=True)  # as growth: 翻一番 is +100%


def _number_or_numerals(text: str) -> Decimal | None:
    if text[:1].isdigit():
        return Decimal(text)
    value = _chinese_value(text)
    return None if value is None else Decimal(value)


def _arabic(text: str) -> Iterator[Stated]:
    """Numbers in digits; one after a minus sign, or after 下降 or 减少 (同比下降3.5%), is read as negative too."""
    for found in _ARABIC.finditer(text):
        number = Decimal(found["number"].replace(",", ""))
        sign = found["sign"]
        signs = (1, -1) if _FALLING.search(text[max(found.start() - 4, 0):found.start()]) else (1,)
        for direction in signs:
            if sign == "‰":
                yield Stated(direction * number / 10, percent=True)
                continue
            yield Stated(direction * number, percent=sign == "%")
            if found["multiplier"]:
                yield from (Stated(direction * value) for value in _multiplied(number, found["multiplier"]))


def multiplied_step(value: Decimal, quote: str) -> Decimal | None:
    """The place a quote rounds ``value`` to, where it writes it with a multiplier: 389400 as
    "38.94万" is written to the hundred (100); None where it does not write it so."""
    if not _ANY_MULTIPLIER.search(quote):  # most quotes have none: no need to read their numbers
        return None
    text = unicodedata.normalize("NFKC", quote)
    if _TRADITIONAL_NUMERALS.search(text):
        text = simplified(text)
    for found in _ARABIC.finditer(text):
        if not found["multiplier"] or found["sign"]:
            continue
        number = Decimal(found["number"].replace(",", ""))
        multiplier = _MULTIPLIERS[found["multiplier"]]
        if number * multiplier == value:
            exponent = number.as_tuple().exponent
            assert isinstance(exponent, int)  # a number read from digits is finite
            return Decimal(1).scaleb(min(exponent, 0)) * multiplier
    return None


def _chinese(text: str) -> Iterator[Stated]:
    """Numbers in Chinese numerals: 一…十、两, and compounds such as 二十三, 一百, 三千五百, 一万二千
    or 1.2亿's words; a 百, 千, 万 or 亿 with no digit before it is a word (百姓, 千家万户), not a number."""
    for found in _CHINESE.finditer(text):
        value = _chinese_value(found.group())
        if value is not None:
            yield Stated(Decimal(value))


def _chinese_value(word: str) -> int | None:
    """The number a run of Chinese numerals writes; None when it writes none (二三, a bare 百)."""
    if word[0] in "百千万亿":
        return None
    total, section, digit = 0, 0, None
    for char in word:
        if char in _DIGITS:
            if digit is not None and digit != 0:  # 二三: a list of digits, not a number (零 only pads: 一千零五)
                return None
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif char == "万":  # the section since the last 亿 is counted in 万 (一亿二千万: 1亿 + 2000万)
            total += (section + (digit or 0)) * _SECTIONS[char]
            section, digit = 0, None
        else:  # 亿: everything before is counted in it (一万亿)
            total = (total + section + (digit or 0)) * _SECTIONS[char]
            section, digit = 0, None
    return total + section + (digit or 0)


def in_quote(value: Decimal, unit: str, quote: str) -> bool | None:
    """Is ``value``, written in ``unit``, one of the numbers ``quote`` states? None when it states none.

    Most quotes state their value as written ("结案率91%" for 91); such a quote is answered at once,
    without reading all its numbers — with the answer :func:`in_quote_exactly` gives (a test holds
    the two to that)."""
    written = format(value, "f")
    if written[0].isdigit() and _written_in(written, unicodedata.normalize("NFKC", quote)):
        return True
    return in_quote_exactly(value, unit, quote)


def in_quote_exactly(value: Decimal, unit: str, quote: str) -> bool | None:
    """:func:`in_quote`, by reading every number of the quote."""
    numbers = stated_numbers(quote)
    if not numbers:
        return None
    return any(value in readings(number, unit) if number.fraction is None else _as_written(value, number.fraction)
               for number in numbers)


def _as_written(value: Decimal, fraction: Fraction) -> bool:
    """Is ``value`` the fraction (or the fraction in percent) rounded to the places ``value`` is written
    to: 66.67 or 0.67 for 三分之二, 66.7 too — but not 66 (which rounds it to none of its places)?"""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(-exponent, 0)
    return any(value == round(Decimal(share.numerator) / Decimal(share.denominator), places)
               for share in (fraction, fraction * 100))


def _written_in(number: str, text: str) -> bool:
    """Does ``text`` hold ``number`` as a whole number of its own — one that :func:`stated_numbers`
    reads as that very number (not part of 1,850 or 12.85, nor 5‰, which is 0.5%)?"""
    start = text.find(number)
    while start >= 0:
        end = start + len(number)
        before = text[start - 1] if start else ""
        after = text[end:end + 1]
        rest = text[end:].lstrip()
        sign = (rest[1:].lstrip() if rest[:1] in _MULTIPLIERS else rest)[:1]  # as _ARABIC reads "85 万 ‰"
        if (before not in _JOINING and after not in _JOINING and not after.isdigit() and not before.isdigit()
                and sign != "‰"):
            return True
        start = text.find(number, start + 1)
    return False


_JOINING = frozenset(",.")  # a digit beside them may belong to the same number (1,850; 12.85)


def readings(number: Stated, unit: str) -> tuple[Decimal, ...]:
    """What a stated number may be as a value written in ``unit``: 85% is 85 in percent, 0.85 as a ratio."""
    if unit == RATIO and number.percent:
        return number.value, number.value / _HUNDRED
    return (number.value,)


def looks_like_a_percentage(value: Decimal, unit: str, percent_sign: bool, quote: str) -> bool:
    """A value of a ratio (at most 1, as a rule) written as the percentage its quote states: 91 for
    "结案率91%" on a ratio metric, which reads 91 — 9100%."""
    if unit != RATIO or percent_sign or value <= 1:
        return False
    return any(number.percent and number.value == value for number in stated_numbers(quote))


def looks_like_a_ratio(value: Decimal, unit: str, percent_sign: bool, quote: str = "") -> bool:
    """A value of a percent that is written as a ratio: 0.85 for 85% — unless ``quote``, its own
    words, states that very number as a percentage ("发案率1%": 1 is 1%, as written)."""
    if unit != PERCENT or percent_sign or not 0 < value <= 1:
        return False
    return not any(number.percent and number.value == value for number in stated_numbers(quote))
