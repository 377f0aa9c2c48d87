"""A waived target keeps its verdict, never fails, and is counted apart."""

from planaudit import Verdict
from planaudit.run.failon import FailOn, exit_status
from support import COUNT_METRICS, RepoBuilder


def test_waived_target(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("""
        - id: w
          title: 案件1000件以上
          metric: cases
          rule: at_least
          value: 1000
          quote: q
          waiver: {reason: 上级政策调整，目标取消, date: 2022-06-01}
        - {id: x, title: 案件10件以上, metric: cases, rule: at_least, value: 10, quote: q}
        """)
    builder.outcomes("- {metric: cases, value: 500, quote: q}")
    result = builder.audit()
    waived, other = result.results
    assert (waived.verdict, waived.waived, waived.target.waiver.reason) == (Verdict.MISSED, True, "上级政策调整，目标取消")
    summary = result.summary
    assert (summary.targets, summary.met, summary.missed, summary.unmeasured, summary.waived) == (2, 1, 0, 0, 1)
    assert exit_status(failed=FailOn.parse("missed").fails(result.summary)) == 0
