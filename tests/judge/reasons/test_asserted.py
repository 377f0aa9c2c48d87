"""asserted: a target with no figure, met on the report's blanket claim of completion — never an
ordinary met, counted apart, and refused when planaudit.yaml says accept_assertions: false."""

from __future__ import annotations

import json

import pytest

from planaudit import Reason, Verdict
from planaudit.report import reporter_class
from support import COUNT_METRICS, RepoBuilder

TARGETS = """
- {id: open, title: 开通服务, metric: open, rule: achieved, quote: 开通服务}
- {id: cases, title: 受理300件以上, metric: cases, rule: at_least, value: 300, quote: 受理300件以上}
- {id: closed, title: 结案200件以上, metric: closed, rule: at_least, value: 200, quote: 结案200件以上}
"""
REPORT = """\
jurisdiction: testville
year: 2022
figures:
  - {metric: closed, value: 150, quote: 结案150件}
assertions:
  - asserts: all_met
    quote: 各项年度目标任务全面完成
"""


@pytest.fixture
def builder(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGETS)
    builder.write("outcomes/2022/testville.yaml", REPORT)
    return builder


def test_targets_without_a_figure_are_met_as_asserted_and_a_figure_still_decides(builder):
    found = {item.target.id: (item.verdict, item.reason) for item in builder.audit().results}
    assert found == {"open": (Verdict.MET, Reason.ASSERTED), "cases": (Verdict.MET, Reason.ASSERTED),
                     "closed": (Verdict.MISSED, Reason.STATED)}  # 150 < 200: the claim does not override a figure


def test_asserted_is_counted_apart_from_measured(builder):
    summary = builder.audit().summary
    assert (summary.targets, summary.met, summary.missed, summary.asserted, summary.share_met) == (3, 0, 1, 2, 0)


def test_a_claim_may_name_its_targets(builder):
    builder.write("outcomes/2022/testville.yaml", REPORT.replace("asserts: all_met", "asserts: [open]"))
    found = {item.target.id: item.reason for item in builder.audit().results}
    assert (found["open"], found["cases"]) == (Reason.ASSERTED, Reason.NOT_REPORTED)


def test_planaudit_yaml_can_refuse_claims(builder):
    builder.write("planaudit.yaml", "accept_assertions: false\n")
    item = builder.audit().results[0]
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.NOT_REPORTED)
    assert "accept_assertions is false" in reporter_class("markdown")("en").render(builder.audit())


def test_every_format_keeps_asserted_apart_and_traceable(builder):
    result = builder.audit()
    markdown = reporter_class("markdown")("en").render(result)
    assert "met (asserted)" in markdown and "“各项年度目标任务全面完成” (outcomes/2022/testville.yaml:6)" in markdown
    assert "2 asserted by the report, not measured" in markdown and "Asserted only" in markdown
    assert "met (asserted)" in reporter_class("table")("en").render(result)
    document = json.loads(reporter_class("json")("en").render(result))
    assert document["summary"]["asserted"] == 2
    assert document["results"][0]["reason"] == "asserted"
    assert document["results"][0]["assertion"] == {"kind": "asserts", "quote": "各项年度目标任务全面完成",
                                                   "file": "outcomes/2022/testville.yaml", "line": 6}
