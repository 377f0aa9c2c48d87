"""Acceptance: an evaluator's audit (tests/examples/evaluator) — every verdict traceable, contested
evidence named, values checked against their quotes, one bad file never hiding the rest."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree

import pytest

from acceptance_support import EXAMPLES, assert_matches, planaudit
from planaudit._version import __version__


def results(*args: str) -> dict[str, dict]:
    run = planaudit("check", "2022", "--format", "json", *args, data="evaluator")
    return {item["id"]: item for item in json.loads(run.stdout)["results"]}


def test_contested_evidence_is_unmeasured_and_shows_both_figures():
    found = results()
    contested, standing = found["closure-rate-up"], found["closure-rate-85"]
    assert (contested["verdict"], contested["reason"]) == ("unmeasured", "contested")
    assert contested["warnings"] == [{"code": "inconsistent", "kind": "counts", "agreement": "none", "acknowledged": None,
                                      "metric": "medical_dispute.closure_rate",
                                      "stated": "91", "derived": "97.87", "file": "outcomes/2022/lakeview.yaml",
                                      "line": 11}]
    assert (standing["verdict"], standing["reason"]) == ("met", "stated")
    assert standing["warnings"] == contested["warnings"]


def test_explain_of_a_contested_verdict():
    run = planaudit("explain", "2022", "lakeview", "closure-rate-up", data="evaluator")
    assert (run.returncode, run.stderr) == (0, "")
    assert_matches("evaluator-explain-contested.txt", run.stdout)


# 1. From a row to its evidence: the id and line in every table, explain by row number or prefix.

def test_the_table_numbers_its_rows_and_shows_each_id_and_line():
    run = planaudit("check", "2022", "-j", "lakeview", data="evaluator", env={"COLUMNS": "200"})
    assert run.returncode == 0
    assert_matches("evaluator-check-200.txt", run.stdout)


def test_at_80_columns_each_row_is_three_lines_and_fits():
    run = planaudit("check", "2022", "-j", "lakeview", data="evaluator", env={"COLUMNS": "80"})
    assert run.returncode == 0
    assert_matches("evaluator-check-80.txt", run.stdout)
    assert max(display_width(line) for line in run.stdout.splitlines()) <= 80


def display_width(line: str) -> int:
    from wcwidth import wcswidth

    return wcswidth(line)


@pytest.mark.parametrize("named", ["closure-rate-up", "1", "closure-rate-u"])
def test_explain_takes_the_id_the_row_number_or_a_unique_prefix(named):
    run = planaudit("explain", "2022", "lakeview", named, data="evaluator")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.startswith("lakeview/closure-rate-up  (targets/2022/lakeview.yaml:5)\n")


def test_explain_of_a_prefix_of_two_ids_names_both():
    run = planaudit("explain", "2022", "lakeview", "closure", data="evaluator")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == ("planaudit: error: 'closure' begins more than one target id of lakeview in 2022: "
                          "closure-rate-up, closure-rate-85\n")


def test_explain_of_an_unknown_target_suggests_the_closest():
    run = planaudit("explain", "2022", "lakeview", "closure-rate-upp", data="evaluator")
    assert run.returncode == 2
    assert "in 2022; did you mean 'closure-rate-up' or 'closure-rate-85'? (its targets: 1–" in run.stderr


def test_the_markdown_export_gives_each_id_as_code_with_its_file_and_line():
    run = planaudit("export", "2022", data="evaluator")
    rows = [line for line in run.stdout.splitlines() if line.startswith("| 1 ")]
    assert "| `closure-rate-up` targets/2022/lakeview.yaml:5 |" in re.sub(" +", " ", rows[0])


# 3. Values checked against their own quotes; 7. warnings do not block, --strict makes them fail.

def test_validate_lists_values_that_their_quotes_do_not_state_as_warnings():
    run = planaudit("validate", data="evaluator")
    assert run.returncode == 0  # warnings only
    assert_matches("evaluator-validate.txt", run.stdout)
    assert planaudit("validate", "--strict", data="evaluator").returncode == 1


def test_validate_as_json_gives_each_problem_its_severity():
    run = planaudit("validate", "--format", "json", data="evaluator")
    severities = {(problem["code"], problem["severity"]) for problem in json.loads(run.stdout)["problems"]}
    assert severities == {("unused-figure", "warning"), ("percent-as-ratio", "warning")}


def test_check_judges_despite_warnings_and_lists_them_on_standard_error():
    run = planaudit("check", "2022", "--format", "json", data="evaluator")
    assert run.returncode == 0
    assert json.loads(run.stdout)["summary"]["targets"] == 5
    assert run.stderr.splitlines() == [
        "outcomes/2022/lakeview.yaml:15:12: percent-as-ratio 0.9 is read as 0.9%, not 90%; write 90% if that is meant",
        "targets/2022/lakeview.yaml:20:12: percent-as-ratio 0.85 is read as 0.85%, not 85%; write 85% if that is meant",
        "2 warnings found"]


# 4. Scopes are declared; explain says which scopes the report gives.

def test_explain_names_the_scopes_the_report_does_give():
    run = planaudit("explain", "2022", "lakeview", "public-lawyers-city", data="evaluator")
    assert run.stdout.splitlines()[-1] == ("Verdict: unmeasured — not in the report (the report gives "
                                           "public_lawyers.share for counties, not for city)")


# 6. One bad file blocks only its own jurisdiction (tests/examples/partly-broken).

def test_a_problem_blocks_only_its_jurisdiction_and_check_exits_2():
    run = planaudit("check", "2022", "--format", "json", data="partly-broken")
    assert run.returncode == 2
    document = json.loads(run.stdout)
    assert sorted({item["jurisdiction"] for item in document["results"]}) == ["lakeview", "no"]
    assert document["not_judged"] == ["colon", "draft", "fuzhou"]
    lines = run.stderr.splitlines()
    # Said in plain words first; the parser's own words (not ours to test) follow in brackets.
    assert lines.pop(1).startswith("targets/2022/colon.yaml:6:15: yaml-syntax the value on line 6 holds ': ', which "
                                   "YAML reads as a new key: quote this value (YAML: ")
    assert lines == [
        "outcomes/2022/no.yaml:1:15: yaml11-trap 'no' is read as false by YAML 1.1 tools; quote it if you mean the "
        "text: \"no\"",
        "targets/2022/draft.yaml:7:13: unassigned-metric metric not yet assigned: replace TODO with a metric id from "
        "rules/",
        "targets/2022/fuzhou.yaml:7:13: unknown-metric unknown metric 'legal_aid.case'; did you mean 'legal_aid.cases'?",
        "targets/2022/no.yaml:1:15: yaml11-trap 'no' is read as false by YAML 1.1 tools; quote it if you mean the "
        "text: \"no\"",
        "3 errors and 2 warnings found; not judged: colon, draft, fuzhou"]


def test_the_table_says_which_jurisdictions_were_not_judged():
    run = planaudit("check", "2022", data="partly-broken")
    assert run.stdout.splitlines()[-2:] == ["2022: 2 targets — 2 met (2 measured), 0 missed, 0 unmeasured",
                                            "Not judged, because their files have errors: colon, draft, fuzhou"]


def test_export_writes_what_was_judged_says_what_was_not_and_exits_2():
    run = planaudit("export", "2022", data="partly-broken")
    assert run.returncode == 2
    assert "Not judged, because their files have errors: colon, draft, fuzhou" in run.stdout.splitlines()
    assert run.stderr.splitlines()[-1] == "3 errors and 2 warnings found; not judged: colon, draft, fuzhou"


def test_junit_gives_each_jurisdiction_not_judged_an_error():
    suites = ElementTree.fromstring(planaudit("check", "2022", "--format", "junit", data="partly-broken").stdout)
    assert (suites.get("tests"), suites.get("errors")) == ("5", "3")
    errors = {suite.get("name"): suite.find("testcase/error").get("message") for suite in suites.iter("testsuite")
              if suite.get("errors") == "1"}
    assert errors == {slug: f"Not judged, because their files have errors: {slug}" for slug in ("colon", "draft", "fuzhou")}


def test_with_a_jurisdiction_chosen_the_others_files_are_not_read():
    run = planaudit("check", "2022", "-j", "lakeview", "--format", "json", data="partly-broken")
    assert (run.returncode, run.stderr) == (0, "")
    assert [item["jurisdiction"] for item in json.loads(run.stdout)["results"]] == ["lakeview"]


def test_a_slug_that_yaml_1_1_reads_as_false_is_checked_with_a_warning():
    run = planaudit("check", "2022", "-j", "no", data="partly-broken")
    assert run.returncode == 0
    assert run.stdout.splitlines()[-1] == "2022: 1 target — 1 met (1 measured), 0 missed, 0 unmeasured"
    assert run.stderr.splitlines()[-1] == "2 warnings found"


def test_validate_exits_1_on_errors_and_counts_both():
    run = planaudit("validate", data="partly-broken")
    # The warnings: the two yaml11 traps, and the figures of fuzhou and draft, which no target names.
    assert (run.returncode, run.stdout.splitlines()[-1]) == (1, "3 errors and 4 warnings found")


# 10. Formats evaluators open: CSV with a BOM and warnings, JUnit inconsistencies, JSON fields.

def test_csv_begins_with_a_byte_order_mark_and_carries_the_warnings():
    run = planaudit("check", "2022", "--format", "csv", data="evaluator")
    assert run.stdout.startswith("\ufeffyear,jurisdiction,id,")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(run.stdout.removeprefix("\ufeff")))}
    assert rows["closure-rate-85"]["warnings"] == ("inconsistent: medical_dispute.closure_rate stated 91%, "
                                                   "from counts 97.87% (outcomes/2022/lakeview.yaml:11)")
    assert rows["public-lawyers-city"]["warnings"] == ""


def test_junit_fails_inconsistent_figures_when_fail_on_includes_them():
    strict = ElementTree.fromstring(planaudit("check", "2022", "--format", "junit", "--fail-on", "inconsistent",
                                              data="evaluator").stdout)
    failed = {case.get("name").split(":")[0]: case.find("failure").get("type")
              for case in strict.iter("testcase") if case.find("failure") is not None}
    assert failed == {"closure-rate-up": "inconsistent", "closure-rate-85": "inconsistent"}
    lenient = ElementTree.fromstring(planaudit("check", "2022", "--format", "junit", data="evaluator").stdout)
    standing = next(case for case in lenient.iter("testcase") if case.get("name").startswith("closure-rate-85:"))
    assert "from counts 97.87%" in standing.find("system-out").text


def test_json_results_carry_scope_deadline_section_and_place():
    found = results()
    assert {key: found["public-lawyers-city"][key] for key in ("scope", "deadline", "section", "target_file",
                                                               "target_line")} == {
        "scope": "city", "deadline": None, "section": None, "target_file": "targets/2022/lakeview.yaml",
        "target_line": 22}


# 5. Growth stated in the report is used when there is no baseline.

def test_a_growth_target_is_judged_on_the_growth_the_report_states():
    run = planaudit("explain", "2022", "lakeview", "legal-aid-growth", data="evaluator")
    assert run.stdout.splitlines()[-3:] == [
        "Comparison: 21% ≥ 20% → holds",
        "Verdict: met — stated in the report (judged on the growth the report states, 21%: there is no figure of last "
        "year to compute it from)",
        "Rests on: measured — a number compared with the threshold"]


# 11. The Excel workbook an evaluator files.

def test_check_writes_an_excel_workbook(tmp_path):
    import openpyxl

    path = tmp_path / "audit.xlsx"
    run = planaudit("check", "2022", "-o", str(path), data="evaluator")
    assert run.returncode == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Summary", "Chart", "lakeview", "inconsistent"]
    sheet = book["lakeview"]
    assert sheet["A1"].value == "湖景市 (lakeview)" and sheet.freeze_panes == "A4"
    assert [cell.value for cell in sheet[4]][:3] == [1, 2022, "closure-rate-up"]
    assert sheet["L4"].value == ("“结案率91%” (outcomes/2022/lakeview.yaml:11); "
                                 "“医患纠纷结案率92%” (outcomes/2021/lakeview.yaml:5)")


def test_a_workbook_is_never_written_to_standard_output():
    run = planaudit("check", "2022", "--format", "xlsx", data="evaluator")
    assert (run.returncode, run.stdout) == (2, "")


# 8. Messages a person can act on.

@pytest.mark.parametrize("named", ["湖景市", "湖景", "lakeview"])
def test_a_jurisdiction_is_chosen_by_its_slug_its_name_or_its_name_without_shi(named):
    run = planaudit("check", "2022", "-j", named, "--format", "json", data="evaluator")
    assert {item["jurisdiction"] for item in json.loads(run.stdout)["results"]} == {"lakeview"}
    assert planaudit("explain", "2022", named, "1", data="evaluator").stdout.startswith("lakeview/closure-rate-up ")


def test_an_unknown_jurisdiction_gets_a_suggestion():
    run = planaudit("check", "2022", "-j", "lakevew", data="evaluator")
    assert run.returncode == 2
    assert run.stderr == ("planaudit: error: no targets for lakevew in 2022; did you mean 'lakeview'? "
                          "(jurisdictions with targets: lakeview)\n")


def test_a_year_without_targets_lists_the_years_that_have_them():
    run = planaudit("check", "2021", data="evaluator")
    assert run.returncode == 2
    assert run.stderr.endswith("has no *.yaml files (years with targets: 2022)\n")


def test_a_missing_metric_catalogue_is_said_once(tmp_path):
    import shutil

    shutil.copytree(EXAMPLES / "evaluator", tmp_path / "data", ignore=shutil.ignore_patterns("metrics.yaml"))
    run = planaudit("validate", "--data", str(tmp_path / "data"), data=None)
    assert [line for line in run.stdout.splitlines() if "unknown-metric" in line] == [
        "rules/:1:1: unknown-metric rules/ defines no metrics (is rules/metrics.yaml missing?), so no target or figure "
        "can name one"]


# 9. Chinese throughout: problems, errors, explain, validate, extract, dates (help: tests/cli/test_help_zh.py).

def test_validate_speaks_chinese_with_lang_zh_or_a_chinese_locale():
    by_option = planaudit("validate", "--lang", "zh", data="partly-broken")
    by_locale = planaudit("validate", data="partly-broken", env={"LANG": "zh_CN.UTF-8"})
    assert by_option.stdout == by_locale.stdout
    lines = by_option.stdout.splitlines()
    assert lines[-1] == "发现3个错误、4个警告"
    assert "targets/2022/fuzhou.yaml:7:13: unknown-metric 未知指标 'legal_aid.case'；是否指 'legal_aid.cases'？" in lines


def test_check_says_its_problems_and_errors_in_chinese():
    run = planaudit("check", "2022", "--lang", "zh", data="partly-broken")
    assert run.stderr.splitlines()[-1] == "发现3个错误、2个警告；未评估：colon, draft, fuzhou"
    assert run.stdout.splitlines()[-1] == "以下地区的数据文件有错误，未作评估：colon, draft, fuzhou"
    missing = planaudit("explain", "2022", "lakeview", "nothing", "--lang", "zh", data="evaluator")
    assert missing.stderr.startswith("planaudit：错误：lakeview 2022年没有目标 'nothing'（其目标：1–")


def test_explain_in_chinese_names_units_and_dates_as_chinese_readers_do():
    lines = planaudit("explain", "2022", "lakeview", "1", "--lang", "zh", data="evaluator").stdout.splitlines()
    assert "指标: medical_dispute.closure_rate — 医患纠纷结案率 (百分比)" in lines
    assert "  报告: outcomes/2022/lakeview.yaml:11 “结案率91%” (未注明日期（按年末计）)" in lines  # stated undated
    assert "比较 (所述): actual > baseline 其中 actual = 91%, baseline = 92% → 不成立" in lines


def test_the_chinese_report_is_dated_as_it_is_read():
    lines = planaudit("export", "2022", "--lang", "zh", data="evaluator").stdout.splitlines()
    assert lines[2] == f"2023年11月14日由 planaudit {__version__} 生成：逐项对照2022年工作要点目标与工作总结数据。"


def test_extract_drafts_with_a_chinese_head_and_chinese_errors(tmp_path):
    document = EXAMPLES / "documents" / "report.txt"
    draft = planaudit("extract", str(document), "--lang", "zh", data=None)
    assert draft.stdout.startswith("# 由 `planaudit extract` 根据 report.txt 起草（工作总结，数据，7项）。")
    (tmp_path / "speech.txt").write_text("在全市大会上的讲话\n", encoding="utf-8")
    refused = planaudit("extract", str(tmp_path / "speech.txt"), "--lang", "zh", data=None)
    assert refused.returncode == 2
    assert refused.stderr.endswith("speech.txt:1:1: 无法判断这是计划还是总结"
                                   "（没有“2022年工作要点”或“2022年工作总结”这样的标题）；请加 --kind plan 或 --kind report\n")


# 12. The Markdown source: coverage before success, aligned for Chinese, _ and > written plainly
# (tests/report/test_markdown.py has the cells with > and _ in every place); the 80-column table is
# tested under 1.

def test_the_markdown_headline_states_coverage_before_success():
    lines = planaudit("export", "2022", data="evaluator").stdout.splitlines()
    assert lines[6] == "**5 targets: 2 decided — 2 met (2 measured), 0 missed; 3 unmeasured**"


def test_the_markdown_tables_are_aligned_by_display_width():
    lines = planaudit("export", "2022", data="evaluator").stdout.splitlines()
    table = [line for line in lines if line.startswith("| ") and "closure-rate" in line or line.startswith("| #")]
    assert len({display_width(line) for line in table}) == 1, table


def test_markdown_writes_underscores_plainly_where_they_open_no_emphasis():
    text = planaudit("export", "2022", data="evaluator").stdout
    assert "the report gives public_lawyers.share for counties, not for city" in text  # in the unmeasured table
    assert "\\_" not in text and "&gt;" not in text


# Issue 16, point 2: --fail-on as a set, and the line that says why a run failed.

def test_fail_on_a_set_and_the_line_that_says_why():
    run = planaudit("check", "2022", "--fail-on", "missed,inconsistent", data="evaluator")
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == "failed: 1 inconsistent figure — --fail-on missed,inconsistent"
    alone = planaudit("check", "2022", "--fail-on", "unmeasured", "--lang", "zh", data="evaluator")  # that word alone
    assert alone.stderr.splitlines()[-1] == ("未通过：无法评估3项（lakeview/closure-rate-up, lakeview/mediation-success, "
                                             "lakeview/public-lawyers-city） —— --fail-on unmeasured")
    refused = planaudit("check", "2022", "--fail-on", "missed,sometimes", data="evaluator")
    assert (refused.returncode, refused.stdout) == (2, "")
