"""What a verdict rests on — measured, stated, judged, asserted — and a commitment done in part:
decided once (TargetResult.grounds), counted in the summary, and shown alike by every format."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest

from planaudit import Grounds, Reason, Verdict, api
from planaudit.model.problems import Code
from planaudit.model.wording import in_targets_words, shared_share
from planaudit.report import reporter_class
from planaudit.report.explain import render_explanation
from planaudit.run.failon import DEFAULT_FAIL_ON, failure_text
from support import RepoBuilder

METRICS = """
metrics:
  hotline: {label: 热线, unit: boolean}
  platform: {label: 平台, unit: boolean}
  advisers: {label: 法律顾问, unit: boolean}
  studios: {label: 工作室, unit: item}
"""
TARGETS = """
- {id: hotline, title: 开通7×24小时热线法律咨询服务, metric: hotline, rule: achieved, quote: 开通7×24小时热线法律咨询服务}
- {id: platform, title: 实现多平台互联互通、数据共享, metric: platform, rule: achieved, quote: 实现多平台互联互通、数据共享}
- {id: advisers, title: 村（社区）法律顾问全覆盖, metric: advisers, rule: achieved, quote: 村（社区）法律顾问全覆盖}
- {id: studios, title: 打造2个工作室, metric: studios, rule: at_least, value: 2, quote: 打造2个工作室}
"""
FIGURES = """
- {metric: hotline, value: true, quote: 热线平台开通7*24小时法律咨询服务}
- {metric: platform, value: true, quote: 实现12348热线与110、12345平台有效对接, note: 读作多平台互联互通；未提数据共享}
- {metric: advisers, value: partly, quote: 村（社区）法律顾问覆盖率达92%, note: 覆盖率92%，未达全覆盖}
- {metric: studios, value: 3, quote: 成立3个工作室}
"""


def audit(tmp_path, figures=FIGURES, targets=TARGETS):
    return RepoBuilder(tmp_path).rules(METRICS).targets(targets).outcomes(figures).audit()


def by_id(result):
    return {item.target.id: item for item in result.results}


def test_each_verdict_names_what_it_rests_on(tmp_path):
    found = {target: (item.verdict, item.reason, item.grounds) for target, item in by_id(audit(tmp_path)).items()}
    assert found == {
        "hotline": (Verdict.MET, Reason.STATED, Grounds.STATED),  # the report repeats the plan's words
        "platform": (Verdict.MET, Reason.STATED, Grounds.JUDGED),  # a reading, which the note explains
        "advisers": (Verdict.PARTLY, Reason.PARTLY, Grounds.JUDGED),
        "studios": (Verdict.MET, Reason.STATED, Grounds.MEASURED),
    }


def test_a_yes_no_figure_that_repeats_too_little_of_the_target_is_judged_even_without_a_note(tmp_path):
    figures = FIGURES.replace(", note: 读作多平台互联互通；未提数据共享", "")
    assert by_id(audit(tmp_path, figures))["platform"].grounds is Grounds.JUDGED


def test_a_note_makes_even_a_number_an_evaluator_s_reading(tmp_path):
    figures = FIGURES.replace("quote: 成立3个工作室}", "quote: 成立3个工作室, note: 名师工作室读作计划所称工作室}")
    assert by_id(audit(tmp_path, figures))["studios"].grounds is Grounds.JUDGED


def test_the_words_shared_are_counted_in_pairs_of_characters():
    assert shared_share("开通热线", "热线已开通") == Fraction(2, 3)  # 开通, 热线 of 开通, 通热, 热线
    assert shared_share("开通热线", "开通") == Fraction(1, 3)
    assert shared_share("", "任何") == 1  # nothing to repeat
    assert shared_share("７×24小时", "7*24小时") == 1  # full-width digits and punctuation fold away


def test_what_is_stated_takes_half_of_the_target_s_words(tmp_path):
    target = by_id(audit(tmp_path))["hotline"].target
    assert in_targets_words(target, "开通7×24小时热线") and not in_targets_words(target, "开通热线")


def test_the_summary_splits_the_met_by_grounds_and_counts_partly_apart(tmp_path):
    summary = audit(tmp_path).summary
    assert (summary.targets, summary.met, summary.missed, summary.partly, summary.unmeasured) == (4, 3, 0, 1, 0)
    assert summary.by_grounds(Verdict.MET) == [(Grounds.MEASURED, 1), (Grounds.STATED, 1), (Grounds.JUDGED, 1)]
    assert summary.share_met == 1  # of the decided: partly done is neither met nor missed


def test_partly_done_fails_as_missed_and_says_so(tmp_path):
    overview = audit(tmp_path).overview()
    assert overview.partly == ("testville/advisers",)
    assert DEFAULT_FAIL_ON.fails(overview.summary)
    assert failure_text(overview, DEFAULT_FAIL_ON).render("en") == \
        "failed: 1 partly done (testville/advisers) — --fail-on missed"


def test_an_umbrella_with_an_item_partly_done_is_partly_done(tmp_path):
    targets = """
- id: programme
  title: 实施工程
  quote: 实施工程
  items:
    - {id: advisers, title: 村（社区）法律顾问全覆盖, metric: advisers, rule: achieved, quote: 村（社区）法律顾问全覆盖}
    - {id: studios, title: 打造2个工作室, metric: studios, rule: at_least, value: 2, quote: 打造2个工作室}
"""
    umbrella = by_id(audit(tmp_path, targets=targets))["programme"]
    assert (umbrella.verdict, umbrella.reason, umbrella.grounds) == (Verdict.PARTLY, Reason.ITEMS, Grounds.JUDGED)


def test_an_umbrella_met_rests_on_its_weakest_item(tmp_path):
    targets = """
