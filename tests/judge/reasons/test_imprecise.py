"""imprecise: a lower/upper figure whose interval straddles the threshold."""

from planaudit import Reason, Verdict
from planaudit.exact.numbers import Interval
from support import judge


def test_lower_bound_below_threshold(tmp_path):
    result = judge(tmp_path, "at_least", "2000", "1600", bound="lower")  # 1600余场 vs 2000场以上
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.IMPRECISE)
    assert result.actual is not None and result.actual.value == Interval.at_least(1600)


def test_upper_bound_above_threshold(tmp_path):
    result = judge(tmp_path, "at_most", "50", "60", bound="upper")  # 近60件 vs 50件以内
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.IMPRECISE)
