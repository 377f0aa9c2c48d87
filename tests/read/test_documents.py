"""Several documents for one jurisdiction and year: an outcome file lists its documents, each figure
may name its source, and evidence shows which document a figure came from."""

from __future__ import annotations

import json

from planaudit.report import reporter_class
from planaudit.report.display import evidence_text
from support import COUNT_METRICS, RepoBuilder

REPORT = """\
jurisdiction: testville
year: 2022
documents:
  - {id: year-end, title: 2022年工作总结, issuer: 司法局, date: 2023-01-20}
  - {id: q3, title: 三季度进展情况}
figures:
  - {metric: cases, value: 310, source: year-end, quote: 受理310件}
  - {metric: closed, value: 200, as_of: 2022-09-30, source: q3, quote: 截至9月底结案200件}
"""


def audit(tmp_path, report=REPORT):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: cases, title: 受理300件以上, metric: cases, rule: at_least, value: 300, quote: 300件}")
    builder.write("outcomes/2022/testville.yaml", report)
    return builder


def test_evidence_names_the_document_a_figure_came_from(tmp_path):
    result = audit(tmp_path).audit()
    assert evidence_text(result.results[0], "en") == "“受理310件” (outcomes/2022/testville.yaml:7, 《2022年工作总结》)"
    (evidence,) = json.loads(reporter_class("json")("en").render(result))["results"][0]["evidence"]
    assert evidence["source"] == {"id": "year-end", "title": "2022年工作总结", "issuer": "司法局", "date": "2023-01-20"}


def test_a_source_that_is_not_listed_is_an_error(tmp_path):
    from planaudit.api import validate

    audit(tmp_path, REPORT.replace("source: q3", "source: q4"))
    assert [(problem.code.value, problem.line, problem.message) for problem in validate(tmp_path)
            if problem.is_error] == [
        ("unknown-document", 8, "source 'q4' is not one of the report's documents (listed: year-end, q3)")]
