"""Draft targets from the clauses of a plan: the wording decides the rule (docs/verdicts.md).

A clause yields a target for each number it commits to, else one for 零…/清零 (equals 0), else
one for 全覆盖/建成/开通/创成 (achieved); a clause with none of these yields nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from planaudit.extract.draft import DraftTarget
from planaudit.extract.mentions import Mention, mentions, quotes
from planaudit.extract.segment import Clause

# Catalogue units (rules/metrics.yaml speaks English) for the counters a plan writes.
UNITS = {"件": "case", "人": "person", "名": "person", "人次": "person_time", "场": "event", "个": "item",
         "家": "organisation", "所": "institution", "次": "occurrence", "项": "item"}
PER_10K = "per_10k"

_AT_LEAST = {"不低于", "不少于", "至少", "达到", "达"}
_MORE_THAN = {"超过", "高于", "超"}
_LESS_THAN = {"低于", "不满", "少于", "不足"}
_GROWTH = {"同比增长", "增长"}
_ZERO = re.compile(r"清零|(?<![一二三四五六七八九十百千万〇零])零(?![星散售碎件时点])[\u4e00-\u9fff]")
_ACHIEVED = re.compile(r"全覆盖|建成|开通|创成|制定|出台")
_BUILDING = re.compile(  # verbs of building, setting up and reaching, with something to show for them:
    # 建设 only as a verb (队伍建设 is a noun), 创新 a named model or a number of things
    r"建立|制定|出台|建成|实现|推出|设立|开通|创建|争创|入驻|通办|升级改造|全面运行|保持全省领先"
    r"|创新(?:一系列|一批|[一二三四五六七八九十两\d]+[套项个])|试点的培育|(?:加快|联合|努力|大力)建设|(?<!法治)建设“")
_BUILDING_THEN = (  # a verb, then — anywhere after it before the next ，,。； — what it builds:
    ("打造", re.compile(r"“|品牌|平台|体系|中心|工作室|形象|高地|集群|名片")),  # a brand or a platform (not 亮点)
    ("创新", re.compile(r"“")), ("培育", re.compile(r"试点")), ("实施", re.compile(r"工程|考务")),
    ("完成", re.compile(r"立法")), ("确保", re.compile(r"“")),
)  # (a pattern such as 打造[^，,。；]*品牌 would read on from each 打造 to the stretch's end: quadratic)
_STRETCH = re.compile(r"[^，,。；]+")
_THEN_VERBS = re.compile("|".join(verb for verb, _ in _BUILDING_THEN))
_FRAMING = re.compile(r"(?:努力|积极)?(?:以|为|围绕|按照|坚持把|把|在.+(?:上|方面))")  # 以…为抓手, 在…方面: how, not what
_DEADLINE = re.compile(r"(?:([1-9]|1[0-2])月|年)底前")
_LEAD_IN = re.compile(r"(?:力争|争取|确保)?在?(?:([1-9]|1[0-2])月|年)底前[，,]")  # "4月底前，…": for the whole sentence


def draft_targets(clauses: Iterable[Clause], year: int) -> list[DraftTarget]:
    drafts = [draft for clause in clauses for draft in _clause_targets(clause, year)]
    width = max(2, len(str(len(drafts))))
    return [draft.numbered(f"t{index:0{width}d}") for index, draft in enumerate(drafts, start=1)]


def _clause_targets(clause: Clause, year: int) -> Iterator[DraftTarget]:
    deadline = _deadline(clause, year)
    numeric = [(mention, rule) for mention in mentions(clause.reading) if (rule := numeric_rule(mention)) is not None]
    said = quotes(clause.text, [mention for mention, _ in numeric])
    for (mention, rule), quote in zip(numeric, said, strict=True):
        yield DraftTarget(quote, rule, mention.value, mention.percent, _unit(mention), mention.counter,
                          deadline, clause.section, clause.line)
    if numeric:
        return
    if _ZERO.search(clause.reading):
        yield DraftTarget(clause.text, "equals", Decimal(0), False, None, None, deadline, clause.section, clause.line)
    elif _ACHIEVED.search(clause.reading) or _builds(clause):
        yield DraftTarget(clause.text, "achieved", None, False, None, None, deadline, clause.section, clause.line)


def reads_as_commitment(clause: Clause, year: int) -> bool:
    """Does the clause commit to something a target could hold: a number with its comparator, 清零,
    全覆盖, a verb of building or setting up (建立、制定、出台、建设、打造、实现…), or a deadline? A
    title's verb of building (一、强化政治建设) does not: the title sums up its body; its number does."""
    return bool(_DEADLINE.search(clause.reading) or next(_clause_targets(clause, year), None) is not None)


def _builds(clause: Clause) -> bool:
    """A verb of building or setting up, in a clause that says what is to be done (not a part's
    title, nor a framing such as 以…为抓手 or 为…提供)."""
    return builds(clause.reading) and not clause.heading and not _FRAMING.match(clause.reading)


def builds(text: str) -> bool:
    """Does ``text`` have a verb of building with what it builds (see _BUILDING and _BUILDING_THEN)?
    Read in linear time: each verb's first place in a stretch, then its object after it."""
    if _BUILDING.search(text):
        return True
    if not _THEN_VERBS.search(text):
        return False
    for stretch in _STRETCH.finditer(text):
        start, end = stretch.span()
        for verb, then in _BUILDING_THEN:
            at = text.find(verb, start, end)
            if at >= 0 and then.search(text, at + len(verb), end):
                return True
    return False


def numeric_rule(mention: Mention) -> str | None:
    """The built-in rule a plan's wording around a number asks for; None when it is no commitment."""
    if mention.of or not mention.measures:
        return None
    before, limit = mention.before, mention.limit
    if before in _GROWTH:
        return "growth_at_least" if mention.percent and limit != "以下" and limit != "以内" else None
    if before in _MORE_THAN:
        return "more_than"
    if before in _LESS_THAN:
        return "less_than"
    if before == "不超过" or before == "控制在" or limit in ("以下", "以内"):
        return "at_most"
    if limit == "以上" or before in _AT_LEAST:
        return "at_least"
    if mention.counter is not None:
        return "at_least"  # 开展企业法治体检2万家: a plan's bare count is a floor to reach
    return None


def _unit(mention: Mention) -> str | None:
    if mention.per_10k:
        return PER_10K
    return UNITS.get(mention.counter or "")


def _deadline(clause: Clause, year: int) -> dt.date | None:
    """N月底前: the last day of that month of the plan's year (年底前: of the year). Said in the
    clause, or at the head of its sentence ("4月底前，…")."""
    found = _DEADLINE.search(clause.reading) or _LEAD_IN.match(clause.sentence_reading)
    if found is None:
        return None
    month = int(found.group(1)) if found.group(1) else 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])
