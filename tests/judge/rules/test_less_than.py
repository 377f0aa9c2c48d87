"""less_than: actual < value; 不满 excludes the number itself."""

import pytest

from planaudit import Reason, Verdict
from support import judge


@pytest.mark.parametrize(
    ("figure", "bound", "verdict", "reason"),
    [("9", "exact", Verdict.MET, Reason.STATED), ("10", "exact", Verdict.MISSED, Reason.STATED),
     ("10", "upper", Verdict.UNMEASURED, Reason.IMPRECISE), ("9", "upper", Verdict.MET, Reason.STATED),
     ("10", "lower", Verdict.MISSED, Reason.STATED)],
)
def test_less_than(tmp_path, figure, bound, verdict, reason):
    result = judge(tmp_path, "less_than", "10", figure, bound=bound)
    assert (result.verdict, result.reason) == (verdict, reason)
