"""Totals over scopes: "共计126项" = 30 (省) + 49 (市) + 47 (县) — a derivation names a metric in a scope."""

from __future__ import annotations

import pytest

from planaudit import Reason, Verdict
from planaudit.api import validate
from planaudit.report.explain import render_explanation
from support import RepoBuilder

METRICS = """
scopes:
  province: {label: 省级}
  city: {label: 市级}
  county: {label: 县级}
metrics:
  projects: {label: 项目数, unit: item}
  projects.total:
    label: 项目总数
    unit: item
    derive: projects[province] + projects[city] + projects[county]
"""
TARGET = "- {id: total, title: 实施项目120项以上, metric: projects.total, rule: at_least, value: 120, quote: 120项以上}"
FIGURES = """
- {metric: projects, scope: province, value: 30, quote: 省级30项}
- {metric: projects, scope: city, value: 49, quote: 市级49项}
- {metric: projects, scope: county, value: 47, quote: 县级47项}
"""


def test_a_total_is_derived_from_each_scope_s_figure(tmp_path):
    builder = RepoBuilder(tmp_path).rules(METRICS).targets(TARGET).outcomes(FIGURES)
    (item,) = builder.audit().results
    assert (item.verdict, item.reason, str(item.actual.value.point)) == (Verdict.MET, Reason.DERIVED, "126")
    explained = render_explanation(item, "en")
    assert "derived: projects.total = projects[province] + projects[city] + projects[county]" in explained
    assert "projects[province] = 30\n      stated: outcomes/2022/testville.yaml:4 “省级30项”" in explained
    assert [problem.code.value for problem in validate(tmp_path)] == []  # every scope's figure is used


def test_a_stated_total_is_checked_against_the_scopes(tmp_path):
    builder = RepoBuilder(tmp_path).rules(METRICS).targets(TARGET)
    result = builder.outcomes(FIGURES + "- {metric: projects.total, value: 136, quote: 共计136项}").audit()
    assert [str(item.derived_value) for item in result.inconsistencies] == ["126"]


@pytest.mark.parametrize(("derive", "message"), [
    ("projects[town] + projects[city]",
     "derive names unknown scope 'town' in projects[town]: declare it under scopes: in rules/"),
    ("project[city] + 1", "derive names unknown metric 'project'"),
])
def test_validate_checks_each_scope_and_metric_named(tmp_path, derive, message):
    RepoBuilder(tmp_path).rules(METRICS.replace("projects[province] + projects[city] + projects[county]", derive))
    assert [problem.message for problem in validate(tmp_path)] == [message]
