"""The Excel workbook (-o audit.xlsx), read back with openpyxl."""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

from planaudit.report import reporter_class
from planaudit.report.xlsx_report import display_width
from support import COUNT_METRICS, RepoBuilder, rendered_years


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
    assert book.sheetnames == ["Summary", "Chart", "testville", "inconsistent"]
    summary = [list(row) for row in book["Summary"].iter_rows(values_only=True)]
    assert summary[0][0] == "3 targets: 2 decided — 1 met (1 measured), 1 missed (1 measured); 1 unmeasured"
    assert summary[2] == ["Year", "Jurisdiction", "Name", "Targets", "Decided", "Met", "Met: measured", "Met: stated",
                          "Met: judged", "Missed", "Missed: measured", "Missed: stated", "Missed: judged", "Partly done",
                          "Unmeasured", "Asserted only", "Waived", "Items of umbrella targets", "Items met"]
    assert summary[3] == [2022, "testville", "testville", 3, 2, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0]
    assert summary[4] == [2022, "Total", "", 3, 2, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0]  # one year: no year's total


def test_each_jurisdiction_sheet_has_a_frozen_filtered_header_and_coloured_verdicts(tmp_path):
    sheet = workbook(tmp_path)["testville"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = rows[2]
    assert header[:9] == ["#", "Year", "ID", "Target", "Threshold", "Actual", "Verdict", "Verdict code", "Rests on"]
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A4", "A3:R6")
    by_id = {row[2]: dict(zip(header, row, strict=True)) for row in rows[3:]}
    assert {row["Year"] for row in by_id.values()} == {2022}
    assert by_id["b"]["Verdict code"] == "missed" and by_id["a"]["Verdict code"] == "met"
    assert (by_id["a"]["Rests on"], by_id["b"]["Rests on"], by_id["c"]["Rests on"]) == ("measured", "measured", "")
    assert by_id["b"]["Evidence"] == "“结案率91%” (outcomes/2022/testville.yaml:6)"
    assert by_id["b"]["Warnings"] == "rate stated 91%, from counts 97.87% (outcomes/2022/testville.yaml:6)"
    assert by_id["b"]["File"] == "targets/2022/testville.yaml:5"
    fills = {row[2].value: row[7].fill.fgColor.rgb for row in sheet.iter_rows(min_row=4)}
    assert fills == {"a": "FFC6EFCE", "b": "FFFFC7CE", "c": "FFFFEB9C"}


def test_a_title_that_looks_like_a_formula_is_text(tmp_path):
    sheet = workbook(tmp_path)["testville"]
    cell = sheet["D4"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def test_columns_are_as_wide_as_their_chinese_text(tmp_path):
    sheet = workbook(tmp_path, "zh")["testville"]
    assert sheet.column_dimensions["D"].width >= display_width("结案率达99%以上") + 2
    assert display_width("结案率") == 6


def test_the_same_audit_gives_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    builder.outcomes("- {metric: cases, value: 2, quote: q}")
    result = builder.audit()
    assert reporter_class("xlsx")().render_bytes(result) == reporter_class("xlsx")().render_bytes(result)


CHART = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


def chart_of(data: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (name,) = [item for item in archive.namelist() if item.startswith("xl/charts/")]
        return ET.fromstring(archive.read(name))


def test_a_chart_sheet_stacks_each_jurisdiction_s_targets_by_verdict_from_the_summary_s_cells(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    for slug, value in (("north", 300), ("south", 200)):
        builder.targets("""
            - {id: a, title: t, metric: cases, rule: at_least, value: 250, quote: q}
            - {id: b, title: t, metric: closed, rule: at_least, value: 1, quote: q}
            """, jurisdiction=slug)
        builder.outcomes(f"- {{metric: cases, value: {value}, quote: 立案{value}件}}", jurisdiction=slug)
    data = reporter_class("xlsx")("en").render_bytes(builder.audit())
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Summary", "Chart", "north", "south"]
    summary = [list(row) for row in book["Summary"].iter_rows(values_only=True)]
    assert [row[:3] + row[5:6] + row[9:10] + row[13:15] for row in summary[2:5]] == [
        ["Year", "Jurisdiction", "Name", "Met", "Missed", "Partly done", "Unmeasured"],
        [2022, "north", "north", 1, 0, 0, 1], [2022, "south", "south", 0, 1, 0, 1]]
    chart = chart_of(data)
    bars = chart.find(".//c:barChart", CHART)
    assert bars is not None
    assert (bars.find("c:barDir", CHART).get("val"), bars.find("c:grouping", CHART).get("val")) == ("bar", "stacked")
    series = [(item.find("c:tx//c:f", CHART).text, item.find("c:cat//c:f", CHART).text, item.find("c:val//c:f", CHART).text)
              for item in bars.findall("c:ser", CHART)]
    assert series == [("Summary!$F$3", "Summary!$C$4:$C$5", "Summary!$F$4:$F$5"),  # met
                      ("Summary!$J$3", "Summary!$C$4:$C$5", "Summary!$J$4:$J$5"),  # missed
                      ("Summary!$N$3", "Summary!$C$4:$C$5", "Summary!$N$4:$N$5"),  # partly done
                      ("Summary!$O$3", "Summary!$C$4:$C$5", "Summary!$O$4:$O$5")]  # unmeasured, the total row left out
    assert chart.find(".//c:catAx/c:scaling/c:orientation", CHART).get("val") == "maxMin"  # the first on top
    assert chart.find(".//c:valAx/c:scaling/c:orientation", CHART).get("val") == "minMax"
    assert chart.find(".//c:title//a:t", {**CHART, "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}).text == (
        "Targets by verdict, per jurisdiction, 2022")


def test_no_chart_when_no_jurisdiction_was_judged(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    overview = builder.audit().overview()
    empty = dataclasses.replace(overview, years=(dataclasses.replace(overview.years[0], names={}, summaries={}),))
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    reporter = reporter_class("xlsx")("en")
    reporter.write_all(empty, [], out)
    out.flush()
    book = openpyxl.load_workbook(io.BytesIO(out.buffer.getvalue()))
    assert book.sheetnames == ["Summary"]


def test_a_workbook_of_several_years_has_a_chart_and_a_total_for_each_year(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    for year, slugs in ((2022, ("north", "south")), (2023, ("north",))):
        for slug in slugs:
            builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 250, quote: q}", year, slug)
            builder.outcomes("- {metric: cases, value: 300, quote: 立案300件}", year, slug)
    data = rendered_years(tmp_path, [2022, 2023], "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Summary", "Chart 2022", "Chart 2023", "north 2022", "south 2022", "north 2023"]
    summary = [list(row) for row in book["Summary"].iter_rows(values_only=True)]
    assert [row[:5] for row in summary[3:]] == [[2022, "north", "north", 1, 1], [2022, "south", "south", 1, 1],
                                                [2022, "Total", "", 2, 2], [2023, "north", "north", 1, 1],
                                                [2023, "Total", "", 1, 1], ["2022–2023", "Total", "", 3, 3]]
    sheet = [list(row) for row in book["north 2023"].iter_rows(values_only=True)]
    assert (sheet[0][0], sheet[3][:3]) == ("2023 · north (north)", [1, 2023, "a"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        charts = sorted(item for item in archive.namelist() if item.startswith("xl/charts/"))
        ranges = [{item.text for item in ET.fromstring(archive.read(name)).iterfind(".//c:cat//c:f", CHART)}
                  for name in charts]
    assert ranges == [{"Summary!$C$4:$C$5"}, {"Summary!$C$7"}]  # each year's jurisdictions, not its total
