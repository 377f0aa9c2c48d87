"""Numbers in a clause, with the words around them that say what kind of number each is.

"达到80%以上" is 80 percent with 达到 before it and 以上 after it; "20万余人（次）" is 200000
persons with 余 (so: more than). Numbers that name or order something rather than measure it —
years and dates (2022年, 4月), ordinals (第二), names (“12348”热线, “1+3”, 7×24) — carry no unit
or comparator and are left out by the callers, which only take numbers that say what they count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

# Counters the issue names, then the commonest others. Longest first: 人次 before 人.
COUNTERS = ("人次", "件", "人", "个", "家", "所", "场", "名", "次", "项")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_AFTER = re.compile(
    r"(?P<scale>万|亿)?(?P<about>余|多)?(?P<percent>%|％)?"
    rf"(?P<counter>{'|'.join(COUNTERS)})?(?:[（(]次[）)])?(?P<about_after>余|多)?"
    r"(?P<limit>以上|以下|以内)?(?P<of>的)?"
)
_BEFORE = re.compile(
    r"(?P<word>不低于|不少于|不超过|不足|不满|至少|达到|超过|高于|低于|少于|控制在|同比增长|增长|将近|近|达|超)"
    r"\s*$"
)
_DATE_OR_NAME_AFTER = re.compile(r"[年月日号时+×xX*＋/／:：.－—-]")
_NAME_BEFORE = re.compile(r"[第+×xX*＋/／.－—-]$")
_SCALE = {"万": Decimal(10000), "亿": Decimal(100000000)}


@dataclass(frozen=True, slots=True)
class Mention:
    """One number of a clause and the words that qualify it."""

    value: Decimal  # scaled: 2万 is 20000
    percent: bool
    counter: str | None  # 件, 人次, … as written
    before: str | None  # the comparator written just before it: 达到, 不超过, 同比增长, 近, …
    limit: str | None  # 以上 | 以下 | 以内
    about: bool  # 余 or 多: "more than"
    of: bool  # followed by 的: it qualifies a noun ("30名以上的律师所"), it is not the commitment
    per_10k: bool  # 万人比: a count per ten thousand residents
    start: int
    end: int

    @property
    def measures(self) -> bool:
        """Whether the words around it say it measures something, rather than name or date it."""
        return self.percent or self.counter is not None or self.per_10k or self.before is not None \
            or self.limit is not None


def mentions(clause: str) -> Iterator[Mention]:
    """The numbers of ``clause`` that are neither dates nor parts of names, in order."""
    for number in _NUMBER.finditer(clause):
        start, end = number.span()
        following = clause[end:end + 1]
        if _NAME_BEFORE.search(clause[:start]) or (following and _DATE_OR_NAME_AFTER.match(following)):
            continue
        after = _AFTER.match(clause, end)
        assert after is not None  # every group is optional
        before = _BEFORE.search(clause[:start])
        value = Decimal(number.group())
        if after.group("scale"):
            value *= _SCALE[after.group("scale")]
        yield Mention(
            value=value, percent=bool(after.group("percent")), counter=after.group("counter"),
            before=before.group("word") if before else None, limit=after.group("limit"),
            about=bool(after.group("about") or after.group("about_after")), of=bool(after.group("of")),
            per_10k="万人比" in clause[:start], start=start, end=after.end(),
        )
