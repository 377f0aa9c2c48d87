"""`planaudit coverage` over tests/examples/coverage: a plan and a report (sources/) held against
the repository — the real command's exact output and exit status."""

from __future__ import annotations

import json

import pytest

from acceptance_support import EXAMPLES, assert_matches, planaudit

SOURCES = EXAMPLES / "coverage" / "sources"


def coverage(*args: str):
    return planaudit("coverage", *args, data="coverage")


@pytest.mark.parametrize("output_format", ["table", "markdown", "json"])
def test_a_plan_with_a_quote_that_is_not_verbatim(output_format):
    done = coverage(str(SOURCES / "plan.txt"), "--format", output_format)
    assert (done.returncode, done.stderr) == (1, "")  # the hotline's quote writes X for ×
    assert_matches(f"coverage-plan.{output_format}", done.stdout.replace(str(EXAMPLES), "tests/examples"))


def test_a_report_its_unrecorded_figures_and_the_figures_no_target_uses():
    done = coverage(str(SOURCES / "report.txt"), "--lang", "zh")
    assert done.returncode == 0
    assert_matches("coverage-report-zh.table", done.stdout.replace(str(EXAMPLES), "tests/examples"))


def test_the_jurisdiction_year_and_kind_come_from_the_document_and_its_quotes():
    summary = json.loads(coverage(str(SOURCES / "report.txt"), "--format", "json").stdout)
    assert {key: summary[key] for key in ("kind", "jurisdiction", "year", "data_file")} == {
        "kind": "report", "jurisdiction": "lakeside", "year": 2022, "data_file": "outcomes/2022/lakeside.yaml"}
    assert summary["summary"] == {"clauses": 4, "covered": 2, "share": 50, "directions": 0, "not_verbatim": 0, "unused": 1}


def test_gb18030_is_read_with_encoding(tmp_path):
    encoded = tmp_path / "plan.txt"
    encoded.write_bytes((SOURCES / "plan.txt").read_text(encoding="utf-8").encode("gb18030"))
    as_utf8 = coverage(str(SOURCES / "plan.txt"), "--format", "json")
    as_gb18030 = coverage(str(encoded), "--encoding", "gb18030", "--format", "json")
    assert json.loads(as_gb18030.stdout) | {"document": None} == json.loads(as_utf8.stdout) | {"document": None}
    unread = coverage(str(encoded))
    assert unread.returncode == 2
    assert unread.stderr.startswith(f"{encoded}:1:1: is not UTF-8 text (byte 0xba); save the file as UTF-8, "
                                    "or pass --encoding gb18030 for GBK or GB18030 text")


@pytest.mark.parametrize(("args", "message"), [
    (("-j", "riverton"), "planaudit: error: no targets/2022/riverton.yaml to hold the document against "
                         "(jurisdictions with one: lakeside)"),
    (("--year", "2021"), "planaudit: error: no targets/2021/*.yaml to hold the document against "
                         "(jurisdictions with one: none)"),
    (("--encoding", "gbx"), "{plan}:1:1: unknown encoding 'gbx'"),
])
def test_what_cannot_be_held_against_anything_is_an_error(args, message):
    plan = str(SOURCES / "plan.txt")
    done = coverage(plan, *args)
    assert (done.returncode, done.stdout, done.stderr.splitlines()[0]) == (2, "", message.format(plan=plan))


def test_a_document_no_file_quotes(tmp_path):
    stranger = tmp_path / "other.txt"
    stranger.write_text("2022年工作要点\n一、其他\n（一）建成一座桥。\n", encoding="utf-8")
    done = coverage(str(stranger))
    assert (done.returncode, done.stderr) == (2, "planaudit: error: cannot tell whose document this is: no quote of any "
                                                 "targets/2022/*.yaml stands in it, or as many of two files' as of each "
                                                 "other's; pass -j SLUG\n")


def test_a_data_file_with_an_error_is_named_and_nothing_is_held(tmp_path):
    import shutil

    copy = tmp_path / "coverage"
    shutil.copytree(EXAMPLES / "coverage", copy)
    plan = copy / "targets" / "2022" / "lakeside.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("rule: at_least", "rule: at_lest", 1), encoding="utf-8")
    done = planaudit("coverage", str(SOURCES / "plan.txt"), "--data", str(copy), data=None)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("targets/2022/lakeside.yaml:9:11: unknown-rule unknown rule 'at_lest'")


OUTLINE = EXAMPLES / "progress" / "sources" / "outline.txt"


@pytest.mark.parametrize("output_format", ["table", "json"])
def test_a_five_year_plan_is_held_against_its_period_plan(output_format):
    done = planaudit("coverage", str(OUTLINE), "--format", output_format, data="progress")
    assert (done.returncode, done.stderr) == (1, "")  # the energy target's quote writes 能耗…〔13.5〕 for 能源消耗…13.5%
    assert_matches(f"coverage-period.{output_format}", done.stdout.replace(str(EXAMPLES), "tests/examples"))


def test_the_period_comes_from_the_title_or_from_year():
    from_title = planaudit("coverage", str(OUTLINE), "--format", "json", data="progress")
    given = planaudit("coverage", str(OUTLINE), "--format", "json", "--year", "2021-2025", "-j", "example", data="progress")
    assert json.loads(given.stdout) == json.loads(from_title.stdout)
    assert {key: json.loads(given.stdout).get(key) for key in ("kind", "period", "year", "data_file")} == {
        "kind": "plan", "period": "2021-2025", "year": None, "data_file": "targets/2021-2025/example.yaml"}


@pytest.mark.parametrize(("args", "message"), [
    (("-j", "elsewhere"), "planaudit: error: no targets/2021-2025/elsewhere.yaml to hold the document against "
                          "(jurisdictions with one: example)"),
    (("--year", "2016-2020"), "planaudit: error: no targets/2016-2020/*.yaml to hold the document against "
                              "(jurisdictions with one: none)"),
    (("--year", "2021-2025", "--kind", "report"), "planaudit: error: --year 2021-2025 is a period: a period has plans, "
                                                  "not reports; give the report's year"),
])
def test_what_a_period_cannot_be_held_against_is_an_error(args, message):
    done = planaudit("coverage", str(OUTLINE), *args, data="progress")
    assert (done.returncode, done.stdout, done.stderr.splitlines()[0]) == (2, "", message)
