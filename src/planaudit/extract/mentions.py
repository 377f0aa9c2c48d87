"""Numbers in a clause, with the words around them that say what kind of number each is.

"达到80%以上" is 80 percent with 达到 before it and 以上 after it; "20万余人（次）" is 200000
persons with 余 (so: more than). Numbers that name or order something rather than measure it —
years and dates (2022年, 4月), ordinals (第二), names (“12348”热线, “1+3”, 7×24) — carry no unit
or comparator and are left out: only numbers that say what they count are mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from planaudit.exact.numbers import MAX_DIGITS

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
_LONGEST_BEFORE = 4  # characters of the longest word _BEFORE knows (同比增长)
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
    """The numbers of ``clause`` that are neither dates nor parts of names and that say what they
    measure, in order; a number of more than MAX_DIGITS digits, which no data file may hold, is none.
    The words before a number are read only as far back as they can matter, so a clause of any
    length is read in linear time."""
    per_10k = clause.find("万人比")
    for number in _NUMBER.finditer(clause):
        start, end = number.span()
        following = clause[end:end + 1]
        if _NAME_BEFORE.search(clause, max(0, start - 1), start) or (following and _DATE_OR_NAME_AFTER.match(following)):
            continue
        written = number.group()
        if end - start - written.count(".") > MAX_DIGITS:
            continue
        after = _AFTER.match(clause, end)
        assert after is not None  # every group is optional
        scale, about, percent, counter, about_after, limit, of = after.group(
            "scale", "about", "percent", "counter", "about_after", "limit", "of")
        before = _BEFORE.search(clause, max(0, _word_end(clause, start) - _LONGEST_BEFORE), start)
        if not (percent or counter or limit or before or 0 <= per_10k <= start - 3):
            continue  # a bare number (编号1): what it counts is not said, so no draft is made of it
        value = Decimal(written)
        if scale:
            value *= _SCALE[scale]
        yield Mention(
            value=value, percent=bool(percent), counter=counter, before=before.group("word") if before else None,
            limit=limit, about=bool(about or about_after), of=bool(of), per_10k=0 <= per_10k <= start - 3,
            start=start, end=after.end(),
        )


QUOTED_WHOLE = 8  # a clause's drafts that each quote all of it (a report's clause has up to 5 figures)


def quotes(clause: str, found: list[Mention]) -> list[str]:
    """What each draft of a clause quotes, one for each mention of ``found`` (in order): the whole
    clause — unless it has more than QUOTED_WHOLE of them, which no document writes: then each its
    own words, from the end of the one before to its own end. Verbatim either way; the second keeps
    the draft as long as the document (a clause of 100,000 numbers quoted whole for each of them
    would be 100,000 times as long)."""
    if len(found) <= QUOTED_WHOLE:
        return [clause] * len(found)
    ends = [0, *(min(mention.end, len(clause)) for mention in found)]  # the reading's places: the same as
    pieces = [clause[start:end] for start, end in pairwise(ends)]  # the text's where they are as long
    return [piece.strip() or piece or clause[:1] for piece in pieces]


def _word_end(clause: str, start: int) -> int:
    """Where the words before ``start`` end: before the spaces, if any, that lead up to it."""
    while start > 0 and clause[start - 1].isspace():
        start -= 1
    return start
