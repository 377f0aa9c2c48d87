"""A stated rate is checked against the rate derived from its counts, and a stated share of a
target against its level — each number standing for the interval its rounding allows."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planaudit import Verdict
from planaudit.exact.expr import parse
from planaudit.exact.numbers import Interval, format_number
from planaudit.judge.resolve import Resolver, inconsistency
from planaudit.model.data import Catalogue, Figure, Label, Location, Metric, Provenance, Report, SourceDocument, Span, Stated
from planaudit.report.explain import render_explanation
from support import COUNT_METRICS, RepoBuilder


def audit(tmp_path, rate, cases="282", closed="276", rules=COUNT_METRICS, target=True):
    builder = RepoBuilder(tmp_path).rules(rules)
    builder.targets("- {id: r, title: 结案率90%以上, metric: rate, rule: at_least, value: 90, quote: q}"
                    if target else "- {id: c, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    builder.outcomes(f"""
        - {{metric: cases, value: {cases}, quote: 立案{cases}件}}
        - {{metric: closed, value: {closed}, quote: 结案{closed}件}}
        - {{metric: rate, value: {rate}, quote: 结案率{rate}%}}
        """)
    return builder.audit()


def test_fuzhou_closure_rate_is_inconsistent(tmp_path):
    result = audit(tmp_path, "91")  # 276/282 = 97.87%, stated 91%
    (inconsistency,) = result.inconsistencies
    assert (format_number(inconsistency.stated.point), format_number(inconsistency.derived_value)) == ("91", "97.87")
    assert inconsistency.tolerance == 0  # none declared: the rounding of each number is the whole allowance
    assert inconsistency.stated_range == Interval(Fraction(181, 2), Fraction(183, 2))  # 91% is 90.5%–91.5%
    assert inconsistency.derived_range == Interval.exact(Fraction(276 * 100, 282))  # whole counts are exact
    (item,) = result.results
    assert item.verdict is Verdict.MET  # the verdict uses the stated figure
    assert item.warnings == (inconsistency,)


# A stated rate against closed / cases × 100, each number standing for what its rounding allows:
# the stated rate half its last place either way, a whole count written in full exactly itself, a
# number written with 万 or 亿 half its last place (3.2万 is 31500–32500). Consistent when the two
# ranges share a value.
@pytest.mark.parametrize(("stated", "closed", "closed_text", "cases", "cases_text", "consistent"), [
    ("97.87", "276", "276", "282", "282", True),   # 97.8723 in [97.865, 97.875]
    ("97.9", "276", "276", "282", "282", True),    # 97.8723 in [97.85, 97.95]
    ("98", "276", "276", "282", "282", True),      # 97.8723 in [97.5, 98.5]
    ("97.88", "276", "276", "282", "282", False),  # 97.8723 < 97.875
    ("96", "276", "276", "282", "282", False),     # 97.8723 > 96.5
    ("91", "276", "276", "282", "282", False),     # 97.8723 > 91.5 (福州's 结案率)
    ("57.14", "4", "4", "7", "7", True),           # 57.142857 in [57.135, 57.145]
    ("57.15", "4", "4", "7", "7", False),          # 57.142857 < 57.145: not how 4/7 rounds
    ("66.67", "2", "2", "3", "3", True),           # 66.6667 in [66.665, 66.675]
    ("66.66", "2", "2", "3", "3", True),           # 66.6667 > 66.665, but 66.66 is it cut off, not rounded: agrees
    ("66.65", "2", "2", "3", "3", False),          # neither rounded nor cut off
    ("90", "32000", "3.2万", "40000", "4万", True),    # 31500/45000 = 70% … 32500/35000 = 92.86% holds [89.5, 90.5]
    ("90", "32000", "3.2万", "40000", "4.0万", False),  # 31500/40500 = 77.78% … 32500/39500 = 82.28% < 89.5
    ("82", "32000", "3.2万", "40000", "4.0万", True),   # [81.5, 82.5] meets 77.78%–82.28% (the point, 80%, does not)
    ("82", "32000", "3.20万", "40000", "4.00万", False),  # 31950/40050 = 79.78% … 32050/39950 = 80.23% < 81.5
    ("80", "32000", "32000", "40000", "40000", True),  # whole counts: exactly 80%
    ("80.1", "32000", "32000", "40000", "40000", False),  # 80 < 80.05
    ("33.3", "120000000", "1.2亿", "360000000", "3.6亿", True),  # 1.15/3.65 = 31.51% … 1.25/3.55 = 35.21%
    ("30", "120000000", "1.2亿", "360000000", "3.6亿", False),   # 30.5 < 31.51%
])
def test_consistency_is_judged_on_rounding_intervals(tmp_path, stated, closed, closed_text, cases, cases_text, consistent):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: c, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    builder.outcomes(f"""
        - {{metric: cases, value: {cases}, quote: 立案{cases_text}件}}
        - {{metric: closed, value: {closed}, quote: 结案{closed_text}件}}
        - {{metric: rate, value: {stated}, quote: 结案率{stated}%}}
        """)
    assert (not builder.audit().inconsistencies) is consistent


SHARE_TARGET = "- {id: homes, title: 改造老旧小区37万户, metric: cases, rule: at_least, value: 370000, quote: 37万户}"


# A stated share of a target (占年度目标的105.3%) against level ÷ the target's value × 100: the
# target's value is exact (the plan sets it), the level as written (38.94万 is 389350–389450).
@pytest.mark.parametrize(("level", "level_text", "share", "consistent"), [
    ("389400", "38.94万", "105.3%", True),   # 389350/370000 = 105.2297% … 389450/370000 = 105.2568% meets [105.25, 105.35]
    ("389400", "38.94万", "105.2%", True),   # … and [105.15, 105.25]: either rounding may be honest
    ("389400", "38.94万", "105.4%", False),  # 105.2568% < 105.35%
    ("389400", "389400", "105.3%", False),   # written in full: exactly 105.2432%, < 105.25%
    ("389400", "389400", "105.2%", True),    # 105.2432% in [105.15, 105.25]
    ("372000", "37.2万", "100%", True),      # 371500/370000 = 100.41% … 100.68% meets [99.5, 100.5]
    ("380000", "38万", "100%", False),       # 375000/370000 = 101.35% > 100.5%
])
def test_a_share_of_a_target_is_judged_on_rounding_intervals(tmp_path, level, level_text, share, consistent):
    result = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(SHARE_TARGET).outcomes(f"""
        - {{metric: cases, value: {level}, quote: 完成改造{level_text}户}}
        - {{metric: cases, of_target: homes, value: {share}, quote: 占年度目标的{share}}}
        """).audit()
    assert (not result.inconsistencies) is consistent


def test_metric_tolerance_overrides_the_default(tmp_path):
    rules = COUNT_METRICS.replace("derive: closed / cases * 100", "derive: closed / cases * 100\n    tolerance: 7")
    assert not audit(tmp_path, "91", rules=rules).inconsistencies


def test_listed_even_when_no_target_uses_the_figure(tmp_path):
    result = audit(tmp_path, "91", target=False)
    assert len(result.inconsistencies) == 1 and result.results[0].warnings == ()


def test_explain_shows_both_rounding_intervals(tmp_path):
    result = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(SHARE_TARGET).outcomes("""
        - {metric: cases, value: 389400, quote: 完成改造38.94万户}
        - {metric: cases, of_target: homes, value: 105.4%, quote: 占年度目标的105.4%}
        """).audit()
    assert render_explanation(result.results[0]).splitlines()[-3:] == [
        "Warning: inconsistent — cases (homes: share of the target) stated 105.4%, derived 105.24% "
        "(outcomes/2022/testville.yaml:5)",
        "  as rounded: stated 105.35%–105.45%, derived 105.23%–105.26% — no value in common",
        "  stated: outcomes/2022/testville.yaml:4 “完成改造38.94万户” (date not stated (taken as the year's end))"]


def year_end_figure(metric: str, value: Decimal, quote: str, line: int) -> Figure:
    return Figure(jurisdiction="j", year=2022, metric=metric, stated=Stated(value=value), scope=None,
                  span=Span(as_of=dt.date(2022, 12, 31)), provenance=Provenance(quote=quote, location=Location("o.yaml", line)))


@settings(max_examples=300, deadline=None)
@given(closed=st.integers(0, 500_000), extra=st.integers(1, 500_000), places=st.integers(0, 3),
       shift=st.integers(-30, 30), in_wan=st.booleans())
def test_the_quick_check_answers_as_the_whole_one(closed, extra, places, shift, in_wan):
    """Differential: whether the stated rate is inconsistent, and with what, is the same whether the
    counts' range is always computed or only when their written value falls outside the stated range."""
    cases = closed + extra
    point = Fraction(closed * 100, cases)
    step = Fraction(1, 10 ** places)
    stated = (point / step).__round__() * step + shift * step / 4
    text = format(Decimal(stated.numerator) / Decimal(stated.denominator), f".{places}f")
    written = (lambda value: f"{Decimal(value) / 10000}万") if in_wan else str
    figures = {
        "cases": year_end_figure("cases", Decimal(cases), f"立案{written(cases)}件", 1),
        "closed": year_end_figure("closed", Decimal(closed), f"结案{written(closed)}件", 2),
        "rate": year_end_figure("rate", Decimal(text), f"结案率{text}%", 3),
    }
    report = Report("o.yaml", "j", "j", 2022, SourceDocument(), tuple(figures.values()))
    resolver = Resolver(CATALOGUE, [report])
    assert inconsistency(resolver, figures["rate"], None) == inconsistency(resolver, figures["rate"], None, quick=False)


_WHERE = Location("rules/metrics.yaml", 1)
CATALOGUE = Catalogue({
    "cases": Metric("cases", Label("c", "c"), "case", None, None, _WHERE),
    "closed": Metric("closed", Label("c", "c"), "case", None, None, _WHERE),
    "rate": Metric("rate", Label("r", "r"), "percent", parse("closed / cases * 100"), None, _WHERE),
}, {})