- id: programme
  title: 实施工程
  quote: 实施工程
  items:
    - {id: hotline, title: 开通7×24小时热线法律咨询服务, metric: hotline, rule: achieved, quote: 开通7×24小时热线法律咨询服务}
    - {id: studios, title: 打造2个工作室, metric: studios, rule: at_least, value: 2, quote: 打造2个工作室}
"""
    umbrella = by_id(audit(tmp_path, targets=targets))["programme"]
    assert (umbrella.verdict, umbrella.grounds) == (Verdict.MET, Grounds.STATED)


def test_an_unmeasured_verdict_rests_on_nothing(tmp_path):
    item = by_id(audit(tmp_path, figures="[]"))["hotline"]
    assert (item.verdict, item.grounds) == (Verdict.UNMEASURED, None)


def test_a_partly_done_figure_needs_a_note(tmp_path):
    RepoBuilder(tmp_path).rules(METRICS).targets(TARGETS).outcomes(FIGURES.replace(", note: 覆盖率92%，未达全覆盖", ""))
    problems = [(problem.line, problem.code) for problem in api.validate(tmp_path)]
    assert problems == [(6, Code.VALUE_MISSING)]


def render(result, name, lang="en"):
    return reporter_class(name)(lang).render(result)


def test_every_format_shows_what_each_verdict_rests_on(tmp_path):
    result = audit(tmp_path)
    rows = {row["id"]: row for row in json.loads(render(result, "json"))["results"]}
    assert {key: row["grounds"] for key, row in rows.items()} == {
        "hotline": "stated", "platform": "judged", "advisers": "judged", "studios": "measured"}
    assert (rows["advisers"]["verdict"], rows["advisers"]["evidence"][0]["value"],
            rows["advisers"]["evidence"][0]["note"]) == ("partly", "partly", "覆盖率92%，未达全覆盖")
    table = render(result, "table")
    assert "met (stated)" in table and "met (judged)" in table and "partly done (judged)" in table
    assert table.rstrip().endswith("4 targets — 3 met (1 measured, 1 stated, 1 judged), 0 missed, 1 partly done, "
                                   "0 unmeasured")
    markdown = render(result, "markdown")
    assert "**4 targets: 3 decided — 3 met (1 measured, 1 stated, 1 judged), 0 missed; 1 partly done; 0 unmeasured**" \
        in markdown
    assert "— note: 读作多平台互联互通；未提数据共享" in markdown
    written = list(csv.DictReader(io.StringIO(render(result, "csv").lstrip("\ufeff"))))
    assert {row["id"]: (row["verdict"], row["grounds"], row["grounds_text"], row["actual"]) for row in written} == {
        "hotline": ("met", "stated", "stated", "yes"), "platform": ("met", "judged", "judged", "yes"),
        "advisers": ("partly", "judged", "judged", "in part"), "studios": ("met", "measured", "measured", "3")}
    sarif = json.loads(render(result, "sarif"))["runs"][0]["results"]
    assert {entry["properties"]["target"]: (entry["ruleId"], entry["level"], entry["properties"]["grounds"])
            for entry in sarif}["advisers"] == ("partly", "error", "judged")


def test_chinese_names_the_grounds(tmp_path):
    table = render(audit(tmp_path), "table", "zh")
    assert "达标 (报告明言)" in table and "达标 (评估者判断)" in table and "部分完成 (评估者判断)" in table
    assert "达标3项（数据比对1项，报告明言1项，评估者判断1项）" in table and "部分完成1项" in table


def test_explain_says_why_a_verdict_rests_on_what_it_does(tmp_path):
    found = by_id(audit(tmp_path, FIGURES.replace(", note: 读作多平台互联互通；未提数据共享", "")))
    assert render_explanation(found["hotline"]).splitlines()[-1] == \
        "Rests on: stated — the report says so in words that repeat 85% of the target's"
    assert render_explanation(found["platform"]).splitlines()[-1] == (
        "Rests on: judged — an evaluator's reading: the quote repeats 16% of the target's words, under 50%, and no "
        "note says why it shows the target done")
    lines = render_explanation(found["advisers"]).splitlines()
    assert lines[-2:] == ["Verdict: partly done — done in part (the report shows it done only in part: 覆盖率92%，未达全覆盖)",
                          "Rests on: judged — an evaluator's reading of the report's words, which the figure's note explains"]
    assert lines[-3].endswith(
        "“村（社区）法律顾问覆盖率达92%” (date not stated (taken as the year's end)) — note: 覆盖率92%，未达全覆盖")


PARTLY_SHOWN = {  # how each format says "partly done" of the hotline target, never "met"
    "table": "partly done (judged)", "markdown": "partly done (judged)", "json": '"verdict": "partly"',
    "csv": ",partly,partly done,partly,", "junit": 'type="partly"',
    "github": "::error file=targets/2022/testville.yaml,line=4,title=partly done%3A hotline::",  # fails as missed does
    "sarif": '"ruleId": "partly"',
}


@pytest.mark.parametrize("name", list(PARTLY_SHOWN))
def test_every_format_says_partly_done_and_none_calls_it_met(tmp_path, name):
    result = audit(tmp_path, FIGURES.replace("value: true, quote: 热线", "value: partly, note: 仅工作日, quote: 热线"))
    assert [(item.target.id, item.verdict) for item in result.results][0] == ("hotline", Verdict.PARTLY)
    assert result.summary.met == 2 and result.summary.partly == 2  # platform, studios met; hotline, advisers in part
    assert PARTLY_SHOWN[name] in render(result, name)
