"""not_reported: no figure for the metric and scope, and no derivation from exact figures."""

import pytest

from planaudit import Reason, Verdict
from planaudit.report.i18n import detail_text
from support import COUNT_METRICS, RepoBuilder, judge


def test_no_figure(tmp_path):
    result = judge(tmp_path, "at_least", "1", None)
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.NOT_REPORTED)


def target(builder, scope=""):
    return builder.targets(f"- {{id: r, title: 结案率达90%以上, metric: rate, rule: at_least, value: 90, quote: q{scope}}}")


@pytest.mark.parametrize(
    "figures",
    [
        "- {metric: cases, value: 100, quote: 立案100件}",  # one input missing
        "- {metric: cases, value: 100, quote: q}\n- {metric: closed, value: 95, bound: lower, quote: 结案95余件}",
        "- {metric: cases, value: 0, quote: q}\n- {metric: closed, value: 0, quote: q}",  # divides by zero
    ],
    ids=["input-missing", "input-not-exact", "division-by-zero"],
)
def test_underivable(tmp_path, figures):
    builder = target(RepoBuilder(tmp_path).rules(COUNT_METRICS)).outcomes(figures)
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.NOT_REPORTED)


def test_figure_of_another_scope_does_not_count(tmp_path):
    builder = target(RepoBuilder(tmp_path).rules(COUNT_METRICS), scope=", scope: county")
    builder.outcomes("- {metric: rate, value: 95, quote: 全市结案率95%}")
    result = builder.only()
    assert result.reason is Reason.NOT_REPORTED
    assert detail_text(result.detail, "en") == "the report gives rate for (no scope), not for county"


def test_figure_of_the_same_scope_counts(tmp_path):
    builder = target(RepoBuilder(tmp_path).rules(COUNT_METRICS), scope=", scope: county")
    builder.outcomes("""
        - {metric: rate, value: 80, quote: 全市结案率80%}
        - {metric: rate, value: 95, scope: county, quote: 县级结案率95%}
        """)
    result = builder.only()
    assert (result.verdict, [figure.provenance.quote for figure in result.evidence()]) == (Verdict.MET, ["县级结案率95%"])


def test_a_missing_input_is_explained_in_both_languages(tmp_path):
    builder = target(RepoBuilder(tmp_path).rules(COUNT_METRICS)).outcomes("- {metric: cases, value: 100, quote: q}")
    detail = builder.only().detail
    assert detail_text(detail, "en") == "rate = closed / cases * 100 needs closed: the report states no figure for closed"
    assert detail_text(detail, "zh") == "rate = closed / cases * 100，需要 closed：工作总结未列出指标 closed 的数据"
