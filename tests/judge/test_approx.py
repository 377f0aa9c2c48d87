"""bound approx (约): a figure within a declared share either way of its value."""

from __future__ import annotations

import pytest

from planaudit import Reason, Verdict
from planaudit.exact.numbers import Interval
from support import COUNT_METRICS, RepoBuilder, judge, load_repository


@pytest.mark.parametrize(("value", "verdict", "reason"), [
    ("10000", Verdict.MET, Reason.STATED),  # 约1.1万 at 5%: 10450–11550, all ≥ 10000
    ("12000", Verdict.MISSED, Reason.STATED),  # all below
    ("11000", Verdict.UNMEASURED, Reason.IMPRECISE),  # straddles
])
def test_an_approximate_figure_is_a_range(tmp_path, value, verdict, reason):
    result = judge(tmp_path, "at_least", value, "11000", bound="approx", figure_extra=("approx_share: 5%",))
    assert (result.verdict, result.reason) == (verdict, reason)
    assert result.actual is not None and result.actual.value == Interval(10450, 11550)


def test_the_share_defaults_to_planaudit_yaml_s(tmp_path):
    (tmp_path / "planaudit.yaml").write_text("approx_share: 10%\n", encoding="utf-8")
    result = judge(tmp_path, "at_least", "10000", "11000", bound="approx")
    assert result.actual is not None and result.actual.value == Interval(9900, 12100)


def test_validate_asks_for_the_share_and_refuses_it_elsewhere(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets("[]")
    builder.outcomes("""
        - {metric: cases, value: 11000, bound: approx, quote: 约1.1万件}
        - {metric: closed, value: 900, approx_share: 5%, quote: 900件}
        """)
    from planaudit.check.validate import item_checks

    problems = load_repository(tmp_path, [2022], [2022], checks=item_checks).problems
    assert [(problem.code.value, problem.message.split(":")[0]) for problem in problems] == [
        ("value-missing", "bound approx needs the share the figure may be off by"),
        ("value-forbidden", "approx_share is for a figure of bound approx")]
