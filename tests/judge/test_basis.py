"""Nominal and real (basis): a figure of one basis never decides a target of the other silently —
growth computed from levels (nominal unless they say real) against a real growth target least of all."""

from __future__ import annotations

import json

import pytest

from planaudit import Reason, Verdict
from planaudit.check.validate import item_checks
from planaudit.report import reporter_class
from planaudit.report.display import actual_text, threshold_text
from planaudit.report.explain import render_explanation
from planaudit.report.i18n import detail_text
from support import RepoBuilder, load_repository

METRICS = """
metrics:
  income.growth: {label: 居民人均可支配收入增速, unit: percent}
  gdp.growth: {label: 国内生产总值增速, unit: percent}
  income: {label: 居民人均可支配收入, unit: yuan}
  done: {label: 完成, unit: boolean}
"""
INCOME = ("- {{id: income, title: 居民收入增长3%, metric: income.growth, rule: at_least, value: 3%, "
          "quote: 居民收入增长3%{basis}}}")


def judged(tmp_path, targets, figures, last_year=None):
    builder = RepoBuilder(tmp_path).rules(METRICS).targets(targets).outcomes(figures)
    if last_year is not None:
        builder.outcomes(last_year, year=2021)
    (item,) = builder.audit().results
    return item


@pytest.mark.parametrize(("target_basis", "figure_basis", "verdict", "reason"), [
    ("real", "real", Verdict.MISSED, Reason.STATED),  # 2.9 < 3, both real
    ("real", "nominal", Verdict.UNMEASURED, Reason.BASIS_MISMATCH),
    ("nominal", "real", Verdict.UNMEASURED, Reason.BASIS_MISMATCH),
    ("real", None, Verdict.MISSED, Reason.STATED),  # a figure that says nothing is taken as given
    (None, "nominal", Verdict.MISSED, Reason.STATED),  # a target that says nothing asks nothing
])
def test_a_figure_of_the_other_basis_does_not_decide(tmp_path, target_basis, figure_basis, verdict, reason):
    basis = "" if target_basis is None else f", basis: {target_basis}"
    figure = "" if figure_basis is None else f", basis: {figure_basis}"
    item = judged(tmp_path, INCOME.format(basis=basis),
                  f"- {{metric: income.growth, value: 2.9%, quote: 实际增长2.9%{figure}}}")
    assert (item.verdict, item.reason) == (verdict, reason)


def test_the_mismatch_is_said_in_every_language(tmp_path):
    item = judged(tmp_path, INCOME.format(basis=", basis: real"),
                  "- {metric: income.growth, value: 5.0%, basis: nominal, quote: 名义增长5.0%}")
    assert detail_text(item.detail, "en") == ("the figure of income.growth is nominal (in current prices), but the "
                                              "target's value is real (price changes taken out): the two are not compared")
    assert detail_text(item.detail, "zh") == ("指标 income.growth 的数据为名义值（按现价），"
                                              "目标值为实际值（扣除价格因素），两者不作比较")
    assert threshold_text(item, "en") == "≥ 3% (real)"
    assert actual_text(item, "zh") == "5% (名义)"


def test_the_figure_of_the_target_s_basis_is_chosen_when_the_report_gives_both(tmp_path):
    figures = """
        - {metric: income.growth, value: 2.9%, basis: real, quote: 实际增长2.9%}
        - {metric: income.growth, value: 5.0%, basis: nominal, quote: 名义增长5.0%}
        """
    real = judged(tmp_path / "real", INCOME.format(basis=", basis: real"), figures)
    nominal = judged(tmp_path / "nominal", INCOME.format(basis=", basis: nominal"), figures)
    assert (real.verdict, real.evidence()[0].provenance.quote) == (Verdict.MISSED, "实际增长2.9%")
    assert (nominal.verdict, nominal.evidence()[0].provenance.quote) == (Verdict.MET, "名义增长5.0%")


GROWTH = ("- {{id: income, title: 居民收入增长3%, metric: income, rule: growth_at_least, value: 3%, "
          "quote: 居民收入增长3%{basis}}}")
LAST_YEAR = "- {metric: income, value: 35128, quote: 35128元}"


@pytest.mark.parametrize(("levels", "verdict", "reason"), [
    ("", Verdict.UNMEASURED, Reason.BASIS_MISMATCH),  # levels are nominal unless they say otherwise
    (", basis: nominal", Verdict.UNMEASURED, Reason.BASIS_MISMATCH),
    (", basis: real", Verdict.MET, Reason.STATED),  # (36883 − 35128) / 35128 = 4.996% ≥ 3%
])
def test_growth_from_levels_against_a_real_target(tmp_path, levels, verdict, reason):
    item = judged(tmp_path, GROWTH.format(basis=", basis: real"), f"- {{metric: income, value: 36883, quote: 36883元{levels}}}",
                  last_year=LAST_YEAR)
    assert (item.verdict, item.reason) == (verdict, reason)
    if reason is Reason.BASIS_MISMATCH:
        assert item.detail.code == "basis_levels"
        assert item.baseline is not None and item.actual is not None  # the levels are still shown


