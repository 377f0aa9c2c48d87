"""Acceptance: `planaudit check` of several years in one run (`check 2021 2022 2023`, `check --all`)
over tests/examples/years — a city with plans for three years, a county with one — in every format,
compared exactly with golden files, and held against the runs of each year alone."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from acceptance_support import EXAMPLES, assert_matches, planaudit

SUFFIX = {"table": "txt", "markdown": "md", "json": "json", "csv": "csv", "junit": "xml", "github": "github.txt"}
WARNING = ("outcomes/2022/riverton.yaml:22:12: percent-as-ratio 0.97 is read as 0.97%, not 97%; "
           "write 97% if that is meant\n1 warning found\n")
FAILED = "failed: 1 missed (2022 riverton/publicity-events) — --fail-on missed\n"


@pytest.mark.parametrize("output_format", list(SUFFIX))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_golden_years(output_format, lang):
    run = planaudit("check", "--all", "--format", output_format, "--lang", lang, data="years")
    assert run.returncode == 1
    assert_matches(f"years-{lang}.{SUFFIX[output_format]}", run.stdout)
    if lang == "en":  # the warning of the outcomes that 2022 and 2023 both read, said once
        assert run.stderr == WARNING + FAILED


def test_the_years_named_are_the_years_of_all_in_order_each_once():
    every = planaudit("check", "--all", "--format", "json", data="years")
    named = planaudit("check", "2023", "2021", "2022", "2021", "--format", "json", data="years")
    assert (named.returncode, named.stdout, named.stderr) == (every.returncode, every.stdout, every.stderr)
    assert json.loads(every.stdout)["years"] == [2021, 2022, 2023]


def test_each_year_says_what_its_own_run_says():
    """The differential: each row of the run of three years is the row of its year's own run, with its
    year; each year's counts are its own run's; the whole is their sum."""
    whole = json.loads(planaudit("check", "--all", "--format", "json", data="years").stdout)
    alone = [json.loads(planaudit("check", str(year), "--format", "json", data="years").stdout)
             for year in (2021, 2022, 2023)]
    assert whole["year"] is None and [part["year"] for part in alone] == [2021, 2022, 2023]
    assert whole["results"] == [row for part in alone for row in part["results"]]
    assert whole["inconsistencies"] == [row for part in alone for row in part["inconsistencies"]]
    assert whole["by_year"] == [entry for part in alone for entry in part["by_year"]]
    assert whole["summary"]["targets"] == sum(part["summary"]["targets"] for part in alone) == 10
    assert {(row["year"], row["jurisdiction"], row["id"]): row["verdict"] for row in whole["results"]} == {
        (2021, "riverton", "legal-aid-growth"): "met", (2021, "riverton", "closure-rate"): "met",
        (2021, "riverton", "publicity-events"): "met", (2022, "hillcounty", "publicity-events"): "met",
        (2022, "riverton", "legal-aid-growth"): "met", (2022, "riverton", "closure-rate"): "unmeasured",
        (2022, "riverton", "publicity-events"): "missed", (2023, "riverton", "legal-aid-growth"): "unmeasured",
        (2023, "riverton", "closure-rate"): "unmeasured", (2023, "riverton", "publicity-events"): "unmeasured"}
    rows = list(csv.DictReader(io.StringIO(planaudit("check", "--all", "--format", "csv", data="years").stdout[1:])))
    lone = [row for year in (2021, 2022, 2023)
            for row in csv.DictReader(io.StringIO(planaudit("check", str(year), "--format", "csv", data="years").stdout[1:]))]
    assert rows == lone and [row["year"] for row in rows] == ["2021"] * 3 + ["2022"] * 4 + ["2023"] * 3


def test_each_suite_of_junit_is_a_jurisdiction_s_year():
    suites = ET.fromstring(planaudit("check", "--all", "--format", "junit", data="years").stdout)
    assert suites.get("name") == "planaudit 2021–2023"
    assert [(suite.get("name"), suite.get("tests")) for suite in suites] == [
        ("2021 riverton", "3"), ("2022 hillcounty", "1"), ("2022 riverton", "3"), ("2023 riverton", "3")]
    assert {case.get("classname") for case in suites[2]} == {"2022 riverton"}


def test_a_jurisdiction_chosen_is_judged_in_the_years_it_has_a_plan():
    run = planaudit("check", "--all", "-j", "山县", "--format", "json", data="years")
    found = json.loads(run.stdout)
    assert (run.returncode, run.stderr) == (0, "")  # riverton's files, and their warning, are not read
    assert [(entry["year"], entry["summary"]["targets"]) for entry in found["by_year"]] == [(2021, 0), (2022, 1), (2023, 0)]
    assert [(row["year"], row["jurisdiction"]) for row in found["results"]] == [(2022, "hillcounty")]


@pytest.mark.parametrize(("args", "said"), [
    ((), "planaudit: error: name a year to judge (2022, or 2021 2022 2023), or give --all for every year\n"),
    (("--all", "2022"), "planaudit: error: name the years or give --all, not both\n"),
    (("2021", "2024"), "planaudit: error: no target files for 2024: "),
    (("--all", "-j", "nowhere"), "planaudit: error: no targets for nowhere in 2021–2023 (jurisdictions with targets: "
                                 "hillcounty, riverton)\n"),
])
def test_what_cannot_be_judged_is_said_with_exit_2(args, said):
    run = planaudit("check", *args, data="years")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.startswith(said)


def test_all_in_a_repository_without_targets_is_said_with_exit_2(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "metrics.yaml").write_text("metrics: {}\n", encoding="utf-8")
    run = planaudit("check", "--all", data=None, cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"planaudit: error: no target files: {tmp_path / 'targets'} has no year's folder with *.yaml files\n"


def test_export_writes_the_markdown_of_several_years(tmp_path):
    path = tmp_path / "audit.md"
    run = planaudit("export", "--all", "-o", str(path), data="years")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", WARNING)
    assert path.read_text(encoding="utf-8") == planaudit("check", "--all", "--format", "markdown", data="years").stdout


def test_the_example_has_the_years_it_is_described_with():
    assert sorted(path.name for path in (EXAMPLES / "years" / "targets").iterdir()) == ["2021", "2022", "2023"]
