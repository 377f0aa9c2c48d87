"""Hedges kept: a target's strength — firm, strive (力争), explore (探索) — read from the plan's own
words unless the data says it, shown in every format and counted apart in the summary."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from planaudit import Verdict, audit
from planaudit.model.data import Strength
from planaudit.model.wording import strength_of
from planaudit.report import reporter_class
from support import COUNT_METRICS, RepoBuilder

ROOT = Path(__file__).parent.parent.parent


@pytest.mark.parametrize(("words", "strength"), [
    ("确保调解成功率达到95%以上", Strength.FIRM),
    ("力争在4月底前全面化解清零", Strength.STRIVE),
    ("争取实现调解成功率达85%以上", Strength.STRIVE),
    ("努力提高结案率", Strength.STRIVE),
    ("全力争创全国法治政府建设示范市", Strength.STRIVE),
    ("探索建立特邀行政执法监督员工作机制", Strength.EXPLORE),
    ("研究制定律师行业扶持政策", Strength.EXPLORE),
    ("力争探索建立新机制", Strength.EXPLORE),  # the weaker hedge holds
])
def test_the_plan_s_words_say_how_firmly_it_commits(words, strength):
    assert strength_of(words) is strength


TARGETS = """
- {id: firm, title: 立案300件以上, metric: cases, rule: at_least, value: 300, quote: 确保立案300件以上}
- {id: strive, title: 力争结案280件以上, metric: closed, rule: at_least, value: 280, quote: 力争结案280件以上}
- {id: stated, title: 结案率90%以上, metric: rate, rule: at_least, value: 90, quote: 探索结案率达90%, strength: firm}
"""
FIGURES = """
- {metric: cases, value: 282, quote: 立案282件}
- {metric: closed, value: 276, quote: 结案276件}
"""


def result(tmp_path):
    return RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGETS).outcomes(FIGURES).audit()


def test_the_data_may_say_the_strength_and_else_the_quote_does(tmp_path):
    found = {item.target.id: item.target.strength for item in result(tmp_path).results}
    assert found == {"firm": Strength.FIRM, "strive": Strength.STRIVE, "stated": Strength.FIRM}


def test_the_summary_counts_the_hedged_apart(tmp_path):
    audited = result(tmp_path)
    assert [(item.target.id, item.verdict) for item in audited.results] == [
        ("firm", Verdict.MISSED), ("strive", Verdict.MISSED), ("stated", Verdict.MET)]  # 282 < 300, 276 < 280
    summary = audited.summary
    assert summary.by_strength(Verdict.MET) == [(Strength.STRIVE, 0), (Strength.EXPLORE, 0)]
    assert summary.by_strength(Verdict.MISSED) == [(Strength.STRIVE, 1), (Strength.EXPLORE, 0)]
    table = reporter_class("table")("en").render(audited)
    assert table.rstrip().endswith("3 targets — 1 met (1 measured), 2 missed (2 measured; of them 1 strive), 0 unmeasured")
    chinese = reporter_class("table")("zh").render(audited)
    assert "未达标2项（数据比对2项；其中力争类1项）" in chinese


def test_every_format_shows_the_strength(tmp_path):
    audited = result(tmp_path)
    assert "≥ 280 (strive)" in reporter_class("table")("en").render(audited)
    assert "≥ 280 (strive)" in reporter_class("markdown")("en").render(audited)
    assert "≥ 280（力争）" in reporter_class("markdown")("zh").render(audited).replace(" (力争)", "（力争）")
    rows = {row["id"]: row for row in json.loads(reporter_class("json")("en").render(audited))["results"]}
    assert {key: row["strength"] for key, row in rows.items()} == {"firm": "firm", "strive": "strive", "stated": "firm"}
    written = csv.DictReader(io.StringIO(reporter_class("csv")("en").render(audited).lstrip("\ufeff")))
    assert {row["id"]: row["strength"] for row in written} == {"firm": "firm", "strive": "strive", "stated": "firm"}


def test_every_bundled_title_keeps_the_hedge_of_its_plan_s_words():
    for year in (2022, 2023):
        for item in audit(ROOT, year).results:
            target = item.target
            assert strength_of(target.title) is target.strength, (target.jurisdiction, target.id, target.title)
