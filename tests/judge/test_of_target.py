"""Completion ratios: a figure that states a share of a target (占年度目标任务的126%) — checked against
the level figure ÷ the target's value, and the evidence where the report gives only the share."""

from __future__ import annotations

import pytest

from planaudit import Reason, Verdict
from planaudit.check.validate import item_checks, jurisdiction_problems
from planaudit.read.layout import audit_files
from planaudit.report.display import actual_text
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
