"""A report that contradicts itself (its text 100%, its own table 72%): both figures recorded with
conflict: true, listed among the inconsistent figures, and the verdict contested when they disagree."""

from __future__ import annotations

import json

import pytest

from planaudit import Reason, Verdict
from planaudit.report import reporter_class
from planaudit.report.explain import render_explanation
from support import COUNT_METRICS, RepoBuilder

TARGET = "- {id: share, title: 覆盖率达到90%, metric: rate, rule: at_least, value: 90%, quote: 覆盖率达到90%}"


def audit(tmp_path, table_value):
    return RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET).outcomes(f"""
        - {{metric: rate, value: 100%, conflict: true, quote: 实现全覆盖（100%）}}
        - {{metric: rate, value: {table_value}, conflict: true, quote: 附表：覆盖率{table_value}}}
        """).audit()


def test_figures_that_disagree_about_the_verdict_contest_it(tmp_path):
    result = audit(tmp_path, "72%")
    (item,) = result.results
    (conflict,) = result.inconsistencies
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.CONTESTED)
    assert conflict.conflict
    assert (conflict.figure.provenance.quote, conflict.derived.figure.provenance.quote) == (
        "附表：覆盖率72%", "实现全覆盖（100%）")
    explained = render_explanation(item, "en")
    assert "the report states rate as 72% and, elsewhere, as 100%, and the two give different verdicts" in explained
    assert "also stated 100%" in explained and "“实现全覆盖（100%）”" in explained
    document = json.loads(reporter_class("json")("en").render(result))
    assert [entry["kind"] for entry in document["inconsistencies"]] == ["conflict"]


def test_figures_that_disagree_but_agree_about_the_verdict_let_it_stand_with_the_warning(tmp_path):
    result = audit(tmp_path, "95%")
    (item,) = result.results
    assert (item.verdict, item.reason, len(item.warnings)) == (Verdict.MET, Reason.STATED, 1)
    assert "also stated 100%" in reporter_class("markdown")("en").render(result)


@pytest.mark.parametrize("flags", [("", ""), (", conflict: true", "")])
def test_without_both_flags_a_second_figure_is_a_duplicate(tmp_path, flags):
    from planaudit.api import validate

    RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET).outcomes(f"""
        - {{metric: rate, value: 100%{flags[0]}, quote: 100%}}
        - {{metric: rate, value: 72%{flags[1]}, quote: 72%}}
        """)
    assert "duplicate-figure" in [problem.code.value for problem in validate(tmp_path)]


def bounded(tmp_path, bound_value):
    return RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET).outcomes(f"""
        - {{metric: rate, value: {bound_value}, bound: lower, conflict: true, quote: {bound_value}以上}}
        - {{metric: rate, value: 72%, conflict: true, quote: 附表：覆盖率72%}}
        """).audit()


def test_a_figure_stated_elsewhere_as_a_bound_is_shown_as_one(tmp_path):
    # "95% or more" in the text, 72% in the table: the other reading is a bound, and every format says so
    result = bounded(tmp_path, "95%")
    (item,) = result.results
    (conflict,) = result.inconsistencies
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.CONTESTED)
    assert "also stated ≥95%" in reporter_class("markdown")("en").render(result)
    assert "as 72% and, elsewhere, as ≥95%" in render_explanation(item, "en")
    assert json.loads(reporter_class("json")("en").render(result))["inconsistencies"][0]["derived"] == "95"


def test_a_bound_that_holds_the_other_figure_is_no_conflict(tmp_path):
    # "70% or more" and 72% say the same thing: nothing to list, nothing contested
    result = bounded(tmp_path, "70%")
    assert (result.inconsistencies, result.results[0].verdict) == ((), Verdict.MISSED)


@pytest.mark.parametrize(("target", "readings"), [
    # about 90% ± 2: the text's 89% is within the band, the table's 72% is not
    ("- {id: share, title: 覆盖率90%左右, metric: rate, rule: about, value: 90%, tolerance: 2, quote: 覆盖率90%左右}",
     ["Comparison (stated): 89% ≈ 90% ±2% → holds", "Comparison (also stated): 72% ≈ 90% ±2% → fails"]),
    # a relative target (no lower than the report's own figure): read against that figure, not a missing value
    ("- {id: share, title: 不低于自身, metric: rate, rule: at_least, value: {metric: rate}, quote: 不低于}",
     ["Comparison (stated): 89% ≥ rate (89%) → holds", "Comparison (also stated): 72% ≥ rate (89%) → fails"]),
])
def test_explain_reads_a_contested_verdict_against_what_the_judge_compared_with(tmp_path, target, readings):
    result = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(target).outcomes("""
        - {metric: rate, value: 72%, conflict: true, quote: 附表：覆盖率72%}
        - {metric: rate, value: 89%, conflict: true, quote: 覆盖率89%}
        """).audit()
    (item,) = result.results
    explained = render_explanation(item, "en").splitlines()
    assert [line for line in explained if line.startswith("Comparison (")] == readings


def test_a_figure_dated_at_the_year_end_and_one_undated_are_the_same_reading(tmp_path):
    """An undated figure is taken at its year's end: stated twice, once with that date and once
    without, it is still one figure stated twice (that one says its date and the other does not
    changes nothing of the comparison)."""
    result = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET).outcomes("""
        - {metric: rate, value: 100%, conflict: true, quote: 实现全覆盖（100%）}
        - {metric: rate, value: 72%, as_of: 2022-12-31, conflict: true, quote: 附表：覆盖率72%}
        """).audit()
    (item,) = result.results
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.CONTESTED)
    assert [entry.conflict for entry in result.inconsistencies] == [True]


def test_an_undated_figure_is_shown_as_undated(tmp_path):
    """Never an invented date: a figure whose report gives no date says so, in explain and in JSON."""
    result = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET).outcomes("""
        - {metric: rate, value: 95%, quote: 覆盖率95%}
        - {metric: cases, value: 10, as_of: 2022-06-30, quote: 上半年10件}
        """).audit()
    (item,) = result.results
    explained = render_explanation(item, "en").splitlines()
    assert "  stated: outcomes/2022/testville.yaml:4 “覆盖率95%” (date not stated (taken as the year's end))" in explained
    assert "  报告: outcomes/2022/testville.yaml:4 “覆盖率95%” (未注明日期（按年末计）)" in render_explanation(
        item, "zh").splitlines()
    document = json.loads(reporter_class("json")("en").render(result))
    (evidence,) = document["results"][0]["evidence"]
    assert (evidence["as_of"], evidence["as_of_stated"]) == ("2022-12-31", False)
    dated = RepoBuilder(tmp_path / "dated").rules(COUNT_METRICS).targets(TARGET).outcomes(
        "- {metric: rate, value: 95%, as_of: 2022-12-31, quote: 覆盖率95%}").audit()
    assert "(2022-12-31)" in render_explanation(dated.results[0], "en")
    (evidence,) = json.loads(reporter_class("json")("en").render(dated))["results"][0]["evidence"]
    assert (evidence["as_of"], evidence["as_of_stated"]) == ("2022-12-31", True)
