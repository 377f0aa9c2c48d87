"""Whole-year targets against year-end figures (over: year, aggregate), and interim figures of a
cumulative metric (cumulative: true, reason interim_only)."""

from __future__ import annotations

import pytest

from planaudit import Reason, Verdict
from planaudit.check.validate import item_checks
from support import RepoBuilder, load_repository

METRICS = """
metrics:
  unemployment: {label: 城镇调查失业率, unit: percent}
  schools: {label: 新建学校, unit: item, cumulative: true}
  rooms: {label: 调解室, unit: item}
"""
CEILING = ("- {id: jobless, title: 城镇调查失业率全年控制在5.5%以内, metric: unemployment, rule: at_most, value: 5.5%, "
           "over: year, quote: 全年控制在5.5%以内}")


def only(tmp_path, targets, figures):
    (item,) = RepoBuilder(tmp_path).rules(METRICS).targets(targets).outcomes(figures).audit().results
    return item


@pytest.mark.parametrize(("figures", "verdict", "reason", "quote"), [
    ("- {metric: unemployment, value: 5.3%, quote: 年末降到5.3%}", Verdict.UNMEASURED, Reason.WRONG_AGGREGATE,
     "年末降到5.3%"),  # the year-end figure, shown as what the report gives
    ("""
     - {metric: unemployment, value: 5.3%, quote: 年末降到5.3%}
     - {metric: unemployment, value: 5.8%, as_of: 2022-06-30, quote: 二季度末5.8%}
     """, Verdict.MISSED, Reason.STATED, "二季度末5.8%"),  # a higher figure of the year decides it
    ("""
     - {metric: unemployment, value: 5.3%, quote: 年末降到5.3%}
     - {metric: unemployment, value: 5.4%, aggregate: max, quote: 全年最高5.4%}
     """, Verdict.MET, Reason.STATED, "全年最高5.4%"),  # the year's maximum is what a ceiling needs
    ("""
     - {metric: unemployment, value: 5.2%, aggregate: mean, quote: 全年平均5.2%}
     """, Verdict.UNMEASURED, Reason.WRONG_AGGREGATE, None),  # a mean below says nothing of the maximum
    ("""
     - {metric: unemployment, value: 5.6%, aggregate: mean, quote: 全年平均5.6%}
     """, Verdict.MISSED, Reason.STATED, "全年平均5.6%"),  # a mean above means the maximum is above too
])
def test_a_ceiling_over_the_year(tmp_path, figures, verdict, reason, quote):
    item = only(tmp_path, CEILING, figures)
    assert (item.verdict, item.reason) == (verdict, reason)
    assert [figure.provenance.quote for figure in item.evidence()][-1:] == ([quote] if quote else [])


def test_a_target_at_year_end_ignores_means_and_maxima(tmp_path):
    item = only(tmp_path, CEILING.replace(", over: year", ""), """
        - {metric: unemployment, value: 5.3%, quote: 年末降到5.3%}
        - {metric: unemployment, value: 5.8%, aggregate: max, quote: 全年最高5.8%}
        """)
    assert (item.verdict, item.evidence()[0].provenance.quote) == (Verdict.MET, "年末降到5.3%")


SCHOOLS = "- {id: schools, title: 新建学校60所, metric: schools, rule: at_least, value: 60, quote: 新建学校60所}"


@pytest.mark.parametrize(("figure", "verdict", "reason"), [
    ("{metric: schools, value: 48, as_of: 2022-08-31, quote: 截至8月底完成48所}", Verdict.UNMEASURED, Reason.INTERIM_ONLY),
    ("{metric: schools, value: 61, as_of: 2022-08-31, quote: 截至8月底完成61所}", Verdict.MET, Reason.STATED),
    ("{metric: schools, value: 48, quote: 全年完成48所}", Verdict.MISSED, Reason.STATED),  # the year's end: final
])
def test_an_interim_figure_of_a_cumulative_metric(tmp_path, figure, verdict, reason):
    item = only(tmp_path, SCHOOLS, f"- {figure}")
    assert (item.verdict, item.reason) == (verdict, reason)


def test_an_interim_shortfall_of_a_metric_that_is_not_cumulative_stays_missed(tmp_path):
    item = only(tmp_path, SCHOOLS.replace("metric: schools", "metric: rooms"),
                "- {metric: rooms, value: 48, as_of: 2022-08-31, quote: 截至8月底完成48个}")
    assert (item.verdict, item.reason) == (Verdict.MISSED, Reason.STATED)  # as before: only cumulative metrics say


def test_an_interim_figure_over_a_ceiling_is_final(tmp_path):
    item = only(tmp_path, SCHOOLS.replace("at_least", "at_most"),
                "- {metric: schools, value: 70, as_of: 2022-08-31, quote: 截至8月底已建70所}")
    assert (item.verdict, item.reason) == (Verdict.MISSED, Reason.STATED)


def test_over_year_only_for_a_ceiling_or_a_floor(tmp_path):
    RepoBuilder(tmp_path).rules(METRICS).outcomes("[]").targets(CEILING.replace("rule: at_most", "rule: equals"))
    problems = load_repository(tmp_path, [2022], [2022], checks=item_checks).problems
    assert [problem.code.value for problem in problems] == ["value-forbidden"]
