"""after_deadline: figures exist, but all are dated after the target's deadline."""

from planaudit import Reason, Verdict
from planaudit.exact.numbers import Interval
from support import COUNT_METRICS, RepoBuilder

TARGET = "- {id: backlog, title: 4月底前信访积案全面清零, metric: cases, rule: equals, value: 0, deadline: 2022-04-30, quote: q}"


def test_all_figures_after_the_deadline(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET)
    builder.outcomes("""
        - {metric: cases, value: 0, as_of: 2022-06-30, quote: 6月底清零}
        - {metric: cases, value: 0, quote: 年底清零}
        """)
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.AFTER_DEADLINE)


def test_latest_figure_on_or_before_the_deadline_is_used(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET)
    builder.outcomes("""
        - {metric: cases, value: 7, as_of: 2022-03-31, quote: 3月底剩7件}
        - {metric: cases, value: 0, as_of: 2022-04-30, quote: 4月底清零}
        - {metric: cases, value: 2, as_of: 2022-12-31, quote: 年底新增2件}
        """)
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.STATED)
    assert result.actual is not None and result.actual.value == Interval.exact(0)
    assert [figure.provenance.quote for figure in result.evidence()] == ["4月底清零"]


def test_earlier_figure_decides_when_the_later_one_is_past_the_deadline(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET)
    builder.outcomes("""
        - {metric: cases, value: 0, as_of: 2022-05-31, quote: 5月底清零}
        - {metric: cases, value: 3, as_of: 2022-04-15, quote: 4月中剩3件}
        """)
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.MISSED, Reason.STATED)


def test_without_deadline_the_latest_figure_counts(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: equals, value: 0, quote: q}")
    builder.outcomes("""
        - {metric: cases, value: 0, as_of: 2022-12-31, quote: 年底清零}
        - {metric: cases, value: 4, as_of: 2022-06-30, quote: 年中4件}
        """)
    assert builder.only().verdict is Verdict.MET
