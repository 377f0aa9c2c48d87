"""Acceptance: `planaudit compare` over tests/examples/years — a city and a county over three years —
in every format, compared exactly with golden files; its counts held against `check`'s."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from acceptance_support import assert_matches, planaudit

SUFFIX = {"table": "txt", "markdown": "md", "json": "json", "csv": "csv"}
WARNING = ("outcomes/2022/riverton.yaml:22:12: percent-as-ratio 0.97 is read as 0.97%, not 97%; write 97% if that is "
           "meant\n1 warning found\n")


@pytest.mark.parametrize("output_format", list(SUFFIX))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_golden_compare(output_format, lang):
    run = planaudit("compare", "--all", "--min-measured", "1", "--format", output_format, "--lang", lang, data="years")
    assert run.returncode == 0
    assert_matches(f"compare-{lang}.{SUFFIX[output_format]}", run.stdout)
    if lang == "en":
        assert run.stderr == WARNING


def test_a_jurisdiction_s_counts_are_check_s():
    compared = json.loads(planaudit("compare", "--all", "--by", "jurisdiction", "--format", "json", data="years").stdout)
    checked = json.loads(planaudit("check", "--all", "--format", "json", data="years").stdout)
    assert list(compared["tables"]) == ["jurisdiction"] and compared["years"] == [2021, 2022, 2023]
    for year in checked["by_year"]:
        rows = [row for row in compared["tables"]["jurisdiction"] if row["year"] == year["year"]]
        for name in ("targets", "met", "missed", "unmeasured", "waived", "inconsistent", "met_measured", "missed_measured"):
            assert sum(row[name] for row in rows) == year["summary"][name], (year["year"], name)


def test_only_enough_measured_targets_rank_a_row():
    tables = json.loads(planaudit("compare", "2022", "--format", "json", data="years").stdout)["tables"]
    assert [(row["jurisdiction"], row["rank"], row["few_measured"], row["measured"], row["share_met_measured"])
            for row in tables["jurisdiction"]] == [("hillcounty", None, True, 1, "100"), ("riverton", None, True, 2, "50")]
    ranked = json.loads(planaudit("compare", "2022", "--min-measured", "1", "--format", "json", data="years").stdout)
    assert [(row["jurisdiction"], row["rank"]) for row in ranked["tables"]["jurisdiction"]] == [
        ("hillcounty", 1), ("riverton", 2)]
    assert [(row["rule"], row["rank"], row["targets"], row["met"]) for row in ranked["tables"]["rule"]] == [
        ("growth_at_least", 1, 1, 1), ("at_least", 2, 3, 1)]  # growth: 1 of 1 measured met; at_least: 1 of 2


def test_the_workbook_has_a_sheet_a_table_and_numbers_in_its_cells(tmp_path):
    path = tmp_path / "comparison.xlsx"
    run = planaudit("compare", "--all", "-o", str(path), "--format", "csv", data="years")
    assert run.returncode == 0
    rows = list(csv.DictReader(io.StringIO(run.stdout.removeprefix("\ufeff"))))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["By jurisdiction", "By plan section", "By kind of commitment (its metr", "By rule"]
    sheet = [list(line) for line in book["By jurisdiction"].iter_rows(values_only=True)]
    assert sheet[2][:6] == ["Rank", "Year", "Jurisdiction", "Name", "Targets", "Met"]
    assert sheet[5][:8] == ["", 2022, "riverton", "河城市", 3, 1, 1, 0]
    assert len(sheet) - 3 == sum(row["grouping"] == "jurisdiction" for row in rows) == 4


@pytest.mark.parametrize(("args", "said"), [
    ((), "planaudit: error: name a year to judge (2022, or 2021 2022 2023), or give --all for every year\n"),
    (("2022", "--by", "county"), "Usage: "),
    (("2022", "--min-measured", "0"), "Usage: "),
    (("2022", "-o", "x.sarif"), "planaudit: error: cannot tell the format of x.sarif from its ending"),
])
def test_what_cannot_be_compared_is_said_with_exit_2(args, said):
    run = planaudit("compare", *args, data="years")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.startswith(said)


def test_an_error_in_a_file_is_said_and_exits_2():
    run = planaudit("compare", "2022", "--format", "json", data="invalid")
    assert run.returncode == 2 and "error" in run.stderr.splitlines()[-1]
