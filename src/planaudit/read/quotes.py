"""The numbers a quote states, so that a value can be checked against its own words.

"达85%以上" states 85 percent; "1,204件" 1204; "20万余人" 20 and 200000; "至少设立一家" 1;
"全面清零" 0; "85%～90%" both ends. Full-width digits and signs read as their ASCII forms, and a quote
in Traditional characters as Simplified ("不少於50萬戶" states 500000). A value
is in its quote when it is one of these numbers in the unit it is written in, a percent and a
ratio being the same number (85% is 0.85).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from planaudit.model.data import PERCENT, RATIO
from planaudit.read.text import simplified

_MULTIPLIERS = {"千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
_ARABIC = re.compile(r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<multiplier>[千万亿])?\s*(?P<sign>[%‰])?")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百]+")
_HUNDRED = Decimal(100)
_TRADITIONAL_NUMERALS = re.compile("[萬億兩]")  # the Traditional forms that read as another number word
_ANY_MULTIPLIER = re.compile("[千万亿萬億]")


@dataclass(frozen=True)
class Stated:
    """A number of a quote, and whether it is written as a percentage (or per mille, ‰)."""

    value: Decimal
    percent: bool = False

    @property
    def text(self) -> str:
        return format(self.value, "f") + ("%" if self.percent else "")


def stated_numbers(quote: str) -> list[Stated]:
    """Every number the quote states, in order; a number with a multiplier counts with and without it."""
    text = unicodedata.normalize("NFKC", quote)
    if _TRADITIONAL_NUMERALS.search(text):  # 萬, 億, 兩 read as 万, 亿, 两; other characters change no number
        text = simplified(text)
    return [*_arabic(text), *_chinese(text)]


def _arabic(text: str) -> Iterator[Stated]:
    for found in _ARABIC.finditer(text):
        number = Decimal(found["number"].replace(",", ""))
        sign = found["sign"]
        if sign == "‰":
            yield Stated(number / 10, percent=True)
            continue
        yield Stated(number, percent=sign == "%")
        if found["multiplier"]:
            yield Stated(number * _MULTIPLIERS[found["multiplier"]])


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
    """Small numbers in Chinese numerals: 一…十、两, and compounds such as 二十三 or 一百."""
    for found in _CHINESE.finditer(text):
        value = _chinese_value(found.group())
        if value is not None:
            yield Stated(Decimal(value))


def _chinese_value(word: str) -> int | None:
    total, digit = 0, None
    for char in word:
        if char in _DIGITS:
            if digit is not None:  # 二三: a list of digits, not a number
                return None
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * (10 if char == "十" else 100)
            digit = None
    return total + (digit or 0)


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
    return any(value in readings(number, unit) for number in numbers)


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


def looks_like_a_ratio(value: Decimal, unit: str, percent_sign: bool, quote: str = "") -> bool:
    """A value of a percent that is written as a ratio: 0.85 for 85% — unless ``quote``, its own
    words, states that very number as a percentage ("发案率1%": 1 is 1%, as written)."""
    if unit != PERCENT or percent_sign or not 0 < value <= 1:
        return False
    return not any(number.percent and number.value == value for number in stated_numbers(quote))
