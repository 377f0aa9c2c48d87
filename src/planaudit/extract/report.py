"""Draft figures from the clauses of a report: one per number that says what it counts.

余、多、超 and 以上 make the figure a lower bound; 近 and 不足 an upper bound (docs/format.md); a
clause that says 预计 projects its figures (projected: true), which then decide nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from planaudit.extract.draft import DraftFigure
from planaudit.extract.mentions import Mention, mentions, quotes
from planaudit.extract.segment import Clause
from planaudit.model.data import Bound

_LOWER = {"超", "超过"}
_UPPER = {"近", "将近", "不足"}


def draft_figures(clauses: Iterable[Clause]) -> list[DraftFigure]:
    drafts = []
    for clause in clauses:
        found = [mention for mention in mentions(clause.reading)
                 if (mention.percent or mention.counter is not None) and not mention.of]
        projected = "预计" in clause.reading
        drafts += [DraftFigure(quote, mention.value, mention.percent, mention.counter, bound(mention), clause.line,
                               projected) for mention, quote in zip(found, quotes(clause.text, found), strict=True)]
    return drafts


def bound(mention: Mention) -> Bound:
    if mention.about or mention.before in _LOWER or mention.limit == "以上":
        return Bound.LOWER
    if mention.before in _UPPER:
        return Bound.UPPER
    return Bound.EXACT
