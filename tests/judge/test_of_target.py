"""Completion ratios: a figure that states a share of a target (占年度目标任务的126%) — checked against
the level figure ÷ the target's value, and the evidence where the report gives only the share."""

from __future__ import annotations

from fractions import Fraction

import pytest

from planaudit import Reason, Verdict
from planaudit.check.validate import item_checks, jurisdiction_problems
from planaudit.exact.numbers import Interval
from planaudit.read.layout import audit_files
from planaudit.report.display import actual_text
from planaudit.report.explain import render_explanation
from support import COUNT_METRICS, RepoBuilder, load_repository

TARGET = "- {id: homes, title: 改造老旧小区10万户, metric: cases, rule: at_least, value: 100000, quote: 10万户}"


def audit(tmp_path, figures):
    return RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET).outcomes(figures).audit()


@pytest.mark.parametrize(("share", "verdict", "reason"), [
    ("126%", Verdict.MET, Reason.STATED),  # 125.5%–126.5% of 10万: all of it ≥ 10万
    ("58%", Verdict.MISSED, Reason.STATED),  # 完成年度目标的58%
    ("100%", Verdict.UNMEASURED, Reason.IMPRECISE),  # 99.5%–100.5%: the rounding straddles the target
    ("100.0%", Verdict.UNMEASURED, Reason.IMPRECISE),  # 99.95%–100.05%
    ("101%", Verdict.MET, Reason.STATED),
])
def test_a_share_alone_is_the_evidence(tmp_path, share, verdict, reason):
    (item,) = audit(tmp_path, f"- {{metric: cases, of_target: homes, value: {share}, quote: 占年度目标任务的{share}}}").results
    assert (item.verdict, item.reason) == (verdict, reason)
    assert item.evidence()[0].of_target == "homes"


def test_the_share_reads_as_what_it_is(tmp_path):
    (item,) = audit(tmp_path, "- {metric: cases, of_target: homes, value: 126%, quote: 占年度目标任务的126%}").results
    assert actual_text(item, "en") == "125500–126500 (126% of the target)"


def test_a_level_figure_wins_and_is_checked_against_the_share(tmp_path):
    consistent = audit(tmp_path / "a", """
        - {metric: cases, value: 126000, quote: 完成改造12.6万户}
        - {metric: cases, of_target: homes, value: 126%, quote: 占年度目标任务的126%}
        """)
    assert (consistent.results[0].reason, consistent.inconsistencies) == (Reason.STATED, ())
    wrong = audit(tmp_path / "b", """
        - {metric: cases, value: 126000, quote: 完成改造12.6万户}
        - {metric: cases, of_target: homes, value: 162%, quote: 占年度目标任务的162%}
        """)
    (inconsistency,) = wrong.inconsistencies
    assert (inconsistency.figure.of_target, str(inconsistency.derived_value)) == ("homes", "126")
    assert wrong.results[0].verdict is Verdict.MET and wrong.results[0].warnings == (inconsistency,)


def test_validate_checks_the_share_and_its_target(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET)
    builder.outcomes("""
        - {metric: cases, of_target: homes, value: 126, quote: 126}
        - {metric: closed, of_target: homes, value: 50%, quote: 50%}
        - {metric: cases, of_target: home, value: 50%, quote: 50%}
        """)
    loaded = load_repository(tmp_path, [2022], [2022], checks=item_checks)
    files, _ = audit_files(tmp_path, 2022)
    problems = [problem.message for problem in loaded.problems]
    problems += [problem.message for problem in jurisdiction_problems(tmp_path, files, catalogue=loaded.repository.catalogue,
                                                                      settings=loaded.repository.settings)
                 if problem.code.value == "unknown-target"]
    assert problems == ["a share of target homes is a percentage: write 126%",
                        "of_target names target 'homes', which is of cases, not closed",
                        "of_target names target 'home', which the 2022 plan does not have; did you mean 'homes'?"]


def test_a_share_stated_mid_year_is_checked_against_the_level_of_its_date(tmp_path):
    result = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(
        "- {id: jobs, title: 城镇新增就业1100万人以上, metric: cases, rule: at_least, value: 11000000, quote: 1100万人以上}"
    ).outcomes("""
        - {metric: cases, value: 6540000, as_of: 2022-06-30, quote: 1至6月，全国城镇新增就业654万人}
        - {metric: cases, of_target: jobs, value: 59%, as_of: 2022-06-30, quote: 完成全年目标任务的59%}
        - {metric: cases, value: 12060000, quote: 城镇新增就业1206万人}
        """).audit()
    # 654万 (6535000–6545000) / 1100万 = 59.41%–59.50% meets 59% (58.5%–59.5%); 1206万 would give 109.6%
    assert (result.inconsistencies, result.results[0].verdict) == ((), Verdict.MET)


