"""no_report: the jurisdiction has no outcome file for the year."""

from planaudit import Reason, Verdict
from planaudit.report.i18n import detail_text
from support import COUNT_METRICS, RepoBuilder


def test_no_outcome_file(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    builder.outcomes("- {metric: cases, value: 5, quote: q}", year=2021)  # another year does not count
    result = builder.only()
    assert (result.verdict, result.reason, result.actual) == (Verdict.UNMEASURED, Reason.NO_REPORT, None)
    assert detail_text(result.detail, "en") == "no outcomes/2022/testville.yaml"
    assert detail_text(result.detail, "zh") == "缺少该年度工作总结（outcomes/2022/testville.yaml）"


def test_another_jurisdictions_report_does_not_count(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    builder.outcomes("- {metric: cases, value: 5, quote: q}", jurisdiction="elsewhere")
    assert builder.only().reason is Reason.NO_REPORT
