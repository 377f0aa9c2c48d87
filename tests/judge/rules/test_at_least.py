"""at_least: actual ≥ value; 以上 includes the number itself."""

import pytest

from planaudit import Reason, Verdict
from support import judge


@pytest.mark.parametrize(
    ("value", "figure", "verdict"),
    [("85", "85", Verdict.MET), ("85", "85.01", Verdict.MET), ("85", "84.99", Verdict.MISSED),
     ("85%", "85", Verdict.MET), ("0", "0", Verdict.MET)],
)
def test_exact_figure(tmp_path, value, figure, verdict):
    result = judge(tmp_path, "at_least", value, figure, metric="rate")
    assert (result.verdict, result.reason) == (verdict, Reason.STATED)


@pytest.mark.parametrize(
    ("figure", "bound", "verdict", "reason"),
    [("1600", "lower", Verdict.MET, Reason.STATED),  # 1600余 ≥ 1500 whatever the true value
     ("1400", "lower", Verdict.UNMEASURED, Reason.IMPRECISE),  # 1400余 may or may not reach 1500
     ("1400", "upper", Verdict.MISSED, Reason.STATED),  # 不足1400 never reaches 1500
     ("1600", "upper", Verdict.UNMEASURED, Reason.IMPRECISE)],
)
def test_bounded_figure(tmp_path, figure, bound, verdict, reason):
    result = judge(tmp_path, "at_least", "1500", figure, bound=bound)
    assert (result.verdict, result.reason) == (verdict, reason)
