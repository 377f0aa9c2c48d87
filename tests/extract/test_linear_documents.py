"""`extract` and `coverage` take time linear in the document, whatever its shape: one clause of a
megabyte, all punctuation, a million digits, a verb or 万 repeated, brackets, many short lines (a
1 MB plan that is one long clause took 276 s to hold, 237 s to draft; one shape ran past 600 s).
Each shape is timed at two sizes, the larger eight times the smaller, in the same test."""

from __future__ import annotations

import io
import random
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planaudit import api
from planaudit.check.coverage import plan_coverage
from planaudit.extract import extract_text, render
from planaudit.extract.mentions import QUOTED_WHOLE, mentions
from planaudit.extract.plan import builds
from planaudit.extract.render import scalar
from planaudit.extract.segment import clauses
from planaudit.model.data import Location, Plan, Provenance, SourceDocument, Target, Threshold
from planaudit.report import COVERAGE, reporter_class
from support import COUNT_METRICS, JURISDICTION, RepoBuilder
from timing import assert_linear, best_time

SHAPES = {  # what the document repeats, after its title
    "one clause, no punctuation": "加强法治建设推进依法行政达到5件",
    "all punctuation": "，。；：！？",
    "a million digits": "1",
    "commitment verbs": "打造创新培育实施完成确保",
    "万, 亿 and %": "增长5%达到1万件超过2亿人次",
    "nested brackets and quotes": "（“【《「",
    "many short lines": "一、\n（二）达到1件\n",
    "numbers and commas": "1,",
    "a figure a clause": "1件,",
    "short sentences": "达到5件。",
    "one sentence of clauses": "建立1个机制，",
}
TITLES = {"plan": "2022年工作要点\n", "report": "2022年工作总结\n"}


def document(shape: str, size: int, kind: str) -> str:
    """About ``size`` characters of ``shape`` under a title that says the kind and the year."""
    unit = SHAPES[shape]
    return TITLES[kind] + unit * max(1, size // len(unit)) + "\n"


def repository(root: Path) -> Path:
    builder = RepoBuilder(root).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 5, quote: 达到5件}")
    builder.outcomes("- {metric: cases, value: 5, quote: 达到5件}")
    return root


def drafted_and_held(root: Path, shape: str, size: int) -> None:
    """Draft a plan and a report of the shape, and hold each against the repository at ``root``."""
    for kind in TITLES:
        text = document(shape, size, kind)
        render(extract_text(text, f"{kind}.txt", JURISDICTION))
        path = root / f"{kind}.txt"
        path.write_text(text, encoding="utf-8")
        result = api.coverage(root, path, JURISDICTION)
        reporter_class("json", COVERAGE)("en").write(result, io.StringIO())


@pytest.mark.parametrize("shape", list(SHAPES))
def test_extract_and_coverage_take_time_linear_in_the_document(tmp_path, shape):
    root = repository(tmp_path)
    small = best_time(lambda: drafted_and_held(root, shape, 4000))
    large = best_time(lambda: drafted_and_held(root, shape, 32_000), repeat=1)
    assert_linear(small, large, what=shape)


@pytest.mark.long
@pytest.mark.parametrize("shape", list(SHAPES))
def test_extract_and_coverage_stay_linear_over_a_wider_range(tmp_path, shape):
    # from 4,000 characters to 128,000: a quadratic shape that a fixed cost still hides at 32,000 shows
    root = repository(tmp_path)
    small = best_time(lambda: drafted_and_held(root, shape, 4000))
    assert_linear(small, best_time(lambda: drafted_and_held(root, shape, 128_000), repeat=1), growth=32, what=shape)


# Each fix keeps the answers: the reading of numbers and verbs, coverage, and how drafts are written.

_NAME_BEFORE = re.compile(r"[第+×xX*＋/／.－—-]$")
_BEFORE = re.compile(r"(?P<word>不低于|不少于|不超过|不足|不满|至少|达到|超过|高于|低于|少于|控制在|同比增长|增长|将近|近|达|超)"
                     r"\s*$")
_BUILDING_AS_IT_WAS = re.compile(
    r"建立|制定|出台|建成|实现|推出|设立|开通|创建|争创|入驻|通办|升级改造|全面运行|保持全省领先"
    r"|打造[^，,。；]*(?:“|品牌|平台|体系|中心|工作室|形象|高地|集群|名片)"
    r"|创新(?:[^，,。；]*“|一系列|一批|[一二三四五六七八九十两\d]+[套项个])|培育[^，,。；]*试点|试点的培育"
    r"|(?:加快|联合|努力|大力)建设|(?<!法治)建设“|实施[^，,。；]*(?:工程|考务)|完成[^，,。；]*立法|确保[^，,。；]*“")
PIECES = ["达到", "不少于", " ", "\u3000", "5", "12", "0.5", "万", "亿", "%", "件", "人次", "以上", "的", "第", "+", "x",
          "万人比", "年", "同比增长", "近", "，", "。", "；", "打造", "品牌", "创新", "“", "培育", "试点", "实施", "工程",
          "完成", "立法", "确保", "建设", "法治", "一", "套", "余", "（次）", "-", ".", ",", "平台"]


