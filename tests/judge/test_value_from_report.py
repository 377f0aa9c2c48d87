"""Restated thresholds: the plan gives no number, the report does (原定目标为5家, 超额完成1.2万名的年度目标任务)."""

from __future__ import annotations

import json

import pytest

from planaudit import Verdict
from planaudit.check.validate import item_checks
from planaudit.report import reporter_class
from planaudit.report.display import threshold_text
from support import COUNT_METRICS, RepoBuilder, load_repository

TARGET = ("- {id: centres, title: 建设一批调解中心, metric: cases, rule: at_least, value: 5, value_source: report, "
          "value_quote: 原定目标为5家, quote: 建设一批调解中心}")


def test_judged_on_the_value_the_report_restates_and_shown_as_such(tmp_path):
    result = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET).outcomes(
        "- {metric: cases, value: 6, quote: 建成6家}").audit()
    (item,) = result.results
    assert item.verdict is Verdict.MET
    assert threshold_text(item, "en") == "≥ 5 (as the report restates it)"
    assert threshold_text(item, "zh") == "≥ 5 (据工作总结所述)"
    target = json.loads(reporter_class("json")("en").render(result))["results"][0]
    assert (target["value_source"], target["value_quote"]) == ("report", "原定目标为5家")
    assert "≥ 5 (as the report restates it)" in reporter_class("markdown")("en").render(result)


@pytest.mark.parametrize(("target", "problem"), [
    (TARGET.replace(", value_quote: 原定目标为5家", ""),
     "value-missing value_source: report needs value_quote: the report's words that state the value"),
    (TARGET.replace("value_source: report, ", ""), "value-forbidden value_quote is for value_source: report"),
    (TARGET.replace("原定目标为5家", "原定目标为6家"),
     "value-not-in-quote the value 5 is none of the numbers its quote states (6)"),
])
def test_validate_holds_the_value_to_the_report_s_words(tmp_path, target, problem):
    RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(target).outcomes("[]")
    problems = load_repository(tmp_path, [2022], [2022], checks=item_checks).problems
    assert problem in [f"{p.code.value} {p.message}" for p in problems]
