"""Acceptance: an evaluator's audit (tests/examples/evaluator) — every verdict traceable, contested
evidence named, values checked against their quotes, one bad file never hiding the rest."""

from __future__ import annotations

import json
import re

import pytest

from acceptance_support import assert_matches, planaudit


def results(*args: str) -> dict[str, dict]:
    run = planaudit("check", "2022", "--format", "json", *args, data="evaluator")
    return {item["id"]: item for item in json.loads(run.stdout)["results"]}


def test_contested_evidence_is_unmeasured_and_shows_both_figures():
    found = results()
    contested, standing = found["closure-rate-up"], found["closure-rate-85"]
    assert (contested["verdict"], contested["reason"]) == ("unmeasured", "contested")
    assert contested["warnings"] == [{"code": "inconsistent", "metric": "medical_dispute.closure_rate",
                                      "stated": "91", "derived": "97.87"}]
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
    assert "in 2022; did you mean 'closure-rate-up' or 'closure-rate-85'? (its targets: 1–4, or closure-rate-up," in run.stderr


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
    assert severities == {("unused-figure", "warning"), ("percent-as-ratio", "warning"),
                          ("value-not-in-quote", "warning")}


def test_check_judges_despite_warnings_and_lists_them_on_standard_error():
    run = planaudit("check", "2022", "--format", "json", data="evaluator")
    assert run.returncode == 0
    assert json.loads(run.stdout)["summary"]["targets"] == 4
    assert run.stderr.splitlines() == [
        "outcomes/2022/lakeview.yaml:15:12: percent-as-ratio 0.9 is read as 0.9%, not 90%; write 90% if that is meant",
        "outcomes/2022/lakeview.yaml:18:12: value-not-in-quote the value 1240 is none of the numbers its quote states "
        "(1204, 21%)",
        "targets/2022/lakeview.yaml:20:12: percent-as-ratio 0.85 is read as 0.85%, not 85%; write 85% if that is meant",
        "3 warnings found"]


# 4. Scopes are declared; explain says which scopes the report gives.

def test_explain_names_the_scopes_the_report_does_give():
    run = planaudit("explain", "2022", "lakeview", "public-lawyers-city", data="evaluator")
    assert run.stdout.splitlines()[-1] == ("Verdict: unmeasured — not in the report (the report gives "
                                           "public_lawyers.share for counties, not for city)")
