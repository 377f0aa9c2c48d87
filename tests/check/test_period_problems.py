"""`planaudit validate` of period plans (targets/<first>-<last>/): what `progress` needs of each
target, each problem at its file, line and column, with its code and words."""

from __future__ import annotations

import pytest

from planaudit import api
from planaudit.model.problems import Code
from support import COUNT_METRICS, RepoBuilder

PLAN = "targets/2021-2025/testville.yaml"
HEADER = "jurisdiction: testville\nperiod: 2021-2025\ntargets:\n"


def problems_of(tmp_path, target: str, path: str = PLAN, header: str = HEADER):
    RepoBuilder(tmp_path).rules(COUNT_METRICS).write(path, header + f"  - {{id: a, title: t, quote: q, {target}}}\n")
    return [(problem.path, problem.line, problem.code, problem.message) for problem in api.validate(tmp_path)]


@pytest.mark.parametrize(("target", "code", "message"), [
    ("metric: cases, kind: reach", Code.VALUE_MISSING, "a reach target needs its value as a number"),
    ("metric: cases, kind: relative, value: 3", Code.VALUE_MISSING,
     "a relative target names the figure it is held against: value: {metric: …}"),
    ("metric: cases, kind: milestones", Code.VALUE_MISSING, "a milestones target needs its milestones"),
    ("metric: cases, kind: maintain, value: {metric: rate}", Code.VALUE_FORBIDDEN,
     "a maintain target needs its value as a number"),
    ("metric: cases, kind: cumulative, value: 5", Code.UNIT,
     "a cumulative target chains yearly rates in percent; cases is in case"),
    ("metric: rate, kind: cumulative, direction: down, value: 100", Code.VALUE_FORBIDDEN,
     "a fall of 100 percent leaves nothing: a cumulative target's fall is less than 100 percent"),
    ("metric: rate, kind: average_growth, value: 7, rule: about", Code.UNKNOWN_RULE,
     "a average_growth target is held to its value by at_least, more_than, at_most or less_than, not 'about'"),
    ("metric: cases, kind: reach, value: 5, rule: growth_at_least", Code.UNKNOWN_RULE,
     "rule 'growth_at_least' does not compare a figure with a value; a period target's rule must (at_least, more_than, "
     "at_most, less_than, equals, about)"),
    ("metric: open, kind: reach, value: 1", Code.UNIT, "open is boolean: a period target follows a number over the years"),
    ("metric: cases, kind: reach, value: 5, year: 2026", Code.PERIOD_YEAR, "year 2026 is outside the period 2021-2025"),
    ("metric: cases, kind: reach, value: 5, base: {value: 1, year: 2010, quote: '1'}", Code.PERIOD_YEAR,
     "the base year 2010 is more than 10 years before the period 2021-2025"),
    ("metric: cases, kind: milestones, milestones: [{year: 2026, value: 1, quote: '1'}]", Code.PERIOD_YEAR,
     "milestone year 2026 is outside 2021-2025, the years the target runs"),
    ("metric: cases, kind: milestones, milestones: [{year: 2022, value: 1, quote: '1'}, {year: 2022, value: 2, quote: '2'}]",
     Code.DUPLICATE_ID, "a second milestone for 2022"),
    ("metric: casez, kind: reach, value: 5", Code.UNKNOWN_METRIC, "unknown metric 'casez'; did you mean 'cases'?"),
    ("metric: cases, kind: maintain, value: 85%", Code.UNIT, "a value in percent cannot be compared with a metric in case"),
    ("metric: cases, kind: reach, value: 5, aggregate: mean", Code.VALUE_FORBIDDEN,
     "over: and aggregate: are for a target held every year (maintain, relative); a reach target is judged on each "
     "year's figure at its end"),
    ("metric: cases, kind: maintain, value: 5, over: year, aggregate: mean", Code.VALUE_FORBIDDEN,
     "a target on the year's mean (aggregate:) holds at no time of it: over: year is for a ceiling or a floor through the "
     "year"),
    ("metric: cases, kind: maintain, value: 5, over: year, rule: about", Code.VALUE_FORBIDDEN,
     "rule about cannot hold over a year: over: year is for a ceiling or a floor (at_most, less_than, at_least, more_than)"),
])
def test_each_problem_of_a_period_target(tmp_path, target, code, message):
    ((path, line, found_code, found_message),) = problems_of(tmp_path, target)
    assert (path, line, found_code, found_message) == (PLAN, 4, code, message)


def test_a_header_that_disagrees_with_its_folder(tmp_path):
    found = problems_of(tmp_path, "metric: cases, kind: reach, value: 5",
                        header="jurisdiction: testville\nperiod: 2021-2024\ntargets:\n")
    assert found == [(PLAN, 2, Code.PATH_MISMATCH, "period 2021-2024 disagrees with the directory 2021-2025/")]


@pytest.mark.parametrize("folder", ["2025-2021", "2021-2060"])
def test_a_folder_that_names_no_period(tmp_path, folder):
    found = problems_of(tmp_path, "metric: cases, kind: reach, value: 5", path=f"targets/{folder}/testville.yaml",
                        header=f"jurisdiction: testville\nperiod: {folder}\ntargets:\n")
    assert found == [(f"targets/{folder}/testville.yaml", 1, Code.PATH_MISMATCH,
                      "a period's folder names its first year, then a later last year at most 30 years on: "
                      "targets/2021-2025/")]


def test_a_figure_only_a_period_plan_follows_is_used(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.write(PLAN, HEADER + "  - {id: a, title: t, quote: q, metric: rate, kind: reach, value: 90, "
                                 "base: {value: 80, year: 2020, quote: '80'}}\n")
    builder.write("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nfigures:\n"
                                                  "  - {metric: cases, value: 3, quote: '3'}\n"
                                                  "  - {metric: share, value: 0.3, quote: '0.3'}\n")
    # rate derives from cases (closed / cases * 100): only share is used by no target
    assert [(problem.line, problem.code) for problem in api.validate(tmp_path)] == [(5, Code.UNUSED_FIGURE)]


def test_a_target_id_used_twice_in_a_period_plan(tmp_path):
    RepoBuilder(tmp_path).rules(COUNT_METRICS).write(PLAN, HEADER + "".join(
        f"  - {{id: a, title: t, quote: q, metric: cases, kind: reach, value: {value}}}\n" for value in (5, 6)))
    assert [(problem.line, problem.code, problem.message) for problem in api.validate(tmp_path)] == [
        (5, Code.DUPLICATE_ID, "target id 'a' is already used on line 4")]
