"""Numbers are read from their decimal text; no float can flip a verdict."""

from fractions import Fraction

import pytest

from planaudit import Reason, Verdict
from support import COUNT_METRICS, RepoBuilder

RULES = COUNT_METRICS + """
  a:
    label: a
    unit: case
  b:
    label: b
    unit: case
  a_plus_b:
    label: a + b
    unit: case
    derive: a + b
"""


def test_derived_57_of_100_is_exactly_57(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: r, title: 结案率57%以上, metric: rate, rule: at_least, value: 57, quote: q}")
    builder.outcomes("""
        - {metric: cases, value: 100, quote: q}
        - {metric: closed, value: 57, quote: q}
        """)
    result = builder.only()  # 57/100*100 in binary floats is 56.99999999999999
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.DERIVED)


@pytest.mark.parametrize(("rule", "verdict"), [("equals", Verdict.MET), ("at_most", Verdict.MET),
                                               ("more_than", Verdict.MISSED)])
def test_point_one_plus_point_two_is_point_three(tmp_path, rule, verdict):
    builder = RepoBuilder(tmp_path).rules(RULES)
    builder.targets(f"- {{id: s, title: t, metric: a_plus_b, rule: {rule}, value: 0.3, quote: q}}")
    builder.outcomes("""
        - {metric: a, value: 0.1, quote: q}
        - {metric: b, value: 0.2, quote: q}
        """)
    assert builder.only().verdict is verdict


def test_threshold_just_above_is_missed(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: r, title: t, metric: rate, rule: at_least, value: 85, quote: q}")
    builder.outcomes("- {metric: rate, value: 84.99999999999999999, quote: q}")
    assert builder.only().verdict is Verdict.MISSED


def test_percent_and_ratio_convert(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("""
        - {id: p, title: 占比80%以上, metric: share, rule: at_least, value: 80%, quote: q}
        - {id: q, title: 占比0.9以上, metric: share, rule: at_least, value: 90, unit: percent, quote: q}
        - {id: r, title: 结案率0.9以上, metric: rate, rule: at_least, value: 0.9, unit: ratio, quote: q}
        """)
    builder.outcomes("""
        - {metric: share, value: 0.85, quote: q}
        - {metric: rate, value: 85%, quote: q}
        """)
    verdicts = [(item.target.id, item.verdict, item.threshold) for item in builder.audit().results]
    assert verdicts == [("p", Verdict.MET, Fraction("0.8")), ("q", Verdict.MISSED, Fraction("0.9")),
                        ("r", Verdict.MISSED, Fraction(90))]
