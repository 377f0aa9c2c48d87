"""The Excel workbook (-o audit.xlsx), read back with openpyxl."""

from __future__ import annotations

import io

import openpyxl

from planaudit.report import reporter_class
from planaudit.report.xlsx_report import display_width
from support import COUNT_METRICS, RepoBuilder


def workbook(tmp_path, lang="en", targets=None, figures=None):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets(targets or """
        - {id: a, title: "=HYPERLINK(\\"http://x\\")", metric: cases, rule: at_least, value: 1, quote: q}
        - {id: b, title: 结案率达99%以上, metric: rate, rule: at_least, value: 99%, quote: 结案率达99%以上}
        - {id: c, title: t, metric: share, rule: at_least, value: 1, quote: q}
        """)
    builder.outcomes(figures or """
        - {metric: cases, value: 282, quote: 立案282件}
        - {metric: closed, value: 276, quote: 结案276件}
        - {metric: rate, value: 91%, quote: 结案率91%}
        """)
    return openpyxl.load_workbook(io.BytesIO(reporter_class("xlsx")(lang).render_bytes(builder.audit())))


def test_a_summary_sheet_then_one_per_jurisdiction_then_the_inconsistent_figures(tmp_path):
    book = workbook(tmp_path)
    assert book.sheetnames == ["Summary", "testville", "inconsistent"]
    summary = [list(row) for row in book["Summary"].iter_rows(values_only=True)]
    assert summary[0][0] == "3 targets: 2 decided — 1 met (1 measured), 1 missed (1 measured); 1 unmeasured"
    assert summary[2] == ["Jurisdiction", "Name", "Targets", "Decided", "Met", "Met: measured", "Met: stated", "Met: judged",
                          "Missed", "Missed: measured", "Missed: stated", "Missed: judged", "Partly done", "Unmeasured",
                          "Asserted only", "Waived", "Items of umbrella targets", "Items met"]
    assert summary[3] == ["testville", "testville", 3, 2, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0]


def test_each_jurisdiction_sheet_has_a_frozen_filtered_header_and_coloured_verdicts(tmp_path):
    sheet = workbook(tmp_path)["testville"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = rows[2]
    assert header[:8] == ["#", "ID", "Target", "Threshold", "Actual", "Verdict", "Verdict code", "Rests on"]
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A4", "A3:Q6")
    by_id = {row[1]: dict(zip(header, row, strict=True)) for row in rows[3:]}
    assert by_id["b"]["Verdict code"] == "missed" and by_id["a"]["Verdict code"] == "met"
    assert (by_id["a"]["Rests on"], by_id["b"]["Rests on"], by_id["c"]["Rests on"]) == ("measured", "measured", "")
    assert by_id["b"]["Evidence"] == "“结案率91%” (outcomes/2022/testville.yaml:6)"
    assert by_id["b"]["Warnings"] == "rate stated 91%, from counts 97.87% (outcomes/2022/testville.yaml:6)"
    assert by_id["b"]["File"] == "targets/2022/testville.yaml:5"
    fills = {row[1].value: row[6].fill.fgColor.rgb for row in sheet.iter_rows(min_row=4)}
    assert fills == {"a": "FFC6EFCE", "b": "FFFFC7CE", "c": "FFFFEB9C"}


def test_a_title_that_looks_like_a_formula_is_text(tmp_path):
    sheet = workbook(tmp_path)["testville"]
    cell = sheet["C4"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def test_columns_are_as_wide_as_their_chinese_text(tmp_path):
    sheet = workbook(tmp_path, "zh")["testville"]
    assert sheet.column_dimensions["C"].width >= display_width("结案率达99%以上") + 2
    assert display_width("结案率") == 6


def test_the_same_audit_gives_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    builder.outcomes("- {metric: cases, value: 2, quote: q}")
    result = builder.audit()
    assert reporter_class("xlsx")().render_bytes(result) == reporter_class("xlsx")().render_bytes(result)