def reading_as_it_was(clause: str) -> list[tuple[object, ...]]:
    """What each number of a clause says, read as mentions() read it before it was made linear
    (each number against all the text before it), kept to the numbers that say what they count."""
    found = []
    for number in re.finditer(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", clause):
        start, end = number.span()
        following = clause[end:end + 1]
        if _NAME_BEFORE.search(clause[:start]) or (following and re.match(r"[年月日号时+×xX*＋/／:：.－—-]", following)):
            continue
        if len(number.group().replace(".", "")) > 30:
            continue
        before = _BEFORE.search(clause[:start])
        per_10k = "万人比" in clause[:start]
        found.append((number.span(), before.group("word") if before else None, per_10k))
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_numbers_read_as_they_were_read_before(pieces):
    clause = "".join(pieces)
    now = [((mention.start, mention.start + len(_number_at(clause, mention.start))), mention.before, mention.per_10k)
           for mention in mentions(clause)]
    before = [found for found in reading_as_it_was(clause) if _measures(clause, found)]
    assert now == before


def _number_at(clause: str, start: int) -> str:
    found = re.match(r"\d+(?:\.\d+)?", clause[start:])
    assert found is not None
    return found.group()


def _measures(clause: str, found: tuple[object, ...]) -> bool:
    """Whether a number read the old way says what it counts, as mentions() now asks of it."""
    (start, end), before, per_10k = found  # type: ignore[misc]
    after = re.match(r"(万|亿)?(余|多)?(%|％)?(人次|件|人|个|家|所|场|名|次|项)?(?:[（(]次[）)])?(余|多)?(以上|以下|以内)?",
                     clause[end:])
    assert after is not None
    return bool(after.group(3) or after.group(4) or after.group(6) or before or per_10k)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_verbs_of_building_read_as_they_were_read_before(pieces):
    text = "".join(pieces)
    assert builds(text) == bool(_BUILDING_AS_IT_WAS.search(text))


def test_a_clause_of_many_numbers_quotes_each_its_own_words():
    few = "办理1件、2件、3件"
    many = "".join(f"{number}件" for number in range(1, QUOTED_WHOLE + 2))
    drafted = extract_text(f"2022年工作总结\n{few}\n{many}\n", "r.txt", JURISDICTION)
    assert [figure.clause for figure in drafted.figures[:3]] == [few] * 3  # as every clause always was
    assert [figure.clause for figure in drafted.figures[3:]] == [f"{number}件" for number in range(1, QUOTED_WHOLE + 2)]


def test_a_number_too_long_for_any_data_file_is_drafted_as_none():
    drafted = extract_text("2022年工作要点\n达到" + "1" * 5000 + "件，达到5件\n", "p.txt", JURISDICTION)
    assert [(target.value, target.clause) for target in drafted.targets] == [(Decimal(5), "达到5件")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["达到5件", "建立", "机制", "，", "。", "\n", "打造品牌", "5件"]), max_size=30),
       st.lists(st.sampled_from(["达到5件", "5件", "机制", "打造品牌", "不在其中"]), max_size=5))
def test_coverage_finds_the_clauses_no_quote_stands_on_as_it_did(parts, quoted):
    text = "2022年工作要点\n" + "".join(parts)
    targets = tuple(Target(jurisdiction="x", year=2022, id=f"t{index}", title="t", metric="cases", rule="at_least",
                           provenance=Provenance(quote=quote, location=Location("targets/x.yaml", index + 1)),
                           value=Threshold(number=Decimal(1))) for index, quote in enumerate(quoted))
    plan = Plan("targets/2022/x.yaml", "x", "x", 2022, SourceDocument(), targets)
    found = plan_coverage(text, "p.txt", plan)
    spans = [(start, start + len(quote)) for quote in quoted
             for start in [index for index in range(len(text)) if text.startswith(quote, index)]]
    cursor, expected = 0, []
    for clause in clauses(text):
        start = text.find(clause.text, cursor)
        cursor = start + len(clause.text)
        if any(item.text == clause.text and item.line == clause.line for item in found.clauses) \
                and not any(start < end and other < cursor for other, end in spans):
            expected.append((clause.text, clause.line))
    assert [(item.text, item.line) for item in found.uncovered] == expected


ALPHABET = list("ab1_.%-:#, ") + ["加", "强", "“", "”", "，", "。", "—", "…", "、", "（", "）", "％", "\u3000", "\u2028",
                                  "\u2029", "\ufeff", "\x85", "y", "n", "0", "e", "E", "+", "~", "!", "&", "*", "@", "`",
                                  "[", "]", "{", "}", "|", ">", "'", '"', "?", "\t", "\n", "Y", "N", "o", "f", "t"]


def pyyaml(value: object) -> str:
    text = yaml.dump(value, Dumper=yaml.SafeDumper, allow_unicode=True, width=2**30, default_flow_style=True)
    return text.removesuffix("\n...\n").removesuffix("\n")


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(ALPHABET, max_size=10), st.text(max_size=6), st.integers(-10**30, 10**30)))
def test_a_scalar_is_written_as_pyyaml_writes_it(value):
    assert scalar(value) == pyyaml(value)


def test_scalars_of_every_kind_a_draft_writes_are_written_as_pyyaml_writes_them():
    chosen = random.Random(3)
    words = ["达到5件", "t001", "at_least", "case", "yes", "no", "null", "1_000", "0x1F", "12", "5%", "2022-12-31", "一（一）",
             "“12348”热线", "法治“三下乡”", "ａｂｃ", "true", "on", "~", "-5", ".5", "5.", "1e5", "NaN", "<<", "="]
    for word in words + ["".join(chosen.choice(words) for _ in range(3)) for _ in range(300)]:
        assert scalar(word) == pyyaml(word), word


@pytest.mark.parametrize("title", ["2022年工作要点,附件{x}", "2022年工作要点：[草案]", "2022年工作要点 #1", "2022年工作要点"])
def test_the_drafts_title_reads_back_as_written(title):
    drafted = render(extract_text(f"{title}\n达到5件\n", "p.txt", JURISDICTION))  # {title: …}: a flow mapping
    assert yaml.safe_load(drafted)["document"] == {"title": title}
