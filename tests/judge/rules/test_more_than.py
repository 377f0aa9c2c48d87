"""more_than: actual > value; 超过 excludes the number itself."""

import pytest

from planaudit import Reason, Verdict
from support import judge


@pytest.mark.parametrize(
    ("figure", "bound", "verdict", "reason"),
    [("101", "exact", Verdict.MET, Reason.STATED), ("100", "exact", Verdict.MISSED, Reason.STATED),
     ("100", "lower", Verdict.UNMEASURED, Reason.IMPRECISE),  # 100余: exactly 100 is not more than 100
     ("100", "upper", Verdict.MISSED, Reason.STATED), ("150", "lower", Verdict.MET, Reason.STATED)],
)
def test_more_than(tmp_path, figure, bound, verdict, reason):
    result = judge(tmp_path, "more_than", "100", figure, bound=bound)
    assert (result.verdict, result.reason) == (verdict, reason)
