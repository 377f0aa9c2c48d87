"""A custom rule that compares growth (growth: true): its value in percent, growth among its names,
and explain showing every intermediate value."""

from __future__ import annotations

import pytest

from planaudit import Reason, Verdict
from planaudit.api import validate
from planaudit.report.explain import render_explanation
from support import RepoBuilder

RULES = """
metrics:
  gdp: {label: 地区生产总值, unit: yuan}
rules:
  growth_about_floor:
    label: {zh: 增长左右（下限）, en: growth about (floor)}
    growth: true
    expr: growth >= value - 0.5
"""
TARGET = "- {id: gdp, title: 地区生产总值增长6%左右, metric: gdp, rule: growth_about_floor, value: 6%, quote: 增长6%左右}"


def audit(tmp_path, this_year, last_year=None, growth=None):
    builder = RepoBuilder(tmp_path).rules(RULES).targets(TARGET)
    stated = f", growth: {growth}" if growth else ""
    builder.outcomes(f"- {{metric: gdp, value: {this_year}{stated}, quote: 地区生产总值{this_year}元，增长{growth or ''}}}")
    if last_year is not None:
        builder.outcomes(f"- {{metric: gdp, value: {last_year}, quote: 地区生产总值{last_year}元}}", year=2021)
    (item,) = builder.audit().results
    return item


@pytest.mark.parametrize(("this_year", "growth", "verdict"), [("1058", "5.8", Verdict.MET), ("1054", "5.4", Verdict.MISSED)])
def test_growth_computed_from_the_levels(tmp_path, this_year, growth, verdict):
    item = audit(tmp_path, this_year, last_year="1000")  # 5.8% and 5.4% against 6% − 0.5
    assert (item.verdict, item.reason, item.threshold) == (verdict, Reason.STATED, 6)
    explained = render_explanation(item, "en")
    assert f"Growth: ({this_year} − 1000) / 1000 × 100 = {growth}%" in explained
    assert "growth >= value - 0.5 with actual = " in explained and "baseline = 1000" in explained
    assert f"growth = {growth}%" in explained


def test_the_growth_the_report_states_when_there_are_no_levels(tmp_path):
    item = audit(tmp_path, "1058", growth="5.8%")
    assert (item.verdict, item.reason, item.detail.code) == (Verdict.MET, Reason.STATED, "stated_growth")


def test_growth_is_a_name_only_of_a_rule_that_declares_it(tmp_path):
    RepoBuilder(tmp_path).rules(RULES.replace("    growth: true\n", ""))
    assert [problem.message for problem in validate(tmp_path)] == [
        "expr may name only actual, value and baseline (growth, with growth: true), not 'growth'"]
