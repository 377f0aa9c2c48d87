"""undefined: a custom rule whose expression divides by zero."""

from planaudit import Reason, Verdict
from support import COUNT_METRICS, RepoBuilder


def test_custom_rule_dividing_by_zero(tmp_path):
    rules = COUNT_METRICS + """
rules:
  share_of_value:
    label: at least 90% of the value
    expr: actual / value >= 0.9
"""
    builder = RepoBuilder(tmp_path).rules(rules)
    builder.targets("- {id: u, title: t, metric: cases, rule: share_of_value, value: 0, quote: q}")
    builder.outcomes("- {metric: cases, value: 5, quote: q}")
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.UNDEFINED)