def test_growth_from_levels_against_a_target_that_says_nothing_is_judged_as_before(tmp_path):
    item = judged(tmp_path, GROWTH.format(basis=""), "- {metric: income, value: 36883, quote: 36883元}", last_year=LAST_YEAR)
    assert (item.verdict, item.reason) == (Verdict.MET, Reason.STATED)


def test_a_stated_growth_of_the_other_basis(tmp_path):
    item = judged(tmp_path, GROWTH.format(basis=", basis: real"),
                  "- {metric: income, value: 36883, growth: 5.0%, basis: nominal, quote: 36883元，名义增长5.0%}")
    assert (item.verdict, item.reason, item.detail.code) == (Verdict.UNMEASURED, Reason.BASIS_MISMATCH, "basis_figure")


SYNC = ("- {id: income, title: 居民收入增长与经济增长基本同步, metric: income.growth, rule: at_least, "
        "value: {metric: gdp.growth}, quote: 居民收入增长与经济增长基本同步}")


def test_a_relative_target_takes_the_basis_of_its_reference(tmp_path):
    gdp = "- {metric: gdp.growth, value: 3.0%, basis: real, quote: 增长3.0%}\n"
    only_nominal = judged(tmp_path / "nominal", SYNC, gdp + "- {metric: income.growth, value: 5.0%, basis: nominal, "
                                                             "quote: 名义增长5.0%}")
    assert (only_nominal.verdict, only_nominal.reason) == (Verdict.UNMEASURED, Reason.BASIS_MISMATCH)
    assert detail_text(only_nominal.detail, "en") == (
        "the figure of income.growth is nominal (in current prices), but the figure it is held against, gdp.growth, "
        "is real (price changes taken out): the two are not compared")
    both = judged(tmp_path / "both", SYNC, gdp + "- {metric: income.growth, value: 2.9%, basis: real, quote: 实际增长2.9%}\n"
                                                "- {metric: income.growth, value: 5.0%, basis: nominal, quote: 名义增长5.0%}")
    assert (both.verdict, [figure.provenance.quote for figure in both.evidence()]) == (
        Verdict.MISSED, ["实际增长2.9%", "增长3.0%"])


def test_a_target_s_basis_against_its_reference_s(tmp_path):
    item = judged(tmp_path, SYNC.replace("value: {metric", "basis: nominal, value: {metric"), """
        - {metric: gdp.growth, value: 3.0%, basis: real, quote: 增长3.0%}
        - {metric: income.growth, value: 5.0%, basis: nominal, quote: 名义增长5.0%}
        """)
    assert (item.reason, item.detail.code, dict(item.detail.params)["metric"]) == (
        Reason.BASIS_MISMATCH, "basis_figure", "gdp.growth")


def test_json_and_explain_show_the_basis(tmp_path):
    builder = RepoBuilder(tmp_path).rules(METRICS).targets(INCOME.format(basis=", basis: real"))
    result = builder.outcomes("- {metric: income.growth, value: 2.9%, basis: real, quote: 实际增长2.9%}").audit()
    (row,) = json.loads(reporter_class("json")("en").render(result))["results"]
    assert (row["basis"], row["evidence"][0]["basis"]) == ("real", "real")
    assert ("  stated: outcomes/2022/testville.yaml:4 “实际增长2.9%” (date not stated (taken as the year's end), "
            "real (price changes taken out))") in render_explanation(result.results[0]).splitlines()


def test_two_figures_in_two_bases_are_not_a_duplicate(tmp_path):
    RepoBuilder(tmp_path).rules(METRICS).targets(INCOME.format(basis="")).outcomes("""
        - {metric: income.growth, value: 2.9%, basis: real, quote: 实际增长2.9%}
        - {metric: income.growth, value: 5.0%, basis: nominal, quote: 名义增长5.0%}
        - {metric: income.growth, value: 5.0%, basis: nominal, quote: 名义增长5.0%}
        """)
    problems = load_repository(tmp_path, [2022], [2022]).problems
    assert [(problem.line, problem.code.value) for problem in problems] == [(6, "duplicate-figure")]


def test_validate_refuses_a_basis_on_true_or_false(tmp_path):
    RepoBuilder(tmp_path).rules(METRICS).targets(
        "- {id: done, title: 建成, metric: done, rule: achieved, basis: real, quote: 建成}").outcomes(
        "- {metric: done, value: true, basis: real, quote: 已建成}")
    problems = load_repository(tmp_path, [2022], [2022], checks=item_checks).problems
    found = [(problem.path.split("/")[0], problem.code.value, problem.message) for problem in problems]
    assert found == [("targets", "value-forbidden", "basis is for numbers: a true/false target has none"),
                     ("outcomes", "value-forbidden", "basis is for numbers: a true/false figure has none")]


def test_the_schema_knows_only_two_bases(tmp_path):
    RepoBuilder(tmp_path).rules(METRICS).targets(INCOME.format(basis=", basis: constant")).outcomes(
        "- {metric: income.growth, value: 2.9%, quote: 实际增长2.9%}")
    (problem,) = load_repository(tmp_path, [2022], [2022]).problems
    assert (problem.path, problem.line, problem.code.value) == ("targets/2022/testville.yaml", 4, "schema")
