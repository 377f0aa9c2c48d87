"""about (左右): within a tolerance of the value, on the side the direction names."""

import pytest

from planaudit import Reason, Verdict
from support import judge


@pytest.mark.parametrize(
    ("figure", "direction", "verdict", "reason"),
    [
        ("7", "both", Verdict.MET, Reason.STATED),  # exactly the value
        ("6.8", "both", Verdict.MET, Reason.WITHIN_TOLERANCE),  # 增长7%左右 ↔ 增长6.8%: 0.2 short, within 0.5
        ("7.5", "both", Verdict.MET, Reason.WITHIN_TOLERANCE),  # the edge counts: |7.5 − 7| = 0.5
        ("7.51", "both", Verdict.MISSED, Reason.STATED),
        ("6.4", "both", Verdict.MISSED, Reason.STATED),
        ("9", "floor", Verdict.MET, Reason.STATED),  # a floor: more is simply met
        ("6.6", "floor", Verdict.MET, Reason.WITHIN_TOLERANCE),
        ("6.4", "floor", Verdict.MISSED, Reason.STATED),
        ("2", "ceiling", Verdict.MET, Reason.STATED),  # a ceiling: less is simply met
        ("7.4", "ceiling", Verdict.MET, Reason.WITHIN_TOLERANCE),
        ("7.6", "ceiling", Verdict.MISSED, Reason.STATED),
    ],
)
def test_about_with_an_absolute_tolerance(tmp_path, figure, direction, verdict, reason):
    result = judge(tmp_path, "about", "7%", figure, metric="rate",
                   target_extra=("tolerance: 0.5%", f"direction: {direction}"))
    assert (result.verdict, result.reason) == (verdict, reason)
    assert str(result.tolerance) == "1/2"  # in the metric's unit: 0.5 percentage points


@pytest.mark.parametrize(("figure", "verdict", "reason"), [
    ("100", Verdict.MET, Reason.STATED), ("95", Verdict.MET, Reason.WITHIN_TOLERANCE),  # 5% of 100
    ("94.9", Verdict.MISSED, Reason.STATED), ("105", Verdict.MET, Reason.WITHIN_TOLERANCE),
])
def test_about_with_a_share_of_the_value(tmp_path, figure, verdict, reason):
    result = judge(tmp_path, "about", "100", figure, target_extra=("tolerance_share: 5%",))
    assert (result.verdict, result.reason) == (verdict, reason)


def test_a_bounded_figure_that_straddles_the_band_is_imprecise(tmp_path):
    result = judge(tmp_path, "about", "7%", "6", bound="lower", metric="rate", target_extra=("tolerance: 0.5%",))
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.IMPRECISE)


def test_the_repository_s_default_tolerance_serves_a_target_that_gives_none(tmp_path):
    (tmp_path / "planaudit.yaml").write_text("about_tolerance_share: 10%\n", encoding="utf-8")
    result = judge(tmp_path, "about", "7%", "6.5", metric="rate")
    assert (result.verdict, result.reason, str(result.tolerance)) == (Verdict.MET, Reason.WITHIN_TOLERANCE, "7/10")
    own = judge(tmp_path, "about", "7%", "6.5", metric="rate", target_extra=("tolerance: 0.1%",))
    assert own.verdict is Verdict.MISSED  # the target's own tolerance wins
