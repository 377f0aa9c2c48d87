"""growth_at_least: (actual − baseline) / baseline × 100 ≥ value."""

from fractions import Fraction

import pytest

from planaudit import Reason, Verdict
from planaudit.exact.numbers import Interval
from support import COUNT_METRICS, RepoBuilder, judge


@pytest.mark.parametrize(
    ("figure", "verdict"),
    [("1200", Verdict.MET), ("1199", Verdict.MISSED), ("1500", Verdict.MET)],
)
def test_explicit_baseline(tmp_path, figure, verdict):
    result = judge(tmp_path, "growth_at_least", "20", figure, target_extra=("baseline: 1000",))
    assert (result.verdict, result.reason) == (verdict, Reason.STATED)
    assert result.baseline is not None and result.baseline.source is None
    assert result.baseline.value == Interval.exact(1000)


def growth_of(tmp_path, this_year: str, last_year: str = "- {metric: cases, value: 1000, quote: 1000件}"):
    """The verdict of "增长20%以上" on this year's and last year's figures."""
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: g, title: 增长20%以上, metric: cases, rule: growth_at_least, value: 20%, quote: q}")
    builder.outcomes(this_year)
    builder.outcomes(last_year, year=2021)
    return builder.only()


def test_previous_year_figure_is_the_baseline(tmp_path):
    result = growth_of(tmp_path, "- {metric: cases, value: 1250, quote: 1250件}")
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.STATED)
    assert result.growth == Interval.exact(25)
    assert [figure.year for figure in result.evidence()] == [2022, 2021]


def test_previous_year_baseline_may_be_derived(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: g, title: 结案率增长, metric: rate, rule: growth_at_least, value: 10, quote: q}")
    builder.outcomes("- {metric: rate, value: 66, quote: 66%}")
    builder.outcomes("""
        - {metric: cases, value: 300, quote: 300件}
        - {metric: closed, value: 180, quote: 结案180件}
        """, year=2021)
    result = builder.only()  # 2021: 180/300 = 60%; growth (66 − 60) / 60 = 10% exactly
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.STATED)
    assert result.baseline is not None and result.baseline.source is not None
    assert result.baseline.source.derivation is not None
    assert result.growth == Interval.exact(Fraction(10))


def test_lower_bound_growth_is_imprecise_when_it_straddles(tmp_path):
    result = judge(tmp_path, "growth_at_least", "20", "1100", bound="lower", target_extra=("baseline: 1000",))
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.IMPRECISE)


@pytest.mark.parametrize(("growth", "verdict"), [("21%", Verdict.MET), ("20", Verdict.MET), ("19.9%", Verdict.MISSED)])
def test_the_growth_a_report_states_decides_when_there_is_no_baseline(tmp_path, growth, verdict):
    result = judge(tmp_path, "growth_at_least", "20%", "1204", figure_extra=(f"growth: {growth}",))
    assert (result.verdict, result.reason) == (verdict, Reason.STATED)
    assert result.baseline is None and result.growth == Interval.exact(Fraction(growth.rstrip("%")))
    assert result.detail is not None and result.detail.code == "stated_growth"


def test_a_baseline_figure_is_used_before_a_stated_growth(tmp_path):
    result = growth_of(tmp_path, "- {metric: cases, value: 1100, growth: 25%, quote: 1100件，增长25%}")
    assert (result.verdict, result.growth, result.detail) == (Verdict.MISSED, Interval.exact(10), None)


def test_without_a_baseline_or_a_stated_growth_it_is_unmeasured(tmp_path):
    result = judge(tmp_path, "growth_at_least", "20%", "1204")
    assert (result.verdict, result.reason) == (Verdict.UNMEASURED, Reason.NO_BASELINE)