INSTITUTIONS = """
metrics:
  mediators: {label: Mediators, unit: institution}
  notaries: {label: Notaries, unit: institution}
  institutions:
    label: {zh: 机构数, en: Institutions}
    unit: institution
    derive: mediators + notaries
"""
INSTITUTIONS_TARGET = "- {id: inst, title: 建成10家, metric: institutions, rule: at_least, value: 10, quote: 建成10家}"
TEXT_SHARE = "- {metric: institutions, of_target: inst, value: 100%, conflict: true, quote: 完成率达100%}"
TABLE_SHARE = "- {metric: institutions, of_target: inst, value: 72%, conflict: true, quote: 完成72%}"


def institutions(tmp_path, *figures):
    return RepoBuilder(tmp_path).rules(INSTITUTIONS).targets(INSTITUTIONS_TARGET).outcomes("\n".join(figures)).audit()


@pytest.mark.parametrize("order", [(TEXT_SHARE, TABLE_SHARE), (TABLE_SHARE, TEXT_SHARE)], ids=["text-first", "table-first"])
def test_shares_that_contradict_each_other_contest_the_verdict_whatever_their_order(tmp_path, order):
    # 100% of 10 (9.95–10.05) straddles the target and 72% (7.15–7.25) misses it: the report says two things
    result = institutions(tmp_path, *order)
    (item,) = result.results
    (conflict,) = result.inconsistencies
    assert (item.verdict, item.reason, item.detail.code) == (Verdict.UNMEASURED, Reason.CONTESTED, "conflicting")
    assert (item.actual.figure.provenance.quote, item.actual.value) == (
        "完成72%", Interval(Fraction(715, 100), Fraction(725, 100)))
    assert conflict.conflict and conflict.metric.unit == "percent"
    assert (conflict.figure.provenance.quote, conflict.stated, conflict.derived.value) == (
        "完成率达100%", Interval.exact(100), Interval.exact(72))
    assert item.warnings == (conflict,)
    assert actual_text(item, "en") == "7.15–7.25 (72% of the target) (also stated 100% of the target)"
    assert [line for line in render_explanation(item, "en").splitlines() if line.startswith("Comparison (")] == [
        "Comparison (stated): 7.15–7.25 ≥ 10 → fails", "Comparison (also stated): 9.95–10.05 ≥ 10 → cannot be decided"]


def test_shares_that_contradict_each_other_but_agree_on_the_verdict_let_it_stand(tmp_path):
    result = institutions(tmp_path, TEXT_SHARE.replace("100%", "130%"), TABLE_SHARE.replace("72%", "126%"))
    (item,) = result.results
    (conflict,) = result.inconsistencies
    assert (item.verdict, item.reason, item.actual.figure.provenance.quote) == (Verdict.MET, Reason.STATED, "完成126%")
    assert item.warnings == (conflict,)


def test_each_share_is_checked_against_the_level_of_its_own_date(tmp_path):
    result = institutions(
        tmp_path,
        "- {metric: mediators, value: 2, as_of: 2022-06-30, quote: 上半年2家}",
        "- {metric: notaries, value: 2, as_of: 2022-06-30, quote: 上半年2家}",
        "- {metric: institutions, of_target: inst, value: 40%, as_of: 2022-06-30, quote: 上半年完成40%}",  # 4 of 10
        "- {metric: mediators, value: 6, quote: 全年6家}",
        "- {metric: notaries, value: 5, quote: 全年5家}",
        "- {metric: institutions, of_target: inst, value: 90%, quote: 全年完成90%}",  # 11 of 10 is 110%, not 90%
    )
    (item,) = result.results
    (inconsistency,) = result.inconsistencies
    assert (inconsistency.figure.provenance.quote, inconsistency.derived.value) == ("全年完成90%", Interval.exact(110))
    assert (item.verdict, item.reason, item.actual.value) == (Verdict.MET, Reason.DERIVED, Interval.exact(11))
    assert item.warnings == (inconsistency,)


def test_a_share_of_a_derived_metric_is_not_read_as_a_level_of_it(tmp_path):
    # the share 70% is 7 of 10: consistent with 3 + 4; it was once converted from percent into institutions
    result = institutions(
        tmp_path,
        "- {metric: mediators, value: 3, quote: 3家}",
        "- {metric: notaries, value: 4, quote: 4家}",
        "- {metric: institutions, of_target: inst, value: 70%, quote: 完成70%}",
    )
    assert (result.results[0].verdict, result.results[0].actual.value, result.inconsistencies) == (
        Verdict.MISSED, Interval.exact(7), ())
