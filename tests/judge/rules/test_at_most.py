"""at_most: actual ≤ value; 以内、以下 include the number itself."""

import pytest

from planaudit import Reason, Verdict
from support import judge


@pytest.mark.parametrize(
    ("figure", "bound", "verdict", "reason"),
    [("8", "exact", Verdict.MET, Reason.STATED), ("8.01", "exact", Verdict.MISSED, Reason.STATED),
     ("7", "upper", Verdict.MET, Reason.STATED), ("9", "upper", Verdict.UNMEASURED, Reason.IMPRECISE),
     ("9", "lower", Verdict.MISSED, Reason.STATED), ("7", "lower", Verdict.UNMEASURED, Reason.IMPRECISE)],
)
def test_at_most(tmp_path, figure, bound, verdict, reason):
    result = judge(tmp_path, "at_most", "8%", figure, bound=bound, metric="rate")
    assert (result.verdict, result.reason) == (verdict, reason)
