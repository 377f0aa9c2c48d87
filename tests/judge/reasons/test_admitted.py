"""admitted: the report's own admission that named targets were not done (denies:) decides them
missed where no figure decides them — even a target whose number the plan lost — and outweighs a
claim of completion; a figure that meets a target the report admits missing is contradicted."""

from __future__ import annotations

import json

import pytest

from planaudit import Grounds, Reason, Verdict, api
from planaudit.report import reporter_class
from planaudit.report.explain import render_explanation
from support import COUNT_METRICS, RepoBuilder

TARGETS = """
- {id: open, title: 开通服务, metric: open, rule: achieved, quote: 开通服务}
- {id: cases, title: 受理300件以上, metric: cases, rule: at_least, value: 300, quote: 受理300件以上}
- {id: closed, title: 结案200件以上, metric: closed, rule: at_least, value: 200, quote: 结案200件以上}
- {id: lost, title: 结案率达到9（原文数字不全）, metric: closed, rule: at_least, value: unknown, quote: 结案率达到9}
"""
REPORT = """\
jurisdiction: testville
year: 2022
figures:
  - {metric: cases, value: 320, quote: 受理320件}
assertions:
  - asserts: all_met
    quote: 各项年度目标任务全面完成
  - denies: [open, cases, lost]
    quote: 3项指标距离目标还有差距
"""


@pytest.fixture
def builder(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGETS)
    builder.write("outcomes/2022/testville.yaml", REPORT)
    return builder


def verdicts(builder):
    return {item.target.id: (item.verdict, item.reason) for item in builder.audit().results}


def test_an_admission_decides_missed_outweighs_a_claim_and_is_contradicted_by_a_figure_that_meets(builder):
    assert verdicts(builder) == {
        "open": (Verdict.MISSED, Reason.ADMITTED),  # no figure, claimed done by all_met: the admission wins
        "cases": (Verdict.UNMEASURED, Reason.CONTRADICTED),  # 320 ≥ 300, yet the report admits it was not done
        "closed": (Verdict.MET, Reason.ASSERTED),  # not named by the admission
        "lost": (Verdict.MISSED, Reason.ADMITTED),  # the plan's number is lost: the admission decides all the same
    }


def test_a_figure_that_misses_agrees_with_the_admission_and_decides(builder):
    builder.write("outcomes/2022/testville.yaml", REPORT.replace("value: 320, quote: 受理320件", "value: 250, quote: 受理250件"))
    assert verdicts(builder)["cases"] == (Verdict.MISSED, Reason.STATED)


def test_an_admission_is_stated_grounds_counted_among_the_missed(builder):
    result = builder.audit()
    grounds = {item.target.id: item.grounds for item in result.results}
    assert (grounds["open"], grounds["lost"], grounds["cases"]) == (Grounds.STATED, Grounds.STATED, None)
    summary = result.summary
    assert (summary.missed, summary.missed_stated, summary.unmeasured, summary.asserted) == (2, 2, 1, 1)


def test_accept_assertions_false_refuses_claims_not_admissions(builder):
    builder.write("planaudit.yaml", "accept_assertions: false\n")
    assert verdicts(builder)["open"] == (Verdict.MISSED, Reason.ADMITTED)
    assert verdicts(builder)["closed"] == (Verdict.UNMEASURED, Reason.NOT_REPORTED)


def test_every_format_quotes_the_admission(builder):
    result = builder.audit()
    markdown = reporter_class("markdown")("en").render(result)
    assert "“3项指标距离目标还有差距” (outcomes/2022/testville.yaml:8)" in markdown
    assert "missed (stated)" in reporter_class("table")("en").render(result)
    document = json.loads(reporter_class("json")("en").render(result))
    first = document["results"][0]
    assert (first["verdict"], first["reason"], first["grounds"]) == ("missed", "admitted", "stated")
    assert first["assertion"] == {"kind": "denies", "quote": "3项指标距离目标还有差距",
                                  "file": "outcomes/2022/testville.yaml", "line": 8}
    assert document["results"][1]["reason"] == "contradicted"


@pytest.mark.parametrize(("entry", "said"), [
    ("{quote: 未完成}", "'asserts' or 'denies' is required"),
    ("{asserts: all_met, denies: [open], quote: 未完成}", "give only one of 'asserts' or 'denies'"),
])
def test_an_entry_is_a_claim_or_an_admission_not_both(builder, entry, said):
    builder.write("outcomes/2022/testville.yaml", f"jurisdiction: testville\nyear: 2022\nfigures: []\nassertions:\n  - {entry}\n")
    problems = api.validate(builder.root)
    assert [(problem.line, problem.col, problem.code.value, str(problem.message)) for problem in problems] == [
        (5, 5, "schema", said)]


def test_an_admission_naming_an_unknown_target_is_warned(builder):
    builder.write("outcomes/2022/testville.yaml", REPORT.replace("denies: [open, cases, lost]", "denies: [opn]"))
    problems = api.validate(builder.root)
    assert [(problem.line, problem.code.value) for problem in problems] == [(8, "unknown-target")]
    assert "denies names target 'opn'" in str(problems[0].message)


UMBRELLA = """
- id: both
  title: 开通服务并结案200件以上
  quote: 开通服务，结案200件以上
  items:
    - {id: open, title: 开通服务, metric: open, rule: achieved, quote: 开通服务}
    - {id: closed, title: 结案200件以上, metric: closed, rule: at_least, value: 200, quote: 结案200件以上}
"""


def umbrella_report(builder, figure: str) -> None:
    builder.write("outcomes/2022/testville.yaml", f"""\
jurisdiction: testville
year: 2022
document: {{title: 2022年工作总结, issuer: 测试市司法局}}
figures:{figure}
assertions:
  - asserts: all_met
    quote: 各项年度目标任务全面完成
  - denies: [both]
    quote: 该项工程距离目标还有差距
""")


def test_an_umbrella_met_by_a_figure_is_contradicted_by_an_admission_though_an_item_was_only_claimed(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(UMBRELLA)
    umbrella_report(builder, "\n  - {metric: closed, value: 250, quote: 结案250件}")
    found = {item.target.id: (item.verdict, item.reason) for item in builder.audit().results}
    assert found == {"both": (Verdict.UNMEASURED, Reason.CONTRADICTED), "open": (Verdict.MET, Reason.ASSERTED),
                     "closed": (Verdict.MET, Reason.STATED)}


def test_an_umbrella_met_on_claims_alone_is_missed_on_the_admission_and_explain_says_so(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(UMBRELLA)
    umbrella_report(builder, " []")
    result = builder.audit()
    umbrella = result.results[0]
    assert (umbrella.verdict, umbrella.reason, umbrella.grounds) == (Verdict.MISSED, Reason.ADMITTED, Grounds.STATED)
    assert "\nRests on: stated — the report's own admission that it was not done\n" in render_explanation(umbrella)
    markdown = reporter_class("markdown")("en").render(result)
    assert "“该项工程距离目标还有差距” (outcomes/2022/testville.yaml:8, 《2022年工作总结》)" in markdown
    sources = markdown[markdown.index("## Sources"):]
    assert "2022年工作总结" in sources  # the document the admission is quoted from is among the sources
