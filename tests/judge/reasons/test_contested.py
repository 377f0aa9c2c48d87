"""contested: a stated figure disagrees with its counts, and the two would give different verdicts."""

import pytest

from planaudit import Reason, Verdict
from planaudit.report.explain import render_explanation
from planaudit.report.i18n import detail_text
from support import COUNT_METRICS, RepoBuilder

INCREASES = """
rules:
  increases:
    label: higher than the previous year
    expr: actual > baseline
"""
COUNTS = """
- {metric: cases, value: 282, quote: 立案282件}
- {metric: closed, value: 276, quote: 结案276件}
- {metric: rate, value: 91%, quote: 结案率91%}
"""  # 276 / 282 = 97.87%


def builder(tmp_path, target):
    return (RepoBuilder(tmp_path).rules(COUNT_METRICS).rules(INCREASES, "rules.yaml").targets(target)
            .outcomes(COUNTS))


@pytest.mark.parametrize(("rule", "value", "verdict", "reason"), [
    ("at_least", "95%", Verdict.UNMEASURED, Reason.CONTESTED),  # 91 fails, 97.87 holds
    ("at_most", "95%", Verdict.UNMEASURED, Reason.CONTESTED),  # 91 holds, 97.87 fails
    ("at_least", "85%", Verdict.MET, Reason.STATED),  # both hold: the verdict stands
    ("at_least", "99%", Verdict.MISSED, Reason.STATED),  # both fail: the verdict stands
])
def test_a_verdict_stands_only_when_both_figures_give_it(tmp_path, rule, value, verdict, reason):
    result = builder(tmp_path, f"- {{id: r, title: t, metric: rate, rule: {rule}, value: {value}, quote: q}}").only()
    assert (result.verdict, result.reason) == (verdict, reason)
    assert [warning.figure.provenance.quote for warning in result.warnings] == ["结案率91%"]


def test_the_detail_names_both_figures(tmp_path):
    result = builder(tmp_path, "- {id: r, title: t, metric: rate, rule: at_least, value: 95%, quote: q}").only()
    assert detail_text(result.detail, "en") == (
        "rate is stated as 91% but its counts give 97.87%, and the two give different verdicts")


def test_a_baseline_that_contradicts_its_counts_contests_a_growth_verdict(tmp_path):
    build = builder(tmp_path, "- {id: r, title: t, metric: rate, rule: increases, quote: q}")
    build.outcomes("- {metric: rate, value: 95%, quote: 结案率95%}")  # 2022: stated 95, no counts
    build.outcomes("""
        - {metric: cases, value: 100, quote: 立案100件}
        - {metric: closed, value: 99, quote: 结案99件}
        - {metric: rate, value: 90%, quote: 结案率90%}
        """, year=2021)  # 2021: stated 90, counts 99
    result = build.only()
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.CONTESTED)
    assert [warning.figure.location.path for warning in result.warnings] == ["outcomes/2021/testville.yaml"]


def test_explain_shows_both_comparisons_and_the_arithmetic(tmp_path):
    build = builder(tmp_path, "- {id: r, title: t, metric: rate, rule: increases, quote: q}")
    build.outcomes("- {metric: rate, value: 92%, quote: 结案率92%}", year=2021)
    result = build.only()
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.CONTESTED)
    lines = render_explanation(result, "en").splitlines()
    assert "Comparison (stated): actual > baseline with actual = 91%, baseline = 92% → fails" in lines
    assert "Comparison (from counts): actual > baseline with actual = 97.87%, baseline = 92% → holds" in lines
    assert "  rate = closed / cases * 100 = 276 / 282 * 100 = 97.87%" in lines
