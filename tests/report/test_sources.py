"""The documents cited: each file names its document (title, issuer, date, web address), an entry may
say where in it (at:), every format names the document beside the evidence, and the Markdown and
workbook audits end with the list of sources."""

from __future__ import annotations

import io
import json

from openpyxl import load_workbook

from planaudit import api
from planaudit.model.problems import Code
from planaudit.report import reporter_class
from planaudit.report.explain import render_explanation
from support import COUNT_METRICS, RepoBuilder

PLAN = """jurisdiction: testville
year: 2022
document: {title: 2022年工作要点, issuer: 测试市司法局, date: 2022-03-01, url: "https://sfj.example.gov.cn/2022/yd.html"}
targets:
  - {id: cases, title: 受理300件以上, metric: cases, rule: at_least, value: 300, quote: 受理300件以上, at: 二（一）}
"""
REPORT = """jurisdiction: testville
year: 2022
document: {title: 2022年工作总结, issuer: 测试市司法局, date: 2023-02-02}
figures:
  - {metric: cases, value: 310, quote: 受理310件, at: 第3页}
"""


def audit(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.write("targets/2022/testville.yaml", PLAN)
    builder.write("outcomes/2022/testville.yaml", REPORT)
    return builder.audit()


def test_evidence_names_the_document_and_where_in_it(tmp_path):
    result = audit(tmp_path)
    (item,) = result.results
    assert item.evidence()[0].provenance.place() == "outcomes/2022/testville.yaml:5, 《2022年工作总结》 第3页"
    markdown = reporter_class("markdown")("en").render(result)
    assert "“受理310件” (outcomes/2022/testville.yaml:5, 《2022年工作总结》 第3页)" in markdown
    assert "outcomes/2022/testville.yaml:5, 《2022年工作总结》 第3页 “受理310件” (date not stated (taken as the year's end))" in \
        render_explanation(item)


def test_json_gives_each_entry_its_document_and_place(tmp_path):
    (row,) = json.loads(reporter_class("json")("en").render(audit(tmp_path)))["results"]
    assert (row["at"], row["document"]) == ("二（一）", {"title": "2022年工作要点", "issuer": "测试市司法局",
                                                      "date": "2022-03-01", "url": "https://sfj.example.gov.cn/2022/yd.html"})
    (figure,) = row["evidence"]
    assert (figure["at"], figure["document"]) == ("第3页", {"title": "2022年工作总结", "issuer": "测试市司法局",
                                                         "date": "2023-02-02", "url": None})


def test_the_markdown_audit_ends_with_its_sources(tmp_path):
    markdown = reporter_class("markdown")("en").render(audit(tmp_path))
    sources = markdown[markdown.index("## Sources"):].splitlines()
    assert [" ".join(line.split()) for line in sources[2:] if line.startswith("|")][2:] == [
        "| testville | 2022年工作要点 | 测试市司法局 | 2022-03-01 | `https://sfj.example.gov.cn/2022/yd.html` | "
        "targets/2022/testville.yaml |",
        "| testville | 2022年工作总结 | 测试市司法局 | 2023-02-02 | | outcomes/2022/testville.yaml |"]
    assert markdown.rstrip().endswith("outcomes/2022/testville.yaml |")


def test_the_workbook_ends_with_a_sheet_of_sources(tmp_path):
    book = load_workbook(io.BytesIO(reporter_class("xlsx")("zh").render_bytes(audit(tmp_path))))
    assert book.sheetnames[-1] == "资料来源"
    rows = [list(row) for row in book["资料来源"].iter_rows(values_only=True)]
    assert rows[0] == ["年度", "地区", "文件名称", "发文机关", "日期", "网址", "文件"]
    assert rows[1] == [2022, "testville", "2022年工作要点", "测试市司法局", "2022年3月1日", "https://sfj.example.gov.cn/2022/yd.html",
                       "targets/2022/testville.yaml"]


def test_a_web_address_that_could_break_a_table_is_refused(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.write("targets/2022/testville.yaml", PLAN.replace("yd.html", "yd.html|x"))
    assert [problem.code for problem in api.validate(tmp_path)] == [Code.SCHEMA]


def test_a_commitment_the_plan_makes_twice_names_both_places(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    restated = "quote: 受理300件以上, at: 二（一）,\n     restated: [{quote: 全年受理300件, section: 五（一）}]}"
    builder.write("targets/2022/testville.yaml", PLAN.replace("quote: 受理300件以上, at: 二（一）}", restated))
    builder.write("outcomes/2022/testville.yaml", REPORT)
    result = builder.audit()
    (row,) = json.loads(reporter_class("json")("en").render(result))["results"]
    assert row["restated"] == [{"quote": "全年受理300件", "section": "五（一）", "at": None}]
    assert "\nAnd again: “全年受理300件” (五（一）)\n" in render_explanation(result.results[0])
    assert (result.summary.targets, result.summary.met) == (1, 1)  # one commitment, counted once
