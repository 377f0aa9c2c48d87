"""Relative targets: a value that is another figure of the same report (与经济增长同步, 高于全省平均)."""

from __future__ import annotations

import json

import pytest

from planaudit import Reason, Verdict
from planaudit.check.validate import item_checks
from planaudit.report import reporter_class
from planaudit.report.display import threshold_text
from support import RepoBuilder, load_repository

METRICS = """
scopes:
  province: {label: 全省}
metrics:
  income.growth: {label: 居民收入增速, unit: percent}
  gdp.growth: {label: 经济增速, unit: percent}
  jobs: {label: 新增就业, unit: person}
"""


def audit(tmp_path, value, figures, rule="at_least"):
    builder = RepoBuilder(tmp_path).rules(METRICS)
    builder.targets(f"- {{id: income, title: 城乡居民收入增长与经济增长同步, metric: income.growth, rule: {rule}, "
                    f"value: {value}, quote: 城乡居民收入增长与经济增长同步}}")
    return builder.outcomes(figures).audit()


@pytest.mark.parametrize(("income", "verdict"), [("7.1%", Verdict.MET), ("6.8%", Verdict.MET), ("6.5%", Verdict.MISSED)])
def test_judged_against_the_other_metric_s_figure(tmp_path, income, verdict):
    (item,) = audit(tmp_path, "{metric: gdp.growth}", f"""
        - {{metric: gdp.growth, value: 6.8%, quote: 经济增长6.8%}}
        - {{metric: income.growth, value: {income}, quote: 居民收入增长{income}}}
        """).results
    assert (item.verdict, item.reason) == (verdict, Reason.STATED)
    assert [figure.metric for figure in item.evidence()] == ["income.growth", "gdp.growth"]  # both figures
    assert threshold_text(item, "en") == "≥ gdp.growth (6.8%)"


def test_a_scope_of_the_other_metric(tmp_path):
    (item,) = audit(tmp_path, "{metric: gdp.growth, scope: province}", """
        - {metric: gdp.growth, value: 6.8%, quote: 经济增长6.8%}
        - {metric: gdp.growth, scope: province, value: 6.1%, quote: 全省增长6.1%}
        - {metric: income.growth, value: 6.5%, quote: 居民收入增长6.5%}
        """, rule="more_than").results
    assert (item.verdict, [figure.provenance.quote for figure in item.evidence()]) == (
        Verdict.MET, ["居民收入增长6.5%", "全省增长6.1%"])
    document = json.loads(reporter_class("json")("en").render(audit(tmp_path, "{metric: gdp.growth, scope: province}", """
        - {metric: gdp.growth, scope: province, value: 6.1%, quote: 全省增长6.1%}
        - {metric: income.growth, value: 6.5%, quote: 居民收入增长6.5%}
        """, rule="more_than")))
    assert document["results"][0]["value_from"] == {"metric": "gdp.growth", "scope": "province", "value": "6.1"}


def test_without_the_other_figure_it_is_unmeasured_and_says_why(tmp_path):
    (item,) = audit(tmp_path, "{metric: gdp.growth}", "- {metric: income.growth, value: 7%, quote: 增长7%}").results
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.NOT_REPORTED)
    assert reporter_class("markdown")("en").render(audit(tmp_path, "{metric: gdp.growth}", "- {metric: income.growth, value: 7%, "
                                                                                       "quote: 增长7%}")).count(
        "the value is the report's figure of gdp.growth: the report states no figure for gdp.growth") == 1


@pytest.mark.parametrize(("value", "rule", "message"), [
    ("{metric: nope}", "at_least", "unknown metric 'nope'"),
    ("{metric: jobs}", "at_least", "value names jobs, in person; income.growth is in percent"),
    ("{metric: gdp.growth, scope: city}", "at_least", "unknown scope 'city': declare it under scopes: in rules/"),
    ("{metric: gdp.growth}", "growth_at_least", "rule growth_at_least cannot take another metric's figure as its value"),
])
def test_validate_checks_the_metric_named(tmp_path, value, rule, message):
    builder = RepoBuilder(tmp_path).rules(METRICS).outcomes("[]")
    builder.targets(f"- {{id: a, title: t, metric: income.growth, rule: {rule}, value: {value}, quote: q}}")
    problems = load_repository(tmp_path, [2022], [2022], checks=item_checks).problems
    assert [problem.message for problem in problems] == [message]


@pytest.mark.parametrize(("income", "verdict", "reason"), [
    ("3.1%", Verdict.MET, Reason.STATED),
    ("2.9%", Verdict.MET, Reason.WITHIN_TOLERANCE),  # 基本同步: 3.0 − 0.5 ≤ 2.9
    ("2.4%", Verdict.MISSED, Reason.STATED),
])
def test_about_another_figure(tmp_path, income, verdict, reason):
    builder = RepoBuilder(tmp_path).rules(METRICS)
    builder.targets("- {id: income, title: 居民收入增长与经济增长基本同步, metric: income.growth, rule: about, "
                    "value: {metric: gdp.growth}, tolerance: 0.5, direction: floor, quote: 居民收入增长与经济增长基本同步}")
    (item,) = builder.outcomes(f"""
        - {{metric: gdp.growth, value: 3.0%, quote: 增长3.0%}}
        - {{metric: income.growth, value: {income}, quote: 增长{income}}}
        """).audit().results
    assert (item.verdict, item.reason) == (verdict, reason)
    assert threshold_text(item, "en") == "≈ gdp.growth (3%) −0.5%"


def test_about_a_bounded_figure_is_imprecise(tmp_path):
    builder = RepoBuilder(tmp_path).rules(METRICS)
    builder.targets("- {id: income, title: 基本同步, metric: income.growth, rule: about, value: {metric: gdp.growth}, "
                    "tolerance: 0.5, quote: 基本同步}")
    (item,) = builder.outcomes("""
        - {metric: gdp.growth, value: 3%, bound: lower, quote: 增长3%以上}
        - {metric: income.growth, value: 3.1%, quote: 增长3.1%}
        """).audit().results
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.IMPRECISE)
