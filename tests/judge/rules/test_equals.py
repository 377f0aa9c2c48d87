"""equals: actual = value, as in 清零 (equals 0)."""

import pytest

from planaudit import Reason, Verdict
from support import judge


@pytest.mark.parametrize(
    ("figure", "bound", "verdict", "reason"),
    [("0", "exact", Verdict.MET, Reason.STATED), ("0.0", "exact", Verdict.MET, Reason.STATED),
     ("1", "exact", Verdict.MISSED, Reason.STATED), ("1", "lower", Verdict.MISSED, Reason.STATED),
     ("3", "upper", Verdict.UNMEASURED, Reason.IMPRECISE)],
)
def test_equals_zero(tmp_path, figure, bound, verdict, reason):
    result = judge(tmp_path, "equals", "0", figure, bound=bound)
    assert (result.verdict, result.reason) == (verdict, reason)
