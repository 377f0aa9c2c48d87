"""no_baseline: a growth rule with no previous-year figure and no explicit baseline, or zero."""

from planaudit import Reason, Verdict
from support import COUNT_METRICS, RepoBuilder, judge

GROWTH = "- {id: g, title: 同比增长20%以上, metric: cases, rule: growth_at_least, value: 20, quote: q}"


def test_no_previous_report(tmp_path):
    result = judge(tmp_path, "growth_at_least", "20", "1300")
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.NO_BASELINE)
    assert result.actual is not None  # the year's figure was found; only the baseline is missing


def test_previous_report_without_the_figure(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(GROWTH)
    builder.outcomes("- {metric: cases, value: 1300, quote: q}")
    builder.outcomes("- {metric: closed, value: 900, quote: q}", year=2021)
    assert builder.only().reason is Reason.NO_BASELINE


def test_zero_baseline(tmp_path):
    result = judge(tmp_path, "growth_at_least", "20", "1300", target_extra=("baseline: 0",))
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.NO_BASELINE)


def test_zero_previous_year_figure(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(GROWTH)
    builder.outcomes("- {metric: cases, value: 1300, quote: q}")
    builder.outcomes("- {metric: cases, value: 0, quote: q}", year=2021)
    assert builder.only().reason is Reason.NO_BASELINE
