"""achieved: the reported state is true; the rule takes no value."""

import pytest

from planaudit import Reason, Verdict
from support import judge


@pytest.mark.parametrize(("figure", "verdict"), [("true", Verdict.MET), ("false", Verdict.MISSED)])
def test_achieved(tmp_path, figure, verdict):
    result = judge(tmp_path, "achieved", None, figure, metric="open")
    assert (result.verdict, result.reason, result.threshold) == (verdict, Reason.STATED, None)


def test_unreported_state_is_unmeasured(tmp_path):
    result = judge(tmp_path, "achieved", None, None, metric="open")
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.NOT_REPORTED)
