"""Custom rules: a boolean expression over actual, value and baseline."""

import pytest

from planaudit import Reason, Verdict
from support import COUNT_METRICS, RepoBuilder

RULES = COUNT_METRICS + """
rules:
  within_two_points:
    label: 与目标相差不超过2个百分点
    expr: abs(actual - value) <= 2
  halves:
    label: at most half of the baseline
    expr: actual <= baseline / 2
"""


def run(tmp_path, rule, figure, bound="exact", extra=""):
    builder = RepoBuilder(tmp_path).rules(RULES)
    builder.targets(f"- {{id: c, title: t, metric: rate, rule: {rule}, value: 90, quote: q{extra}}}")
    builder.outcomes(f"- {{metric: rate, value: {figure}, bound: {bound}, quote: q}}")
    return builder.only()


@pytest.mark.parametrize(
    ("figure", "bound", "verdict", "reason"),
    [("88", "exact", Verdict.MET, Reason.STATED), ("92", "exact", Verdict.MET, Reason.STATED),
     ("87.99", "exact", Verdict.MISSED, Reason.STATED), ("95", "lower", Verdict.MISSED, Reason.STATED),
     ("89", "lower", Verdict.UNMEASURED, Reason.IMPRECISE)],
)
def test_custom_rule(tmp_path, figure, bound, verdict, reason):
    result = run(tmp_path, "within_two_points", figure, bound)
    assert (result.verdict, result.reason) == (verdict, reason)
    assert result.rule.symbol == "abs(actual - value) <= 2"


def test_custom_rule_with_baseline(tmp_path):
    builder = RepoBuilder(tmp_path).rules(RULES)
    builder.targets("- {id: c, title: t, metric: cases, rule: halves, baseline: 100, quote: q}")
    builder.outcomes("- {metric: cases, value: 50, quote: q}")
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.STATED)
