"""Acceptance: `planaudit progress` over the example five-year plan (tests/examples/progress), in
every format and both languages, compared exactly with golden files and parsed back."""

from __future__ import annotations

import json

import pytest

from acceptance_support import assert_matches, planaudit

SUFFIX = {"table": "txt", "markdown": "md", "json": "json", "csv": "csv", "junit": "xml", "github": "github.txt"}


@pytest.mark.parametrize("output_format", list(SUFFIX))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_golden_progress(output_format, lang):
    run = planaudit("progress", "2021-2025", "--format", output_format, "--lang", lang, data="progress")
    assert (run.returncode, run.stderr) == (0, "")
    assert_matches(f"progress-{lang}.{SUFFIX[output_format]}", run.stdout)


def test_the_json_says_each_year_s_status_and_the_roll_up():
    found = json.loads(planaudit("progress", "2021-2025", "--format", "json", data="progress").stdout)
    assert (found["period"], found["as_of"], found["band"]) == ("2021-2025", 2023, "0.1")
    assert found["rollup"] == {"achieved_early": 1, "ahead": 2, "on_track": 2, "behind": 1, "breached": 2}
    statuses = {target["id"]: [year["status"] for year in target["years"]] for target in found["targets"]}
    assert statuses == {
        "urbanization": ["on_track", "on_track", "on_track"],  # 2021: p − e is 0.1 exactly, on the line: on track
        "energy-intensity": ["on_track", "behind", "behind"],  # 2023 has no rate: 2022's chain stands, its year shown
        "rnd-growth": ["ahead", "ahead", "ahead"],
        "unemployment": ["held", "breached", "breached"],
        "income": ["held", "held", "breached"],
        "gdp": ["on_track", "behind", "on_track"],
        "life-expectancy": ["on_track", "on_track", "achieved_early"],
        "lawyers": ["unmeasured", "ahead", "ahead"],  # 57.48万多人: a bound straddling the line, then far beyond it
    }
    energy = next(target for target in found["targets"] if target["id"] == "energy-intensity")["years"][2]
    assert (energy["data_year"], energy["value"], energy["covered"]) == (2022, ["-2.7973", "-2.7973"],
                                                                         ["27973/135000", "27973/135000"])
    assert energy["expected"] is None and energy["expected_approx"].startswith("0.41747985504154370522753")
    lawyers = next(target for target in found["targets"] if target["id"] == "lawyers")["years"][0]
    assert (lawyers["why"], lawyers["covered"]) == ("imprecise", ["22/95", None])


def test_as_of_an_earlier_year_judges_no_later_figure():
    found = json.loads(planaudit("progress", "2021-2025", "--as-of", "2021", "--format", "json", data="progress").stdout)
    assert found["as_of"] == 2021 and all(len(target["years"]) == 1 for target in found["targets"])
    assert found["rollup"] == {"ahead": 1, "on_track": 4, "held": 2, "unmeasured": 1}


@pytest.mark.parametrize(("args", "said"), [
    (("2021-2026",), "planaudit: error: no period plans for 2021-2026: "),
    (("2025-2021",), "planaudit: error: '2025-2021' is not a period: write its first and last year, e.g. 2021-2025"),
    (("2021-2025", "-j", "nowhere"), "planaudit: error: no targets for nowhere in 2021-2025"),
])
def test_what_cannot_be_judged_is_said_with_exit_2(args, said):
    run = planaudit("progress", *args, data="progress")
    assert run.returncode == 2 and run.stdout == "" and run.stderr.startswith(said)


@pytest.mark.parametrize(("target", "lang"), [("urbanization", "en"), ("energy", "en"), ("lawyers", "zh")])
def test_explain_of_a_period_target_shows_each_year_s_figure_and_arithmetic(target, lang):
    run = planaudit("explain", "2021-2025", "example", target, "--lang", lang, data="progress")
    assert (run.returncode, run.stderr) == (0, "")
    assert_matches(f"progress-explain-{target}-{lang}.txt", run.stdout)


def test_explain_of_a_period_target_that_is_not_there():
    run = planaudit("explain", "2021-2025", "example", "nothing", data="progress")
    assert run.returncode == 2 and run.stderr.startswith("planaudit: error: example has no target 'nothing' in 2021-2025")


def test_junit_fails_the_targets_behind_regressing_breached_or_missed():
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.fromstring(planaudit("progress", "2021-2025", "--format", "junit", data="progress").stdout)
    assert {key: root.get(key) for key in ("tests", "failures", "skipped")} == {"tests": "8", "failures": "3", "skipped": "0"}
    failed = {case.get("name").split(":")[0]: case[0].get("type") for case in root.iter("testcase") if case[0].tag == "failure"}
    assert failed == {"energy-intensity": "behind", "unemployment": "breached", "income": "breached"}


def test_the_workbook_of_the_example_charts_each_target_with_two_years_of_figures(tmp_path):
    import openpyxl

    run = planaudit("progress", "2021-2025", "-o", str(tmp_path / "progress.xlsx"), data="progress")
    assert run.returncode == 0
    workbook = openpyxl.load_workbook(tmp_path / "progress.xlsx")
    assert workbook.sheetnames == ["status", "example", "chart"]
    assert [[cell.value for cell in row] for row in workbook["status"].iter_rows(min_row=5)] == [
        ["achieved early", 1], ["ahead", 2], ["on track", 2], ["behind", 1], ["breached", 2]]
    assert len(workbook["chart"]._charts) == 7  # every target but the lawyers', whose figures are bounds


def test_one_jurisdiction_s_progress_reads_no_other_s_plan(tmp_path):
    import shutil

    from acceptance_support import EXAMPLES

    copy = tmp_path / "progress"
    shutil.copytree(EXAMPLES / "progress", copy)
    (copy / "targets" / "2021-2025" / "elsewhere.yaml").write_text(
        "jurisdiction: elsewhere\nperiod: 2021-2025\ntargets:\n  - {id: a, title: t, quote: q, metric: nowhere, kind: reach}\n",
        encoding="utf-8")
    everyone = planaudit("progress", "2021-2025", "--format", "json", "--data", str(copy), data=None)
    assert (everyone.returncode, everyone.stdout) == (2, "")
    assert everyone.stderr.startswith("targets/2021-2025/elsewhere.yaml:4:")
    one = planaudit("progress", "2021-2025", "-j", "example", "--format", "json", "--data", str(copy), data=None)
    assert (one.returncode, one.stderr) == (0, "")
    assert json.loads(one.stdout)["jurisdictions"] == {"example": "示例省"}
