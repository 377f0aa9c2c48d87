"""Inconsistency weighed: a stated figure cut off from its counts agrees with them (not listed, and
said so); counts that agree by rounding or cut off, yet decide otherwise, contest the verdict; an
inconsistency the data acknowledges is listed and shown, and fails nothing."""

from __future__ import annotations

import json
from fractions import Fraction

from planaudit import Reason, Verdict
from planaudit.exact.numbers import format_number
from planaudit.model.result import Agreement
from planaudit.report import reporter_class
from planaudit.report.explain import render_explanation
from planaudit.run.failon import FailOn
from support import COUNT_METRICS, RepoBuilder


def audit(tmp_path, rate, closed, cases, threshold="90", extra=""):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets(f"- {{id: r, title: 结案率{threshold}%以上, metric: rate, rule: at_least, value: {threshold}, quote: q}}")
    builder.outcomes(f"""
        - {{metric: cases, value: {cases}, quote: 立案{cases}件}}
        - {{metric: closed, value: {closed}, quote: 结案{closed}件}}
        - {{metric: rate, value: {rate}, quote: 结案率{rate}%{extra}}}
        """)
    return builder.audit()


def test_a_figure_cut_off_from_its_counts_agrees_and_is_not_listed(tmp_path):
    result = audit(tmp_path, "97.12", "1285", "1323")  # 1285/1323 = 97.1277…%: 97.13% rounded, 97.12% cut off
    assert result.inconsistencies == () and result.summary.inconsistent == 0
    (item,) = result.results
    assert (item.verdict, item.reason, item.warnings) == (Verdict.MET, Reason.STATED, ())
    (counts,) = item.agreeing
    assert (counts.agreement, counts.listed, counts.derived_value) == (Agreement.CUT_OFF, False, Fraction(128500, 1323))
    assert render_explanation(item).splitlines()[-2:] == [
        "Counts: rate stated 97.12%, derived 97.1277…% — cut off at its written place, not rounded: consistent, and "
        "not listed (outcomes/2022/testville.yaml:6)",
        "  rate = closed / cases * 100 = 1285 / 1323 * 100 = 97.1277…%"]
    (row,) = json.loads(reporter_class("json")("en").render(result))["results"]
    assert row["warnings"] == [] and [(entry["code"], entry["agreement"]) for entry in row["agreeing"]] == [
        ("consistent", "cut_off")]


def test_cut_off_is_one_place_down_never_up(tmp_path):
    assert len(audit(tmp_path, "97.14", "1285", "1323").inconsistencies) == 1  # neither rounded nor cut off


def test_counts_that_agree_by_rounding_but_decide_otherwise_contest_the_verdict(tmp_path):
    result = audit(tmp_path, "83.00", "20749", "25000", threshold="83")  # 82.996%: 83.00% rounded, short of 83%
    assert result.inconsistencies == ()
    (item,) = result.results
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.CONTESTED)
    assert [(counts.agreement, format_number(counts.derived_value)) for counts in item.agreeing] == [
        (Agreement.ROUNDED, "82.996")]
    assert render_explanation(item).splitlines()[-5:-2] == [
        "Comparison (stated): 83% ≥ 83% → holds", "Comparison (from counts): 82.996% ≥ 83% → fails",
        "Verdict: unmeasured — stated figure and its counts decide differently (rate is stated as 83%, its counts' "
        "82.996% rounded; but the two give different verdicts)"]


def test_counts_cut_off_that_decide_otherwise_contest_the_verdict(tmp_path):
    (item,) = audit(tmp_path, "97.12", "1285", "1323", threshold="97.125").results  # the counts meet it, 97.12 not
    assert (item.verdict, item.reason, [counts.agreement for counts in item.agreeing]) == (
        Verdict.UNMEASURED, Reason.CONTESTED, [Agreement.CUT_OFF])


def test_counts_that_agree_and_decide_alike_leave_the_verdict_alone(tmp_path):
    (item,) = audit(tmp_path, "83.00", "20749", "25000", threshold="80").results
    assert (item.verdict, item.reason, item.agreeing) == (Verdict.MET, Reason.STATED, ())


ACKNOWLEDGED = ", acknowledged: 总结原文笔误，以计数为准"


def test_an_acknowledged_inconsistency_is_listed_and_shown_but_fails_nothing(tmp_path):
    result = audit(tmp_path, "91", "276", "282", extra=ACKNOWLEDGED)
    (inconsistency,) = result.inconsistencies
    assert inconsistency.acknowledged == "总结原文笔误，以计数为准"
    summary = result.summary
    assert (summary.inconsistent, summary.acknowledged) == (0, 1)
    assert not FailOn.parse("inconsistent").fails(summary)
    table = reporter_class("table")("en").render(result)
    assert table.rstrip().endswith("; 1 acknowledged") and "acknowledged: 总结原文笔误，以计数为准" in table
    markdown = reporter_class("markdown")("en").render(result)
    assert "— acknowledged: 总结原文笔误，以计数为准" in markdown
    document = json.loads(reporter_class("json")("en").render(result))
    assert document["inconsistencies"][0]["acknowledged"] == "总结原文笔误，以计数为准"
    github = reporter_class("github")("en", fail_on="inconsistent").render(result)
    assert "::warning file=outcomes/2022/testville.yaml,line=6,title=inconsistent::" in github
    assert "::error" not in github
    sarif = json.loads(reporter_class("sarif")("en").render(result))["runs"][0]["results"]
    assert [entry["suppressions"] for entry in sarif if entry["ruleId"] == "inconsistent"] == [
        [{"kind": "external", "justification": "总结原文笔误，以计数为准"}]]


def test_an_unacknowledged_inconsistency_still_fails(tmp_path):
    summary = audit(tmp_path, "91", "276", "282").summary
    assert (summary.inconsistent, summary.acknowledged) == (1, 0)
    assert FailOn.parse("inconsistent").fails(summary)
